/**
 * Sticky-note markdown to HTML that is safe to insert (ARCHITECTURE.md convention 11). marked renders, then
 * DOMPurify keeps only an allowlist: text formatting, lists, code, quotes, headings and links. Links keep
 * https: and mailto: targets only (no javascript:, data:, http: or relative URLs) and open in a new tab
 * without an opener. Images, raw HTML widgets, styles and event handlers are all stripped: a note is text a
 * stranger may have written (designs are shared as files).
 */
import DOMPurify, { type Config } from 'dompurify';
import { marked } from 'marked';

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'hr'] as const;
const SAFE_LINK = /^(?:https:|mailto:)/i;

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: ['href', 'title'],
  ALLOWED_URI_REGEXP: SAFE_LINK,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

type Purifier = ReturnType<typeof DOMPurify>;
let purifier: Purifier | null = null;

/** A DOMPurify instance of our own, so its hook never affects another user of the library on the page. */
function getPurifier(): Purifier {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href');
    if (href === null || !SAFE_LINK.test(href.trim())) {
      node.removeAttribute('href');
      return;
    }
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  purifier = p;
  return p;
}

/** Sanitize HTML against the note allowlist. */
export function sanitizeNoteHtml(html: string): string {
  return getPurifier().sanitize(html, CONFIG);
}

/**
 * @example renderNoteMarkdown('**Ask** [legal](https://example.com)')
 *   // '<p><strong>Ask</strong> <a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">legal</a></p>\n'
 */
export function renderNoteMarkdown(text: string): string {
  const html = marked.parse(text, { async: false, gfm: true, breaks: true });
  return sanitizeNoteHtml(html);
}

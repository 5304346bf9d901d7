// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderNoteMarkdown, sanitizeNoteHtml } from '../../src/ui/overlays/markdown.ts';

describe('note markdown', () => {
  it('renders formatting, lists and code', () => {
    const html = renderNoteMarkdown('# Title\n**bold** _em_ `code`\n\n- one\n- two');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>em</em>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>one</li>');
  });

  it('keeps https and mailto links, opening in a new tab without an opener', () => {
    const html = renderNoteMarkdown('[a](https://example.com) [m](mailto:x@example.com)');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="mailto:x@example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('target="_blank"');
  });

  it('strips every other link target', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'http://example.com', 'data:text/html,<b>x</b>', '/relative', '#frag', 'vbscript:x', ' javascript:alert(1)']) {
      const html = renderNoteMarkdown(`[x](${href})`);
      expect(html, href).not.toMatch(/href=/);
    }
    expect(sanitizeNoteHtml('<a href="java&#x73;cript:alert(1)">x</a>')).not.toMatch(/href=/);
  });

  it('strips scripts, images, event handlers, styles, iframes and forms', () => {
    const html = renderNoteMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(1)><p onclick="x()" style="color:red">p</p><iframe src="https://x"></iframe><form><input></form><svg><circle/></svg>![i](https://x/i.png)',
    );
    for (const bad of ['<script', '<img', 'onerror', 'onclick', 'style=', '<iframe', '<form', '<input', '<svg']) expect(html, bad).not.toContain(bad);
    expect(html).toContain('p');
  });
});

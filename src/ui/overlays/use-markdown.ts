/**
 * marked + DOMPurify load on first use rather than with the first page: most designs have no notes, and the
 * rule pages open only on request. Until the renderer arrives, callers show the note's plain text (React escapes
 * it), so nothing unsanitized is ever inserted.
 */
import { useEffect, useMemo, useState } from 'react';

type Render = (text: string) => string;

let loaded: Render | null = null;
let pending: Promise<Render> | null = null;

/** The sanitizing markdown renderer (overlays/markdown.ts), loaded once. */
export function loadMarkdown(): Promise<Render> {
  pending ??= import('./markdown.ts').then(
    (m) => {
      loaded = m.renderNoteMarkdown;
      return m.renderNoteMarkdown;
    },
    (error: unknown) => {
      // Offline before the chunk was cached: the next caller tries again.
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** Sanitized HTML for `text`, or null while the renderer is loading. */
export function useMarkdownHtml(text: string): string | null {
  const [render, setRender] = useState<Render | null>(() => loaded);
  useEffect(() => {
    if (render) return;
    let live = true;
    loadMarkdown().then(
      (r) => {
        if (live) setRender(() => r);
      },
      () => {
        // The renderer did not load (offline): the note keeps showing its plain text, which is all it loses.
      },
    );
    return () => {
      live = false;
    };
  }, [render]);
  return useMemo(() => (render ? render(text) : null), [render, text]);
}

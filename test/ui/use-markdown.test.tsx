// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMarkdownHtml } from '../../src/ui/overlays/use-markdown.ts';

function Note({ text }: { text: string }) {
  const html = useMarkdownHtml(text);
  return html === null ? <div data-testid="body">{text}</div> : <div data-testid="body" dangerouslySetInnerHTML={{ __html: html }} />;
}

describe('markdown loaded on first use', () => {
  it('shows the plain text until the sanitizer arrives, then sanitized HTML', async () => {
    render(<Note text={'**Ask** [legal](https://example.com) <img src=x onerror=alert(1)> [bad](javascript:alert(1))'} />);
    const body = screen.getByTestId('body');
    await waitFor(() => expect(body.querySelector('strong')).not.toBeNull(), { timeout: 15_000 }); // the lazy chunk's first import can take seconds on a loaded machine
    expect(body.querySelector('a[href="https://example.com"]')).not.toBeNull();
    expect(body.querySelector('img')).toBeNull();
    expect(body.innerHTML).not.toContain('javascript:');
  });
});

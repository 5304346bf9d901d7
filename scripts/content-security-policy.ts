/**
 * The Content Security Policy of the built app (docs/architecture.md, "Content Security Policy"). vite.config.ts
 * puts it in index.html; the browser test test/e2e/content-security-policy.prod.spec.ts checks the app runs
 * under it without a single violation.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // No inline script and no eval: zod is configured jitless at start-up (src/domain/zod-jitless.ts).
  'script-src': ["'self'"],
  // The simulation, layout and save workers are module scripts of our own origin.
  'worker-src': ["'self'"],
  // React Flow positions nodes through element.style (CSSOM), which style-src does not govern; the compare
  // highlights use an adopted constructable style sheet. No <style> element or style="" attribute is needed.
  'style-src': ["'self'"],
  // Image export: html-to-image draws the canvas as an SVG data: URL and reads it back as a blob.
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

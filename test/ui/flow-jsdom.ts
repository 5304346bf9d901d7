/**
 * jsdom has no layout: give React Flow a 1400 x 900 viewport and the APIs it measures with, for the tests of this
 * file's suite (call at the top level of a test file).
 */
import { afterAll, beforeAll, vi } from 'vitest';

export function stubFlowLayout(): void {
  const restore: (() => void)[] = [];
  beforeAll(() => {
    class RO {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    vi.stubGlobal('ResizeObserver', RO);
    vi.stubGlobal('DOMMatrixReadOnly', class {
      m22 = 1;
      constructor(public readonly t?: string) {}
    });
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {} }));
    for (const [key, value] of [
      ['offsetWidth', 1400],
      ['offsetHeight', 900],
      ['clientWidth', 1400],
      ['clientHeight', 900],
    ] as const) {
      const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key);
      Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => value });
      restore.push(() => before && Object.defineProperty(HTMLElement.prototype, key, before));
    }
  });
  afterAll(() => {
    restore.forEach((r) => r());
    vi.unstubAllGlobals();
  });
}

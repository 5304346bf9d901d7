/**
 * Runs in the page (Chromium): times a full analysis of every template and of generated designs, and what a
 * drag frame costs the live selectors (a position-only change). Results go to window.__benchResult.
 */
import * as analyzer from '../../src/analyzer/index.ts';
import { analysisOf } from '../../src/store/analysis.ts';
import { TEMPLATES } from '../../src/templates/index.ts';
import { stagedDesign } from './design.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn(); // warm the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const rows: { name: string; nodes: number; analyzeMs: number; moveMs: number }[] = [];
const designs = [...TEMPLATES.map((t) => ({ name: t.id, doc: t.doc })), ...[100, 300, 1000, 3000].map((n) => ({ name: `generated ${n}`, doc: stagedDesign(n) }))];
for (const { name, doc } of designs) {
  const analyzeMs = time(() => analyzer.analyze(doc), doc.nodes.length > 1000 ? 7 : 21);
  // A drag frame: one node moved; the selector must reuse the analysis, not re-run it.
  let k = 0;
  analysisOf(doc, analyzer);
  // performance.now() is coarsened to 0.1 ms in the page: time 50 frames per sample.
  const FRAMES = 50;
  const moveMs =
    time(() => {
      for (let f = 0; f < FRAMES; f++) {
        k++;
        const moved = { ...doc, nodes: doc.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: k, y: k } } : n)) };
        analysisOf(moved, analyzer);
      }
    }, 11) / FRAMES;
  rows.push({ name, nodes: doc.nodes.length, analyzeMs, moveMs });
}
(window as unknown as { __benchResult: unknown }).__benchResult = { userAgent: navigator.userAgent, rows };
document.body.textContent = JSON.stringify(rows, null, 1);

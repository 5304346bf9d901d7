/**
 * A small valid workflow with one node of every kind, and helpers to break it in one place: the unit tests
 * change one field and check that import names exactly that field.
 */
import { createNode, createWorkflow, type Problem, type Workflow } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { importWorkflow, type ImportResult } from '../../src/interop/import.ts';

/**
 * trigger -> ai -> check -> human -> router -> tool -> loop (each -> data -> loop) -> join -> output,
 * ai:error -> alert, plus a note.
 */
export function sampleWorkflow(): Workflow {
  const doc = createWorkflow({ id: 'wf_sample', name: 'Sample' });
  const at = (i: number) => ({ x: i * 200, y: 0 });
  doc.nodes = [
    createNode('trigger', { id: 'trigger', position: at(0) }),
    createNode('ai', { id: 'ai', position: at(1) }),
    createNode('check', { id: 'check', position: at(2) }),
    createNode('human', { id: 'human', position: at(3) }),
    createNode('router', { id: 'router', position: at(4) }),
    createNode('tool', { id: 'tool', position: at(5) }),
    createNode('join', { id: 'join', position: at(6) }),
    createNode('output', { id: 'done', position: at(7) }),
    { ...createNode('output', { id: 'alert', position: at(8) }), config: { type: 'alert', outcome: 'error' } },
    createNode('note', { id: 'note', position: at(9) }),
    createNode('loop', { id: 'loop', position: at(10) }),
    createNode('data', { id: 'data', position: at(11) }),
  ];
  const e = (id: string, source: string, sourcePort: string, target: string) => ({ id, source, sourcePort, target });
  doc.edges = [
    e('e1', 'trigger', 'out', 'ai'),
    e('e2', 'ai', 'out', 'check'),
    e('e3', 'check', 'pass', 'human'),
    e('e4', 'human', 'approve', 'router'),
    e('e5', 'router', 'out', 'tool'),
    e('e6', 'tool', 'out', 'loop'),
    e('e7', 'join', 'out', 'done'),
    e('e8', 'ai', 'error', 'alert'),
    e('e9', 'loop', 'each', 'data'),
    e('e10', 'data', 'out', 'loop'),
    e('e11', 'loop', 'done', 'join'),
  ];
  doc.scenarios = [{ id: 's1', name: 'Baseline', seed: 42, cases: 100 }];
  return doc;
}

/** A plain JSON tree of the sample, to edit freely (the test owns it). */
export function sampleTree(): Record<string, unknown> {
  const tree: unknown = JSON.parse(exportWorkflow(sampleWorkflow()));
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) throw new Error('sample is not an object');
  return tree as Record<string, unknown>;
}

type Tree = Record<string, unknown> | unknown[];

/** Follow a path into a tree (for edits in tests); throws if the path does not exist. */
export function at(tree: unknown, ...path: (string | number)[]): Tree {
  let v = tree;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) throw new Error(`no ${String(k)} in path ${path.join('.')}`);
    v = (v as Record<string | number, unknown>)[k];
  }
  if (typeof v !== 'object' || v === null) throw new Error(`path ${path.join('.')} is not an object`);
  return v as Tree;
}

/** Import the sample after `edit` changed its tree. */
export function importEdited(edit: (tree: Record<string, unknown>) => void): ImportResult {
  const tree = sampleTree();
  edit(tree);
  return importWorkflow(JSON.stringify(tree, null, 2));
}

/** The problems of a failed import (fails the test if the import succeeded). */
export function problemsOf(r: ImportResult): readonly Problem[] {
  if (r.ok) throw new Error('expected import to fail, but it succeeded');
  return r.problems;
}

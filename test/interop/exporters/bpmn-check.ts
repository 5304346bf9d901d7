/**
 * The BPMN tools the exporter is checked with: bpmn-moddle (the bpmn.io object model: parses the XML against the
 * BPMN 2.0 meta-model and warns about anything it does not know) and bpmnlint 11 with its recommended rules.
 */
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);

interface LintReport {
  readonly id?: string;
  readonly message: string;
  readonly category: 'error' | 'warn' | 'info' | 'rule-error';
}
interface LinterInstance {
  lint(root: unknown): Promise<Record<string, LintReport[]>>;
}
type LinterClass = new (options: { config: unknown; resolver: unknown }) => LinterInstance;
type ResolverClass = new () => unknown;

const Linter = (require('bpmnlint/lib/linter') as { default?: LinterClass } & LinterClass);
const NodeResolver = (require('bpmnlint/lib/resolver/node-resolver') as ResolverClass);

export interface BpmnCheck {
  readonly warnings: readonly string[];
  readonly errors: ReadonlyArray<{ rule: string; id?: string; message: string }>;
  readonly lintWarnings: ReadonlyArray<{ rule: string; id?: string; message: string }>;
  /** The parsed definitions, for assertions on the model. */
  readonly definitions: ModdleElement;
}

export interface ModdleElement {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly [key: string]: unknown;
}

export async function checkBpmn(xml: string): Promise<BpmnCheck> {
  const moddle = new BpmnModdle();
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const reports = await linter.lint(rootElement);
  const errors: Array<{ rule: string; id?: string; message: string }> = [];
  const lintWarnings: Array<{ rule: string; id?: string; message: string }> = [];
  for (const [rule, list] of Object.entries(reports)) {
    for (const r of list) (r.category === 'warn' || r.category === 'info' ? lintWarnings : errors).push({ rule, ...(r.id ? { id: r.id } : {}), message: r.message });
  }
  return { warnings: warnings.map((w: { message: string }) => w.message), errors, lintWarnings, definitions: rootElement as unknown as ModdleElement };
}

interface DiShape {
  readonly $type: string;
  readonly bounds?: { x: number; y: number; width: number; height: number };
  readonly bpmnElement?: ModdleElement & { $parent?: ModdleElement; attachedToRef?: ModdleElement };
}

/**
 * Pairs of shapes drawn over one another where neither belongs in the other: a shape inside a sub-process box
 * it is not part of, a gateway across a task. A sub-process and what it holds, a task and its boundary events,
 * and text annotations (n8n's sticky notes sit behind nodes on purpose) are not counted.
 */
export function shapesDrawnOver(definitions: ModdleElement): string[] {
  const diagrams = (definitions.diagrams ?? []) as Array<{ plane: { planeElement?: DiShape[] } }>;
  const shapes = diagrams.flatMap((dg) => dg.plane.planeElement ?? []).filter(
    (s): s is Required<DiShape> => s.$type === 'bpmndi:BPMNShape' && s.bounds !== undefined && s.bpmnElement !== undefined && s.bpmnElement.$type !== 'bpmn:TextAnnotation',
  );
  const holds = (a: ModdleElement, b: Required<DiShape>['bpmnElement']): boolean => {
    if (b.attachedToRef === a) return true;
    for (let p = b.$parent; p; p = (p as { $parent?: ModdleElement }).$parent) if (p === a) return true;
    return false;
  };
  const over = (a: Required<DiShape>['bounds'], b: Required<DiShape>['bounds']) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const pairs: string[] = [];
  shapes.forEach((a, i) => {
    for (const b of shapes.slice(i + 1)) {
      if (over(a.bounds, b.bounds) && !holds(a.bpmnElement, b.bpmnElement) && !holds(b.bpmnElement, a.bpmnElement)) pairs.push(`${a.bpmnElement.id ?? '?'} / ${b.bpmnElement.id ?? '?'}`);
    }
  });
  return pairs;
}

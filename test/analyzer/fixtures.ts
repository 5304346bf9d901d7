/**
 * Small builders for analyzer fixtures: a fluent Builder for arbitrary graphs and `chainDoc` for the common
 * trigger -> steps -> output line. Nodes come from createNode, so they hold the editor's defaults.
 */
import {
  createNode,
  createWorkflow,
  type LintConfig,
  type NodeKind,
  type NodeOfKind,
  type Profile,
  type Workflow,
  type WorkflowEdge,
  type WorkflowNode,
} from '../../src/domain/index.ts';

export type NodePatch<K extends NodeKind> = Partial<Omit<NodeOfKind<K>, 'kind' | 'id' | 'config'>> & {
  config?: Partial<NodeOfKind<K>['config']>;
};

export type EdgeInit = Partial<Omit<WorkflowEdge, 'source' | 'target'>>;

/** The port a case takes when a step goes well. */
export function mainPort(kind: NodeKind): string {
  return kind === 'check' ? 'pass' : kind === 'human' ? 'approve' : 'out';
}

/** A default label that reads "verb object" and is unique per id. */
function labelFor(kind: NodeKind, id: string): string {
  return kind === 'note' ? '' : `Handle ${id}`;
}

export function makeNode<K extends NodeKind>(kind: K, id: string, patch: NodePatch<K> = {}): NodeOfKind<K> {
  const base = createNode(kind, { id, position: { x: 0, y: 0 }, label: labelFor(kind, id) });
  const { config, ...rest } = patch;
  // Test-only composition of a fresh node with a typed patch; the result is the same kind by construction.
  return { ...base, ...rest, config: { ...base.config, ...config } } as NodeOfKind<K>;
}

export class Builder {
  private readonly nodes: WorkflowNode[] = [];
  private readonly edges: WorkflowEdge[] = [];
  private profileValue: Profile | undefined;
  private lintValue: LintConfig | undefined;

  add<K extends NodeKind>(kind: K, id: string, patch: NodePatch<K> = {}): this {
    this.nodes.push(makeNode(kind, id, patch));
    return this;
  }

  /** Connect source to target; the port defaults to the source's main port. */
  link(source: string, target: string, init: EdgeInit = {}): this {
    const src = this.nodes.find((n) => n.id === source);
    const port = init.sourcePort ?? (src ? mainPort(src.kind) : 'out');
    this.edges.push({ id: init.id ?? `e${this.edges.length + 1}`, ...init, source, sourcePort: port, target });
    return this;
  }

  /** Connect each node to the next by its main port. */
  chain(...ids: string[]): this {
    for (let i = 0; i + 1 < ids.length; i++) this.link(ids[i]!, ids[i + 1]!);
    return this;
  }

  profile(p: Profile): this {
    this.profileValue = p;
    return this;
  }

  lint(l: LintConfig): this {
    this.lintValue = l;
    return this;
  }

  build(): Workflow {
    const doc = createWorkflow({ id: 'wf_test', name: 'Test workflow' });
    return {
      ...doc,
      nodes: [...this.nodes],
      edges: [...this.edges],
      ...(this.profileValue ? { profile: this.profileValue } : {}),
      ...(this.lintValue ? { lint: this.lintValue } : {}),
    };
  }
}

/**
 * trigger "t" -> one node per kind (ids s1, s2, ...) -> output "o", linked by main ports.
 * @example chainDoc(['ai', 'check']) // t -> s1 (ai) -> s2 (check) -> o
 */
export function chainDoc(kinds: readonly NodeKind[], profile?: Profile): Workflow {
  const b = new Builder().add('trigger', 't');
  const ids = kinds.map((k, i) => {
    const id = `s${i + 1}`;
    b.add(k, id);
    return id;
  });
  b.add('output', 'o').chain('t', ...ids, 'o');
  if (profile) b.profile(profile);
  return b.build();
}

/** A copy of `doc` with one node replaced by `patch` applied to it. */
export function patchNode(doc: Workflow, id: string, patch: Partial<WorkflowNode>): Workflow {
  // Test-only: the patch keeps the node's kind, so the union member is unchanged.
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? ({ ...n, ...patch } as WorkflowNode) : n)) };
}

/** trigger -> `count` tools labelled only with their service's name ("Google Sheets1", ...) -> output. */
export function toolNamed(count: number): Workflow {
  const ids = Array.from({ length: count }, (_, i) => `s${i + 1}`);
  const b = new Builder().add('trigger', 't');
  ids.forEach((id, i) => b.add('tool', id, { label: `Google Sheets${i + 1}` }));
  return b.add('output', 'o').chain('t', ...ids, 'o').build();
}

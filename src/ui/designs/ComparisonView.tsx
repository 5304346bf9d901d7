/**
 * The result of a comparison as lists (nodes and edges added, removed, changed with their fields, moved), with
 * the canvas highlight alongside. Removed nodes are only listed: they are not on the canvas to be highlighted.
 */
import type { ChangedElement } from '../../domain/index.ts';
import { selectComparison, type Comparison } from '../../store/library-store.ts';
import { useLibraryState, type DesignLibrary } from './designs-services.tsx';

export function ComparisonView({ library }: { library: DesignLibrary }) {
  const comparison = useLibraryState(library, selectComparison);
  if (!comparison) return null;
  const { diff } = comparison;
  const none =
    [diff.nodes.added, diff.nodes.removed, diff.nodes.changed, diff.nodes.moved, diff.edges.added, diff.edges.removed, diff.edges.changed, diff.fields].every((l) => l.length === 0);
  const label = (id: string): string => comparison.labels[id] ?? id;
  return (
    <section className="designs-compare" aria-label="Comparison">
      <h4>{comparison.title}</h4>
      {none ? <p className="muted">No differences.</p> : null}
      <Group title="Nodes added" kind="added" items={diff.nodes.added.map(label)} />
      <Group title="Nodes removed" kind="removed" items={diff.nodes.removed.map(label)} />
      <Group title="Nodes changed" kind="changed" items={diff.nodes.changed.map((c) => changedText(c, comparison))} />
      <Group title="Nodes moved" kind="moved" items={diff.nodes.moved.map(label)} />
      <Group title="Edges added" kind="added" items={diff.edges.added} />
      <Group title="Edges removed" kind="removed" items={diff.edges.removed} />
      <Group title="Edges changed" kind="changed" items={diff.edges.changed.map((c) => `${c.id}: ${c.paths.join(', ')}`)} />
      <Group title="Design fields changed" kind="changed" items={diff.fields} />
      <button type="button" onClick={() => library.clearComparison()}>
        Clear comparison
      </button>
    </section>
  );
}

function changedText(c: ChangedElement, comparison: Comparison): string {
  return `${comparison.labels[c.id] ?? c.id}: ${c.paths.join(', ')}`;
}

function Group({ title, kind, items }: { title: string; kind: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div className={`designs-compare__group designs-compare__group--${kind}`}>
      <h5>
        {title} ({items.length})
      </h5>
      <ul aria-label={title}>
        {items.map((item, i) => (
          <li key={`${i}-${item}`}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

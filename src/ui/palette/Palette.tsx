/**
 * The node palette: one button per kind. Click adds the node at the centre of the view; drag drops it at the
 * pointer. The search box filters by kind name and by what each kind is for.
 */
import { useReactFlow } from '@xyflow/react';
import { useState, type DragEvent } from 'react';
import { KIND_LABELS, NODE_KINDS, type NodeKind } from '../../domain/index.ts';
import { PALETTE_DRAG_TYPE } from '../canvas/Canvas.tsx';
import { KIND_APPEARANCE } from '../canvas/node-appearance.ts';
import { KindIcon } from '../canvas/WorkflowNodeView.tsx';
import { useEditorStoreApi } from '../editor-context.tsx';

/** What each kind is for: shown under its name and searched. */
export const KIND_HINTS: Record<NodeKind, string> = {
  trigger: 'Where a case starts: manual, schedule, webhook, event, chat',
  ai: 'LLM, classifier, extractor, OCR, transcription, image generation, agent',
  tool: 'API, database, automation, notification, script, subworkflow',
  data: 'Local transform: set fields, code, merge, split, aggregate, filter, wait',
  human: 'Approval, review or escalation by people',
  check: 'Schema, rule, threshold, LLM grader, sample audit',
  router: 'Exclusive, parallel or inclusive decision',
  loop: 'For each item: a body per item, then done',
  join: 'Merge branches: all, first, any',
  output: 'Where a case ends: deliver, store, notify, alert',
  note: 'A sticky note for the team',
};

export function Palette() {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const kinds = NODE_KINDS.filter((k) => !q || KIND_LABELS[k].toLowerCase().includes(q) || KIND_HINTS[k].toLowerCase().includes(q) || k.includes(q));

  const addAtCentre = (kind: NodeKind): void => {
    const canvas = document.querySelector('.canvas .react-flow');
    const rect = canvas?.getBoundingClientRect();
    const centre = rect ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
    const a = KIND_APPEARANCE[kind];
    // Nudge so repeated clicks don't stack nodes exactly on top of each other.
    const count = store.getState().doc.nodes.length % 5;
    store.getState().addNode(kind, { x: Math.round(centre.x - a.width / 2 + count * 24), y: Math.round(centre.y - a.height / 2 + count * 24) });
  };
  const onDragStart = (kind: NodeKind) => (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <section className="palette" aria-label="Node palette">
      <h2 className="panel-title">Nodes</h2>
      <input className="palette__search" type="search" placeholder="Search nodes" aria-label="Search nodes" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="palette__list">
        {kinds.map((kind) => (
          <li key={kind}>
            <button type="button" className="palette__item" aria-label={KIND_LABELS[kind]} title={KIND_HINTS[kind]} draggable onDragStart={onDragStart(kind)} onClick={() => addAtCentre(kind)} style={{ ['--accent' as string]: KIND_APPEARANCE[kind].color }}>
              <span className="palette__icon">
                <KindIcon kind={kind} size={18} />
              </span>
              <span className="palette__text">
                <span className="palette__name">{KIND_LABELS[kind]}</span>
                <span className="palette__hint">{KIND_HINTS[kind]}</span>
              </span>
            </button>
          </li>
        ))}
        {kinds.length === 0 && <li className="muted">No node kind matches “{query}”.</li>}
      </ul>
    </section>
  );
}

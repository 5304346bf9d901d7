/**
 * The node palette: one button per kind. Click adds the node at the centre of the view; drag drops it at the
 * pointer. The search box filters by kind name and by what each kind is for.
 */
import { useReactFlow } from '@xyflow/react';
import { useState, type DragEvent } from 'react';
import { KIND_LABELS, type NodeKind } from '../../domain/index.ts';
import { PALETTE_DRAG_TYPE } from '../canvas/Canvas.tsx';
import { KIND_APPEARANCE, kindSize } from '../canvas/node-appearance.ts';
import { freeSpot } from '../canvas/placement.ts';
import { KindIcon } from '../canvas/KindIcon.tsx';
import { KIND_HINTS, matchKinds } from './kinds.ts';
import { useEditorStoreApi } from '../editor-context.tsx';


export function Palette() {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [query, setQuery] = useState('');
  const kinds = matchKinds(query);

  const addAtCentre = (kind: NodeKind): void => {
    const canvas = document.querySelector('.canvas .react-flow');
    const rect = canvas?.getBoundingClientRect();
    const centre = rect ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
    const size = kindSize(kind);
    // At the view's centre, or the nearest place there that covers no other node (issue 11).
    const wanted = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
    store.getState().addNode(kind, freeSpot(store.getState().doc, kind, wanted));
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

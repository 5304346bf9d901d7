/**
 * "Add step after LABEL" (issue 11, as in n8n and Dify): a selected node's output port offers a + button; it opens
 * this searchable palette, and the chosen kind is placed to the right of the node, connected from that port, as
 * one undo step.
 */
import { useId, useState } from 'react';
import { KIND_LABELS, type NodeKind, type WorkflowNode } from '../../domain/index.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { Overlay } from '../overlays/Overlay.tsx';
import { SearchCombobox } from '../overlays/SearchCombobox.tsx';
import { KIND_HINTS, matchKinds } from '../palette/kinds.ts';
import { addStepName, NEXT_KINDS, positionAfter } from './add-step.ts';
import { KindIcon } from './KindIcon.tsx';

export function AddStepDialog() {
  const from = useEditorStore((s) => s.ui.addStepFrom);
  const source = useEditorStore((s) => (from ? s.doc.nodes.find((n) => n.id === from.nodeId) : undefined));
  return from && source ? <AddStepBody source={source} port={from.port} /> : null;
}

function AddStepBody({ source, port }: { source: WorkflowNode; port: string }) {
  const store = useEditorStoreApi();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const kinds = matchKinds(query, NEXT_KINDS);
  const close = (): void => store.getState().setAddStepFrom(null);
  const add = (kind: NodeKind | undefined): void => {
    if (!kind) return;
    const s = store.getState();
    close();
    s.addConnectedNode(kind, positionAfter(s.doc, source, port, kind), { source: source.id, sourcePort: port });
  };
  const title = addStepName(source, port);
  return (
    <Overlay label={title} className="find add-step" onClose={close}>
      <SearchCombobox
        label="Search steps"
        placeholder={`${title}: search by name or purpose`}
        listId={listId}
        count={kinds.length}
        active={active}
        query={query}
        onQuery={setQuery}
        onActive={setActive}
        onPick={(i) => add(kinds[i])}
        onClose={close}
      />
      <ul id={listId} className="find__results" role="listbox" aria-label="Steps">
        {kinds.map((k, i) => (
          <li key={k} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'is-active' : undefined} onMouseEnter={() => setActive(i)} onClick={() => add(k)}>
            <KindIcon kind={k} /> <strong>{KIND_LABELS[k]}</strong> <span className="muted">{KIND_HINTS[k]}</span>
          </li>
        ))}
      </ul>
      {kinds.length === 0 && <p className="muted">No step matches “{query}”.</p>}
      <p className="find__hint muted">↑ ↓ to choose · Enter to add, connected from “{port}” · Esc to close</p>
    </Overlay>
  );
}

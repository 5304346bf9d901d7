/**
 * Find (Mod+K): type to match nodes by label, kind, capability or model; arrow keys choose, Enter (or a click)
 * jumps: the node is selected and the view centred on it.
 */
import { useReactFlow } from '@xyflow/react';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { KIND_LABELS } from '../../domain/index.ts';
import { selectNodes } from '../../store/selectors.ts';
import { nodeSize } from '../canvas/node-appearance.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { findNodes } from './find-nodes.ts';
import { Overlay } from './Overlay.tsx';

export function FindDialog() {
  const open = useEditorStore((s) => s.ui.findOpen);
  return open ? <FindDialogBody /> : null;
}

function FindDialogBody() {
  const store = useEditorStoreApi();
  const nodes = useEditorStore(selectNodes);
  const { setCenter, getZoom } = useReactFlow();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => findNodes(nodes, query), [nodes, query]);
  const listId = useId();
  const close = (): void => store.getState().setFindOpen(false);

  const jump = (index: number): void => {
    const node = results[index];
    if (!node) return;
    const size = nodeSize(node);
    store.getState().select([node.id]);
    close();
    // React Flow's viewport promise only says when the animation ends; nothing waits for it.
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(getZoom(), 1), duration: 250 });
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + results.length) % results.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      jump(active);
    }
  };

  return (
    <Overlay label="Find a node" className="find" onClose={close}>
      <input
        className="find__input"
        type="search"
        role="combobox"
        aria-label="Find a node"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        placeholder="Name, kind, capability or model"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="find__results" role="listbox" aria-label="Matching nodes">
        {results.map((n, i) => (
          <li
            key={n.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => jump(i)}
          >
            <span className="find__kind">{KIND_LABELS[n.kind]}</span> {n.label || n.id}
            {n.kind === 'ai' && (
              <span className="muted">
                {' '}
                · {n.config.capability}
                {n.config.model ? ` · ${n.config.model}` : ''}
              </span>
            )}
          </li>
        ))}
      </ul>
      {query.trim() !== '' && results.length === 0 && <p className="muted">No node matches “{query}”.</p>}
      <p className="find__hint muted">↑ ↓ to choose · Enter to jump · Esc to close</p>
    </Overlay>
  );
}

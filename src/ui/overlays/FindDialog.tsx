/**
 * Find (Mod+K): type to match nodes by label, kind, capability or model; arrow keys choose, Enter (or a click)
 * jumps: the node is selected, the view centred on it and keyboard focus put on it, so arrow keys, Delete and
 * Enter act on it next.
 */
import { useReactFlow } from '@xyflow/react';
import { useId, useMemo, useRef, useState } from 'react';
import { KIND_LABELS } from '../../domain/index.ts';
import { selectNodes } from '../../store/selectors.ts';
import { nodeSize } from '../canvas/node-appearance.ts';
import { canvasFocusTarget, moveFocus, type FocusRedirect } from '../focus-return.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { findNodes } from './find-nodes.ts';
import { Overlay } from './Overlay.tsx';
import { SearchCombobox } from './SearchCombobox.tsx';

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
  const focusOnClose: FocusRedirect = useRef(null);
  const close = (): void => store.getState().setFindOpen(false);

  const jump = (index: number): void => {
    const node = results[index];
    if (!node) return;
    const size = nodeSize(node);
    store.getState().select([node.id]);
    // Focus goes to the canvas as the dialog closes: a node out of view is not rendered yet (only visible
    // elements are), so the node itself takes focus once the view has moved to it, unless focus went elsewhere.
    focusOnClose.current = () => canvasFocusTarget(node.id);
    close();
    void setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(getZoom(), 1), duration: 250 }).then(() => {
      if (document.activeElement === canvasFocusTarget() || document.activeElement === document.body) moveFocus(canvasFocusTarget(node.id));
    });
  };
  return (
    <Overlay label="Find a node" className="find" onClose={close} focusOnClose={focusOnClose}>
      <SearchCombobox
        label="Find a node"
        placeholder="Name, kind, capability or model"
        listId={listId}
        count={results.length}
        active={active}
        query={query}
        onQuery={setQuery}
        onActive={setActive}
        onPick={jump}
        onClose={close}
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

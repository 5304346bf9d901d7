/**
 * The stored designs as a listbox: one option per design (name and when it last changed), latest first. Arrow
 * keys move the highlight, Enter or a click opens; the panel's buttons act on the highlighted design. Long
 * libraries are virtualised (only the visible rows exist), so 1,000 designs cost what 20 do.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { DesignListItem } from '../../store/library-store.ts';
import { lazyView } from '../lazy-view.tsx';
import { relativeTime } from './relative-time.ts';

/** Below this many rows every row is rendered: simpler for assistive technology and for find-in-page. */
const VIRTUALIZE_AFTER = 60;

export interface DesignListProps {
  readonly designs: readonly DesignListItem[];
  readonly currentId: string | null;
  readonly highlighted: string | null;
  readonly renaming: string | null;
  readonly now: number;
  onHighlight(id: string): void;
  onOpen(id: string): void;
  onRename(id: string, name: string | null): void;
}

export function DesignList(props: DesignListProps) {
  const { designs, highlighted, onHighlight, onOpen } = props;
  const index = Math.max(0, designs.findIndex((d) => d.id === highlighted));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget) return;
    const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : e.key === 'Home' ? -Infinity : e.key === 'End' ? Infinity : 0;
    if (move !== 0) {
      e.preventDefault();
      const next = designs[Math.min(designs.length - 1, Math.max(0, index + move))];
      if (next) onHighlight(next.id);
    } else if (e.key === 'Enter' && designs[index]) {
      e.preventDefault();
      onOpen(designs[index].id);
    }
  };
  const active = designs[index];
  const common = {
    role: 'listbox',
    'aria-label': 'Stored designs',
    tabIndex: 0,
    className: 'designs-list',
    onKeyDown,
    'aria-activedescendant': active ? optionId(active.id) : undefined,
  } as const;
  return designs.length > VIRTUALIZE_AFTER ? <VirtualRows {...props} index={index} common={common} /> : <AllRows {...props} common={common} />;
}

/** Every row: short lists, and long ones while the virtualiser loads (or if it cannot). */
function AllRows(props: DesignListProps & { common: Record<string, unknown> }) {
  return (
    <div {...props.common}>
      {props.designs.map((d, i) => (
        <Row key={d.id} {...props} design={d} position={i} />
      ))}
    </div>
  );
}

// The virtualiser (TanStack Virtual) loads only for a library long enough to need it.
const VirtualRows = lazyView(
  () => import('./DesignListVirtual.tsx').then((m) => m.VirtualRows),
  (props) => <AllRows {...props} />,
);

export const optionId = (id: string): string => `design-option-${id}`;

export function Row({ design, position, designs, currentId, highlighted, renaming, now, onHighlight, onOpen, onRename }: DesignListProps & { design: DesignListItem; position: number }) {
  const isCurrent = design.id === currentId;
  return (
    <div
      id={optionId(design.id)}
      role="option"
      aria-selected={design.id === highlighted}
      aria-current={isCurrent ? 'true' : undefined}
      aria-setsize={designs.length}
      aria-posinset={position + 1}
      className={`designs-item${isCurrent ? ' is-current' : ''}${design.id === highlighted ? ' is-highlighted' : ''}`}
      onClick={() => {
        onHighlight(design.id);
        if (renaming !== design.id) onOpen(design.id);
      }}
    >
      {renaming === design.id ? (
        <RenameField initial={design.name} onDone={(name) => onRename(design.id, name)} />
      ) : (
        <span className="designs-item__name">{design.name}</span>
      )}
      <span className="designs-item__meta">
        <time dateTime={new Date(design.updatedAt).toISOString()}>{relativeTime(design.updatedAt, now)}</time>
        {' · '}
        {design.summary.nodeCount} steps
      </span>
    </div>
  );
}

/** Enter commits, Escape cancels, leaving the field commits (as in a file manager). */
function RenameField({ initial, onDone }: { initial: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (name: string | null): void => {
    if (done.current) return;
    done.current = true;
    onDone(name);
  };
  return (
    <input
      className="designs-item__rename"
      aria-label="Design name"
      value={value}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={() => finish(value)}
    />
  );
}

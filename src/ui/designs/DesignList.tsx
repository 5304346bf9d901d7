/**
 * The stored designs as a listbox: one option per design (name and when it last changed), latest first. Arrow
 * keys move the highlight, Enter or a click opens; the panel's buttons act on the highlighted design. Long
 * libraries are virtualised (only the visible rows exist), so 1,000 designs cost what 20 do.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DesignListItem } from '../../store/library-store.ts';
import { relativeTime } from './relative-time.ts';

/** Below this many rows every row is rendered: simpler for assistive technology and for find-in-page. */
const VIRTUALIZE_AFTER = 60;
const ROW_HEIGHT = 44;

interface Props {
  readonly designs: readonly DesignListItem[];
  readonly currentId: string | null;
  readonly highlighted: string | null;
  readonly renaming: string | null;
  readonly now: number;
  onHighlight(id: string): void;
  onOpen(id: string): void;
  onRename(id: string, name: string | null): void;
}

export function DesignList(props: Props) {
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
  return designs.length > VIRTUALIZE_AFTER ? <VirtualRows {...props} index={index} common={common} /> : (
    <div {...common}>
      {designs.map((d, i) => (
        <Row key={d.id} {...props} design={d} position={i} />
      ))}
    </div>
  );
}

function VirtualRows(props: Props & { index: number; common: Record<string, unknown> }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.designs.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const { index } = props;
  useEffect(() => virtualizer.scrollToIndex(index, { align: 'auto' }), [index, virtualizer]);
  return (
    <div {...props.common} ref={scroller} className="designs-list designs-list--virtual">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const d = props.designs[item.index];
          return d ? (
            <div key={d.id} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
              <Row {...props} design={d} position={item.index} />
            </div>
          ) : null;
        })}
      </div>
    </div>
  );
}

const optionId = (id: string): string => `design-option-${id}`;

function Row({ design, position, designs, currentId, highlighted, renaming, now, onHighlight, onOpen, onRename }: Props & { design: DesignListItem; position: number }) {
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

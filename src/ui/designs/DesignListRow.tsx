/** One option of the designs list (DesignList.tsx, and DesignListVirtual.tsx for long libraries). */
import { useRef, useState } from 'react';
import type { DesignListItem } from '../../store/library-store.ts';
import { relativeTime } from './relative-time.ts';
import { countOf } from '../plural.ts';

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
        {countOf(design.summary.nodeCount, 'step')}
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

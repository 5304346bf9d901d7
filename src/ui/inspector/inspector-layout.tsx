/** Layout pieces shared by the inspector's forms: titled groups and the controls of an item in a list. */
import { useId, type ReactNode } from 'react';

interface GroupProps {
  readonly title: string;
  /** h3 for the big sections (Config, Simulation stub, Failure policy), h4 inside them, h5 for list items. */
  readonly level?: 3 | 4 | 5;
  /** Buttons shown beside the heading (remove, move). */
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}

export function Group({ title, level = 3, actions, children }: GroupProps) {
  const id = useId();
  const Heading = (['h3', 'h4', 'h5'] as const)[level - 3] ?? 'h3';
  return (
    <div role="group" aria-labelledby={id} className={`inspector-group inspector-group--${level}`}>
      <div className="inspector-group__head">
        <Heading id={id}>{title}</Heading>
        {actions && <span className="inspector-group__actions">{actions}</span>}
      </div>
      {children}
    </div>
  );
}

interface ItemControlsProps {
  /** "retrier 2": what the buttons' accessible names say they act on. */
  readonly name: string;
  readonly index: number;
  readonly count: number;
  /** Lists whose order means nothing (scenarios, faults) leave this out and get no move buttons. */
  readonly onMove?: (from: number, to: number) => void;
  readonly onRemove: (index: number) => void;
}

export function ItemControls({ name, index, count, onMove, onRemove }: ItemControlsProps) {
  return (
    <>
      {onMove && (
        <>
          <button type="button" aria-label={`Move ${name} up`} title="Move up" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            ↑
          </button>
          <button type="button" aria-label={`Move ${name} down`} title="Move down" disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
            ↓
          </button>
        </>
      )}
      <button type="button" aria-label={`Remove ${name}`} title="Remove" onClick={() => onRemove(index)}>
        ×
      </button>
    </>
  );
}

interface AbsentProps {
  readonly title: string;
  /** What being absent means for the person ("the simulator cannot run this node"). */
  readonly note: string;
  readonly addLabel: string;
  readonly onAdd: () => void;
  readonly disabled?: boolean;
}

/** A section whose optional part is absent: say what that means and offer to add it. */
export function AbsentSection({ title, note, addLabel, onAdd, disabled = false }: AbsentProps) {
  return (
    <Group title={title}>
      <p className="muted">{note}</p>
      <button type="button" disabled={disabled} onClick={onAdd}>
        {addLabel}
      </button>
    </Group>
  );
}

/** "Remove" beside a section heading; its accessible name says what goes ("Remove stub"). */
export function RemoveButton({ what, onRemove }: { what: string; onRemove: () => void }) {
  return (
    <button type="button" aria-label={`Remove ${what}`} onClick={onRemove}>
      Remove
    </button>
  );
}

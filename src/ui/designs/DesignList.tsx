/**
 * The stored designs as a listbox: one option per design (name and when it last changed), latest first. Arrow
 * keys move the highlight, Enter or a click opens; the panel's buttons act on the highlighted design. Long
 * libraries are virtualised (only the visible rows exist), so 1,000 designs cost what 20 do.
 */
import type { KeyboardEvent } from 'react';
import { lazyView } from '../lazy-view.tsx';
import { optionId, Row, type DesignListProps } from './DesignListRow.tsx';

/** Below this many rows every row is rendered: simpler for assistive technology and for find-in-page. */
const VIRTUALIZE_AFTER = 60;

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

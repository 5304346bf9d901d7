/** The designs list for long libraries: only the visible rows exist (loaded on first use by DesignList.tsx). */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Row, type DesignListProps } from './DesignListRow.tsx';

const ROW_HEIGHT = 44;

export function VirtualRows(props: DesignListProps & { index: number; common: Record<string, unknown> }) {
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


/** Settings › Storage: how much of the browser's quota Baton uses, and whether the browser promised to keep it. */
import { useEffect, useState } from 'react';
import type { DesignLibrary, StorageUse } from './designs-services.tsx';
import { Modal } from './Modal.tsx';
import { formatBytes } from './relative-time.ts';

export function StorageDialog({ library, onClose }: { library: DesignLibrary; onClose: () => void }) {
  const [use, setUse] = useState<StorageUse | undefined | 'loading'>('loading');
  useEffect(() => {
    let live = true;
    // storageUse never rejects; `live` drops an answer that arrives after the dialog closed.
    void library.storageUse().then((u) => live && setUse(u));
    return () => {
      live = false;
    };
  }, [library]);
  const mode = library.store.getState().mode;
  return (
    <Modal title="Settings" onClose={onClose}>
      <h3>Storage</h3>
      {mode === 'memory' ? (
        <p>This window cannot store designs: they last until you close it. Use Export JSON to keep your work.</p>
      ) : use === 'loading' ? (
        <p className="muted">Measuring…</p>
      ) : use === undefined ? (
        <p className="muted">This browser does not report how much storage is used.</p>
      ) : (
        <dl className="designs-storage">
          <dt>Used</dt>
          <dd data-testid="storage-usage">
            {formatBytes(use.usageBytes)} of {formatBytes(use.quotaBytes)} ({((use.usageBytes / use.quotaBytes) * 100).toFixed(use.usageBytes / use.quotaBytes < 0.01 ? 2 : 0)}%)
          </dd>
          <dt>Kept under storage pressure</dt>
          <dd>{use.persisted ? 'Yes: the browser will not evict your designs.' : 'Not yet: the browser may evict designs when space runs out. Export important work.'}</dd>
        </dl>
      )}
    </Modal>
  );
}

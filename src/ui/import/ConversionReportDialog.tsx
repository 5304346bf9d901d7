/**
 * After another tool's workflow is imported: what it became, and every approximation the importer made,
 * grouped by kind so a large workflow's report stays readable. The report can be downloaded as JSON (the
 * same as `baton convert --report`).
 */
import type { ConversionNote } from '../../domain/index.ts';
import { Modal } from '../designs/Modal.tsx';
import { downloadBlob, slugify } from '../download.ts';
import type { ConversionSummary } from '../services.tsx';
import './import.css';

/** Approximations grouped by what was approximated, in the order they first appear. */
export function groupNotes(notes: readonly ConversionNote[]): { what: string; notes: ConversionNote[] }[] {
  const groups = new Map<string, ConversionNote[]>();
  for (const n of notes) groups.set(n.what, [...(groups.get(n.what) ?? []), n]);
  return [...groups].map(([what, list]) => ({ what, notes: list }));
}

export function ConversionReportDialog({ name, conversion, onClose }: { name: string; conversion: ConversionSummary; onClose: () => void }) {
  const { report, title } = conversion;
  const groups = groupNotes(report.approximations);
  const count = report.approximations.length;
  const download = (): void => downloadBlob(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }), `${slugify(name)}.conversion-report.json`);
  return (
    <Modal title={`Imported from ${report.from}: “${name}”`} onClose={onClose} className="conversion-report">
      <p>
        This {title} opened as a new design: {report.nodes} nodes and {report.edges} connections from its {report.sourceNodes} n8n nodes
        {report.folded > 0 ? `; ${report.folded} sub-node${report.folded === 1 ? '' : 's'} (chat models, memory, tools, output parsers) folded into the steps they serve` : ''}.
      </p>
      {count === 0 ? (
        <p>Nothing had to be approximated.</p>
      ) : (
        <>
          <p>
            {count} approximation{count === 1 ? '' : 's'}: here the design may behave differently from the {title}.
          </p>
          <ul className="conversion-report__groups" aria-label="Approximations">
            {groups.map((g) => (
              <li key={g.what}>
                <strong>{g.what}</strong> <span className="muted">({g.notes.length})</span>
                <ul>
                  {g.notes.map((n, i) => (
                    <li key={i}>
                      <span className="conversion-report__node">{n.node || 'the workflow'}</span>: {n.why}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="designs-modal__actions">
        <button type="button" onClick={download}>
          Download report
        </button>
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}

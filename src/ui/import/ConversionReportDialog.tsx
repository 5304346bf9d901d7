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

/** "“A”, “B”, “C” and 4 more": the first few labels of a list that may be long. */
export function someNames(labels: readonly string[], shown = 3): string {
  const quoted = labels.slice(0, shown).map((l) => `“${l || 'unnamed'}”`);
  const rest = labels.length - quoted.length;
  if (rest > 0) return `${quoted.join(', ')} and ${rest} more`;
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
}

/**
 * Imported steps state no failure rates (n8n has no such field): say what that does to the figures and the
 * warnings, and how to state them, rather than leave a quiet analysis to read as a reliable design.
 */
function FailureRatesNote({ steps, title }: { steps: readonly string[]; title: string }) {
  const one = steps.length === 1;
  return (
    <section className="conversion-report__rates" aria-label="Failure rates">
      <p>
        <strong>No failure rates yet.</strong> The {title} states none, so {one ? 'its AI or tool step' : `its ${steps.length} AI and tool steps`} (
        {someNames(steps)}) {one ? 'runs' : 'run'} with a typical step&apos;s rates in the estimates and the simulation, and Baton&apos;s reliability warnings
        stay quiet until a step states its own.
      </p>
      <p>
        To state them: select a step, choose <strong>Add stub</strong> under Simulation stub in the Inspector (a typical step&apos;s figures, which you see and
        can change), and set its outcomes, for example from the workflow&apos;s execution history.
      </p>
    </section>
  );
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
      {conversion.defaultRateSteps && conversion.defaultRateSteps.length > 0 && <FailureRatesNote steps={conversion.defaultRateSteps} title={title} />}
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

/**
 * Debug mode: one case (or a few) stepped event by event, drawn on the canvas by NodeSimOverlay. Here: speed,
 * condition breakpoints, the node list with node breakpoints and states, fault injection, a forced router branch,
 * checkpoints and the event log (the newest LOG_CAP events; the controller caps it).
 */
import { useId, useState } from 'react';
import { ERROR_TYPES, type ErrorType, type Workflow } from '../../domain/index.ts';
import { BREAK_CONDITIONS, selectDebug, type SimBreakCondition, type SimLogEntry } from '../../store/simulation-store.ts';
import { formatSimTime } from './sim-format.ts';
import { useSimulationState, type SimulationServices } from './simulation-services.tsx';

const CONDITION_LABELS: Record<SimBreakCondition, string> = {
  'first-rate-limited': 'First rate_limited',
  'breaker-opens': 'Circuit breaker opens',
  'case-failed': 'Case failed',
};

const SPEEDS = [1, 2, 4, 10, 30, 100] as const;

function describe(e: SimLogEntry, labelOf: (id: string | null) => string): string {
  const d = Object.entries(e.detail)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : String(v)}`)
    .join(' ');
  return `${e.type} ${labelOf(e.nodeId)}${d ? ` (${d})` : ''}`;
}

export function DebugView({ services, doc }: { services: SimulationServices; doc: Workflow }) {
  const debug = useSimulationState(services, selectDebug);
  const [note, setNote] = useState<string | null>(null);
  const steps = doc.nodes.filter((n) => n.kind === 'ai' || n.kind === 'tool');
  const [faultNode, setFaultNode] = useState<string>('');
  const [faultError, setFaultError] = useState<ErrorType>('timeout');
  const routerEdges = doc.edges.filter((e) => doc.nodes.some((n) => n.id === e.source && n.kind === 'router'));
  const [branch, setBranch] = useState<string>('');
  const ids = { speed: useId(), faultNode: useId(), faultError: useId(), branch: useId() };
  const labelOf = (id: string | null): string => (id === null ? '' : (doc.nodes.find((n) => n.id === id)?.label ?? id));
  const on = debug.status !== 'off';
  const faultTarget = steps.some((n) => n.id === faultNode) ? faultNode : (steps[0]?.id ?? '');
  const branchEdge = routerEdges.some((e) => e.id === branch) ? branch : (routerEdges[0]?.id ?? '');

  return (
    <div className="sim-view sim-debug">
      <p className="sim-debug__status" role="status">
        {on
          ? `${debug.status === 'done' ? 'Finished' : debug.status === 'playing' ? 'Playing' : 'Paused'} at ${formatSimTime(debug.time)} · ${debug.eventCount} events · ${debug.casesEnded}/${debug.cases} cases ended${debug.lastBreak ? ` · ${debug.lastBreak}` : ''}`
          : 'Step or Play to follow one case through the design on the canvas.'}
      </p>
      <div className="sim-actions">
        <span className="sim-field">
          <label htmlFor={ids.speed}>Speed</label>
          <select id={ids.speed} value={String(debug.speed)} onChange={(e) => services.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s} events/s
              </option>
            ))}
          </select>
        </span>
        <button type="button" disabled={!on || debug.checkpoints === 0} onClick={() => setNote(services.backToCheckpoint() ? null : 'No checkpoint yet')}>
          Back to checkpoint
        </button>
        <button type="button" disabled={!on} onClick={() => services.stopDebug()}>
          Stop debugging
        </button>
        <fieldset className="sim-conditions">
          <legend>Break when</legend>
          {BREAK_CONDITIONS.map((c) => (
            <label key={c} className="sim-check">
              <input type="checkbox" checked={debug.breakpoints.conditions.includes(c)} onChange={() => services.toggleCondition(c)} />
              {CONDITION_LABELS[c]}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="sim-actions">
        <span className="sim-field">
          <label htmlFor={ids.faultNode}>Fault at</label>
          <select id={ids.faultNode} value={faultTarget} onChange={(e) => setFaultNode(e.target.value)}>
            {steps.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label || n.id}
              </option>
            ))}
          </select>
        </span>
        <span className="sim-field">
          <label htmlFor={ids.faultError}>Error</label>
          <select id={ids.faultError} value={faultError} onChange={(e) => setFaultError(ERROR_TYPES.find((t) => t === e.target.value) ?? 'timeout')}>
            {ERROR_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          disabled={!on || faultTarget === ''}
          onClick={() => {
            const err = services.injectFault({ target: { node: faultTarget }, error: faultError });
            setNote(err ?? `Injected ${faultError} at ${labelOf(faultTarget)} from ${formatSimTime(debug.time)}`);
          }}
        >
          Inject fault now
        </button>
        {routerEdges.length > 0 && (
          <>
            <span className="sim-field">
              <label htmlFor={ids.branch}>Branch</label>
              <select id={ids.branch} value={branchEdge} onChange={(e) => setBranch(e.target.value)}>
                {routerEdges.map((e) => (
                  <option key={e.id} value={e.id}>
                    {labelOf(e.source)} → {labelOf(e.target)}
                  </option>
                ))}
              </select>
            </span>
            <button
              type="button"
              disabled={!on || branchEdge === ''}
              onClick={() => {
                const edge = routerEdges.find((e) => e.id === branchEdge);
                if (!edge) return;
                const err = services.forceBranch(edge.source, edge.id);
                setNote(err ?? `Next decision at ${labelOf(edge.source)} goes to ${labelOf(edge.target)}`);
              }}
            >
              Force branch
            </button>
          </>
        )}
        {debug.injected > 0 && <span className="muted">{debug.injected} fault(s) injected</span>}
        {debug.forced && <span className="muted">Forced: {labelOf(debug.forced.nodeId)}</span>}
      </div>
      {note && <p className="muted">{note}</p>}
      <div className="sim-row">
        <table className="sim-table sim-node-list" aria-label="Node states">
          <caption>Nodes</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">State</th>
              <th scope="col">Breakpoint</th>
            </tr>
          </thead>
          <tbody>
            {doc.nodes
              .filter((n) => n.kind !== 'note')
              .map((n) => {
                const status = debug.nodes[n.id] ?? 'idle';
                const bp = debug.breakpoints.nodes.includes(n.id);
                return (
                  <tr key={n.id} data-node-id={n.id} data-sim-status={on ? status : undefined}>
                    <td>{n.label || n.id}</td>
                    <td>
                      <span className={`sim-state sim-state--${status}`}>{on ? status : '–'}</span>
                    </td>
                    <td>
                      <button type="button" aria-pressed={bp} aria-label={`Breakpoint at ${n.label || n.id}`} onClick={() => services.toggleNodeBreakpoint(n.id)}>
                        {bp ? '● on' : '○ off'}
                      </button>
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
        <ol className="sim-log" aria-label="Event log" start={Math.max(1, debug.eventCount - debug.log.length + 1)}>
          {debug.log
            .slice()
            .reverse()
            .map((e) => (
              <li key={e.seq} value={e.seq + 1} data-event-type={e.type}>
                <time>{formatSimTime(e.time)}</time> case {e.caseId + 1}: {describe(e, labelOf)}
              </li>
            ))}
        </ol>
      </div>
    </div>
  );
}

/**
 * What the simulator says about one node, drawn inside it on the canvas: the debug run's state (running,
 * retrying, queued, failed, passed) with a breakpoint toggle while a session is on, and the last batch's failure
 * heat when the heat overlay is on. Renders nothing without simulation services or anything to show.
 */
import { selectNodeDebugStatus, selectNodeHeat, isBreakpointOn } from '../../store/simulation-store.ts';
import { formatPercent } from './sim-format.ts';
import { useSimulationServices, useSimulationState, type SimulationServices } from './simulation-services.tsx';

export function NodeSimOverlay({ nodeId, label }: { nodeId: string; label?: string }) {
  const services = useSimulationServices();
  return services ? <Overlay services={services} nodeId={nodeId} label={label ?? nodeId} /> : null;
}

function Overlay({ services, nodeId, label }: { services: SimulationServices; nodeId: string; label: string }) {
  const status = useSimulationState(services, (s) => selectNodeDebugStatus(s, nodeId));
  const heat = useSimulationState(services, (s) => selectNodeHeat(s, nodeId));
  const bp = useSimulationState(services, (s) => isBreakpointOn(s, nodeId));
  if (status === null && heat === null) return null;
  return (
    <div className={`sim-overlay${status ? ` sim-overlay--${status}` : ''}`} data-sim-status={status ?? undefined}>
      {status !== null && (
        <>
          <span className={`sim-state sim-state--${status}`}>{status}</span>
          <button
            type="button"
            className={`sim-bp nodrag nopan${bp ? ' is-on' : ''}`}
            aria-pressed={bp}
            aria-label={`Breakpoint at ${label}`}
            title="Break when a case arrives here"
            onClick={(e) => {
              e.stopPropagation();
              services.toggleNodeBreakpoint(nodeId);
            }}
          />
        </>
      )}
      {heat !== null && (
        <span className="sim-heat" data-heat={heat.toFixed(3)} title={`Failure heat ${formatPercent(heat)}`} style={{ ['--heat' as string]: String(heat) }}>
          {formatPercent(heat)} fail
        </span>
      )}
    </div>
  );
}

/**
 * Simulation runs kept with the open design (src/persistence's runs repository, "Save run"): the list the Batch
 * view shows, reopening one (its report is parsed with the report's zod schema, never cast) and deleting one.
 * Writes the simulation store's `savedRuns`, and `batch` when a run is reopened.
 */
import * as z from 'zod';
import { simulationReportSchema } from '../domain/index.ts';
import type { RunsRepository } from '../persistence/index.ts';
import type { BatchSettings, SavedRunItem, SimulationStore } from '../store/simulation-store.ts';
import type { SavedRunsService } from '../ui/simulation/simulation-services.tsx';

/** What the list says about a run, read from its stored report without parsing all of it. */
const shapeSchema = z.object({
  cases: z.number(),
  replications: z.number(),
  seed: z.number(),
  kpis: z.object({ successRate: z.object({ mean: z.number().nullable() }).optional() }),
});

function shapeOf(json: string): SavedRunItem['shape'] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = shapeSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { cases, replications, seed, kpis } = parsed.data;
  return { cases, replications, seed, successRate: kpis.successRate?.mean ?? null };
}

export interface SavedRunsDeps {
  readonly store: SimulationStore;
  readonly runs: Pick<RunsRepository, 'list' | 'read' | 'delete'>;
  /** The stored design being edited, or null while it is a draft. */
  readonly currentDesignId: () => string | null;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function createSavedRuns(deps: SavedRunsDeps): SavedRunsService {
  const { store, runs } = deps;
  const patch = (p: Partial<ReturnType<SimulationStore['getState']>['savedRuns']>): void => store.setState({ savedRuns: { ...store.getState().savedRuns, ...p } });
  /** Bumped per refresh: an older read that finishes late does not overwrite a newer one (another design opened). */
  let reads = 0;

  const refresh = async (): Promise<void> => {
    const designId = deps.currentDesignId();
    const mine = ++reads;
    if (designId === null) {
      store.setState({ savedRuns: { status: 'ready', items: [], error: null } });
      return;
    }
    patch({ status: 'loading' });
    try {
      const rows = await runs.list(designId);
      if (mine !== reads) return;
      const items = rows.map((r): SavedRunItem => {
        const shape = shapeOf(r.result);
        return { id: r.id, scenarioId: r.scenarioId, createdAt: r.createdAt, ...(shape ? { shape } : {}) };
      });
      store.setState({ savedRuns: { status: 'ready', items, error: null } });
    } catch (e) {
      if (mine === reads) patch({ status: 'error', error: `The saved runs could not be read: ${message(e)}` });
    }
  };

  return {
    refresh: () => void refresh(),
    open(id) {
      void (async () => {
        try {
          const read = await runs.read(id, simulationReportSchema);
          if (!read.ok) {
            patch({ error: read.reason === 'not-found' ? 'That run is no longer stored.' : 'That run was saved in a form this version of Baton cannot read.' });
            if (read.reason === 'not-found') await refresh();
            return;
          }
          const report = read.result;
          const settings: BatchSettings = { scenarioId: report.scenario === 'default' ? null : report.scenario, cases: report.cases, replications: report.replications, seed: report.seed };
          patch({ error: null });
          store.setState({ batch: { status: 'done', progress: null, error: null, report, settings, designName: null, estimate: null, savedAt: read.run.createdAt }, tab: 'batch' });
        } catch (e) {
          patch({ error: `The run could not be opened: ${message(e)}` });
        }
      })();
    },
    remove(id) {
      void (async () => {
        try {
          await runs.delete(id);
        } catch (e) {
          patch({ error: `The run could not be deleted: ${message(e)}` });
          return;
        }
        await refresh();
      })();
    },
  };
}

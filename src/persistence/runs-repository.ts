/**
 * Simulation runs of a design, kept so the simulation panel can show and compare earlier results after a
 * reload. Persistence does not know the result's shape (that belongs to the simulator), so readers pass the zod
 * schema that parses it: stored text is parsed, never cast.
 */
import type * as z from 'zod';
import type { StorageBackend } from './backend.ts';
import type { RunRow } from './db.ts';
import { resolveDeps, type RepositoryDeps } from './designs-repository.ts';

/** Older runs of the same design and scenario beyond this count are dropped when a new one is added. */
export const MAX_RUNS_PER_SCENARIO = 20;

export type RunRead<T> =
  | { readonly ok: true; readonly run: Omit<RunRow, 'result'>; readonly result: T }
  | { readonly ok: false; readonly reason: 'not-found' | 'invalid' };

export interface RunsRepository {
  add(run: { readonly designId: string; readonly scenarioId: string; readonly result: unknown }): Promise<RunRow>;
  /** Newest first; results stay as JSON text until read(). */
  list(designId: string, scenarioId?: string): Promise<RunRow[]>;
  read<T>(id: string, schema: z.ZodType<T>): Promise<RunRead<T>>;
  delete(id: string): Promise<void>;
}

export function createRunsRepository(backend: StorageBackend, deps?: RepositoryDeps): RunsRepository {
  const { now, newId } = resolveDeps(deps);
  return {
    add: ({ designId, scenarioId, result }) =>
      backend.transaction(async () => {
        const row: RunRow = { id: newId('r'), designId, scenarioId, createdAt: now(), result: JSON.stringify(result) };
        await backend.runs.put(row);
        const same = (await backend.runs.byDesign(designId)).filter((r) => r.scenarioId === scenarioId);
        const excess = same.slice(0, Math.max(0, same.length - MAX_RUNS_PER_SCENARIO));
        await backend.runs.delete(excess.map((r) => r.id));
        return row;
      }),
    list: async (designId, scenarioId) =>
      (await backend.runs.byDesign(designId)).filter((r) => scenarioId === undefined || r.scenarioId === scenarioId).reverse(),
    async read(id, schema) {
      const row = await backend.runs.get(id);
      if (!row) return { ok: false, reason: 'not-found' };
      let value: unknown;
      try {
        value = JSON.parse(row.result);
      } catch {
        return { ok: false, reason: 'invalid' };
      }
      const parsed = schema.safeParse(value);
      const { result: _json, ...run } = row;
      return parsed.success ? { ok: true, run, result: parsed.data } : { ok: false, reason: 'invalid' };
    },
    delete: (id) => backend.runs.delete([id]),
  };
}

/**
 * Settings: small values by key (panel sizes, lint preset, "persistence requested"...). A stored value is
 * parsed with the reader's schema; one that no longer fits (an older release wrote another shape) reads as
 * undefined so the caller falls back to its default instead of crashing.
 */
import type * as z from 'zod';
import type { StorageBackend } from './backend.ts';

export interface SettingsRepository {
  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  /** `value` must be structured-cloneable (plain data). */
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export function createSettingsRepository(backend: StorageBackend): SettingsRepository {
  return {
    async get(key, schema) {
      const row = await backend.settings.get(key);
      if (!row) return undefined;
      const parsed = schema.safeParse(row.value);
      return parsed.success ? parsed.data : undefined;
    },
    set: (key, value) => backend.settings.put({ key, value }),
    delete: (key) => backend.settings.delete([key]),
  };
}

/**
 * schemaVersion 1 -> 2: the format gained data steps (`data`), bounded iteration (`loop`) and an AI step's
 * declared tools (`config.tools`). All three are additions, so every version-1 document is already a valid
 * version-2 document and the upgrade only restamps the version. The version still changes because a
 * version-1 reader cannot read these kinds: with 2 on the file, an older Baton says "made by a newer Baton;
 * update" instead of reporting every data step as an unknown kind.
 */
import { isPlainObject } from '../../domain/schema-walk.ts';
import type { Migration } from './migration.ts';

export const v1ToV2: Migration = {
  from: 1,
  to: 2,
  description: 'data steps, loops and agent tools added (nothing to rewrite)',
  migrate(input: unknown): unknown {
    if (!isPlainObject(input)) throw new Error('a workflow document is a JSON object');
    return { ...input, schemaVersion: 2 };
  },
};

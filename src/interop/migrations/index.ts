/**
 * The production migration list, oldest first. To add one: write `v1-to-v2.ts` exporting a Migration, append it here, add
 * `test/interop/migrations/v1-to-v2.test.ts` and a version-1 sample at `test/fixtures/migrations/v1.baton.json`;
 * the meta-test fails until all three exist and the migration leaves its (deep-frozen) input untouched.
 */
import type { Migration } from './migration.ts';
import { v1ToV2 } from './v1-to-v2.ts';

export const MIGRATIONS: readonly Migration[] = [v1ToV2];

export { checkMigrationList, newerVersionMessage, runMigrations, type Migration, type MigrationOutcome } from './migration.ts';

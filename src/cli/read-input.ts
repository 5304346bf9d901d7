/**
 * Reading the file a command was given, the same way for every command: the bytes, or a line on stderr that
 * says in words why the file cannot be read (then the command exits 2, unusable input).
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from './io.ts';

/** Why a read failed, in words for the usual cases (a missing file, a directory, no permission). */
function readFailure(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

/**
 * @example const bytes = await readInputFile('flow.baton.json', io); if (!bytes) return EXIT_UNUSABLE;
 */
export async function readInputFile(file: string, io: CliIo): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (e) {
    io.stderr.write(`${file}: cannot read the file: ${readFailure(e)}\n`);
    return undefined;
  }
}

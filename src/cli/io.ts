/** What a command writes to; tests pass string buffers, bin/baton.mjs passes the process streams. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

/** Exit codes (interfaces.md): 0 fine; 1 findings / failed hypothesis; 2 unusable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export type CommandRun = (args: readonly string[], io: CliIo) => Promise<number>;

export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly run: CommandRun;
}

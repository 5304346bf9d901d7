/** What a command writes to; tests pass string buffers, bin/baton.mjs passes the process streams. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /**
   * True when this command is all the process runs (bin/baton.mjs): the command may then tune V8 for its one run
   * (v8-tuning.ts). V8's flags are the process's, so a host running several commands leaves this unset.
   */
  readonly oneShot?: boolean;
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

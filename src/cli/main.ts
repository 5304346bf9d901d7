/**
 * The Node command line: `baton <command> ...`. Each command lives in commands/<name>.ts and is loaded only
 * when used, so `baton validate` does not pay for the simulator.
 */
import { EXIT_OK, EXIT_UNUSABLE, type CliIo, type Command } from './io.ts';

type CommandLoader = () => Promise<Command>;

// Each usage line repeats the command module's own (test/cli/help.test.ts holds them together): the modules load
// only when their command runs, so the overview cannot ask them.
const COMMANDS: Record<string, { usage: string; summary: string; load: CommandLoader }> = {
  validate: {
    usage: 'baton validate FILE',
    summary: 'Check a workflow file against the schema and the limits; problems are printed with their JSON path.',
    load: async () => (await import('./commands/validate.ts')).command,
  },
  lint: {
    usage: 'baton lint FILE [--preset recommended|strict|structure] [--format text|json] [--max-warnings N]',
    summary: 'Lint a workflow (structure, over-engineering, fragility, people, cost, naming); exit 1 on errors or too many warnings.',
    load: async () => (await import('./commands/lint.ts')).command,
  },
  simulate: {
    usage: 'baton simulate FILE [--scenario ID] [--baseline] [--cases N] [--replications R] [--seed S] [--format text|json]',
    summary: 'Dry-run a workflow: KPIs with 95% intervals, per-node failures and queues; exit 1 when a scenario hypothesis fails.',
    load: async () => (await import('./commands/simulate.ts')).command,
  },
  convert: {
    usage: 'baton convert FILE [--from baton|n8n] [--to baton|n8n|bpmn|asl|mermaid] [--out FILE] [--report FILE]',
    summary: 'Convert a workflow (a Baton file or an n8n export, detected from its content) to Baton JSON, n8n, BPMN 2.0 XML, Step Functions (ASL) or Mermaid; exit 1 when something was approximated or could not be carried over (listed on stderr, or in --report FILE).',
    load: async () => (await import('./commands/convert.ts')).command,
  },
};

function help(): string {
  const lines = ['Baton: design, lint and dry-run workflows of AI tools, tools and people.', '', 'Usage:'];
  for (const c of Object.values(COMMANDS)) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push('', 'Exit codes: 0 fine; 1 findings at error level, warnings over --max-warnings, or a failed hypothesis;', '            2 unusable input (unreadable, not a workflow, over a limit).');
  return lines.join('\n') + '\n';
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('baton 0.1.0\n');
    return EXIT_OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`baton: unknown command "${name}". Run "baton --help" to see the commands.\n`);
    return EXIT_UNUSABLE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`Usage: ${command.usage}\n${command.summary}\n`);
    return EXIT_OK;
  }
  return command.run(rest, io);
}

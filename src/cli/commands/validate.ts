/**
 * `baton validate FILE`: the schema and limits check, with every problem on its own line as `$.path: message`.
 *
 * Exit codes (interfaces.md), decided precisely:
 * - 0: a valid workflow; stdout says `FILE: valid workflow "NAME" (N nodes, M edges)`.
 * - 1: a recognisable Baton workflow whose content has problems (schema, ids, dangling edges, probabilities,
 *   an id over 128 characters, duplicate JSON keys). These are findings: printed on stdout, one per line,
 *   after a count line, so they can be piped and counted like lint findings.
 * - 2: unusable input: no such file or unreadable, not UTF-8, over 10 MB, nested over 64 deep, not JSON, not a
 *   Baton workflow (not an object, unknown or missing `format`), a schemaVersion this build cannot read,
 *   a refused key (__proto__, constructor, prototype), or over 10,000 nodes / 50,000 edges. One line on
 *   stderr says why; further detail lines (more refused keys) follow on stderr.
 */
import { readInputFile } from '../read-input.ts';
import { formatProblem } from '../../domain/problem.ts';
import { importWorkflow } from '../../interop/import.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo, type Command } from '../io.ts';

const USAGE = 'baton validate FILE';
const SUMMARY = [
  'Check a workflow file against the schema and the limits; problems are printed with their JSON path.',
  'Exit 0: valid. Exit 1: a Baton workflow with problems, listed on stdout as "$.path: message".',
  'Exit 2: unusable input (unreadable, not JSON, not a Baton workflow, a newer schemaVersion, over a limit), one line on stderr.',
].join('\n');

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  const unknown = args.filter((a) => a.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1) {
    const why = unknown.length > 0 ? `unknown option "${unknown[0] ?? ''}"` : files.length === 0 ? 'a FILE is required' : 'exactly one FILE is expected';
    io.stderr.write(`baton validate: ${why}. Usage: ${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  const file = files[0] ?? '';
  const bytes = await readInputFile(file, io);
  if (!bytes) return EXIT_UNUSABLE;

  const result = importWorkflow(bytes);
  if (result.ok) {
    const { doc } = result;
    const migrated = result.migratedFrom !== undefined ? ` (upgraded from schemaVersion ${result.migratedFrom})` : '';
    io.stdout.write(`${file}: valid workflow ${JSON.stringify(doc.name)} (${plural(doc.nodes.length, 'node')}, ${plural(doc.edges.length, 'edge')})${migrated}\n`);
    return EXIT_OK;
  }
  const [first, ...rest] = result.problems;
  if (result.unusable) {
    io.stderr.write(`${file}: not usable: ${first ? formatProblem(first) : 'unknown problem'}\n`);
    for (const p of rest) io.stderr.write(`  ${formatProblem(p)}\n`);
    return EXIT_UNUSABLE;
  }
  // The cap's "and N more" entry is not a problem of its own; count what it stands for.
  const more = result.problems.find((p) => p.code === 'more-problems');
  const extra = more ? Number(/\d+/.exec(more.message)?.[0] ?? 0) : 0;
  const total = result.problems.length - (more ? 1 : 0) + extra;
  io.stdout.write(`${file}: ${plural(total, 'problem')} in this workflow\n`);
  for (const p of result.problems) io.stdout.write(p.code === 'more-problems' ? `${p.message}\n` : `${formatProblem(p)}\n`);
  return EXIT_FINDINGS;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export const command: Command = { name: 'validate', usage: USAGE, summary: SUMMARY, run };

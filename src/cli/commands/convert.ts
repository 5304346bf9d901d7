/**
 * `baton convert FILE [--from baton] [--to baton|n8n|bpmn|asl|mermaid] [--out FILE]`: read a workflow (a Baton file;
 * other tools' formats plug in as readers under `--from`) and write it in another format.
 *
 * Exit codes (interfaces.md):
 * - 0: converted, nothing lost;
 * - 1: converted, with things the target could not carry over listed on stderr (one `note:` line each);
 * - 2: unusable input (unreadable, not a workflow, a workflow with problems: `baton validate` lists them), a
 *   bad option, or a design the target cannot express (refused with one line naming the node).
 *
 * The output goes to stdout unless --out names a file; exporters load only when asked for (dynamic import).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatProblem, type Workflow } from '../../domain/index.ts';
import { EXPORT_FORMATS, type ExportNote, type ExportResult } from '../../interop/export-format.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo, type Command } from '../io.ts';

/** Readers by `--from` name: bytes of a file in, a Baton workflow (or one line saying why not) out. */
type ReadResult = { readonly ok: true; readonly doc: Workflow; readonly notes: readonly ExportNote[] } | { readonly ok: false; readonly reason: string };
const READERS: Record<string, () => Promise<(bytes: Uint8Array) => ReadResult>> = {
  baton: async () => {
    const { importWorkflow } = await import('../../interop/import.ts');
    return (bytes) => {
      const r = importWorkflow(bytes);
      if (r.ok) return { ok: true, doc: r.doc, notes: [] };
      const [first] = r.problems;
      const what = r.unusable ? 'not usable' : `not a valid workflow (${r.problems.length} problem(s); run "baton validate" for all)`;
      return { ok: false, reason: `${what}: ${first ? formatProblem(first) : 'unknown problem'}` };
    };
  },
};

/** Writers by `--to` name: the exporters, plus Baton JSON itself. */
const WRITERS: Record<string, () => Promise<(doc: Workflow) => ExportResult>> = {
  baton: async () => {
    const { exportWorkflow } = await import('../../interop/export.ts');
    return (doc) => ({ ok: true, text: exportWorkflow(doc), notes: [] });
  },
  ...Object.fromEntries(EXPORT_FORMATS.map((f) => [f.id, f.load])),
};

const USAGE = `baton convert FILE [--from ${Object.keys(READERS).join('|')}] [--to ${Object.keys(WRITERS).join('|')}] [--out FILE]`;
const SUMMARY = [
  'Convert a workflow to another format (n8n, BPMN 2.0 XML, Step Functions ASL, Mermaid, Baton JSON); stdout unless --out.',
  'Exit 0: converted. Exit 1: converted, with what the target could not carry over listed on stderr.',
  'Exit 2: unusable input, a bad option, or a design the target cannot express (one line on stderr).',
].join('\n');

interface ConvertArgs {
  readonly file: string;
  readonly from: string;
  readonly to: string;
  readonly out: string | undefined;
}

/** Parse the arguments, or say in one line what is wrong. */
export function parseConvertArgs(args: readonly string[]): ConvertArgs | string {
  const files: string[] = [];
  let from = 'baton';
  // Baton JSON by default (interfaces.md): with --from, a conversion into Baton's own format.
  let to = 'baton';
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--from') {
      const v = value();
      if (v === undefined || !(v in READERS)) return `--from takes one of ${Object.keys(READERS).join(', ')}`;
      from = v;
    } else if (flag === '--to') {
      const v = value();
      if (v === undefined || !(v in WRITERS)) return `--to takes one of ${Object.keys(WRITERS).join(', ')}`;
      to = v;
    } else if (flag === '--out' || flag === '-o') {
      const v = value();
      if (v === undefined || v === '') return '--out takes a file name';
      out = v;
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option "${a}"`;
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) return files.length === 0 ? 'a FILE is required' : 'exactly one FILE is expected';
  return { file: files[0] ?? '', from, to, out };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseConvertArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`baton convert: ${parsed}. Usage: ${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(parsed.file);
  } catch (e) {
    io.stderr.write(`${parsed.file}: cannot read the file: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_UNUSABLE;
  }
  const readerLoader = READERS[parsed.from];
  const writerLoader = WRITERS[parsed.to];
  if (!readerLoader || !writerLoader) return EXIT_UNUSABLE;
  const input = (await readerLoader())(bytes);
  if (!input.ok) {
    io.stderr.write(`${parsed.file}: ${input.reason}\n`);
    return EXIT_UNUSABLE;
  }
  const result = (await writerLoader())(input.doc);
  if (!result.ok) {
    io.stderr.write(`${parsed.file}: cannot convert to ${parsed.to}: ${result.reason}\n`);
    return EXIT_UNUSABLE;
  }
  if (parsed.out !== undefined) {
    try {
      await writeFile(parsed.out, result.text);
    } catch (e) {
      io.stderr.write(`${parsed.out}: cannot write the file: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_UNUSABLE;
    }
  } else io.stdout.write(result.text);
  const notes = [...input.notes, ...result.notes];
  for (const n of notes) io.stderr.write(`note: ${n.message}\n`);
  if (notes.length > 0) {
    io.stderr.write(`${parsed.file}: converted to ${parsed.to} with ${notes.length} thing(s) not carried over exactly (listed above).\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export const command: Command = { name: 'convert', usage: USAGE, summary: SUMMARY, run };

/**
 * `baton convert FILE [--from baton|n8n] [--to baton|n8n|bpmn|asl|mermaid] [--out FILE] [--report FILE]`: read a
 * workflow (a Baton file, or another tool's export under `--from`; without `--from` the format is detected from
 * the content) and write it in another format (`--to`; Baton JSON when reading another tool's format).
 *
 * Exit codes (interfaces.md):
 * - 0: converted, nothing lost;
 * - 1: converted, with what was approximated on the way in or not carried over on the way out listed on stderr
 *   (one `note:` line each), or written as JSON to `--report FILE` (a ConversionReport);
 * - 2: unusable input (unreadable, not a workflow, a workflow with problems: `baton validate` lists them), a
 *   bad option, or a design the target cannot express (refused with one line naming the node).
 *
 * The output goes to stdout unless --out names a file; exporters load only when asked for (dynamic import).
 */
import { writeFile } from 'node:fs/promises';
import { readInputFile } from '../read-input.ts';
import { formatProblem, type ConversionNote, type ConversionReport, type Workflow } from '../../domain/index.ts';
import { EXPORT_FORMATS, type ExportNote, type ExportResult } from '../../interop/export-format.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo, type Command } from '../io.ts';

/**
 * Readers by `--from` name: bytes of a file in, a Baton workflow (or one line saying why not) out; a reader of
 * another tool's format also returns its conversion report.
 */
type ReadResult =
  | { readonly ok: true; readonly doc: Workflow; readonly notes: readonly ExportNote[]; readonly report?: ConversionReport }
  | { readonly ok: false; readonly reason: string };
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
  n8n: async () => {
    const { importForeignWorkflow } = await import('../../interop/importers.ts');
    const { n8nImporter } = await import('../../interop/n8n/index.ts');
    return (bytes) => {
      const r = importForeignWorkflow(bytes, n8nImporter);
      if (!r.ok) return { ok: false, reason: `not usable: ${r.problems[0] ? formatProblem(r.problems[0]) : 'unknown problem'}` };
      return r.converted ? { ok: true, doc: r.doc, notes: r.report.approximations.map(noteOf), report: r.report } : { ok: true, doc: r.doc, notes: [] };
    };
  },
};

/** An importer's approximation as a line: `"Node": what (why)`. */
function noteOf(a: ConversionNote): ExportNote {
  const message = `${a.node ? JSON.stringify(a.node) : 'the workflow'}: ${a.what} (${a.why})`;
  return a.nodeId !== undefined ? { message, nodeId: a.nodeId } : { message };
}

/** Without --from: the format the content says (another tool's export, detected), else a Baton file. */
async function detectReader(bytes: Uint8Array): Promise<string> {
  const { readJsonSafely } = await import('../../interop/read-json.ts');
  const { FOREIGN_IMPORTERS } = await import('../../interop/importers.ts');
  const read = readJsonSafely(bytes);
  return (read.ok && FOREIGN_IMPORTERS.find((i) => i.detect(read.value))?.format) || 'baton';
}

/** Writers by `--to` name: the exporters, plus Baton JSON itself. */
const WRITERS: Record<string, () => Promise<(doc: Workflow) => ExportResult>> = {
  baton: async () => {
    const { exportWorkflow } = await import('../../interop/export.ts');
    return (doc) => ({ ok: true, text: exportWorkflow(doc), notes: [] });
  },
  ...Object.fromEntries(EXPORT_FORMATS.map((f) => [f.id, f.load])),
};

const USAGE = `baton convert FILE [--from ${Object.keys(READERS).join('|')}] [--to ${Object.keys(WRITERS).join('|')}] [--out FILE] [--report FILE]`;
const SUMMARY = [
  'Convert a workflow between formats: an n8n export to a Baton workflow, or a Baton workflow to n8n, BPMN 2.0 XML,',
  'Step Functions ASL or Mermaid; stdout unless --out.',
  'Exit 0: converted. Exit 1: converted, with what was approximated listed on stderr (or in --report FILE as JSON).',
  'Exit 2: unusable input, a bad option, or a design the target cannot express (one line on stderr).',
].join('\n');

interface ConvertArgs {
  readonly file: string;
  /** undefined: detect from the content. */
  readonly from: string | undefined;
  readonly to: string;
  readonly out: string | undefined;
  readonly report: string | undefined;
}

/** Parse the arguments, or say in one line what is wrong. */
export function parseConvertArgs(args: readonly string[]): ConvertArgs | string {
  const files: string[] = [];
  let from: string | undefined;
  // Baton JSON by default (interfaces.md): with --from, a conversion into Baton's own format.
  let to = 'baton';
  let out: string | undefined;
  let report: string | undefined;
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
    } else if (flag === '--report') {
      const v = value();
      if (v === undefined || v === '') return '--report takes a file name';
      report = v;
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option "${a}"`;
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) return files.length === 0 ? 'a FILE is required' : 'exactly one FILE is expected';
  return { file: files[0] ?? '', from, to, out, report };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseConvertArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`baton convert: ${parsed}. Usage: ${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  const bytes = await readInputFile(parsed.file, io);
  if (!bytes) return EXIT_UNUSABLE;
  const from = parsed.from ?? (await detectReader(bytes));
  const readerLoader = READERS[from];
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
  if (parsed.report !== undefined) {
    const exportNotes = result.notes.map((n): ConversionNote => ({ node: '', ...(n.nodeId !== undefined ? { nodeId: n.nodeId } : {}), what: n.message, why: `not carried over to ${parsed.to}` }));
    const base: ConversionReport = input.report ?? { from, name: input.doc.name, sourceNodes: input.doc.nodes.length, nodes: input.doc.nodes.length, edges: input.doc.edges.length, folded: 0, approximations: [] };
    try {
      await writeFile(parsed.report, `${JSON.stringify({ ...base, approximations: [...base.approximations, ...exportNotes] }, null, 2)}\n`);
    } catch (e) {
      io.stderr.write(`${parsed.report}: cannot write the report: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_UNUSABLE;
    }
    if (notes.length > 0) io.stderr.write(`${parsed.file}: converted to ${parsed.to} with ${notes.length} thing(s) not carried over exactly (listed in ${parsed.report}).\n`);
    return notes.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const n of notes) io.stderr.write(`note: ${n.message}\n`);
  if (notes.length > 0) {
    io.stderr.write(`${parsed.file}: converted to ${parsed.to} with ${notes.length} thing(s) not carried over exactly (listed above).\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export const command: Command = { name: 'convert', usage: USAGE, summary: SUMMARY, run };

/**
 * `baton convert IN [--from n8n|baton] [--to baton] [--out FILE] [--report FILE]`
 *
 * Reads a workflow of one format and writes it in another. A conversion is a reader (`--from`: a Baton
 * document or another tool's export, detected from the content when `--from` is left out) and a writer (`--to`,
 * Baton's own JSON by default). Writers are a table: exporters to n8n, BPMN, Step Functions or Mermaid add an
 * entry to WRITERS and nothing else changes.
 *
 * Exit codes: 0 converted exactly; 1 converted with approximations, listed on stderr (or written as JSON to
 * `--report FILE`); 2 unusable input or arguments, one line on stderr.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatProblem, type ConversionReport, type Workflow } from '../../domain/index.ts';
import { exportWorkflow } from '../../interop/export.ts';
import { FOREIGN_IMPORTERS, findImporter, importAnyWorkflow, importForeignWorkflow, type AnyImportResult } from '../../interop/importers.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliIo, type Command } from '../io.ts';

/** A writer turns a valid Baton document into the text of another format, plus what it had to approximate. */
export interface Writer {
  /** What the format is called in messages ("Baton workflow JSON"). */
  readonly title: string;
  write(doc: Workflow): { readonly text: string; readonly approximations: ConversionReport['approximations'] };
}

/** Output formats by `--to` name. */
export const WRITERS: Readonly<Record<string, Writer>> = {
  baton: { title: 'Baton workflow JSON', write: (doc) => ({ text: exportWorkflow(doc), approximations: [] }) },
};

const FROM = ['baton', ...FOREIGN_IMPORTERS.map((i) => i.format)];
const USAGE = `baton convert IN [--from ${FROM.join('|')}] [--to ${Object.keys(WRITERS).join('|')}] [--out FILE] [--report FILE]`;
const SUMMARY = 'Convert a workflow between formats (an n8n export to a Baton workflow); approximations go to stderr or --report.';

export interface ConvertArgs {
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
  let to = 'baton';
  let out: string | undefined;
  let report: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--from') {
      const v = value();
      if (v === undefined || !FROM.includes(v)) return `--from takes one of ${FROM.join(', ')}`;
      from = v;
    } else if (flag === '--to') {
      const v = value();
      if (v === undefined || !(v in WRITERS)) return `--to takes one of ${Object.keys(WRITERS).join(', ')}`;
      to = v;
    } else if (flag === '--out' || flag === '-o') {
      const v = value();
      if (!v) return `${flag} takes a file name`;
      out = v;
    } else if (flag === '--report') {
      const v = value();
      if (!v) return '--report takes a file name';
      report = v;
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option "${a}"`;
    } else {
      files.push(a);
    }
  }
  if (files.length !== 1) return files.length === 0 ? 'an input FILE is required' : 'exactly one input FILE is expected';
  return { file: files[0] ?? '', from, to, out, report };
}

function read(bytes: Uint8Array, from: string | undefined): AnyImportResult {
  if (from === undefined || from === 'baton') {
    const r = importAnyWorkflow(bytes);
    // --from baton insists on a Baton document: a detected n8n file is a mistake worth naming.
    if (from === 'baton' && r.ok && r.converted) return { ok: false, unusable: true, problems: [{ path: [], code: 'not-this-format', message: `not a Baton workflow: it is an ${r.title}; use --from ${r.from}` }] };
    return r;
  }
  const importer = findImporter(from);
  return importer ? importForeignWorkflow(bytes, importer) : { ok: false, unusable: true, problems: [{ path: [], code: 'unknown-format', message: `no reader for "${from}"` }] };
}

function readError(e: unknown): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e);
}

/** One approximation per line: `  "Node": what (why)`. */
export function formatApproximations(notes: ConversionReport['approximations']): string {
  return notes.map((n) => `  ${n.node ? JSON.stringify(n.node) : '(workflow)'}: ${n.what} (${n.why})\n`).join('');
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseConvertArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`baton convert: ${parsed}. Usage: ${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  const { file, from, to, out, report: reportFile } = parsed;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    io.stderr.write(`${file}: cannot read the file: ${readError(e)}\n`);
    return EXIT_UNUSABLE;
  }
  const result = read(bytes, from);
  if (!result.ok) {
    const first = result.problems[0];
    const what = result.unusable ? 'not usable' : 'not a valid Baton workflow (run "baton validate" to list its problems)';
    io.stderr.write(`${file}: ${what}: ${first ? formatProblem(first) : 'unknown problem'}\n`);
    return EXIT_UNUSABLE;
  }
  const writer = WRITERS[to];
  if (!writer) {
    io.stderr.write(`baton convert: no writer for "${to}"\n`);
    return EXIT_UNUSABLE;
  }
  const written = writer.write(result.doc);
  const sourceReport = result.converted ? result.report : undefined;
  const approximations = [...(sourceReport?.approximations ?? []), ...written.approximations];

  if (out !== undefined) {
    try {
      await writeFile(out, written.text);
    } catch (e) {
      io.stderr.write(`${out}: cannot write the file: ${readError(e)}\n`);
      return EXIT_UNUSABLE;
    }
  } else {
    io.stdout.write(written.text);
  }

  const source = result.converted ? result.title : 'Baton workflow';
  const folded = sourceReport && sourceReport.folded > 0 ? `; ${sourceReport.folded} sub-node${sourceReport.folded === 1 ? '' : 's'} folded into their steps` : '';
  const summary = `${file}: converted ${source} ${JSON.stringify(result.doc.name)} to ${writer.title} (${result.doc.nodes.length} nodes, ${result.doc.edges.length} edges${folded})`;
  if (reportFile !== undefined) {
    const report: ConversionReport = sourceReport
      ? { ...sourceReport, approximations }
      : { from: 'baton', name: result.doc.name, sourceNodes: result.doc.nodes.length, nodes: result.doc.nodes.length, edges: result.doc.edges.length, folded: 0, approximations };
    try {
      await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    } catch (e) {
      io.stderr.write(`${reportFile}: cannot write the report: ${readError(e)}\n`);
      return EXIT_UNUSABLE;
    }
    io.stderr.write(`${summary}; ${approximations.length} approximation${approximations.length === 1 ? '' : 's'} in ${reportFile}\n`);
  } else if (approximations.length > 0) {
    io.stderr.write(`${summary}; ${approximations.length} approximation${approximations.length === 1 ? '' : 's'}:\n${formatApproximations(approximations)}`);
  } else {
    io.stderr.write(`${summary}\n`);
  }
  return approximations.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export const command: Command = { name: 'convert', usage: USAGE, summary: SUMMARY, run };

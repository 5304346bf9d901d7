/**
 * Reading a workflow file of any format the app knows, for the toolbar's Import and the designs library's
 * Import design. Baton documents, the common case, use what is already loaded; other tools' converters (n8n)
 * load only when a file needs them, so they cost the first page nothing.
 */
import { usesDefaultRates } from '../domain/index.ts';
import { importWorkflow } from '../interop/import.ts';
import type { FileReadResult } from '../ui/services.tsx';

export async function readWorkflowFile(text: string): Promise<FileReadResult> {
  const quick = importWorkflow(text);
  if (quick.ok) return { ok: true, doc: quick.doc };
  if (!quick.unusable) return { ok: false, problems: quick.problems };
  const { importAnyWorkflow } = await import('../interop/importers.ts');
  const r = importAnyWorkflow(text);
  if (!r.ok) return r.from !== undefined ? { ok: false, problems: r.problems, title: `${r.from} workflow` } : { ok: false, problems: r.problems };
  if (!r.converted) return { ok: true, doc: r.doc };
  const defaultRateSteps = r.doc.nodes.filter(usesDefaultRates).map((n) => n.label);
  return { ok: true, doc: r.doc, conversion: { title: r.title, report: r.report, ...(defaultRateSteps.length > 0 ? { defaultRateSteps } : {}) } };
}

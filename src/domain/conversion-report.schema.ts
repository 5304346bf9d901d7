/**
 * The conversion report: what an importer of another tool's workflow (n8n today) could not carry over exactly.
 * A public output (`baton convert --report FILE` writes it as JSON; the app shows it after an import), so it is
 * described by a schema like the lint and simulation reports.
 */
import * as z from 'zod';

export const conversionNoteSchema = z.strictObject({
  /** The source node's name as the other tool shows it; empty for the workflow as a whole. */
  node: z.string(),
  /** The Baton node it became, when it became one. */
  nodeId: z.string().optional(),
  /** What was approximated, in a sentence. */
  what: z.string(),
  /** Why: what the other tool does that Baton's format cannot say, or what the file left unsaid. */
  why: z.string(),
});

export const conversionReportSchema = z.strictObject({
  /** The tool the workflow came from, e.g. "n8n". */
  from: z.string(),
  /** The source workflow's name. */
  name: z.string(),
  /** Nodes in the source file (sticky notes included). */
  sourceNodes: z.number().int().min(0),
  /** Nodes and edges in the Baton document. */
  nodes: z.number().int().min(0),
  edges: z.number().int().min(0),
  /** Sub-nodes folded into the step they serve (an agent's model, memory, tools, output parser). */
  folded: z.number().int().min(0),
  approximations: z.array(conversionNoteSchema),
});

export type ConversionNote = z.infer<typeof conversionNoteSchema>;
export type ConversionReport = z.infer<typeof conversionReportSchema>;

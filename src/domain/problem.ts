/**
 * A problem found in a document: where (a JSON path) and what, in a sentence a person understands.
 * Import, validation and the CLI all report problems in this one shape.
 */
export type JsonPath = readonly (string | number)[];

export interface Problem {
  /** Path from the document root, e.g. ["nodes", 3, "config", "capability"]. */
  readonly path: JsonPath;
  /** A stable code for programs ("dangling-edge", "limit-nodes", "invalid_type"...). */
  readonly code: string;
  /** One sentence for people. */
  readonly message: string;
}

/**
 * Render a path the way people read JSON: `$.nodes[3].config.capability`.
 * @example formatPath(['nodes', 3, 'config']) // "$.nodes[3].config"
 */
export function formatPath(path: JsonPath): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** "$.nodes[3].config: message", one line per problem. */
export function formatProblem(p: Problem): string {
  return `${formatPath(p.path)}: ${p.message}`;
}

/** The workflow model: schemas, types and pure operations. Imports zod only. */
export * from './units.ts';
export * from './errors.ts';
export * from './distribution.schema.ts';
export * from './policy.schema.ts';
export * from './stub.schema.ts';
export * from './node.schema.ts';
export * from './edge.schema.ts';
export * from './scenario.schema.ts';
export * from './lint-config.schema.ts';
export * from './kpi.ts';
export * from './workflow.schema.ts';
export * from './problem.ts';
export * from './ports.ts';
export * from './graph.ts';
export * from './integrity.ts';
export * from './defaults.ts';
export * from './diff.ts';

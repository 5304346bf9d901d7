/**
 * What the inspector is editing, as one context: the entity (node, edge or the workflow's settings), its
 * schema, its current issues and one `commit(path, value)`. Fields below only know their path.
 *
 * Commits go through the store's update actions with the coalescing key `${id}.${path}`, so typing in one
 * field is one undo entry; structural edits (add, remove, reorder, change a type) pass `step` and become an
 * entry each. A candidate that would not be structurally typed is refused here (see schema-issues.ts).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import * as z from 'zod';
import { edgeSchema, nodeSchema, workflowShapeSchema, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../domain/index.ts';
import { useEditorStoreApi } from '../editor-context.tsx';
import { pathKey, setIn, type FieldPath } from './path-data.ts';
import { issuesByPath, structuralGuard, type IssueMap } from './schema-issues.ts';

/** `field`: typing in one field, merged into one undo entry; `step`: one entry per call. */
export type CommitMode = 'field' | 'step';

export interface InspectorScope {
  readonly id: string;
  readonly schema: z.ZodType;
  readonly value: unknown;
  readonly issues: IssueMap;
  commit(path: FieldPath, next: unknown, mode?: CommitMode): void;
}

const ScopeContext = createContext<InspectorScope | null>(null);

export function ScopeProvider({ scope, children }: { scope: InspectorScope; children: ReactNode }) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

export function useScope(): InspectorScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('inspector fields must be rendered inside <ScopeProvider>');
  return scope;
}

const isNode = structuralGuard(nodeSchema);
const isEdge = structuralGuard(edgeSchema);

/** The part of the workflow the inspector edits when nothing is selected; nodes and edges stay out of its validation. */
export const workflowSettingsSchema = workflowShapeSchema.pick({ name: true, description: true, profile: true, scenarios: true });
type WorkflowSettings = z.infer<typeof workflowSettingsSchema>;
const isSettings = structuralGuard(workflowSettingsSchema);

function settingsOf(doc: Pick<Workflow, 'name' | 'description' | 'profile' | 'scenarios'>): WorkflowSettings {
  const { name, description, profile, scenarios } = doc;
  return { name, ...(description === undefined ? {} : { description }), ...(profile ? { profile } : {}), ...(scenarios ? { scenarios } : {}) };
}

function coalesce(id: string, path: FieldPath, mode: CommitMode): { coalesceKey: string } | undefined {
  return mode === 'field' ? { coalesceKey: `${id}.${pathKey(path)}` } : undefined;
}

/**
 * The scope of one node or edge: validated with its schema, committed through the store action that updates
 * it, keeping the previous object when the candidate is not structurally typed.
 */
function useEntityScope<T extends { id: string }>(
  entity: T,
  schema: z.ZodType,
  isShaped: (v: unknown) => v is T,
  update: (id: string, f: (current: T) => T, opts?: { coalesceKey: string }) => void,
): InspectorScope {
  return useMemo(
    () => ({
      id: entity.id,
      schema,
      value: entity,
      issues: issuesByPath(schema, entity),
      commit(path: FieldPath, next: unknown, mode: CommitMode = 'field') {
        update(
          entity.id,
          (current) => {
            const candidate = setIn(current, path, next);
            return isShaped(candidate) ? candidate : current;
          },
          coalesce(entity.id, path, mode),
        );
      },
    }),
    [entity, schema, isShaped, update],
  );
}

export function useNodeScope(node: WorkflowNode): InspectorScope {
  const store = useEditorStoreApi();
  return useEntityScope(node, nodeSchema, isNode, store.getState().updateNode);
}

export function useEdgeScope(edge: WorkflowEdge): InspectorScope {
  const store = useEditorStoreApi();
  return useEntityScope(edge, edgeSchema, isEdge, store.getState().updateEdge);
}

export function useWorkflowScope(doc: Workflow): InspectorScope {
  const store = useEditorStoreApi();
  const { id, name, description, profile, scenarios } = doc;
  return useMemo(() => {
    const value = settingsOf({ name, description, profile, scenarios });
    return {
      id,
      schema: workflowSettingsSchema,
      value,
      issues: issuesByPath(workflowSettingsSchema, value),
      commit(path: FieldPath, next: unknown, mode: CommitMode = 'field') {
        store.getState().updateWorkflow((d) => {
          const candidate = setIn(settingsOf(d), path, next);
          if (!isSettings(candidate)) return d;
          // Rebuild from the untouched rest so a removed description leaves no `description: undefined` behind.
          const { name: _n, description: _d, profile: _p, scenarios: _s, ...rest } = d;
          return { ...rest, ...candidate };
        }, coalesce(id, path, mode));
      },
    };
    // Only the settings are dependencies: moving a node must not re-validate the scenarios.
  }, [store, id, name, description, profile, scenarios]);
}

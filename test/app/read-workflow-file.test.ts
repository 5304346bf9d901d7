import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkflowFile } from '../../src/app/read-workflow-file.ts';
import { createNode, createWorkflow } from '../../src/domain/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/n8n/${name}`, import.meta.url), 'utf8');

describe('readWorkflowFile', () => {
  it('an n8n import lists the AI steps and tools that state no failure rates, for the conversion report', async () => {
    const r = await readWorkflowFile(fixture('0130_HubSpot_Cron_Automate_Scheduled.json'));
    if (!r.ok || !r.conversion) throw new Error('an n8n conversion');
    const bare = r.doc.nodes.filter((n) => (n.kind === 'ai' || n.kind === 'tool') && n.stub === undefined).map((n) => n.label);
    expect(bare.length).toBeGreaterThan(0);
    expect(r.conversion.defaultRateSteps).toEqual(bare);
  });
  it('a Baton document is no conversion', async () => {
    const doc = { ...createWorkflow({ id: 'wf', name: 'W' }), nodes: [createNode('tool', { id: 't', position: { x: 0, y: 0 } })] };
    const r = await readWorkflowFile(JSON.stringify(doc));
    expect(r.ok && r.conversion).toBe(undefined);
  });
});

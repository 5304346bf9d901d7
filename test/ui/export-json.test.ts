// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { readWorkflowFile } from '../../src/app/read-workflow-file.ts';
import { createNode, createWorkflow, type Workflow } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';

const downloads: string[] = [];
vi.mock('../../src/ui/download.ts', async (original) => ({
  ...(await original<typeof import('../../src/ui/download.ts')>()),
  downloadBlob: (_blob: Blob, name: string) => void downloads.push(name),
}));
const { exportDesignJson } = await import('../../src/ui/export-json.ts');

const services = { exportJson: exportWorkflow, readWorkflowFile };

function doc(cost: number): Workflow {
  const tool = createNode('tool', { id: 'lookup', position: { x: 0, y: 0 }, label: 'Look up order' });
  return { ...createWorkflow({ id: 'wf', name: 'Orders' }), nodes: [createNode('trigger', { id: 't', position: { x: -300, y: 0 } }), { ...tool, stub: { ...tool.stub!, costPerCall: cost } }], edges: [] };
}

describe('Export JSON, checked', () => {
  it('downloads a valid design and says nothing more', async () => {
    const notify = vi.fn();
    await exportDesignJson(services, doc(0.01), notify);
    expect(downloads.at(-1)).toBe('orders.baton.json');
    expect(notify).not.toHaveBeenCalled();
  });
  it('downloads a design with a value out of range, and says Import will refuse the file until it is fixed', async () => {
    const notify = vi.fn();
    await exportDesignJson(services, doc(-1), notify);
    expect(downloads.at(-1)).toBe('orders.baton.json');
    expect(notify).toHaveBeenCalledOnce();
    const [text, kind] = notify.mock.calls[0]!;
    expect(kind).toBe('error');
    expect(text).toMatch(/^orders\.baton\.json was downloaded, but Import will refuse it until one problem is fixed \(.*costPerCall.*\)\. Fix it in the Inspector and export again\.$/);
  });
});

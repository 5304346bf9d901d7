// @vitest-environment jsdom
/**
 * The four exporters on designs converted from real n8n files with loops, data steps and agents with tools
 * (corpus-samples.ts), each file checked by the target's own validator: bpmn-moddle and bpmnlint for BPMN,
 * asl-validator for Step Functions, Mermaid's parser for Mermaid, and the n8n importer for n8n (the round trip
 * is in n8n-roundtrip.test.ts). Loops must come out as the target's own construct: BPMN multi-instance
 * sub-processes and Step Functions Map states.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '../../../src/domain/index.ts';
import { exportAsl } from '../../../src/interop/asl/export.ts';
import { exportBpmn } from '../../../src/interop/bpmn/export.ts';
import { exportMermaid } from '../../../src/interop/mermaid/export.ts';
import { convertN8n } from '../../../src/interop/n8n/convert.ts';
import { exportN8n } from '../../../src/interop/n8n/export.ts';
import { findN8nCorpus } from '../n8n-corpus-dir.ts';
import { checkBpmn, shapesDrawnOver } from './bpmn-check.ts';
import { CORPUS_SAMPLES } from './corpus-samples.ts';

const require = createRequire(import.meta.url);
type Validator = (definition: unknown) => { isValid: boolean; errorsText: (sep?: string) => string };
const validateAsl = require('asl-validator') as Validator;
type Mermaid = (typeof import('mermaid'))['default'];
let mermaid: Mermaid;
beforeAll(async () => {
  mermaid = (await import('mermaid')).default;
});

const corpus = findN8nCorpus();

function design(file: string): Workflow {
  const r = convertN8n(JSON.parse(readFileSync(join(corpus ?? '', file), 'utf8')));
  if (!r.ok) throw new Error(`${file} does not convert`);
  return r.doc;
}

describe.skipIf(corpus === undefined)('exporters on designs converted from real n8n files', () => {
  const made = { subProcesses: 0, maps: 0 };

  it.each(CORPUS_SAMPLES)('%s passes every target\'s validator', async (file) => {
    const doc = design(file);
    const bpmn = exportBpmn(doc);
    if (!bpmn.ok) throw new Error(bpmn.reason);
    const check = await checkBpmn(bpmn.text);
    expect(check.warnings).toEqual([]);
    expect(check.errors).toEqual([]);
    made.subProcesses += (bpmn.text.match(/<bpmn:subProcess /g) ?? []).length;

    const asl = exportAsl(doc);
    if (!asl.ok) throw new Error(asl.reason);
    const result = validateAsl(JSON.parse(asl.text));
    expect(result.errorsText()).toBe('');
    made.maps += (asl.text.match(/"Type": "Map"/g) ?? []).length;

    const chart = exportMermaid(doc);
    if (!chart.ok) throw new Error(chart.reason);
    expect(await mermaid.parse(chart.text)).toBeTruthy();

    const n8n = exportN8n(doc);
    if (!n8n.ok) throw new Error(n8n.reason);
    expect(convertN8n(JSON.parse(n8n.text)).ok).toBe(true);
  });

  // Files whose loop-body box was drawn over the importer's "End" or other shapes, or whose error fork was drawn
  // across its task, before the exporter cleared sub-process boxes and put forks below boundary events.
  it.each([...CORPUS_SAMPLES, '0073_Manual_Rssfeedread_Automate_Triggered.json', '0392_Stopanderror_GitHub_Automate_Webhook.json', '0620_Wait_Slack_Automate_Webhook.json', '0295_Webhook_Dropcontact_Create_Webhook.json', '1382_Lemlist_Slack_Automate_Webhook.json'])(
    '%s: no BPMN shape is drawn over another it does not hold',
    async (file) => {
      const bpmn = exportBpmn(design(file));
      if (!bpmn.ok) throw new Error(bpmn.reason);
      expect(shapesDrawnOver((await checkBpmn(bpmn.text)).definitions)).toEqual([]);
    },
  );

  it('made their loops the targets\' own constructs: multi-instance sub-processes and Map states', () => {
    // Counted over the files above (loops that no trigger reaches are left out of both, and reported).
    expect(made.subProcesses).toBeGreaterThanOrEqual(6);
    expect(made.maps).toBeGreaterThanOrEqual(4);
  });
});

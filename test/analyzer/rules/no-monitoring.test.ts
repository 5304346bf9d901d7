import rule from '../../../src/analyzer/rules/no-monitoring.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';
import type { Workflow } from '../../../src/domain/index.ts';

/** The same design started by a schedule: nobody watches the run. */
const scheduled = (d: Workflow): Workflow => startedBy('schedule', d);
const startedBy = (type: 'schedule' | 'called', d: Workflow, extra: { waits?: boolean } = {}): Workflow => ({ ...d, nodes: d.nodes.map((n) => (n.kind === 'trigger' ? { ...n, config: { type, ...extra } } : n)) });
/** A sub-workflow (corpus 1340, "Execute Workflow Trigger") that a schedule also starts: the scheduled runs are unwatched. */
const calledAndScheduled = (): Workflow => new Builder().add('trigger', 'c', { config: { type: 'called' } }).add('trigger', 's', { config: { type: 'schedule' } }).add('tool', 'fetch').add('output', 'o').chain('c', 'fetch', 'o').chain('s', 'fetch').build();

ruleTester(rule, {
  valid: [
    { name: 'no external calls', doc: chainDoc(['human']) },
    { name: 'errors raise an alert', doc: scheduled(new Builder().add('trigger', 't').add('ai', 'a').add('output', 'o').add('output', 'al', { config: { type: 'alert', outcome: 'error' } }).chain('t', 'a', 'o').link('a', 'al', { sourcePort: 'error' }).build()) },
    { name: 'errors reach a notification step', doc: scheduled(new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'n', { config: { type: 'notification' } }).add('output', 'o').chain('t', 'a', 'o').link('a', 'n', { sourcePort: 'error' }).chain('n', 'o').build()) },
    // A run started by hand (n8n's "When clicking 'Test workflow'") is watched by whoever started it.
    { name: 'started by hand', doc: chainDoc(['ai', 'tool']) },
    // Corpus 1944: n8n's settings name an error workflow, which runs on every failed execution.
    // Corpus 1340: a sub-workflow's failure goes back to the workflow that called it (its Execute Workflow step fails).
    { name: 'started by another workflow, which gets the failure back', doc: startedBy('called', chainDoc(['ai', 'tool'])) },
    { name: 'a failure handler outside the graph', doc: { ...scheduled(chainDoc(['ai', 'tool'])), monitoring: { alertOnFailure: true, via: 'n8n error workflow XNlgpSG3BUF32PIk' } } },
  ],
  invalid: [
    { name: 'low volume', doc: scheduled(chainDoc(['ai', 'tool'])), errors: [{ severity: 'info', nodeIds: ['s1', 's2'], message: /nobody watching/ }] },
    { name: 'high volume', doc: scheduled(chainDoc(['ai'], { runsPerDay: 500 })), errors: [{ severity: 'warning' }] },
    { name: 'a failure handler that does not alert', doc: { ...scheduled(chainDoc(['ai'])), monitoring: { alertOnFailure: false } }, errors: [{ nodeIds: ['s1'] }] },
    { name: 'manual runs counted, by option', doc: chainDoc(['ai']), options: { manualRunsAreWatched: false }, errors: [{ nodeIds: ['s1'] }] },
    { name: 'called runs counted, by option', doc: startedBy('called', chainDoc(['ai'])), options: { calledRunsAreWatched: false }, errors: [{ nodeIds: ['s1'] }] },
    { name: 'a call a schedule reaches too, beside the caller', doc: calledAndScheduled(), errors: [{ nodeIds: ['fetch'] }] },
    // Corpus 1429: the scheduled half starts the called half and goes on ("Wait For Sub-Workflow Completion" off).
    { name: 'called by a workflow that does not wait for it', doc: startedBy('called', chainDoc(['ai']), { waits: false }), errors: [{ nodeIds: ['s1'] }] },
  ],
});

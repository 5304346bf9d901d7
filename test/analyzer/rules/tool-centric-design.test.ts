import rule from '../../../src/analyzer/rules/tool-centric-design.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const purpose = { config: { purpose: 'Extract the total and the due date' } };

ruleTester(rule, {
  valid: [
    { name: 'named after the job, with a purpose', doc: new Builder().add('ai', 'a', { label: 'Extract invoice fields', ...purpose }).add('human', 'h', { label: 'Approve refund' }).build() },
    { name: 'vendor list is an option', doc: new Builder().add('ai', 'a', { label: 'Ask Claude', ...purpose }).build(), options: { vendorNames: 'zapier' } },
  ],
  invalid: [
    { name: 'named after a model', doc: new Builder().add('ai', 'a', { label: 'GPT-4o call', ...purpose }).build(), errors: [{ nodeIds: ['a'], message: /"gpt"/, quickFix: 'name-after-purpose' }] },
    { name: 'named after a vendor, no purpose', doc: new Builder().add('tool', 'z', { label: 'Zapier' }).build(), errors: [{ message: /zapier/ }] },
    { name: 'no purpose', doc: new Builder().add('ai', 'a', { label: 'Extract fields' }).build(), errors: [{ message: /no stated purpose/ }] },
  ],
});

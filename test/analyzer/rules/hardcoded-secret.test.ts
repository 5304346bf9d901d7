import rule from '../../../src/analyzer/rules/hardcoded-secret.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** trigger -> one HTTP tool with the given inline secrets -> output. */
const withSecrets = (inlineSecrets: { parameter: string; placeholder?: boolean }[]) =>
  new Builder().add('trigger', 't').add('tool', 'call', { label: 'Generate image', inlineSecrets }).add('output', 'o').chain('t', 'call', 'o').build();

ruleTester(rule, {
  valid: [
    { name: 'no secrets in settings', doc: chainDoc(['ai', 'tool']) },
    { name: 'an empty list', doc: withSecrets([]) },
    { name: 'placeholders not reported when turned off', doc: withSecrets([{ parameter: 'headerParameters.X-API-Key', placeholder: true }]), options: { reportPlaceholders: false } },
  ],
  invalid: [
    // Corpus 1238_Manual_Code_Automation_Webhook.json, "Get Midjourney URL": an x-api-key header typed in as text.
    { name: 'a key typed into a header', doc: withSecrets([{ parameter: 'headerParameters.x-api-key' }]), errors: [{ severity: 'error', nodeIds: ['call'], message: /\("headerParameters.x-api-key"\): anyone with the workflow file has it/ }] },
    // Corpus 1400_Wait_Code_Automation_Webhook.json, "Generate Image": X-API-Key "[Your API Key]".
    { name: 'a placeholder waiting for a key', doc: withSecrets([{ parameter: 'headerParameters.X-API-Key', placeholder: true }]), errors: [{ severity: 'warning', message: /placeholder/ }] },
    { name: 'both on one step: two findings', doc: withSecrets([{ parameter: 'a' }, { parameter: 'b', placeholder: true }, { parameter: 'c' }]), errors: [{ severity: 'error', message: /"a", "c"/ }, { severity: 'warning' }] },
  ],
});

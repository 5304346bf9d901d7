import rule from '../../../src/analyzer/rules/agent-side-effects.ts';
import type { AgentTool } from '../../../src/domain/index.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** trigger -> (optional gate) -> agent with the given tools -> reply. */
const agent = (tools: AgentTool[], trigger: { type: 'chat' | 'schedule' | 'webhook' | 'called'; public?: boolean } = { type: 'schedule' }, gate?: 'human' | 'check') => {
  const b = new Builder().add('trigger', 't', { label: 'When chat message received', config: trigger }).add('ai', 'a', { label: 'Support Agent', config: { capability: 'agent', tools } }).add('output', 'o');
  if (gate) b.add(gate, 'g').add('output', 'x', { config: { type: 'discard', outcome: 'rejected' } }).chain('t', 'g', 'a').link('g', 'x', { sourcePort: gate === 'human' ? 'reject' : 'fail' });
  else b.chain('t', 'a');
  return b.chain('a', 'o').build();
};
const search: AgentTool = { name: 'Search knowledge base', sideEffect: 'none' };
// Corpus 1133_Googlesheetstool_Automation_Triggered.json: a public chat's support agent that places orders and updates stock in Google Sheets.
const placeOrder: AgentTool = { name: 'Place order', type: 'database', sideEffect: 'reversible' };
const updateStock: AgentTool = { name: 'Update Stock', type: 'database', sideEffect: 'reversible' };
// Corpus 1925_Microsoftoutlook_Microsoftoutlooktool_Automation_Triggered.json: an agent that may reply to e-mail on its own.
const reply: AgentTool = { name: 'Reply to Email', type: 'notification', sideEffect: 'irreversible' };
// Declared as a write by an import that could not see into it, but named as a read.
const getChart: AgentTool = { name: 'Get Chart', type: 'subworkflow', sideEffect: 'reversible' };

ruleTester(rule, {
  valid: [
    { name: 'an AI step with no tools', doc: chainDoc(['ai']) },
    { name: 'an agent with read-only tools', doc: agent([search]) },
    { name: 'a tool declared as a write but named as a read', doc: agent([getChart], { type: 'chat', public: true }) },
    { name: 'reversible tools when the option leaves them out', doc: agent([placeOrder]), options: { reportReversible: false } },
    { name: 'an embedding step that writes to its vector store', doc: new Builder().add('trigger', 't').add('ai', 'e', { config: { capability: 'embedding', tools: [{ name: 'Qdrant (insert)', type: 'database', sideEffect: 'reversible' }] } }).add('output', 'o').chain('t', 'e', 'o').build() },
  ],
  invalid: [
    { name: 'a public chat steers an agent that places orders', doc: agent([search, placeOrder, updateStock], { type: 'chat', public: true }), errors: [{ severity: 'warning', nodeIds: ['a', 't'], message: /"Place order", "Update Stock".*steered by anyone who reaches "When chat message received"/ }] },
    // A workflow only another workflow can start is steered by its caller, not by anyone (workflow-format.md).
    { name: 'a called agent marked public by mistake is not steered by anyone', doc: agent([placeOrder], { type: 'called', public: true }), errors: [{ severity: 'info', nodeIds: ['a'], message: /^(?!.*steered by anyone)/ }] },
    { name: 'an agent that may send e-mail on its own', doc: agent([reply]), errors: [{ severity: 'warning', nodeIds: ['a'], message: /cannot be undone.*"Reply to Email"/ }] },
    { name: 'reversible writes from a trusted trigger: a note', doc: agent([placeOrder]), errors: [{ severity: 'info', nodeIds: ['a'], message: /change data: "Place order"/ }] },
    // A person who approves the request is no approval of the action: the e-mail still goes out unseen, but strangers no longer steer it.
    { name: 'a person approves the request, not the action', doc: agent([reply], { type: 'webhook', public: true }, 'human'), errors: [{ severity: 'warning', nodeIds: ['a'] }] },
    { name: 'a check before a public agent: reversible writes stay a note', doc: agent([placeOrder], { type: 'chat', public: true }, 'check'), errors: [{ severity: 'info', nodeIds: ['a'] }] },
    { name: 'a write word wins over a read word', doc: agent([{ name: 'Search and update contact', sideEffect: 'reversible' }]), errors: [{ severity: 'info' }] },
  ],
});

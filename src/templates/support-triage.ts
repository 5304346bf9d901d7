/**
 * Support ticket triage: classify category and urgency, page on-call for urgent tickets, answer FAQs with a
 * graded auto-reply, and send the rest to agents.
 */
import { ai, alert, at, beta, chain, check, edge, fanIn, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'support-triage',
  name: 'Support ticket triage',
  description: 'Route tickets by category and urgency; answer FAQs automatically behind a grader; page on-call for urgent ones.',
  profile: {
    // Triage plus a first answer takes an agent ~8 min; a wrong auto-answer annoys a customer but can be corrected.
    effortMinutes: 8,
    risk: 'medium',
    runsPerDay: 800,
    // First-response SLA for standard tickets.
    slaSeconds: 3600,
    // Agent time dominates: ~60% of tickets x ~9 min (mean) x $28/h. By hand: ~$3.70 per ticket.
    budgetPerRun: 3.5,
    outputs: 1,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'ticket', label: 'Receive support ticket', at: at(0), type: 'webhook' }),
    ai({
      id: 'classify',
      label: 'Classify ticket',
      at: at(1),
      config: {
        capability: 'classifier',
        model: 'fine-tuned ticket classifier',
        purpose: 'Label the category (billing, how-to, bug, outage, account, spam) and urgency, so each ticket goes to the right queue at once.',
        outputContract: 'JSON {category, urgency: low|normal|urgent, confidence}.',
      },
      stub: {
        latency: lognormal(0.8, 2.5),
        costPerCall: 0.001,
        outcomes: { ok: 0.9, wrong: 0.07, rate_limited: 0.01, timeout: 0.01, malformed_output: 0.01 },
        // With the 0.6 threshold: ~2% of correct and ~55% of wrong labels go to agents.
        confidence: { correct: beta(10, 1.5), wrong: beta(4, 3) },
      },
      policy: stepPolicy({ timeoutSeconds: 10 }),
    }),
    check({
      id: 'confidence',
      label: 'Check label confidence',
      at: at(2),
      config: { type: 'threshold', onFail: 'route', threshold: 0.6 },
      stub: { latency: lognormal(0.01, 0.02), costPerCall: 0, detectionRate: 0.55, falseRejectRate: 0.02 },
    }),
    router({ id: 'route', label: 'Route by category and urgency', at: at(3), mode: 'exclusive' }),
    tool({
      id: 'page',
      label: 'Page on-call engineer',
      at: at(4, -1),
      // Pages are deduplicated by ticket id, so a retried page does not wake two people.
      config: { type: 'notification', sideEffect: 'irreversible', idempotent: true, purpose: 'Page the on-call engineer with the ticket for outages and security reports.' },
      stub: { latency: lognormal(0.5, 2), costPerCall: 0, outcomes: { ok: 0.995, communication: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 10, attempts: 5 }),
    }),
    output({ id: 'urgent', label: 'Escalate urgent ticket', at: at(5, -1), type: 'notify', outcome: 'escalated' }),
    tool({
      id: 'kb',
      label: 'Search knowledge base',
      at: at(4, 1),
      config: { type: 'http', sideEffect: 'none', idempotent: true, purpose: 'Retrieve the help-centre articles most relevant to the ticket, to ground the answer.' },
      stub: { latency: lognormal(0.3, 1.2), costPerCall: 0.0002, outcomes: { ok: 0.99, timeout: 0.005, communication: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 5 }),
    }),
    ai({
      id: 'draft',
      label: 'Draft FAQ answer',
      at: at(5, 1),
      config: {
        capability: 'llm',
        model: 'general LLM, small tier',
        purpose: 'Answer the question from the retrieved articles only, link them, and say when to reply for a person.',
        outputContract: 'Plain-text reply under 150 words with at least one article link.',
      },
      stub: {
        latency: lognormal(3, 9),
        costPerCall: 0.004,
        // ~8% plausible but wrong (outdated article, a policy that does not exist).
        outcomes: { ok: 0.88, wrong: 0.08, rate_limited: 0.02, timeout: 0.02 },
        retryAfterSeconds: 2,
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    check({
      id: 'grade',
      label: 'Grade FAQ answer',
      at: at(6, 1),
      // Route, not reask: a ticket the grader doubts is cheaper for an agent than for a second draft.
      config: { type: 'llm-grader', onFail: 'route' },
      stub: { latency: lognormal(1.2, 4), costPerCall: 0.002, detectionRate: 0.75, falseRejectRate: 0.08 },
    }),
    tool({
      id: 'reply',
      label: 'Send auto-reply',
      at: at(7, 1),
      // Posting a public reply cannot be undone; the help desk deduplicates by draft id.
      config: { type: 'http', sideEffect: 'irreversible', idempotent: true, purpose: 'Post the graded answer on the ticket and set it to pending, so the customer can reopen it.' },
      stub: { latency: lognormal(0.5, 2), costPerCall: 0, outcomes: { ok: 0.99, rate_limited: 0.005, timeout: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 10 }),
    }),
    output({ id: 'resolved', label: 'Resolve ticket automatically', at: at(8, 1), type: 'deliver', outcome: 'success' }),
    // One explicit merge: each ticket reaches the agent queue by exactly one of these routes.
    join({ id: 'queue', label: 'Queue for agents', at: at(4, 3), mode: 'any' }),
    human({
      id: 'agent',
      label: 'Resolve ticket as agent',
      at: at(5, 3),
      // Twelve agents in follow-the-sun shifts: about five on duty at any hour, around the clock.
      config: { type: 'escalation', reviewers: 5, calendar: 'always', slaSeconds: 8 * 3600 },
      // ~7 min per ticket at ~$28/h loaded; agents close spam and notice most misroutes.
      stub: { serviceTime: lognormal(420, 1500), costPerHour: 28, outcomes: { approve: 0.95, reject: 0.05 }, detectionRate: 0.8 },
    }),
    output({ id: 'agent-closed', label: 'Close ticket after agent reply', at: at(7, 3), type: 'deliver', outcome: 'escalated' }),
    output({ id: 'spam', label: 'Close ticket as spam', at: at(7, 4), type: 'discard', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert support lead', at: at(8, 2) }),
  ],
  edges: [
    ...chain('ticket', 'classify', 'confidence'),
    edge('classify', 'queue', { port: 'error', label: 'unclassified' }),
    edge('confidence', 'route', { port: 'pass' }),
    edge('confidence', 'queue', { port: 'fail', label: 'unsure' }),
    edge('route', 'page', { label: 'urgent (~5%)', probability: 0.05 }),
    // About a third of tickets are questions the help centre already answers.
    edge('route', 'kb', { label: 'FAQ (~35%)', probability: 0.35 }),
    edge('route', 'queue', { label: 'other', isDefault: true }),
    ...chain('page', 'urgent'),
    ...chain('kb', 'draft', 'grade'),
    edge('grade', 'reply', { port: 'pass' }),
    edge('grade', 'queue', { port: 'fail', label: 'answer doubted' }),
    ...chain('reply', 'resolved'),
    ...fanIn(['kb', 'draft'], 'queue', 'error', 'answer by hand'),
    edge('queue', 'agent'),
    edge('agent', 'agent-closed', { port: 'approve' }),
    edge('agent', 'spam', { port: 'reject' }),
    edge('agent', 'alert', { port: 'timeout', label: 'first-response SLA missed' }),
    ...fanIn(['page', 'reply'], 'alert'),
  ],
  scenarios: [
    scenario({
      id: 'incident-surge',
      name: 'Ticket surge during an incident',
      seed: 17,
      cases: 2000,
      // Three times the normal rate, and the drafting model rate-limits under everyone's load.
      arrival: { perHour: 240 },
      faults: [{ target: { capability: 'llm' }, error: 'rate_limited', probability: 0.3 }],
      hypothesis: [
        { metric: 'failedRate', op: '<=', value: 0.001 },
        { metric: 'silentErrorRate', op: '<=', value: 0.03 },
        { metric: 'successRate', op: '>=', value: 0.2 },
      ],
    }),
    scenario({
      id: 'kb-down',
      name: 'Help-centre search down',
      seed: 18,
      cases: 1000,
      arrival: { perHour: 80 },
      faults: [{ target: { node: 'kb' }, error: 'communication', probability: 1, window: { startSeconds: 0, durationSeconds: 3600 } }],
      // FAQs fall back to agents; the agent queue grows but nothing is lost.
      hypothesis: [
        { metric: 'failedRate', op: '<=', value: 0.001 },
        { metric: 'errorRate', op: '<=', value: 0.05 },
      ],
    }),
  ],
});

export const supportTriage: Template = template(doc, {
  summary: 'Classify by category and urgency; graded auto-replies for FAQs; urgent tickets page on-call; the rest to agents.',
  situation:
    'A B2B software company\'s support desk receives about 800 tickets a day. Twelve agents spend the first minutes of every ' +
    'ticket reading and tagging it, and about a third are questions the help centre already answers (password resets, invoices, ' +
    'how to export). Urgent reports of outages or security problems sometimes wait in the general queue behind them. The team ' +
    'wants FAQs answered in minutes, urgent tickets in front of the on-call engineer at once, and agents spending their time on ' +
    'the tickets that need judgement, without customers receiving confident but wrong answers.',
  tags: ['support', 'classification', 'auto-reply', 'llm-grader', 'escalation'],
});

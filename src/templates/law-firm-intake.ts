/**
 * Law-firm intake triage: classify each web inquiry, send the complex or distressed ones (~15%) to an attorney,
 * answer the rest with an AI-drafted reply that a paralegal reviews before it is sent.
 */
import { ai, alert, at, beta, chain, check, edge, fanIn, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'law-firm-intake',
  name: 'Law-firm intake triage',
  description: 'Triage web inquiries: attorneys take the complex and sensitive ones; the rest get a reviewed, AI-drafted reply.',
  profile: {
    // An intake paralegal spends ~10 minutes reading, categorising and answering an inquiry. A reply that reads as
    // legal advice, or a missed distress signal, is a real risk; replies are reviewed, so medium.
    effortMinutes: 10,
    risk: 'medium',
    runsPerDay: 60,
    // Next business day: inquiries arrive around the clock, people answer in office hours; firms that answer first
    // win most consultations. Counted over a weekend: 72 hours of wall clock.
    slaSeconds: 259_200,
    // People dominate the cost: ~4 min of a paralegal on every reply, ~19 min of an attorney on ~15-20%.
    // By hand: ~$5 of paralegal time plus the same attorney time.
    budgetPerRun: 15,
    outputs: 1,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'inquiry', label: 'Receive inquiry', at: at(0), type: 'webhook', description: 'Web form or intake mailbox.' }),
    ai({
      id: 'classify',
      label: 'Classify inquiry',
      at: at(1),
      config: {
        capability: 'classifier',
        model: 'general LLM used as a classifier',
        purpose: 'Tag practice area, complexity, urgency (deadlines, court dates) and signs of distress, so people see the hard cases first.',
        outputContract: 'JSON {practiceArea, complexity: low|medium|high, urgent: bool, distress: bool, confidence}.',
      },
      stub: {
        latency: lognormal(1, 3.5),
        costPerCall: 0.002,
        // Refusals happen on violent or abusive content; they go to an attorney, which is where such cases belong.
        outcomes: { ok: 0.92, wrong: 0.06, rate_limited: 0.005, timeout: 0.005, refusal: 0.01 },
        // With the 0.7 threshold: ~4% of correct and ~80% of wrong labels fail, ~8.5% of inquiries overall.
        confidence: { correct: beta(12, 2), wrong: beta(5, 4) },
        retryAfterSeconds: 2,
      },
      policy: stepPolicy({ timeoutSeconds: 20 }),
    }),
    check({
      id: 'confidence',
      label: 'Check classification confidence',
      at: at(2),
      config: { type: 'threshold', onFail: 'route', threshold: 0.7 },
      stub: { latency: lognormal(0.01, 0.02), costPerCall: 0, detectionRate: 0.8, falseRejectRate: 0.04 },
    }),
    router({ id: 'route-complexity', label: 'Route by complexity', at: at(3), mode: 'exclusive' }),
    join({ id: 'merge-drafts', label: 'Merge revision requests', at: at(4), mode: 'any' }),
    ai({
      id: 'draft',
      label: 'Draft reply',
      at: at(5),
      config: {
        capability: 'llm',
        model: 'general LLM, mid tier',
        purpose: 'Acknowledge the inquiry, list the documents to bring, and offer consultation slots, without giving legal advice or promising an outcome.',
        outputContract: 'Plain-text email under 200 words in the firm\'s template, with the practice-area checklist.',
      },
      stub: {
        latency: lognormal(4, 12),
        costPerCall: 0.01,
        // ~6% of drafts are plausible but off (implied advice, wrong checklist): the silent error review must catch.
        outcomes: { ok: 0.9, wrong: 0.06, rate_limited: 0.015, timeout: 0.01, content_filter: 0.015 },
        retryAfterSeconds: 5,
      },
      policy: stepPolicy({ timeoutSeconds: 45 }),
    }),
    check({
      id: 'grade',
      label: 'Check reply for legal advice',
      at: at(6),
      // Reask twice: the grader's reason goes back to the drafter; what still fails goes to an attorney.
      config: { type: 'llm-grader', onFail: 'reask', maxReasks: 2 },
      // LLM judges agree with expert reviewers 70-85% of the time on rubric checks.
      stub: { latency: lognormal(1.5, 5), costPerCall: 0.003, detectionRate: 0.7, falseRejectRate: 0.04 },
    }),
    human({
      id: 'review',
      label: 'Review draft reply',
      at: at(7),
      // One business day: 72 hours of wall clock, so an inquiry that comes in on Friday evening is answered on Monday
      // instead of raising an alert over the weekend (a 24-hour SLA on an office-hours gate ends ~20% of all cases
      // in error, every one from a weekend).
      config: { type: 'review', reviewers: 2, calendar: 'business-hours', slaSeconds: 259_200 },
      // Reading and approving a short draft takes a paralegal ~3 min (~$32/h loaded).
      stub: { serviceTime: lognormal(180, 600), costPerHour: 32, outcomes: { approve: 0.85, revise: 0.12, reject: 0.03 }, detectionRate: 0.8 },
    }),
    router({ id: 'limit-revisions', label: 'Limit revisions', at: at(6, -1), mode: 'exclusive' }),
    tool({
      id: 'send',
      label: 'Send reply',
      at: at(8),
      // Email cannot be unsent; the Message-ID makes a retried send a no-op at the provider.
      config: { type: 'notification', sideEffect: 'irreversible', idempotent: true, purpose: 'Email the approved reply from the intake mailbox and log it on the prospect record.' },
      stub: { latency: lognormal(0.3, 1.2), costPerCall: 0.0001, outcomes: { ok: 0.995, communication: 0.003, rate_limited: 0.002 } },
      policy: stepPolicy({ timeoutSeconds: 10 }),
    }),
    output({ id: 'replied', label: 'Deliver reply', at: at(9), type: 'deliver', outcome: 'success' }),
    // One explicit merge: each inquiry reaches the attorney by exactly one of these routes.
    join({ id: 'collect-escalations', label: 'Collect attorney cases', at: at(4, 2), mode: 'any' }),
    human({
      id: 'attorney',
      label: 'Assess complex inquiry',
      at: at(5, 2),
      // Two business days, counted over a weekend (96 hours of wall clock).
      config: { type: 'escalation', reviewers: 3, calendar: 'business-hours', slaSeconds: 345_600 },
      // ~15 min of an attorney at ~$150/h internal cost; about 60% become consultations.
      stub: { serviceTime: lognormal(900, 2700), costPerHour: 150, outcomes: { approve: 0.6, reject: 0.4 }, detectionRate: 0.9 },
    }),
    output({ id: 'consult', label: 'Schedule consultation', at: at(7, 2), type: 'deliver', outcome: 'escalated' }),
    output({ id: 'declined', label: 'Decline matter', at: at(7, 3), type: 'notify', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert intake team', at: at(9, 2) }),
  ],
  edges: [
    ...chain('inquiry', 'classify'),
    edge('classify', 'confidence'),
    edge('classify', 'collect-escalations', { port: 'error', label: 'unclassified' }),
    edge('confidence', 'route-complexity', { port: 'pass' }),
    edge('confidence', 'collect-escalations', { port: 'fail', label: 'unsure' }),
    // ~7% more are confidently complex or distressed; with the unsure ~8.5%, about 15% reach an attorney.
    edge('route-complexity', 'collect-escalations', { label: 'complex or distressed (~7%)', probability: 0.07 }),
    edge('route-complexity', 'merge-drafts', { label: 'routine', isDefault: true }),
    ...chain('merge-drafts', 'draft', 'grade'),
    edge('grade', 'review', { port: 'pass' }),
    edge('grade', 'collect-escalations', { port: 'fail', label: 'still fails after 2 reasks' }),
    edge('review', 'send', { port: 'approve' }),
    edge('review', 'limit-revisions', { port: 'revise' }),
    edge('review', 'collect-escalations', { port: 'reject', label: 'needs an attorney' }),
    edge('review', 'alert', { port: 'timeout', label: 'not reviewed in a business day' }),
    // Two rounds of revision, then the intake team writes it by hand instead of looping. probability: the expected
    // share for the analyzer's estimate; the simulator decides by the condition.
    edge('limit-revisions', 'merge-drafts', { label: 'revise again', condition: { field: 'visits', op: '<=', value: 2 }, probability: 0.95 }),
    edge('limit-revisions', 'alert', { label: 'too many revisions', isDefault: true }),
    ...chain('send', 'replied'),
    edge('attorney', 'consult', { port: 'approve' }),
    edge('attorney', 'declined', { port: 'reject' }),
    edge('collect-escalations', 'attorney'),
    edge('attorney', 'alert', { port: 'timeout', label: 'not assessed in 2 business days' }),
    ...fanIn(['draft', 'send'], 'alert'),
  ],
  scenarios: [
    scenario({
      id: 'monday-backlog',
      name: 'Monday-morning backlog',
      seed: 11,
      cases: 500,
      replications: 20,
      // The weekend's inquiries land at once; the drafting model is slow under load.
      arrival: { perHour: 30 },
      faults: [{ target: { node: 'draft' }, latencyMultiplier: 2 }],
      hypothesis: [
        { metric: 'escalatedRate', op: '<=', value: 0.2 },
        { metric: 'silentErrorRate', op: '<=', value: 0.01 },
        { metric: 'failedRate', op: '<=', value: 0.001 },
      ],
    }),
    scenario({
      id: 'llm-outage',
      name: 'Drafting model outage',
      seed: 5,
      cases: 500,
      replications: 20,
      arrival: { perHour: 8 },
      faults: [{ target: { capability: 'llm' }, error: 'communication', probability: 1, window: { startSeconds: 0, durationSeconds: 7200 } }],
      // During the outage drafts end in alerts (people answer by hand); nothing is lost or sent unreviewed.
      hypothesis: [
        { metric: 'failedRate', op: '<=', value: 0.001 },
        { metric: 'errorRate', op: '<=', value: 0.4 },
      ],
    }),
  ],
});

export const lawFirmIntake: Template = template(doc, {
  summary: 'Classify inquiries; ~15% to an attorney, the rest get an AI-drafted reply graded and reviewed before sending.',
  situation:
    'A 40-lawyer firm gets about 60 inquiries a day through its website and intake mailbox: family, employment, personal injury, ' +
    'landlord disputes, and many that are not legal matters at all. An intake paralegal reads each one, works out the practice area, ' +
    'and replies with next steps; prospects who wait a day have usually hired someone else. Some messages come from people in ' +
    'crisis or describe complex, deadline-bound matters, and those need an attorney, not a template. Replies must never read as ' +
    'legal advice or promise an outcome, because that creates an attorney-client relationship and professional-conduct exposure.',
  tags: ['legal', 'triage', 'drafting', 'human-review', 'escalation'],
});

/**
 * A deliberately over-built workflow: a five-minute, low-risk summary done by three AI steps, two automation
 * layers that each wrap a single call, and an approval gate. The analyzer's over-engineering rules must catch it
 * (overbuilt-simple-task, stacked-automation-layers, redundant-ai-chain); the simulator shows what the extra steps
 * cost in reliability, money and time against one AI step with a good prompt.
 *
 * Every step is still stubbed and guarded carefully, so what the analyzer finds is the design, not sloppiness.
 */
import { ai, alert, at, beta, chain, edge, fanIn, human, lognormal, output, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'meeting-notes-over-engineered',
  name: 'Meeting notes summary (over-engineered)',
  description:
    'Summarise a weekly team meeting for the team channel, built with far more machinery than the task needs. Its one-day approval SLA on an office-hours approver ends about a quarter of the runs in error (every meeting summarised on a Friday afternoon or a weekend): one more cost of the extra machinery.',
  profile: {
    // A team lead writes this summary in about five minutes; a so-so summary harms no one (risk low).
    effortMinutes: 5,
    risk: 'low',
    runsPerDay: 2,
    slaSeconds: 3600,
    budgetPerRun: 0.05,
    outputs: 1,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'meeting-ended', label: 'Receive meeting end event', at: at(0), type: 'event' }),
    tool({
      id: 'fetch',
      label: 'Fetch transcript via automation',
      at: at(1),
      // An automation platform scenario whose only step is one API call: a layer that adds a failure point and a bill.
      config: { type: 'automation', sideEffect: 'none', idempotent: true, purpose: 'Fetch the meeting transcript from the video-call platform through an automation scenario.' },
      // Automation platforms add ~1-3 s of queueing per run and their own failures (~1%).
      stub: { latency: lognormal(2.5, 10), costPerCall: 0.01, outcomes: { ok: 0.985, timeout: 0.005, communication: 0.005, runtime: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    ai({
      id: 'extract-points',
      label: 'Extract discussion points',
      at: at(2),
      config: {
        capability: 'extractor',
        model: 'general LLM, small tier',
        purpose: 'List the topics discussed, decisions taken and action items with owners.',
        outputContract: 'JSON {topics[], decisions[], actions: [{owner, task, due}]}.',
      },
      stub: {
        latency: lognormal(3, 9),
        costPerCall: 0.004,
        outcomes: { ok: 0.93, wrong: 0.04, rate_limited: 0.01, timeout: 0.01, malformed_output: 0.01 },
        confidence: { correct: beta(9, 1), wrong: beta(4, 3) },
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    ai({
      id: 'summarize',
      label: 'Summarize meeting',
      at: at(3),
      config: {
        capability: 'llm',
        model: 'general LLM, mid tier',
        purpose: 'Write a five-bullet summary from the extracted points.',
        outputContract: 'Markdown: five bullets, then the action items.',
      },
      stub: {
        latency: lognormal(3, 9),
        costPerCall: 0.006,
        outcomes: { ok: 0.93, wrong: 0.04, rate_limited: 0.01, timeout: 0.01, malformed_output: 0.01 },
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    ai({
      id: 'polish',
      label: 'Polish summary tone',
      at: at(4),
      config: {
        capability: 'llm',
        model: 'general LLM, mid tier',
        purpose: 'Rewrite the summary in a friendly team tone.',
        outputContract: 'The same Markdown, reworded.',
      },
      stub: {
        latency: lognormal(2.5, 8),
        costPerCall: 0.005,
        // Rewriting can drop or distort an action item: a new chance of silent error the task never needed.
        outcomes: { ok: 0.94, wrong: 0.03, rate_limited: 0.01, timeout: 0.01, malformed_output: 0.01 },
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    human({
      id: 'approval',
      label: 'Approve summary',
      at: at(5),
      config: { type: 'approval', reviewers: 1, calendar: 'business-hours', slaSeconds: 86_400 },
      // The lead reads the summary (~2 min at ~$60/h): nearly half the five minutes the whole task takes by hand.
      stub: { serviceTime: lognormal(120, 600), costPerHour: 60, outcomes: { approve: 0.9, reject: 0.1 }, detectionRate: 0.6 },
    }),
    tool({
      id: 'post',
      label: 'Post summary via subworkflow',
      at: at(6),
      // A subworkflow whose only step posts one message: the second automation layer.
      config: { type: 'subworkflow', sideEffect: 'irreversible', idempotent: true, purpose: 'Post the approved summary to the team channel through a shared posting subworkflow.' },
      stub: { latency: lognormal(1.5, 6), costPerCall: 0.005, outcomes: { ok: 0.985, timeout: 0.005, communication: 0.005, runtime: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    output({ id: 'shared', label: 'Share summary', at: at(7), type: 'deliver', outcome: 'success' }),
    output({ id: 'discarded', label: 'Discard summary', at: at(6, 2), type: 'discard', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert meeting owner', at: at(7, 2) }),
  ],
  edges: [
    ...chain('meeting-ended', 'fetch', 'extract-points', 'summarize', 'polish', 'approval'),
    edge('approval', 'post', { port: 'approve' }),
    edge('approval', 'discarded', { port: 'reject' }),
    edge('approval', 'alert', { port: 'timeout', label: 'not approved in a day' }),
    ...chain('post', 'shared'),
    ...fanIn(['fetch', 'extract-points', 'summarize', 'polish', 'post'], 'alert'),
  ],
  scenarios: [
    scenario({
      id: 'one-step-targets',
      name: 'Held to a one-step design\'s numbers',
      seed: 61,
      cases: 500,
      replications: 20,
      arrival: { perHour: 0.25 },
      faults: [{ target: { kind: 'ai' }, error: 'rate_limited', probability: 0.1 }],
      // What a single AI step with a good prompt achieves (~95% success, cents, seconds). This design is expected
      // to miss all three: that gap is the lesson.
      hypothesis: [
        { metric: 'successRate', op: '>=', value: 0.95 },
        { metric: 'costPerCase', op: '<=', value: 0.05 },
        { metric: 'cycleSecondsP50', op: '<=', value: 60 },
      ],
    }),
  ],
});

export const meetingNotesOverEngineered: Template = template(doc, {
  summary: 'A 5-minute, low-risk summary built from three AI steps, two automation layers and an approval gate. Spot the problem.',
  situation:
    'After the weekly 30-minute team meeting, the team lead posts a short summary with action items in the team channel; it takes ' +
    'about five minutes, and if a bullet is clumsy nobody is harmed: the team was in the meeting. Someone automated it anyway: an ' +
    'automation scenario fetches the transcript, one model extracts points, a second summarises them, a third polishes the tone, ' +
    'the lead approves the result, and a posting subworkflow sends it. Every step is well built; the design is not. One AI step ' +
    'with a good prompt, posting directly, would be cheaper, faster and more reliable.',
  tags: ['over-engineered', 'anti-pattern', 'summarization', 'calibration'],
  overEngineered: true,
});

/**
 * Code review in CI: summarise the diff and run static analysis in parallel, write AI review comments, and ask a
 * maintainer to approve risky or low-confidence changes before the review is posted.
 */
import { ai, alert, at, beta, chain, check, edge, fanIn, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'code-review-ci',
  name: 'Code review in CI',
  description: 'First-pass review of every pull request; maintainers approve the risky and the doubtful ones.',
  profile: {
    // A maintainer's first pass over a pull request: ~20 min. Bugs that slip through can be reverted (medium).
    effortMinutes: 20,
    risk: 'medium',
    runsPerDay: 120,
    // First review within four hours keeps authors unblocked.
    slaSeconds: 14_400,
    // Maintainer time dominates: ~35% of pull requests x 15 min x $90/h.
    budgetPerRun: 10,
    outputs: 1,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'pr', label: 'Receive pull request', at: at(0), type: 'webhook', description: 'Opened or updated pull request (one run per head commit).' }),
    router({ id: 'fan-out', label: 'Analyze in parallel', at: at(1), mode: 'parallel' }),
    ai({
      id: 'summarize',
      label: 'Summarize diff',
      at: at(2, -1),
      config: {
        capability: 'llm',
        model: 'general LLM, mid tier',
        purpose: 'Say what the change does, which areas it touches (auth, migrations, public API) and how big it is, for the reviewer and the risk route.',
        outputContract: 'JSON {summary, touchedAreas[], linesChanged, riskHints[]}.',
      },
      stub: {
        // ~8k input tokens of diff; a few seconds.
        latency: lognormal(4, 12),
        costPerCall: 0.02,
        outcomes: { ok: 0.93, wrong: 0.03, rate_limited: 0.02, timeout: 0.01, malformed_output: 0.01 },
        retryAfterSeconds: 5,
      },
      policy: stepPolicy({ timeoutSeconds: 60 }),
    }),
    tool({
      id: 'static',
      label: 'Run static analysis',
      at: at(2, 1),
      config: { type: 'script', sideEffect: 'none', idempotent: true, purpose: 'Run the linters, type checker and security rules on the changed files; findings ground the AI review.' },
      // 30 s to a few minutes of CI time (~$0.008/min); config or tool crashes ~2% (runtime, not retried).
      stub: { latency: lognormal(45, 150), costPerCall: 0.008, outcomes: { ok: 0.97, runtime: 0.02, timeout: 0.01 } },
      policy: stepPolicy({ timeoutSeconds: 300, attempts: 2, initialIntervalSeconds: 10 }),
    }),
    // Failed analyses arrive too (edge "partial"), so the join never waits for a branch that ended elsewhere.
    join({ id: 'wait', label: 'Wait for analyses', at: at(3), mode: 'all', timeoutSeconds: 900 }),
    ai({
      id: 'review',
      label: 'Write review comments',
      at: at(4),
      config: {
        capability: 'llm',
        model: 'general LLM, high tier',
        purpose: 'Comment on correctness, tests and security in the changed lines, citing static-analysis findings; no style nits the linter already covers.',
        outputContract: 'JSON {comments: [{path, line, severity, body}], verdict: approve|comment|request_changes, confidence}.',
      },
      stub: {
        latency: lognormal(20, 60),
        costPerCall: 0.08,
        // ~10% of reviews miss a real bug or raise a false concern: the silent error maintainers are for.
        outcomes: { ok: 0.85, wrong: 0.1, rate_limited: 0.03, timeout: 0.02 },
        // With the 0.75 threshold: ~5% of good and ~78% of bad reviews go to a maintainer.
        confidence: { correct: beta(16, 2), wrong: beta(5, 3) },
        retryAfterSeconds: 10,
      },
      policy: stepPolicy({ timeoutSeconds: 120, totalSeconds: 600, initialIntervalSeconds: 5 }),
    }),
    check({
      id: 'confidence',
      label: 'Check review confidence',
      at: at(5),
      config: { type: 'threshold', onFail: 'route', threshold: 0.75 },
      stub: { latency: lognormal(0.01, 0.02), costPerCall: 0, detectionRate: 0.78, falseRejectRate: 0.05 },
    }),
    router({ id: 'route-risk', label: 'Route by change risk', at: at(6), mode: 'exclusive' }),
    join({ id: 'collect-reviews', label: 'Collect maintainer reviews', at: at(6, 2), mode: 'any' }),
    human({
      id: 'maintainer',
      label: 'Approve risky change',
      at: at(7, 2),
      config: { type: 'approval', reviewers: 5, calendar: 'business-hours', slaSeconds: 86_400 },
      // ~15 min with the summary and comments in hand; ~$90/h; about 30% need changes.
      stub: { serviceTime: lognormal(900, 3600), costPerHour: 90, outcomes: { approve: 0.7, reject: 0.3 }, detectionRate: 0.85 },
    }),
    join({ id: 'merge', label: 'Merge review paths', at: at(8), mode: 'any' }),
    tool({
      id: 'post',
      label: 'Post review comments',
      at: at(9),
      // One review per head commit, updated in place: reversible and safe to retry.
      config: { type: 'http', sideEffect: 'reversible', idempotent: true, purpose: 'Post the comments and the verdict on the pull request as a single review.' },
      stub: { latency: lognormal(0.6, 2), costPerCall: 0, outcomes: { ok: 0.98, rate_limited: 0.01, timeout: 0.005, communication: 0.005 }, retryAfterSeconds: 30 },
      policy: stepPolicy({ timeoutSeconds: 15, totalSeconds: 300, attempts: 4 }),
    }),
    output({ id: 'published', label: 'Publish review', at: at(10), type: 'deliver', outcome: 'success' }),
    output({ id: 'changes', label: 'Request changes', at: at(9, 2), type: 'notify', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert maintainers', at: at(10, 2) }),
  ],
  edges: [
    ...chain('pr', 'fan-out'),
    edge('fan-out', 'summarize'),
    edge('fan-out', 'static'),
    edge('summarize', 'wait'),
    edge('static', 'wait'),
    ...fanIn(['summarize', 'static'], 'wait', 'error', 'partial'),
    ...chain('wait', 'review', 'confidence'),
    edge('review', 'collect-reviews', { port: 'error', label: 'no AI review' }),
    edge('confidence', 'route-risk', { port: 'pass' }),
    edge('confidence', 'collect-reviews', { port: 'fail', label: 'doubtful review' }),
    // Auth, migrations, public API or > 400 changed lines: about a quarter of pull requests.
    edge('route-risk', 'collect-reviews', { label: 'risky (~25%)', probability: 0.25 }),
    edge('collect-reviews', 'maintainer'),
    edge('route-risk', 'merge', { label: 'routine', isDefault: true }),
    edge('maintainer', 'merge', { port: 'approve' }),
    edge('maintainer', 'changes', { port: 'reject' }),
    edge('maintainer', 'alert', { port: 'timeout', label: 'no maintainer in a day' }),
    ...chain('merge', 'post', 'published'),
    edge('post', 'alert', { port: 'error' }),
  ],
  scenarios: [
    scenario({
      id: 'model-degraded',
      name: 'Review model slow and rate-limited',
      seed: 51,
      cases: 1000,
      arrival: { perHour: 15 },
      faults: [{ target: { capability: 'llm' }, latencyMultiplier: 3, error: 'rate_limited', probability: 0.3 }],
      hypothesis: [
        { metric: 'failedRate', op: '<=', value: 0 },
        { metric: 'stuckRate', op: '<=', value: 0 },
        { metric: 'cycleSecondsP50', op: '<=', value: 900 },
      ],
    }),
    scenario({
      id: 'analyzer-broken',
      name: 'Static analysis config broken',
      seed: 52,
      cases: 500,
      arrival: { perHour: 15 },
      faults: [{ target: { node: 'static' }, error: 'runtime', probability: 1 }],
      // Reviews go on without findings; the join must not deadlock on the failed branch.
      hypothesis: [
        { metric: 'stuckRate', op: '<=', value: 0 },
        { metric: 'successRate', op: '>=', value: 0.7 },
      ],
    }),
  ],
});

export const codeReviewCi: Template = template(doc, {
  summary: 'Diff summary and static analysis in parallel, AI review comments, a confidence threshold, maintainer approval for risky changes.',
  situation:
    'A 60-engineer product team merges about 120 pull requests a day into a monorepo. Five maintainers own the sensitive areas ' +
    '(authentication, billing, database migrations) and are the bottleneck: a first review takes about 20 minutes and authors wait ' +
    'half a day for it. Most pull requests are small and routine, and the linters already catch style. The team wants every pull ' +
    'request to get a useful first review within minutes, and maintainers\' attention kept for changes that are risky or where the ' +
    'automated review is unsure, without the bot posting confident nonsense on the rest.',
  tags: ['engineering', 'ci', 'parallel', 'confidence-threshold', 'approval'],
});

/**
 * Weekly operations report: an AI picks the metric queries, tools run them in parallel, a rule reconciles the
 * totals, a second AI drafts, the head of operations adds the analysis, then the report is published.
 */
import { ai, alert, at, beta, chain, check, edge, fanIn, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

/** The three read-only source queries stand in one column, one row each, so the parallel block reads at a glance. */
const QUERY_COLUMN = 4;

const doc = workflow({
  id: 'weekly-reporting',
  name: 'Weekly reporting',
  description: 'Gather the week\'s metrics from three systems, draft the narrative, let a person add the analysis, publish.',
  profile: {
    // An analyst spends ~3 hours every Monday pulling numbers and writing the summary.
    effortMinutes: 180,
    risk: 'medium',
    // Weekly: 1/7 of a run per day.
    runsPerDay: 0.143,
    // Due for Tuesday morning's leadership meeting.
    slaSeconds: 86_400,
    // 30 minutes of the head of operations dominates; the machine part costs cents.
    budgetPerRun: 60,
    outputs: 1,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'schedule', label: 'Start weekly report', at: at(0), type: 'schedule', description: 'Mondays 06:00, after the nightly warehouse load.' }),
    ai({
      id: 'plan',
      label: 'Select metric queries',
      at: at(1),
      config: {
        capability: 'llm',
        model: 'general LLM, mid tier',
        purpose: 'Pick the vetted, parameterised queries from the metric catalogue that this week\'s report needs and fill in the date range; never write free SQL.',
        outputContract: 'JSON {queries: [{catalogId, params: {from, to}}]} with ids that exist in the catalogue.',
      },
      stub: {
        latency: lognormal(3, 10),
        costPerCall: 0.01,
        // Wrong date range or a missing metric ~3%; invalid catalogue ids show up as malformed output.
        outcomes: { ok: 0.93, wrong: 0.03, rate_limited: 0.01, timeout: 0.01, malformed_output: 0.02 },
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    tool({
      id: 'default-queries',
      label: 'Load default query set',
      at: at(1, 1),
      // Runtime errors in a local script are deterministic: one try.
      config: { type: 'script', sideEffect: 'none', idempotent: true, purpose: 'Fallback: load last week\'s query set with this week\'s dates, so the report still runs without the planner.' },
      stub: { latency: lognormal(0.1, 0.3), costPerCall: 0, outcomes: { ok: 0.998, runtime: 0.002 } },
      policy: stepPolicy({ timeoutSeconds: 5, attempts: 1 }),
    }),
    join({ id: 'merge-plans', label: 'Merge query plans', at: at(2), mode: 'any' }),
    router({ id: 'fan-out', label: 'Query sources in parallel', at: at(3), mode: 'parallel' }),
    tool({
      id: 'q-sales',
      label: 'Query sales warehouse',
      at: at(QUERY_COLUMN, -1),
      config: { type: 'database', sideEffect: 'none', idempotent: true, purpose: 'Run the sales and revenue queries on the warehouse (read-only role).' },
      // Warehouse queries: seconds to a minute; ~2% of Mondays the nightly load is late and data is stale (wrong).
      stub: { latency: lognormal(8, 45), costPerCall: 0.05, outcomes: { ok: 0.96, wrong: 0.02, timeout: 0.01, communication: 0.01 } },
      policy: stepPolicy({ timeoutSeconds: 120, totalSeconds: 600, initialIntervalSeconds: 10, maximumIntervalSeconds: 120 }),
    }),
    tool({
      id: 'q-crm',
      label: 'Query CRM pipeline',
      at: at(QUERY_COLUMN, 0),
      config: { type: 'http', sideEffect: 'none', idempotent: true, purpose: 'Pull pipeline, win-rate and churn figures from the CRM reporting API.' },
      // Expired integration tokens are the classic weekly-job failure (authentication, not retried).
      stub: { latency: lognormal(2, 8), costPerCall: 0, outcomes: { ok: 0.97, rate_limited: 0.01, timeout: 0.01, authentication: 0.01 } },
      policy: stepPolicy({ timeoutSeconds: 30, totalSeconds: 300, initialIntervalSeconds: 5 }),
    }),
    tool({
      id: 'q-support',
      label: 'Query support tickets',
      at: at(QUERY_COLUMN, 1),
      config: { type: 'http', sideEffect: 'none', idempotent: true, purpose: 'Pull ticket volume, first-response time and CSAT from the help desk API.' },
      stub: { latency: lognormal(1.5, 6), costPerCall: 0, outcomes: { ok: 0.975, wrong: 0.005, rate_limited: 0.01, timeout: 0.01 } },
      policy: stepPolicy({ timeoutSeconds: 30, totalSeconds: 300, initialIntervalSeconds: 5 }),
    }),
    // Failed queries arrive here too (edge "partial data"), so the join never waits for a branch that ended elsewhere.
    join({ id: 'wait-queries', label: 'Wait for all queries', at: at(5), mode: 'all', timeoutSeconds: 1800 }),
    check({
      id: 'reconcile',
      label: 'Reconcile metric totals',
      at: at(6),
      // Rules: every metric present, revenue within 0.5% of the finance ledger, week-over-week moves > 50% flagged.
      config: { type: 'rule', onFail: 'route' },
      stub: { latency: lognormal(0.5, 2), costPerCall: 0.01, detectionRate: 0.85, falseRejectRate: 0.03 },
    }),
    ai({
      id: 'draft',
      label: 'Draft report narrative',
      at: at(7),
      config: {
        capability: 'llm',
        model: 'general LLM, high tier, long context',
        purpose: 'Write the summary, the three biggest movements with their likely drivers, and open questions, citing only the reconciled figures.',
        outputContract: 'Markdown in the report template; every number must appear in the metrics table.',
      },
      stub: {
        latency: lognormal(15, 45),
        costPerCall: 0.05,
        // ~6% of drafts misread a trend or invent a cause: the head of operations is there to catch it.
        outcomes: { ok: 0.9, wrong: 0.06, rate_limited: 0.02, timeout: 0.02 },
        confidence: { correct: beta(8, 2), wrong: beta(6, 3) },
      },
      policy: stepPolicy({ timeoutSeconds: 120, totalSeconds: 600, initialIntervalSeconds: 5 }),
    }),
    human({
      id: 'analysis',
      label: 'Add final analysis',
      at: at(8),
      // A business day, counted over a weekend (72 hours of wall clock): a run started late in the week (a rerun, a
      // backfill) waits for Monday instead of ending in an alert.
      config: { type: 'review', reviewers: 1, calendar: 'business-hours', slaSeconds: 259_200 },
      // The reader who knows the business writes the "so what": ~30 min; rejects when the numbers look off.
      stub: { serviceTime: lognormal(1800, 3600), costPerHour: 90, outcomes: { approve: 0.9, reject: 0.1 }, detectionRate: 0.75 },
    }),
    tool({
      id: 'publish',
      label: 'Publish report',
      at: at(9),
      // Upsert on the week's page id: reversible and safe to retry.
      config: { type: 'http', sideEffect: 'reversible', idempotent: true, purpose: 'Create or update this week\'s page in the team wiki.' },
      stub: { latency: lognormal(0.8, 3), costPerCall: 0, outcomes: { ok: 0.985, timeout: 0.005, communication: 0.005, rate_limited: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 15 }),
    }),
    tool({
      id: 'email',
      label: 'Send leadership email',
      at: at(10),
      config: { type: 'notification', sideEffect: 'irreversible', idempotent: true, purpose: 'Send the leadership list the summary and the link, once per week (deduplicated by week).' },
      stub: { latency: lognormal(0.5, 2), costPerCall: 0.0001, outcomes: { ok: 0.995, communication: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 10 }),
    }),
    output({ id: 'published', label: 'Deliver weekly report', at: at(11), type: 'deliver', outcome: 'success' }),
    output({ id: 'hold', label: 'Hold report', at: at(9, 2), type: 'store', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert report owner', at: at(11, 2) }),
  ],
  edges: [
    ...chain('schedule', 'plan', 'merge-plans', 'fan-out'),
    edge('plan', 'default-queries', { port: 'error', label: 'planner unavailable' }),
    edge('default-queries', 'merge-plans'),
    edge('fan-out', 'q-sales'),
    edge('fan-out', 'q-crm'),
    edge('fan-out', 'q-support'),
    edge('q-sales', 'wait-queries'),
    edge('q-crm', 'wait-queries'),
    edge('q-support', 'wait-queries'),
    ...fanIn(['q-sales', 'q-crm', 'q-support'], 'wait-queries', 'error', 'partial data'),
    edge('wait-queries', 'reconcile'),
    edge('reconcile', 'draft', { port: 'pass' }),
    edge('reconcile', 'alert', { port: 'fail', label: 'totals do not reconcile' }),
    edge('draft', 'analysis'),
    edge('analysis', 'publish', { port: 'approve' }),
    edge('analysis', 'hold', { port: 'reject' }),
    edge('analysis', 'alert', { port: 'timeout', label: 'no analysis by the deadline' }),
    ...chain('publish', 'email', 'published'),
    ...fanIn(['default-queries', 'draft', 'publish', 'email'], 'alert'),
  ],
  scenarios: [
    scenario({
      id: 'crm-token-expired',
      name: 'CRM token expires',
      seed: 3,
      cases: 200,
      replications: 20,
      arrival: { everySeconds: 604_800 },
      faults: [{ target: { node: 'q-crm' }, error: 'authentication', probability: 1, afterCalls: 100 }],
      // A failed branch must never leave the join waiting, and nothing may fail unhandled. (Reconciliation is meant to
      // stop the partial report; the simulator counts an error-port arrival as healthy data, so that part is not yet tested.)
      hypothesis: [
        { metric: 'stuckRate', op: '<=', value: 0 },
        { metric: 'failedRate', op: '<=', value: 0 },
        { metric: 'silentErrorRate', op: '<=', value: 0.02 },
      ],
    }),
    scenario({
      id: 'slow-warehouse',
      name: 'Slow warehouse on a heavy Monday',
      seed: 8,
      cases: 200,
      replications: 20,
      arrival: { everySeconds: 604_800 },
      faults: [{ target: { node: 'q-sales' }, latencyMultiplier: 4, error: 'timeout', probability: 0.3 }],
      hypothesis: [
        // ~10% of reports are held by the reviewer anyway; slow queries must not push success much below that.
        { metric: 'successRate', op: '>=', value: 0.7 },
        { metric: 'stuckRate', op: '<=', value: 0 },
      ],
    }),
  ],
});

export const weeklyReporting: Template = template(doc, {
  summary: 'An AI selects queries run in parallel over three systems, another drafts; a person adds the analysis; publish.',
  situation:
    'Every Monday an operations analyst at a 300-person software company spends about three hours pulling last week\'s numbers ' +
    'from the data warehouse, the CRM and the help desk, pasting them into a template, and writing a summary for the leadership ' +
    'meeting on Tuesday morning. The numbers must reconcile with finance, and the interesting part, what the movements mean and what to do, ' +
    'needs someone who knows the business. The report is late whenever the nightly warehouse load is late or an integration token has expired.',
  tags: ['reporting', 'parallel', 'data', 'human-review', 'scheduled'],
});

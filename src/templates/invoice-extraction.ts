/**
 * Accounts-payable invoice capture: OCR, field extraction, schema and business-rule validation, an idempotent ERP
 * posting, and an AP clerk for every exception.
 */
import { ai, alert, at, beta, breaker, chain, check, edge, fanIn, fixed, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'invoice-extraction',
  name: 'Invoice extraction',
  description: 'Capture supplier invoices into the ERP: read, extract, validate, post once; an AP clerk resolves exceptions.',
  profile: {
    // Manual keying and matching: ~6 min per invoice. A wrong posting pays the wrong amount or pays twice (risk high).
    effortMinutes: 6,
    risk: 'high',
    runsPerDay: 300,
    // Posted within two days keeps early-payment discounts reachable.
    slaSeconds: 172_800,
    // People included: ~25% of invoices take ~7 min (mean) of a clerk at $26/h. By hand: ~$2.60 per invoice.
    budgetPerRun: 1.5,
    outputs: 1,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'invoice', label: 'Receive invoice', at: at(0), type: 'event', description: 'A PDF or scan arrives in the AP mailbox or supplier portal.' }),
    ai({
      id: 'ocr',
      label: 'Read invoice scan',
      at: at(1),
      config: {
        capability: 'ocr',
        model: 'document OCR',
        purpose: 'Read the text and tables of the invoice, including scanned and photographed ones.',
        outputContract: 'Words and table cells with page positions.',
      },
      stub: {
        // OCR on scanned invoices: ~2-5% field-level errors (stamps, skew, faint thermal prints); ~$0.0015 per page.
        latency: lognormal(2, 6),
        costPerCall: 0.0015,
        outcomes: { ok: 0.95, wrong: 0.03, empty_output: 0.005, timeout: 0.01, communication: 0.005 },
        confidence: { correct: beta(14, 2), wrong: beta(5, 4) },
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    ai({
      id: 'extract',
      label: 'Extract invoice fields',
      at: at(2),
      config: {
        capability: 'extractor',
        model: 'invoice extraction model',
        purpose: 'Extract supplier, invoice number and date, PO number, currency, line items, tax and totals.',
        outputContract: 'JSON matching the AP invoice schema, with a confidence per field and overall.',
      },
      stub: {
        latency: lognormal(2.5, 8),
        costPerCall: 0.01,
        outcomes: { ok: 0.92, wrong: 0.05, malformed_output: 0.01, rate_limited: 0.01, timeout: 0.01 },
        // With the 0.9 threshold, ~8% of correct and ~90% of wrong extractions go to a clerk: ~85% touchless,
        // in line with good AP automation (80-90%).
        confidence: { correct: beta(30, 1.5), wrong: beta(7, 3) },
        retryAfterSeconds: 2,
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    router({ id: 'route-confidence', label: 'Route by extraction confidence', at: at(3), mode: 'exclusive' }),
    check({
      id: 'schema',
      label: 'Validate invoice schema',
      at: at(4),
      // Types, required fields, ISO currency, dates that exist; one reask with the validator's errors.
      config: { type: 'schema', onFail: 'reask', maxReasks: 1 },
      stub: { latency: fixed(0.01), costPerCall: 0, detectionRate: 0.3, falseRejectRate: 0.005 },
    }),
    check({
      id: 'rules',
      label: 'Match PO and totals',
      at: at(5),
      // Lines sum to the total, tax matches the rate, PO exists with quantities and prices in tolerance, supplier
      // active, invoice number not seen before. ~10% of correct invoices are real exceptions (price variance, partial receipt).
      config: { type: 'rule', onFail: 'route' },
      stub: { latency: lognormal(0.3, 1), costPerCall: 0, detectionRate: 0.8, falseRejectRate: 0.1 },
    }),
    // One explicit merge: each invoice reaches the clerk by exactly one of these routes.
    join({ id: 'collect-exceptions', label: 'Collect invoice exceptions', at: at(4, 2), mode: 'any' }),
    human({
      id: 'clerk',
      label: 'Resolve invoice exception',
      at: at(5, 2),
      config: { type: 'review', reviewers: 4, calendar: 'business-hours', slaSeconds: 172_800 },
      // An AP clerk corrects fields or chases the buyer: ~5 min median, long tail; ~$26/h loaded.
      stub: { serviceTime: lognormal(300, 1200), costPerHour: 26, outcomes: { approve: 0.85, reject: 0.15 }, detectionRate: 0.9 },
    }),
    join({ id: 'merge-approved', label: 'Merge approved invoices', at: at(6), mode: 'any' }),
    tool({
      id: 'erp',
      label: 'Post invoice to ERP',
      at: at(7),
      // Irreversible in practice (it schedules a payment). Idempotency key supplier id + invoice number: a retry after a
      // timeout finds the first posting instead of creating a duplicate payable.
      config: { type: 'http', sideEffect: 'irreversible', idempotent: true, purpose: 'Create the payable in the ERP against the PO, ready for the payment run.' },
      // ERP APIs: ~1-2 s, nightly maintenance windows; a closed posting period is a validation error (not retried).
      stub: { latency: lognormal(1.5, 6), costPerCall: 0, outcomes: { ok: 0.975, timeout: 0.01, communication: 0.01, validation: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 30, totalSeconds: 600, attempts: 4, initialIntervalSeconds: 2, maximumIntervalSeconds: 60, circuitBreaker: breaker(300) }),
    }),
    output({ id: 'posted', label: 'Record posted invoice', at: at(8), type: 'store', outcome: 'success' }),
    output({ id: 'returned', label: 'Return invoice to supplier', at: at(7, 2), type: 'notify', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert AP lead', at: at(8, 2) }),
  ],
  edges: [
    ...chain('invoice', 'ocr', 'extract', 'route-confidence'),
    ...fanIn(['ocr', 'extract'], 'collect-exceptions', 'error', 'key in by hand'),
    // probability: the expected share (~12%) for the analyzer's static estimate; the simulator decides by the condition.
    edge('route-confidence', 'collect-exceptions', { label: 'low confidence', condition: { field: 'confidence', op: '<', value: 0.9 }, probability: 0.12 }),
    edge('route-confidence', 'schema', { label: 'confident', isDefault: true }),
    edge('schema', 'rules', { port: 'pass' }),
    edge('schema', 'collect-exceptions', { port: 'fail', label: 'invalid after reask' }),
    edge('rules', 'merge-approved', { port: 'pass' }),
    edge('rules', 'collect-exceptions', { port: 'fail', label: 'exception' }),
    edge('collect-exceptions', 'clerk'),
    edge('clerk', 'merge-approved', { port: 'approve' }),
    edge('clerk', 'returned', { port: 'reject' }),
    edge('clerk', 'alert', { port: 'timeout', label: 'unresolved in 2 days' }),
    ...chain('merge-approved', 'erp', 'posted'),
    edge('erp', 'alert', { port: 'error' }),
  ],
  scenarios: [
    scenario({
      id: 'erp-maintenance',
      name: 'ERP maintenance window',
      seed: 31,
      cases: 1000,
      replications: 20,
      arrival: { perHour: 30 },
      faults: [{ target: { node: 'erp' }, error: 'communication', probability: 1, window: { startSeconds: 3600, durationSeconds: 7200 } }],
      // Two hours of 30 invoices/hour end as alerts (re-posted later, once, thanks to the idempotency key).
      hypothesis: [
        { metric: 'failedRate', op: '<=', value: 0.001 },
        { metric: 'errorRate', op: '<=', value: 0.1 },
      ],
    }),
    scenario({
      id: 'month-end',
      name: 'Month-end peak',
      seed: 32,
      cases: 2000,
      replications: 20,
      arrival: { perHour: 90 },
      faults: [{ target: { capability: 'ocr' }, latencyMultiplier: 2 }],
      hypothesis: [
        { metric: 'silentErrorRate', op: '<=', value: 0.015 },
        { metric: 'successRate', op: '>=', value: 0.8 },
      ],
    }),
  ],
});

export const invoiceExtraction: Template = template(doc, {
  summary: 'OCR and extraction, schema and PO-match checks, idempotent ERP posting, exceptions to an AP clerk.',
  situation:
    'The accounts-payable team of a 2,000-person manufacturer receives about 300 supplier invoices a day as PDFs, scans and the ' +
    'occasional phone photo. Four clerks key them into the ERP and match them to purchase orders, about six minutes each, and ' +
    'month-end peaks push invoices past their early-payment discount dates. Mistakes are expensive: a wrong amount or a duplicate ' +
    'posting pays a supplier the wrong sum. Most invoices are routine; price variances, missing POs and unreadable scans need a clerk.',
  tags: ['finance', 'document-ai', 'validation', 'idempotency', 'circuit-breaker'],
});

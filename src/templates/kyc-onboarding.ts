/**
 * KYC onboarding for a consumer fintech: read the ID, extract identity fields, send the unsure ones to people,
 * audit a sample of the sure ones, screen sanctions lists, open the account.
 */
import { ai, alert, at, beta, breaker, chain, check, edge, fanIn, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'kyc-onboarding',
  name: 'KYC onboarding',
  description: 'Verify a new customer\'s identity document, screen sanctions lists and open the account; people decide the unsure and the flagged cases.',
  profile: {
    // Manual KYC review takes 10-15 minutes per application; a wrong approval is a regulatory breach (risk high).
    effortMinutes: 12,
    risk: 'high',
    runsPerDay: 1200,
    // Regulators and customers accept a decision within one business day; most cases should take seconds.
    slaSeconds: 86_400,
    // People included: ~17% of cases take ~10 min of an analyst, ~4% ~25 min of compliance; by hand every case
    // costs ~$7. Identity-verification vendors charge $1-3 per check.
    budgetPerRun: 3,
    outputs: 1,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'application', label: 'Receive application', at: at(0), type: 'webhook' }),
    ai({
      id: 'ocr',
      label: 'Read ID document',
      at: at(1),
      config: {
        capability: 'ocr',
        model: 'identity-document OCR',
        purpose: 'Read the text and the machine-readable zone from the customer\'s photo of a passport, ID card or driving licence.',
        outputContract: 'Text blocks with positions, and the MRZ lines when present.',
      },
      stub: {
        // Identity-document OCR APIs: ~$0.025 per page, 1-5 s. Phone photos with glare or blur are unreadable ~2% of the time.
        latency: lognormal(1.5, 5),
        costPerCall: 0.025,
        outcomes: { ok: 0.945, wrong: 0.015, empty_output: 0.02, timeout: 0.01, communication: 0.01 },
        confidence: { correct: beta(15, 2), wrong: beta(5, 4) },
      },
      policy: stepPolicy({ timeoutSeconds: 20 }),
    }),
    ai({
      id: 'extract',
      label: 'Extract identity fields',
      at: at(2),
      config: {
        capability: 'extractor',
        model: 'structured extraction LLM',
        purpose: 'Turn the OCR text into name, date of birth, document number, expiry and nationality, cross-checked against the MRZ checksum.',
        outputContract: 'JSON {givenNames, surname, dateOfBirth, documentNumber, expiry, nationality, mrzValid, confidence}.',
      },
      stub: {
        latency: lognormal(1.5, 5),
        costPerCall: 0.004,
        outcomes: { ok: 0.93, wrong: 0.04, malformed_output: 0.01, rate_limited: 0.01, timeout: 0.01 },
        // With the 0.85 threshold below, ~11% of correct and ~89% of wrong extractions go to a person (~14% overall).
        confidence: { correct: beta(18, 1.5), wrong: beta(6, 3) },
        retryAfterSeconds: 2,
      },
      policy: stepPolicy({ timeoutSeconds: 30 }),
    }),
    router({ id: 'route-confidence', label: 'Route by extraction confidence', at: at(3), mode: 'exclusive' }),
    check({
      id: 'mrz',
      label: 'Verify MRZ check digits',
      at: at(4),
      // The extractor's confidence says nothing about an OCR misread upstream; the MRZ check digits (ICAO 9303) do:
      // they catch nearly every misread of document number, birth date and expiry. Documents without an MRZ are
      // checked against the visual zone only, hence 0.9 rather than 0.99.
      config: { type: 'rule', onFail: 'route' },
      stub: { latency: lognormal(0.01, 0.03), costPerCall: 0, detectionRate: 0.9, falseRejectRate: 0.01 },
    }),
    join({ id: 'collect-reviews', label: 'Collect manual reviews', at: at(4, 2), mode: 'any' }),
    human({
      id: 'manual-review',
      label: 'Review identity manually',
      at: at(5, 2),
      config: { type: 'review', reviewers: 8, calendar: 'business-hours', slaSeconds: 86_400 },
      // KYC analysts: ~8 min per case, ~$35/h loaded; they catch most forged or misread documents.
      stub: { serviceTime: lognormal(480, 1500), costPerHour: 35, outcomes: { approve: 0.88, reject: 0.12 }, detectionRate: 0.85 },
    }),
    join({ id: 'merge-verified', label: 'Merge verified identities', at: at(6), mode: 'any' }),
    check({
      id: 'audit',
      label: 'Audit 5% sample',
      at: at(7),
      // Sends 5% of the automated decisions, picked at random, to an auditor (its fail port); the others go on.
      // The audit's purpose is measurement (is the 0.85 threshold still right?), not interception.
      config: { type: 'sample-audit', onFail: 'route', sampleRate: 0.05 },
      stub: { latency: lognormal(0.05, 0.2), costPerCall: 0, detectionRate: 0.9, falseRejectRate: 0.002 },
    }),
    human({
      id: 'auditor',
      label: 'Audit sampled decision',
      at: at(7, 1),
      // 5% of ~1,100 decisions a day is ~55 audits; at ~12 min each one analyst can do ~40 in office hours.
      config: { type: 'review', reviewers: 2, calendar: 'business-hours', slaSeconds: 86_400 },
      // A senior analyst re-checks the sampled case: ~10 min at ~$45/h, catching 90% of wrong decisions.
      stub: { serviceTime: lognormal(600, 1500), costPerHour: 45, outcomes: { approve: 1 }, detectionRate: 0.9 },
    }),
    tool({
      id: 'sanctions',
      label: 'Screen sanctions lists',
      at: at(8),
      config: { type: 'http', sideEffect: 'none', idempotent: true, purpose: 'Screen the customer against OFAC, UN, EU and UK sanctions and PEP lists with fuzzy name matching.' },
      // Screening APIs: $0.10-0.50 per check, sub-second median.
      stub: { latency: lognormal(0.8, 3), costPerCall: 0.2, outcomes: { ok: 0.975, timeout: 0.01, communication: 0.01, rate_limited: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 10, totalSeconds: 60, circuitBreaker: breaker(120) }),
    }),
    router({ id: 'route-screening', label: 'Route by screening result', at: at(9), mode: 'exclusive' }),
    join({ id: 'collect-compliance', label: 'Collect compliance cases', at: at(9, 2), mode: 'any' }),
    human({
      id: 'compliance',
      label: 'Adjudicate compliance case',
      at: at(10, 2),
      config: { type: 'escalation', reviewers: 3, calendar: 'business-hours', slaSeconds: 2 * 86_400 },
      // Most potential matches are namesakes (false positives); clearing one takes ~20 min of a compliance officer.
      stub: { serviceTime: lognormal(1200, 3600), costPerHour: 50, outcomes: { approve: 0.8, reject: 0.2 }, detectionRate: 0.95 },
    }),
    join({ id: 'merge-cleared', label: 'Merge cleared applications', at: at(11), mode: 'any' }),
    tool({
      id: 'open-account',
      label: 'Open account',
      at: at(12),
      // Reversible (an account can be closed before funding); idempotent on the application id.
      config: { type: 'database', sideEffect: 'reversible', idempotent: true, purpose: 'Create the customer and account in the core banking system with the verified identity.' },
      stub: { latency: lognormal(0.5, 2), costPerCall: 0, outcomes: { ok: 0.99, timeout: 0.005, communication: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 10 }),
    }),
    output({ id: 'approved', label: 'Approve application', at: at(13), type: 'deliver', outcome: 'success' }),
    output({ id: 'rejected', label: 'Reject application', at: at(11, 3), type: 'notify', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert onboarding team', at: at(13, 2) }),
  ],
  edges: [
    ...chain('application', 'ocr', 'extract', 'route-confidence'),
    edge('ocr', 'collect-reviews', { port: 'error', label: 'unreadable' }),
    edge('extract', 'collect-reviews', { port: 'error' }),
    // probability: the expected share (~14%) for the analyzer's static estimate; the simulator decides by the condition.
    edge('route-confidence', 'collect-reviews', { label: 'low confidence', condition: { field: 'confidence', op: '<', value: 0.85 }, probability: 0.14 }),
    edge('route-confidence', 'mrz', { label: 'confident', isDefault: true }),
    edge('mrz', 'merge-verified', { port: 'pass' }),
    edge('mrz', 'collect-reviews', { port: 'fail', label: 'check digits wrong' }),
    edge('collect-reviews', 'manual-review'),
    edge('manual-review', 'merge-verified', { port: 'approve' }),
    edge('manual-review', 'rejected', { port: 'reject' }),
    edge('manual-review', 'alert', { port: 'timeout', label: 'review SLA missed' }),
    ...chain('merge-verified', 'audit'),
    edge('audit', 'sanctions', { port: 'pass' }),
    edge('audit', 'auditor', { port: 'fail', label: '5% sample' }),
    edge('auditor', 'sanctions', { port: 'approve' }),
    edge('auditor', 'collect-compliance', { port: 'reject', label: 'audit finding' }),
    // The audit measures; it must not hold a case past the one-day promise: unaudited, the case goes on.
    edge('auditor', 'sanctions', { port: 'timeout', label: 'not audited within a day' }),
    edge('sanctions', 'route-screening'),
    // 2-5% of screenings return a potential match, almost all namesakes.
    edge('route-screening', 'collect-compliance', { label: 'potential match (~3%)', probability: 0.03 }),
    edge('collect-compliance', 'compliance'),
    edge('route-screening', 'merge-cleared', { label: 'clear', isDefault: true }),
    edge('compliance', 'merge-cleared', { port: 'approve' }),
    edge('compliance', 'rejected', { port: 'reject' }),
    edge('compliance', 'alert', { port: 'timeout', label: 'case SLA missed' }),
    ...chain('merge-cleared', 'open-account', 'approved'),
    ...fanIn(['sanctions', 'open-account'], 'alert'),
  ],
  scenarios: [
    scenario({
      id: 'sanctions-outage',
      name: 'Sanctions provider outage',
      seed: 42,
      cases: 2000,
      arrival: { perHour: 50 },
      faults: [{ target: { node: 'sanctions' }, error: 'timeout', probability: 0.9, window: { startSeconds: 1800, durationSeconds: 3600 } }],
      // No case may be approved unscreened: an outage shows up as alerts, never as failures or silent approvals.
      hypothesis: [
        { metric: 'failedRate', op: '<=', value: 0.001 },
        { metric: 'silentErrorRate', op: '<=', value: 0.01 },
        { metric: 'errorRate', op: '<=', value: 0.15 },
      ],
    }),
    scenario({
      id: 'launch-surge',
      name: 'Launch-week surge',
      seed: 99,
      cases: 3000,
      // Three times the usual arrival rate; OCR slows down under the provider's load.
      arrival: { perHour: 150 },
      faults: [{ target: { capability: 'ocr' }, latencyMultiplier: 2 }],
      hypothesis: [
        { metric: 'successRate', op: '>=', value: 0.8 },
        { metric: 'cycleSecondsP50', op: '<=', value: 60 },
        { metric: 'humanHoursPerDay', op: '<=', value: 60 },
      ],
    }),
  ],
});

export const kycOnboarding: Template = template(doc, {
  summary: 'ID OCR and extraction, a confidence threshold to human review, a 5% sample audit, sanctions screening.',
  situation:
    'A consumer fintech onboards about 1,200 applicants a day. Each uploads a photo of a passport, ID card or driving licence. ' +
    'Analysts used to key in and check every document (10-15 minutes each), and backlogs after marketing pushes made applicants ' +
    'drop out. Anti-money-laundering rules require that every customer is identified and screened against sanctions and PEP lists ' +
    'before an account opens, that doubtful cases are decided by a person, and that the firm can show its automated checks are ' +
    'monitored. A wrong approval is a regulatory finding; a wrong rejection loses a customer.',
  tags: ['finance', 'compliance', 'document-ai', 'confidence-threshold', 'sample-audit'],
});

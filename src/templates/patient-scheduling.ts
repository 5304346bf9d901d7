/**
 * Patient scheduling by phone: transcribe the call, understand the request, find a slot, verify insurance, book,
 * remind. Figures are typical for a US outpatient clinic; sources are named where a number was chosen.
 */
import { ai, alert, at, beta, breaker, chain, check, edge, fanIn, fixed, human, join, lognormal, output, router, scenario, stepPolicy, template, tool, trigger, workflow, type Template } from './build.ts';

const doc = workflow({
  id: 'patient-scheduling',
  name: 'Patient scheduling',
  description: 'Answer booking and rescheduling calls, verify insurance, book and remind; escalate exceptions to a coordinator.',
  profile: {
    // A front-desk booking call takes 4-8 minutes by hand (MGMA access benchmarks); 450 calls/day is a
    // multi-site practice. The 3-minute SLA is what a caller tolerates on hold before hanging up.
    effortMinutes: 6,
    risk: 'medium',
    runsPerDay: 450,
    slaSeconds: 180,
    // People included: ~15% of calls reach a coordinator (~8 min at $24/h); by hand every call costs ~$2.20.
    budgetPerRun: 1,
    // Three distinct results per call: the booking in the practice system, the confirmation text and the reminders
    // before the visit (was 1, which under-declared the task and made the analyzer band a proportionate design
    // "over-engineered"; calibration in docs/analyzer.md).
    outputs: 3,
    inputModalities: 1,
  },
  nodes: [
    trigger({ id: 'call', label: 'Receive patient call', at: at(0), type: 'webhook', description: 'The telephony provider posts the recorded call when the caller finishes.' }),
    ai({
      id: 'transcribe',
      label: 'Transcribe call',
      at: at(1),
      config: {
        capability: 'transcription',
        model: 'speech-to-text, telephony model',
        purpose: 'Turn the caller\'s recording into text, keeping names, dates of birth and dates exactly as said.',
        outputContract: 'Transcript text with speaker turns; empty when the call holds no speech.',
      },
      stub: {
        // Batch speech-to-text on a 2-4 minute call: a few seconds, long tail on busy hours. $0.006/min x 3 min.
        latency: lognormal(4, 12),
        costPerCall: 0.018,
        // Phone audio WER is 8-12%; most errors are harmless, ~3% change a name or a date (silent errors).
        outcomes: { ok: 0.95, wrong: 0.03, timeout: 0.01, communication: 0.005, empty_output: 0.005 },
        confidence: { correct: beta(12, 2), wrong: beta(5, 4) },
      },
      policy: stepPolicy({ timeoutSeconds: 30, attempts: 2 }),
    }),
    ai({
      id: 'intent',
      label: 'Classify caller intent',
      at: at(2),
      config: {
        capability: 'llm',
        model: 'general LLM, small tier',
        purpose: 'Decide whether the caller wants a new appointment or to move one, and pull out patient, visit type and preferred times.',
        outputContract: 'JSON {intent: "new"|"reschedule"|"other", patient, visitType, preferredWindows[], confidence}.',
      },
      stub: {
        latency: lognormal(1.2, 4),
        // ~1,500 input and 200 output tokens on a small-tier model.
        costPerCall: 0.0015,
        outcomes: { ok: 0.92, wrong: 0.04, rate_limited: 0.015, timeout: 0.01, malformed_output: 0.015 },
        confidence: { correct: beta(14, 2), wrong: beta(5, 4) },
        retryAfterSeconds: 2,
      },
      // A caller is waiting: two short tries, then the fallback model rather than a third.
      policy: stepPolicy({ timeoutSeconds: 10, totalSeconds: 25, attempts: 2 }),
    }),
    ai({
      id: 'intent-fallback',
      label: 'Classify intent with small model',
      at: at(2, 1),
      config: {
        capability: 'classifier',
        model: 'fine-tuned intent classifier, self-hosted',
        purpose: 'Fallback when the LLM is unavailable: tell new bookings from reschedules so the call can continue.',
        outputContract: 'Label new|reschedule|other with a confidence in [0, 1].',
      },
      stub: {
        // Self-hosted: fast, cheap, no provider outage, but less accurate than the LLM.
        latency: lognormal(0.15, 0.5),
        costPerCall: 0.0002,
        outcomes: { ok: 0.88, wrong: 0.1, runtime: 0.02 },
        confidence: { correct: beta(9, 2), wrong: beta(4, 4) },
      },
      policy: stepPolicy({ timeoutSeconds: 3, attempts: 2 }),
    }),
    join({ id: 'merge-intent', label: 'Merge intent results', at: at(3), mode: 'any' }),
    router({ id: 'route-intent', label: 'Route by intent', at: at(4), mode: 'exclusive' }),
    tool({
      id: 'find-appointment',
      label: 'Find existing appointment',
      at: at(5, -1),
      config: { type: 'database', sideEffect: 'none', idempotent: true, purpose: 'Find the appointment the caller wants to move, so booking updates it in place instead of double-booking.' },
      // Two patients with the same name and date of birth happen: ~0.5% pick the wrong record.
      stub: { latency: lognormal(0.2, 0.8), costPerCall: 0, outcomes: { ok: 0.98, wrong: 0.005, timeout: 0.0075, communication: 0.0075 } },
      policy: stepPolicy({ timeoutSeconds: 5 }),
    }),
    join({ id: 'merge-paths', label: 'Merge booking paths', at: at(6), mode: 'any' }),
    tool({
      id: 'availability',
      label: 'Look up availability',
      at: at(7),
      config: { type: 'http', sideEffect: 'none', idempotent: true, purpose: 'Search the practice system for open slots matching visit type, provider and the caller\'s windows.' },
      // EHR scheduling APIs (FHIR Slot search): sub-second median, seconds at p95.
      stub: { latency: lognormal(0.8, 3), costPerCall: 0, outcomes: { ok: 0.975, timeout: 0.01, communication: 0.01, rate_limited: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 5 }),
    }),
    tool({
      id: 'insurance',
      label: 'Verify insurance',
      at: at(8),
      config: { type: 'http', sideEffect: 'none', idempotent: true, purpose: 'Check active coverage and benefits for the visit type with the payer (X12 270/271 eligibility via the clearinghouse).' },
      stub: {
        // Real-time eligibility: 2-10 s typical, $0.10-0.25 per transaction; payer connections drop a few % of calls.
        latency: lognormal(3, 12),
        costPerCall: 0.15,
        outcomes: { ok: 0.9, timeout: 0.04, communication: 0.03, validation: 0.03 },
      },
      // Payer gateways have bad hours: the breaker sends cases straight to the coordinator instead of stacking timeouts.
      policy: stepPolicy({ timeoutSeconds: 15, totalSeconds: 45, attempts: 2, circuitBreaker: breaker(120) }),
    }),
    check({
      id: 'coverage',
      label: 'Check coverage rules',
      at: at(9),
      config: { type: 'rule', onFail: 'route' },
      // Rules: coverage active, provider in network, no prior authorisation needed. ~8% of correct results still
      // need a person (out of network, prior auth), which is what falseRejectRate models here.
      stub: { latency: fixed(0.02), costPerCall: 0, detectionRate: 0.9, falseRejectRate: 0.08 },
    }),
    // One explicit merge in front of the coordinator: every exception is one alternative, never several at once.
    join({ id: 'collect-exceptions', label: 'Collect scheduling exceptions', at: at(8, 2), mode: 'any' }),
    human({
      id: 'coordinator',
      label: 'Resolve scheduling exception',
      at: at(9, 2),
      // Callback within a business day; calls arrive around the clock (voicemail), coordinators work office hours.
      config: { type: 'escalation', reviewers: 3, calendar: 'business-hours', slaSeconds: 86_400 },
      // A coordinator calls the patient back: ~6 min median; US medical schedulers earn ~$20-24/h (BLS).
      stub: { serviceTime: lognormal(360, 1200), costPerHour: 24, outcomes: { approve: 0.85, reject: 0.15 }, detectionRate: 0.8 },
    }),
    join({ id: 'merge-approved', label: 'Merge approved bookings', at: at(10), mode: 'any' }),
    tool({
      id: 'book',
      label: 'Book appointment',
      at: at(11),
      config: {
        type: 'http',
        sideEffect: 'irreversible',
        // The call id is the idempotency key: a retried write returns the first booking instead of a second one.
        idempotent: true,
        purpose: 'Create the appointment, or move the existing one for a reschedule, in the practice system.',
      },
      // Slot taken between lookup and booking: ~0.5% (validation, not retried).
      stub: { latency: lognormal(0.6, 2.5), costPerCall: 0, outcomes: { ok: 0.985, timeout: 0.005, communication: 0.005, validation: 0.005 } },
      policy: stepPolicy({ timeoutSeconds: 10 }),
    }),
    tool({
      id: 'remind',
      label: 'Schedule reminders',
      at: at(12),
      config: {
        type: 'notification',
        sideEffect: 'irreversible',
        // Deduplicated by appointment id + reminder kind, so a retry never texts the patient twice.
        idempotent: true,
        purpose: 'Text a confirmation now and reminders 48 h and 2 h before the visit; reminders cut no-shows by roughly a third.',
      },
      // SMS at ~$0.008 each, three messages; invalid numbers ~0.2%.
      stub: { latency: lognormal(0.4, 1.5), costPerCall: 0.024, outcomes: { ok: 0.99, rate_limited: 0.004, communication: 0.004, validation: 0.002 } },
      policy: stepPolicy({ timeoutSeconds: 10 }),
    }),
    output({ id: 'booked', label: 'Confirm booking', at: at(13), type: 'deliver', outcome: 'success' }),
    output({ id: 'unbooked', label: 'Close unbooked request', at: at(10, 2), type: 'store', outcome: 'rejected' }),
    alert({ id: 'alert', label: 'Alert front desk', at: at(12, 2), description: 'A person calls the patient back; the recording is kept.' }),
  ],
  edges: [
    ...chain('call', 'transcribe', 'intent', 'merge-intent', 'route-intent'),
    edge('intent', 'intent-fallback', { port: 'error', label: 'LLM unavailable' }),
    edge('intent-fallback', 'merge-intent'),
    edge('intent-fallback', 'collect-exceptions', { port: 'error', label: 'no model answered' }),
    // probability: the expected share (~3%, from the confidence distributions) for the analyzer's static estimate;
    // the simulator decides by the condition.
    edge('route-intent', 'collect-exceptions', { label: 'unclear request', condition: { field: 'confidence', op: '<', value: 0.6 }, probability: 0.03 }),
    edge('route-intent', 'find-appointment', { label: 'reschedule (~25%)', probability: 0.25 }),
    edge('route-intent', 'merge-paths', { label: 'new booking', isDefault: true }),
    edge('find-appointment', 'merge-paths'),
    ...chain('merge-paths', 'availability', 'insurance', 'coverage'),
    edge('availability', 'collect-exceptions', { port: 'error', label: 'book by hand' }),
    edge('insurance', 'collect-exceptions', { port: 'error', label: 'eligibility unknown' }),
    edge('coverage', 'merge-approved', { port: 'pass' }),
    edge('coverage', 'collect-exceptions', { port: 'fail', label: 'coverage exception' }),
    edge('collect-exceptions', 'coordinator'),
    edge('coordinator', 'merge-approved', { port: 'approve' }),
    edge('coordinator', 'unbooked', { port: 'reject' }),
    edge('coordinator', 'alert', { port: 'timeout', label: 'no callback within a day' }),
    ...chain('merge-approved', 'book', 'remind', 'booked'),
    ...fanIn(['transcribe', 'find-appointment', 'book', 'remind'], 'alert'),
  ],
  scenarios: [
    scenario({
      id: 'weekday',
      name: 'Ordinary weekday',
      seed: 7,
      cases: 1000,
      // 450 calls over a 10-hour phone day.
      arrival: { perHour: 45 },
      faults: [{ target: { capability: 'llm' }, latencyMultiplier: 1.5, afterCalls: 500 }],
      hypothesis: [
        { metric: 'successRate', op: '>=', value: 0.8 },
        { metric: 'silentErrorRate', op: '<=', value: 0.06 },
        { metric: 'cycleSecondsP50', op: '<=', value: 60 },
      ],
    }),
    scenario({
      id: 'clearinghouse-outage',
      name: 'Clearinghouse outage at peak',
      seed: 42,
      cases: 1000,
      arrival: { perHour: 70 },
      faults: [{ target: { node: 'insurance' }, error: 'communication', probability: 0.8, window: { startSeconds: 3600, durationSeconds: 1800 } }],
      // The breaker and the coordinator should absorb the outage: few alerts, nothing failed unhandled.
      hypothesis: [
        { metric: 'failedRate', op: '<=', value: 0.001 },
        { metric: 'errorRate', op: '<=', value: 0.05 },
        { metric: 'successRate', op: '>=', value: 0.8 },
      ],
    }),
    scenario({
      id: 'llm-rate-limited',
      name: 'LLM provider rate-limits',
      seed: 1234,
      cases: 1000,
      arrival: { perHour: 45 },
      faults: [{ target: { node: 'intent' }, error: 'rate_limited', probability: 0.5 }],
      // The small model takes over: success barely moves, wrong intents rise a little.
      hypothesis: [
        { metric: 'successRate', op: '>=', value: 0.75 },
        { metric: 'failedRate', op: '<=', value: 0.001 },
      ],
    }),
  ],
});

export const patientScheduling: Template = template(doc, {
  summary: 'Phone booking with transcription, intent, availability, insurance check, idempotent booking and reminders.',
  situation:
    'A multi-site outpatient practice answers about 450 scheduling calls a day. Front-desk staff spend 4-8 minutes per call: ' +
    'they find the patient, search the calendar, check that insurance is active for the visit type, book, and send reminders. ' +
    'Queues at 8 am and after lunch mean abandoned calls and lost visits. Most calls are routine; a minority (coverage ' +
    'problems, prior authorisation, unclear requests) need a coordinator who calls the patient back. Booking is a write patients ' +
    'rely on, so it must never double-book, and a missed reminder costs a no-show.',
  tags: ['healthcare', 'voice', 'scheduling', 'escalation', 'fallback'],
});

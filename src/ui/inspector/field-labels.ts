/**
 * Human labels (with units) and help for document fields, by key. The schema says what a field IS; this
 * says what a person calls it. A key missing here falls back to the key itself, so a field added to the
 * schema still appears, only less prettily, until it gets its label.
 */

export const CONFIG_LABELS: Readonly<Record<string, string>> = {
  type: 'Type',
  capability: 'Capability',
  model: 'Model',
  purpose: 'Purpose (what it must achieve)',
  outputContract: 'Output contract (what it must return)',
  sideEffect: 'Side effect',
  idempotent: 'Idempotent (safe to repeat)',
  reviewers: 'Reviewers (pool size)',
  calendar: 'Working hours',
  slaSeconds: 'SLA (s)',
  onFail: 'On fail',
  maxReasks: 'Max re-asks',
  threshold: 'Pass threshold (confidence, 0–1)',
  sampleRate: 'Sample rate (share sent to the auditor, 0–1)',
  mode: 'Mode',
  timeoutSeconds: 'Timeout (s)',
  outcome: 'Outcome',
  text: 'Text',
  width: 'Width (px)',
  height: 'Height (px)',
  operation: 'Operation',
  delaySeconds: 'Delay (s)',
  batchSize: 'Items per pass',
};

/** Help under a config field, by key. */
export const CONFIG_HELP: Readonly<Record<string, string>> = {
  sampleRate:
    'A sample audit sends this share of the cases, picked at random whether right or wrong, out by its fail port: connect it to a human gate, the person who audits them. The others pass unaudited.',
};

/** Help under a stub field of a sample audit, whose catch rate is the auditor's (the human gate after fail). */
export const SAMPLE_AUDIT_STUB_HELP: Readonly<Record<string, string>> = {
  detectionRate: 'Not used by a sample audit: the human gate its fail port leads to catches wrong items, at its own detection rate.',
  falseRejectRate: 'Not used by a sample audit: which cases go to the auditor is a random sample.',
};

/** Enum values whose raw name does not say enough. */
export const OPTION_LABELS: Readonly<Record<string, string>> = {
  always: 'always (24/7)',
  'business-hours': 'business hours (Mon–Fri 09–17)',
  route: 'route (leave by fail)',
  reask: 're-ask the producing step',
  exclusive: 'exclusive (one branch)',
  parallel: 'parallel (every branch)',
  inclusive: 'inclusive (every matching branch)',
  all: 'all (wait for every branch)',
  first: 'first (race, cancel the rest)',
  any: 'any (each arrival passes)',
  none: 'none',
  irreversible: 'irreversible (money, messages, deletes)',
  error: 'error (a handled failure)',
  full: 'full (random in 0…interval)',
  equal: 'equal (half fixed, half random)',
  called: 'called by another workflow',
};

export const STUB_LABELS: Readonly<Record<string, string>> = {
  latency: 'Latency',
  serviceTime: 'Service time per item',
  costPerCall: 'Cost per call (USD)',
  costPerHour: 'Cost per reviewer hour (USD)',
  inputTokens: 'Input tokens per call',
  outputTokens: 'Output tokens per call',
  pricePerInputToken: 'Price per input token (USD)',
  pricePerOutputToken: 'Price per output token (USD)',
  outcomes: 'Outcomes',
  confidence: 'Confidence',
  retryAfterSeconds: 'Retry-After when rate-limited (s)',
  repeatOnRetry: 'Retries repeat the error',
  items: 'Items per case',
  detectionRate: 'Detection rate (wrong items caught, 0–1)',
  falseRejectRate: 'False reject rate (good items failed, 0–1)',
};

export const STUB_HELP: Readonly<Record<string, string>> = {
  retryAfterSeconds: 'How long a rate-limited answer asks the caller to wait; retriers honouring Retry-After wait this long.',
  detectionRate: 'Probability that a wrong item is caught.',
  falseRejectRate: 'Probability that a correct item fails anyway.',
};

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  ok: 'ok',
  wrong: 'wrong (silent error)',
  approve: 'approve',
  reject: 'reject',
  revise: 'revise',
};

export const PROFILE_FIELDS: readonly { key: string; label: string; help: string }[] = [
  { key: 'effortMinutes', label: 'Effort by hand (min)', help: 'How long a person takes to do the task without the workflow; the analyzer judges over-engineering against it.' },
  { key: 'risk', label: 'Risk of a wrong result', help: 'How bad a wrong result is; higher risk justifies more checks and human review.' },
  { key: 'runsPerDay', label: 'Runs per day', help: 'Volume; the simulator uses it for workload figures such as human hours per day.' },
  { key: 'slaSeconds', label: 'Deadline per case (s)', help: 'How quickly a case must finish.' },
  { key: 'budgetPerRun', label: 'Budget per run (USD)', help: 'What one case may cost.' },
  { key: 'outputs', label: 'Distinct results', help: 'How many different results the task must produce.' },
  { key: 'inputModalities', label: 'Kinds of input', help: 'How many kinds of input it reads (text, image, audio…).' },
];

/** "maxReasks" -> "Max reasks": the fallback for a key without a label. */
export function labelFor(labels: Readonly<Record<string, string>>, key: string): string {
  const known = labels[key];
  if (known) return known;
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * How the simulation panel writes figures: rates as percents, durations in the largest sensible unit, money in
 * USD, and each KPI's label. One place, so the KPI cards, tables, charts and the CSV export agree.
 */
import { formatSeconds } from '../../domain/index.ts';

export type KpiUnit = 'rate' | 'seconds' | 'usd' | 'ratio' | 'hoursPerDay' | 'multiple';

export interface KpiMeta {
  readonly name: string;
  readonly label: string;
  readonly unit: KpiUnit;
  /** Higher is better (for colouring differences); null when neither. */
  readonly better: 'higher' | 'lower' | null;
}

/** Every KPI of interfaces.md, then the simulator's extras, in the order the panel shows them. */
export const KPI_META: readonly KpiMeta[] = [
  { name: 'successRate', label: 'Success', unit: 'rate', better: 'higher' },
  // Only in reports of designs whose profile has a deadline.
  { name: 'deadlineMetRate', label: 'Met the deadline', unit: 'rate', better: 'higher' },
  { name: 'rejectedRate', label: 'Rejected', unit: 'rate', better: null },
  { name: 'escalatedRate', label: 'Escalated', unit: 'rate', better: 'lower' },
  { name: 'errorRate', label: 'Error', unit: 'rate', better: 'lower' },
  { name: 'failedRate', label: 'Failed', unit: 'rate', better: 'lower' },
  { name: 'stuckRate', label: 'Stuck', unit: 'rate', better: 'lower' },
  { name: 'silentErrorRate', label: 'Silent errors', unit: 'rate', better: 'lower' },
  { name: 'cycleSecondsP50', label: 'Cycle p50', unit: 'seconds', better: 'lower' },
  { name: 'cycleSecondsP90', label: 'Cycle p90', unit: 'seconds', better: 'lower' },
  { name: 'cycleSecondsP95', label: 'Cycle p95', unit: 'seconds', better: 'lower' },
  { name: 'cycleSecondsP99', label: 'Cycle p99', unit: 'seconds', better: 'lower' },
  { name: 'meanCycleSeconds', label: 'Mean cycle', unit: 'seconds', better: 'lower' },
  { name: 'costPerCase', label: 'Cost per case', unit: 'usd', better: 'lower' },
  { name: 'triesPerSuccess', label: 'Tries per success', unit: 'ratio', better: 'lower' },
  { name: 'humanHoursPerDay', label: 'Human hours/day', unit: 'hoursPerDay', better: 'lower' },
  { name: 'leverage', label: 'Automation leverage', unit: 'multiple', better: 'higher' },
  { name: 'fallbackRate', label: 'Fallback', unit: 'rate', better: null },
  { name: 'timeoutRate', label: 'Timeouts per try', unit: 'rate', better: 'lower' },
  { name: 'backoffSecondsPerCase', label: 'Backoff per case', unit: 'seconds', better: 'lower' },
];

export const kpiMeta = (name: string): KpiMeta => KPI_META.find((k) => k.name === name) ?? { name, label: name, unit: 'ratio', better: null };

// Formatters are built once: `toLocaleString(locale, options)` builds a new Intl.NumberFormat on every call, which
// made rendering a big report one long task.
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 12345 -> "12,345". */
export const formatCount = (n: number): string => WHOLE.format(n);

function sig(x: number, digits = 3): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return WHOLE.format(Math.round(x));
  return String(Number(x.toPrecision(digits)));
}

/**
 * 0.934 -> "93.4%"; tiny rates keep two significant digits ("0.012%").
 * @example formatPercent(0.5) // "50%"
 */
export function formatPercent(x: number): string {
  const p = x * 100;
  if (p !== 0 && Math.abs(p) < 0.1) return `${sig(p, 2)}%`;
  return `${Number(p.toFixed(1))}%`;
}

/** Durations are written by the domain's formatter, the same one analyzer messages and badges use. */
export { formatSeconds };

/**
 * USD with cents, or more digits for sub-cent amounts: "$1.25", "$0.0042".
 * @example formatUsd(0.5) // "$0.50"
 */
export function formatUsd(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && a < 0.01) return `$${sig(x, 2)}`;
  return `$${CENTS.format(x)}`;
}

/** A KPI value in its unit; "n/a" when undefined. */
export function formatKpi(name: string, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return 'n/a';
  switch (kpiMeta(name).unit) {
    case 'rate':
      return formatPercent(v);
    case 'seconds':
      return formatSeconds(v);
    case 'usd':
      return formatUsd(v);
    case 'hoursPerDay':
      return `${sig(v)} h/day`;
    case 'multiple':
      return `${sig(v)}×`;
    case 'ratio':
      return sig(v);
  }
}

/** A signed difference in the KPI's unit: "+1.2 points", "−3.4 s". Rates differ in percentage points, said in words. */
export function formatKpiDelta(name: string, d: number | null): string {
  if (d === null || !Number.isFinite(d)) return 'n/a';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const body = formatKpi(name, Math.abs(d));
  return `${sign}${kpiMeta(name).unit === 'rate' ? body.replace('%', ' points') : body}`;
}

export interface DeltaVerdict {
  readonly tone: 'better' | 'worse' | 'neutral';
  /** What the row says in words, so the colour is never the only sign. */
  readonly text: string;
}

/**
 * Is B − A better or worse for this KPI? Only a clear difference (its interval leaves out zero) is judged; a KPI
 * that is neither better higher nor lower (rejections, fallbacks) is said to differ.
 * @example deltaVerdict('lower', { mean: -3, clear: true }) // { tone: 'better', text: 'better (lower)' }
 */
export function deltaVerdict(better: KpiMeta['better'], d: { readonly mean: number | null; readonly clear: boolean }): DeltaVerdict {
  if (d.mean === null) return { tone: 'neutral', text: 'n/a' };
  if (!d.clear || d.mean === 0) return { tone: 'neutral', text: 'no clear difference' };
  const direction = d.mean > 0 ? 'higher' : 'lower';
  if (better === null) return { tone: 'neutral', text: `${direction}, neither better nor worse` };
  return better === direction ? { tone: 'better', text: `better (${direction})` } : { tone: 'worse', text: `worse (${direction})` };
}

/** Simulated time (0 = Monday 00:00) as "Mon 09:12:05". */
export function formatSimTime(t: number): string {
  const day = Math.floor(t / 86_400);
  const rest = t - day * 86_400;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = Math.floor(rest % 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const week = Math.floor(day / 7);
  return `${week > 0 ? `W${week + 1} ` : ''}${names[day % 7] ?? ''} ${pad(hh)}:${pad(mm)}:${pad(ss)}`;
}

/** "About 12 s left" from an estimate in seconds. */
export function formatTimeLeft(s: number | null): string {
  if (s === null) return 'Estimating time left…';
  if (s < 1) return 'Less than a second left';
  return `About ${formatSeconds(Math.ceil(s))} left`;
}

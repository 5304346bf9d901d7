/**
 * The business-hours calendar of human gates: Monday to Friday, 09:00 to 17:00. Simulated time 0 is Monday 00:00,
 * so the first reviewer starts work at t = 32,400 s. A gate on this calendar starts items only while open, and
 * an item in service when the day ends is paused and resumed the next working morning (service time counts
 * working seconds only).
 */
const DAY = 86_400;
const WEEK = 7 * DAY;
const OPEN = 9 * 3600;
const CLOSE = 17 * 3600;
const WORK_DAY = CLOSE - OPEN;
const WORK_WEEK = 5 * WORK_DAY;

/**
 * Is the calendar open at time t?
 * @example isOpen(9 * 3600) // true (Monday 09:00)
 */
export function isOpen(t: number): boolean {
  const inWeek = t - Math.floor(t / WEEK) * WEEK;
  const day = Math.floor(inWeek / DAY);
  const sod = inWeek - day * DAY;
  return day < 5 && sod >= OPEN && sod < CLOSE;
}

/**
 * The first open instant at or after t.
 * @example nextOpen(17 * 3600) // 86400 + 9 * 3600 (Tuesday 09:00)
 */
export function nextOpen(t: number): number {
  if (isOpen(t)) return t;
  const weekStart = Math.floor(t / WEEK) * WEEK;
  const inWeek = t - weekStart;
  let day = Math.floor(inWeek / DAY);
  const sod = inWeek - day * DAY;
  if (sod >= CLOSE || day >= 5) day += 1;
  if (day >= 5) return weekStart + WEEK + OPEN;
  return weekStart + day * DAY + OPEN;
}

/**
 * Working seconds in [0, t).
 * @example workingSecondsUntil(7 * 86400) // 5 * 8 * 3600
 */
export function workingSecondsUntil(t: number): number {
  if (t <= 0) return 0;
  const weeks = Math.floor(t / WEEK);
  const inWeek = t - weeks * WEEK;
  const day = Math.floor(inWeek / DAY);
  const sod = inWeek - day * DAY;
  const fullDays = Math.min(day, 5);
  const today = day < 5 ? Math.min(Math.max(sod - OPEN, 0), WORK_DAY) : 0;
  return weeks * WORK_WEEK + fullDays * WORK_DAY + today;
}

/**
 * The instant at which `work` working seconds, started at t, are done.
 * @example addWorkingSeconds(16 * 3600, 7200) // Tuesday 10:00 = 86400 + 10 * 3600
 */
export function addWorkingSeconds(t: number, work: number): number {
  let now = nextOpen(t);
  let left = work;
  // Skip whole weeks first so a long service does not loop day by day.
  if (left > WORK_WEEK) {
    const weeks = Math.floor(left / WORK_WEEK);
    now += weeks * WEEK;
    left -= weeks * WORK_WEEK;
    now = nextOpen(now);
  }
  for (;;) {
    const inDay = now - Math.floor(now / DAY) * DAY;
    const rest = CLOSE - inDay;
    if (left <= rest) return now + left;
    left -= rest;
    now = nextOpen(now + rest);
  }
}

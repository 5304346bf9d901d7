/**
 * The business-hours calendar of human gates, as the simulator keeps it (docs/simulator.md, "Time and calendar"):
 * Monday to Friday, 09:00 to 17:00; simulated time 0 is Monday 00:00; a gate on this calendar starts items only
 * while open, and an item in service at 17:00 pauses until 09:00 on the next working day.
 *
 * The simulator's own copy lives in src/simulator/calendar.ts, which the analyzer may not import; the shared
 * semantics module (src/domain/semantics) is to hold the one copy both read.
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
 * The instant at which `work` working seconds, started at t, are done.
 * @example addWorkingSeconds(16 * 3600, 7200) // Tuesday 10:00 = 86400 + 10 * 3600
 */
export function addWorkingSeconds(t: number, work: number): number {
  let now = nextOpen(t);
  let left = work;
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

/**
 * Engine layer: ai and tool steps, and data steps, which are calls that run locally (see engine.ts for the layers). A step makes tries; each try draws its outcome
 * from the stub (or an active fault), its latency and its cost, and ends as ok, wrong or an error. An error is
 * retried by the first retrier that matches it (backoff, jitter, Retry-After), else routed by the first matching
 * catcher, else it fails the case. Timeouts: startToCloseSeconds cuts one try, scheduleToCloseSeconds bounds the
 * whole step. Each node's circuit breaker watches its completed calls and, once open, fails calls at once.
 *
 * `leave` (routing.ts) is declared abstract here: a step's result leaves by a port, which routing follows.
 */
import { ERROR_TYPES, JITTER_MODES } from '../domain/index.ts';
import { backoffSeconds, jitteredSeconds, mayRetry, retryWaitSeconds } from '../domain/semantics/index.ts';
import { ERR_COMMUNICATION, ERR_TIMEOUT, ERROR_COUNT, JITTER, KIND, NEVER, OUT_FAILED, OUTCOME_COUNT, OUTCOME_OK, OUTCOME_WRONG, PORT, SLOT } from './compile.ts';
import { EngineCore } from './engine-core.ts';
import { TOKEN_STATE, type BreakerState, type CaseState, type Token } from './engine-state.ts';
import { EVENT, pushEvent } from './event-queue.ts';
import { fixedShape } from './fixed-shape.ts';
import { PURPOSE } from './rng.ts';

export abstract class CallHandling extends EngineCore {
  /** A token leaves node n by `port`: routing.ts. */
  protected abstract leave(tok: Token, n: number, port: number): void;

  /** A token reaches ai/tool step n: the step starts afresh (new deadline, no retries used) and makes its first try. */
  protected startStep(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    if (tok.wrongBy === n) {
      // The step that produced the wrong result produces the item again: its new result replaces the old one.
      tok.wrong = false;
      tok.wrongBy = -1;
    }
    // A data step reshapes the item; the step a check's re-ask goes back to is the last one that made it.
    if (this.g.kind[n] !== KIND.data) tok.producer = n;
    tok.attempt = 0;
    const sched = this.g.scheduleToClose[n] ?? 0;
    tok.deadline = sched > 0 ? s.now + sched : NEVER;
    tok.retryCounts = null;
    tok.repeatingError = -1;
    tok.lastError = -1;
    this.call(tok, c, n);
  }

  /** Node n's breaker, created on first use; undefined when the node has none. */
  private breaker(n: number): BreakerState | undefined {
    const w = this.g.breakerWindow[n] ?? 0;
    if (w === 0) return undefined;
    let b = this.s.breakers[n];
    if (!b) {
      b = fixedShape({ ring: new Array<number>(w).fill(0), pos: 0, count: 0, fails: 0, openUntil: -1 });
      this.s.breakers[n] = b;
    }
    return b;
  }

  /** One try of step n: draw its outcome, latency and cost, and schedule its end. */
  private call(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    const g = this.g;
    const st = s.stats;
    tok.attempt++;
    // Tries count calls to providers; a local data step is not one.
    if (g.kind[n] !== KIND.data) c.tries++;
    const callsBefore = st.calls[n] ?? 0;
    st.calls[n] = callsBefore + 1;
    // Most steps have no breaker: no call then (the first thousands of tries of a one-shot run are interpreted).
    const br = (g.breakerWindow[n] ?? 0) > 0 ? this.breaker(n) : undefined;
    if (br && br.openUntil > s.now) {
      // Open breaker: fail at once, no latency, no cost, and the call does not count in the window.
      if (this.trace) this.emit(c.id, n, -1, 'short-circuit', { attempt: tok.attempt });
      this.failTry(tok, c, n, ERR_COMMUNICATION, false);
      return;
    }
    const base = n * OUTCOME_COUNT;
    const u = this.uniform(n, PURPOSE.outcome);
    let outcome = 0;
    while (outcome < OUTCOME_COUNT - 1 && u >= (g.outcomeCdf[base + outcome] ?? 1)) outcome++;
    // Which errors a retry repeats (repeatProbabilities in src/domain/semantics/retries.ts). An error that always
    // repeats belongs to the input: drawn on the first try (even if that try then ends otherwise, e.g. by a
    // timeout) it comes back on every retry; a later try never draws one afresh. Any other error that failed the
    // previous try comes back with its repeat probability; otherwise the try is a fresh draw.
    if (outcome >= 2 && (g.repeatProbability[n * ERROR_COUNT + outcome - 2] ?? 0) >= 1) {
      if (tok.attempt === 1) tok.repeatingError = outcome - 2;
      else if (tok.repeatingError < 0) outcome = OUTCOME_OK;
    }
    if (tok.attempt > 1) {
      if (tok.repeatingError >= 0) outcome = tok.repeatingError + 2;
      else if (tok.lastError >= 0 && this.uniform(n, PURPOSE.repeat) < (g.repeatProbability[n * ERROR_COUNT + tok.lastError] ?? 0)) outcome = tok.lastError + 2;
    }
    const drawn = outcome;
    // Active faults multiply the latency; the first one with an error that fires replaces the outcome.
    let mult = 1;
    const fs = this.faults;
    const fFrom = fs.start[n] ?? 0;
    const fTo = fs.start[n + 1] ?? 0;
    let faulted = false;
    for (let k = fFrom; k < fTo; k++) {
      const f = fs.list[k] ?? 0;
      if (s.now < (fs.from[f] ?? 0) || s.now >= (fs.until[f] ?? NEVER) || callsBefore < (fs.afterCalls[f] ?? 0)) continue;
      mult *= fs.latencyMultiplier[f] ?? 1;
      const e = fs.error[f] ?? -1;
      if (e >= 0 && !faulted && this.uniform(n, PURPOSE.fault) < (fs.probability[f] ?? 1)) {
        outcome = e + 2;
        faulted = true;
      }
    }
    let latency = this.sampleSlot(n, SLOT.latency, PURPOSE.latency);
    if (latency < 0) latency = 0;
    // A data step's fixed wait (a Wait node) is not slowed by faults: it is the same pause whatever the load.
    latency = latency * mult + (g.delay[n] ?? 0);
    let finalTry = false;
    const stc = g.startToClose[n] ?? 0;
    if (stc > 0 && latency > stc) {
      latency = stc;
      outcome = ERR_TIMEOUT + 2;
    }
    if (s.now + latency > tok.deadline) {
      latency = Math.max(0, tok.deadline - s.now);
      outcome = ERR_TIMEOUT + 2;
      finalTry = true;
    }
    let cost = g.costPerCall[n] ?? 0;
    const pin = g.priceIn[n] ?? 0;
    const pout = g.priceOut[n] ?? 0;
    if (pin > 0) {
      const k = this.sampleSlot(n, SLOT.inTokens, PURPOSE.tokens);
      if (k > 0) cost += k * pin;
    }
    if (pout > 0) {
      const k = this.sampleSlot(n, SLOT.outTokens, PURPOSE.tokens);
      if (k > 0) cost += k * pout;
    }
    c.cost += cost;
    st.cost[n] = (st.cost[n] ?? 0) + cost;
    // A retry may repeat this try's error only when the stub's draw failed it (not a fault, not a timeout cut), and
    // only errors that sometimes repeat need the extra draw.
    const r = outcome === drawn && outcome >= 2 ? (g.repeatProbability[n * ERROR_COUNT + outcome - 2] ?? 0) : 0;
    tok.lastError = r > 0 && r < 1 ? outcome - 2 : -1;
    tok.pendingOutcome = outcome;
    tok.finalTry = finalTry;
    tok.state = TOKEN_STATE.running;
    if (this.trace) this.emit(c.id, n, -1, 'start', { attempt: tok.attempt, latency, cost });
    pushEvent(this.s.queue, s.now + latency, EVENT.callDone, tok.id, n, 0);
  }

  protected onCallDone(tokenId: number, n: number): void {
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.running || tok.node !== n) return;
    const c = this.s.active[tok.caseId];
    if (!c) return;
    const outcome = tok.pendingOutcome;
    if ((this.g.breakerWindow[n] ?? 0) > 0) this.recordBreaker(c, n, outcome >= 2);
    if (outcome === OUTCOME_OK || outcome === OUTCOME_WRONG) {
      const wrong = outcome === OUTCOME_WRONG;
      if (wrong && !tok.wrong) {
        tok.wrong = true;
        tok.wrongBy = n;
      }
      const conf = this.sampleSlot(n, wrong ? SLOT.confWrong : SLOT.confCorrect, PURPOSE.confidence);
      if (conf >= 0) tok.confidence = Math.min(1, conf);
      tok.lastTries = tok.attempt;
      if (this.trace) this.emit(c.id, n, -1, wrong ? 'wrong' : 'ok', { attempt: tok.attempt, confidence: tok.confidence });
      this.leave(tok, n, PORT.out);
      return;
    }
    this.failTry(tok, c, n, outcome - 2, tok.finalTry);
  }

  /** Add a completed call to node n's breaker window; open the breaker when the window's failure share trips it. */
  private recordBreaker(c: CaseState, n: number, failed: boolean): void {
    const b = this.breaker(n);
    if (!b) return;
    const g = this.g;
    const s = this.s;
    const w = b.ring.length;
    if (b.count === w) b.fails -= b.ring[b.pos] ?? 0;
    else b.count++;
    b.ring[b.pos] = failed ? 1 : 0;
    b.fails += failed ? 1 : 0;
    b.pos = (b.pos + 1) % w;
    if (b.openUntil <= s.now && b.count >= (g.breakerMinimumCalls[n] ?? 1) && b.fails / b.count >= (g.breakerFailureRate[n] ?? 1)) {
      const open = g.breakerOpenPeriod[n] ?? 0;
      b.openUntil = s.now + open;
      // After openSeconds the breaker closes with an empty window (no half-open probing).
      b.ring.fill(0);
      b.count = 0;
      b.fails = 0;
      b.pos = 0;
      s.stats.breakerOpens[n] = (s.stats.breakerOpens[n] ?? 0) + 1;
      s.stats.breakerOpenSeconds[n] = (s.stats.breakerOpenSeconds[n] ?? 0) + open;
      if (this.trace) this.emit(c.id, n, -1, 'breaker-open', { untilSeconds: b.openUntil });
    }
  }

  /**
   * A try failed with error e: retry (first matching retrier), else catch, else the case fails here.
   * `finalTry`: the step's scheduleToClose has run out, so no retrier applies.
   */
  private failTry(tok: Token, c: CaseState, n: number, e: number, finalTry: boolean): void {
    const g = this.g;
    const s = this.s;
    const st = s.stats;
    st.failures[n * ERROR_COUNT + e] = (st.failures[n * ERROR_COUNT + e] ?? 0) + 1;
    tok.lastTries = tok.attempt;
    if (this.trace) this.emit(c.id, n, -1, 'fail', { error: ERROR_TYPES[e] ?? 'runtime', attempt: tok.attempt });
    const bit = 1 << e;
    let err = e;
    if (!finalTry) {
      const rFrom = g.retryStart[n] ?? 0;
      const rTo = g.retryStart[n + 1] ?? 0;
      for (let r = rFrom; r < rTo; r++) {
        if (((g.retryErrors[r] ?? 0) & bit) === 0) continue;
        // The first retrier that matches decides: if its attempts are used up, no later retrier is tried.
        tok.retryCounts ??= new Array<number>(rTo - rFrom).fill(0);
        const used = tok.retryCounts[r - rFrom] ?? 0;
        if (!mayRetry(g.retryMaxAttempts[r] ?? 1, used)) break;
        let delay = backoffSeconds(g.retryInitialSeconds[r] ?? 1, g.retryCoefficient[r] ?? 2, g.retryMaxIntervalSeconds[r] ?? NEVER, used);
        const jitter = g.retryJitter[r] ?? JITTER.none;
        if (jitter !== JITTER.none) delay = jitteredSeconds(delay, JITTER_MODES[jitter] ?? 'none', this.uniform(n, PURPOSE.jitter));
        const retryAfter = g.retryAfter[n] ?? -1;
        delay = retryWaitSeconds(delay, ERROR_TYPES[e] ?? 'runtime', retryAfter >= 0 ? retryAfter : undefined, g.retryHonorsRetryAfter[r] === 1);
        if (s.now + delay >= tok.deadline) {
          // The wait would outlast scheduleToClose: the step times out for good.
          err = ERR_TIMEOUT;
          break;
        }
        tok.retryCounts[r - rFrom] = used + 1;
        tok.state = TOKEN_STATE.retrying;
        tok.stamp++;
        c.backoffSeconds += delay;
        if (this.trace) this.emit(c.id, n, -1, 'retry', { delaySeconds: delay, nextAttempt: tok.attempt + 1, error: ERROR_TYPES[e] ?? '' });
        pushEvent(this.s.queue, s.now + delay, EVENT.retry, tok.id, tok.stamp, 0);
        return;
      }
    }
    const errBit = 1 << err;
    const cFrom = g.catchStart[n] ?? 0;
    const cTo = g.catchStart[n + 1] ?? 0;
    for (let k = cFrom; k < cTo; k++) {
      if (((g.catchErrors[k] ?? 0) & errBit) === 0) continue;
      c.fallback = true;
      st.fallbacks[n] = (st.fallbacks[n] ?? 0) + 1;
      this.leave(tok, n, g.catchPort[k] ?? PORT.error);
      return;
    }
    this.endCase(c, OUT_FAILED, n);
  }

  protected onRetry(tokenId: number, stamp: number): void {
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.retrying || tok.stamp !== stamp) return;
    const c = this.s.active[tok.caseId];
    if (c) this.call(tok, c, tok.node);
  }

  /** Latency multiplier of the faults active on node n now (checks and human gates honour only latency faults). */
  protected latencyFactor(n: number): number {
    const fs = this.faults;
    const s = this.s;
    let mult = 1;
    const to = fs.start[n + 1] ?? 0;
    for (let k = fs.start[n] ?? 0; k < to; k++) {
      const f = fs.list[k] ?? 0;
      if (s.now < (fs.from[f] ?? 0) || s.now >= (fs.until[f] ?? NEVER) || (s.stats.calls[n] ?? 0) < (fs.afterCalls[f] ?? 0)) continue;
      mult *= fs.latencyMultiplier[f] ?? 1;
    }
    return mult;
  }
}

/**
 * Engine layer: checks (see engine.ts for the layers). A check takes its latency, then passes or fails the item:
 * a threshold check compares the case's last confidence with its threshold; the others fail a wrong item with
 * `detectionRate` and a correct one with `falseRejectRate`; a sample audit sends `sampleRate` of the items out by
 * `fail` to the person who audits them, whatever their correctness (src/domain/semantics/checks.ts). A failed
 * item leaves by `fail`, or, with `onFail: reask`, goes back to the step that produced it (at most `maxReasks`
 * times per check and case).
 */
import { ON_FAIL, PORT, SLOT } from './compile.ts';
import { CallHandling } from './calls.ts';
import { TOKEN_STATE, type CaseState, type Token } from './engine-state.ts';
import { EVENT, pushEvent } from './event-queue.ts';
import { PURPOSE } from './rng.ts';

export abstract class Checks extends CallHandling {
  protected startCheck(tok: Token, c: CaseState, n: number): void {
    const s = this.s;
    const g = this.g;
    let latency = this.sampleSlot(n, SLOT.latency, PURPOSE.latency);
    if (latency < 0) latency = 0;
    // No fault touches most nodes: the call (and its loop) only where one does (x * 1 is x, bit for bit).
    if (this.faults.start[n + 1] !== this.faults.start[n]) latency *= this.latencyFactor(n);
    const cost = g.costPerCall[n] ?? 0;
    c.cost += cost;
    s.stats.cost[n] = (s.stats.cost[n] ?? 0) + cost;
    s.stats.calls[n] = (s.stats.calls[n] ?? 0) + 1;
    tok.state = TOKEN_STATE.checking;
    tok.stamp++;
    if (this.trace) this.emit(c.id, n, -1, 'start', { latency, cost });
    pushEvent(this.s.queue, s.now + latency, EVENT.checkDone, tok.id, tok.stamp, 0);
  }

  protected onCheckDone(tokenId: number, stamp: number): void {
    const tok = this.live(tokenId);
    if (!tok || tok.state !== TOKEN_STATE.checking || tok.stamp !== stamp) return;
    const c = this.s.active[tok.caseId];
    if (!c) return;
    const g = this.g;
    const n = tok.node;
    tok.state = TOKEN_STATE.moving;
    // failProbability (src/domain/semantics/checks.ts): a sample audit sends its share out by `fail` whatever the
    // item's correctness; a threshold check compares the confidence; the others catch wrong items.
    const rate = g.sampleRate[n] ?? -1;
    const threshold = g.checkThreshold[n] ?? -1;
    let fail: boolean;
    if (rate >= 0) fail = this.uniform(n, PURPOSE.decision) < rate;
    else if (threshold >= 0 && tok.confidence >= 0) fail = tok.confidence < threshold;
    else fail = this.uniform(n, PURPOSE.decision) < (tok.wrong ? (g.detection[n] ?? 0) : (g.falseReject[n] ?? 0));
    if (!fail) {
      if (this.trace) this.emit(c.id, n, -1, 'pass', { wrong: tok.wrong });
      this.leave(tok, n, PORT.pass);
      return;
    }
    if (g.onFail[n] === ON_FAIL.reask && tok.producer >= 0) {
      tok.reasks ??= {};
      const used = tok.reasks[n] ?? 0;
      if (used < (g.maxReasks[n] ?? 0)) {
        tok.reasks[n] = used + 1;
        this.s.stats.loopIterations[tok.producer] = (this.s.stats.loopIterations[tok.producer] ?? 0) + 1;
        if (this.trace) this.emit(c.id, n, -1, 'reask', { to: g.nodeIds[tok.producer] ?? '', reask: used + 1 });
        this.enter(tok, tok.producer, -1);
        return;
      }
    }
    if (this.trace) this.emit(c.id, n, -1, 'reject-check', { wrong: tok.wrong, ...(rate >= 0 ? { sampled: true } : {}) });
    this.leave(tok, n, PORT.fail);
  }
}

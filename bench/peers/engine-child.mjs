// One Baton engine measurement in a fresh Node process (run by bench/peers/run.ts; plain JavaScript so that the
// child pays no transpiler). argv: bundle URL, model file, warm runs.
//
// "Simulation alone": compiling the document and running its scenario's replication (prepareBatch +
// runReplications), the same span as the SimPy scripts' simSeconds (building the environment and env.run()).
// Reading and validating the file is outside it, as reading the constants is for SimPy. The first run in the
// process is the cold figure (the engine's code is still being compiled by V8: what a CLI run gets); the best of
// the warm runs after it is the engine's steady speed (what a long batch or the app's worker gets). CPU time
// (this process's user + system, GC threads included) is reported beside the wall clock: on a shared, loaded
// machine it is the steadier of the two.
import console from 'node:console';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const [bundle = '', file = '', warmArg = '3'] = process.argv.slice(2);
const sim = await import(bundle);
const imported = sim.importWorkflow(readFileSync(file));
if (!imported.ok) throw new Error(`${file}: not a workflow`);
const doc = imported.doc;
const scenario = doc.scenarios[0];

function once() {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const prepared = sim.prepareBatch(doc, scenario);
  const [rep] = sim.runReplications(prepared, { seed: scenario.seed, cases: scenario.cases, from: 0, to: 1 });
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, rep };
}

const first = once();
let warmMs = Infinity;
let warmCpuMs = Infinity;
let same = true;
for (let i = 0; i < Number(warmArg); i++) {
  const r = once();
  warmMs = Math.min(warmMs, r.ms);
  warmCpuMs = Math.min(warmCpuMs, r.cpuMs);
  same &&= r.rep.events === first.rep.events && r.rep.results.cycle.every((c, k) => c === first.rep.results.cycle[k]);
}

const OUTCOMES = ['success', 'rejected', 'escalated', 'error', 'failed', 'stuck'];
const outcomes = {};
for (const o of first.rep.results.outcome) outcomes[OUTCOMES[o] ?? 'stuck'] = (outcomes[OUTCOMES[o] ?? 'stuck'] ?? 0) + 1;
console.log(
  JSON.stringify({
    coldMs: first.ms,
    warmMs,
    coldCpuMs: first.cpuMs,
    warmCpuMs,
    sameWhenRepeated: same,
    events: first.rep.events,
    cycle: Array.from(first.rep.results.cycle),
    human: Array.from(first.rep.results.humanSeconds),
    outcomes,
  }),
);

"""SimPy versions of the three peer-comparison models (bench/peers/models/*.baton.json), written as a SimPy user
would write them: one generator process per case, a Resource per human gate, env.timeout for every timed activity.

    python3 simpy_models.py A|B|C [cases] [seed]

Prints one JSON line: the simulation's own time, wall clock and CPU (building the environment and env.run(), nothing
else), the
model events, and the per-case figures the bench compares with Baton's (mean cycle time with a batch-means
interval, outcome counts, mean human service seconds per case).

"Model event" (the unit of events/s, counted the same way as Baton counts its engine's events): a case arrival,
or the end of one timed activity (a step's try, a retry's backoff, a check's judgement, a reviewer's service).
SimPy's own kernel processes several scheduler events per model event (process start, resource request and
release, condition events); those are SimPy's overhead, not extra work of the model, and are not counted.

Model parameters are the .baton.json files' (kept here as constants, as a SimPy user would):
A: Poisson arrivals 50/h, one reviewer, exponential service mean 60 s.
B: AI draft lognormal (median 20 s, p95 60 s) -> check 2 s rejecting 10% -> tool exponential mean 5 s failing 5%
   per try with up to 3 tries (backoff 1 s, 2 s; the third failure goes to the error output) -> gate of 2
   reviewers, exponential mean 120 s -> 70% ok / 30% escalated.
C: ten blocks of: parallel {gate A (2 reviewers, exp 120 s), tool B (exp 60 s)} -> join all -> gate C
   (2 reviewers, exp 180 s) -> 60% gate D (1 reviewer, exp 120 s) / 40% tool E (exp 30 s). Poisson 30/h.
"""

import json
import math
import random
import sys
import time

import simpy

Z95 = 1.6448536269514722


def arrivals(env, rng, cases, per_hour, start_case, counter):
    """Poisson arrivals; the first case arrives at time 0 (as in Baton)."""
    mean_gap = 3600.0 / per_hour
    for i in range(cases):
        counter[0] += 1
        env.process(start_case(i))
        if i < cases - 1:
            yield env.timeout(rng.expovariate(1.0 / mean_gap))


def model_a(cases, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    review = simpy.Resource(env, capacity=1)
    cycle = [0.0] * cases
    human = [0.0] * cases
    outcome = ["success"] * cases
    events = [0]

    def case(i):
        t0 = env.now
        with review.request() as req:
            yield req
            s = rng.expovariate(1.0 / 60.0)
            yield env.timeout(s)
            events[0] += 1
        human[i] = s
        cycle[i] = env.now - t0

    env.process(arrivals(env, rng, cases, 50.0, case, events))
    env.run()
    return cycle, human, outcome, events[0]


def model_b(cases, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    gate = simpy.Resource(env, capacity=2)
    mu = math.log(20.0)
    sigma = math.log(60.0 / 20.0) / Z95
    cycle = [0.0] * cases
    human = [0.0] * cases
    outcome = [""] * cases
    events = [0]

    def case(i):
        t0 = env.now
        yield env.timeout(rng.lognormvariate(mu, sigma))  # draft
        events[0] += 1
        yield env.timeout(2.0)  # qc
        events[0] += 1
        if rng.random() < 0.1:
            outcome[i] = "rejected"
        else:
            ok = False
            for attempt in range(3):
                yield env.timeout(rng.expovariate(1.0 / 5.0))  # call
                events[0] += 1
                if rng.random() < 0.95:
                    ok = True
                    break
                if attempt < 2:
                    yield env.timeout(1.0 * 2.0 ** attempt)  # backoff
                    events[0] += 1
            if not ok:
                outcome[i] = "error"
            else:
                with gate.request() as req:
                    yield req
                    s = rng.expovariate(1.0 / 120.0)
                    yield env.timeout(s)
                    events[0] += 1
                human[i] = s
                outcome[i] = "success" if rng.random() < 0.7 else "escalated"
        cycle[i] = env.now - t0

    env.process(arrivals(env, rng, cases, 50.0, case, events))
    env.run()
    return cycle, human, outcome, events[0]


def model_c(cases, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    blocks = 10
    gate_a = [simpy.Resource(env, capacity=2) for _ in range(blocks)]
    gate_c = [simpy.Resource(env, capacity=2) for _ in range(blocks)]
    gate_d = [simpy.Resource(env, capacity=1) for _ in range(blocks)]
    cycle = [0.0] * cases
    human = [0.0] * cases
    outcome = ["success"] * cases
    events = [0]

    def review(res, mean, i):
        with res.request() as req:
            yield req
            s = rng.expovariate(1.0 / mean)
            yield env.timeout(s)
            events[0] += 1
        human[i] += s

    def tool(mean):
        yield env.timeout(rng.expovariate(1.0 / mean))
        events[0] += 1

    def case(i):
        t0 = env.now
        for k in range(blocks):
            a = env.process(review(gate_a[k], 120.0, i))
            b = env.process(tool(60.0))
            yield a & b
            yield from review(gate_c[k], 180.0, i)
            if rng.random() < 0.6:
                yield from review(gate_d[k], 120.0, i)
            else:
                yield from tool(30.0)
        cycle[i] = env.now - t0

    env.process(arrivals(env, rng, cases, 30.0, case, events))
    env.run()
    return cycle, human, outcome, events[0]


def batch_means(xs, batches=20):
    """Mean and 95% half-width by batch means (consecutive cases in `batches` batches; t with batches - 1 df)."""
    n = len(xs) // batches
    means = [sum(xs[b * n:(b + 1) * n]) / n for b in range(batches)]
    m = sum(means) / batches
    var = sum((x - m) ** 2 for x in means) / (batches - 1)
    t = 2.093024054408309  # t(0.975, 19)
    return sum(xs) / len(xs), t * math.sqrt(var / batches)


MODELS = {"A": (model_a, 20000), "B": (model_b, 20000), "C": (model_c, 10000)}


def main():
    name = sys.argv[1]
    fn, default_cases = MODELS[name]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else default_cases
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    t0 = time.perf_counter()
    c0 = time.process_time()
    cycle, human, outcome, events = fn(cases, seed)
    sim_cpu_seconds = time.process_time() - c0
    sim_seconds = time.perf_counter() - t0
    mean, half = batch_means(cycle)
    counts = {}
    for o in outcome:
        counts[o] = counts.get(o, 0) + 1
    print(json.dumps({
        "model": name,
        "cases": cases,
        "simSeconds": sim_seconds,
        "simCpuSeconds": sim_cpu_seconds,
        "events": events,
        "meanCycle": mean,
        "meanCycleHalfWidth": half,
        "humanSecondsPerCase": sum(human) / cases,
        "outcomes": counts,
        "simpy": simpy.__version__,
        "python": sys.version.split()[0],
    }))


if __name__ == "__main__":
    main()

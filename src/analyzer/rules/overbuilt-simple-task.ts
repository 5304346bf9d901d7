import { defineRule } from '../define-rule.ts';
import { isAutomationLayer, isGate } from '../rule-helpers.ts';

export default defineRule({
  id: 'overbuilt-simple-task',
  meta: { description: 'A simple, low-stakes task built as a multi-step pipeline: start with one good AI step.', docs: 'docs/rules/overbuilt-simple-task.md', category: 'over-engineering' },
  defaultSeverity: 'warning',
  options: { simpleEffortMinutes: 15, maxAiSteps: 2, maxAutomationLayers: 1, maxAiWithGate: 1, gateRunsPerDay: 50, overEngineeringRatio: 2.5, overEngineeringExcess: 3, judgementExcess: 2 },
  check({ graph, doc, options }, report) {
    const p = doc.profile;
    // Without a stated effort there is nothing to call simple; the rule stays silent rather than guess.
    if (p?.effortMinutes === undefined || p.effortMinutes > options.simpleEffortMinutes || p.risk === 'high') return;
    // Steps on the normal path only: a fallback reached through an error port is resilience, not bulk.
    const normal = graph.workNodes.filter((n) => graph.onNormalPath(n.id));
    const ai = normal.filter((n) => n.kind === 'ai');
    const layers = normal.filter(isAutomationLayer);
    const gates = normal.filter(isGate);
    const oe = graph.overEngineering();
    const runs = p.runsPerDay ?? 0;
    const reasons: string[] = [];
    if (ai.length > options.maxAiSteps) reasons.push(`${ai.length} AI steps`);
    if (layers.length > options.maxAutomationLayers) reasons.push(`${layers.length} automation layers`);
    // At volume a check or a person on AI output is quality control: a few % wrong is then several cases a day.
    if (gates.length > 0 && ai.length > options.maxAiWithGate && runs < options.gateRunsPerDay) reasons.push(`a check or gate on top of ${ai.length} AI steps`);
    // Steps the task does not need: many steps per case, and more judgement steps than the task needs (the
    // integration steps that read the input and deliver the result are the task itself).
    if (oe.used / oe.needed >= options.overEngineeringRatio && oe.used - oe.needed >= options.overEngineeringExcess && oe.judgement - oe.needed >= options.judgementExcess) reasons.push(`${oe.used} steps per case where the task needs about ${oe.needed}`);
    if (reasons.length === 0) return;
    report({
      message: `A ${p.effortMinutes}-minute, ${p.risk ?? 'low'}-risk task is built with ${reasons.join(', ')}.`,
      nodeIds: [...ai, ...layers, ...gates].map((n) => n.id),
      fix: 'Try one AI step with a good prompt first; add steps only for a measured failure.',
      evidence: { effortMinutes: p.effortMinutes, runsPerDay: runs, aiSteps: ai.length, automationLayers: layers.length, gates: gates.length, ratio: oe.ratio, needed: oe.needed, used: oe.used, judgement: oe.judgement, surplus: oe.surplus },
    });
  },
});

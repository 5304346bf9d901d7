/**
 * Calibration table: the analyzer over every template in src/templates, one row per template with its
 * over-engineering band (used / needed), complexity score, estimates and every finding above info.
 *
 * Run: npx tsx bench/analyzer-templates.ts [--all]   (--all lists info findings too)
 */
import { analyze } from '../src/analyzer/index.ts';
import { TEMPLATES } from '../src/templates/index.ts';

const withInfo = process.argv.includes('--all');
for (const t of TEMPLATES) {
  const a = analyze(t.doc);
  const oe = a.overEngineering;
  const e = a.estimates;
  const p = t.doc.profile ?? {};
  console.log(
    `\n${t.id}${t.overEngineered ? ' (over-engineered on purpose)' : ''}: |W| ${a.metrics.workNodes}, used ${oe.used}, needed ${oe.needed}, OE ${oe.ratio} -> ${oe.band}; ` +
      `score ${a.score.value} (${a.score.band}); success ${(e.success * 100).toFixed(1)}%, completion ${(e.completion * 100).toFixed(1)}%, ` +
      `p95 ${Math.round(e.p95Seconds)} s, cost ${e.costPerCase.toFixed(3)}; profile effort ${p.effortMinutes ?? '-'} min, risk ${p.risk ?? '-'}, ` +
      `outputs ${p.outputs ?? '-'}, inputs ${p.inputModalities ?? '-'}, runs/day ${p.runsPerDay ?? '-'}, sla ${p.slaSeconds ?? '-'}`,
  );
  for (const f of a.findings) {
    if (f.severity === 'info' && !withInfo) continue;
    console.log(`  ${f.severity.padEnd(7)} ${f.ruleId.padEnd(28)} ${f.message}`);
  }
}

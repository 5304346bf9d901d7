/**
 * Batches and their report, in one import: N cases x R replications -> every KPI of src/domain/kpi.ts with its
 * mean and 95% interval across replications (Student t), plus outcome mix, cycle-time histogram, failures by node
 * and error, human-gate queueing figures, cost by node, breaker open time, rarely reached nodes and the
 * hypothesis verdicts.
 *
 * Where things are:
 *   report-types.ts   the report's shape (SimulationReport, KpiValue, NodeReport, stopping rules)
 *   batch.ts          prepareBatch, runReplications, runBatch (with or without a stopping rule), resolveScenario
 *   summaries.ts      one replication -> ReplicationSummary (what workers send), the per-replication KPIs
 *   statistics.ts     Student-t intervals, quantiles, histogram bins
 *   stopping.ts       stopping rules: defaults, first wave, "precise enough"
 *   hypothesis.ts     judging a scenario's hypothesis lines
 *   build-report.ts   summaries -> SimulationReport, bottleneck ranking
 */
export { buildReport, buildReportFromSummaries, bottleneckRanking } from './build-report.ts';
export { baselineScenario, mergeReplications, prepareBatch, resolveScenario, runBatch, runReplications, type BatchOptions, type PreparedBatch } from './batch.ts';
export { DEFAULT_REPLICATIONS, DEFAULT_SCENARIO } from './compile-scenario.ts';
export { judgeHypothesis } from './hypothesis.ts';
export * from './report-types.ts';
export { HISTOGRAM_BINS, meanInterval, quantileSorted, tQuantile975 } from './statistics.ts';
export { firstWave, precise, resolveStopping, stoppingKpi, type ResolvedStopping } from './stopping.ts';
export { reportContext, summariseForReport, summaryKpi, type ReplicationSummary, type ReportContext } from './summaries.ts';

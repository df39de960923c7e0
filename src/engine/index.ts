/**
 * The engine: pure and deterministic. Scenario file → checked scenario → XState machine →
 * transcript → scorecard. No DOM, no Phaser, no Node APIs; time and seeds come in as inputs.
 */
export * from './model/tips.ts';
export * from './model/steps.ts';
export * from './model/locales.ts';
export * from './model/principles.ts';
export * from './model/random.ts';
export * from './model/scenario.ts';
export * from './model/critical.ts';
export { scenarioSchema, KEBAB_PATTERN, ID_PATTERN, FLAG_PATTERN } from './schema/scenario.ts';
export type { ScenarioInput, ScenarioData } from './schema/scenario.ts';
export { drillSchema, DRILL_ORDERS, ANSWER_ORDERS, AnswerOrder } from './schema/drill.ts';
export type { DrillData } from './schema/drill.ts';
export * from './conditions/index.ts';
export { loadScenario } from './loader/load-scenario.ts';
export type { LoadResult } from './loader/load-scenario.ts';
export { loadDrill } from './loader/load-drill.ts';
export { loadLibrary } from './loader/load-library.ts';
export type { SourceFile, FileReport, LibraryReport } from './loader/load-library.ts';
export { formatProblem, sortProblems, ProblemCode } from './loader/problem.ts';
export type { Problem } from './loader/problem.ts';
export { deriveHant, HANT_OVERRIDES } from './loader/derive-hant.ts';
export { hantListing } from './loader/hant-listing.ts';
export type { HantRow } from './loader/hant-listing.ts';
export { translatableLines, isLocaleId } from './loader/strings-lines.ts';
export { lineId } from './loader/line-id.ts';
export type { TranslatableLine, LineTable } from './loader/strings-lines.ts';
export { mergeTranslations } from './loader/strings-merge.ts';
export type { TranslationFile, TranslationRow, MergeResult } from './loader/strings-merge.ts';
export { StringsProblemCode, formatStringsProblem } from './loader/strings-problem.ts';
export type { StringsProblem } from './loader/strings-problem.ts';
export { writeCsv, readCsv, guardCell, unguardCell, CSV_BOM } from './loader/strings-csv.ts';
export { writeXliff, readXliff } from './loader/strings-xliff.ts';
export { localeFromTag } from './loader/strings-locale.ts';
export { contentHash, canonicalJson } from './loader/hash.ts';
export { compileScenario } from './compiler/compile-scenario.ts';
export { startingAt } from './compiler/start-at.ts';
export type { StartPoint } from './compiler/start-at.ts';
export type { CompiledScenario } from './compiler/compile-scenario.ts';
export type { CallMachine } from './compiler/compile.ts';
export * from './compiler/types.ts';
export { timeLimitMs, isHesitant } from './compiler/effects.ts';
export * from './replay/transcript.ts';
export * from './replay/transcript-format.ts';
export { migrateTranscript } from './replay/transcript-migrate.ts';
export { answerOrder, callSeed, hashString, MAX_SEED } from './replay/answer-order.ts';
export { recordEvents, transcriptFor } from './replay/record.ts';
export { replay, replayEvents, startCall, step, stateOf, offeredChoices } from './replay/replay.ts';
export type {
  CallSnapshot,
  TurnRecord,
  ReplayResult,
  ReplayError,
  ReplayOutcome,
} from './replay/replay.ts';
export * from './scoring/scorecard.ts';
export { scoreCall, scoreTranscript, wordOfMouthPoints } from './scoring/score.ts';
export { compensationAllowance } from './scoring/score-penalties.ts';
export type { CallRecord, ScoreOutcome } from './scoring/score.ts';
export { analyseScenario } from './scoring/analysis.ts';
export type { ScenarioAnalysis } from './scoring/analysis.ts';
export { explore } from './explorer/explore.ts';
export { walkPaths } from './explorer/path-walk.ts';
export { qualityChecks, QUALITY_BAR } from './explorer/report.ts';
export type {
  ExploreReport,
  ExploredPath,
  ExploreOptions,
  DeadEnd,
  QualityCheck,
} from './explorer/report.ts';
export { callGraph, STATE_LIMIT } from './explorer/call-graph.ts';
export type { CallGraph } from './explorer/call-graph.ts';
export { toMermaid } from './explorer/mermaid.ts';
export {
  scenarioJsonSchema,
  drillJsonSchema,
  jsonSchemaText,
  JSON_SCHEMA_FILES,
} from './schema/json-schema.ts';

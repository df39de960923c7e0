export type { Condition, ConditionScope, NumericName, ComparisonOp } from './ast.ts';
export { NUMERIC_NAMES, COMPARISON_OPS, flagsRead } from './ast.ts';
export type { ConditionError, ConditionErrorCode, ParseResult } from './parse.ts';
export { parseCondition } from './parse.ts';
export { evaluateCondition } from './evaluate.ts';

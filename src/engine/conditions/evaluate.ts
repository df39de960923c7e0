import type { Condition, ConditionScope } from './ast.ts';

/** Evaluates a parsed condition. An unset flag reads as false. */
export function evaluateCondition(condition: Condition, scope: ConditionScope): boolean {
  switch (condition.kind) {
    case 'const':
      return condition.value;
    case 'flag':
      return scope.flags[condition.name] === true;
    case 'not':
      return !evaluateCondition(condition.operand, scope);
    case 'and':
      return evaluateCondition(condition.left, scope) && evaluateCondition(condition.right, scope);
    case 'or':
      return evaluateCondition(condition.left, scope) || evaluateCondition(condition.right, scope);
    case 'compare': {
      const actual = scope.numbers[condition.name];
      switch (condition.op) {
        case '<':
          return actual < condition.value;
        case '<=':
          return actual <= condition.value;
        case '>':
          return actual > condition.value;
        case '>=':
          return actual >= condition.value;
        case '==':
          return actual === condition.value;
        case '!=':
          return actual !== condition.value;
      }
    }
  }
}

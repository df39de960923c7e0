/** Numeric names a condition may compare: the three meters, compensation spent and turns taken. */
export const NUMERIC_NAMES = ['anger', 'trust', 'patience', 'cost', 'turns'] as const;
export type NumericName = (typeof NUMERIC_NAMES)[number];

export const COMPARISON_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** A parsed condition. Plain data, so it can sit in machine guard params and be serialised. */
export type Condition =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'flag'; readonly name: string }
  | {
      readonly kind: 'compare';
      readonly name: NumericName;
      readonly op: ComparisonOp;
      readonly value: number;
    }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly left: Condition; readonly right: Condition };

/** Where a condition reads its values from. */
export interface ConditionScope {
  readonly numbers: Readonly<Record<NumericName, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
}

/** Every flag a condition reads, to check them against the flags a scenario sets. */
export function flagsRead(condition: Condition): string[] {
  switch (condition.kind) {
    case 'const':
    case 'compare':
      return [];
    case 'flag':
      return [condition.name];
    case 'not':
      return flagsRead(condition.operand);
    case 'and':
    case 'or':
      return [...flagsRead(condition.left), ...flagsRead(condition.right)];
  }
}

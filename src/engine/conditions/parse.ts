import { COMPARISON_OPS, NUMERIC_NAMES } from './ast.ts';
import type { ComparisonOp, Condition, NumericName } from './ast.ts';

/** What went wrong in a condition, with the column inside the expression (0-based offset). */
export interface ConditionError {
  readonly code: ConditionErrorCode;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  readonly hint: string;
}

export type ConditionErrorCode =
  | 'unexpectedCharacter'
  | 'unexpectedToken'
  | 'unexpectedEnd'
  | 'numberWithoutComparison'
  | 'flagCompared'
  | 'badNumber';

export type ParseResult = { ok: true; condition: Condition } | { ok: false; error: ConditionError };

type TokenKind =
  'number' | 'name' | 'op' | 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'true' | 'false';
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly offset: number;
}

/** Operators people type from other languages, and what to write here instead. */
const FOREIGN_OPERATORS: readonly (readonly [string, string])[] = [
  ['&&', 'and'],
  ['||', 'or'],
  ['&', 'and'],
  ['|', 'or'],
  ['=', '=='],
  ['!', 'not'],
];

const KEYWORDS: Readonly<Record<string, TokenKind>> = {
  and: 'and',
  or: 'or',
  not: 'not',
  true: 'true',
  false: 'false',
};

class ConditionSyntaxError extends Error {
  readonly detail: ConditionError;
  constructor(detail: ConditionError) {
    super(detail.message);
    this.detail = detail;
  }
}

function fail(
  code: ConditionErrorCode,
  offset: number,
  length: number,
  message: string,
  hint: string,
): never {
  throw new ConditionSyntaxError({ code, offset, length, message, hint });
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const rest = source.slice(i);
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number && (ch !== '-' || /^-\d/.test(rest))) {
      tokens.push({ kind: 'number', text: number[0], offset: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ kind: KEYWORDS[name[0]] ?? 'name', text: name[0], offset: i });
      i += name[0].length;
      continue;
    }
    const op = ['<=', '>=', '==', '!=', '<', '>'].find((candidate) => rest.startsWith(candidate));
    if (op !== undefined) {
      tokens.push({ kind: 'op', text: op, offset: i });
      i += op.length;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', text: ch, offset: i });
      i += 1;
      continue;
    }
    const foreign = FOREIGN_OPERATORS.find(([typed]) => rest.startsWith(typed));
    if (foreign) {
      fail(
        'unexpectedCharacter',
        i,
        foreign[0].length,
        `\`${foreign[0]}\` is not an operator here`,
        `write \`${foreign[1]}\``,
      );
    }
    fail(
      'unexpectedCharacter',
      i,
      1,
      `unexpected character \`${ch}\``,
      'use names, numbers, < <= > >= == !=, and, or, not and parentheses',
    );
  }
  return tokens;
}

const isNumericName = (text: string): text is NumericName =>
  (NUMERIC_NAMES as readonly string[]).includes(text);
const isComparisonOp = (text: string): text is ComparisonOp =>
  (COMPARISON_OPS as readonly string[]).includes(text);
const FLIPPED: Readonly<Record<ComparisonOp, ComparisonOp>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '==': '==',
  '!=': '!=',
};

/** Recursive-descent parser: or → and → not → primary. No eval, no Function. */
class Parser {
  private position = 0;
  private readonly source: string;
  private readonly tokens: readonly Token[];
  constructor(source: string, tokens: readonly Token[]) {
    this.source = source;
    this.tokens = tokens;
  }

  parse(): Condition {
    if (this.tokens.length === 0) {
      fail(
        'unexpectedEnd',
        0,
        0,
        'the condition is empty',
        'write a comparison such as `anger < 40` or a flag name',
      );
    }
    const condition = this.parseOr();
    const extra = this.peek();
    if (extra) {
      fail(
        'unexpectedToken',
        extra.offset,
        extra.text.length,
        `unexpected \`${extra.text}\` after a complete condition`,
        'join conditions with `and` or `or`',
      );
    }
    return condition;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.position];
    if (!token) {
      const previous = this.tokens[this.position - 1];
      const offset = previous ? previous.offset + previous.text.length : this.source.length;
      fail('unexpectedEnd', offset, 0, `the condition ends too early`, `add ${expected}`);
    }
    this.position += 1;
    return token;
  }

  private parseOr(): Condition {
    let left = this.parseAnd();
    while (this.peek()?.kind === 'or') {
      this.position += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Condition {
    let left = this.parseNot();
    while (this.peek()?.kind === 'and') {
      this.position += 1;
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): Condition {
    if (this.peek()?.kind === 'not') {
      this.position += 1;
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Condition {
    const token = this.next('a comparison such as `anger < 40` or a flag name');
    switch (token.kind) {
      case 'lparen': {
        const inner = this.parseOr();
        const close = this.peek();
        if (close?.kind !== 'rparen') {
          const offset = close ? close.offset : this.source.length;
          fail(
            'unexpectedToken',
            offset,
            close?.text.length ?? 0,
            'this parenthesis is never closed',
            'add `)`',
          );
        }
        this.position += 1;
        return inner;
      }
      case 'true':
      case 'false':
        return { kind: 'const', value: token.kind === 'true' };
      case 'name':
        return this.parseName(token);
      case 'number':
        return this.parseReversedComparison(token);
      case 'rparen':
      case 'op':
      case 'and':
      case 'or':
      case 'not':
        return fail(
          'unexpectedToken',
          token.offset,
          token.text.length,
          `unexpected \`${token.text}\``,
          'write a comparison such as `anger < 40` or a flag name here',
        );
    }
  }

  private parseName(token: Token): Condition {
    const following = this.peek();
    if (isNumericName(token.text)) {
      if (following?.kind !== 'op' || !isComparisonOp(following.text)) {
        fail(
          'numberWithoutComparison',
          token.offset,
          token.text.length,
          `\`${token.text}\` is a number and must be compared`,
          `write e.g. \`${token.text} < 40\``,
        );
      }
      this.position += 1;
      const value = this.parseNumber();
      return { kind: 'compare', name: token.text, op: following.text, value };
    }
    if (following?.kind === 'op') {
      fail(
        'flagCompared',
        following.offset,
        following.text.length,
        `\`${token.text}\` is a flag (true or false) and cannot be compared with a number`,
        `write \`${token.text}\` or \`not ${token.text}\`; numbers are ${NUMERIC_NAMES.join(', ')}`,
      );
    }
    return { kind: 'flag', name: token.text };
  }

  private parseReversedComparison(token: Token): Condition {
    const op = this.next('a comparison operator such as `<`');
    if (op.kind !== 'op' || !isComparisonOp(op.text)) {
      fail(
        'unexpectedToken',
        op.offset,
        op.text.length,
        `unexpected \`${op.text}\` after a number`,
        'write a comparison such as `40 > anger`',
      );
    }
    const name = this.next(`one of ${NUMERIC_NAMES.join(', ')}`);
    if (name.kind !== 'name' || !isNumericName(name.text)) {
      fail(
        'unexpectedToken',
        name.offset,
        name.text.length,
        `\`${name.text}\` cannot be compared with a number`,
        `compare one of ${NUMERIC_NAMES.join(', ')}`,
      );
    }
    return { kind: 'compare', name: name.text, op: FLIPPED[op.text], value: toNumber(token) };
  }

  private parseNumber(): number {
    const token = this.next('a number');
    if (token.kind !== 'number') {
      fail(
        'badNumber',
        token.offset,
        token.text.length,
        `expected a number, found \`${token.text}\``,
        'write a number such as 40',
      );
    }
    return toNumber(token);
  }
}

function toNumber(token: Token): number {
  return Number(token.text);
}

/**
 * Parses a condition such as `anger < 40 and (trust >= 50 or not escalated)`.
 *
 * @example
 * parseCondition('anger < 40 and promisedRefund') // { ok: true, condition: { kind: 'and', … } }
 * parseCondition('anger < ') // { ok: false, error: { code: 'unexpectedEnd', offset: 8, … } }
 */
export function parseCondition(source: string): ParseResult {
  try {
    return { ok: true, condition: new Parser(source, tokenize(source)).parse() };
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return { ok: false, error: error.detail };
    throw error;
  }
}

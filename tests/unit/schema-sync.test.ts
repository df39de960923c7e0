import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  JSON_SCHEMA_FILES,
  drillJsonSchema,
  jsonSchemaText,
  scenarioJsonSchema,
} from '../../src/engine/index.ts';
import { ROOT } from '../support/fixtures.ts';

describe('committed JSON Schemas', () => {
  it.each([
    [JSON_SCHEMA_FILES.scenario, scenarioJsonSchema],
    [JSON_SCHEMA_FILES.drill, drillJsonSchema],
  ] as const)(
    '%s matches the zod schema (run `npm run schema` if this fails)',
    (file, generate) => {
      expect(readFileSync(path.join(ROOT, file), 'utf8')).toBe(jsonSchemaText(generate()));
    },
  );
});

import * as z from 'zod';
import { drillSchema } from './drill.ts';
import { scenarioSchema } from './scenario.ts';

/**
 * The JSON Schemas editors use for autocompletion (draft-07: the YAML language server's best
 * supported draft), generated from the same zod schemas the loader validates with.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-07' });
}

export function drillJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(drillSchema, { io: 'input', target: 'draft-07' });
}

/** Files the schema writer keeps in sync, relative to the repository root. */
export const JSON_SCHEMA_FILES = {
  scenario: 'scenarios/scenario.schema.json',
  drill: 'scenarios/drills/drill.schema.json',
} as const;

export function jsonSchemaText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// Writes the JSON Schemas for editor autocompletion: `npm run schema` after changing the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  JSON_SCHEMA_FILES,
  drillJsonSchema,
  jsonSchemaText,
  scenarioJsonSchema,
} from '../engine/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outputs: [string, Record<string, unknown>][] = [
  [JSON_SCHEMA_FILES.scenario, scenarioJsonSchema()],
  [JSON_SCHEMA_FILES.drill, drillJsonSchema()],
];
for (const [file, schema] of outputs) {
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, jsonSchemaText(schema));
  process.stdout.write(`wrote ${file}\n`);
}

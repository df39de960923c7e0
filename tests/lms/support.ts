import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import type { XMLValidationResult } from 'xmllint-wasm';
import { ROOT } from '../support/fixtures.ts';

export const SCHEMA_DIR = path.join(ROOT, 'tests/lms/schemas');

/** A zip's files, by path. */
export function unzip(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(file)));
}

export function textOf(files: Record<string, Uint8Array>, name: string): string {
  const data = files[name];
  if (!data) throw new Error(`${name} is not in the package`);
  return new TextDecoder().decode(data);
}

/**
 * Validates a manifest against the schemas in `tests/lms/schemas/<folder>`, starting from
 * `root` (the folder's driver, or the one schema): every file there is preloaded for the imports.
 */
export function validateAgainst(
  xml: string,
  folder: string,
  root: string,
): Promise<XMLValidationResult> {
  const dir = path.join(SCHEMA_DIR, folder);
  const schemas = readdirSync(dir)
    .filter((name) => name.endsWith('.xsd'))
    .map((name) => ({ fileName: name, contents: readFileSync(path.join(dir, name), 'utf8') }));
  const schema = schemas.find((file) => file.fileName === root);
  if (!schema) throw new Error(`${root} is not in ${dir}`);
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [schema],
    preload: schemas.filter((file) => file !== schema),
  });
}

/** Writes a stand-in for a built game: enough files to package and list in a manifest. */
export function fakeWebFolder(dir: string): void {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  mkdirSync(path.join(dir, '.vite'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Service Dojo</title>');
  writeFileSync(path.join(dir, 'assets/main-abc.js'), 'console.log("game")');
  writeFileSync(path.join(dir, 'assets/ring & tone.ogg'), new Uint8Array([1, 2, 3]));
  writeFileSync(path.join(dir, '.vite/manifest.json'), '{}');
}

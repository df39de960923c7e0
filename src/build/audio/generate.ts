// Writes every game sound to assets/audio/, synthesised from scratch: `node src/build/audio/generate.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAudioFiles } from './files.ts';

/** assets/audio/ at the repository's top level. */
export const AUDIO_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../assets/audio',
);

function main(): void {
  mkdirSync(AUDIO_FOLDER, { recursive: true });
  let total = 0;
  for (const file of buildAudioFiles()) {
    writeFileSync(path.join(AUDIO_FOLDER, file.name), file.bytes);
    total += file.bytes.length;
    console.log(`${file.name.padEnd(16)} ${(file.bytes.length / 1024).toFixed(1).padStart(6)} KB`);
  }
  console.log(`${'total'.padEnd(16)} ${(total / 1024).toFixed(1).padStart(6)} KB`);
}

main();

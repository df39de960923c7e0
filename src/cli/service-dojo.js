#!/usr/bin/env node
// The `service-dojo` command. Node ≥ 22.18 runs our TypeScript directly (type stripping);
// Node 22.12–22.17 needs the flag, so there we run the same entry again with it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
if (process.features.typescript) {
  const { main } = await import('./main.ts');
  process.exitCode = main(process.argv.slice(2));
} else {
  const child = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings=ExperimentalWarning',
      entry,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exitCode = child.status ?? 2;
}

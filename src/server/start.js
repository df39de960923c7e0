#!/usr/bin/env node
// `npm start`'s server entry. Node ≥ 22.18 runs our TypeScript directly (type stripping);
// Node 22.12–22.17 needs the flag, so there we run the same entry again with it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
if (process.features.typescript) {
  await import('./main.ts');
} else {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', entry],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => {
    process.exitCode = code ?? 1;
  });
}

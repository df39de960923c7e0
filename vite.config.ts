import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './src/build/scenarios-plugin.ts';
import { fontSubsetPlugin } from './src/build/font-subset-plugin.ts';

export default defineConfig({
  base: './',
  plugins: [scenariosPlugin({ folder: 'scenarios' }), fontSubsetPlugin({ folder: 'scenarios' })],
  build: {
    target: 'es2022',
    outDir: 'dist',
    chunkSizeWarningLimit: 1600,
  },
  // `npm run dev` serves the game with hot reload; the drill API comes from `npm run serve`.
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8080' } },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});

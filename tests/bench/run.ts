// `npm run bench`: figures, never pass/fail. Every ratio is against a baseline measured in this run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { explore, loadScenario, scoreTranscript } from '../../src/engine/index.ts';
import { loadValid } from '../support/fixtures.ts';
import { shippedScenarioFiles } from '../support/library.ts';
import { transcriptOf } from '../support/transcripts.ts';
import { generatedScenarioYaml } from '../support/generated-call.ts';
import { CHAIN_LENGTH, bareActorRun, chainEvents, chainScenarioYaml } from './chain-call.ts';
import { formatMicros, medianMicros, table } from './measure.ts';
import { runBrowserBench } from './browser.ts';
import { runServerBench } from './server.ts';

const out = (text = '') => process.stdout.write(`${text}\n`);

out(`Service Dojo bench — node ${process.version}, ${new Date().toISOString()}`);
out();

// (a) Replay + score of a 20-event transcript against a bare XState actor with the same events.
const chain = loadValid(chainScenarioYaml(), 'bench-chain.yaml');
const transcript = transcriptOf(chain, chainEvents());
const replayAndScore = () => {
  const result = scoreTranscript(chain, transcript);
  if (!result.ok || result.scorecard.outcome.endingId !== 'done')
    throw new Error('bench transcript did not replay');
};
const bare = medianMicros(bareActorRun());
const ours = medianMicros(replayAndScore);
out(
  `(a) replay + score of a ${CHAIN_LENGTH}-event transcript (median per run; goal ≤ 1.5× the bare actor)`,
);
out(
  table([
    ['', 'per run', 'runs/s', 'ratio'],
    [
      'bare XState actor, hand-written machine',
      formatMicros(bare),
      (1e6 / bare).toFixed(0),
      '1.00×',
    ],
    [
      'replay + score (compiled once, cached)',
      formatMicros(ours),
      (1e6 / ours).toFixed(0),
      `${(ours / bare).toFixed(2)}×`,
    ],
  ]),
);
out();

// (b) Explorer time per shipped scenario. (c) Load + validate time per file.
const files = shippedScenarioFiles();
const rows: string[][] = [
  ['scenario', 'paths', 'explore', 'load + validate', 'load ÷ bare actor run'],
];
let exploreTotal = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const name = path.basename(file);
  const load = medianMicros(
    () => {
      if (!loadScenario(text, name).ok) throw new Error(`${name} does not load`);
    },
    { runs: 9, batch: 3 },
  );
  const scenario = loadValid(text, name);
  let paths = 0;
  const explored = medianMicros(
    () => {
      paths = explore(scenario).paths;
    },
    { runs: 3, batch: 1 },
  );
  exploreTotal += explored;
  rows.push([
    name,
    String(paths),
    formatMicros(explored),
    formatMicros(load),
    `${(load / bare).toFixed(1)}×`,
  ]);
}
out(
  '(b) explorer per shipped scenario, exact (goal: all together ≤ 0.2 s)  (c) load + validate per file',
);
out(table(rows));
out(
  `explorer, all ${files.length} scenarios together: ${formatMicros(exploreTotal)} (${(exploreTotal / bare).toFixed(0)}× a bare actor run)`,
);
out();

// (b2) The explorer on generated trainer-sized calls: three answers a node, meters on every
// answer, a condition per node, silence everywhere (goal: 150 nodes < 2 s, 500 < 10 s, exact).
const generatedRows: string[][] = [
  ['generated call', 'states', 'calls', 'explore', 'ratio to a bare actor run', 'exact'],
];
for (const nodes of [20, 60, 150, 500]) {
  const scenario = loadValid(generatedScenarioYaml(nodes), `generated-${String(nodes)}.yaml`);
  const started = performance.now();
  const report = explore(scenario);
  const micros = (performance.now() - started) * 1000;
  generatedRows.push([
    `${String(nodes)} nodes`,
    String(report.states),
    report.paths.toExponential(2),
    formatMicros(micros),
    `${(micros / bare).toFixed(0)}×`,
    report.truncated ? 'no: cut' : 'yes',
  ]);
}
out('(b2) explorer on generated calls (goal: 150 nodes < 2 s, 500 nodes < 10 s, exact)');
out(table(generatedRows));
out();
await runBrowserBench(out);
out();
await runServerBench(out);

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import * as z from 'zod';
import { xapiConfigSchema } from '../../lms/package-config.ts';
import type { XapiConfig } from '../../lms/package-config.ts';

/** What `npm run build:lms` packages when told nothing: the first week's drill. */
export const DEFAULT_DRILL = 'new-hire-week-one';
export const DEFAULT_MASTERY = 0.8;
export const DEFAULT_OUT = 'dist-lms';

/** The optional config file (`--config lms.config.json`): the same settings as the flags. */
const configFileSchema = z.strictObject({
  drill: z.string().optional(),
  scenarios: z.array(z.string()).min(1).optional(),
  masteryScore: z.number().min(0).max(1).optional(),
  title: z.string().min(1).optional(),
  id: z.string().optional(),
  activityId: z.url().optional(),
  timers: z.boolean().optional(),
  xapi: xapiConfigSchema.optional(),
});

/** Everything the packaging needs, resolved: which scenarios, how they pass, where it goes. */
export interface LmsBuildOptions {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly activityId: string;
  readonly scenarios: readonly string[];
  readonly masteryScore: number;
  readonly timers: boolean;
  readonly xapi: XapiConfig | undefined;
  readonly outDir: string;
}

interface RawText {
  en?: string;
}

function readYaml(file: string): Record<string, unknown> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  return parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * Reads the flags (`--drill id`, `--scenarios a,b`, `--mastery 0.8`, `--title`, `--id`,
 * `--activity-id`, `--timers on|off`, `--xapi-endpoint`, `--xapi-auth`, `--out`,
 * `--config file.json`; flags win over
 * the file) and resolves them against the scenario folder. A drill brings its title and timers.
 */
export function resolveOptions(argv: readonly string[], root: string): LmsBuildOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      config: { type: 'string' },
      drill: { type: 'string' },
      scenarios: { type: 'string' },
      mastery: { type: 'string' },
      title: { type: 'string' },
      id: { type: 'string' },
      'activity-id': { type: 'string' },
      'xapi-endpoint': { type: 'string' },
      'xapi-auth': { type: 'string' },
      timers: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const file = values.config
    ? configFileSchema.parse(JSON.parse(readFileSync(path.resolve(root, values.config), 'utf8')))
    : {};
  const scenarioList = values.scenarios?.split(',').map((id) => id.trim()) ?? file.scenarios;
  const drillId = scenarioList ? undefined : (values.drill ?? file.drill ?? DEFAULT_DRILL);
  const drill = drillId ? readYaml(path.join(root, 'scenarios/drills', `${drillId}.yaml`)) : {};
  const scenarios = scenarioList ?? (drill.scenarios as string[] | undefined) ?? [];
  if (scenarios.length === 0) throw new Error('no scenarios to package');
  const titles = scenarios.map((id) => {
    const scenario = readYaml(path.join(root, 'scenarios', `${id}.yaml`));
    return (scenario.title as RawText | undefined)?.en ?? id;
  });
  const id = values.id ?? file.id ?? drillId ?? scenarios.join('-').slice(0, 60);
  const mastery = values.mastery === undefined ? undefined : Number(values.mastery);
  if (mastery !== undefined && !(mastery >= 0 && mastery <= 1))
    throw new Error('--mastery is a scaled score between 0 and 1, e.g. 0.8');
  const endpoint = values['xapi-endpoint'];
  const xapi = endpoint
    ? xapiConfigSchema.parse({ ...file.xapi, endpoint, auth: values['xapi-auth'] })
    : file.xapi;
  return {
    id,
    title:
      values.title ??
      file.title ??
      `Service Dojo: ${(drill.title as RawText | undefined)?.en ?? titles.join(', ')}`,
    description:
      (drill.summary as RawText | undefined)?.en ?? `Customer-service calls: ${titles.join('; ')}.`,
    activityId: values['activity-id'] ?? file.activityId ?? `urn:service-dojo:course:${id}`,
    scenarios,
    masteryScore: mastery ?? file.masteryScore ?? DEFAULT_MASTERY,
    timers:
      (values.timers === undefined ? undefined : values.timers === 'on') ??
      file.timers ??
      (drill.timers as boolean | undefined) ??
      true,
    xapi,
    outDir: path.resolve(root, values.out ?? DEFAULT_OUT),
  };
}

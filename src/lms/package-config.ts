import * as z from 'zod';

/** The LMS standards a package is built for; the build writes one zip per standard. */
export const LmsStandard = {
  scorm12: 'scorm12',
  scorm2004: 'scorm2004',
  cmi5: 'cmi5',
} as const;
export type LmsStandard = (typeof LmsStandard)[keyof typeof LmsStandard];
export const LMS_STANDARDS = Object.values(LmsStandard);

/** The file, next to the package's `index.html`, that tells the game it runs in an LMS. */
export const PACKAGE_CONFIG_FILE = 'lms.json';

/** An LRS to send xAPI statements to, besides what the LMS records. */
export const xapiConfigSchema = z.strictObject({
  /** The LRS's xAPI endpoint, e.g. `https://lrs.example.com/xapi/`. */
  endpoint: z.url(),
  /** The Authorization header value, e.g. `Basic …` (a key with write-only rights). */
  auth: z.string().min(1).optional(),
  /** The learner, when the LMS does not say (SCORM): an account on the company's home page. */
  homePage: z.url().default('https://service-dojo.invalid'),
});
export type XapiConfig = z.output<typeof xapiConfigSchema>;

/**
 * What a package holds and how it reports: the build writes it as `lms.json` in each zip, and the
 * LMS entry (`src/lms/main.ts`) reads it on launch. One schema for both sides of that boundary.
 */
export const packageConfigSchema = z.strictObject({
  standard: z.enum(LMS_STANDARDS),
  /** Stable course id: the manifest identifier and the base of the xAPI activity ids. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** IRI of the course activity (cmi5 course and AU ids, xAPI object ids). */
  activityId: z.url(),
  title: z.string().min(1),
  /** The scenarios on offer, in the order the select screen lists them. */
  scenarios: z.array(z.string().min(1)).min(1),
  /** Scaled score (0–1) to pass, used when the LMS gives none. */
  masteryScore: z.number().min(0).max(1),
  /** Answer timers on or off for the package's calls (a drill's setting). */
  timers: z.boolean(),
  xapi: xapiConfigSchema.optional(),
});
export type PackageConfig = z.output<typeof packageConfigSchema>;
export type PackageConfigInput = z.input<typeof packageConfigSchema>;

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/build/lms/options.ts';
import { PACKAGE_FILES, writePackages } from '../../src/build/lms/package.ts';
import { LmsStandard, packageConfigSchema } from '../../src/lms/package-config.ts';
import { ROOT } from '../support/fixtures.ts';
import { fakeWebFolder, textOf, unzip, validateAgainst } from './support.ts';

let work: string;
let zips: Record<LmsStandard, Record<string, Uint8Array>>;
const options = () =>
  resolveOptions(
    ['--mastery', '0.75', '--out', path.join(work, 'out'), '--title', 'Week one & "more"'],
    ROOT,
  );

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'lms-packages-'));
  const web = path.join(work, 'web');
  fakeWebFolder(web);
  writePackages(web, options());
  zips = {
    scorm12: unzip(path.join(work, 'out', PACKAGE_FILES.scorm12)),
    scorm2004: unzip(path.join(work, 'out', PACKAGE_FILES.scorm2004)),
    cmi5: unzip(path.join(work, 'out', PACKAGE_FILES.cmi5)),
  };
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The `href`s a manifest lists. */
const hrefs = (xml: string) =>
  [...xml.matchAll(/<file href="([^"]+)"/g)].map((match) =>
    (match[1] ?? '').replaceAll('&amp;', '&'),
  );

describe('LMS packages', () => {
  it('default to the new-hire-week-one drill, with its timers and title', () => {
    const resolved = options();
    expect(resolved.id).toBe('new-hire-week-one');
    expect(resolved.scenarios).toEqual([
      'tutorial-first-call',
      'follow-up-call',
      'thank-the-complaint',
      'damaged-delivery',
      'charged-twice',
      'not-my-product',
    ]);
    expect(resolved.timers).toBe(false);
    const chosen = resolveOptions(['--scenarios', 'charged-twice,no-spare-parts'], ROOT);
    expect(chosen.scenarios).toEqual(['charged-twice', 'no-spare-parts']);
    expect(() => resolveOptions(['--scenarios', 'no-such-call'], ROOT)).toThrow(/no-such-call/);
  });

  it('hold the game, its lms.json and the standard manifest (no Vite bookkeeping)', () => {
    for (const standard of Object.values(LmsStandard)) {
      const files = zips[standard];
      expect(Object.keys(files)).toContain('index.html');
      expect(Object.keys(files)).toContain('assets/ring & tone.ogg');
      expect(Object.keys(files).some((name) => name.startsWith('.vite/'))).toBe(false);
      const config = packageConfigSchema.parse(JSON.parse(textOf(files, 'lms.json')));
      expect(config.standard).toBe(standard);
      expect(config.masteryScore).toBe(0.75);
      expect(config.scenarios).toHaveLength(6);
    }
  });

  it('SCORM 1.2: imsmanifest.xml is valid against the IMS CP 1.1.2 and ADL CP 1.2 schemas', async () => {
    const xml = textOf(zips.scorm12, 'imsmanifest.xml');
    const result = await validateAgainst(xml, 'scorm12', 'driver.xsd');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    expect(xml).toContain('adlcp:scormtype="sco" href="index.html"');
    for (const href of hrefs(xml)) expect(zips.scorm12[href], href).toBeDefined();
  });

  it('SCORM 2004 4th edition: imsmanifest.xml is valid against the CP, ADL and IMS SS schemas', async () => {
    const xml = textOf(zips.scorm2004, 'imsmanifest.xml');
    const result = await validateAgainst(xml, 'scorm2004', 'driver.xsd');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toContain('<imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>');
    for (const href of hrefs(xml)) expect(zips.scorm2004[href], href).toBeDefined();
  });

  it("cmi5: cmi5.xml is valid against the AICC's CourseStructure.xsd", async () => {
    const xml = textOf(zips.cmi5, 'cmi5.xml');
    const result = await validateAgainst(xml, 'cmi5', 'CourseStructure.xsd');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('masteryScore="0.75"');
    expect(xml).toContain('<url>index.html</url>');
  });

  it('a broken manifest fails validation (the check is real)', async () => {
    const xml = textOf(zips.scorm2004, 'imsmanifest.xml').replace(
      'adlcp:scormType="sco"',
      'adlcp:scormType="lesson"',
    );
    expect((await validateAgainst(xml, 'scorm2004', 'driver.xsd')).valid).toBe(false);
  });
});

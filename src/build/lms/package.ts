import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { LMS_STANDARDS, LmsStandard, PACKAGE_CONFIG_FILE } from '../../lms/package-config.ts';
import type { PackageConfig } from '../../lms/package-config.ts';
import { cmi5CourseStructure, scorm12Manifest, scorm2004Manifest } from './manifests.ts';
import type { ManifestInput } from './manifests.ts';
import type { LmsBuildOptions } from './options.ts';

/** Zip names, one per standard. */
export const PACKAGE_FILES: Readonly<Record<LmsStandard, string>> = {
  [LmsStandard.scorm12]: 'service-dojo-scorm12.zip',
  [LmsStandard.scorm2004]: 'service-dojo-scorm2004.zip',
  [LmsStandard.cmi5]: 'service-dojo-cmi5.zip',
};

/** The manifest each standard wants at the zip's root. */
const MANIFESTS: Readonly<
  Record<LmsStandard, { file: string; write: (input: ManifestInput) => string }>
> = {
  [LmsStandard.scorm12]: { file: 'imsmanifest.xml', write: scorm12Manifest },
  [LmsStandard.scorm2004]: { file: 'imsmanifest.xml', write: scorm2004Manifest },
  [LmsStandard.cmi5]: { file: 'cmi5.xml', write: cmi5CourseStructure },
};

/** Already compressed: stored as they are, which zips faster and no bigger. */
const STORED = /\.(?:png|jpe?g|webp|ogg|opus|mp3|m4a|woff2?|zip)$/i;

function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      return statSync(full).isDirectory() ? listFiles(full, relative) : [relative];
    });
}

/** The package's `lms.json`: what the game reads on launch. */
export function packageConfig(options: LmsBuildOptions, standard: LmsStandard): PackageConfig {
  return {
    standard,
    id: options.id,
    activityId: options.activityId,
    title: options.title,
    scenarios: [...options.scenarios],
    masteryScore: options.masteryScore,
    timers: options.timers,
    ...(options.xapi ? { xapi: options.xapi } : {}),
  };
}

/**
 * Zips a built LMS web folder once per standard, each with its manifest and `lms.json`, into
 * `options.outDir`. Returns the zips' paths.
 */
export function writePackages(webDir: string, options: LmsBuildOptions): string[] {
  // Vite's own bookkeeping (.vite/manifest.json) is not part of the game.
  const webFiles = listFiles(webDir).filter((file) => !file.startsWith('.vite/'));
  const contents = new Map(webFiles.map((file) => [file, readFileSync(path.join(webDir, file))]));
  mkdirSync(options.outDir, { recursive: true });
  return LMS_STANDARDS.map((standard) => {
    const manifest = MANIFESTS[standard];
    const files = [...webFiles, PACKAGE_CONFIG_FILE];
    const zip: Zippable = {};
    for (const [file, data] of contents)
      zip[file] = [new Uint8Array(data), { level: STORED.test(file) ? 0 : 6 }];
    zip[PACKAGE_CONFIG_FILE] = new TextEncoder().encode(
      `${JSON.stringify(packageConfig(options, standard), null, 2)}\n`,
    );
    zip[manifest.file] = new TextEncoder().encode(manifest.write({ options, files }));
    const target = path.join(options.outDir, PACKAGE_FILES[standard]);
    // A fixed date keeps the zips identical from one build of the same files to the next.
    writeFileSync(target, zipSync(zip, { mtime: new Date('2024-01-01T00:00:00Z') }));
    return target;
  });
}

import { PACKAGE_CONFIG_FILE, packageConfigSchema } from './package-config.ts';
import type { PackageConfig } from './package-config.ts';

/**
 * The package's `lms.json`, next to the page; null when there is none (the LMS build opened
 * outside a package) or it is not valid, so the game still plays, unrecorded.
 */
export async function loadPackageConfig(
  base: string = document.baseURI,
): Promise<PackageConfig | null> {
  try {
    const response = await fetch(new URL(PACKAGE_CONFIG_FILE, base), { cache: 'no-store' });
    if (!response.ok) return null;
    const parsed = packageConfigSchema.safeParse(await response.json());
    if (!parsed.success) console.warn(`${PACKAGE_CONFIG_FILE}: ${parsed.error.message}`);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

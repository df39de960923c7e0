import { browserStorage } from './safe-storage.ts';
import type { KeyValueStore } from './safe-storage.ts';
import { defaultSettings, parseSettings } from './settings.ts';
import type { Settings } from './settings.ts';

/** Where the settings live in localStorage. */
export const SETTINGS_KEY = 'service-dojo.settings';
/** Where the game kept the locale before the settings store; read once so nobody loses it. */
export const LEGACY_LOCALE_KEY = 'service-dojo.locale';

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** Where settings come from: the browser's by default, fakes in tests. */
export interface SettingsEnvironment {
  readonly storage?: KeyValueStore;
  readonly prefersReducedMotion?: boolean;
}

/** The system's reduced-motion preference (false outside a browser). */
export function systemPrefersReducedMotion(): boolean {
  try {
    return typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION_QUERY).matches;
  } catch {
    return false;
  }
}

function storedJson(storage: KeyValueStore): unknown {
  const text = storage.get(SETTINGS_KEY);
  if (text === null) return { locale: storage.get(LEGACY_LOCALE_KEY) };
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The saved settings, with defaults for anything missing or malformed. Never throws: without
 * storage it returns the defaults.
 */
export function loadSettings(environment: SettingsEnvironment = {}): Settings {
  const storage = environment.storage ?? browserStorage();
  const defaults = defaultSettings({
    prefersReducedMotion: environment.prefersReducedMotion ?? systemPrefersReducedMotion(),
  });
  return parseSettings(storedJson(storage), defaults);
}

/**
 * Saves the settings. Never throws; false when the browser refused (the settings still apply for
 * this visit if the caller keeps them).
 */
export function saveSettings(settings: Settings, environment: SettingsEnvironment = {}): boolean {
  const storage = environment.storage ?? browserStorage();
  return storage.set(SETTINGS_KEY, JSON.stringify(settings));
}

/** Loads, changes and saves in one step; returns the settings now in force. */
export function updateSettings(
  change: Partial<Settings>,
  environment: SettingsEnvironment = {},
): Settings {
  const current = loadSettings(environment);
  // Parsed again so a careless change (a volume of 2) is clamped like stored data.
  const next = parseSettings({ ...current, ...change }, current);
  saveSettings(next, environment);
  return next;
}

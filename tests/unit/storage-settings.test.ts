import { describe, expect, it } from 'vitest';
import {
  LEGACY_LOCALE_KEY,
  SETTINGS_KEY,
  defaultSettings,
  loadSettings,
  safeStorage,
  saveSettings,
  updateSettings,
} from '../../src/storage/index.ts';
import type { Settings, StorageLike } from '../../src/storage/index.ts';

/** An in-memory Web Storage. */
function fakeStorage(initial: Readonly<Record<string, string>> = {}) {
  const items = new Map(Object.entries(initial));
  const storage: StorageLike = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
  return { items, storage: safeStorage(() => storage) };
}

/** A browser that refuses storage at every step, as private modes and strict policies do. */
const refusing = safeStorage(() => ({
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
}));
const inaccessible = safeStorage(() => {
  throw new DOMException('denied', 'SecurityError');
});

const DEFAULTS = defaultSettings({ prefersReducedMotion: false });

const changed: Settings = {
  locale: 'zh-Hant',
  volumes: { voice: 0.5, effects: 0, ambience: 1 },
  muted: true,
  textSpeed: 'instant',
  timers: false,
  highContrast: true,
  reducedMotion: true,
};

describe('settings', () => {
  it('are the defaults on a first visit, reduced motion following the system', () => {
    const { storage } = fakeStorage();
    expect(loadSettings({ storage, prefersReducedMotion: false })).toEqual(DEFAULTS);
    expect(loadSettings({ storage, prefersReducedMotion: true }).reducedMotion).toBe(true);
    expect(DEFAULTS).toMatchObject({
      locale: 'en',
      muted: false,
      textSpeed: 'normal',
      timers: true,
    });
  });

  it('come back as saved', () => {
    const { storage, items } = fakeStorage();
    expect(saveSettings(changed, { storage })).toBe(true);
    expect(items.has(SETTINGS_KEY)).toBe(true);
    expect(loadSettings({ storage, prefersReducedMotion: false })).toEqual(changed);
  });

  it('keep a saved choice over the system preference', () => {
    const { storage } = fakeStorage();
    saveSettings({ ...DEFAULTS, reducedMotion: false }, { storage });
    expect(loadSettings({ storage, prefersReducedMotion: true }).reducedMotion).toBe(false);
  });

  it('keep every valid field of malformed data and default the rest', () => {
    const stored = {
      locale: 'fr',
      volumes: { voice: 0.3, effects: 7, ambience: 'loud' },
      muted: 'yes',
      textSpeed: 'fast',
      timers: false,
      highContrast: null,
      extra: { anything: true },
    };
    const { storage } = fakeStorage({ [SETTINGS_KEY]: JSON.stringify(stored) });
    expect(loadSettings({ storage, prefersReducedMotion: true })).toEqual({
      locale: 'en',
      volumes: { voice: 0.3, effects: 1, ambience: DEFAULTS.volumes.ambience },
      muted: false,
      textSpeed: 'fast',
      timers: false,
      highContrast: false,
      reducedMotion: true,
    });
  });

  it.each(['not json', 'null', '[1,2]', '42', '"en"'])('ignore stored %s', (text) => {
    const { storage } = fakeStorage({ [SETTINGS_KEY]: text });
    expect(loadSettings({ storage, prefersReducedMotion: false })).toEqual(DEFAULTS);
  });

  it('clamp volumes below zero and refuse non-finite ones', () => {
    const text = JSON.stringify({ volumes: { voice: -1, effects: null, ambience: 0.25 } });
    const { storage } = fakeStorage({ [SETTINGS_KEY]: text });
    expect(loadSettings({ storage, prefersReducedMotion: false }).volumes).toEqual({
      voice: 0,
      effects: DEFAULTS.volumes.effects,
      ambience: 0.25,
    });
  });

  it('pick up the locale saved before the settings store existed', () => {
    const { storage } = fakeStorage({ [LEGACY_LOCALE_KEY]: 'zh-Hans' });
    expect(loadSettings({ storage, prefersReducedMotion: false }).locale).toBe('zh-Hans');
    saveSettings({ ...DEFAULTS, locale: 'zh-Hant' }, { storage });
    expect(loadSettings({ storage, prefersReducedMotion: false }).locale).toBe('zh-Hant');
  });

  it('never throw when the browser refuses storage', () => {
    for (const storage of [refusing, inaccessible]) {
      expect(loadSettings({ storage, prefersReducedMotion: false })).toEqual(DEFAULTS);
      expect(saveSettings(changed, { storage })).toBe(false);
      expect(updateSettings({ muted: true }, { storage, prefersReducedMotion: false }).muted).toBe(
        true,
      );
    }
  });

  it('work outside a browser: no window means defaults and nothing saved', () => {
    expect(loadSettings({ prefersReducedMotion: false })).toEqual(DEFAULTS);
    expect(saveSettings(changed)).toBe(false);
  });

  it('update one field, keep the others, and clamp careless values', () => {
    const { storage } = fakeStorage();
    saveSettings(changed, { storage });
    const next = updateSettings(
      { textSpeed: 'slow', volumes: { voice: 2, effects: 0.5, ambience: 0.5 } },
      { storage, prefersReducedMotion: false },
    );
    expect(next).toEqual({
      ...changed,
      textSpeed: 'slow',
      volumes: { voice: 1, effects: 0.5, ambience: 0.5 },
    });
    expect(loadSettings({ storage, prefersReducedMotion: false })).toEqual(next);
  });
});

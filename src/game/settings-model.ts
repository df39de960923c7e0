import { LOCALE_IDS } from '../engine/index.ts';
import { TEXT_SPEEDS, VOLUME_CHANNELS } from '../storage/index.ts';
import type { Settings, VolumeChannel } from '../storage/index.ts';

/** The rows of the Settings screen, in order. */
export const SettingRow = {
  locale: 'locale',
  voice: 'voice',
  effects: 'effects',
  ambience: 'ambience',
  muted: 'muted',
  textSpeed: 'textSpeed',
  timers: 'timers',
  highContrast: 'highContrast',
  reducedMotion: 'reducedMotion',
} as const;
export type SettingRow = (typeof SettingRow)[keyof typeof SettingRow];
export const SETTING_ROWS: readonly SettingRow[] = Object.values(SettingRow);

const VOLUME_STEP = 0.1;

function cycle<T>(values: readonly T[], current: T, direction: 1 | -1): T {
  const index = values.indexOf(current);
  return values[(index + direction + values.length) % values.length] ?? current;
}

const isVolume = (row: SettingRow): row is VolumeChannel =>
  (VOLUME_CHANNELS as readonly string[]).includes(row);

/**
 * The change one press makes to a row: left/right (−1/+1) steps a volume by 10% (clamped) and
 * cycles a choice; a switch flips either way.
 */
export function changeSetting(
  settings: Settings,
  row: SettingRow,
  direction: 1 | -1,
): Partial<Settings> {
  if (isVolume(row)) {
    const volume =
      Math.round(Math.min(1, Math.max(0, settings.volumes[row] + direction * VOLUME_STEP)) * 10) /
      10;
    return { volumes: { ...settings.volumes, [row]: volume } };
  }
  switch (row) {
    case SettingRow.locale:
      return { locale: cycle(LOCALE_IDS, settings.locale, direction) };
    case SettingRow.textSpeed:
      return { textSpeed: cycle(TEXT_SPEEDS, settings.textSpeed, direction) };
    case SettingRow.muted:
    case SettingRow.timers:
    case SettingRow.highContrast:
    case SettingRow.reducedMotion:
      return { [row]: !settings[row] };
  }
}

/** What a row shows: a percentage, on/off, or the key of a choice for the UI to translate. */
export function settingValue(
  settings: Settings,
  row: SettingRow,
):
  | { kind: 'percent'; value: number }
  | { kind: 'switch'; on: boolean }
  | { kind: 'choice'; key: string } {
  if (isVolume(row)) return { kind: 'percent', value: Math.round(settings.volumes[row] * 100) };
  switch (row) {
    case SettingRow.locale:
      return { kind: 'choice', key: `languages.${settings.locale}` };
    case SettingRow.textSpeed:
      return { kind: 'choice', key: `settings.speeds.${settings.textSpeed}` };
    case SettingRow.muted:
    case SettingRow.timers:
    case SettingRow.highContrast:
    case SettingRow.reducedMotion:
      return { kind: 'switch', on: settings[row] };
  }
}

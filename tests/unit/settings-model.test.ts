import { describe, expect, it } from 'vitest';
import { changeSetting, settingValue, SETTING_ROWS } from '../../src/game/settings-model.ts';
import { defaultSettings } from '../../src/storage/settings.ts';

const base = defaultSettings({ prefersReducedMotion: false });

describe('the settings screen model', () => {
  it('steps volumes by 10% and clamps them', () => {
    expect(changeSetting(base, 'effects', 1)).toEqual({
      volumes: { ...base.volumes, effects: 0.9 },
    });
    expect(changeSetting(base, 'voice', 1)).toEqual({ volumes: { ...base.volumes, voice: 1 } });
    expect(
      changeSetting({ ...base, volumes: { ...base.volumes, ambience: 0 } }, 'ambience', -1),
    ).toEqual({ volumes: { ...base.volumes, ambience: 0 } });
  });

  it('cycles choices both ways and flips switches', () => {
    expect(changeSetting(base, 'locale', 1)).toEqual({ locale: 'zh-Hans' });
    expect(changeSetting(base, 'locale', -1)).toEqual({ locale: 'zh-Hant' });
    expect(changeSetting(base, 'textSpeed', 1)).toEqual({ textSpeed: 'fast' });
    expect(changeSetting(base, 'timers', 1)).toEqual({ timers: false });
    expect(changeSetting(base, 'highContrast', -1)).toEqual({ highContrast: true });
  });

  it('describes every row', () => {
    expect(SETTING_ROWS.map((row) => settingValue(base, row).kind)).toEqual([
      'choice',
      'percent',
      'percent',
      'percent',
      'switch',
      'choice',
      'switch',
      'switch',
      'switch',
    ]);
    expect(settingValue(base, 'voice')).toEqual({ kind: 'percent', value: 100 });
    expect(settingValue(base, 'textSpeed')).toEqual({
      kind: 'choice',
      key: 'settings.speeds.normal',
    });
  });
});

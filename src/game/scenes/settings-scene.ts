import Phaser from 'phaser';
import { Sound, audio } from '../../audio/index.ts';
import { loadSettings, updateSettings } from '../../storage/index.ts';
import type { Settings } from '../../storage/index.ts';
import { applySettings } from '../apply-settings.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { callFontReady, titleFontReady } from '../fonts.ts';
import { currentLocale, i18n, t } from '../i18n/index.ts';
import { onKey } from '../keyboard.ts';
import { RegistryKey, SceneKey } from '../keys.ts';
import { SETTING_ROWS, SettingRow, changeSetting, settingValue } from '../settings-model.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';

const TOP = 120;
const ROW_HEIGHT = 52;

/**
 * Settings, all saved at once and applied at once: language, the three volumes and mute, text
 * speed, answer timers, high contrast and reduced motion. Keyboard (arrows, Enter), mouse or touch.
 */
export class SettingsScene extends Phaser.Scene {
  private selected = 0;

  constructor() {
    super(SceneKey.settings);
  }

  create(data: { selected?: number } = {}): void {
    this.selected = data.selected ?? 0;
    const settings = loadSettings();
    // Inside an LMS course the package decides the answer timers (its scores depend on them).
    const packaged = this.registry.get(RegistryKey.lmsPackage) === true;
    const rows = packaged ? SETTING_ROWS.filter((row) => row !== SettingRow.timers) : SETTING_ROWS;
    const font = fontFor(currentLocale());
    const style = { fontFamily: font, color: Colour.text };
    this.cameras.main.setBackgroundColor(Colour.background);
    this.add
      .text(GAME_WIDTH / 2, 40, t('settings.title'), {
        ...style,
        fontSize: '32px',
        color: Colour.accentCss,
      })
      .setOrigin(0.5, 0);

    rows.forEach((row, index) => {
      const y = TOP + index * ROW_HEIGHT;
      const chosen = index === this.selected;
      const box = this.add
        .rectangle(240, y, 800, ROW_HEIGHT - 8, chosen ? Colour.panelLight : Colour.panel)
        .setOrigin(0, 0);
      if (chosen) box.setStrokeStyle(3, Colour.accent);
      this.add
        .text(264, y + 22, t(`settings.rows.${row}`), { ...style, fontSize: '20px' })
        .setOrigin(0, 0.5);
      this.add
        .text(800, y + 22, this.describe(settings, row), {
          ...style,
          fontSize: '20px',
          color: Colour.accentCss,
        })
        .setOrigin(0.5);
      const less = this.add.text(680, y + 22, '◀', { ...style, fontSize: '20px' }).setOrigin(0.5);
      const more = this.add.text(920, y + 22, '▶', { ...style, fontSize: '20px' }).setOrigin(0.5);
      less.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
        this.change(row, -1, index);
      });
      more.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
        this.change(row, 1, index);
      });
      box.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
        this.change(row, 1, index);
      });
    });
    this.add
      .text(GAME_WIDTH / 2, 700, t('settings.hint'), {
        ...style,
        fontSize: '16px',
        color: Colour.muted,
      })
      .setOrigin(0.5, 1);

    const mirror = mirrorOf(this);
    mirror.setScreen(t('settings.title'), SceneKey.settings);
    mirror.setStatus(
      rows
        .map((row) => `${t(`settings.rows.${row}`)}: ${this.describe(settings, row)}`)
        .join(' · '),
    );
    mirror.announce('');
    mirror.setActions(t('settings.title'), [
      ...rows.map((row, index) => ({
        label: `${t(`settings.rows.${row}`)}: ${this.describe(settings, row)}`,
        onPick: () => {
          this.change(row, 1, index);
        },
        data: { setting: row },
      })),
      {
        label: t('settings.hint').split(' · ').at(-1) ?? '',
        onPick: () => {
          this.back();
        },
      },
    ]);

    onKey(this, (event) => {
      const row = rows[this.selected];
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.scene.restart({
          selected: (this.selected + step + rows.length) % rows.length,
        });
      } else if (
        row &&
        (event.key === 'ArrowRight' || event.key === 'Enter' || event.key === ' ')
      ) {
        this.change(row, 1, this.selected);
      } else if (row && event.key === 'ArrowLeft') {
        this.change(row, -1, this.selected);
      } else if (event.key === 'Escape') {
        this.back();
      }
    });
  }

  private describe(settings: Settings, row: SettingRow): string {
    const value = settingValue(settings, row);
    if (value.kind === 'percent') return `${value.value}%`;
    if (value.kind === 'switch') return t(value.on ? 'settings.on' : 'settings.off');
    return t(value.key);
  }

  /** Saves and applies one change, then redraws (in the new language, once its font is in). */
  private change(row: SettingRow, direction: 1 | -1, index: number): void {
    const before = loadSettings();
    const settings = updateSettings(changeSetting(before, row, direction));
    applySettings(this.registry, settings);
    audio.play(Sound.click);
    if (settings.locale !== before.locale) {
      void i18n.changeLanguage(settings.locale);
      void titleFontReady(settings.locale).then(() => {
        void callFontReady(settings.locale);
        this.scene.restart({ selected: index });
      });
      return;
    }
    this.scene.restart({ selected: index });
  }

  private back(): void {
    this.scene.start(SceneKey.title);
  }
}

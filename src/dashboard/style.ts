import { currentLocale } from '../game/i18n/index.ts';
import { Colour, fontFor } from '../game/theme.ts';

const hex = (value: number) => `#${value.toString(16).padStart(6, '0')}`;

/** The trainer pages' look: the game's dark palette, large type, visible focus. */
export function installStyle(): void {
  const style = document.createElement('style');
  style.textContent = `
:root { color-scheme: dark; --bg: ${hex(Colour.background)}; --panel: ${hex(Colour.panel)};
  --panel2: ${hex(Colour.panelLight)}; --accent: ${Colour.accentCss}; --good: ${hex(Colour.good)};
  --bad: ${hex(Colour.bad)}; --text: ${Colour.text}; --muted: ${Colour.muted}; --dark: ${Colour.dark}; }
html, body { height: auto; min-height: 100%; background: var(--bg); }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--text); font: 17px/1.5 ${fontFor(currentLocale())}; }
* { box-sizing: border-box; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.page { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
.topbar { display: flex; align-items: center; justify-content: space-between; gap: 16px; margin-bottom: 18px; }
.topbar h1 { margin: 0; font-size: 26px; } .topbar h1 span { color: var(--accent); }
.actions { display: flex; gap: 10px; flex-wrap: wrap; align-items: center; }
.card { background: var(--panel); border-radius: 14px; padding: 20px 22px; box-shadow: 0 10px 30px rgb(0 0 0 / 35%); }
.card h2 { margin: 0 0 12px; font-size: 21px; }
.card h3 { margin: 18px 0 8px; font-size: 18px; }
.layout { display: grid; grid-template-columns: 380px minmax(0, 1fr); gap: 22px; align-items: start; }
/* A grid item is as wide as its widest line by default: here it wraps inside its column instead. */
.layout > * { min-width: 0; }
@media (max-width: 980px) { .layout { grid-template-columns: 1fr; } }
.stack { display: grid; gap: 22px; }
.narrow { max-width: 520px; margin: 10vh auto; }
.field { display: grid; gap: 4px; font-weight: 600; margin-bottom: 12px; }
.field input, select, .field select { font: inherit; font-weight: 400; padding: 8px 10px; border-radius: 8px;
  border: 2px solid var(--panel2); background: var(--bg); color: var(--text); }
.checks { display: grid; gap: 4px; max-height: 320px; overflow: auto; padding: 8px; border-radius: 8px;
  background: var(--bg); margin: 4px 0 12px; }
.checks label { display: flex; gap: 8px; align-items: baseline; font-weight: 400; }
.inline { display: flex; gap: 8px; align-items: center; font-weight: 600; margin-bottom: 12px; }
fieldset { border: 0; padding: 0; margin: 0 0 12px; }
legend { font-weight: 600; margin-bottom: 6px; }
.tabs { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-bottom: 12px; }
.button { font: inherit; font-weight: 600; padding: 9px 16px; border-radius: 8px; cursor: pointer;
  border: 2px solid var(--panel2); background: var(--panel2); color: var(--text); text-decoration: none; display: inline-block; }
.button.primary { background: var(--accent); border-color: var(--accent); color: var(--dark); }
.button.danger { border-color: var(--bad); background: transparent; }
.button:disabled { opacity: 0.5; cursor: default; }
.error { background: var(--bad); color: #fff; border-radius: 8px; padding: 8px 12px; }
.error:empty, .status:empty { display: none; }
.status { color: var(--muted); }
.muted { color: var(--muted); }
.drills { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.drills button { width: 100%; text-align: left; display: grid; gap: 2px;
  font: inherit; padding: 10px 12px; border-radius: 8px; cursor: pointer; border: 2px solid transparent;
  background: var(--bg); color: var(--text); }
.drills button[aria-current="true"] { border-color: var(--accent); }
.drills .meta { color: var(--muted); font-size: 15px; }
.drills .code { font-family: ui-monospace, monospace; letter-spacing: 0.12em; color: var(--accent); }
.join { display: grid; grid-template-columns: 1fr auto; gap: 20px; align-items: center; }
.join-code { font: 700 clamp(48px, 7vw, 96px)/1 ui-monospace, SFMono-Regular, Menlo, monospace;
  letter-spacing: 0.16em; color: var(--accent); margin: 6px 0; }
.qr { background: #fff; border-radius: 12px; padding: 10px; width: 220px; height: 220px; }
.actions { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 14px; }
.drill-board { width: 100%; border-collapse: collapse; }
.drill-board caption { text-align: left; font-weight: 700; font-size: 20px; padding-bottom: 8px; }
.drill-board th, .drill-board td { padding: 8px 10px; text-align: left; border-bottom: 1px solid var(--panel2); }
.drill-board thead th { color: var(--muted); font-size: 15px; }
.drill-board tbody th { font-weight: 600; }
.drill-board .rank, .drill-board .total, .drill-board .completed { text-align: right; font-variant-numeric: tabular-nums; }
.drill-board .remove { text-align: right; width: 1%; white-space: nowrap; }
.button.small { padding: 4px 10px; font-size: 14px; min-height: 32px; }
.drill-board tbody tr:first-child .rank, .drill-board tbody tr:first-child .name { color: var(--accent); }
.live { font-size: 14px; color: var(--muted); margin: 6px 0 0; }
.chart text { fill: var(--text); font-size: 14px; }
.chart .value { fill: var(--text); font-variant-numeric: tabular-nums; }
.chart .na { fill: var(--muted); font-style: italic; }
.hardest { margin: 0; padding-left: 22px; display: grid; gap: 8px; }
.hardest .line { display: block; }
.hardest .meta { color: var(--muted); font-size: 15px; }
/* Projector: readable from the back of a room. */
.projector { min-height: 100vh; padding: 3vh 4vw; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr);
  gap: 4vw; align-items: start; }
.projector h1 { font-size: clamp(32px, 4vw, 64px); margin: 0 0 2vh; color: var(--accent); }
.projector .join-label { font-size: clamp(20px, 2vw, 34px); margin: 0; color: var(--muted); }
.projector .join-url { font-size: clamp(22px, 2.2vw, 38px); margin: 0 0 1vh; overflow-wrap: anywhere; }
.projector .join-code { font-size: clamp(64px, 9vw, 160px); }
.projector .qr { width: min(34vw, 46vh); height: min(34vw, 46vh); }
.projector .drill-board { font-size: clamp(22px, 2.4vw, 44px); }
.projector .drill-board caption { font-size: clamp(26px, 2.8vw, 50px); }
.projector .drill-board thead th { font-size: clamp(16px, 1.5vw, 28px); }
.projector .live { font-size: clamp(16px, 1.4vw, 24px); }
`;
  document.head.append(style);
}

import { ANSWER_ORDERS, AnswerOrder } from '../engine/index.ts';
import { localized } from '../drill-client/index.ts';
import type { CatalogueResponse, CreateDrillRequest, DrillInfo } from '../protocol/index.ts';
import { currentLocale, t } from '../game/i18n/index.ts';
import { el, field, messageLine } from './dom.ts';
import { api, failureText } from './session.ts';

const Source = { file: 'file', list: 'list' } as const;
type Source = (typeof Source)[keyof typeof Source];

/**
 * "New drill": from a drill file of the catalogue, or a checklist of scenarios (ticked in the
 * order they are to be played) with timers and attempts. Calls `created` with the new drill.
 */
export function createDrillView(
  token: string,
  catalogue: CatalogueResponse,
  created: (drill: DrillInfo, joinUrl: string) => void,
): HTMLElement {
  const locale = currentLocale();
  const card = el('section', '', 'card');
  card.setAttribute('aria-labelledby', 'new-drill');
  const heading = el('h2', t('trainer.create.title'));
  heading.id = 'new-drill';
  const form = el('form');

  const tabs = el('fieldset', '', 'tabs');
  const radios = new Map<Source, HTMLInputElement>();
  for (const [source, text] of [
    [Source.file, t('trainer.create.fromFile')],
    [Source.list, t('trainer.create.fromList')],
  ] as const) {
    const label = el('label', '', 'inline');
    const radio = el('input');
    radio.type = 'radio';
    radio.name = 'source';
    radio.value = source;
    radio.checked = source === (catalogue.drills.length > 0 ? Source.file : Source.list);
    radio.addEventListener('change', show);
    radios.set(source, radio);
    label.append(radio, text);
    tabs.append(label);
  }

  const fromFile = el('div');
  const fileLabel = el('label', t('trainer.create.drillFile'), 'field');
  const select = el('select');
  select.name = 'drillId';
  for (const drill of catalogue.drills) {
    const option = el(
      'option',
      `${localized(drill.title, locale)} · ${t('trainer.create.calls', { count: drill.scenarios.length })}`,
    );
    option.value = drill.id;
    select.append(option);
  }
  fileLabel.append(select);
  fromFile.append(fileLabel);

  const fromList = el('div');
  const title = field(t('trainer.create.drillTitle'), { name: 'title' });
  title.input.maxLength = 100;
  const checkSet = el('fieldset');
  const checks = el('div', '', 'checks');
  checkSet.append(el('legend', t('trainer.create.scenarios')), checks);
  const boxes = catalogue.scenarios.map((scenario) => {
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.name = 'scenario';
    box.value = scenario.id;
    label.append(box, localized(scenario.title, locale));
    checks.append(label);
    return box;
  });
  // Scenarios play in the order they were ticked: the trainer builds the sequence by clicking.
  const ticked: string[] = [];
  for (const box of boxes) {
    box.addEventListener('change', () => {
      const at = ticked.indexOf(box.value);
      if (box.checked && at < 0) ticked.push(box.value);
      if (!box.checked && at >= 0) ticked.splice(at, 1);
    });
  }
  const timersLabel = el('label', '', 'inline');
  const timers = el('input');
  timers.type = 'checkbox';
  timers.name = 'timers';
  timers.checked = true;
  timersLabel.append(timers, t('trainer.create.timers'));
  const attempts = field(t('trainer.create.attempts'), {
    name: 'attempts',
    type: 'number',
    value: '1',
  });
  attempts.input.min = '1';
  attempts.input.max = '10';
  // The answers are always shuffled; the trainer chooses whether the team shares one order.
  const orderLabel = el('label', t('trainer.create.answerOrder'));
  const order = el('select');
  order.name = 'answerOrder';
  for (const value of ANSWER_ORDERS) {
    const option = el('option', t(`trainer.create.answerOrders.${value}`));
    option.value = value;
    order.append(option);
  }
  order.value = AnswerOrder.player;
  orderLabel.append(order);
  fromList.append(title.label, checkSet, timersLabel, attempts.label, orderLabel);

  const error = messageLine('alert');
  const submit = el('button', t('trainer.create.submit'), 'button primary');
  submit.type = 'submit';
  form.append(tabs, fromFile, fromList, error, submit);
  card.append(heading, form);

  function source(): Source {
    return radios.get(Source.file)?.checked ? Source.file : Source.list;
  }
  function show(): void {
    fromFile.hidden = source() !== Source.file;
    fromList.hidden = source() !== Source.list;
  }
  show();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    let request: CreateDrillRequest;
    if (source() === Source.file) {
      request = { drillId: select.value };
    } else {
      if (ticked.length === 0) {
        error.textContent = t('trainer.create.pickOne');
        return;
      }
      request = {
        title: title.input.value.trim() || t('trainer.create.title'),
        scenarioIds: [...ticked],
        timers: timers.checked,
        attempts: Math.max(1, Math.min(10, Math.round(Number(attempts.input.value) || 1))),
        answerOrder: order.value === AnswerOrder.team ? AnswerOrder.team : AnswerOrder.player,
      };
    }
    submit.disabled = true;
    void api.createDrill(token, request).then((answer) => {
      submit.disabled = false;
      if (!answer.ok) {
        error.textContent = failureText(answer);
        return;
      }
      form.reset();
      ticked.length = 0;
      show();
      created(answer.value.drill, answer.value.joinUrl);
    });
  });
  return card;
}

import { readJoinLink, withoutToken } from '../../drill-client/index.ts';
import {
  JOIN_CODE_LENGTH,
  JOIN_QUERY,
  NAME_MAX_LENGTH,
  displayNameProblem,
  joinCodeSchema,
} from '../../protocol/index.ts';
import { t } from '../i18n/index.ts';
import { currentDrill, joinDrill, rejoinDrill, tokens } from './drill-session.ts';
import type { DrillPlay } from './drill-session.ts';
import { failureText } from './labels.ts';
import { button, el, mountOverlay } from './overlay.ts';

export interface JoinViewHandlers {
  readonly joined: (play: DrillPlay) => void;
  readonly back: () => void;
}

/**
 * The join screen: rejoins at once with a token (from a rejoin link's fragment, or kept for the
 * code in `?join=`), else asks for the code and a display name, checked with the protocol's own
 * rules before the server sees them. Returns the function that removes it.
 */
export function showJoinView(handlers: JoinViewHandlers): () => void {
  const overlay = mountOverlay(t('drill.join.title'));
  const { panel } = overlay;
  const link = readJoinLink(location.href);
  // The token has done its job once read: it should not stay in the address bar or history.
  if (link.token) history.replaceState(history.state, '', withoutToken(location.href));

  panel.append(el('h1', t('drill.join.title')), el('p', t('drill.join.intro'), 'drill-muted'));
  const form = el('form', '', 'drill-form');
  form.noValidate = true;
  const code = input('code', t('drill.join.code'), link.raw ?? currentDrill()?.code ?? '');
  code.input.maxLength = JOIN_CODE_LENGTH + 4;
  code.input.autocapitalize = 'characters';
  code.input.spellcheck = false;
  const name = input('name', t('drill.join.name'), '');
  name.input.maxLength = NAME_MAX_LENGTH;
  name.input.setAttribute('autocomplete', 'nickname');
  const error = el('p', '', 'drill-error');
  error.setAttribute('role', 'alert');
  const status = el('p', '', 'drill-muted');
  status.setAttribute('role', 'status');
  const submit = el('button', t('drill.join.submit'), 'drill-button primary');
  submit.type = 'submit';
  const actions = el('div', '', 'drill-actions');
  actions.append(submit, button(t('drill.join.back'), handlers.back));
  form.append(code.label, name.label, error, status, actions);
  panel.append(form);

  let busy = false;
  const setBusy = (text: string) => {
    busy = text !== '';
    status.textContent = text;
    submit.disabled = busy;
  };
  const done = (play: DrillPlay) => {
    // A reload of this address rejoins with the kept token.
    const url = new URL(location.href);
    url.searchParams.set(JOIN_QUERY, play.code);
    history.replaceState(history.state, '', url.toString());
    handlers.joined(play);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    error.textContent = '';
    const parsedCode = joinCodeSchema.safeParse(code.input.value);
    if (!parsedCode.success) {
      error.textContent = t('drill.join.invalidCode');
      code.input.focus();
      return;
    }
    const chosenName = name.input.value.trim();
    const problem = displayNameProblem(chosenName);
    if (problem !== null) {
      error.textContent = t(`drill.join.nameRules.${problem.rule}`, { detail: problem.detail });
      name.input.focus();
      return;
    }
    setBusy(t('drill.join.joining'));
    void joinDrill(parsedCode.data, chosenName).then((outcome) => {
      setBusy('');
      if (outcome.ok) done(outcome.play);
      else error.textContent = failureText(outcome.failure);
    });
  });

  const kept = link.code === null ? null : (link.token ?? tokens.get(link.code));
  const playing = currentDrill();
  if (link.code !== null && kept !== null) {
    setBusy(t('drill.join.rejoining'));
    void rejoinDrill(link.code, kept).then((outcome) => {
      setBusy('');
      if (outcome.ok) done(outcome.play);
      else {
        error.textContent = failureText(outcome.failure);
        name.input.focus();
      }
    });
  } else if (playing && (link.code === null || link.code === playing.code)) {
    queueMicrotask(() => {
      done(playing);
    });
  } else {
    (link.code === null ? code.input : name.input).focus();
  }
  return () => {
    overlay.remove();
  };
}

function input(name: string, text: string, value: string) {
  const label = el('label', text);
  const field = el('input');
  field.name = name;
  field.value = value;
  field.required = true;
  field.autocomplete = 'off';
  label.append(field);
  return { label, input: field };
}

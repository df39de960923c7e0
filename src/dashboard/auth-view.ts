import { PASSPHRASE_MIN_LENGTH } from '../protocol/index.ts';
import { t } from '../game/i18n/index.ts';
import { el, field, messageLine } from './dom.ts';
import { api, failureText, trainerToken } from './session.ts';

/**
 * First-run setup (the one-time code the server printed, and a new passphrase) or login, as the
 * server's status says. Calls `done` with the trainer token.
 */
export function authView(done: (token: string) => void): HTMLElement {
  const card = el('section', '', 'card narrow');
  const status = messageLine('status');
  card.append(status);
  status.textContent = '…';
  void api.trainerStatus().then((answer) => {
    status.textContent = '';
    if (!answer.ok) {
      const error = messageLine('alert');
      error.textContent = failureText(answer);
      card.append(error);
      return;
    }
    card.append(answer.value.passphraseSet ? loginForm(done) : setupForm(done));
    card.querySelector('input')?.focus();
  });
  return card;
}

function loginForm(done: (token: string) => void): HTMLFormElement {
  const form = el('form');
  const passphrase = field(t('trainer.login.passphrase'), {
    name: 'passphrase',
    type: 'password',
    autocomplete: 'current-password',
  });
  const error = messageLine('alert');
  const submit = el('button', t('trainer.login.submit'), 'button primary');
  submit.type = 'submit';
  form.append(el('h2', t('trainer.login.title')), passphrase.label, error, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    void api.trainerLogin(passphrase.input.value).then((answer) => {
      submit.disabled = false;
      if (!answer.ok) {
        error.textContent = failureText(answer);
        passphrase.input.select();
        return;
      }
      trainerToken.set(answer.value.trainerToken);
      done(answer.value.trainerToken);
    });
  });
  return form;
}

function setupForm(done: (token: string) => void): HTMLFormElement {
  const form = el('form');
  const code = field(t('trainer.setup.code'), { name: 'setupCode' });
  const passphrase = field(t('trainer.setup.passphrase'), {
    name: 'passphrase',
    type: 'password',
    autocomplete: 'new-password',
  });
  passphrase.input.minLength = PASSPHRASE_MIN_LENGTH;
  const error = messageLine('alert');
  const submit = el('button', t('trainer.setup.submit'), 'button primary');
  submit.type = 'submit';
  form.append(
    el('h2', t('trainer.setup.title')),
    el('p', t('trainer.setup.intro'), 'muted'),
    code.label,
    passphrase.label,
    error,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    void api.trainerSetup(code.input.value.trim(), passphrase.input.value).then((answer) => {
      submit.disabled = false;
      if (!answer.ok) {
        error.textContent = failureText(answer);
        return;
      }
      trainerToken.set(answer.value.trainerToken);
      done(answer.value.trainerToken);
    });
  });
  return form;
}

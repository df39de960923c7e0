import { PASSPHRASE_MIN_LENGTH } from '../protocol/index.ts';
import { t } from '../game/i18n/index.ts';
import { button, el, field, messageLine } from './dom.ts';
import { api, failureText, trainerToken } from './session.ts';

/**
 * Changing the trainer passphrase: the current one, then the new one. Every other device is
 * logged out; this one goes on with the session the server returns (given to `done`, or null
 * when cancelled). Removes itself when done.
 */
export function passphraseView(token: string, done: (token: string | null) => void): HTMLElement {
  const card = el('section', '', 'card narrow');
  card.dataset.passphrase = '';
  const form = el('form');
  const current = field(t('trainer.passphrase.current'), {
    name: 'current',
    type: 'password',
    autocomplete: 'current-password',
  });
  const next = field(t('trainer.passphrase.next'), {
    name: 'next',
    type: 'password',
    autocomplete: 'new-password',
  });
  next.input.minLength = PASSPHRASE_MIN_LENGTH;
  const message = messageLine('alert');
  const submit = el('button', t('trainer.passphrase.submit'), 'button primary');
  submit.type = 'submit';
  const cancel = button(t('trainer.passphrase.cancel'), () => {
    card.remove();
    done(null);
  });
  const buttons = el('div', '', 'actions');
  buttons.append(submit, cancel);
  form.append(
    el('h2', t('trainer.passphrase.title')),
    el('p', t('trainer.passphrase.intro'), 'muted'),
    current.label,
    next.label,
    message,
    buttons,
  );
  card.append(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    void api.changePassphrase(token, current.input.value, next.input.value).then((answer) => {
      submit.disabled = false;
      if (!answer.ok) {
        message.textContent = failureText(answer);
        return;
      }
      const fresh = answer.value.trainerToken;
      trainerToken.set(fresh);
      form.replaceChildren(el('p', t('trainer.passphrase.changed'), 'muted'));
      setTimeout(() => {
        card.remove();
        done(fresh);
      }, 2500);
    });
  });
  return card;
}

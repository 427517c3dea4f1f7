// The sign-in page: posts the form with the CSRF token from the service's cookie (a static page
// cannot carry it in the markup), then goes wherever the service sends it.
import { csrfHeader } from './api.js';
import { loadLanguage, currentLanguage, t } from './i18n.js';

const params = new URLSearchParams(window.location.search);
const message = document.getElementById('login-message');

function renderMessage() {
  message.classList.toggle('error', params.has('error'));
  if (params.has('error')) message.textContent = t('login.error');
  else if (params.has('signed-out')) message.textContent = t('login.signedOut');
  else message.textContent = '';
  document.title = `${t('login.title')} · lifecircle`;
}

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const response = await fetch('/login', {
    method: 'POST',
    headers: csrfHeader(),
    body: new URLSearchParams(new FormData(form)),
  });
  if (!response.ok) {
    message.textContent = t('login.unavailable', response.status);
    message.classList.add('error');
    return;
  }
  window.location.assign(response.url);
});

document.getElementById('lang').addEventListener('click', async () => {
  await loadLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
  renderMessage();
});

await loadLanguage(currentLanguage());
renderMessage();
document.body.dataset.ready = 'true';

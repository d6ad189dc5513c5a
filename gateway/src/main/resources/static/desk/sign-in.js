// The sign-in page: signs in, then goes back where the visitor was sent from or shows the
// desks of their roles; also the password change (which signs out every other session).
import { call, desks, el, explain, frame, notice, signIn, signOut, t, translate, words } from '/desk/desk.js';

words({
  'signIn.title': ['साइन इन करें', 'Sign in'],
  'signIn.hint': ['कार्यालय द्वारा दिए गए उपयोगकर्ता नाम और पासवर्ड से साइन इन करें। साझा कंप्यूटर पर काम के बाद साइन आउट करें।',
    'Sign in with the username and password the office gave you. On a shared PC, sign out when you are done.'],
  'signIn.username': ['उपयोगकर्ता नाम', 'Username'],
  'signIn.password': ['पासवर्ड', 'Password'],
  'signIn.submit': ['साइन इन', 'Sign in'],
  'signIn.welcome': ['नमस्ते,', 'Welcome,'],
  'signIn.roles': ['आपकी भूमिका:', 'Your role:'],
  'signIn.noDesk': ['आपकी भूमिका का डेस्क अभी उपलब्ध नहीं है; API का उपयोग करें (README देखें)।',
    'There is no desk page for your role yet; use the API (see the README).'],
  'password.title': ['पासवर्ड बदलें', 'Change your password'],
  'password.current': ['वर्तमान पासवर्ड', 'Current password'],
  'password.new': ['नया पासवर्ड', 'New password'],
  'password.hint': ['कम से कम 12 अक्षर।', 'At least 12 characters.'],
  'password.repeat': ['नया पासवर्ड दोबारा', 'New password again'],
  'password.submit': ['पासवर्ड बदलें', 'Change password'],
  'password.mismatch': ['दोनों नए पासवर्ड एक जैसे नहीं हैं।', 'The two new passwords differ.'],
  'password.changed': ['पासवर्ड बदल गया। कृपया नए पासवर्ड से फिर साइन इन करें।',
    'Password changed. Please sign in again with the new one.'],
  'password.required': ['यह पासवर्ड पहली बार के लिए बनाया गया था: काम शुरू करने से पहले अपना पासवर्ड चुनें।',
    'This password was made for the first sign-in: choose your own before you can work.'],
});

function showSignedIn(current) {
  el('sign-in').hidden = true;
  el('signed-in').hidden = false;
  el('signed-in-name').textContent = current.username;
  const list = el('desk-links');
  list.textContent = '';
  for (const desk of desks()) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = desk.href;
    link.dataset.t = desk.key;
    item.appendChild(link);
    list.appendChild(item);
  }
  el('no-desk').hidden = desks().length > 0 || current.passwordChangeRequired;
  if (current.passwordChangeRequired) {
    notice('password-problem', t('password.required'));
    el('current-password').focus();
  }
  const roles = () => { el('signed-in-roles').textContent = current.roles.map((role) => t('role.' + role)).join(', '); };
  roles();
  document.addEventListener('dak:language', roles);
  translate();
}

function next() {
  const target = new URLSearchParams(location.search).get('next');
  // only pages of this site
  return target && target.startsWith('/') && !target.startsWith('//') ? target : null;
}

document.addEventListener('DOMContentLoaded', () => {
  const current = frame(null);
  if (current) {
    showSignedIn(current);
  } else {
    el('sign-in').hidden = false;
    el('username').focus();
  }

  el('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = event.submitter;
    button.disabled = true;
    notice('sign-in-problem', null);
    try {
      const signedIn = await signIn(el('username').value.trim(), el('password').value);
      if (signedIn.passwordChangeRequired) {
        // the password form, before any desk
        location.reload();
        return;
      }
      const own = desks();
      const target = next() || (own.length === 1 ? own[0].href : null);
      if (target) {
        location.assign(target);
        return;
      }
      location.reload();
    } catch (problem) {
      el('password').value = '';
      notice('sign-in-problem', explain(problem));
      el('password').focus();
    } finally {
      button.disabled = false;
    }
  });

  el('password-change').addEventListener('submit', async (event) => {
    event.preventDefault();
    notice('password-problem', null);
    if (el('new-password').value !== el('repeat-password').value) {
      notice('password-problem', t('password.mismatch'));
      return;
    }
    try {
      await call('/api/v1/auth/password', {
        method: 'POST',
        json: { currentPassword: el('current-password').value, newPassword: el('new-password').value },
      });
      notice('password-problem', t('password.changed'), 'ok');
      setTimeout(signOut, 2500);
    } catch (problem) {
      notice('password-problem', explain(problem));
    }
  });

});

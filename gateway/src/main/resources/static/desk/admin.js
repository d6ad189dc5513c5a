// Administration: accounts and their roles (with the department, office or channel a
// role is bound to), password resets, and the channel adapters' keys (a new key is shown
// once). The administrator sees no complaint data here, as in the API.
import { call, cell, dateTime, el, explain, frame, getJson, linkButton, notice, t, words } from '/desk/desk.js';

const ROLES = ['RECEIPT_DESK', 'DM', 'DEPARTMENT_OFFICER', 'CHANNEL_ADAPTER', 'AUDITOR', 'ADMIN'];

words({
  'admin.accounts': ['खाते', 'Accounts'],
  'admin.username': ['उपयोगकर्ता नाम', 'Username'],
  'admin.password': ['पासवर्ड (नया खाता या रीसेट)', 'Password (new account or reset)'],
  'admin.passwordHint': ['कम से कम 12 अक्षर; पहली बार साइन इन के बाद उपयोगकर्ता इसे बदलें।',
    'At least 12 characters; the user should change it after the first sign-in.'],
  'admin.roles': ['भूमिकाएँ', 'Roles'],
  'admin.boundTo': ['विभाग / कार्यालय / चैनल', 'Department / office / channel'],
  'admin.department': ['विभाग कोड (विभागीय अधिकारी के लिए)', 'Department code (for a department officer)'],
  'admin.office': ['कार्यालय कोड (वैकल्पिक)', 'Office code (optional)'],
  'admin.channel': ['चैनल (एडेप्टर के लिए)', 'Channel (for an adapter)'],
  'admin.enabled': ['सक्रिय', 'Enabled'],
  'admin.created': ['बनाया गया', 'Created'],
  'admin.accountForm': ['खाता जोड़ें या बदलें', 'Add or change an account'],
  'admin.accountHint': ['नया नाम: नया खाता (पासवर्ड आवश्यक)। मौजूदा नाम: भूमिकाएँ और सक्रियता बदलें। तालिका में नाम चुनकर भरें।',
    'A new username adds an account (password needed); an existing one changes its roles and whether it is enabled. Choose a name in the table to fill the form.'],
  'admin.save': ['सहेजें', 'Save'],
  'admin.saved': ['सहेजा गया।', 'Saved.'],
  'admin.resetPassword': ['पासवर्ड रीसेट करें', 'Reset the password'],
  'admin.passwordReset': ['पासवर्ड बदल दिया गया; उसके सभी सत्र समाप्त।', 'Password reset; all its sessions ended.'],
  'admin.yes': ['हाँ', 'yes'],
  'admin.no': ['नहीं', 'no'],
  'admin.keys': ['एडेप्टर कुंजियाँ', 'Adapter keys'],
  'admin.keysHint': ['ई-मेल, फैक्स और सोशल मीडिया एडेप्टर इन कुंजियों से आवेदन भेजते हैं (हेडर X-Api-Key)।',
    'The e-mail, fax and social-media adapters send items with these keys (header X-Api-Key).'],
  'admin.keyName': ['नाम', 'Name'],
  'admin.revoked': ['रद्द', 'Revoked'],
  'admin.revoke': ['रद्द करें', 'Revoke'],
  'admin.issueKey': ['नई कुंजी बनाएँ', 'Issue a key'],
  'admin.rules': ['समय-सीमा नियम और संदेश', 'Deadline rules and messages'],
  'admin.rulesHint': ['ये अभी सेटिंग से आते हैं (README देखें); यहाँ केवल देखे जा सकते हैं। समय-सीमाएँ ऊपर के कार्य कैलेंडर के कार्य-दिवसों में गिनी जाती हैं।',
    'These still come from the configuration (see the README); they are shown here to check. Deadlines count the working days of the calendar above.'],
  'admin.defaultDays': ['सामान्य समय-सीमा (कार्य-दिवस):', 'Default limit (working days):'],
  'admin.reminders': ['स्मरण (% समय पर):', 'Reminders (at % of the time):'],
  'admin.dueSoon': ['"शीघ्र देय" (कार्य-दिवस):', '"Due soon" (working days):'],
  'admin.category': ['श्रेणी', 'Category'],
  'admin.days': ['कार्य-दिवस', 'Working days'],
  'admin.any': ['कोई भी', 'any'],
  'admin.templates': ['संदेश टेम्पलेट', 'Message templates'],
  'admin.template': ['टेम्पलेट', 'Template'],
  'admin.dlt': ['DLT टेम्पलेट ID', 'DLT template ID'],
  'admin.keyOnce': ['यह कुंजी केवल अभी दिखाई जा रही है; इसे एडेप्टर की सेटिंग में अभी रखें।',
    "This key is shown now only; put it in the adapter's settings now."],
});

let accounts = [];

function fillRoles() {
  const box = el('u-roles');
  const checked = new Set(Array.from(box.querySelectorAll('input:checked')).map((input) => input.value));
  box.textContent = '';
  for (const role of ROLES) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.value = role;
    input.checked = checked.has(role);
    label.append(input, ' ' + t('role.' + role));
    box.appendChild(label);
  }
}

function choose(account) {
  el('u-name').value = account.username;
  el('u-password').value = '';
  el('u-department').value = account.department || '';
  el('u-office').value = account.office || '';
  el('u-channel').value = account.channel || '';
  el('u-enabled').checked = account.enabled;
  el('u-roles').querySelectorAll('input').forEach((input) => { input.checked = account.roles.includes(input.value); });
  el('u-name').focus();
}

async function loadAccounts() {
  try {
    accounts = await getJson('/api/v1/admin/users');
    const body = el('account-list').querySelector('tbody');
    body.textContent = '';
    for (const account of accounts) {
      const row = document.createElement('tr');
      cell(row, linkButton(account.username, () => choose(account)));
      cell(row, account.roles.map((role) => t('role.' + role)).join(', '));
      cell(row, [account.department, account.office, account.channel].filter(Boolean).join(' / '));
      cell(row, t(account.enabled ? 'admin.yes' : 'admin.no'));
      cell(row, account.createdAt ? dateTime(account.createdAt) : '');
      body.appendChild(row);
    }
  } catch (problem) {
    notice('accounts-problem', explain(problem));
  }
}

async function saveAccount(event) {
  event.preventDefault();
  notice('account-problem', null);
  const username = el('u-name').value.trim();
  const roles = Array.from(el('u-roles').querySelectorAll('input:checked')).map((input) => input.value);
  const bound = {
    department: el('u-department').value.trim() || undefined,
    office: el('u-office').value.trim() || undefined,
    channel: el('u-channel').value || undefined,
  };
  try {
    if (accounts.some((account) => account.username === username)) {
      await call('/api/v1/admin/users/' + encodeURIComponent(username),
        { method: 'PUT', json: Object.assign({ roles, enabled: el('u-enabled').checked }, bound) });
    } else {
      await call('/api/v1/admin/users',
        { method: 'POST', json: Object.assign({ username, password: el('u-password').value, roles }, bound) });
    }
    el('u-password').value = '';
    notice('account-problem', t('admin.saved'), 'ok');
    await loadAccounts();
  } catch (problem) {
    notice('account-problem', explain(problem));
  }
}

async function resetPassword() {
  notice('account-problem', null);
  try {
    await call('/api/v1/admin/users/' + encodeURIComponent(el('u-name').value.trim()) + '/password',
      { method: 'POST', json: { newPassword: el('u-password').value } });
    el('u-password').value = '';
    notice('account-problem', t('admin.passwordReset'), 'ok');
  } catch (problem) {
    notice('account-problem', explain(problem));
  }
}

async function loadKeys() {
  try {
    const keys = await getJson('/api/v1/admin/adapter-keys');
    const body = el('key-list').querySelector('tbody');
    body.textContent = '';
    for (const key of keys) {
      const row = document.createElement('tr');
      cell(row, key.name);
      cell(row, key.channel);
      cell(row, key.createdAt ? dateTime(key.createdAt) : '');
      cell(row, key.revokedAt ? dateTime(key.revokedAt) : '');
      if (key.revokedAt) {
        cell(row, '');
      } else {
        const revoke = document.createElement('button');
        revoke.type = 'button';
        revoke.className = 'secondary';
        revoke.textContent = t('admin.revoke');
        revoke.addEventListener('click', async () => {
          try {
            await call('/api/v1/admin/adapter-keys/' + encodeURIComponent(key.id), { method: 'DELETE' });
            await loadKeys();
          } catch (problem) {
            notice('keys-problem', explain(problem));
          }
        });
        cell(row, revoke);
      }
      body.appendChild(row);
    }
  } catch (problem) {
    notice('keys-problem', explain(problem));
  }
}

async function issueKey(event) {
  event.preventDefault();
  notice('keys-problem', null);
  try {
    const issued = await (await call('/api/v1/admin/adapter-keys',
      { method: 'POST', json: { name: el('k-name').value.trim(), channel: el('k-channel').value } })).json();
    el('new-key-value').textContent = issued.key;
    el('new-key').hidden = false;
    el('key-form').reset();
    await loadKeys();
  } catch (problem) {
    notice('keys-problem', explain(problem));
  }
}

function version(texts) {
  if (!texts) {
    return '';
  }
  return (texts.sms ? 'SMS: ' + texts.sms + '\n' : '') + texts.subject;
}

async function loadRules() {
  try {
    const [deadlines, templates] = await Promise.all([getJson('/api/v1/deadlines'),
      getJson('/api/v1/notifications/templates')]);
    el('default-days').textContent = deadlines.defaultWorkingDays;
    el('reminders').textContent = deadlines.reminderPercents.join(', ');
    el('due-soon').textContent = deadlines.dueSoonWorkingDays;
    const rules = el('rule-list').querySelector('tbody');
    rules.textContent = '';
    for (const rule of deadlines.rules) {
      const row = document.createElement('tr');
      cell(row, rule.department || t('admin.any'));
      cell(row, rule.category || t('admin.any'));
      cell(row, rule.workingDays);
      rules.appendChild(row);
    }
    const list = el('template-list').querySelector('tbody');
    list.textContent = '';
    for (const [name, texts] of Object.entries(templates)) {
      const row = document.createElement('tr');
      cell(row, name);
      cell(row, texts.smsTemplateId);
      cell(row, version(texts.hi)).className = 'pre';
      cell(row, version(texts.en)).className = 'pre';
      list.appendChild(row);
    }
  } catch (problem) {
    notice('rules-problem', explain(problem));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!frame('ADMIN')) {
    return;
  }
  fillRoles();
  el('account-form').addEventListener('submit', saveAccount);
  el('u-reset').addEventListener('click', resetPassword);
  el('key-form').addEventListener('submit', issueKey);
  document.addEventListener('dak:language', () => {
    fillRoles();
    loadAccounts();
    loadKeys();
    loadRules();
  });
  await Promise.all([loadAccounts(), loadKeys(), loadRules()]);
});

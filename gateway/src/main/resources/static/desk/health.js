// The IT manager's page: every service and what it depends on, up or down, with the
// outbox and notification backlogs and the dead letters; asked again every 15 seconds.
import { cell, dateTime, el, explain, frame, getJson, notice, session, t, words } from '/desk/desk.js';

words({
  'health.overall': ['कुल स्थिति:', 'Overall:'],
  'health.asked': ['पूछा गया', 'Asked'],
  'health.every': ['हर 15 सेकंड में फिर से', 'again every 15 seconds'],
  'health.refresh': ['अभी फिर पूछें', 'Ask again now'],
  'health.services': ['सेवाएँ', 'Services'],
  'health.service': ['सेवा', 'Service'],
  'health.checks': ['जाँचें', 'Checks'],
  'health.outbox': ['प्रकाशन हेतु शेष घटनाएँ', 'Events waiting to be published'],
  'health.messages': ['भेजने हेतु शेष संदेश', 'Messages waiting to be sent'],
  'health.deadLetters': ['अलग रखी घटनाएँ (DLT)', 'Events set aside (DLT)'],
  'health.error': ['पूछने में त्रुटि', 'Could not ask'],
  'health.lastError': ['अंतिम दर्ज त्रुटि', 'Last error logged'],
  'health.errorsSince': ['चालू होने से अब तक {n} त्रुटियाँ', '{n} errors since it started'],
  'health.dependencies': ['निर्भरताएँ', 'Dependencies'],
  'health.dependency': ['क्या', 'What'],
  'health.detail': ['विवरण', 'Detail'],
  'dependency.database': ['डेटाबेस (MongoDB)', 'Database (MongoDB)'],
  'dependency.broker': ['संदेश ब्रोकर (Kafka)', 'Message broker (Kafka)'],
  'dependency.mail': ['मेल रिले', 'Mail relay'],
  'dependency.sms': ['SMS प्रदाता', 'SMS provider'],
  'health.UP': ['चालू', 'Up'],
  'health.DOWN': ['बंद', 'Down'],
  'health.DEGRADED': ['आंशिक', 'Degraded'],
  'health.UNKNOWN': ['अज्ञात', 'Unknown'],
  'health.warnings': ['ध्यान दें', 'To see to'],
  'warning.holidays-missing': ['{year} के सार्वजनिक अवकाश दर्ज नहीं हैं: उस वर्ष की समय-सीमाएँ और संभावित तिथियाँ बिना अवकाश के गिनी जा रही हैं। प्रशासक डेस्क पर राजपत्र की सूची आयात करें।',
    'The public holidays of {year} are not entered: deadlines and expected dates in that year count no holidays. Import the gazette\'s list at the admin desk.'],
});

let last = null;

function status(value) {
  const mark = document.createElement('strong');
  mark.className = 'state-' + String(value).toLowerCase();
  mark.textContent = t('health.' + value) !== 'health.' + value ? t('health.' + value) : value;
  return mark;
}

function figure(value) {
  return value === null || value === undefined ? '' : String(Math.round(value));
}

function loggedError(error) {
  if (!error) {
    return '';
  }
  const text = document.createElement('span');
  const when = document.createElement('time');
  when.dateTime = error.at || '';
  when.textContent = error.at ? dateTime(error.at) : '';
  const what = document.createElement('span');
  what.className = 'logged-error';
  what.textContent = error.message || '';
  what.title = error.logger || '';
  const count = document.createElement('small');
  count.textContent = t('health.errorsSince', { n: error.count });
  text.append(when, document.createElement('br'), what, document.createElement('br'), count);
  return text;
}

function render(health) {
  last = health;
  el('overall').textContent = '';
  el('overall').appendChild(status(health.status));
  el('asked').textContent = dateTime(health.at);
  const services = el('services').querySelector('tbody');
  services.textContent = '';
  for (const service of health.services) {
    const row = document.createElement('tr');
    cell(row, service.name);
    cell(row, status(service.status));
    cell(row, Object.entries(service.components || {}).map(([name, state]) => name + ' ' + state).join(', '));
    cell(row, figure(service.outboxPending));
    cell(row, figure(service.notificationsPending));
    cell(row, figure(service.deadLetters));
    cell(row, service.error);
    cell(row, loggedError(service.lastError));
    services.appendChild(row);
  }
  const warnings = el('warnings');
  warnings.querySelector('ul').textContent = '';
  for (const warning of health.warnings || []) {
    const item = document.createElement('li');
    item.textContent = t('warning.' + warning.kind, { year: warning.year });
    warnings.querySelector('ul').appendChild(item);
  }
  warnings.hidden = !(health.warnings || []).length;
  const dependencies = el('dependencies').querySelector('tbody');
  dependencies.textContent = '';
  for (const dependency of health.dependencies) {
    const row = document.createElement('tr');
    cell(row, t('dependency.' + dependency.name));
    cell(row, status(dependency.status));
    cell(row, dependency.detail);
    dependencies.appendChild(row);
  }
}

async function ask() {
  notice('health-problem', null);
  try {
    render(await getJson('/api/v1/system/health'));
  } catch (problem) {
    notice('health-problem', explain(problem));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const current = frame(null);
  if (!current || !(current.roles.includes('ADMIN') || current.roles.includes('AUDITOR'))) {
    location.assign('/desk/?next=' + encodeURIComponent(location.pathname));
    return;
  }
  el('refresh').addEventListener('click', ask);
  document.addEventListener('dak:language', () => { if (last) { render(last); } });
  ask();
  setInterval(() => { if (session()) { ask(); } }, 15_000);
});

// The office's working calendar at the admin desk: the days off every week or month,
// the public holidays year by year (add, remove, import the state gazette's CSV) and
// every version with who changed what and why. Each change sends the version it was made
// from: if another administrator changed it meanwhile, it is refused and reloaded.
import { call, cell, dateTime, el, explain, getJson, lang, notice, session, t, words } from '/desk/desk.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

words({
  'cal.title': ['कार्य कैलेंडर: साप्ताहिक अवकाश और सार्वजनिक अवकाश', 'Working calendar: days off and public holidays'],
  'cal.inForce': ['लागू संस्करण', 'Version in force'],
  'cal.changedBy': ['{who} द्वारा, {when}: {what}', 'by {who}, {when}: {what}'],
  'cal.installation': ['स्थापना के समय सेटिंग से', 'from the configuration at installation'],
  'cal.missing': ['{year} के सार्वजनिक अवकाश अभी दर्ज नहीं हैं: उस वर्ष की समय-सीमाएँ बिना अवकाश के गिनी जाएँगी। राजपत्र की सूची नीचे आयात करें।',
    'The public holidays of {year} are not entered yet: deadlines in that year would count no holidays. Import the gazette\'s list below.'],
  'cal.reason': ['बदलाव का कारण (जैसे अधिसूचना संख्या)', 'Reason for the change (e.g. the notification number)'],
  'cal.reasonHint': ['हर बदलाव के साथ इतिहास और ऑडिट में दर्ज होता है।', 'Kept with each change, in the history and on the audit trail.'],
  'cal.reasonNeeded': ['पहले बदलाव का कारण लिखें।', 'Write the reason for the change first.'],
  'cal.week': ['साप्ताहिक अवकाश', 'Days off'],
  'cal.daysOff': ['हर सप्ताह बंद', 'Closed every week'],
  'cal.saturdaysOff': ['माह के ये शनिवार भी बंद', 'Also closed on these Saturdays of the month'],
  'cal.saveWeek': ['साप्ताहिक अवकाश सहेजें', 'Save the days off'],
  'cal.holidays': ['सार्वजनिक अवकाश', 'Public holidays'],
  'cal.year': ['वर्ष', 'Year'],
  'cal.date': ['तिथि', 'Date'],
  'cal.nameHi': ['नाम (हिन्दी)', 'Name (Hindi)'],
  'cal.nameEn': ['नाम (अंग्रेज़ी)', 'Name (English)'],
  'cal.kind': ['प्रकार', 'Kind'],
  'cal.GAZETTED': ['राजपत्रित (कार्यालय बंद)', 'Gazetted (office closed)'],
  'cal.RESTRICTED': ['प्रतिबंधित (कार्यालय खुला)', 'Restricted (office open)'],
  'cal.add': ['अवकाश जोड़ें', 'Add the holiday'],
  'cal.remove': ['हटाएँ', 'Remove'],
  'cal.none': ['इस वर्ष कोई अवकाश दर्ज नहीं।', 'No holiday entered for this year.'],
  'cal.saved': ['संस्करण {version} लागू: {what}', 'Version {version} in force: {what}'],
  'cal.gazette': ['राजपत्र की सूची आयात करें (CSV)', 'Import the gazette\'s list (CSV)'],
  'cal.gazetteHint': ['UTF-8 CSV, पहली पंक्ति: date,name_hi,name_en,kind (kind: GAZETTED या RESTRICTED)। फ़ाइल में दिए वर्षों की सूची बदल दी जाती है; एक भी गलत पंक्ति हो तो कुछ नहीं बदलता।',
    'UTF-8 CSV, first row: date,name_hi,name_en,kind (kind: GAZETTED or RESTRICTED). The years the file lists are replaced; one wrong row and nothing changes.'],
  'cal.file': ['फ़ाइल', 'File'],
  'cal.import': ['आयात करें', 'Import'],
  'cal.fileNeeded': ['पहले CSV फ़ाइल चुनें।', 'Choose the CSV file first.'],
  'cal.line': ['पंक्ति {line}, {field}: {message}', 'Line {line}, {field}: {message}'],
  'cal.history': ['बदलावों का इतिहास', 'History of changes'],
  'cal.version': ['संस्करण', 'Version'],
  'cal.when': ['कब', 'When'],
  'cal.who': ['किसने', 'Who'],
  'cal.why': ['क्यों', 'Why'],
  'cal.what': ['क्या बदला', 'What changed'],
  'day.MONDAY': ['सोमवार', 'Monday'],
  'day.TUESDAY': ['मंगलवार', 'Tuesday'],
  'day.WEDNESDAY': ['बुधवार', 'Wednesday'],
  'day.THURSDAY': ['गुरुवार', 'Thursday'],
  'day.FRIDAY': ['शुक्रवार', 'Friday'],
  'day.SATURDAY': ['शनिवार', 'Saturday'],
  'day.SUNDAY': ['रविवार', 'Sunday'],
  'nth.1': ['पहला', 'first'],
  'nth.2': ['दूसरा', 'second'],
  'nth.3': ['तीसरा', 'third'],
  'nth.4': ['चौथा', 'fourth'],
  'nth.5': ['पाँचवाँ', 'fifth'],
  'problem.settings-changed-meanwhile': ['इसी बीच किसी अन्य प्रशासक ने कैलेंडर बदल दिया; नया संस्करण दिखाया गया है, अपना बदलाव फिर से करें।',
    'Another administrator changed the calendar meanwhile; the new version is shown, make your change again.'],
  'problem.invalid-calendar': ['कैलेंडर में यह ठीक नहीं है:', 'This is not right in the calendar:'],
  'problem.nothing-changed': ['कुछ नहीं बदला: यही कैलेंडर पहले से लागू है।', 'Nothing changed: this calendar is in force already.'],
});

let calendar = null;
let shownYear = null;

function checkbox(box, value, label, checked) {
  const wrap = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.value = value;
  input.checked = checked;
  wrap.append(input, ' ' + label);
  box.appendChild(wrap);
}

function years() {
  const now = new Date().getFullYear();
  const listed = new Set(calendar.holidays.map((holiday) => Number(holiday.date.slice(0, 4))));
  [now, now + 1].forEach((year) => listed.add(year));
  if (calendar.yearMissing) {
    listed.add(calendar.yearMissing);
  }
  return Array.from(listed).sort();
}

function render() {
  if (!calendar) {
    return;
  }
  el('cal-version').textContent = calendar.version;
  el('cal-changed').textContent = t('cal.changedBy', {
    who: calendar.changedBy === 'installation' ? t('cal.installation') : calendar.changedBy,
    when: dateTime(calendar.changedAt),
    what: calendar.summary || '',
  });
  const missing = el('cal-missing');
  missing.hidden = !calendar.yearMissing;
  missing.textContent = calendar.yearMissing ? t('cal.missing', { year: calendar.yearMissing }) : '';
  const days = el('cal-days');
  days.textContent = '';
  DAYS.forEach((day) => checkbox(days, day, t('day.' + day), calendar.workingWeek.daysOff.includes(day)));
  const saturdays = el('cal-saturdays');
  saturdays.textContent = '';
  [1, 2, 3, 4, 5].forEach((nth) => checkbox(saturdays, nth, t('nth.' + nth),
    calendar.workingWeek.saturdaysOff.includes(nth)));
  const select = el('cal-year');
  const choices = years();
  if (!shownYear || !choices.includes(shownYear)) {
    shownYear = calendar.yearMissing || new Date().getFullYear();
  }
  select.textContent = '';
  for (const year of choices) {
    const option = document.createElement('option');
    option.value = year;
    option.textContent = year;
    option.selected = year === shownYear;
    select.appendChild(option);
  }
  const body = el('cal-holidays').querySelector('tbody');
  body.textContent = '';
  const ofYear = calendar.holidays.filter((holiday) => holiday.date.startsWith(String(shownYear)));
  for (const holiday of ofYear) {
    const row = document.createElement('tr');
    row.dataset.date = holiday.date;
    cell(row, new Date(holiday.date + 'T00:00:00Z').toLocaleDateString(lang() === 'hi' ? 'hi-IN' : 'en-IN',
      { timeZone: 'UTC', dateStyle: 'medium' }));
    cell(row, holiday.nameHi).lang = 'hi';
    cell(row, holiday.nameEn).lang = 'en';
    cell(row, t('cal.' + holiday.kind));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = t('cal.remove');
    remove.setAttribute('aria-label', t('cal.remove') + ' ' + holiday.date);
    remove.addEventListener('click', () => save(calendar.workingWeek,
      calendar.holidays.filter((other) => other.date !== holiday.date)));
    cell(row, remove);
    body.appendChild(row);
  }
  if (!ofYear.length) {
    const row = document.createElement('tr');
    const none = cell(row, t('cal.none'));
    none.colSpan = 5;
    body.appendChild(row);
  }
}

function reason() {
  const text = el('cal-reason').value.trim();
  if (!text) {
    notice('cal-problem', t('cal.reasonNeeded'));
    el('cal-reason').focus();
  }
  return text;
}

async function load() {
  try {
    calendar = await getJson('/api/v1/settings/calendar');
    render();
    await loadHistory();
  } catch (problem) {
    notice('cal-problem', explain(problem));
  }
}

async function loadHistory() {
  const versions = await getJson('/api/v1/settings/calendar/history?size=20');
  const body = el('cal-history').querySelector('tbody');
  body.textContent = '';
  for (const version of versions) {
    const row = document.createElement('tr');
    cell(row, version.version);
    cell(row, dateTime(version.changedAt));
    cell(row, version.changedBy === 'installation' ? t('cal.installation') : version.changedBy);
    cell(row, version.reason);
    cell(row, version.summary);
    body.appendChild(row);
  }
}

async function changed(response) {
  calendar = await response.json();
  notice('cal-problem', t('cal.saved', { version: calendar.version, what: calendar.summary }), 'ok');
  render();
  await loadHistory();
}

async function refused(problem) {
  notice('cal-problem', explain(problem));
  if (problem.kind === 'settings-changed-meanwhile') {
    calendar = await getJson('/api/v1/settings/calendar');
    render();
    await loadHistory();
  }
}

async function save(workingWeek, holidays) {
  notice('cal-problem', null);
  const why = reason();
  if (!why) {
    return;
  }
  try {
    await changed(await call('/api/v1/settings/calendar', {
      method: 'PUT',
      json: { version: calendar.version, reason: why, workingWeek, holidays },
    }));
  } catch (problem) {
    await refused(problem);
  }
}

function saveWeek() {
  const daysOff = Array.from(el('cal-days').querySelectorAll('input:checked')).map((input) => input.value);
  const saturdaysOff = Array.from(el('cal-saturdays').querySelectorAll('input:checked'))
    .map((input) => Number(input.value));
  save({ daysOff, saturdaysOff }, calendar.holidays);
}

function addHoliday(event) {
  event.preventDefault();
  const holiday = {
    date: el('h-date').value,
    nameHi: el('h-name-hi').value.trim(),
    nameEn: el('h-name-en').value.trim(),
    kind: el('h-kind').value,
  };
  shownYear = holiday.date ? Number(holiday.date.slice(0, 4)) : shownYear;
  save(calendar.workingWeek, calendar.holidays.concat([holiday])).then(() => {
    if (calendar.holidays.some((h) => h.date === holiday.date && h.nameEn === holiday.nameEn)) {
      el('cal-add').reset();
    }
  });
}

async function importGazette(event) {
  event.preventDefault();
  notice('cal-problem', null);
  const errors = el('cal-gazette-errors');
  errors.hidden = true;
  errors.textContent = '';
  const why = reason();
  const file = el('g-file').files[0];
  if (!why) {
    return;
  }
  if (!file) {
    notice('cal-problem', t('cal.fileNeeded'));
    return;
  }
  const form = new FormData();
  form.append('version', calendar.version);
  form.append('reason', why);
  form.append('file', file);
  try {
    await changed(await call('/api/v1/settings/calendar/gazette', { method: 'POST', body: form }));
    el('cal-gazette').reset();
  } catch (problem) {
    if (problem.kind === 'invalid-gazette' && (problem.body.errors || []).length) {
      for (const error of problem.body.errors) {
        const item = document.createElement('li');
        item.textContent = t('cal.line', error);
        errors.appendChild(item);
      }
      errors.hidden = false;
      notice('cal-problem', problem.body.detail);
    } else {
      await refused(problem);
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const current = session();
  if (!current || !current.roles.includes('ADMIN')) {
    return;
  }
  el('cal-year').addEventListener('change', () => { shownYear = Number(el('cal-year').value); render(); });
  el('cal-save-week').addEventListener('click', saveWeek);
  el('cal-add').addEventListener('submit', addHoliday);
  el('cal-gazette').addEventListener('submit', importGazette);
  document.addEventListener('dak:language', render);
  load();
});

// The DM's desk: overdue items first, the marking inbox with its filters (suggested
// department, possible repeats), marking one or many with instructions, due date and
// copies; an item's whole story and its messages; re-marking and recall; the pendency and
// summary dashboards with charts and the CSV for review meetings; departments and offices.
import { call, cell, dateTime, download, el, explain, frame, getJson, linkButton, notice, showPlace, t, words } from '/desk/desk.js';

words({
  'dm.inbox': ['चिह्नांकन हेतु आवेदन', 'Marking inbox'],
  'dm.overdue': ['समय-सीमा पार', 'Overdue'],
  'dm.overdueNone': ['कोई आवेदन समय-सीमा पार नहीं।', 'Nothing is overdue.'],
  'dm.dashboards': ['डैशबोर्ड', 'Dashboards'],
  'dm.departments': ['विभाग और कार्यालय', 'Departments and offices'],
  'col.suggested': ['सुझाया विभाग', 'Suggested'],
  'col.daysOver': ['कार्य-दिवस पार', 'Working days over'],
  'state.AWAITING_MARKING': ['चिह्नांकन की प्रतीक्षा', 'Awaiting marking'],
  'state.MARKED': ['चिह्नित', 'Marked'],
  'filter.state': ['स्थिति', 'State'],
  'filter.all': ['सभी', 'All'],
  'filter.words': ['विषय के शब्द', 'Words of the subject'],
  'filter.from': ['से (प्राप्ति)', 'Received from'],
  'filter.to': ['तक', 'to'],
  'filter.duplicates': ['केवल संभावित दोहराव', 'Possible repeats only'],
  'filter.apply': ['दिखाएँ', 'Show'],
  'inbox.selectAll': ['सभी चुनें', 'Select all'],
  'inbox.none': ['कोई आवेदन नहीं।', 'No items.'],
  'inbox.repeat': ['दोहराव?', 'repeat?'],
  'mark.title': ['चिह्नित करें', 'Mark'],
  'mark.selected': ['{count} आवेदन चुने गए', '{count} selected'],
  'mark.due': ['निष्पादन तिथि (वैकल्पिक)', 'Due by (optional)'],
  'mark.instructions': ['निर्देश', 'Instructions'],
  'mark.copies': ['प्रतिलिपि (सूचनार्थ)', 'Copies (for information)'],
  'mark.submit': ['चुने गए आवेदन चिह्नित करें', 'Mark the selected items'],
  'mark.noneSelected': ['पहले आवेदन चुनें।', 'Select items first.'],
  'mark.outcome.ok': ['{id}: चिह्नित', '{id}: marked'],
  'mark.outcome.refused': ['{id}: नहीं हुआ — {reason}', '{id}: not marked — {reason}'],
  'item.duplicateOf': ['संभावित दोहराव', 'Possible repeat of'],
  'item.remark': ['ऊपर चुने विभाग को पुनः चिह्नित करें', 'Re-mark to the department chosen above'],
  'item.recallReason': ['वापस लेने का कारण', 'Reason for recall'],
  'item.recall': ['वापस लें', 'Recall'],
  'item.close': ['बंद करें', 'Close'],
  'item.done': ['हो गया।', 'Done.'],
  'item.resend': ['जो संदेश नहीं पहुँचे, उन्हें फिर भेजें', 'Send again the messages that did not arrive'],
  'item.resent': ['{n} संदेश फिर से भेजे जा रहे हैं।', '{n} messages are being sent again.'],
  'msg.channel': ['माध्यम', 'Channel'],
  'msg.to': ['किसे', 'To'],
  'msg.template': ['संदेश', 'Message'],
  'msg.attempts': ['प्रयास', 'Attempts'],
  'dash.asOf': ['दिनांक', 'As of'],
  'dash.byDepartment': ['विभागवार लंबित', 'Open by department'],
  'dash.byAge': ['लंबित की आयु (कार्य-दिवस)', 'Open by age (working days)'],
  'dash.byChannel': ['माध्यमवार', 'By channel'],
  'dash.byStatus': ['स्थितिवार', 'By status'],
  'dash.overSixty': ['60 से अधिक', 'over 60'],
  'dash.byWeek': ['साप्ताहिक रुझान (पिछले 12 सप्ताह)', 'Trend by week (last 12 weeks)'],
  'dash.received': ['प्राप्त', 'received'],
  'dash.disposedWeek': ['निष्पादित', 'disposed of'],
  'dash.pendency': ['लंबित', 'Pendency'],
  'dash.summary': ['सारांश', 'Summary'],
  'dash.open': ['लंबित', 'Open'],
  'dash.over45': ['45 दिन से अधिक', 'Over 45 days'],
  'dash.over60': ['60 दिन से अधिक', 'Over 60 days'],
  'dash.overdue': ['समय-सीमा पार', 'Overdue'],
  'dash.total': ['कुल', 'Total'],
  'dash.disposed': ['निष्पादित', 'Disposed'],
  'dash.average': ['औसत निष्पादन (दिन)', 'Average disposal (days)'],
  'dash.p90': ['90% निष्पादन (दिन)', '90th percentile (days)'],
  'dash.csv': ['समीक्षा बैठक हेतु CSV', 'CSV for the review meeting'],
  'dept.code': ['कोड', 'Code'],
  'dept.name': ['नाम', 'Name'],
  'dept.nameEn': ['नाम (अंग्रेज़ी)', 'Name (English)'],
  'dept.nameHi': ['नाम (हिन्दी)', 'Name (Hindi)'],
  'dept.head': ['कार्यालय प्रमुख', 'Office head'],
  'dept.offices': ['अधीनस्थ कार्यालय', 'Offices below it'],
  'dept.officeCode': ['अधीनस्थ कार्यालय कोड (वैकल्पिक)', 'Office code (optional)'],
  'dept.add': ['विभाग या कार्यालय जोड़ें / बदलें', 'Add or change a department or office'],
  'dept.hint': ['नया कोड: नया विभाग। मौजूदा कोड: उसके नाम या प्रमुख बदलें। कार्यालय कोड के साथ: उस विभाग के नीचे कार्यालय।',
    'A new code adds a department; an existing one changes its names or head; with an office code, an office below it.'],
  'dept.save': ['सहेजें', 'Save'],
  'dept.saved': ['सहेजा गया।', 'Saved.'],
});

const PAGE_SIZE = 20;
let page = 0;
let departments = [];
let selected = new Set();
let openItem = null;

function departmentName(code) {
  const found = departments.find((d) => d.code === code);
  if (!found) {
    return code || '—';
  }
  return (document.documentElement.lang === 'hi' ? found.nameHi : found.name) || found.name;
}

function linkTo(id) {
  return linkButton(id, () => showItem(id));
}

// --- overdue ----------------------------------------------------------------------

async function loadOverdue() {
  const items = await getJson('/api/v1/dashboard/overdue');
  const body = el('overdue-list').querySelector('tbody');
  body.textContent = '';
  for (const item of items.slice(0, 50)) {
    const row = document.createElement('tr');
    cell(row, linkTo(item.complaintId));
    cell(row, departmentName(item.departmentCode));
    cell(row, item.dueDate);
    cell(row, item.workingDaysOver);
    cell(row, t('case.' + item.status));
    body.appendChild(row);
  }
  el('overdue-list').hidden = items.length === 0;
  el('overdue-none').hidden = items.length > 0;
}

// --- inbox ------------------------------------------------------------------------

function inboxQuery() {
  const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  const add = (name, value) => { if (value) { query.set(name, value); } };
  add('state', el('f-state').value);
  add('channel', el('f-channel').value);
  add('q', el('f-q').value.trim());
  add('from', el('f-from').value);
  add('to', el('f-to').value);
  if (el('f-duplicate').checked) {
    query.set('duplicate', 'true');
  }
  return query;
}

let inboxAsked = 0;

async function loadInbox() {
  notice('inbox-problem', null);
  const asked = ++inboxAsked;
  try {
    const answer = await getJson('/api/v1/inbox?' + inboxQuery());
    if (asked !== inboxAsked) {
      return; // a newer question (other filters, another page) is on its way: its answer counts
    }
    const body = el('inbox-list').querySelector('tbody');
    body.textContent = '';
    for (const item of answer.content) {
      const row = document.createElement('tr');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = item.complaintId;
      box.checked = selected.has(item.complaintId);
      box.setAttribute('aria-label', item.complaintId);
      box.addEventListener('change', () => {
        if (box.checked) {
          selected.add(item.complaintId);
        } else {
          selected.delete(item.complaintId);
        }
        showSelected();
      });
      cell(row, box);
      cell(row, linkTo(item.complaintId));
      cell(row, dateTime(item.receivedAt));
      cell(row, t('channel.' + item.channel));
      cell(row, item.applicantName);
      const subject = cell(row, item.subject);
      if (item.possibleDuplicateOf) {
        const flag = document.createElement('strong');
        flag.className = 'flag';
        flag.textContent = ' ⚑ ' + t('inbox.repeat') + ' ' + item.possibleDuplicateOf;
        subject.appendChild(flag);
      }
      cell(row, departmentName(item.suggestedDepartment));
      cell(row, t('state.' + item.state) + (item.departmentCode ? ' → ' + departmentName(item.departmentCode) : ''));
      body.appendChild(row);
    }
    if (answer.content.length === 0) {
      const row = document.createElement('tr');
      cell(row, t('inbox.none')).colSpan = 8;
      body.appendChild(row);
    }
    const pages = Math.max(1, answer.page.totalPages);
    el('page-where').textContent = t('page.where', { page: answer.page.number + 1, pages, total: answer.page.totalElements });
    el('page-back').disabled = page === 0;
    el('page-next').disabled = page + 1 >= pages;
    el('select-all').checked = false;
  } catch (problem) {
    notice('inbox-problem', explain(problem));
  }
}

function showSelected() {
  el('mark-selected').textContent = t('mark.selected', { count: selected.size });
}

function fillDepartments() {
  const select = el('m-department');
  const chosen = select.value;
  select.textContent = '';
  const copies = el('m-copies');
  const copied = new Set(Array.from(copies.querySelectorAll('input:checked')).map((box) => box.value));
  copies.textContent = '';
  for (const department of departments) {
    const option = document.createElement('option');
    option.value = department.code;
    option.textContent = departmentName(department.code) + ' (' + department.code + ')';
    select.appendChild(option);
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = department.code;
    box.checked = copied.has(department.code);
    label.append(box, ' ' + departmentName(department.code));
    copies.appendChild(label);
  }
  if (chosen) {
    select.value = chosen;
  }
}

function marking() {
  const copyTo = Array.from(el('m-copies').querySelectorAll('input:checked')).map((box) => box.value)
    .filter((code) => code !== el('m-department').value);
  return {
    departmentCode: el('m-department').value,
    instructions: el('m-instructions').value.trim() || undefined,
    dueDate: el('m-due').value || undefined,
    copyTo: copyTo.length ? copyTo : undefined,
  };
}

async function mark(event) {
  event.preventDefault();
  notice('mark-problem', null);
  const outcomes = el('mark-outcomes');
  outcomes.textContent = '';
  if (selected.size === 0) {
    notice('mark-problem', t('mark.noneSelected'));
    return;
  }
  const button = el('mark-submit');
  button.disabled = true;
  try {
    const answer = await (await call('/api/v1/inbox/marking', {
      method: 'POST', json: Object.assign({ complaintIds: Array.from(selected) }, marking()),
    })).json();
    for (const outcome of answer) {
      const item = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = t(outcome.outcome === 'MARKED' ? 'mark.outcome.ok' : 'mark.outcome.refused',
        { id: outcome.complaintId, reason: outcome.detail || '' });
      item.append(text, linkTo(outcome.complaintId));
      outcomes.appendChild(item);
    }
    selected = new Set();
    showSelected();
    await loadInbox();
  } catch (problem) {
    notice('mark-problem', explain(problem));
  } finally {
    button.disabled = false;
  }
}

// --- one item ---------------------------------------------------------------------

async function showItem(id) {
  openItem = id;
  notice('item-problem', null);
  el('item').hidden = false;
  el('item-number').textContent = id;
  try {
    const [entry, story, messages] = await Promise.all([
      getJson('/api/v1/inbox/' + encodeURIComponent(id)),
      getJson('/api/v1/cases/' + encodeURIComponent(id)).catch(() => null),
      getJson('/api/v1/notifications?complaintId=' + encodeURIComponent(id)).catch(() => []),
    ]);
    el('item-subject').textContent = entry.subject;
    showPlace(el('item-place'), story && story.place, story && story.mediaUrl);
    el('item-status').textContent = story ? (document.documentElement.lang === 'hi' ? story.statusHi : story.statusEn)
      : t('state.' + entry.state);
    el('item-department').textContent = entry.departmentCode ? departmentName(entry.departmentCode)
      + ((entry.copyTo || []).length ? ' · ' + entry.copyTo.map(departmentName).join(', ') : '') : '—';
    el('item-due').textContent = entry.dueDate || '—';
    el('item-instructions').textContent = entry.instructions || '—';
    el('item-duplicate').textContent = entry.possibleDuplicateOf || '—';
    const timeline = el('item-timeline');
    timeline.textContent = '';
    for (const step of (story && story.timeline) || []) {
      const li = document.createElement('li');
      li.textContent = dateTime(step.at) + ' · ' + (step.step ? t('done.' + step.step) : t('case.' + step.status))
        + (step.departmentCode ? ' · ' + departmentName(step.departmentCode) : '')
        + (step.actor ? ' · ' + step.actor : '') + (step.note ? ' — “' + step.note + '”' : '');
      timeline.appendChild(li);
    }
    const body = el('item-messages').querySelector('tbody');
    body.textContent = '';
    for (const message of messages) {
      const row = document.createElement('tr');
      cell(row, dateTime(message.updatedAt || message.createdAt));
      cell(row, message.channel);
      cell(row, message.audience + ' ' + (message.recipient || ''));
      cell(row, message.template);
      cell(row, message.status + (message.reason ? ' (' + message.reason + ')' : ''));
      cell(row, message.attempts);
      body.appendChild(row);
    }
    el('item-resend').hidden = !messages.some((m) => m.status === 'permanent-failure'
      || m.status === 'technical-failure');
    el('item').scrollIntoView();
  } catch (problem) {
    notice('item-problem', explain(problem));
  }
}

/** The item's messages that did not arrive go to the queue again (sent ones never twice). */
async function resendMessages() {
  notice('item-problem', null);
  try {
    const response = await call('/api/v1/notifications/resend?complaintId=' + encodeURIComponent(openItem),
      { method: 'POST' });
    const answer = await response.json();
    await showItem(openItem);
    notice('item-problem', t('item.resent').replace('{n}', answer.resent.length), 'ok');
  } catch (problem) {
    notice('item-problem', explain(problem));
  }
}

async function itemAction(path, body) {
  notice('item-problem', null);
  try {
    await call('/api/v1/inbox/' + encodeURIComponent(openItem) + path, { method: 'POST', json: body });
    notice('item-problem', t('item.done'), 'ok');
    await Promise.all([showItem(openItem), loadInbox()]);
  } catch (problem) {
    notice('item-problem', explain(problem));
  }
}

// --- dashboards -------------------------------------------------------------------

/** A bar chart from label → count, drawn with the page's own elements (no script libraries). */
function bars(id, entries) {
  const chart = el(id);
  chart.textContent = '';
  const largest = Math.max(1, ...entries.map(([, value]) => value));
  for (const [label, value] of entries) {
    const row = document.createElement('div');
    row.className = 'bar-row';
    const name = document.createElement('span');
    name.className = 'bar-label';
    name.textContent = label;
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.style.width = Math.max(1, Math.round(100 * value / largest)) + '%';
    const figure = document.createElement('span');
    figure.className = 'bar-value';
    figure.textContent = String(value);
    row.append(name, bar, figure);
    chart.appendChild(row);
  }
}

/** Received and disposed of per week, two bars a week on one scale. */
function weekBars(id, weeks) {
  const chart = el(id);
  chart.textContent = '';
  const largest = Math.max(1, ...weeks.map((w) => Math.max(w.received, w.disposed)));
  for (const week of weeks) {
    const row = document.createElement('div');
    row.className = 'bar-row';
    const name = document.createElement('span');
    name.className = 'bar-label';
    name.textContent = week.week;
    const pair = document.createElement('span');
    pair.className = 'bar-pair';
    for (const [kind, value] of [['received', week.received], ['disposed', week.disposed]]) {
      const bar = document.createElement('span');
      bar.className = 'bar ' + kind;
      bar.style.width = Math.max(1, Math.round(100 * value / largest)) + '%';
      bar.title = t(kind === 'received' ? 'dash.received' : 'dash.disposedWeek') + ': ' + value;
      pair.appendChild(bar);
    }
    const figure = document.createElement('span');
    figure.className = 'bar-value';
    figure.textContent = week.received + ' / ' + week.disposed;
    row.append(name, pair, figure);
    chart.appendChild(row);
  }
}

async function loadDashboards() {
  const [pendency, summary] = await Promise.all([getJson('/api/v1/dashboard/pendency'),
    getJson('/api/v1/dashboard/summary')]);
  el('dash-as-of').textContent = summary.asOf;
  bars('chart-department', pendency.departments.map((d) => [departmentName(d.departmentCode), d.open]));
  bars('chart-age', Object.entries(summary.openByAge)
    .map(([bucket, value]) => [bucket.startsWith('over') ? t('dash.overSixty') : bucket, value]));
  bars('chart-channel', Object.entries(summary.byChannel).map(([key, value]) => [t('channel.' + key), value]));
  bars('chart-status', Object.entries(summary.byStatus).map(([key, value]) => [t('case.' + key), value]));
  weekBars('chart-week', summary.byWeek || []);
  const pendencyBody = el('pendency').querySelector('tbody');
  pendencyBody.textContent = '';
  for (const d of pendency.departments) {
    const row = document.createElement('tr');
    [departmentName(d.departmentCode), d.open, d.olderThan45, d.olderThan60, d.overdue].forEach((v) => cell(row, v));
    pendencyBody.appendChild(row);
  }
  const summaryBody = el('summary').querySelector('tbody');
  summaryBody.textContent = '';
  for (const d of summary.departments) {
    const row = document.createElement('tr');
    [departmentName(d.departmentCode), d.total, d.open, d.disposed, d.overdue,
      d.averageDisposalDays === undefined || d.averageDisposalDays === null ? '' : d.averageDisposalDays.toFixed(1),
      d.p90DisposalDays].forEach((v) => cell(row, v));
    summaryBody.appendChild(row);
  }
}

function downloadCsv() {
  download('/api/v1/dashboard/summary.csv', 'dak-summary-' + new Date().toISOString().slice(0, 10) + '.csv', 'text/csv')
    .catch((problem) => notice('inbox-problem', explain(problem)));
}

// --- departments ------------------------------------------------------------------

async function loadDepartments() {
  departments = await getJson('/api/v1/departments');
  const body = el('department-list').querySelector('tbody');
  body.textContent = '';
  for (const d of departments) {
    const row = document.createElement('tr');
    cell(row, d.code);
    cell(row, d.nameHi + ' · ' + d.name);
    cell(row, d.officer ? [d.officer.name, d.officer.email, d.officer.mobile].filter(Boolean).join(' · ') : '');
    cell(row, (d.offices || []).map((o) => o.code + ' ' + (o.nameHi || o.name)).join('; '));
    body.appendChild(row);
  }
  fillDepartments();
}

async function saveDepartment(event) {
  event.preventDefault();
  notice('department-problem', null);
  const form = el('department-form');
  for (const input of form.querySelectorAll('input')) {
    if (!input.checkValidity()) {
      const label = form.querySelector('label[for="' + input.id + '"]');
      notice('department-problem', (label ? label.textContent : input.id) + ' ✗');
      input.focus();
      return;
    }
  }
  const code = el('d-code').value.trim();
  const office = el('d-office').value.trim();
  const officer = { name: el('d-head').value.trim(), email: el('d-email').value.trim() || undefined,
    mobile: el('d-mobile').value.trim() || undefined };
  const body = { name: el('d-name').value.trim(), nameHi: el('d-name-hi').value.trim(), officer };
  const exists = departments.some((d) => d.code === code);
  try {
    if (office) {
      await call('/api/v1/departments/' + encodeURIComponent(code) + '/offices/' + encodeURIComponent(office),
        { method: 'PUT', json: body });
    } else if (exists) {
      await call('/api/v1/departments/' + encodeURIComponent(code), { method: 'PUT', json: body });
    } else {
      await call('/api/v1/departments', { method: 'POST', json: Object.assign({ code }, body) });
    }
    form.reset();
    notice('department-problem', t('dept.saved'), 'ok');
    await loadDepartments();
  } catch (problem) {
    notice('department-problem', explain(problem));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!frame('DM')) {
    return;
  }
  el('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    loadInbox();
  });
  el('page-back').addEventListener('click', () => { page = Math.max(0, page - 1); loadInbox(); });
  el('page-next').addEventListener('click', () => { page += 1; loadInbox(); });
  el('select-all').addEventListener('change', (event) => {
    el('inbox-list').querySelectorAll('tbody input[type=checkbox]').forEach((box) => {
      box.checked = event.target.checked;
      box.dispatchEvent(new Event('change'));
    });
  });
  el('mark').addEventListener('submit', mark);
  el('item-remark').addEventListener('click', () => itemAction('/re-marking', marking()));
  el('item-recall').addEventListener('click', () => itemAction('/recall', { reason: el('recall-reason').value.trim() }));
  el('item-resend').addEventListener('click', resendMessages);
  el('item-close').addEventListener('click', () => { el('item').hidden = true; openItem = null; });
  el('csv').addEventListener('click', downloadCsv);
  el('department-form').addEventListener('submit', saveDepartment);
  document.addEventListener('dak:language', () => {
    showSelected();
    fillDepartments();
    loadInbox();
    loadDashboards().catch(() => {});
  });
  showSelected();
  try {
    await loadDepartments();
  } catch (problem) {
    notice('inbox-problem', explain(problem));
  }
  await Promise.all([loadInbox(), loadOverdue().catch(() => {}), loadDashboards().catch(() => {})]);
});

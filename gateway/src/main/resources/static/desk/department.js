// The department desk: the department's queue (overdue and due soon first, by office,
// copies for information); an item with its whole timeline, evidence and messages;
// acknowledge, forward to an office, action taken with evidence, interim reply, dispose,
// return to the DM, reject; open an item from its receipt's QR code, with the device
// camera or a photo.
import { call, cell, dateTime, download, el, explain, frame, getJson, linkButton, notice, session, showPlace, t, upload, words } from '/desk/desk.js';

words({
  'dept.scanTitle': ['पावती से आवेदन खोलें', 'Open an item from its receipt'],
  'dept.scanHint': ['पावती के QR कोड की फोटो लें या चुनें (फ़ोन पर कैमरा खुलता है)।',
    "Take or choose a photo of the receipt's QR code (a phone opens its camera)."],
  'dept.scanImage': ['QR कोड की फोटो', 'Photo of the QR code'],
  'dept.camera': ['कैमरे से पढ़ें', 'Read it with the camera'],
  'dept.cameraClose': ['कैमरा बंद करें', 'Close the camera'],
  'dept.cameraLooking': ['QR कोड ढूँढ रहे हैं… पावती को कैमरे के सामने स्थिर रखें।',
    'Looking for the QR code… hold the receipt steady in front of the camera.'],
  'dept.cameraDenied': ['कैमरा नहीं खुल सका; फोटो चुनें।', 'The camera could not be opened; choose a photo instead.'],
  'dept.queue': ['विभाग की कतार', "The department's queue"],
  'dept.show': ['दिखाएँ', 'Show'],
  'dept.showOpen': ['सभी लंबित (पहले देय पहले)', 'All open (soonest due first)'],
  'dept.showOverdue': ['समय-सीमा पार', 'Overdue'],
  'dept.showDueSoon': ['शीघ्र देय', 'Due soon'],
  'dept.showCopies': ['सूचनार्थ प्रतिलिपियाँ', 'Copies for information'],
  'dept.office': ['कार्यालय', 'Office'],
  'dept.allOffices': ['सभी कार्यालय', 'All offices'],
  'dept.apply': ['दिखाएँ', 'Show'],
  'dept.none': ['कतार में कोई आवेदन नहीं।', 'Nothing in the queue.'],
  'dept.files': ['प्राप्त पत्र और संलग्नक', 'The letter and enclosures received'],
  'dept.noFiles': ['कोई फ़ाइल नहीं', 'No files'],
  'dept.copiedTo': ['प्रतिलिपि', 'Copies to'],
  'dept.act': ['कार्यवाही दर्ज करें', 'Record what was done'],
  'dept.what': ['क्या', 'What'],
  'dept.toOffice': ['किस कार्यालय को', 'To which office'],
  'dept.note': ['टिप्पणी', 'Note'],
  'dept.noteHint': ['निष्पादन, वापसी और अस्वीकृति के लिए आवश्यक; अंतरिम उत्तर आवेदक को दिखता है।',
    'Needed to dispose, return or reject; an interim reply is shown to the applicant.'],
  'dept.evidence': ['साक्ष्य (फ़ोटो, PDF)', 'Evidence (photos, PDF)'],
  'dept.save': ['दर्ज करें', 'Record'],
  'dept.saved': ['दर्ज हो गया।', 'Recorded.'],
  'dept.copyOnly': ['यह आवेदन आपके विभाग को केवल सूचनार्थ भेजा गया है।', 'This item is copied to your department for information only.'],
  'status.DISPOSED': ['निष्पादित करें', 'Dispose'],
  'status.RETURNED': ['जिलाधिकारी को वापस करें', 'Return to the DM'],
  'status.REJECTED': ['अस्वीकृत करें', 'Reject'],
});

const PAGE_SIZE = 20;
let page = 0;
let offices = [];
let openCase = null;
let filesOf = null;
let queueAsked = 0;

function hindi() {
  return document.documentElement.lang === 'hi';
}

function officeName(code) {
  const office = offices.find((o) => o.code === code);
  return office ? (hindi() ? office.nameHi || office.name : office.name) : code;
}

function caseLink(id) {
  return linkButton(id, () => showCase(id));
}

// --- queue ------------------------------------------------------------------------

async function loadQueue() {
  notice('queue-problem', null);
  const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
  const which = el('q-which').value;
  if (which) {
    query.set(which, 'true');
  }
  if (el('q-office').value) {
    query.set('office', el('q-office').value);
  }
  const asked = ++queueAsked;
  try {
    const answer = await getJson('/api/v1/cases?' + query);
    if (asked !== queueAsked) {
      return; // a newer question is on its way: its answer counts
    }
    const body = el('queue-list').querySelector('tbody');
    body.textContent = '';
    for (const item of answer.content) {
      const row = document.createElement('tr');
      cell(row, caseLink(item.complaintId));
      cell(row, item.dueDate);
      cell(row, item.subject);
      cell(row, hindi() ? item.statusHi : item.statusEn);
      cell(row, item.officeCode ? officeName(item.officeCode) : '');
      cell(row, dateTime(item.receivedAt));
      body.appendChild(row);
    }
    if (answer.content.length === 0) {
      const row = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 6;
      td.textContent = t('dept.none');
      row.appendChild(td);
      body.appendChild(row);
    }
    const pages = Math.max(1, answer.page.totalPages);
    el('q-where').textContent = t('page.where', { page: answer.page.number + 1, pages, total: answer.page.totalElements });
    el('q-back').disabled = page === 0;
    el('q-next').disabled = page + 1 >= pages;
  } catch (problem) {
    notice('queue-problem', explain(problem));
  }
}

async function loadOffices(department) {
  const found = await getJson('/api/v1/departments/' + encodeURIComponent(department));
  el('queue-department').textContent = '· ' + (hindi() ? found.nameHi : found.name);
  offices = found.offices || [];
  for (const [id, blank] of [['q-office', t('dept.allOffices')], ['a-office', null]]) {
    const select = el(id);
    select.textContent = '';
    if (blank) {
      const option = document.createElement('option');
      option.value = '';
      option.textContent = blank;
      select.appendChild(option);
    }
    for (const office of offices) {
      const option = document.createElement('option');
      option.value = office.code;
      option.textContent = officeName(office.code) + ' (' + office.code + ')';
      select.appendChild(option);
    }
  }
}

// --- one item ---------------------------------------------------------------------

function evidenceLink(id, file) {
  return linkButton('📎 ' + file.filename + ' (' + Math.ceil(file.size / 1024) + ' KB)',
    () => download('/api/v1/cases/' + encodeURIComponent(id) + '/evidence/' + encodeURIComponent(file.id), file.filename)
      .catch((problem) => notice('act-problem', explain(problem))));
}

function render(item) {
  openCase = item;
  el('case').hidden = false;
  el('case-number').textContent = item.complaintId;
  el('case-subject').textContent = item.subject;
  showPlace(el('case-place'), item.place, item.mediaUrl);
  el('case-status').textContent = hindi() ? item.statusHi : item.statusEn;
  el('case-applicant').textContent = item.applicant ? [item.applicant.initials, item.applicant.mobile].filter(Boolean).join(' · ') : '—';
  el('case-office').textContent = item.officeCode ? officeName(item.officeCode) : '—';
  el('case-due').textContent = item.dueDate || '—';
  el('case-copies').textContent = (item.copiedTo || []).join(', ') || '—';
  const timeline = el('case-timeline');
  timeline.textContent = '';
  for (const entry of item.timeline || []) {
    const li = document.createElement('li');
    const kind = entry.step ? t('done.' + entry.step) : t('case.' + entry.status);
    const line = document.createElement('span');
    line.textContent = dateTime(entry.at) + ' · ' + kind + (entry.officeCode ? ' → ' + officeName(entry.officeCode) : '')
      + (entry.actor ? ' · ' + entry.actor : '') + (entry.note ? ' — “' + entry.note + '”' : '');
    li.appendChild(line);
    for (const file of entry.evidence || []) {
      li.append(' ', evidenceLink(item.complaintId, file));
    }
    timeline.appendChild(li);
  }
  const messages = el('case-messages');
  messages.textContent = '';
  for (const message of item.messages || []) {
    const li = document.createElement('li');
    li.textContent = dateTime(message.at) + ' · ' + message.channel + ' · ' + message.audience + ' '
      + (message.recipient || '') + ' · ' + message.template + ' · ' + message.status;
    messages.appendChild(li);
  }
  if (filesOf !== item.complaintId) {
    filesOf = item.complaintId;
    loadFiles(item.complaintId);
  }
  // a copy for information is seen, not acted on
  const mine = item.departmentCode === session().department;
  el('act').hidden = !mine;
  el('case').scrollIntoView();
}

/** The files the item came with (from intake), each a download. */
async function loadFiles(id) {
  const list = el('case-files');
  list.textContent = '';
  let files = [];
  try {
    files = await getJson('/api/v1/complaints/' + encodeURIComponent(id) + '/attachments');
  } catch (ignored) {
    // intake may not have heard of the marking yet: no files shown, nothing else lost
  }
  for (const file of files) {
    const item = document.createElement('li');
    item.appendChild(linkButton('📄 ' + file.filename + ' (' + Math.ceil(file.size / 1024) + ' KB)',
      () => download('/api/v1/complaints/' + encodeURIComponent(id) + '/attachments/' + encodeURIComponent(file.id),
        file.filename).catch((problem) => notice('act-problem', explain(problem)))));
    list.appendChild(item);
  }
  if (files.length === 0) {
    const item = document.createElement('li');
    item.textContent = t('dept.noFiles');
    list.appendChild(item);
  }
}

async function showCase(id) {
  notice('queue-problem', null);
  try {
    render(await getJson('/api/v1/cases/' + encodeURIComponent(id)));
  } catch (problem) {
    notice('queue-problem', explain(problem));
  }
}

function chosen() {
  const [kind, value] = el('a-what').value.split(':');
  return { kind, value };
}

function showActFields() {
  const { value } = chosen();
  el('a-office-field').hidden = value !== 'FORWARD';
  el('a-evidence-field').hidden = value !== 'ACTION_TAKEN';
}

async function act(event) {
  event.preventDefault();
  notice('act-problem', null);
  const { kind, value } = chosen();
  const note = el('a-note').value.trim() || undefined;
  const base = '/api/v1/cases/' + encodeURIComponent(openCase.complaintId);
  const button = el('act-submit');
  button.disabled = true;
  try {
    let item;
    if (kind === 'status') {
      item = await (await call(base + '/status', { method: 'POST', json: { status: value, note } })).json();
    } else {
      const step = { step: value, note, officeCode: value === 'FORWARD' ? el('a-office').value : undefined };
      const files = Array.from(el('a-evidence').files);
      if (value === 'ACTION_TAKEN' && files.length) {
        const body = new FormData();
        body.append('step', new Blob([JSON.stringify(step)], { type: 'application/json' }));
        files.forEach((file) => body.append('evidence', file, file.name));
        const progress = el('a-progress');
        progress.hidden = false;
        try {
          item = (await upload(base + '/steps', body, (share) => { progress.value = share; })).body;
        } finally {
          progress.hidden = true;
        }
      } else {
        item = await (await call(base + '/steps', { method: 'POST', json: step })).json();
      }
    }
    el('act').reset();
    showActFields();
    render(item);
    notice('act-problem', t('dept.saved'), 'ok');
    loadQueue();
  } catch (problem) {
    notice('act-problem', explain(problem));
  } finally {
    button.disabled = false;
  }
}

// --- QR code ----------------------------------------------------------------------

async function scan(event) {
  notice('scan-problem', null);
  const file = event.target.files[0];
  if (!file) {
    return;
  }
  const body = new FormData();
  body.append('image', file, file.name);
  try {
    render((await upload('/api/v1/cases/scan', body, null)).body);
  } catch (problem) {
    notice('scan-problem', explain(problem));
  } finally {
    event.target.value = '';
  }
}

// The device camera, where the browser offers one (a secure page: HTTPS or this PC):
// a frame every two seconds goes to the same scan API until one has a readable code.
let camera = null;

function closeCamera() {
  if (camera) {
    clearInterval(camera.timer);
    camera.stream.getTracks().forEach((track) => track.stop());
    camera = null;
  }
  el('scan-video').srcObject = null;
  el('scan-video').hidden = true;
  el('scan-close').hidden = true;
  el('scan-looking').hidden = true;
  el('scan-camera').hidden = false;
}

async function readFrame() {
  const video = el('scan-video');
  if (!camera || camera.busy || !video.videoWidth) {
    return;
  }
  camera.busy = true;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  const still = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const body = new FormData();
  body.append('image', still, 'camera.png');
  try {
    const found = (await upload('/api/v1/cases/scan', body, null)).body;
    closeCamera();
    render(found);
  } catch (problem) {
    if (problem.status !== 422) {
      closeCamera();
      notice('scan-problem', explain(problem));
    }
  } finally {
    if (camera) {
      camera.busy = false;
    }
  }
}

async function openCamera() {
  notice('scan-problem', null);
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    camera = { stream, busy: false, timer: null };
    const video = el('scan-video');
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    el('scan-camera').hidden = true;
    el('scan-close').hidden = false;
    el('scan-looking').hidden = false;
    camera.timer = setInterval(readFrame, 2_000);
    readFrame();
  } catch (ignored) {
    closeCamera();
    notice('scan-problem', t('dept.cameraDenied'));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const current = frame('DEPARTMENT_OFFICER');
  if (!current) {
    return;
  }
  el('queue-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    loadQueue();
  });
  el('q-back').addEventListener('click', () => { page = Math.max(0, page - 1); loadQueue(); });
  el('q-next').addEventListener('click', () => { page += 1; loadQueue(); });
  el('a-what').addEventListener('change', showActFields);
  el('act').addEventListener('submit', act);
  el('scan-image').addEventListener('change', scan);
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    el('scan-camera').hidden = false;
    el('scan-camera').addEventListener('click', openCamera);
    el('scan-close').addEventListener('click', closeCamera);
  }
  document.addEventListener('dak:language', () => {
    loadQueue();
    if (openCase) {
      render(openCase);
    }
  });
  try {
    await loadOffices(current.department);
  } catch (problem) {
    notice('queue-problem', explain(problem));
  }
  await loadQueue();
});

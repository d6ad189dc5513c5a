// The receipt desk: register an item from any channel (with its scans), warned first of an
// earlier item from the same applicant; print the receipt (पावती) at once; register a fax;
// import a day's dak register; find and re-print any receipt.
import { call, dateTime, download, el, explain, frame, getJson, notice, randomKey, t, upload, words } from '/desk/desk.js';

words({
  'receipt.register': ['आवेदन दर्ज करें', 'Register an item'],
  'receipt.fax': ['फैक्स दर्ज करें', 'Register a fax'],
  'receipt.import': ['डाक रजिस्टर आयात', 'Import the dak register'],
  'receipt.find': ['पावती खोजें', 'Find a receipt'],
  'receipt.save': ['दर्ज करें और पावती बनाएँ', 'Register and make the receipt'],
  'receipt.done': ['पावती', 'Receipt'],
  'receipt.number': ['पावती संख्या', 'Receipt number'],
  'receipt.code': ['कोड (आवेदक के लिए)', 'Code (for the applicant)'],
  'receipt.received': ['प्राप्ति', 'Received'],
  'receipt.print': ['पावती छापें', 'Print the receipt'],
  'receipt.pdf': ['PDF सहेजें', 'Save as PDF'],
  'receipt.another': ['नया आवेदन', 'Register another'],
  'receipt.duplicateOf': ['संभावित दोहराव: {number} से मिलता-जुलता।', 'Possible repeat of {number}.'],
  'field.name': ['आवेदक का नाम', "Applicant's name"],
  'field.mobileHint': ['10 अंक; इसी पर SMS जाएगा।', '10 digits; SMS go to this number.'],
  'field.address': ['पता', 'Address'],
  'field.language': ['संदेशों की भाषा', 'Language of messages'],
  'field.letterReference': ['पत्र संख्या', 'Letter number'],
  'field.letterDate': ['पत्र दिनांक', 'Letter date'],
  'field.description': ['विवरण', 'Description'],
  'field.scans': ['स्कैन किए गए पत्र और संलग्नक', 'Scanned letter and enclosures'],
  'field.drop': ['फ़ाइलें यहाँ खींचकर छोड़ें (PDF, JPEG, PNG, TIFF)', 'Drop files here (PDF, JPEG, PNG, TIFF)'],
  'field.choose': ['या फ़ाइलें चुनें', 'or choose files'],
  'field.remove': ['हटाएँ', 'Remove'],
  'field.required': ['यह भरना आवश्यक है: {name}', 'Please fill in: {name}'],
  'field.invalid': ['यह ठीक नहीं है: {name}', 'This is not right: {name}'],
  'field.mobileOrEmail': ['मोबाइल या ई-मेल में से एक दें, ताकि आवेदक को सूचना मिल सके।',
    'Give a mobile or an e-mail, so the applicant can be told of progress.'],
  'duplicate.found': ['इसी आवेदक का मिलता-जुलता आवेदन {date} को दर्ज हुआ था: {number} — “{subject}”। क्या यह वही है?',
    'This applicant filed a similar item on {date}: {number} — “{subject}”. Is it the same?'],
  'duplicate.anyway': ['फिर भी दर्ज करें', 'Register anyway'],
  'duplicate.cancel': ['रुकें, पहले जाँचें', 'Stop and check first'],
  'fax.number': ['फैक्स नंबर', 'Fax number'],
  'fax.received': ['प्राप्ति समय', 'Received at'],
  'fax.sender': ['प्रेषक का नाम', "Sender's name"],
  'fax.pages': ['फैक्स के पृष्ठ (PDF या TIFF)', 'Fax pages (PDF or TIFF)'],
  'import.hint': ['CSV (UTF-8) जिसकी पहली पंक्ति में कॉलम हों: register_no, received_on, sender_name, sender_address, sender_mobile, letter_reference, letter_date, subject, description। एक ही पंक्ति दोबारा आयात नहीं होती।',
    'CSV (UTF-8) whose first line names the columns register_no, received_on, sender_name, sender_address, sender_mobile, letter_reference, letter_date, subject, description. A row is never taken twice.'],
  'import.file': ['रजिस्टर की CSV फ़ाइल', "The register's CSV file"],
  'import.start': ['आयात करें', 'Import'],
  'import.progress': ['{processed} / {total} पंक्तियाँ: {accepted} नए, {duplicates} पहले से, {invalid} अस्वीकृत',
    '{processed} of {total} rows: {accepted} new, {duplicates} already there, {invalid} refused'],
  'import.interrupted': ['आयात बीच में रुक गया; फ़ाइल फिर से आयात करें — जो पंक्तियाँ ली जा चुकी हैं वे दोबारा नहीं ली जाएँगी।',
    'The import stopped part-way; import the file again — rows already taken are not taken twice.'],
  'import.line': ['पंक्ति', 'Line'],
  'import.registerNo': ['रजिस्टर सं.', 'Register no.'],
  'import.outcome': ['परिणाम', 'Outcome'],
  'import.receipt': ['पावती', 'Receipt'],
  'import.reason': ['कारण', 'Reason'],
  'outcome.ACCEPTED': ['नया आवेदन', 'New item'],
  'outcome.DUPLICATE': ['पहले से दर्ज', 'Already registered'],
  'outcome.INVALID': ['अस्वीकृत', 'Refused'],
  'find.number': ['पावती संख्या', 'Receipt number'],
  'find.submit': ['खोजें', 'Find'],
});

let files = [];
let idempotencyKey = null;
let shownReceipt = null;
let confirmedRepeat = false;

// --- register -----------------------------------------------------------------------

function listFiles() {
  const list = el('scan-list');
  list.textContent = '';
  files.forEach((file, index) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = file.name + ' (' + Math.ceil(file.size / 1024) + ' KB)';
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link';
    remove.textContent = t('field.remove');
    remove.addEventListener('click', () => {
      files.splice(index, 1);
      listFiles();
    });
    item.append(name, remove);
    list.appendChild(item);
  });
}

function addFiles(more) {
  files = files.concat(Array.from(more));
  listFiles();
}

/** The browser's own checks, reported in the page's language; the first wrong field gets focus. */
function check(form) {
  for (const input of form.querySelectorAll('input, select, textarea')) {
    if (!input.checkValidity()) {
      const label = form.querySelector('label[for="' + input.id + '"]');
      const name = label ? label.textContent : input.name;
      return { input, text: t(input.validity.valueMissing ? 'field.required' : 'field.invalid', { name }) };
    }
  }
  return null;
}

function submission() {
  const value = (id) => el(id).value.trim() || undefined;
  return {
    channel: el('channel').value,
    applicant: {
      name: value('name'),
      mobile: value('mobile'),
      email: value('email'),
      address: value('address'),
      preferredLanguage: el('language').value,
    },
    subject: value('subject'),
    description: value('description'),
    letterReference: value('letter-reference'),
    letterDate: value('letter-date'),
  };
}

async function earlierItem(item) {
  if (!item.applicant.mobile && !item.applicant.email) {
    return null;
  }
  const answer = await (await call('/api/v1/complaints/possible-duplicates', {
    method: 'POST',
    json: { mobile: item.applicant.mobile, email: item.applicant.email, subject: item.subject },
  })).json();
  return answer.earlier || null;
}

async function register(event) {
  if (event) {
    event.preventDefault();
  }
  const form = el('register');
  notice('register-problem', null);
  const wrong = check(form);
  if (wrong) {
    notice('register-problem', wrong.text);
    wrong.input.focus();
    return;
  }
  const item = submission();
  if (!item.applicant.mobile && !item.applicant.email && item.channel !== 'POST') {
    notice('register-problem', t('field.mobileOrEmail'));
    el('mobile').focus();
    return;
  }
  const button = el('register-submit');
  button.disabled = true;
  try {
    if (!confirmedRepeat) {
      const earlier = await earlierItem(item);
      if (earlier) {
        el('duplicate-text').textContent = t('duplicate.found',
          { date: dateTime(earlier.receivedAt), number: earlier.receiptNumber, subject: earlier.subject });
        el('duplicate').hidden = false;
        el('register-anyway').focus();
        return;
      }
    }
    // one key per filled-in form: a retry after a lost answer gives the same receipt
    idempotencyKey = idempotencyKey || randomKey();
    const body = new FormData();
    body.append('complaint', new Blob([JSON.stringify(item)], { type: 'application/json' }));
    files.forEach((file) => body.append('files', file, file.name));
    const progress = el('register-progress');
    progress.hidden = files.length === 0;
    progress.value = 0;
    const answer = await upload('/api/v1/complaints', body, (share) => { progress.value = share; },
      { 'Idempotency-Key': idempotencyKey });
    progress.hidden = true;
    await showReceipt(answer.body);
  } catch (problem) {
    notice('register-problem', explain(problem));
  } finally {
    button.disabled = false;
  }
}

function startAgain() {
  el('register').reset();
  files = [];
  listFiles();
  idempotencyKey = null;
  confirmedRepeat = false;
  el('duplicate').hidden = true;
  el('receipt').hidden = true;
  el('register').hidden = false;
  el('name').focus();
}

// --- the receipt ------------------------------------------------------------------

async function showReceipt(receipt) {
  shownReceipt = receipt;
  el('receipt-number').textContent = receipt.receiptNumber;
  el('receipt-code').textContent = receipt.accessCode || '—';
  el('receipt-subject').textContent = receipt.subject;
  el('receipt-received').textContent = dateTime(receipt.receivedAt);
  el('receipt').hidden = false;
  // the receipt exactly as the office prints it, in a frame of this page (so our
  // print button prints it, and the CSP is the page's)
  const html = await (await call('/api/v1/complaints/' + encodeURIComponent(receipt.receiptNumber) + '/receipt.html',
    { headers: { Accept: 'text/html' } })).text();
  el('receipt-page').srcdoc = html;
  el('receipt').scrollIntoView();
  el('print').focus();
}

function printReceipt() {
  el('receipt-page').contentWindow.print();
}

function savePdf() {
  download('/api/v1/complaints/' + encodeURIComponent(shownReceipt.receiptNumber) + '/receipt.pdf',
    'receipt-' + shownReceipt.receiptNumber + '.pdf', 'application/pdf')
    .catch((problem) => notice('find-problem', explain(problem)));
}

// --- fax --------------------------------------------------------------------------

async function registerFax(event) {
  event.preventDefault();
  const form = el('fax');
  notice('fax-problem', null);
  const wrong = check(form);
  if (wrong) {
    notice('fax-problem', wrong.text);
    wrong.input.focus();
    return;
  }
  const fax = {
    faxId: 'desk-' + el('fax-number').value.replace(/\D/g, '') + '-' + el('fax-received').value,
    senderNumber: el('fax-number').value.trim(),
    receivedAt: new Date(el('fax-received').value).toISOString(),
    senderName: el('fax-sender').value.trim() || undefined,
    subject: el('fax-subject').value.trim() || undefined,
  };
  const body = new FormData();
  body.append('fax', new Blob([JSON.stringify(fax)], { type: 'application/json' }));
  Array.from(el('fax-pages').files).forEach((file) => body.append('pages', file, file.name));
  const progress = el('fax-progress');
  progress.hidden = false;
  try {
    const answer = await upload('/api/v1/channels/fax', body, (share) => { progress.value = share; });
    form.reset();
    await showReceipt(answer.body);
  } catch (problem) {
    notice('fax-problem', explain(problem));
  } finally {
    progress.hidden = true;
  }
}

// --- register import -----------------------------------------------------------------

function showImport(job) {
  el('import-status').textContent = t('import.progress', job);
  const body = el('import-report').querySelector('tbody');
  body.textContent = '';
  for (const row of job.rows || []) {
    const line = document.createElement('tr');
    for (const value of [row.line, row.registerNumber, t('outcome.' + row.outcome), row.receiptNumber, row.reason]) {
      const cell = document.createElement('td');
      cell.textContent = value === undefined || value === null ? '' : String(value);
      line.appendChild(cell);
    }
    body.appendChild(line);
  }
  el('import-report').hidden = !(job.rows && job.rows.length);
}

async function importRegister(event) {
  event.preventDefault();
  notice('import-problem', null);
  const file = el('import-file').files[0];
  if (!file) {
    notice('import-problem', t('field.required', { name: t('import.file') }));
    return;
  }
  const body = new FormData();
  body.append('file', file, file.name);
  const progress = el('import-progress');
  progress.hidden = false;
  progress.value = 0;
  try {
    // the upload is the first half of the bar; the rows taken, the second
    let job = (await upload('/api/v1/imports', body, (share) => { progress.value = share / 2; })).body;
    while (job.status === 'RUNNING') {
      showImport(job);
      progress.value = 0.5 + (job.total ? job.processed / job.total / 2 : 0);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      job = await getJson('/api/v1/imports/' + encodeURIComponent(job.id));
    }
    progress.value = 1;
    showImport(job);
    if (job.status !== 'DONE') {
      notice('import-problem', t('import.interrupted'));
    }
  } catch (problem) {
    notice('import-problem', explain(problem));
    progress.hidden = true;
  }
}

// --- find -------------------------------------------------------------------------

async function find(event) {
  event.preventDefault();
  notice('find-problem', null);
  const wrong = check(el('find'));
  if (wrong) {
    notice('find-problem', wrong.text);
    return;
  }
  const number = el('find-number').value.trim().toUpperCase();
  try {
    await showReceipt(await getJson('/api/v1/complaints/' + encodeURIComponent(number) + '/receipt'));
  } catch (problem) {
    notice('find-problem', explain(problem));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  if (!frame('RECEIPT_DESK')) {
    return;
  }
  const drop = el('drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    addFiles(event.dataTransfer.files);
  });
  el('scans').addEventListener('change', (event) => {
    addFiles(event.target.files);
    event.target.value = '';
  });
  el('register').addEventListener('submit', register);
  el('register-anyway').addEventListener('click', () => {
    confirmedRepeat = true;
    el('duplicate').hidden = true;
    register(null);
  });
  el('duplicate-cancel').addEventListener('click', () => {
    el('duplicate').hidden = true;
    el('subject').focus();
  });
  // a changed applicant or subject is checked again
  for (const id of ['mobile', 'email', 'subject']) {
    el(id).addEventListener('input', () => { confirmedRepeat = false; });
  }
  el('fax').addEventListener('submit', registerFax);
  el('import').addEventListener('submit', importRegister);
  el('find').addEventListener('submit', find);
  el('print').addEventListener('click', printReceipt);
  el('pdf').addEventListener('click', savePdf);
  el('another').addEventListener('click', startAgain);
  document.addEventListener('dak:language', listFiles);
  el('name').focus();
});

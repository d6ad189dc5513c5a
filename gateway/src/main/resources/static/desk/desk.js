// What every desk shares: the language (Hindi or English, remembered), the session (the
// API's access and refresh tokens, kept in this tab only), calls to the API through the
// gateway, and problem documents shown in the page's language. The pages hold no data:
// the API decides what each role may see and do.

const LANG_KEY = 'dak.lang';
const SESSION_KEY = 'dak.session';

const WORDS = {
  'app.title': ['डाक ट्रैकिंग', 'Dak Tracking'],
  'lang.switch': ['English', 'हिन्दी'],
  'nav.skip': ['मुख्य भाग पर जाएँ', 'Skip to the main part'],
  'nav.desks': ['डेस्क', 'Desks'],
  'nav.signOut': ['साइन आउट', 'Sign out'],
  'desk.receipt': ['प्राप्ति डेस्क', 'Receipt desk'],
  'desk.dm': ['जिलाधिकारी डेस्क', "DM's desk"],
  'desk.department': ['विभागीय डेस्क', 'Department desk'],
  'desk.admin': ['प्रशासन', 'Administration'],
  'desk.health': ['सिस्टम की स्थिति', 'System health'],
  'role.RECEIPT_DESK': ['प्राप्ति लिपिक', 'Receipt clerk'],
  'role.DM': ['जिलाधिकारी कार्यालय', "DM's office"],
  'role.DEPARTMENT_OFFICER': ['विभागीय अधिकारी', 'Department officer'],
  'role.CHANNEL_ADAPTER': ['चैनल एडेप्टर', 'Channel adapter'],
  'role.AUDITOR': ['लेखा परीक्षक', 'Auditor'],
  'role.ADMIN': ['प्रशासक', 'Administrator'],
  'col.receipt': ['पावती', 'Receipt'],
  'col.received': ['प्राप्ति', 'Received'],
  'col.applicant': ['आवेदक', 'Applicant'],
  'col.subject': ['विषय', 'Subject'],
  'col.place': ['स्थान', 'Place'],
  'field.photo': ['फ़ोटो (आवेदक का लिंक)', 'Photo (the applicant’s link)'],
  'col.state': ['स्थिति', 'State'],
  'col.department': ['विभाग', 'Department'],
  'col.due': ['निष्पादन तिथि', 'Due by'],
  'col.when': ['कब', 'When'],
  'field.channel': ['माध्यम', 'Channel'],
  'field.email': ['ई-मेल', 'E-mail'],
  'field.mobile': ['मोबाइल', 'Mobile'],
  'field.subject': ['विषय', 'Subject'],
  'channel.WALK_IN': ['काउंटर पर (स्वयं)', 'In person at the counter'],
  'channel.POST': ['डाक', 'Post'],
  'channel.EMAIL': ['ई-मेल', 'E-mail'],
  'channel.FAX': ['फैक्स', 'Fax'],
  'channel.SOCIAL_MEDIA': ['सोशल मीडिया', 'Social media'],
  'channel.WEB': ['वेब पोर्टल', 'Web portal'],
  'page.back': ['← पिछला', '← Previous'],
  'page.next': ['अगला →', 'Next →'],
  'page.where': ['पृष्ठ {page} / {pages} · कुल {total}', 'Page {page} of {pages} · {total} in all'],
  'item.timeline': ['समय-रेखा', 'Timeline'],
  'item.messages': ['भेजे गए संदेश', 'Messages sent'],
  'case.RECEIVED': ['प्राप्त', 'Received'],
  'case.MARKED': ['विभाग को चिह्नित', 'Marked to department'],
  'case.IN_PROGRESS': ['कार्यवाही जारी', 'In progress'],
  'case.DISPOSED': ['निष्पादित', 'Disposed'],
  'case.RETURNED': ['जिलाधिकारी को वापस', 'Returned to the DM'],
  'case.RECALLED': ['जिलाधिकारी द्वारा वापस लिया गया', 'Recalled by the DM'],
  'case.REJECTED': ['अस्वीकृत', 'Rejected'],
  'case.REOPENED': ['अपील पर पुनः खोला गया', 'Reopened on appeal'],
  'case.CLOSED': ['बंद', 'Closed'],
  'step.ACKNOWLEDGE': ['प्राप्ति स्वीकार करें', 'Acknowledge'],
  'step.FORWARD': ['अधीनस्थ कार्यालय को अग्रसारित करें', 'Forward to an office'],
  'step.ACTION_TAKEN': ['की गई कार्रवाई (साक्ष्य सहित)', 'Action taken (with evidence)'],
  'step.INTERIM_REPLY': ['अंतरिम उत्तर', 'Interim reply'],
  'done.ACKNOWLEDGED': ['विभाग द्वारा प्राप्त', 'Acknowledged'],
  'done.FORWARDED': ['कार्यालय को अग्रसारित', 'Forwarded'],
  'done.ACTION_TAKEN': ['कार्रवाई की गई', 'Action taken'],
  'done.INTERIM_REPLY': ['अंतरिम उत्तर', 'Interim reply'],
  'error.network': ['नेटवर्क त्रुटि: जो भरा है वह सुरक्षित है, फिर से प्रयास करें।',
    'Network error: what you typed is kept; please try again.'],
  'error.unknown': ['अभी यह नहीं हो सका, थोड़ी देर बाद फिर प्रयास करें।', 'This could not be done now; please try again shortly.'],
  'problem.unauthorized': ['कृपया फिर से साइन इन करें।', 'Please sign in again.'],
  'problem.forbidden': ['आपकी भूमिका में यह अनुमति नहीं है।', 'Your role does not allow this.'],
  'problem.too-many-requests': ['बहुत अधिक अनुरोध; कुछ देर बाद प्रयास करें।', 'Too many requests; please wait a little.'],
  'problem.too-many-attempts': ['यहाँ से कई गलत प्रयास हुए हैं; कुछ देर बाद फिर प्रयास करें।',
    'Too many failed attempts from here; please try again in a little while.'],
  'problem.sign-in-failed': ['उपयोगकर्ता नाम या पासवर्ड गलत है।', 'Wrong username or password.'],
  'problem.wrong-password': ['वर्तमान पासवर्ड सही नहीं है।', 'The current password is not right.'],
  'problem.weak-password': ['यह पासवर्ड स्वीकार्य नहीं है (कम से कम 12 अक्षर, उपयोगकर्ता नाम से अलग)।',
    'This password is not accepted (12 characters or more, not like the username).'],
  'problem.invalid-request': ['भरी गई जानकारी ठीक नहीं है:', 'Some of what was entered is not right:'],
  'problem.complaint-not-found': ['इस संख्या की कोई पावती नहीं मिली।', 'No receipt has this number.'],
  'problem.service-unavailable': ['सेवा अभी उपलब्ध नहीं है; थोड़ी देर बाद प्रयास करें।',
    'The service is not available now; please try again shortly.'],
  'problem.payload-too-large': ['फ़ाइलें बहुत बड़ी हैं।', 'The files are too large.'],
};

let language = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'hi';
const extraWords = {};

/** Adds a page's own words: { key: [hindi, english] }. */
export function words(more) {
  Object.assign(extraWords, more);
}

/** A word in the page's language; {name} placeholders are filled from values. */
export function t(key, values) {
  const pair = extraWords[key] || WORDS[key];
  let text = pair ? pair[language === 'hi' ? 0 : 1] : key;
  if (values) {
    for (const [name, value] of Object.entries(values)) {
      text = text.replaceAll('{' + name + '}', String(value));
    }
  }
  return text;
}

export function lang() {
  return language;
}

/** Puts every data-t text (and data-t-label, data-t-placeholder) into the page's language. */
export function translate(root = document) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-t]').forEach((el) => { el.textContent = t(el.dataset.t); });
  root.querySelectorAll('[data-t-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.tPlaceholder); });
  root.querySelectorAll('[data-t-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.tLabel)); });
  const title = document.querySelector('title[data-t-title]');
  if (title) {
    document.title = t(title.dataset.tTitle) + ' · ' + t('app.title');
  }
  document.dispatchEvent(new CustomEvent('dak:language'));
}

function switchLanguage() {
  language = language === 'hi' ? 'en' : 'hi';
  localStorage.setItem(LANG_KEY, language);
  translate();
}

export function el(id) {
  return document.getElementById(id);
}

/** Shows a message in a notice element (role=alert), or hides it with no text. */
export function notice(id, text, kind = 'error') {
  const box = el(id);
  box.className = 'notice ' + kind;
  box.textContent = text || '';
  box.hidden = !text;
}

// --- session ------------------------------------------------------------------------

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
  } catch (ignored) {
    return null;
  }
}

function keep(tokens) {
  const payload = JSON.parse(atob(tokens.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  const kept = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
    username: payload.sub,
    roles: tokens.roles || [],
    passwordChangeRequired: !!tokens.passwordChangeRequired,
    department: payload.department || null,
    office: payload.office || null,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(kept));
  return kept;
}

export function hasRole(role) {
  const current = session();
  return !!current && current.roles.includes(role);
}

/** Signs in; resolves to the session, or rejects with a Problem. */
export async function signIn(username, password) {
  const response = await call('/api/v1/auth/login', { method: 'POST', json: { username, password }, anonymous: true });
  return keep(await response.json());
}

export async function signOut() {
  const current = session();
  if (current) {
    try {
      await call('/api/v1/auth/logout', { method: 'POST' });
    } catch (ignored) {
      // the tokens are forgotten here either way
    }
  }
  sessionStorage.removeItem(SESSION_KEY);
  location.assign('/desk/');
}

let refreshing = null;

async function freshToken() {
  const current = session();
  if (!current) {
    return null;
  }
  if (current.expiresAt - Date.now() > 60_000) {
    return current.accessToken;
  }
  if (!refreshing) {
    refreshing = fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    }).then(async (response) => {
      if (!response.ok) {
        sessionStorage.removeItem(SESSION_KEY);
        return null;
      }
      return keep(await response.json()).accessToken;
    }).finally(() => { refreshing = null; });
  }
  return refreshing;
}

// --- calls ------------------------------------------------------------------------

/** A problem document (RFC 9457) the API answered with, or a network failure. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || ('HTTP ' + status));
    this.status = status;
    this.body = body || {};
    this.kind = (this.body.type || '').replace(/^.*\/problems\//, '');
  }

  /**
   * The message in the page's language: ours for the kinds we know (with the fields the
   * API names), else the API's own detail (English), after ours in Hindi. (Not named
   * message: Error's own message property would hide it.)
   */
  text() {
    if (this.status === 0) {
      return t('error.network');
    }
    const key = 'problem.' + this.kind;
    const details = (this.body.errors || [])
      .map((e) => (e.field ? e.field + ': ' : '') + (e.message || ''))
      .join('; ');
    if (t(key) !== key) {
      return details ? t(key) + ' ' + details : t(key);
    }
    if (!this.body.detail) {
      return t('error.unknown');
    }
    return language === 'hi' ? t('error.unknown') + ' (' + this.body.detail + ')' : this.body.detail;
  }
}

/** What went wrong, for the page: a problem's text, or for anything else our general message. */
export function explain(error) {
  if (error instanceof Problem) {
    return error.text();
  }
  console.error(error);
  return t('error.unknown');
}

/**
 * Calls the API with the session's token; JSON in (options.json) or a FormData body;
 * resolves to the response when it is 2xx, rejects with a Problem otherwise. A 401 ends
 * the session and shows the sign-in page, coming back here afterwards.
 */
export async function call(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json, application/problem+json' }, options.headers || {});
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (!options.anonymous) {
    const token = await freshToken();
    if (!token) {
      toSignIn();
      throw new Problem(401, { type: '/problems/unauthorized' });
    }
    headers.Authorization = 'Bearer ' + token;
  }
  let response;
  try {
    response = await fetch(path, { method: options.method || 'GET', headers, body });
  } catch (ignored) {
    throw new Problem(0, null);
  }
  if (response.ok) {
    return response;
  }
  let problem = null;
  try {
    problem = await response.json();
  } catch (ignored) {
    problem = null;
  }
  if (response.status === 401 && !options.anonymous) {
    sessionStorage.removeItem(SESSION_KEY);
    toSignIn();
  }
  throw new Problem(response.status, problem);
}

export async function getJson(path) {
  return (await call(path)).json();
}

/**
 * Sends a multipart form with upload progress (fetch cannot report it); resolves to the
 * parsed JSON answer and the status.
 */
export async function upload(path, form, onProgress, headers = {}) {
  const token = await freshToken();
  if (!token) {
    toSignIn();
    throw new Problem(401, { type: '/problems/unauthorized' });
  }
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Authorization', 'Bearer ' + token);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(headers)) {
      request.setRequestHeader(name, value);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', () => {
      let answer = null;
      try {
        answer = JSON.parse(request.responseText);
      } catch (ignored) {
        answer = null;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve({ status: request.status, body: answer });
      } else {
        reject(new Problem(request.status, answer));
      }
    });
    request.addEventListener('error', () => reject(new Problem(0, null)));
    request.send(form);
  });
}

/** A file fetched with the session's token, as a data: URL (the CSP allows data: images). */
export async function dataUrl(path) {
  const blob = await (await call(path, { headers: { Accept: '*/*' } })).blob();
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.readAsDataURL(blob);
  });
}

function toSignIn() {
  if (!location.pathname.match(/^\/desk\/?(index\.html)?$/)) {
    location.assign('/desk/?next=' + encodeURIComponent(location.pathname + location.search));
  }
}

// --- page frame -------------------------------------------------------------------

const DESKS = [
  { href: '/desk/receipt.html', key: 'desk.receipt', roles: ['RECEIPT_DESK'] },
  { href: '/desk/dm.html', key: 'desk.dm', roles: ['DM'] },
  { href: '/desk/department.html', key: 'desk.department', roles: ['DEPARTMENT_OFFICER'] },
  { href: '/desk/admin.html', key: 'desk.admin', roles: ['ADMIN'] },
  { href: '/desk/health.html', key: 'desk.health', roles: ['ADMIN', 'AUDITOR'] },
];

/** The desks the signed-in roles have. */
export function desks() {
  const current = session();
  if (!current) {
    return [];
  }
  return DESKS.filter((desk) => desk.roles.some((role) => current.roles.includes(role)));
}

/**
 * Builds the page's top bar (title, desks, language switch, who is signed in) and, for a
 * desk page, sends a visitor without a session (or without the role) to sign in first.
 */
export function frame(role) {
  const current = session();
  if (role && (!current || !current.roles.includes(role))) {
    toSignIn();
    return null;
  }
  const bar = document.createElement('header');
  bar.className = 'bar';
  bar.innerHTML = '<a class="skip" href="#main" data-t="nav.skip"></a>'
    + '<h1 data-t="app.title"></h1><nav aria-label="desks"></nav>'
    + '<div class="who"><span id="who-name"></span>'
    + '<button type="button" class="link" id="lang-switch" data-t="lang.switch"></button>'
    + '<button type="button" class="link" id="sign-out" data-t="nav.signOut" hidden></button></div>';
  const nav = bar.querySelector('nav');
  for (const desk of desks()) {
    const link = document.createElement('a');
    link.href = desk.href;
    link.dataset.t = desk.key;
    if (location.pathname === desk.href) {
      link.setAttribute('aria-current', 'page');
    }
    nav.appendChild(link);
  }
  document.body.prepend(bar);
  if (current) {
    el('who-name').textContent = current.username;
    el('sign-out').hidden = false;
  }
  el('lang-switch').addEventListener('click', switchLanguage);
  el('sign-out').addEventListener('click', signOut);
  translate();
  return current;
}

/**
 * A random key (for Idempotency-Key): crypto.randomUUID exists only on HTTPS or localhost,
 * an office LAN may serve plain HTTP.
 */
export function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A table cell: text (a dash when there is none) or an element. */
export function cell(row, value) {
  const td = document.createElement('td');
  if (value instanceof Node) {
    td.appendChild(value);
  } else {
    td.textContent = value === undefined || value === null || value === '' ? '—' : String(value);
  }
  row.appendChild(td);
  return td;
}

/** A button that looks like a link (an item's number that opens it). */
export function linkButton(text, onClick) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link';
  button.textContent = text;
  button.addEventListener('click', onClick);
  return button;
}

/** Fetches a file with the session's token and hands it to the browser as a download. */
export async function download(path, filename, accept = '*/*') {
  const blob = await (await call(path, { headers: { Accept: accept } })).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Dates and times as the office reads them: Indian Standard Time. */
/**
 * Where an item is about, as the applicant gave it: the place in words, a map link for
 * its coordinates, and the link to their photo (opened in a new tab, never fetched here).
 */
export function showPlace(dd, place, mediaUrl) {
  dd.textContent = '';
  const parts = [];
  if (place && (place.address || place.addressId)) {
    parts.push(document.createTextNode([place.address, place.addressId].filter(Boolean).join(' · ')));
  }
  if (place && place.latitude !== null && place.latitude !== undefined) {
    parts.push(outLink('https://www.openstreetmap.org/?mlat=' + place.latitude + '&mlon=' + place.longitude
      + '#map=17/' + place.latitude + '/' + place.longitude, place.latitude + ', ' + place.longitude));
  }
  if (mediaUrl && /^https?:\/\//.test(mediaUrl)) {
    parts.push(outLink(mediaUrl, '📷 ' + t('field.photo')));
  }
  parts.forEach((part, i) => dd.append(...(i ? [' · ', part] : [part])));
  if (!parts.length) {
    dd.textContent = '—';
  }
}

function outLink(href, text) {
  const link = document.createElement('a');
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = text;
  return link;
}

export function dateTime(iso) {
  return new Date(iso).toLocaleString(language === 'hi' ? 'hi-IN' : 'en-IN',
    { timeZone: 'Asia/Kolkata', dateStyle: 'medium', timeStyle: 'short' });
}

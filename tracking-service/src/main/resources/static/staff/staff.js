// The staff view of one item, opened from the QR code's tracking link. The access token
// (15 minutes) is kept in this browser's local storage; nothing else is.
(function () {
  'use strict';

  var KEY = 'dak.staff';
  var LABELS = {
    RECEIVED: 'प्राप्त · Received', MARKED: 'विभाग को चिह्नित · Marked', IN_PROGRESS: 'कार्यवाही जारी · In progress',
    DISPOSED: 'निष्पादित · Disposed', RETURNED: 'जिलाधिकारी को वापस · Returned to the DM',
    RECALLED: 'जिलाधिकारी द्वारा वापस लिया गया · Recalled by the DM', REJECTED: 'अस्वीकृत · Rejected',
    REOPENED: 'अपील पर पुनः खोला गया · Reopened on appeal', CLOSED: 'बंद · Closed',
    ACKNOWLEDGED: 'विभाग द्वारा प्राप्त · Acknowledged', FORWARDED: 'कार्यालय को अग्रसारित · Forwarded',
    ACTION_TAKEN: 'कार्रवाई की गई · Action taken', INTERIM_REPLY: 'अंतरिम उत्तर · Interim reply'
  };
  var id = new URLSearchParams(location.search).get('id') || '';

  function el(name) { return document.getElementById(name); }

  function session() {
    try {
      var saved = JSON.parse(localStorage.getItem(KEY) || 'null');
      if (saved && saved.token && saved.expiresAt > Date.now()) { return saved; }
    } catch (ignored) { /* a damaged entry is no session */ }
    localStorage.removeItem(KEY);
    return null;
  }

  function show(name, visible) { el(name).hidden = !visible; }

  function say(text) { el('message').textContent = text; show('message', true); }

  function signedIn(saved) {
    el('username').textContent = saved.username;
    show('who', true);
    show('sign-in', false);
    load(saved);
  }

  function signInForm() {
    show('who', false);
    show('item', false);
    show('sign-in', true);
    el('username-input').focus();
  }

  function time(iso) {
    return new Date(iso).toLocaleString('en-IN', { timeZone: 'Asia/Kolkata', dateStyle: 'medium', timeStyle: 'short' }) + ' IST';
  }

  function text(name, value) { el(name).textContent = (value === null || value === undefined || value === '') ? '—' : value; }

  /** The place in words, a map link for its coordinates, the applicant's photo link. */
  function place(dd, where, mediaUrl) {
    var parts = [];
    if (where && (where.address || where.addressId)) {
      parts.push(document.createTextNode([where.address, where.addressId].filter(Boolean).join(' · ')));
    }
    if (where && where.latitude !== null && where.latitude !== undefined) {
      parts.push(link('https://www.openstreetmap.org/?mlat=' + where.latitude + '&mlon=' + where.longitude
        + '#map=17/' + where.latitude + '/' + where.longitude, where.latitude + ', ' + where.longitude));
    }
    if (mediaUrl && /^https?:\/\//.test(mediaUrl)) {
      parts.push(link(mediaUrl, '📷 फ़ोटो · Photo'));
    }
    dd.textContent = parts.length ? '' : '—';
    parts.forEach(function (part, i) {
      if (i) {
        dd.appendChild(document.createTextNode(' · '));
      }
      dd.appendChild(part);
    });
  }

  function link(href, label) {
    var a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = label;
    return a;
  }

  function render(item) {
    text('status-hi', item.statusHi);
    text('status-en', item.statusEn);
    text('receipt', item.complaintId);
    text('subject', item.subject);
    place(el('place'), item.place, item.mediaUrl);
    text('received', item.receivedAt ? time(item.receivedAt) : '');
    text('applicant', item.applicant ? item.applicant.initials + ' · ' + (item.applicant.mobile || '') : '');
    text('department', item.departmentName ? item.departmentName + ' (' + item.departmentCode + ')' : '');
    text('office', item.officeCode);
    text('copies', (item.copiedTo || []).join(', '));
    text('due', item.dueDate);
    var list = el('timeline');
    list.textContent = '';
    (item.timeline || []).forEach(function (entry) {
      var li = document.createElement('li');
      var when = document.createElement('time');
      when.textContent = time(entry.at);
      li.appendChild(when);
      var what = document.createElement('span');
      what.className = 'step';
      var kind = entry.step || entry.status;
      what.textContent = ' ' + (LABELS[kind] || kind) + (entry.departmentCode ? ' · ' + entry.departmentCode : '')
        + (entry.officeCode ? ' → ' + entry.officeCode : '') + (entry.actor ? ' · ' + entry.actor : '');
      li.appendChild(what);
      if (entry.note) {
        var note = document.createElement('q');
        note.className = 'note';
        note.textContent = entry.note;
        li.appendChild(note);
      }
      (entry.evidence || []).forEach(function (file) {
        var span = document.createElement('span');
        span.className = 'note';
        span.textContent = '📎 ' + file.filename + ' (' + Math.ceil(file.size / 1024) + ' KB)';
        li.appendChild(span);
      });
      list.appendChild(li);
    });
    var messages = el('messages');
    messages.textContent = '';
    (item.messages || []).forEach(function (message) {
      var li = document.createElement('li');
      li.textContent = time(message.at) + ' · ' + (message.channel === 'SMS' ? 'SMS' : 'ई-मेल · e-mail') + ' · '
        + message.audience + ' ' + message.recipient + ' · ' + message.template + ' · ' + message.status;
      messages.appendChild(li);
    });
    show('item', true);
  }

  function load(saved) {
    if (!/^[A-Z]{2,5}-\d{4}-\d{6}-[0-9A-Z]$/.test(id)) {
      say('पावती संख्या ठीक नहीं है · Not a receipt number: ' + id);
      return;
    }
    fetch('/api/v1/cases/' + encodeURIComponent(id), { headers: { 'Authorization': 'Bearer ' + saved.token, 'Accept': 'application/json' } })
      .then(function (response) {
        if (response.status === 401) { localStorage.removeItem(KEY); signInForm(); return null; }
        if (response.status === 404 || response.status === 403) {
          say('यह आवेदन आपके विभाग को चिह्नित नहीं है, या मौजूद नहीं है। · This item is not marked to your department, or does not exist.');
          return null;
        }
        if (!response.ok) { say('अभी विवरण नहीं मिल सका, थोड़ी देर बाद प्रयास करें। · Could not load the item now; please try again shortly.'); return null; }
        return response.json();
      })
      .then(function (item) { if (item) { render(item); } })
      .catch(function () { say('नेटवर्क त्रुटि · Network error; please try again.'); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    el('sign-in').addEventListener('submit', function (event) {
      event.preventDefault();
      show('sign-in-error', false);
      var username = el('username-input').value.trim();
      fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ username: username, password: el('password-input').value })
      }).then(function (response) {
        if (!response.ok) {
          el('sign-in-error').textContent = response.status === 429
            ? 'बहुत अधिक प्रयास; कुछ देर बाद प्रयास करें। · Too many attempts; please wait a little.'
            : 'उपयोगकर्ता नाम या पासवर्ड गलत है। · Wrong username or password.';
          show('sign-in-error', true);
          return null;
        }
        return response.json();
      }).then(function (tokens) {
        if (!tokens) { return; }
        var saved = { token: tokens.accessToken, username: username, expiresAt: Date.now() + (tokens.expiresIn - 30) * 1000 };
        localStorage.setItem(KEY, JSON.stringify(saved));
        el('password-input').value = '';
        signedIn(saved);
      }).catch(function () {
        el('sign-in-error').textContent = 'नेटवर्क त्रुटि · Network error; please try again.';
        show('sign-in-error', true);
      });
    });
    el('sign-out').addEventListener('click', function () {
      localStorage.removeItem(KEY);
      signInForm();
    });
    var saved = session();
    if (saved) { signedIn(saved); } else { signInForm(); }
  });
}());

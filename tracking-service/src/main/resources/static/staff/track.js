// On the public tracking page: an officer signed in on this browser goes straight to the
// full item (the QR code on the paper opens it for them); everyone else stays here.
(function () {
  'use strict';
  try {
    var saved = JSON.parse(localStorage.getItem('dak.staff') || 'null');
    var link = document.querySelector('a[data-staff-item]');
    if (saved && saved.token && saved.expiresAt > Date.now() && link) {
      location.replace(link.getAttribute('href'));
    }
  } catch (ignored) { /* no session: the public page it is */ }
}());

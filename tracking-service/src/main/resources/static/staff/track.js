// On the public tracking page: an officer signed in on this browser goes straight to the
// full item (the QR code on the paper opens it for them); the applicant, with the code
// from the receipt in this page's address, gives feedback once the item is disposed of
// and chooses where messages go. Nothing here is kept in the browser.
(function () {
  'use strict';
  try {
    var saved = JSON.parse(localStorage.getItem('dak.staff') || 'null');
    var link = document.querySelector('a[data-staff-item]');
    if (saved && saved.token && saved.expiresAt > Date.now() && link) {
      location.replace(link.getAttribute('href'));
      return;
    }
  } catch (ignored) { /* no session: the public page it is */ }

  var number = decodeURIComponent(location.pathname.replace(/^\/track\//, ''));
  var code = new URLSearchParams(location.search).get('code');
  if (!code) {
    return;
  }
  var query = '?code=' + encodeURIComponent(code);

  function answer(id, text, ok) {
    var box = document.getElementById(id);
    box.textContent = text;
    box.className = ok ? 'ok' : 'error';
    box.hidden = false;
  }

  function failed(id, response) {
    return response.json().then(function (problem) {
      answer(id, 'नहीं हो सका · Not done: ' + (problem.detail || response.status), false);
    }, function () {
      answer(id, 'नहीं हो सका, फिर प्रयास करें · Not done; please try again.', false);
    });
  }

  function send(path, method, body) {
    return fetch(path + query, {
      method: method,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: body && JSON.stringify(body)
    });
  }

  var feedback = document.getElementById('feedback');
  if (feedback) {
    feedback.hidden = false;
    feedback.addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = feedback.querySelector('input[name=satisfied]:checked');
      send('/api/v1/public/track/' + encodeURIComponent(number) + '/feedback', 'POST',
        { satisfied: chosen.value === 'true', reason: feedback.elements.reason.value.trim() || null })
        .then(function (response) {
          if (response.ok) {
            answer('feedback-answer', 'धन्यवाद, आपकी राय दर्ज हो गई। · Thank you, your feedback is recorded.', true);
            feedback.querySelector('button').disabled = true;
          } else {
            return failed('feedback-answer', response);
          }
        }, function () { answer('feedback-answer', 'नेटवर्क त्रुटि · Network error; please try again.', false); });
    });
  }

  var preferences = document.getElementById('preferences');
  var where = '/api/v1/public/notifications/' + encodeURIComponent(number) + '/preferences';
  send(where, 'GET').then(function (response) {
    if (!response.ok) {
      return;
    }
    return response.json().then(function (choice) {
      [['sms', choice.sms], ['email', choice.email]].forEach(function (pair) {
        var box = preferences.elements[pair[0]];
        // a channel the applicant did not register cannot be chosen
        box.disabled = pair[1] === null || pair[1] === undefined;
        box.checked = pair[1] === true;
      });
      preferences.hidden = false;
    });
  });
  preferences.addEventListener('submit', function (event) {
    event.preventDefault();
    var choice = {};
    ['sms', 'email'].forEach(function (name) {
      if (!preferences.elements[name].disabled) {
        choice[name] = preferences.elements[name].checked;
      }
    });
    send(where, 'PUT', choice).then(function (response) {
      if (response.ok) {
        answer('preferences-answer', 'सहेजा गया · Saved.', true);
      } else {
        return failed('preferences-answer', response);
      }
    }, function () { answer('preferences-answer', 'नेटवर्क त्रुटि · Network error; please try again.', false); });
  });
}());

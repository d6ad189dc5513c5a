// The citizen's web form: one idempotency key per filled-in form, so a double click or a
// retry after a network error returns the same receipt instead of a second complaint.
(function () {
  const form = document.getElementById('complaint');
  const errors = document.getElementById('errors');
  const key = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
  const value = (name) => { const v = form.elements[name].value.trim(); return v === '' ? null : v; };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.textContent = '';
    const body = {
      channel: 'WEB',
      applicant: { name: value('name'), mobile: value('mobile'), email: value('email'), address: value('address'),
        preferredLanguage: value('preferredLanguage') },
      subject: value('subject'), description: value('description')
    };
    try {
      const response = await fetch('/api/v1/complaints', { method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) });
      const answer = await response.json();
      if (!response.ok) {
        const fields = (answer.errors || []).map((e) => e.field + ': ' + e.message).join('\n');
        errors.textContent = (answer.detail || 'कुछ गलत हुआ / Something went wrong') + (fields ? '\n' + fields : '');
        return;
      }
      const code = answer.accessCode.replace(/-/g, '');
      document.getElementById('receiptNumber').textContent = answer.receiptNumber;
      document.getElementById('accessCode').textContent = answer.accessCode;
      document.getElementById('receiptPdf').href =
        '/api/v1/complaints/public/' + answer.receiptNumber + '/receipt.pdf?code=' + code;
      document.getElementById('tracking').href = answer.trackingUrl;
      form.hidden = true;
      document.getElementById('receipt').hidden = false;
    } catch (e) {
      errors.textContent = 'नेटवर्क त्रुटि, फिर से भेजें (दोबारा दर्ज नहीं होगा) / Network error: send again (it will not be filed twice)';
    }
  });
})();

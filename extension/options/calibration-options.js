// Beside each setting the orders can measure (handling time, cancellation and dispute windows):
// what the last seller-center page measured, as its content script stored it
// (content/calibration.js). Shown only; the seller decides what to save.
const STORE_KEY = 'calibration';
const form = document.getElementById('form');

function show(stored) {
  for (const old of form.querySelectorAll('[data-measured-for]')) old.remove();
  const measured = stored?.measured ?? {};
  for (const [field, text] of Object.entries(measured)) {
    const container = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!container || typeof text !== 'string') continue;
    const note = document.createElement('small');
    note.className = 'measured';
    note.setAttribute('data-measured-for', field);
    note.textContent = text;
    const suggestion = stored.calibration?.[field];
    if (suggestion) note.title = `${suggestion.agreeing}/${suggestion.samples}: ${suggestion.range.join('–')}`;
    container.append(note);
  }
}

try {
  const stored = await chrome.storage.local.get(STORE_KEY);
  show(stored[STORE_KEY]);
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[STORE_KEY]) show(changes[STORE_KEY].newValue);
  });
} catch (error) {
  console.warn('[Deadline Guard] measured settings', error);
}
document.body.setAttribute('data-measured-ready', 'true');

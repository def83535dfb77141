// The options page: every policy setting, validated by the wasm's `Policy::validate` (the same
// rules the engine applies), each error shown next to its field, saved to chrome.storage.sync
// and so applied at once on every open page.
import init, { defaultPolicy, validatePolicy } from '../pkg/deadline_guard.js';
import { EXTENSION_DEFAULTS, loadSettings, saveSettings } from '../settings.js';

const t = (key) => chrome.i18n.getMessage(key) || key;
// dg-list: number-fields (tests/lists_kept_once.rs)
const NUMBERS = ['handlingDays', 'shipTargetHours', 'cancelResponseHours', 'disputeResponseDays', 'riskControlHours',
  'receiptDays', 'supplierShipDays', 'trackingProofDays', 'refundDays', 'criticalHours', 'warningHours'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
// dg-list: zones (tests/lists_kept_once.rs)
const ZONES = ['America/Los_Angeles', 'America/New_York', 'America/Mexico_City', 'America/Sao_Paulo', 'Asia/Shanghai',
  'Asia/Hong_Kong', 'Asia/Seoul', 'Asia/Tokyo', 'Europe/Madrid', 'Europe/Berlin', 'Europe/Paris', 'Europe/Rome',
  'Europe/Lisbon', 'Europe/London', 'Europe/Moscow', 'Europe/Warsaw', 'Europe/Istanbul', 'UTC'];

const form = document.getElementById('form');
const status = document.getElementById('status');

for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
document.title = t('optionsTitle');
document.documentElement.lang = chrome.i18n.getUILanguage();
const weekdayNames = new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { weekday: 'short' });
for (const [i, day] of WEEKDAYS.entries()) {
  const label = document.createElement('label');
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: 'weekend', value: day });
  const name = document.createElement('span');
  name.textContent = weekdayNames.format(new Date(Date.UTC(2024, 0, 1 + i))); // 2024-01-01 was a Monday
  label.append(box, name);
  document.getElementById('weekend').append(label);
}
document.getElementById('zones').append(...ZONES.map((z) => Object.assign(document.createElement('option'), { value: z })));

await init({ module_or_path: new URL('../pkg/deadline_guard_bg.wasm', import.meta.url) });
const DEFAULT_POLICY = JSON.parse(defaultPolicy());

function fill(policy, extension) {
  for (const name of NUMBERS) form.elements[name].value = String(policy[name]);
  form.elements.dayCount.value = policy.dayCount;
  form.elements.platformTimeZone.value = policy.platformTimeZone;
  form.elements.sellerTimeZone.value = policy.sellerTimeZone ?? '';
  form.elements.holidayCountry.value = policy.holidayCountry ?? '';
  for (const box of form.querySelectorAll('input[name="weekend"]')) box.checked = policy.weekend.includes(box.value);
  form.elements.holidays.value = policy.holidays.join('\n');
  form.elements.extensions.value = policy.extensions.map((w) => `${w.from} ${w.to} ${w.extraDays}`).join('\n');
  form.elements.notifications.checked = extension.notifications;
  form.elements.notifyLeadHours.value = extension.notifyLeadHours.join(', ');
  form.elements.snoozeMinutes.value = String(extension.snoozeMinutes);
  form.elements.lang.value = extension.lang;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The form as `{ policy, extension }`, and the errors found before the wasm is asked. */
function read() {
  const errors = [];
  const whole = (name) => {
    const raw = form.elements[name].value.trim();
    if (!/^\d+$/.test(raw)) { errors.push({ field: name, message: t('errNotANumber') }); return 0; }
    return Number(raw);
  };
  const policy = { ...DEFAULT_POLICY };
  for (const name of NUMBERS) policy[name] = whole(name);
  policy.dayCount = form.elements.dayCount.value;
  policy.platformTimeZone = form.elements.platformTimeZone.value.trim();
  policy.sellerTimeZone = form.elements.sellerTimeZone.value.trim() || null;
  policy.holidayCountry = form.elements.holidayCountry.value || null;
  policy.weekend = [...form.querySelectorAll('input[name="weekend"]:checked')].map((b) => b.value);
  policy.holidays = [];
  for (const line of lines(form.elements.holidays.value)) {
    if (DATE.test(line)) policy.holidays.push(line);
    else errors.push({ field: 'holidays', message: t('errNotADate') + line });
  }
  policy.extensions = [];
  for (const line of lines(form.elements.extensions.value)) {
    const [from, to, days, ...rest] = line.split(/\s+/);
    if (DATE.test(from ?? '') && DATE.test(to ?? '') && /^\d+$/.test(days ?? '') && rest.length === 0) {
      policy.extensions.push({ from, to, extraDays: Number(days) });
    } else errors.push({ field: 'extensions', message: t('errBadLine') + line });
  }
  const lead = form.elements.notifyLeadHours.value.split(',').map((s) => s.trim()).filter(Boolean);
  const leadHours = lead.map(Number);
  if (!lead.length || leadHours.some((h) => !Number.isInteger(h) || h < 1 || h > 168)) {
    errors.push({ field: 'notifyLeadHours', message: t('errLeadHours') });
  }
  const extension = {
    notifications: form.elements.notifications.checked,
    notifyLeadHours: [...new Set(leadHours)].sort((a, b) => b - a),
    snoozeMinutes: whole('snoozeMinutes'),
    lang: form.elements.lang.value,
  };
  if (!errors.some((e) => e.field === 'snoozeMinutes') && (extension.snoozeMinutes < 1 || extension.snoozeMinutes > 1440)) {
    errors.push({ field: 'snoozeMinutes', message: '1–1440' });
  }
  return { policy, extension, errors };
}

function showErrors(errors) {
  for (const old of form.querySelectorAll('.error')) old.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const { field, message } of errors) {
    // The wasm names nested fields like `holidays[2]` or `extensions[0].to`: show them on their field.
    const name = field.split(/[[.]/)[0];
    const container = form.querySelector(`[data-field="${CSS.escape(name)}"]`) ?? form.querySelector('.actions');
    const input = container.querySelector('input, select, textarea');
    input?.setAttribute('aria-invalid', 'true');
    const note = document.createElement('span');
    note.className = 'error';
    note.setAttribute('data-error-for', name);
    note.textContent = message;
    container.append(note);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { policy, extension, errors } = read();
  if (!errors.length) errors.push(...JSON.parse(validatePolicy(JSON.stringify(policy))));
  showErrors(errors);
  if (errors.length) {
    status.className = 'bad';
    status.textContent = t('fixErrors');
    return;
  }
  try {
    await saveSettings({ policy, extension });
  } catch (error) {
    // Quota exceeded, too many writes, storage unavailable: say so; the stored settings are untouched.
    status.className = 'bad';
    status.textContent = `${t('saveFailed')} (${error?.message ?? error})`;
    return;
  }
  status.className = 'ok';
  status.textContent = t('saved');
});

document.getElementById('reset').addEventListener('click', () => {
  fill(DEFAULT_POLICY, EXTENSION_DEFAULTS);
  showErrors([]);
  status.textContent = '';
});

const settings = await loadSettings();
fill({ ...DEFAULT_POLICY, ...settings.policy }, settings);
document.body.setAttribute('data-ready', 'true');

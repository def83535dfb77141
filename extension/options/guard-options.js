// The message guard's part of the options page: on/off, the banned words (one per line), which
// contact details to flag, the allowed link sites and the sentence-length limit. Values are
// checked by the wasm (`scanMessage` validates its settings) before they are stored, and every
// problem is shown beside the form, never thrown.
import init, { scanMessage } from '../pkg/deadline_guard.js';
import { loadGuardSettings, saveGuardSettings } from '../features/guard-settings.js';

const ready = init({ module_or_path: new URL('../pkg/deadline_guard_bg.wasm', import.meta.url) });

/** [name, kind, label] of each control, in order. */
const CONTROLS = [
  ['enabled', 'checkbox', 'Warn beside message boxes as I type'],
  ['bannedWords', 'lines', 'Banned words (one per line; empty = WhatsApp, Telegram, WeChat, Viber, Skype)'],
  ['phoneNumbers', 'checkbox', 'Phone numbers'],
  ['emails', 'checkbox', 'E-mail addresses'],
  ['links', 'checkbox', 'Links to other sites'],
  ['allowedLinkDomains', 'lines', 'Sites whose links are fine (one per line; empty = aliexpress)'],
  ['maxSentenceWords', 'number', 'Longest sentence, in words (0 = no limit; empty = 20)'],
];

function buildForm() {
  const fieldset = document.createElement('fieldset');
  fieldset.id = 'guard-fieldset';
  const legend = document.createElement('legend');
  legend.textContent = 'Message guard';
  fieldset.append(legend);
  for (const [name, kind, text] of CONTROLS) {
    const label = document.createElement('label');
    label.dataset.field = name;
    const control = document.createElement(kind === 'lines' ? 'textarea' : 'input');
    control.name = name;
    if (kind === 'checkbox') { control.type = 'checkbox'; label.className = 'check'; }
    if (kind === 'number') { control.type = 'number'; control.min = '0'; control.max = '500'; }
    if (kind === 'lines') control.rows = 4;
    const span = document.createElement('span');
    span.textContent = text;
    if (kind === 'checkbox') label.append(control, span); else label.append(span, control);
    fieldset.append(label);
  }
  const save = document.createElement('button');
  save.type = 'button';
  save.name = 'save';
  save.textContent = 'Save message guard';
  const status = document.createElement('output');
  status.name = 'status';
  status.setAttribute('role', 'status');
  fieldset.append(save, ' ', status);
  return fieldset;
}

/** Renders the guard's options into `container` (an element of the options page). */
export async function renderGuardOptions(container) {
  container.replaceChildren(buildForm());
  const form = container.querySelector('#guard-fieldset');
  const field = (name) => form.querySelector(`[name="${name}"]`);
  const { enabled, scan } = await loadGuardSettings();
  field('enabled').checked = enabled;
  field('bannedWords').value = (scan.bannedWords ?? []).join('\n');
  field('phoneNumbers').checked = scan.phoneNumbers ?? true;
  field('emails').checked = scan.emails ?? true;
  field('links').checked = scan.links ?? true;
  field('allowedLinkDomains').value = (scan.allowedLinkDomains ?? []).join('\n');
  field('maxSentenceWords').value = scan.maxSentenceWords ?? '';

  field('save').addEventListener('click', async () => {
    const lines = (name) => field(name).value.split('\n').map((l) => l.trim()).filter(Boolean);
    const settings = { enabled: field('enabled').checked, phoneNumbers: field('phoneNumbers').checked,
      emails: field('emails').checked, links: field('links').checked };
    if (lines('bannedWords').length) settings.bannedWords = lines('bannedWords');
    if (lines('allowedLinkDomains').length) settings.allowedLinkDomains = lines('allowedLinkDomains');
    if (field('maxSentenceWords').value !== '') settings.maxSentenceWords = Number(field('maxSentenceWords').value);
    const status = field('status');
    try {
      await ready;
      const { enabled: _on, ...scanSettings } = settings;
      const { error } = JSON.parse(scanMessage('', JSON.stringify(scanSettings), 'en'));
      if (error) throw new Error(error); // "message guard settings: field: why"
      await saveGuardSettings(settings);
      status.textContent = 'Saved.';
    } catch (error) {
      status.textContent = String(error?.message ?? error);
    }
  });
}

const container = document.getElementById('guard-options');
if (container) renderGuardOptions(container).catch((error) => { container.textContent = `Message guard: ${error?.message ?? error}`; });

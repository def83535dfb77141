// The message guard's part of the options page: on/off, the banned words (one per line), which
// contact details to flag, the allowed link sites and the sentence-length limit. Values are
// checked by the wasm (`scanMessage` validates its settings) before they are stored, and every
// problem is shown beside the form, never thrown.
import init, { scanMessage } from '../pkg/deadline_guard.js';
import { loadGuardSettings, saveGuardSettings } from '../features/guard-settings.js';

const ready = init({ module_or_path: new URL('../pkg/deadline_guard_bg.wasm', import.meta.url) });

const FIELDS = `
<fieldset id="guard-fieldset">
  <legend>Message guard</legend>
  <label><input type="checkbox" name="enabled"> Warn beside message boxes as I type</label>
  <label>Banned words (one per line; empty = the built-in list)<br><textarea name="bannedWords" rows="5" cols="30"></textarea></label>
  <label><input type="checkbox" name="phoneNumbers"> Phone numbers</label>
  <label><input type="checkbox" name="emails"> E-mail addresses</label>
  <label><input type="checkbox" name="links"> Links to other sites</label>
  <label>Sites whose links are fine (one per line; empty = aliexpress)<br><textarea name="allowedLinkDomains" rows="2" cols="30"></textarea></label>
  <label>Longest sentence, in words (0 = no limit; empty = 20) <input type="number" name="maxSentenceWords" min="0" max="500"></label>
  <button type="button" name="save">Save</button> <output name="status" role="status"></output>
</fieldset>`;

/** Renders the guard's options into `container` (an element of the options page). */
export async function renderGuardOptions(container) {
  // The form is our own static markup; no page or user text ever goes through it.
  const template = document.createElement('template');
  template.innerHTML = FIELDS;
  container.replaceChildren(template.content);
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
      scanMessage('', scanSettings, 'en'); // throws "message guard settings: field: why"
      await saveGuardSettings(settings);
      status.textContent = 'Saved.';
    } catch (error) {
      status.textContent = String(error?.message ?? error);
    }
  });
}

const container = document.getElementById('guard-options');
if (container) renderGuardOptions(container).catch((error) => { container.textContent = `Message guard: ${error?.message ?? error}`; });

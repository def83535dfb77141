// What the page teaches about the settings, in the overlay: one line per setting whose measured
// value differs from the setting ("Handling time on this page looks like 5 days (12 orders); your
// settings say 7") with a button to use it. The records' measurements (each patch's `sample`) are
// gathered here; the suggestion and its words come from the wasm (`calibrate`). Nothing changes
// without the seller's click. The last measurement is kept in chrome.storage.local for the
// options page, which shows it beside each field. Built with textContent only.

const CSS = `
.calibration{border-top:1px solid var(--muted);padding:6px 10px 8px}
.collapsed .calibration{display:none}
.calibration p{margin:0 0 4px}
.calibration button{margin-top:2px;border:1px solid var(--link);border-radius:4px;color:var(--link);background:transparent;padding:1px 8px}
.calibration button:hover{background:light-dark(#e8f0fe,#2d3a4d)}
`;

/** The storage key the options page reads. */
export const STORE_KEY = 'calibration';

export class CalibrationNote {
  /**
   * @param {{ overlay: { section(name: string, css: string): HTMLElement }, engine: object, signal: AbortSignal,
   *   apply: (fields: object) => Promise<void>, store?: chrome.storage.StorageArea }} options
   * `apply` writes the setting (the extension's settings, or the demo's).
   */
  constructor({ overlay, engine, signal, apply, store }) {
    this.engine = engine;
    this.apply = apply;
    this.store = store;
    this.signal = signal;
    this.lastKey = '';
    this.lastStored = '';
    this.box = overlay.section('calibration', CSS);
    this.box.className = 'calibration';
    this.box.hidden = true;
  }

  /**
   * Measures again from the annotated records (`entries`: element → `summaryOf(patch)`), with the
   * scan options in force and the page's language. Skips the wasm when nothing changed.
   */
  async update(entries, optionsJson, lang) {
    // In the publishing task, beside the overlay's own drawing: the line then joins the frame the
    // overlay draws anyway (drawn a second later, alone, it cost a frame of 50-90 ms of its own on a
    // 10,000-order page). Identical samples are grouped, so this adds a few milliseconds.
    const seen = new Set();
    // Identical measurements go to the wasm once, with their count: a 10,000-order page sends a
    // few dozen samples, not 10,000 (whose JSON took a task over 50 ms to write and read).
    const groups = new Map();
    for (const item of entries.values()) {
      // A duplicated row is one order: one measurement.
      if (seen.has(item.orderId) || !item.sample) continue;
      seen.add(item.orderId);
      const { setting, value, working } = item.sample;
      const group = `${setting}|${value}|${working}`;
      const known = groups.get(group);
      if (known) known.count += 1;
      else groups.set(group, { ...item.sample, count: 1 });
    }
    const samplesJson = JSON.stringify([...groups.values()]);
    const key = `${optionsJson}\n${lang}\n${samplesJson}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    let answer;
    try {
      answer = await this.engine.calibrate(samplesJson, optionsJson, lang);
    } catch (error) {
      console.warn('[Deadline Guard] calibration', error);
      return;
    }
    if (this.signal.aborted || key !== this.lastKey) return;
    if (answer.error) {
      // Bad settings are the overlay's error already; a stale line would contradict it.
      this.render([]);
      return;
    }
    this.render(answer.lines);
    this.remember(answer);
  }

  render(lines) {
    const parts = lines.map((line) => {
      const p = document.createElement('p');
      p.setAttribute('data-dg-calibration', line.setting);
      const text = document.createElement('span');
      text.textContent = line.text;
      p.append(text);
      if (line.button && line.value != null) {
        const button = document.createElement('button');
        button.type = 'button';
        button.setAttribute('data-dg-action', 'calibrate');
        button.textContent = line.button;
        button.addEventListener('click', () => this.use(fieldsOf(line), button), { signal: this.signal });
        p.append(document.createElement('br'), button);
      }
      return p;
    });
    this.box.replaceChildren(...parts);
    this.box.hidden = parts.length === 0;
  }

  async use(fields, button) {
    button.disabled = true;
    try {
      await this.apply(fields);
    } catch (error) {
      button.disabled = false;
      button.title = String(error?.message || error);
    }
  }

  /** For the options page: what was measured, when. Written only when it changed. */
  remember({ calibration, measured }) {
    const value = JSON.stringify({ calibration, measured });
    // A page without any measurement keeps what an earlier page measured.
    if (!this.store || !Object.keys(calibration).length || value === this.lastStored) return;
    this.lastStored = value;
    this.store.set({ [STORE_KEY]: { calibration, measured, at: Date.now() } }).catch(() => {});
  }
}

/** The policy fields a line's button sets: its setting, and the handling time's day count. */
function fieldsOf(line) {
  return { [line.setting]: line.value, ...(line.dayCount ? { dayCount: line.dayCount } : {}) };
}

/** Writes `fields` into the stored policy, as the options page saves it. */
export async function applyToSettings(settingsModule, fields) {
  const { policy, ...extension } = await settingsModule.loadSettings();
  await settingsModule.saveSettings({ policy: { ...(policy ?? {}), ...fields }, extension });
}

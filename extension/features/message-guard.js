// Message guard: warns beside a message box, as the user types, about what AliExpress refuses
// (other messengers, phone numbers, e-mail addresses, links to other shops) and about sentences
// too long to machine-translate. The scan runs in wasm (`scanMessage`); this file only listens,
// debounces and draws a note. It never blocks typing and never touches the box or its text.

const DEBOUNCE_MS = 150;
const NOTE_ATTR = 'data-dg-guard-note';
// A text box is a message box when it, or one of its near ancestors, says so in any of the
// platform's languages (the seller's private remark box does not).
const MESSAGE_HINTS = /message|chat|msg|(^|[\s_-])im([\s_-]|$)|reply|mensaje|responder|escrib|nachricht|antwort|réponse|mensagem|сообщен|messaggio|留言|消息|聊天/i;

/** The elements a message is typed in. */
const BOXES = 'textarea, [contenteditable]:not([contenteditable="false"])';

/**
 * Starts the guard on this page.
 * @param {object} env
 * @param {(text: string, settings: object, lang: string) => Promise<object>} env.scan  the wasm `scanMessage`, or its background relay
 * @param {object} env.settings  the guard's options (bannedWords, phoneNumbers, emails, links, allowedLinkDomains, maxSentenceWords)
 * @param {string} env.lang  BCP 47 tag for the suggestions
 * @param {boolean} [env.wholePage]  every text box of the page is a message box (the loader knows the page is a chat)
 * @param {AbortSignal} env.signal  aborting it removes every listener and note
 */
export function startMessageGuard({ scan, settings, lang, wholePage = false, signal }) {
  const notes = new Map(); // box → { host, body, timer, generation }

  const schedule = (box) => {
    const state = notes.get(box) ?? { host: null, body: null, timer: 0, generation: 0 };
    notes.set(box, state);
    clearTimeout(state.timer);
    state.timer = setTimeout(() => check(box, state), DEBOUNCE_MS);
  };

  const onInput = (event) => {
    // composedPath: a chat widget built from web components retargets the event to its host.
    const box = messageBox(event.composedPath?.()[0] ?? event.target, wholePage);
    if (box) schedule(box);
  };

  const check = async (box, state) => {
    const generation = ++state.generation;
    const text = textOf(box);
    let report;
    try {
      report = text.trim() ? await scan(text, settings, lang) : { findings: [] };
    } catch (error) {
      report = { error: String(error?.message ?? error), findings: [] };
    }
    // A later keystroke's scan may have finished first: only the newest draws.
    if (signal.aborted || generation !== state.generation) return;
    draw(box, state, report);
  };

  const reposition = () => {
    for (const [box, state] of notes) {
      if (!box.isConnected) { state.host?.remove(); notes.delete(box); continue; }
      if (state.host && !state.host.hidden) place(box, state.host);
    }
  };
  let frame = 0;
  const onMove = () => { if (!frame) frame = requestAnimationFrame(() => { frame = 0; reposition(); }); };

  document.addEventListener('input', onInput, { capture: true, passive: true, signal });
  // The guard starts once the engine is ready, which can be after the seller began typing: what a
  // message box already holds is checked now, not only at the next keystroke.
  for (const box of document.querySelectorAll(BOXES)) {
    if (messageBox(box, wholePage) === box && textOf(box).trim()) schedule(box);
  }
  window.addEventListener('scroll', onMove, { capture: true, passive: true, signal });
  window.addEventListener('resize', onMove, { passive: true, signal });
  signal.addEventListener('abort', () => {
    for (const state of notes.values()) { clearTimeout(state.timer); state.host?.remove(); }
    notes.clear();
    cancelAnimationFrame(frame);
  }, { once: true });
}

/** The message box an input event came from, or null for other fields (search, quantities…). */
function messageBox(target, pageIsChat) {
  if (!(target instanceof Element)) return null;
  const box = target.closest(BOXES);
  if (!box || box.closest(`[${NOTE_ATTR}]`)) return null;
  if (pageIsChat) return box;
  for (let el = box, depth = 0; el && depth < 6; el = el.parentElement, depth++) {
    const words = [el.id, el.className?.baseVal ?? el.className, el.getAttribute('placeholder'),
      el.getAttribute('aria-label'), el.getAttribute('name'), el.getAttribute('data-spm')].join(' ');
    if (MESSAGE_HINTS.test(words)) return box;
  }
  return null;
}

function textOf(box) {
  return box instanceof HTMLTextAreaElement ? box.value : box.innerText;
}

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483646; max-width: min(420px, 90vw); }
:host([hidden]) { display: none; }
.note { font: 13px/1.4 system-ui, sans-serif; color: #3b2300; background: #fff8e6;
  border: 1px solid #e0a100; border-radius: 6px; padding: 6px 10px; box-shadow: 0 2px 8px rgb(0 0 0 / .15); }
.note.blocking { color: #5c0000; background: #fff0f0; border-color: #d93025; }
.summary { font-weight: 600; margin: 0 0 4px; }
ul { margin: 0; padding-left: 18px; }
li { margin: 2px 0; }
q { font-weight: 600; quotes: none; }
`;

function draw(box, state, report) {
  const findings = report.findings ?? [];
  if (!findings.length && !report.error) {
    if (state.host) { state.host.hidden = true; state.host.removeAttribute('data-dg-kinds'); }
    return;
  }
  if (!state.host) {
    state.host = document.createElement('div');
    state.host.setAttribute(NOTE_ATTR, '');
    // The overlay's MutationObserver ignores the extension's own UI (`data-dg-ui`).
    state.host.setAttribute('data-dg-ui', 'guard-note');
    const root = state.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    state.body = document.createElement('div');
    state.body.setAttribute('role', 'status');
    state.body.setAttribute('aria-live', 'polite');
    root.append(style, state.body);
    document.documentElement.append(state.host);
  }
  const body = state.body;
  body.className = `note${report.blocking > 0 || report.error ? ' blocking' : ''}`;
  body.replaceChildren();
  const summary = document.createElement('p');
  summary.className = 'summary';
  summary.textContent = report.error ? `Message guard: ${report.error}` : report.summary;
  body.append(summary);
  const list = document.createElement('ul');
  for (const finding of findings) {
    const item = document.createElement('li');
    item.dataset.kind = finding.kind;
    const quoted = document.createElement('q');
    quoted.textContent = finding.kind === 'long_sentence' ? `${finding.text.slice(0, 40)}…` : finding.text;
    item.append(quoted, ` — ${finding.suggestion}`);
    list.append(item);
  }
  body.append(list);
  state.host.dataset.dgKinds = [...new Set(findings.map((f) => f.kind))].join(' ');
  state.host.hidden = false;
  place(box, state.host);
}

/** Just below the box (above it when there is no room below), never over it. */
function place(box, host) {
  const rect = box.getBoundingClientRect();
  const height = host.getBoundingClientRect().height || 60;
  const below = rect.bottom + 4;
  const top = below + height > innerHeight && rect.top - height - 4 > 0 ? rect.top - height - 4 : below;
  host.style.top = `${Math.round(top)}px`;
  host.style.left = `${Math.round(Math.max(4, rect.left))}px`;
}

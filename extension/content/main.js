// The content script proper (started by index.js): snapshot the page, let the wasm decide, apply
// its patches, keep the overlay, the toolbar badge and the notifications current.
//
// Two paths, one decision (Rust's):
// - A full scan reads the whole page, in slices of a few milliseconds (walk, then records in
//   batches), so a page of 10,000 orders never blocks. It runs at start, when the settings change,
//   and when elements appear outside the order lists it knows (a tab switch, a new page).
// - Rows added to a known list or changed inside a known record are rescanned at once, in the
//   MutationObserver callback, with the header cells their fields come from: the page never
//   paints a row with a stale annotation.
// One timer wakes at the minute boundary after the first badge can change with time, and rereads
// only the rows due then. No polling. Everything stops
// through one AbortSignal.

import { ElementLocator, SnapshotWalker, takeRowsSnapshot } from '../page/snapshot.js';
import { clearRecord, commitWrite, explainBadge, hasBadge, preparePatches } from '../page/apply.js';
import { NearViewport } from './near.js';
import { Overlay } from './overlay.js';
import { connectEngine } from './engine.js';
import { summarize, summaryOf } from './summary.js';
import { OrderState } from './order-state.js';
import { SellerClock, sellerZone } from './seller-time.js';
import { csvOfRows, downloadCsv } from './export-csv.js';
import { t, useMessages } from './words.js';
import { CalibrationNote, applyToSettings } from './calibration.js';
import { warmUp } from './warm-up.js';
import { startFeatures } from '../features/index.js';
// Functions only (chrome.storage is touched when they run): safe to import on the demo page too.
import * as extensionSettings from '../settings.js';

const DEBOUNCE_MS = 150;
// Work runs in tasks of at most ~TASK_MS of script, then lets the page run (a long task is 50 ms,
// and the page's own style and layout for what was written come on top).
const TASK_MS = 10;
// Rows that changed are handled in the observer callback, before the page renders them. The first
// slice gets much more time: every yield there lets the page lay out and paint the rows it just
// inserted, and each later slice's badges make it lay them out again. Measured on a 1,000-row
// insertion (BENCHMARKS.md): one task of ~355 ms in all, against ~1.6 s with a 250 ms first slice
// and ~2.3 s with 40 ms slices. Bigger bursts are still sliced.
const FIRST_TASK_MS = 500;
// A full scan reads its patches from the wasm this many records at a time (and again when writing
// them): with 50, one read made slices of about 20 ms on a 10,000-order page, and a major
// collection's pause landing in such a slice made it a long task (BENCHMARKS.md, "Session 8").
const BATCH = 16;
const INSERTED_BATCH = 200;
// The minute refresh reads the rows due in batches of this many: each batch walks the header
// cells again, and the refresh has no frame to meet.
const REFRESH_BATCH = 50;
// A page of at most this many elements (some 300 orders) is read, decided and written in one task
// of at most FIRST_FULL_MS when it can: every task boundary lets the page lay itself out and paint
// between, which made a 100-order page's first annotation wait about 50 ms instead of 30.
const SMALL_PAGE_LINES = 12000;
const FIRST_FULL_MS = 30;
const PUSH_LINES = 512;
// Snapshot nodes the wasm frees per step once a full scan no longer needs them (a 10,000-order
// page's 360,000 take about 60 ms to free at once).
const RELEASE_NODES = 8192;
// Wasm memory past which a finished full scan gives the engine a fresh instance instead of freeing
// its snapshot in steps.
const RECYCLE_ABOVE_BYTES = 16 * 1048576;
// Above this many orders on the page, only the records near the viewport get their badge (see
// near.js); every record still gets its attributes and edge. 1,000 orders, inserted at once, are
// annotated in one go in about a third of a second (BENCHMARKS.md).
const LAZY_BADGES_ABOVE = 2000;
// Above this many records a full scan's overlay is drawn in the task after the one its summary is
// made in.
const SUMMARY_ALONE = 2000;
// A page without orders (a message page) is quiet: elements added there start a full scan only
// when their text could hold an order number (Rust's first test too: 15 digits of any script).
const ORDER_DIGITS = /(?:\p{Nd}\D*){15}/u;
// Where a page that shows no list still gets the panel, to say why: the order pages.
const ORDER_PAGE = /order/i;

/**
 * Starts on this page. `options.engine` and `options.settings` replace the extension's own (the
 * demo page runs the same code without the extension). Returns the controller that stops it.
 */
export async function start(options = {}) {
  if (globalThis.__deadlineGuard) return globalThis.__deadlineGuard;
  const controller = new AbortController();
  globalThis.__deadlineGuard = controller;
  const { signal } = controller;
  const runtime = globalThis.chrome?.runtime;
  // A broken wasm instance is replaced (the call that broke it reported why): scan the page again.
  // The engine loads while the settings are read.
  const engineReady = options.engine ?? connectEngine(runtime, { onRestart: () => queueFull() });
  const settingsModule = options.settings ? null : extensionSettings;
  let settings = options.settings ?? await settingsModule.loadSettings();
  const scanOptions = () => settingsModule ? settingsModule.scanOptions(settings) : JSON.stringify(settings);
  const engine = await engineReady;
  // For tests/bench/memory.mjs, from the content script's world only (the page cannot see it).
  controller.memoryBytes = () => engine.memoryBytes?.() ?? 0;
  if (options.messages) useMessages(options.messages);
  const store = globalThis.chrome?.storage?.local;
  const pageLang = () => document.documentElement.lang || navigator.language || '';
  const orderState = new OrderState({ store, signal, onChange: () => { overlay.setHandled(orderState.handled); publish(); } });
  const overlay = new Overlay({
    signal,
    engine: engine.mode,
    store,
    // Done / Later need the storage the background reads (the demo page has none).
    actions: store ? {
      exportCsv: (orders) => exportCsv(orders),
      done: (order) => orderState.done(order),
      later: (order) => orderState.later(order, settings.snoozeMinutes),
      undo: (order) => orderState.undo(order),
    } : { exportCsv: (orders) => exportCsv(orders) },
  });
  let clock = null;
  /** Deadlines in the seller's zone, in the page's language (made again when either changes). */
  const sellerClock = () => {
    const zone = sellerZone(settings.policy);
    const locale = pageLang();
    if (!clock?.is(zone, locale)) clock = new SellerClock(zone, locale);
    return clock;
  };
  // The settings the records' own deadlines suggest (one line in the overlay, applied on a click).
  const calibration = new CalibrationNote({
    overlay, engine, signal, store,
    apply: async (fields) => {
      if (settingsModule) return applyToSettings(settingsModule, fields);
      settings = { ...settings, policy: { ...(settings.policy ?? {}), ...fields } };
      return fullScan();
    },
  });

  /** Annotated records: element → what the overlay needs of its patch (`summaryOf`), in page order. */
  let entries = new Map();
  /** Parents of records: children added there are candidate rows. */
  let lists = new Set();
  /** The header cells and rows the records' fields come from (travel with changed rows). */
  let context = [];
  /** From the last full scan: words, language, why nothing was recognised. */
  let view = null;
  let full = null; // the running full scan's promise
  let fullQueued = 0;
  let fullAgain = false;
  let heldTargets = []; // nodes changed while a full scan ran, looked at when it ends
  let elementsMoved = false; // elements came or went during a full scan: its indices may be off
  let movedRetries = 0;
  let timer = 0;
  let lastReport = '';
  let lazyBadges = false;
  let fullScans = 0;
  let scannedUrl = '';
  // Records that came near the viewport without their badge are rescanned like changed rows
  // (held until a running full scan ends, like any change).
  const near = new NearViewport((records) => {
    const badgeless = records.filter((el) => !hasBadge(el));
    if (badgeless.length) changed(badgeless.map((node) => ({ node, added: null, moved: false })));
  }, signal);
  const badgeFor = (el) => !lazyBadges || near.has(el);
  /** The records a scan applied: in the overlay's entries, watched for nearness on a big page. */
  function track(applied, into) {
    for (const [el, patch] of applied) {
      into.set(el, summaryOf(patch, el));
      if (lazyBadges) near.watch(el);
    }
  }

  function fail(error) {
    overlay.error(`Deadline Guard: ${error?.message || error}`);
  }

  // A badge's tooltip and name are written when the pointer or the keyboard reaches it (see explainBadge).
  for (const type of ['pointerover', 'focusin']) {
    document.addEventListener(type, (event) => {
      try {
        explainBadge(event.target, { deadlineAt: view?.ui.deadlineAt, clock: sellerClock() });
      } catch { /* a tooltip is never worth breaking the page */ }
    }, { capture: true, passive: true, signal });
  }

  /** The whole page, in slices. */
  function fullScan() {
    if (full) { fullAgain = true; return full; }
    full = runFullScan().catch(fail).finally(() => {
      full = null;
      const held = heldTargets;
      heldTargets = [];
      if (fullAgain) { fullAgain = false; queueFull(); }
      if (held.length && !signal.aborted) changed(held);
    });
    return full;
  }

  async function runFullScan() {
    const started = performance.now();
    scannedUrl = location.href;
    fullScans += 1;
    document.documentElement.setAttribute('data-dg-full-scans', String(fullScans));
    const root = document.body;
    if (!root || signal.aborted) return;
    const lang = pageLang();
    const url = location.href;
    const walker = new SnapshotWalker([root], { keep: false });
    const task = new TaskBudget(FIRST_FULL_MS);
    const big = () => walker.count > SMALL_PAGE_LINES;
    elementsMoved = false;
    if (engine.PageScan) {
      const scan = new engine.PageScan(lang, url, scanOptions(), Date.now());
      try {
        while (!walker.done) {
          // Half the slice walking, half for the wasm to read what was walked; in chunks of
          // PUSH_LINES, since a string of a few hundred kilobytes would be allocated straight
          // among the long-lived objects, whose collection pauses the page.
          const error = scan.push(walker.step(task.until - TASK_MS / 2, PUSH_LINES));
          if (error) throw new Error(JSON.parse(error).error);
          if (await task.pause() || signal.aborted) return;
        }
        // Discovery reads every node once more: tens of milliseconds on a 10,000-order page,
        // too much to share a task with the walk's last slice.
        if (big()) await task.yield();
        if (signal.aborted) return;
        const found = JSON.parse(scan.discover());
        if (found.error) return fail(found.error);
        const release = async () => {
          // Linear memory never shrinks: a 10,000-order page leaves the wasm at some 60 MB, which a
          // fresh instance lets go, the snapshot with it (BENCHMARKS.md, "Session 6", memory).
          if (engine.memoryBytes?.() > RECYCLE_ABOVE_BYTES) {
            // A task of its own, not the last writes': instantiating takes a few milliseconds.
            await task.yield();
            if (engine.recycle()) return;
          }
          while (!scan.release(RELEASE_NODES)) if (await task.pause() || signal.aborted) return;
        };
        const step = { found, patches: (from) => JSON.parse(scan.analyze(from, from + BATCH)).patches, release };
        await finishFullScan(new ElementLocator([root], walker), step, started, task, big());
      } finally {
        // After a recycle this does nothing: the snapshot went with the old instance.
        scan.free();
      }
    } else {
      let lines = '';
      while (!walker.done) {
        lines += walker.step(task.until);
        if (await task.pause() || signal.aborted) return;
      }
      const result = await engine.scanLines(lang, url, lines, scanOptions(), Date.now(), false);
      if (result.error) return fail(result.error);
      const found = { records: result.patches.length, context: result.context, lang: result.lang, ui: result.summary.ui, why: result.summary.why };
      const step = { found, patches: (from) => result.patches.slice(from, from + BATCH) };
      await finishFullScan(new ElementLocator([root], walker), step, started, task, big());
    }
  }

  async function finishFullScan(locator, { found, patches, release }, started, task, big) {
    // Discovery, the preparing, the committing and the summary each start a task of their own on a
    // big page: on a 10,000-order page each is tens of milliseconds, and together a long task.
    if (big) await task.yield();
    if (signal.aborted) return;
    // The overlay's clock takes some 10 ms to build: on a big page it is built in this slice, not
    // in the task that draws the overlay after its summary.
    if (big) sellerClock().warm();
    view = found;
    lazyBadges = found.records > LAZY_BADGES_ABOVE;
    const next = new Map();
    const writes = [];
    // The patches name elements by line (records come in document order, each anchor inside
    // its record, so the locator's ancestors serve the next lookup).
    const contextElements = [...found.context].sort((a, b) => a - b).map((line) => locator.at(line));
    for (let from = 0; from < found.records; from += BATCH) {
      const batch = patches(from);
      // One record at a time: a batch's records cost a few milliseconds each on a big page.
      for (const [k, patch] of batch.entries()) {
        if (await task.pause() || signal.aborted) return;
        // Elements came or went since the walk: the lines' indices may name other elements now.
        // Start again rather than annotate the wrong rows (a page that never stops moving gets
        // annotated on the third try; what moved is then rescanned as changed rows).
        if (elementsMoved && movedRetries < 2) {
          movedRetries += 1;
          fullAgain = true;
          return;
        }
        const prepared = preparePatches((line) => locator.at(line), [patch], badgeFor);
        track(prepared.applied, next);
        // The patch is asked for again when written: 10,000 of them kept until then are
        // megabytes in the script's heap, enough for a full garbage collection mid-annotation.
        for (const write of prepared.writes) writes.push(Object.assign(write, { patch: null, index: from + k }));
      }
    }
    // Nothing on the page changed so far. Every frame after a change restyles, lays out and
    // repaints the whole list, so the writes go in the fewest tasks that stay short.
    if (!await commitAll(writes, task, batchedPatches(patches), big)) return;
    await release?.();
    if (signal.aborted) return;
    if (found.records > BATCH) {
      await task.yield();
      if (signal.aborted) return;
    }
    quietly(() => { for (const el of entries.keys()) if (!next.has(el)) clearRecord(el); });
    entries = next;
    lists = new Set([...next.keys()].map((el) => el.parentElement).filter(Boolean));
    context = contextElements.filter(Boolean);
    movedRetries = 0;
    publish({ apart: entries.size > SUMMARY_ALONE });
    warmUpOnce();
    document.documentElement.setAttribute('data-dg-scanned', String(Math.round(performance.now() - started)));
  }

  /**
   * Rows added to a known list or changed inside a known record: rescanned now, in batches. The
   * observer's changes get a long first slice (`FIRST_TASK_MS`), whose writes the page shows in
   * its next frame; the minute refresh of every known row is no insertion to keep up with and
   * stays in short slices. What does not fit the first slice is read first and written after, in
   * as few tasks as the full scan's writes. The refresh's overlay is drawn in the task of its last
   * writes, so that the page lays out and paints once for both; an insertion's waits for the next
   * task, after the frame that shows the rows.
   */
  async function scanRows(rows, firstSliceMs = FIRST_TASK_MS) {
    const lang = pageLang();
    const task = new TaskBudget(firstSliceMs);
    // The minute refresh passes every known record: count only the rows not known yet.
    if (entries.size + rows.filter((el) => !entries.has(el)).length > LAZY_BADGES_ABOVE) lazyBadges = true;
    let later = null;
    // Rows the page just inserted are read in bigger batches: each batch walks the header cells
    // again and crosses into the wasm once more.
    const inserted = firstSliceMs >= FIRST_TASK_MS;
    const size = inserted ? INSERTED_BATCH : REFRESH_BATCH;
    for (let from = 0; from < rows.length; from += size) {
      if (!later && task.spent()) later = [];
      if (await task.pause() || signal.aborted) return;
      const batch = rows.slice(from, from + size).filter((el) => el.isConnected);
      if (!batch.length) continue;
      const { lines, elements } = takeRowsSnapshot(context.filter((el) => el.isConnected), batch);
      const result = await scanRowLines(lang, lines);
      if (result.error) return fail(result.error);
      const { applied, writes } = preparePatches((line) => elements[line], result.patches, badgeFor);
      if (later) later.push(...writes);
      else quietly(() => { for (const write of writes) commitWrite(write, badgeFor); });
      track(applied, entries);
      const seen = new Set();
      for (const [el] of applied) {
        seen.add(el);
        if (el.parentElement) lists.add(el.parentElement);
      }
      // A row that no longer carries one order (emptied, replaced) loses its annotation.
      quietly(() => {
        for (const el of batch) {
          if (!seen.has(el) && entries.has(el)) { clearRecord(el); entries.delete(el); }
        }
      });
    }
    if (later && !await commitAll(later, task)) return;
    if (inserted) publishSoon();
    else publish();
    warmUpOnce();
  }

  /**
   * Writes prepared records in tasks of TASK_MS, starting a task of its own (with `ownTask`).
   * Resolves false when the extension stopped meanwhile.
   */
  async function commitAll(writes, task, patchAt = null, ownTask = true) {
    if (ownTask) await task.yield();
    let i = 0;
    while (i < writes.length) {
      if (await task.pause() || signal.aborted) return false;
      quietly(() => {
        do {
          const write = writes[i];
          writes[i++] = null; // nothing written stays alive for the rest of the commit
          if (patchAt) write.patch = patchAt(write.index);
          commitWrite(write, badgeFor);
        } while (i < writes.length && ((i & 7) !== 0 || !task.spent()));
      });
    }
    return !signal.aborted;
  }

  /**
   * Runs the extension's own writes. Their badges reach the observer as records it would only
   * filter out again (on a 10,000-order page, after every slice of writes); no page script runs
   * between them, so they are dropped at once. What the page changed before is handled first.
   */
  function quietly(write) {
    const pending = observer.takeRecords();
    if (pending.length) onMutations(pending);
    write();
    observer.takeRecords();
  }

  /** What the observer saw: rows to rescan now, or a full scan when the page changed elsewhere. */
  function changed(targets) {
    if (full) {
      heldTargets.push(...targets);
      if (targets.some(({ moved }) => moved)) elementsMoved = true;
      return;
    }
    const rows = new Set();
    let elsewhere = false;
    let removed = false;
    for (const { node, added } of targets) {
      const el = node.nodeType === 1 ? node : node.parentElement;
      if (!el) continue;
      const record = recordOf(el);
      if (record) { rows.add(record); continue; }
      if (added && lists.has(el)) {
        for (const child of added) if (child.nodeType === 1 && child.isConnected && !child.hasAttribute('data-dg-ui')) rows.add(child);
        removed = true;
        continue;
      }
      // Elements came or went outside every known list (a tab switch, a new page of results).
      if (added && (!quiet() || added.some(mayHoldOrders))) elsewhere = true;
    }
    // A single-page app went to another address: what it shows now is read afresh.
    if (quiet() && scannedUrl && location.href !== scannedUrl) elsewhere = true;
    if (rows.size && !signal.aborted) scanRows([...rows]).catch(fail);
    else if (removed) publish();
    if (elsewhere) queueFull();
  }

  /** A page whose last full scan found no order: its own changes start no full scan. */
  function quiet() {
    return view !== null && entries.size === 0;
  }

  /** The known record `el` is in, if any (climbing stops at a known list). */
  function recordOf(el) {
    for (let at = el; at && at !== document.body; at = at.parentElement) {
      if (entries.has(at)) return at;
      if (lists.has(at)) return null;
    }
    return null;
  }

  // At most one full scan pending, DEBOUNCE_MS after the first change: restarting the timer on
  // every change would starve the page forever when something on it never stops changing.
  function queueFull() {
    if (fullQueued || signal.aborted) return;
    document.documentElement.setAttribute('data-dg-full-queued', '');
    fullQueued = setTimeout(() => {
      fullQueued = 0;
      document.documentElement.removeAttribute('data-dg-full-queued');
      fullScan();
    }, DEBOUNCE_MS);
  }

  // The overlay follows changed rows in a task of its own: the rows are what the page must not paint
  // stale, and a burst of changes is summed once.
  let publishQueued = false;
  function publishSoon() {
    if (publishQueued) return;
    publishQueued = true;
    nextTask().then(() => {
      publishQueued = false;
      if (!signal.aborted) publish();
    });
  }

  // Once the page has a record, the engine and the walk are run on copies of it in idle time.
  let warmed = false;
  function warmUpOnce() {
    const [record] = entries.keys();
    if (warmed || !record || engine.mode === 'background') return;
    warmed = true;
    const lang = pageLang();
    warmUp({ record, context, scan: (lines) => scanRowLines(lang, lines), signal }).catch(() => {});
  }

  /** The decision on changed rows, snapshotted under a synthetic root (`takeRowsSnapshot`). */
  function scanRowLines(lang, lines) {
    return engine.scanLines(lang, location.href, lines, scanOptions(), Date.now(), true);
  }

  /**
   * Overlay, toolbar count, notifications and the minute timer, from the annotated records. In
   * background mode the summary comes back later: an answer that a newer publish overtook is
   * dropped, so the overlay never goes back to an older state of the page. `apart`: the summary
   * and the drawing in a task each (after a big page's full scan: the first summary runs the
   * engine's code cold; together they came near a frame's 50 ms). Else one task, one frame.
   */
  let published = 0;
  function publish({ apart = false } = {}) {
    for (const el of entries.keys()) if (!el.isConnected) entries.delete(el);
    if (!view) return;
    const asked = ++published;
    let summary;
    try {
      summary = summarize(engine, entries, view, Date.now(), orderState.watched);
    } catch (error) {
      fail(error);
      return;
    }
    const later = summary instanceof Promise ? summary : apart ? nextTask().then(() => summary) : null;
    if (!later) return showSummary(summary);
    later.then((answer) => { if (asked === published && !signal.aborted) showSummary(answer); }).catch(fail);
  }

  function showSummary(summary) {
    // A page with no order list gets no panel (the toolbar says enough), unless it is an order
    // page whose list could not be read: that the guard is blind there must show.
    const show = summary.recognised || ORDER_PAGE.test(location.pathname);
    overlay.render(summary, { show, clock: sellerClock() });
    calibration.update(entries, scanOptions(), view.lang).catch(fail);
    report(summary);
    schedule(nextChange());
    const asked = orderState.pendingFocus();
    if (asked && overlay.focusOrder(asked)) orderState.focusShown();
  }

  /** Writes the CSV of `orders` (the listed ones), or of every order of the page, and saves it. */
  async function exportCsv(orders) {
    if (!view) return '';
    const picked = orders ?? (await summarize(engine, entries, view, Date.now())).orders;
    const { csv, count } = await csvOfRows({
      engine, rows: picked.map((o) => o.element), context, lang: pageLang(), url: location.href,
      options: scanOptions(), now: Date.now(), yieldToPage: nextTask,
    });
    const name = downloadCsv(csv, overlay.shadow);
    return t('overlayExported', [String(count), name]);
  }

  /** The first instant after which time alone may change a record's annotation, or null. */
  function nextChange() {
    let first = Infinity;
    for (const { changesAt } of entries.values()) if (changesAt != null && changesAt < first) first = changesAt;
    return first === Infinity ? null : first;
  }

  // One timer for the whole page, at the minute boundary after the first record's annotation can
  // change with time alone; it rescans only the records due by then (Rust says when each is), so
  // an idle page of thousands of orders rereads a few rows a minute, not all of them.
  function schedule(at) {
    clearTimeout(timer);
    // A full scan running now publishes, and so plans the next refresh, when it ends.
    if (at == null) return;
    // Never before the next minute boundary: a record analysed at the start of a long scan may be
    // due already when it ends, and rereading it at once would cost a big page a relayout right
    // after the one its annotation just caused.
    const fire = Math.max(Math.ceil(at / 60000), Math.floor(Date.now() / 60000) + 1) * 60000 + 50;
    timer = setTimeout(() => {
      if (full) return;
      const now = Date.now();
      const due = [];
      for (const [el, { changesAt }] of entries) if (changesAt != null && changesAt < now) due.push(el);
      // Read in short slices, then written in one task: each task of writes costs a page of
      // thousands of orders a relayout of its whole list.
      if (due.length) scanRows(due, 0).catch(fail);
      else schedule(nextChange());
    }, Math.max(1000, fire - Date.now()));
  }

  function report(summary) {
    if (!runtime?.sendMessage) return;
    const message = { type: 'summary', counts: summary.counts, alerts: summary.alerts, lang: view.lang };
    const key = JSON.stringify(message);
    if (key === lastReport) return;
    lastReport = key;
    runtime.sendMessage(message).catch(() => {});
  }

  function onMutations(mutations) {
    const targets = [];
    for (const m of mutations) {
      if (isOurs(m)) continue;
      const childList = m.type === 'childList' && (m.addedNodes.length || m.removedNodes.length);
      const added = childList ? [...m.addedNodes] : null;
      const moved = childList && (added.some(isElement) || [...m.removedNodes].some(isElement));
      targets.push({ node: m.target, added, moved });
    }
    if (targets.length) changed(targets);
  }
  const observer = new MutationObserver(onMutations);
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(fullQueued);
    for (const el of entries.keys()) clearRecord(el);
    entries.clear();
  });
  // A notification's click: show the order here if this page has it.
  const onMessage = (message, sender, sendResponse) => {
    if (message?.type !== 'focusOrder') return false;
    sendResponse({ found: overlay.focusOrder(String(message.orderId)) });
    return false;
  };
  runtime?.onMessage?.addListener(onMessage);
  signal.addEventListener('abort', () => runtime?.onMessage?.removeListener(onMessage));
  if (settingsModule) {
    const off = settingsModule.onSettingsChanged(async () => {
      settings = await settingsModule.loadSettings();
      fullScan();
    });
    signal.addEventListener('abort', off);
  }
  // Page behaviours beside the overlay (the message guard): one file each under features/.
  if (engine.scanMessage) {
    startFeatures({ engine, lang: settings.lang && settings.lang !== 'auto' ? settings.lang
      : pageLang(), signal }).catch((error) => console.warn('[Deadline Guard]', error));
  }
  await orderState.ready;
  overlay.setHandled(orderState.handled);
  await fullScan();
  return controller;
}

/** Script time within one task: `pause()` yields to the page once the task has run TASK_MS. */
class TaskBudget {
  constructor(first = TASK_MS) {
    this.until = performance.now() + first;
  }

  /** Whether this slice's time is used up. */
  spent() {
    return performance.now() >= this.until;
  }

  /** Resolves at once while time is left, else after the page had its turn. */
  async pause() {
    if (performance.now() < this.until) return;
    await this.yield();
  }

  /** Lets the page run now, and starts a new slice. */
  async yield() {
    await nextTask();
    this.until = performance.now() + TASK_MS;
  }
}

/** `patches(from)` (a batch of BATCH from record `from`) as a lookup by record, a batch at a time. */
function batchedPatches(patches) {
  let from = -1;
  let batch = [];
  return (index) => {
    const start = index - (index % BATCH);
    if (start !== from) {
      batch = patches(start);
      from = start;
    }
    return batch[index - start];
  };
}

/** Lets the page run between slices: `scheduler.yield` where there is one, else a message round trip. */
function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Whether an element added to a quiet page could hold an order number. */
function mayHoldOrders(node) {
  return node.nodeType === 1 ? !node.hasAttribute('data-dg-ui') && ORDER_DIGITS.test(node.textContent)
    : node.nodeType === 3 && ORDER_DIGITS.test(node.nodeValue);
}

function isElement(node) {
  return node.nodeType === 1;
}

/** A mutation caused by the extension's own UI (badges, overlay) is no reason to rescan. */
function isOurs(mutation) {
  const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
  if (target?.closest?.('[data-dg-ui]')) return true;
  if (mutation.type !== 'childList') return false;
  const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n.nodeType === Node.ELEMENT_NODE && n.hasAttribute('data-dg-ui'));
}

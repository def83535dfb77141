// The message guard's content-script feature on the message fixtures, in headless Chromium with
// the built wasm (`make build`): the note names each banned pattern, stays away from harmless
// text and from boxes that are not messages, and the text box is never modified.
// The same feature inside the loaded extension is covered by guard-ext.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
let server, browser;

before(async () => {
  server = await serve({ port: 0 });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a fixture with the guard started as the extension starts it, with `settings`; `typed`
 * ([selector, text]) is typed before the guard starts, as a seller may while the engine loads.
 */
async function open(fixture, settings = {}, typed = null) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${server.url}/tests/fixtures/messages/${fixture}`);
  if (typed) {
    await page.click(typed[0]);
    await page.keyboard.type(typed[1]);
  }
  await page.evaluate(async (settings) => {
    const wasm = await import('/www/pkg/deadline_guard.js');
    await wasm.default();
    const { startMessageGuard } = await import('/extension/features/message-guard.js');
    const controller = new AbortController();
    window.__stopGuard = () => controller.abort();
    window.__scans = 0;
    startMessageGuard({
      // What content/engine.js does with the wasm's JSON answer.
      scan: async (text, s, lang) => {
        window.__scans++;
        const report = JSON.parse(wasm.scanMessage(text, JSON.stringify(s), lang));
        if (report.error) throw new Error(report.error);
        return report;
      },
      settings, lang: document.documentElement.lang, signal: controller.signal,
    });
  }, settings);
  return { page, errors };
}

/** The note's kinds and text once the scan of the box's current text has been drawn. */
async function noteFor(page, expectKinds) {
  await page.waitForFunction((want) => {
    const host = document.querySelector('[data-dg-guard-note]');
    if (want === null) return !host || host.hidden;
    return host && !host.hidden && host.dataset.dgKinds === want;
  }, expectKinds, { timeout: 5000 });
  return page.evaluate(() => {
    const host = document.querySelector('[data-dg-guard-note]');
    return host ? { kinds: host.dataset.dgKinds, text: host.shadowRoot.textContent, hidden: host.hidden } : null;
  });
}

/** Clears the box, waits for the note to go, then types `text` key by key. */
async function retype(page, selector, text) {
  await page.click(selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await noteFor(page, null);
  await page.keyboard.type(text);
}

test('each banned pattern is flagged beside the seller message box, the text left as typed', async () => {
  const { page, errors } = await open('seller-message-center.en.html');
  const box = 'textarea.im-input-textarea';
  for (const [text, kinds, mention] of [
    ['Add me on WhatsApp', 'banned_word', 'WhatsApp'],
    ['or W h a t s A p p', 'banned_word', 'WhatsApp'],
    ['ｔｅｌｅｇｒａｍ then', 'banned_word', 'Telegram'],
    ['my WeChat is shop88', 'banned_word', 'WeChat'],
    ['Viber or Skype', 'banned_word', 'Skype'],
    ['call +34 612 345 678', 'phone_number', 'phone number'],
    ['write to ana.lopez@gmail.com', 'email', 'e-mail'],
    ['cheaper at myshop.com/p/1', 'link', 'only AliExpress links'],
    ['I wanted to tell you that the parcel you sent last week arrived today but the box was open and two of the items were missing', 'long_sentence', 'short sentences translate better'],
  ]) {
    await retype(page, box, text);
    const note = await noteFor(page, kinds);
    assert.match(note.text, new RegExp(mention), `${text}: ${note.text}`);
    assert.equal(await page.inputValue(box), text, 'the guard never changes the text');
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('harmless text clears the note', async () => {
  const { page } = await open('seller-message-center.en.html');
  const box = 'textarea.im-input-textarea';
  for (const text of ["what's up? Your order 8123456789012345 ships on Nov 27, 2026 for US $12.99",
    'We chat with every buyer. See https://www.aliexpress.com/item/1005001234567890.html']) {
    await retype(page, box, 'WhatsApp');
    await noteFor(page, 'banned_word');
    await retype(page, box, text);
    assert.equal(await noteFor(page, null).then((n) => n?.hidden ?? true), true, text);
    assert.equal(await page.inputValue(box), text);
  }
  await page.close();
});

test('text typed before the guard started is checked when it starts, without another keystroke', async () => {
  const box = 'textarea.im-input-textarea';
  const { page, errors } = await open('seller-message-center.en.html', {}, [box, 'Add me on WhatsApp']);
  const note = await noteFor(page, 'banned_word');
  assert.match(note.text, /WhatsApp/);
  assert.equal(await page.inputValue(box), 'Add me on WhatsApp');
  assert.deepEqual(errors, []);
  await page.close();
});

test('boxes that are not messages are left alone; typing is debounced', async () => {
  const { page } = await open('seller-message-center.en.html');
  await page.click('#remark');
  await page.keyboard.type('remind me: WhatsApp the supplier');
  await page.click('#session-search');
  await page.keyboard.type('WhatsApp');
  await page.click('textarea.im-input-textarea');
  await page.keyboard.type('Skype?');
  await noteFor(page, 'banned_word');
  assert.equal(await page.locator('[data-dg-guard-note]').count(), 1, 'one note, for the message box only');
  assert.equal(await page.inputValue('#remark'), 'remind me: WhatsApp the supplier');
  // Six keystrokes typed faster than the debounce give fewer scans than keystrokes.
  assert.ok(await page.evaluate(() => window.__scans) < 6, 'scans are debounced');
  await page.evaluate(() => window.__stopGuard());
  assert.equal(await page.locator('[data-dg-guard-note]').count(), 0, 'teardown removes the note');
  await page.close();
});

test('the Spanish order chat (contenteditable) gets Spanish suggestions and keeps its text', async () => {
  const { page, errors } = await open('order-chat.es.html');
  const editor = '.chat-editor';
  const text = 'Escríbeme por WhatsApp al +34 612 345 678';
  await page.click(editor);
  await page.keyboard.type(text);
  const note = await noteFor(page, 'banned_word phone_number');
  assert.match(note.text, /La plataforma rechazará este mensaje \(2 problemas\)/);
  assert.match(note.text, /Quita «WhatsApp»/);
  assert.equal(await page.locator(editor).innerText(), text);
  await page.click('#site-search');
  await page.keyboard.type('whatsapp funda');
  assert.equal(await page.locator('[data-dg-guard-note]').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('settings are honoured: own banned words, contact checks off, sentence limit', async () => {
  const { page } = await open('seller-message-center.en.html', { bannedWords: ['Line'], phoneNumbers: false, maxSentenceWords: 4 });
  await retype(page, 'textarea.im-input-textarea', 'Add me on LINE. WhatsApp +34 612 345 678 is fine here.');
  const note = await noteFor(page, 'banned_word long_sentence');
  assert.match(note.text, /“Line”/);
  assert.doesNotMatch(note.text, /phone/);
  await retype(page, 'textarea.im-input-textarea', 'hi');
  await page.evaluate(() => window.__stopGuard());
  await page.close();
});

test('a bad setting is shown in the note, not thrown into the page', async () => {
  const { page, errors } = await open('seller-message-center.en.html', { maxSentenceWords: 9000 });
  await retype(page, 'textarea.im-input-textarea', 'hello');
  await page.waitForSelector('[data-dg-guard-note]');
  const text = await page.evaluate(() => document.querySelector('[data-dg-guard-note]').shadowRoot.textContent);
  assert.match(text, /maxSentenceWords: must be between 0 \(off\) and 500 words/);
  assert.deepEqual(errors, []);
  await page.close();
});

// The message guard inside the built extension, in headless Chromium: on the seller center's
// message centre and on a buyer-side order chat, served at their real addresses; also on a page
// whose CSP forbids WebAssembly in content scripts (the scan then runs in the background worker).
// Settings come from chrome.storage like a user's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension, routeFixture, ROOT } from './guard-harness.mjs';

const SELLER_IM = 'https://csp.aliexpress.com/m_apps/im/index.html';
const SELLER_IM_STRICT = 'https://csp.aliexpress.com/m_apps/im/strict.html';
const BUYER_CHAT = 'https://es.aliexpress.com/p/message/index.html';

let browser;
before(async () => {
  browser = await launchWithExtension();
  await routeFixture(browser.context, SELLER_IM, 'messages/seller-message-center.en.html');
  await routeFixture(browser.context, BUYER_CHAT, 'messages/order-chat.es.html');
  const strict = await readFile(join(ROOT, 'tests/fixtures/messages/seller-message-center.en.html'), 'utf8');
  await browser.context.route(SELLER_IM_STRICT, (route) => route.fulfill({
    status: 200, contentType: 'text/html; charset=utf-8', body: strict,
    headers: { 'Content-Security-Policy': "script-src 'self'" },
  }));
});
after(async () => { await browser?.close(); });

async function note(page, kinds) {
  await page.waitForFunction((want) => {
    const host = document.querySelector('[data-dg-guard-note]');
    if (want === null) return !host || host.hidden;
    return host && !host.hidden && host.dataset.dgKinds === want;
  }, kinds, { timeout: 15_000 });
  return page.evaluate(() => document.querySelector('[data-dg-guard-note]')?.shadowRoot.textContent ?? '');
}

async function retype(page, selector, text) {
  await page.click(selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await note(page, null);
  await page.keyboard.type(text);
}

const BOX = 'textarea.im-input-textarea';

test('seller message centre: each banned pattern flagged, harmless text not, the text never changed', async () => {
  await browser.clearStorage();
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(SELLER_IM);
  for (const [text, kinds, mention] of [
    ['Add me on WhatsApp', 'banned_word', /WhatsApp/],
    ['Ｔｅｌｅｇｒａｍ me', 'banned_word', /Telegram/],
    ['WeChat: shop88', 'banned_word', /WeChat/],
    ['Viber', 'banned_word', /Viber/],
    ['S k y p e', 'banned_word', /Skype/],
    ['+34 612 345 678', 'phone_number', /phone number/],
    ['ana.lopez@gmail.com', 'email', /e-mail address/],
    ['see myshop.com/p/1', 'link', /only AliExpress links/],
    ['I wanted to tell you that the parcel you sent last week arrived today but the box was open and two of the items were missing', 'long_sentence', /short sentences translate better/],
  ]) {
    await retype(page, BOX, text);
    assert.match(await note(page, kinds), mention, text);
    assert.equal(await page.inputValue(BOX), text, 'the text box is never modified');
  }
  for (const harmless of ["what's up", 'Your order 8123456789012345 ships Nov 27 for US $12.99']) {
    await retype(page, BOX, 'WhatsApp');
    await note(page, 'banned_word');
    await retype(page, BOX, harmless);
    await note(page, null);
    assert.equal(await page.inputValue(BOX), harmless);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('buyer order chat (contenteditable, Spanish) and the guard settings from storage', async () => {
  await browser.setStorage({ guard: { bannedWords: ['Line'], phoneNumbers: false } });
  const page = await browser.context.newPage();
  await page.goto(BUYER_CHAT);
  const text = 'Escríbeme por LINE o WhatsApp al +34 612 345 678';
  await page.click('.chat-editor');
  await page.keyboard.type(text);
  const shown = await note(page, 'banned_word');
  assert.match(shown, /Quita «Line»/);
  assert.doesNotMatch(shown, /WhatsApp|teléfono/, 'WhatsApp is off the list and phone numbers are off');
  assert.equal(await page.locator('.chat-editor').innerText(), text);
  // Switched off: the note goes, typing still works.
  await browser.setStorage({ guard: { enabled: false } });
  await page.waitForFunction(() => !document.querySelector('[data-dg-guard-note]'), null, { timeout: 15_000 });
  await page.keyboard.type(' ok');
  assert.equal(await page.locator('.chat-editor').innerText(), `${text} ok`);
  await browser.clearStorage();
  await page.close();
});

test('a page that forbids WebAssembly in content scripts is guarded through the background worker', async () => {
  await browser.clearStorage();
  const page = await browser.context.newPage();
  await page.goto(SELLER_IM_STRICT);
  await page.click(BOX);
  await page.keyboard.type('WhatsApp me');
  assert.match(await note(page, 'banned_word'), /WhatsApp/);
  assert.equal(await page.inputValue(BOX), 'WhatsApp me');
  await page.close();
});

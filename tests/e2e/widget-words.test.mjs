// The widget's own words follow `locale` like the engine's: every language has every word with the
// same placeholders as English, and an element in each of the eight languages shows its column
// heads, filter chips, "Export CSV", empty and error states and status names in that language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_WORDS, LANGUAGES, languageOf, wordsFor } from '../../www/elements/words.js';
import { start, pageWith, moduleReady, SAMPLE_NOW } from './widget-harness.mjs';

const placeholders = (value) => JSON.stringify(value).match(/\{\w+\}/g)?.sort() ?? [];
const shape = (value) => (typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).sort() : typeof value);

test('every language has every word of the English table, with the same placeholders', () => {
  assert.deepEqual(Object.keys(ALL_WORDS).sort(), [...LANGUAGES].sort());
  const en = ALL_WORDS.en;
  for (const lang of LANGUAGES) {
    const table = ALL_WORDS[lang];
    assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), lang);
    for (const [key, english] of Object.entries(en)) {
      const word = table[key];
      if (['columns', 'risks'].includes(key)) assert.deepEqual(Object.keys(word).sort(), Object.keys(english).sort(), `${lang}.${key}`);
      if (Array.isArray(english)) assert.equal(word.length, english.length, `${lang}.${key}`);
      // A count may be one template or one per plural form of the language; each form keeps the placeholders.
      const plural = typeof english === 'object' && 'other' in english;
      const counted = plural || placeholders(english).includes('{n}');
      const forms = (w) => (typeof w === 'object' && 'other' in w ? Object.values(w) : [w]);
      if (counted) {
        assert.ok(typeof word === 'string' || 'other' in word, `${lang}.${key}: a plural needs 'other'`);
        for (const form of forms(word)) assert.deepEqual(placeholders(form), placeholders(forms(english)[0]), `${lang}.${key}`);
      } else {
        assert.deepEqual(shape(word), shape(english), `${lang}.${key}`);
        assert.deepEqual(placeholders(word), placeholders(english), `${lang}.${key}`);
      }
    }
  }
});

test('locales map to their language, anything else to English; plurals follow the language', () => {
  assert.equal(languageOf('zh-CN'), 'zh');
  assert.equal(languageOf('pt_BR'), 'pt');
  assert.equal(languageOf('DE'), 'de');
  assert.equal(languageOf('ja'), 'en');
  assert.equal(languageOf(undefined), 'en');
  assert.equal(wordsFor('en').say('orders', { n: 1 }), '1 order');
  assert.equal(wordsFor('en').say('orders', { n: 3 }), '3 orders');
  assert.equal(wordsFor('ru').say('orders', { n: 3 }), '3 заказа');
  assert.equal(wordsFor('ru').say('orders', { n: 5 }), '5 заказов');
  assert.equal(wordsFor('ru').say('orders', { n: 21 }), '21 заказ');
  assert.equal(wordsFor('fr').say('orders', { n: 0 }), '0 commande');
});

let harness;
before(async () => { harness = await start(); });
after(async () => { await harness?.close(); });

const STATUS = { en: 'Pending shipment', es: 'Pendiente de envío', de: 'Versand ausstehend', fr: "En attente d'expédition", pt: 'Aguardando envio', ru: 'Ожидает отправки', it: 'In attesa di spedizione', zh: '等待发货' };

test('an element in each of the eight languages speaks it: heads, chips, export, status, empty and error states', async () => {
  const body = LANGUAGES.map((lang) => `<deadline-guard-orders id="o-${lang}" locale="${lang === 'zh' ? 'zh-CN' : lang}" now="${SAMPLE_NOW}" src="samples/open-platform-orders.json"></deadline-guard-orders>
    <deadline-guard-orders id="e-${lang}" locale="${lang}"></deadline-guard-orders>
    <deadline-guard-orders id="x-${lang}" locale="${lang}" critical-hours="abc" src="samples/open-platform-orders.json"></deadline-guard-orders>`).join('\n');
  const { page, errors } = await harness.newPage('/words-test.html', { html: pageWith(body) });
  await moduleReady(page);
  await page.waitForFunction((langs) => langs.every((l) => document.getElementById(`o-${l}`).state === 'ready'
    && document.getElementById(`x-${l}`).state === 'error'), LANGUAGES);
  for (const lang of LANGUAGES) {
    const words = wordsFor(lang);
    const shown = await page.evaluate((l) => {
      const root = (id) => document.getElementById(id).shadowRoot;
      const o = root(`o-${l}`);
      return {
        heads: [...o.querySelectorAll('th')].map((th) => th.textContent.replace(/ [▲▼]$/, '')),
        chips: [...o.querySelectorAll('.filters button')].map((b) => b.textContent),
        filterLabel: o.querySelector('.filters').getAttribute('aria-label'),
        exportText: o.querySelector('.export').textContent,
        caption: o.querySelector('caption').textContent,
        statuses: [...o.querySelectorAll('tbody tr')].map((tr) => [tr.cells[2].title, tr.cells[2].textContent]),
        empty: root(`e-${l}`).querySelector('.state').textContent,
        error: root(`x-${l}`).querySelector('.state').textContent,
      };
    }, lang);
    assert.deepEqual(shown.heads, Object.values(words.columns), lang);
    assert.ok(shown.chips[0].startsWith(`${words.say('all')} (`), `${lang}: ${shown.chips[0]}`);
    assert.equal(shown.filterLabel, words.say('filterBy'));
    assert.equal(shown.exportText, words.say('exportCsv'));
    assert.equal(shown.caption, words.say('captionUrgent'));
    assert.equal(shown.empty, words.say('empty'));
    assert.ok(shown.error.startsWith(words.say('invalidSetting', { message: '' })), `${lang}: ${shown.error}`);
    assert.match(shown.error, /criticalHours/, 'the option is named whatever the language');
    const pending = shown.statuses.find(([code]) => code === 'WAIT_SELLER_SEND_GOODS');
    assert.equal(pending?.[1], STATUS[lang], `${lang}: the status name`);
    if (lang !== 'en') assert.notEqual(shown.exportText, wordsFor('en').say('exportCsv'), `${lang} is not English`);
  }
  assert.deepEqual(errors, []);
});

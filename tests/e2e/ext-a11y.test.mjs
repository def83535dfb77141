// Accessibility in headless Chromium, light and dark (Playwright's colour-scheme emulation):
// axe-core finds no serious or critical WCAG 2.1 A/AA violation on the demo seller panel (the
// extension's content script with its badges and overlay), on a seller-center fixture with the
// extension's TEST build, on the options page and on the widget demo; every badge and risk colour
// as rendered reads at 4.5:1 at least; each risk has its own shape; badges and the overlay work
// from the keyboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';
import { ROOT, FIXTURES, launchChromium, openScanned } from './harness.mjs';
import { blockingViolations, contrast } from './a11y-lib.mjs';

const SCHEMES = ['light', 'dark'];
let server; let plain; let profile; let ext;
before(async () => {
  server = await serve({ root: ROOT, port: 0 });
  profile = await mkdtemp(join(tmpdir(), 'dg-a11y-'));
  // The demo panel runs the content script itself: no extension there, or it would run twice.
  plain = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, timezoneId: 'Europe/Madrid',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  ext = await launchChromium();
});
after(async () => {
  await plain?.close();
  await ext?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function demoPanel(colorScheme, lang = 'en') {
  const page = await plain.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`${server.url}/extension/demo/?lang=${lang}`);
  await page.waitForSelector('[data-dg-ui="overlay"][data-dg-recognised="true"]', { state: 'attached' });
  return page;
}

async function widgetDemo(colorScheme) {
  const page = await plain.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`${server.url}/www/index.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('deadline-guard-orders, deadline-guard-reconcile')].every((e) => e.state === 'ready'));
  return page;
}

/** Colour and background of every badge label, overlay entry and widget risk cell, as rendered. */
function renderedPairs(page) {
  return page.evaluate(() => {
    const hex = (rgb) => {
      const [r, g, b, a = 1] = rgb.match(/[\d.]+/g).map(Number);
      return a === 0 ? null : `#${[r, g, b].map((n) => Math.round(n).toString(16).padStart(2, '0')).join('')}`;
    };
    // The first opaque background at or above the element, through shadow roots.
    const background = (node) => {
      for (let el = node; el; el = el.parentElement ?? el.getRootNode().host) {
        const bg = hex(getComputedStyle(el).backgroundColor);
        if (bg) return bg;
      }
      return '#ffffff';
    };
    const pairs = [];
    const add = (what, el) => pairs.push({ what, fg: hex(getComputedStyle(el).color), bg: background(el) });
    for (const host of document.querySelectorAll('[data-dg-ui="badge"]')) {
      const label = host.shadowRoot.querySelector('span');
      add(`badge ${label.getAttribute('data-risk')}`, label);
      const hint = host.shadowRoot.querySelector('li');
      if (hint) add('badge hint', hint);
    }
    const overlay = document.querySelector('[data-dg-overlay]')?.shadowRoot;
    for (const el of overlay?.querySelectorAll('.chip, .go .words, .id, .when, .zone, .act, h2') ?? []) add(`overlay ${el.className} ${el.getAttribute('data-risk') ?? el.closest('[data-risk]')?.getAttribute('data-risk') ?? ''}`, el);
    for (const widget of document.querySelectorAll('deadline-guard-orders, deadline-guard-reconcile')) {
      for (const el of widget.shadowRoot.querySelectorAll('td, th button, .filters button, .state, .summary, caption')) add(`widget ${el.className || el.localName}`, el);
    }
    return pairs;
  });
}

function assertReadable(pairs) {
  assert.ok(pairs.length > 10, `colours found: ${pairs.length}`);
  const low = pairs.map((p) => ({ ...p, ratio: contrast(p.fg, p.bg) })).filter((p) => p.ratio < 4.5);
  assert.deepEqual(low.map((p) => `${p.what}: ${p.fg} on ${p.bg} = ${p.ratio.toFixed(2)}`), []);
}

for (const scheme of SCHEMES) {
  test(`${scheme}: the demo seller panel with badges and overlay has no serious or critical axe violation`, async () => {
    const page = await demoPanel(scheme);
    assert.deepEqual(await blockingViolations(page), []);
    assertReadable(await renderedPairs(page));
    await page.close();
  });

  test(`${scheme}: a seller-center page with the extension's annotations has no serious or critical axe violation`, async () => {
    const page = await openScanned(ext.context, `${ext.server.url}${FIXTURES}/en.html`);
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await blockingViolations(page), []);
    assertReadable(await renderedPairs(page));
    await page.close();
  });

  test(`${scheme}: the options page has no serious or critical axe violation`, async () => {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
    await page.waitForFunction(() => document.querySelector('input[name="handlingDays"]')?.value === '7');
    assert.deepEqual(await blockingViolations(page), []);
    // The form's error state too: a field refused, its message beside it.
    await page.fill('input[name="handlingDays"]', 'abc');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-error-for="handlingDays"]');
    assert.deepEqual(await blockingViolations(page), []);
    await page.close();
  });

  test(`${scheme}: the widget demo has no serious or critical axe violation`, async () => {
    const page = await widgetDemo(scheme);
    assert.deepEqual(await blockingViolations(page), []);
    assertReadable(await renderedPairs(page));
    await page.close();
  });
}

test('dark mode changes the colours of badges, overlay, widget and options page', async () => {
  const colours = {};
  for (const scheme of SCHEMES) {
    const demo = await demoPanel(scheme);
    const widget = await widgetDemo(scheme);
    const options = await ext.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${ext.extensionId}/options/options.html`);
    colours[scheme] = {
      badge: await demo.$eval('[data-dg-ui="badge"]', (h) => getComputedStyle(h.shadowRoot.querySelector('span')).backgroundColor),
      overlay: await demo.$eval('[data-dg-overlay]', (h) => getComputedStyle(h.shadowRoot.querySelector('.panel')).backgroundColor),
      widget: await widget.$eval('deadline-guard-orders', (h) => getComputedStyle(h.shadowRoot.querySelector('td')).color),
      options: await options.evaluate(() => getComputedStyle(document.body).backgroundColor),
    };
    await Promise.all([demo.close(), widget.close(), options.close()]);
  }
  for (const part of ['badge', 'overlay', 'widget', 'options']) assert.notEqual(colours.dark[part], colours.light[part], part);
});

test("a page with a dark theme of its own gets the dark badges and overlay whatever the system's preference", async () => {
  const page = await demoPanel('light');
  const read = () => [
    getComputedStyle(document.querySelector('[data-dg-overlay]').shadowRoot.querySelector('.panel')).backgroundColor,
    getComputedStyle(document.querySelector('[data-dg-ui="badge"]').shadowRoot.querySelector('span')).backgroundColor,
  ];
  const light = await page.evaluate(read);
  // The seller center's own dark theme: it declares it and paints everything dark.
  await page.addStyleTag({ content: ':root { color-scheme: dark; } body, body *:not([data-dg-ui]) { background-color: #121212 !important; color: #e8eaed !important; }' });
  await page.click('#add'); // a change, so the content script renders again
  await page.waitForFunction(([readSource, before]) => {
    // eslint-disable-next-line no-new-func
    const now = new Function(`return (${readSource})()`)();
    return now.every((c, i) => c !== before[i]);
  }, [read.toString(), light]);
  assert.deepEqual(await blockingViolations(page), []);
  assertReadable(await renderedPairs(page));
  await page.close();
});

test('every risk has its own shape beside its words: badge icon and edge', async () => {
  const page = await demoPanel('light');
  const shapes = await page.evaluate(() => {
    const byRisk = {};
    for (const record of document.querySelectorAll('[data-dg-risk]')) {
      const risk = record.getAttribute('data-dg-risk');
      if (byRisk[risk]) continue;
      const label = record.querySelector('[data-dg-ui="badge"]')?.shadowRoot.querySelector('span');
      byRisk[risk] = {
        icon: label ? getComputedStyle(label, '::before').content : null,
        edge: getComputedStyle(record.localName === 'tr' ? record.cells[0] : record).boxShadow.replace(/rgba?\([^)]*\)/g, 'C'),
      };
    }
    return byRisk;
  });
  const risks = Object.keys(shapes);
  assert.deepEqual(risks.sort(), ['critical', 'none', 'ok', 'overdue', 'unreadable', 'warning']);
  const icons = risks.map((r) => shapes[r].icon);
  assert.ok(icons.every((i) => i && i !== 'none' && i !== 'normal'), JSON.stringify(shapes));
  assert.equal(new Set(icons).size, risks.length, `one icon per risk: ${JSON.stringify(shapes)}`);
  const atRisk = ['overdue', 'critical', 'warning', 'unreadable'].map((r) => shapes[r].edge);
  assert.equal(new Set(atRisk).size, atRisk.length, `one edge per risk at risk: ${JSON.stringify(shapes)}`);
  await page.close();
});

test('badges are reached with Tab and are named by their words and their deadline', async () => {
  const page = await demoPanel('light');
  const expected = await page.$eval('[data-dg-risk="critical"] [data-dg-ui="badge"]', (h) => h.shadowRoot.querySelector('span').textContent);
  let named = null;
  for (let i = 0; i < 80 && !named; i += 1) {
    await page.keyboard.press('Tab');
    named = await page.evaluate((text) => {
      const host = document.activeElement;
      if (host?.getAttribute('data-dg-ui') !== 'badge') return null;
      const label = host.shadowRoot.activeElement;
      return label?.textContent === text ? label.getAttribute('aria-label') : null;
    }, expected);
  }
  assert.ok(named, 'Tab reaches the critical badge');
  assert.ok(named.startsWith(expected), named);
  assert.match(named, /Deadline: .*\d{1,2}:\d{2}/, named);
  await page.close();
});

test('the overlay opens with Alt+Shift+D, collapses with its button and moves with the arrow keys', async () => {
  const page = await demoPanel('light');
  const overlay = page.locator('[data-dg-overlay]');
  await page.keyboard.press('Alt+Shift+KeyD');
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-dg-overlay')), true, 'the shortcut focuses the overlay');
  const inside = () => page.$eval('[data-dg-overlay]', (h) => h.shadowRoot.activeElement?.getAttribute('data-dg-action'));
  assert.equal(await inside(), 'move');
  await page.keyboard.press('Tab');
  assert.equal(await inside(), 'toggle');
  await page.keyboard.press('Enter');
  assert.equal(await overlay.getAttribute('data-dg-collapsed'), 'true');
  // Collapsed, the shortcut opens it again.
  await page.keyboard.press('Alt+Shift+KeyD');
  assert.equal(await overlay.getAttribute('data-dg-collapsed'), 'false');
  const box = await overlay.boundingBox();
  assert.equal(await inside(), 'move');
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  const moved = await overlay.boundingBox();
  assert.ok(moved.x < box.x - 40, `moved left: ${box.x} → ${moved.x}`);
  assert.ok(moved.y < box.y, `moved up: ${box.y} → ${moved.y}`);
  await page.close();
});

// The message guard as the extension runs it: `scanMessage` in the built wasm, in headless
// Chromium, on a 2,000-character message (what one debounced keystroke costs, JS glue included).
// Usage: make build && node benches/guard-wasm.mjs
import { chromium } from 'playwright-core';
import { serve } from '../www/serve.mjs';

const server = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/tests/fixtures/messages/seller-message-center.en.html`);
  const result = await page.evaluate(async () => {
    const wasm = await import('/www/pkg/deadline_guard.js');
    await wasm.default();
    const parts = ['Hello, thanks for your order 8123456789012345. ',
      'The parcel left the warehouse on 20/11/2026 and costs US $12.99 to ship. ',
      'Please write to me on W h a t s A p p or +34 612 345 678, ',
      'or ana (at) gmail (dot) com, or see myshop.com/p/1 for more colours; ',
      'we usually answer within two working days and we chat with every buyer about the sizes they need before we send anything. '];
    let text = '';
    while (text.length < 2000) text += parts.join('');
    text = text.slice(0, 2000);
    for (let i = 0; i < 20; i++) wasm.scanMessage(text, undefined, 'en');
    const times = [];
    let findings = 0;
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      findings = wasm.scanMessage(text, undefined, 'en').findings.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { chars: text.length, findings, median: times[100], p95: times[190], max: times[199] };
  });
  console.log(`scanMessage in Chromium, ${result.chars} chars, ${result.findings} findings: median ${result.median.toFixed(3)} ms, p95 ${result.p95.toFixed(3)} ms, max ${result.max.toFixed(3)} ms (200 runs)`);
} finally {
  await browser.close();
  await server.close();
}

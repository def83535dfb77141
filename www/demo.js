// The demo page's own script: the elements, the sample-time switch, events, a page scan and the module API.
import { ready, analyze, scan } from './deadline-guard.js';
import './define.js';

const SAMPLE_NOW = '2026-11-20T18:00:00Z';
const elements = () => document.querySelectorAll('deadline-guard-orders, deadline-guard-reconcile');

document.getElementById('sample-time').addEventListener('change', (event) => {
  for (const element of elements()) {
    if (event.target.checked) element.setAttribute('now', SAMPLE_NOW);
    else element.removeAttribute('now');
  }
});

document.getElementById('from-api').addEventListener('deadline-guard-updated', (event) => {
  const { counts } = event.detail;
  document.getElementById('api-events').textContent =
    `deadline-guard-updated: ${counts.total} orders, ${counts.overdue} overdue, ${counts.critical} critical, ${counts.warning} warning.`;
});

document.getElementById('scan-button').addEventListener('click', async () => {
  const out = document.getElementById('scan-result');
  try {
    await ready();
    const now = document.getElementById('sample-time').checked ? SAMPLE_NOW : undefined;
    const result = scan(document.getElementById('scan-target'), { now });
    out.textContent = `${result.orders.length} orders found: ${result.counts.overdue} overdue, ${result.counts.critical} critical.`;
  } catch (error) {
    out.textContent = `Scan failed: ${error.message}`;
  }
});

try {
  await ready();
  const response = await (await fetch('samples/open-platform-orders.json')).json();
  const { orders, counts } = analyze(response, { now: SAMPLE_NOW });
  document.getElementById('module-result').textContent =
    `analyze() read ${counts.total} orders; the most urgent is ${orders[0].orderId}: ${orders[0].badge}.`;
} catch (error) {
  document.getElementById('module-result').textContent = `The module could not run: ${error.message}`;
}

// Reads the request log of the e2e suite (hardening-privacy-hook.mjs) and fails when any request
// left the machine: the extension and the widget may load their own files only. Allowed: page
// navigations the tests make themselves (served locally or by a route), the files of those test
// pages (Firefox harness), the local test servers
// (127.0.0.1 / localhost), the extension's own files (chrome-extension://, moz-extension://) and
// data:/blob:/about: URLs. Usage: node tests/e2e/hardening-privacy-check.mjs <log.jsonl>
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Why a request is allowed, or null when it is not. */
export function allowedBecause(entry) {
  let url;
  try { url = new URL(entry.url); } catch { return null; }
  if (['data:', 'blob:', 'about:'].includes(url.protocol)) return 'inline data';
  if (['chrome-extension:', 'moz-extension:'].includes(url.protocol)) return "the extension's own file";
  if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return 'the local test server';
  if (entry.navigation && entry.type === 'document') return "the test's own page";
  // Logged by the Firefox harness's local server for the files of a fixture page (its style sheet
  // and scripts), which the page loads itself.
  if (entry.fixture === true && url.pathname.replace(/^\/strict\//, '/').match(/^\/(tests\/fixtures\/|favicon\.ico$)/)) return "the test page's own files";
  return null;
}

/** { total, byReason, violations } for the parsed log entries. */
export function audit(entries) {
  const byReason = {};
  const violations = [];
  for (const e of entries) {
    const why = allowedBecause(e);
    if (why) byReason[why] = (byReason[why] ?? 0) + 1;
    else violations.push(e);
  }
  return { total: entries.length, byReason, violations };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file || !existsSync(file)) {
    console.error(`privacy: no request log at ${file}: the e2e suite did not run through the hook`);
    process.exit(1);
  }
  const entries = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const r = audit(entries);
  const files = new Set(entries.map((e) => e.test));
  console.log(`privacy: ${r.total} requests from ${files.size} e2e test files: ${JSON.stringify(r.byReason)}`);
  if (r.total === 0) {
    console.error('privacy: the log is empty: the hook saw no browser, so nothing was checked');
    process.exit(1);
  }
  if (r.violations.length) {
    for (const v of r.violations.slice(0, 20)) console.error(`privacy: not allowed: ${v.url} (${v.type}, from ${v.test})`);
    console.error(`privacy: ${r.violations.length} request(s) left the machine`);
    process.exit(1);
  }
}

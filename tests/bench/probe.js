// Page-side measurement helpers for the browser benchmarks, injected into the page's main world.
// `window.__dgBench.insert(html, attr, n)` puts `html` into the order list, then resolves with
// how long it took until `n` of the new order elements carried `attr`. The clock starts after the insertion
// returned, so the page's own HTML parsing and insertion are not counted for either contestant.
(() => {
  const list = () => document.getElementById('dg-bench-list');
  window.__dgBench = {
    countWith(attr) {
      return document.querySelectorAll(`[${attr}]`).length;
    },
    insert(html, attr, n, timeoutMs = 120000) {
      return new Promise((resolve, reject) => {
        const done = new Set();
        let t0 = 0;
        const timer = setTimeout(() => { mo.disconnect(); reject(new Error(`only ${done.size} of ${n} annotated with ${attr} after ${timeoutMs} ms`)); }, timeoutMs);
        const mo = new MutationObserver((records) => {
          for (const r of records) {
            const row = r.target.closest && r.target.closest('table.next-table-row');
            if (row && row.dataset.dgBenchNew === '1' && r.target.hasAttribute(attr)) done.add(row);
          }
          if (done.size >= n) {
            const annotated = performance.now() - t0;
            mo.disconnect();
            clearTimeout(timer);
            resolve({ annotated });
          }
        });
        mo.observe(list(), { attributes: true, subtree: true, attributeFilter: [attr] });
        const tpl = document.createElement('template');
        tpl.innerHTML = html;
        for (const t of tpl.content.querySelectorAll('table.next-table-row')) t.dataset.dgBenchNew = '1';
        list().append(tpl.content);
        // Observers only run after this script yields, so nothing is missed by starting here.
        t0 = performance.now();
      });
    },
  };
})();

// Generates AliExpress seller-center order lists in the real Alibaba Fusion structure (DOMAIN.md):
// each order is its own `table.next-table-row`, cells carry `data-next-table-col` /
// `data-next-table-row`, the status sits in `div.chc-state-label__stateText`, tags in
// `span.chc-color-tag`, buttons `button.next-btn`, and every other class is a CSS-module hash
// that changes per release (so the hashes here are made up on purpose, seeded per page).
// Deterministic: the same (n, options) always gives the same bytes, so runs compare.

/** Column headers as the seller center prints them, per language. */
export const HEADERS = {
  zh: ['商品信息', '单价', '数量', '实付金额', '订单状态', '操作'],
  en: ['Product', 'Unit price', 'Quantity', 'Amount paid', 'Order status', 'Actions'],
};

/** Status labels with the API code the product should read from them. */
export const STATUSES = {
  zh: [
    ['等待发货', 'WAIT_SELLER_SEND_GOODS'],
    ['等待仓库发货', 'WAIT_SELLER_SEND_GOODS'],
    ['等待买家收货', 'WAIT_BUYER_ACCEPT_GOODS'],
    ['交易成功', 'FINISH'],
    ['已关闭', 'FINISH'],
  ],
  en: [
    ['Awaiting shipment', 'WAIT_SELLER_SEND_GOODS'],
    ['Awaiting buyer receipt', 'WAIT_BUYER_ACCEPT_GOODS'],
    ['Order complete', 'FINISH'],
    ['Closed', 'FINISH'],
    ['Buyer requested cancellation', 'IN_CANCEL'],
  ],
};

const LABELS = {
  zh: { order: '订单号', time: '下单时间', pay: '付款时间', left: '剩余发货时间', ship: '发货', detail: '查看详情' },
  en: { order: 'Order No.', time: 'Order time', pay: 'Payment time', left: 'Time left to ship', ship: 'Ship', detail: 'Details' },
};

/** A small, fast, seeded PRNG (mulberry32) so pages are reproducible. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Escapes text for HTML element content and attribute values. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

function hash(rand) {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
  let s = '';
  for (let i = 0; i < 7; i++) s += abc[Math.floor(rand() * abc.length)];
  return s;
}

/** CSS-module class names, hashed once per page as a release would. */
export function classes(rand) {
  const names = ['header--value', 'header--valueHighLight', 'buyerInfo--inline', 'productInfo--itemTitle',
    'productInfo--skuCodeValue', 'productInfo--unitFee', 'amount--amount', 'orderBasic--value', 'list--table',
    'countdown--text', 'header--wrap'];
  return Object.fromEntries(names.map((n) => [n.split('--')[1], `${n}--${hash(rand)}`]));
}

const pad = (n) => String(n).padStart(2, '0');
/** "2026-11-20 09:41:07": the seller center's wall-clock format (US Pacific). */
function stamp(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * One order's data, deterministic in (index, seed). `now` is the page's reading time in ms;
 * pacific wall-clock strings are derived by a fixed −8 h offset, which is all a benchmark needs.
 */
export function orderData(i, { seed = 1, lang = 'zh', now = Date.UTC(2026, 10, 25, 12, 0, 0), idBase = 8200000000000000 } = {}) {
  const rand = prng(seed * 1000003 + i);
  const [label, code] = STATUSES[lang][Math.floor(rand() * STATUSES[lang].length)];
  const placed = now - Math.floor(rand() * 9 * 86400e3) - 3600e3;
  const paid = placed + Math.floor(rand() * 3600e3);
  const leftMs = paid + 7 * 86400e3 - now;
  return {
    id: String(idBase + i * 7919 + Math.floor(rand() * 7000)),
    label, code,
    placed: stamp(placed - 8 * 3600e3),
    paid: stamp(paid - 8 * 3600e3),
    countdown: code === 'WAIT_SELLER_SEND_GOODS' && leftMs > 0 ? leftMs : null,
    buyer: `${['Ana', 'Jörg', 'Li Wei', 'Marta', 'Sam'][i % 5]} ${String.fromCharCode(65 + (i % 26))}.`,
    product: ['USB-C cable 2 m', 'Phone case, silicone', 'LED strip 5 m', 'Garden hose nozzle', 'Bamboo cutting board'][i % 5],
    sku: `SKU-${(i * 37) % 100000}`,
    price: (1 + rand() * 60).toFixed(2),
    qty: 1 + Math.floor(rand() * 4),
  };
}

function countdownText(ms, lang) {
  const m = Math.floor(ms / 60e3);
  const d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60), min = m % 60;
  return lang === 'zh' ? `${d}天${h}小时${min}分` : `${d} days ${h} hours ${min} minutes`;
}

/** The HTML of one order: a Fusion `table.next-table-row`. */
export function orderRow(o, row, cls, lang = 'zh') {
  const L = LABELS[lang];
  const amount = (Number(o.price) * o.qty).toFixed(2);
  const cd = o.countdown === null ? '' :
    `<div class="${cls.text}"><span>${esc(L.left)}</span> <span>${esc(countdownText(o.countdown, lang))}</span></div>`;
  const cell = (col, inner) =>
    `<td class="next-table-cell" data-next-table-col="${col}" data-next-table-row="${row}"><div class="next-table-cell-wrapper">${inner}</div></td>`;
  return `<table class="next-table-row" role="row"><colgroup><col style="width:40%"><col><col><col><col><col></colgroup><tbody>` +
    `<tr class="next-table-group-header"><td colspan="6"><div class="${cls.wrap}">` +
    `<span class="${cls.value}">${esc(L.order)}: </span><span class="${cls.value} ${cls.valueHighLight}">${esc(o.id)}</span> ` +
    `<span class="${cls.value}">${esc(L.time)}: ${esc(o.placed)}</span> ` +
    `<span class="${cls.value}">${esc(L.pay)}: ${esc(o.paid)}</span> ` +
    `<a class="${cls.inline}" href="#buyer">${esc(o.buyer)}</a></div></td></tr>` +
    '<tr class="next-table-body-row">' +
    cell(0, `<img alt="" width="48" height="48"><span class="${cls.itemTitle}">${esc(o.product)}</span><span class="${cls.skuCodeValue}">${esc(o.sku)}</span>`) +
    cell(1, `<span class="${cls.unitFee}">US $${o.price}</span>`) +
    cell(2, `<div>${o.qty}</div>`) +
    cell(3, `<div class="${cls.amount}">US $${amount}</div>`) +
    cell(4, `<div class="chc-state-label"><div class="chc-state-label__stateText">${esc(o.label)}</div></div>${cd}` +
      (o.qty > 2 ? '<span class="chc-color-tag">AE/IOSS</span>' : '')) +
    cell(5, `<button class="next-btn next-medium next-btn-primary" type="button"><span class="next-btn-helper">${esc(L.ship)}</span></button>` +
      `<button class="next-btn next-medium next-btn-text" type="button"><span class="next-btn-helper">${esc(L.detail)}</span></button>`) +
    '</tr></tbody></table>';
}

/** `n` orders as one HTML string (what the single-page app renders into its list), plus their data. */
export function orderRows(n, { seed = 1, lang = 'zh', now, idBase, start = 0 } = {}) {
  const cls = classes(prng(seed));
  const orders = [];
  let html = '';
  for (let i = start; i < start + n; i++) {
    const o = orderData(i, { seed, lang, now, idBase });
    orders.push(o);
    html += orderRow(o, i, cls, lang);
  }
  return { html, orders };
}

/** The page shell around the list: header table, list body (id `dg-bench-list`), pagination. */
export function sellerCenterPage({ n = 0, seed = 1, lang = 'zh', now, title = '订单管理', extraHead = '', extraBody = '', rowsHtml = '', dir = '', htmlLang } = {}) {
  const cls = classes(prng(seed));
  const head = HEADERS[lang].map((h, col) =>
    `<th class="next-table-header-node" data-next-table-col="${col}"><div class="next-table-cell-wrapper">${esc(h)}</div></th>`).join('');
  const rows = (n ? orderRows(n, { seed, lang, now }).html : '') + rowsHtml;
  const langAttr = esc(htmlLang ?? (lang === 'zh' ? 'zh-CN' : 'en'));
  return `<!doctype html><html lang="${langAttr}"${dir ? ` dir="${esc(dir)}"` : ''}><head><meta charset="utf-8"><title>${esc(title)}</title>` +
    '<style>body{font:13px sans-serif;margin:0}.next-table-row{width:100%;border-collapse:collapse;margin-bottom:8px;border:1px solid #ddd}' +
    'td{padding:4px 8px;vertical-align:top}.next-table-header table{width:100%}</style>' + extraHead + '</head><body>' +
    `<div id="root"><div class="next-tabs"><div class="next-tabs-tab">${lang === 'zh' ? '等待发货' : 'Awaiting shipment'}</div></div>` +
    `<div class="next-table next-table-medium ${cls.table}"><div class="next-table-header"><table><thead><tr>${head}</tr></thead></table></div>` +
    `<div class="next-table-body" id="dg-bench-list">${rows}</div></div>` +
    '<div class="next-pagination"><button class="next-pagination-item next-current" type="button">1</button>' +
    '<button class="next-pagination-item" type="button">2</button></div></div>' + extraBody + '</body></html>';
}

/** The seller-center address the extension's content script is declared for. */
export const SELLER_CENTER_URL = 'https://csp.aliexpress.com/m_apps/order-manage/orderList?channelId=238104';

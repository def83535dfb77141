// The demo seller panel: orders in the seller center's Fusion structure, timed relative to now so
// every risk level shows, in the language of `?lang=`; then the extension's own content script
// (content/main.js) runs on it with the wasm in the page instead of the extension.
import * as glue from '../pkg/deadline_guard.js';
import { localEngine } from '../content/engine.js';
import { start } from '../content/main.js';

const WORDS = {
  en: { head: ['Product', 'Amount', 'Buyer', 'Status', 'Actions'], id: 'Order ID:', created: 'Order time:', paid: 'Payment time:', left: 'Time left:', cancel: 'Cancellation request time:', dispute: 'Dispute opened:', shipped: 'Shipping time:', days: (d, h) => `${d} days ${h} hours`, ship: 'Awaiting shipment', cancelSt: 'Buyer requested cancellation', disputeSt: 'In dispute', done: 'Order completed', receipt: 'Awaiting buyer receipt', button: 'Ship', tabs: ['All orders', 'Pending shipment', 'Cancellation requests', 'In dispute'] },
  es: { head: ['Producto', 'Importe', 'Comprador', 'Estado', 'Acciones'], id: 'ID del pedido:', created: 'Fecha del pedido:', paid: 'Fecha de pago:', left: 'Tiempo restante:', cancel: 'Fecha de solicitud de cancelación:', dispute: 'Fecha de disputa:', shipped: 'Fecha de envío:', days: (d, h) => `${d} días ${h} horas`, ship: 'Pendiente de envío', cancelSt: 'Cancelación solicitada', disputeSt: 'En disputa', done: 'Completado', receipt: 'Pendiente de recepción', button: 'Enviar', tabs: ['Todos', 'Pendientes de envío', 'Cancelaciones', 'En disputa'] },
  de: { head: ['Produkt', 'Betrag', 'Käufer', 'Status', 'Aktionen'], id: 'Bestellnummer:', created: 'Bestellzeit:', paid: 'Zahlungszeit:', left: 'Verbleibende Zeit:', cancel: 'Stornierungsanfrage:', dispute: 'Streitfall eröffnet:', shipped: 'Versanddatum:', days: (d, h) => `${d} Tage ${h} Stunden`, ship: 'Versand ausstehend', cancelSt: 'Stornierung beantragt', disputeSt: 'Im Streitfall', done: 'Abgeschlossen', receipt: 'Warten auf Lieferung', button: 'Versenden', tabs: ['Alle', 'Versand ausstehend', 'Stornierungen', 'Streitfälle'] },
  fr: { head: ['Produit', 'Montant', 'Acheteur', 'Statut', 'Actions'], id: 'N° de commande :', created: 'Date de commande :', paid: 'Date de paiement :', left: 'Temps restant :', cancel: "Date de demande d'annulation :", dispute: 'Litige ouvert :', shipped: "Date d'expédition :", days: (d, h) => `${d} jours ${h} heures`, ship: "En attente d'expédition", cancelSt: 'Annulation demandée', disputeSt: 'En litige', done: 'Terminée', receipt: 'En attente de livraison', button: 'Expédier', tabs: ['Toutes', 'À expédier', 'Annulations', 'Litiges'] },
  pt: { head: ['Produto', 'Valor', 'Comprador', 'Estado', 'Ações'], id: 'Nº do pedido:', created: 'Data do pedido:', paid: 'Data de pagamento:', left: 'Tempo restante:', cancel: 'Data do pedido de cancelamento:', dispute: 'Data da disputa:', shipped: 'Data de envio:', days: (d, h) => `${d} dias ${h} horas`, ship: 'Aguardando envio', cancelSt: 'Cancelamento solicitado', disputeSt: 'Em disputa', done: 'Concluído', receipt: 'Aguardando entrega', button: 'Enviar', tabs: ['Todos', 'Aguardando envio', 'Cancelamentos', 'Disputas'] },
  ru: { head: ['Товар', 'Сумма', 'Покупатель', 'Статус', 'Действия'], id: 'Номер заказа:', created: 'Дата заказа:', paid: 'Время оплаты:', left: 'Оставшееся время:', cancel: 'Дата запроса отмены:', dispute: 'Дата открытия спора:', shipped: 'Дата отправки:', days: (d, h) => `${d} дн. ${h} ч`, ship: 'Ожидает отправки', cancelSt: 'Покупатель запросил отмену', disputeSt: 'В споре', done: 'Завершен', receipt: 'Ожидает получения', button: 'Отправить', tabs: ['Все', 'Ожидают отправки', 'Отмены', 'Споры'] },
  it: { head: ['Prodotto', 'Importo', 'Acquirente', 'Stato', 'Azioni'], id: 'N. ordine:', created: "Data dell'ordine:", paid: 'Data di pagamento:', left: 'Tempo rimanente:', cancel: 'Data richiesta di annullamento:', dispute: 'Data della controversia:', shipped: 'Data di spedizione:', days: (d, h) => `${d} giorni ${h} ore`, ship: 'In attesa di spedizione', cancelSt: 'Annullamento richiesto', disputeSt: 'In controversia', done: 'Completato', receipt: 'In attesa di consegna', button: 'Spedisci', tabs: ['Tutti', 'Da spedire', 'Annullamenti', 'Controversie'] },
  zh: { head: ['商品', '金额', '买家', '状态', '操作'], id: '订单号：', created: '下单时间：', paid: '付款时间：', left: '剩余时间：', cancel: '取消申请时间：', dispute: '纠纷发起时间：', shipped: '发货时间：', days: (d, h) => `${d}天${h}小时`, ship: '等待发货', cancelSt: '买家申请取消', disputeSt: '纠纷中', done: '交易成功', receipt: '等待买家收货', button: '发货', tabs: ['全部订单', '等待发货', '取消申请', '纠纷中'] },
};
const PRODUCTS = ['Wireless earbuds', 'USB-C cable 2 m', 'Phone case', 'LED strip 5 m', 'Yoga mat', 'Desk lamp', 'Socks (5 pairs)', 'Water bottle', 'Backpack', 'Smart watch', 'Power bank', 'Sunglasses'];

// [status, hours ago for: created, paid, cancel, dispute, shipped; countdown [days, hours] or null]
const ORDERS = [
  ['ship', { created: 21, paid: 20 }, [6, 4]],
  ['ship', { created: 151, paid: 150 }],
  ['ship', { created: 163, paid: 162 }],
  ['ship', { created: 111, paid: 110 }],
  ['ship', { created: 191, paid: 190 }],
  ['cancelSt', { created: 101, paid: 100, cancel: 60 }],
  ['cancelSt', { created: 200, paid: 199, shipped: 120, cancel: 70 }],
  ['disputeSt', { created: 401, paid: 400, shipped: 300, dispute: 30 }],
  ['disputeSt', { created: 501, paid: 500, shipped: 400, dispute: 125 }],
  ['receipt', { created: 301, paid: 300, shipped: 240 }],
  ['done', { created: 901, paid: 900, shipped: 800 }],
  ['ship', { created: 30 }],
];

const lang = WORDS[new URLSearchParams(location.search).get('lang')] ? new URLSearchParams(location.search).get('lang') : 'en';
const w = WORDS[lang];
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : lang;

function pacific(ms) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
};

function orderRow(index, [status, ago, countdown]) {
  const id = `8170${String(Date.now()).slice(-6)}${String(index).padStart(6, '0')}`;
  const now = Date.now();
  const header = h('div', { class: 'header--wrap--Hs8d1' },
    h('span', { class: 'header--label--Kd9x1' }, w.id), h('span', { class: 'header--valueHighLight--wCk3sLF' }, id));
  for (const field of ['created', 'paid', 'cancel', 'dispute', 'shipped']) {
    if (ago[field] != null) header.append(h('span', { class: 'header--item--b7Qp2' }, `${w[field]} ${pacific(now - ago[field] * 3600_000)}`));
  }
  const state = h('div', { class: 'chc-state-label' }, h('div', { class: 'chc-state-label__stateText' }, w[status]));
  if (countdown) state.append(h('div', { class: 'state--countdown--P0q1' }, `${w.left} ${w.days(...countdown)}`));
  const cell = (col, ...content) => h('td', { 'data-next-table-col': String(col), 'data-next-table-row': String(index) }, ...content);
  return h('table', { class: 'next-table-row', 'data-next-table-row': String(index) }, h('tbody', {},
    h('tr', { class: 'next-table-group-header' }, h('td', { colspan: '5' }, header)),
    h('tr', {}, cell(0, h('div', { class: 'product--title--Qw3e8' }, PRODUCTS[index % PRODUCTS.length])),
      cell(1, `US $${(9.99 + index * 3).toFixed(2)}`), cell(2, ['J. Smith', 'M. García', 'K. Müller', 'L. Wang'][index % 4]),
      cell(3, state), cell(4, h('button', { class: 'next-btn next-btn-primary', type: 'button' }, w.button)))));
}

document.getElementById('tabs').append(...w.tabs.map((t) => h('div', { class: 'next-tabs-tab', role: 'tab' }, t)));
document.getElementById('head').append(...w.head.map((t, i) => h('th', { 'data-next-table-col': String(i) }, t)));
document.getElementById('langs').append(...Object.keys(WORDS).map((code) => h('a', { href: `?lang=${code}` }, code)));
const list = document.getElementById('order-list');
list.append(...ORDERS.map((order, i) => orderRow(i, order)));
let added = ORDERS.length;
document.getElementById('add').addEventListener('click', () => {
  list.prepend(orderRow(added, ['ship', { created: 160, paid: 159 }]));
  added += 1;
});

await glue.default();
// The extension's own words come from chrome.i18n; the demo page reads the English ones.
const messages = await fetch(new URL('../_locales/en/messages.json', import.meta.url)).then((r) => r.json()).catch(() => null);
await start({
  engine: localEngine(glue, 'page'),
  settings: { lang },
  messages,
});

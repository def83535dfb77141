// The overlay's, the toolbar's and the notifications' numbers, from the annotated records. Linear
// in the records (a page of 10,000 orders is summed inside one short task): only the few orders
// notified about are kept in order here; the overlay sorts what it lists (see `urgentFirst`).

/** Most notifications handed to the background per report: the soonest; later ones come later. */
export const MAX_ALERTS = 100;
/** The risks the overlay lists by default: the orders that need the seller. */
export const AT_RISK = Object.freeze(['overdue', 'critical', 'unreadable', 'warning']);

/** What the overlay, the toolbar and the notifications need of a patch (the rest is on the page). */
export function summaryOf(patch) {
  return {
    orderId: patch.orderId,
    risk: patch.risk,
    status: patch.status ?? null,
    at: patch.deadline ? Date.parse(patch.deadline) : null,
    kind: patch.deadlineKind ?? null,
    actionable: Boolean(patch.actionable),
    text: patch.badge.text,
    sample: patch.sample ?? null,
    // When time alone may change the record's annotation (Rust's `changesAtMs`): rescanned then.
    changesAt: patch.changesAtMs ?? null,
  };
}

/**
 * `entries`: record element → `summaryOf(patch)`. One count and one listed order per order id (a
 * duplicated row is one order), in page order; the `MAX_ALERTS` soonest future deadlines to
 * notify about, plus the current state of every order in `watched` (the orders the background
 * has alarms or the seller's Done / Later for), so it can clear or move them.
 */
export function summarize(entries, view, now, watched = new Set()) {
  const rank = riskRank(view);
  const seen = new Set();
  const counts = { total: 0, overdue: 0, critical: 0, unreadable: 0, warning: 0, ok: 0, none: 0 };
  const orders = [];
  const alerts = [];
  const states = [];
  let running = 0;
  // Equal times: the more urgent first, as in the overlay's list.
  const soonest = (a, b) => (a.at - b.at) || (rank.get(a.risk) - rank.get(b.risk));
  for (const [element, item] of entries) {
    if (seen.has(item.orderId)) continue;
    seen.add(item.orderId);
    counts.total += 1;
    counts[item.risk] += 1;
    orders.push({ element, ...item });
    const alerting = item.actionable && item.at != null && item.at > now;
    if (alerting) keepFirst(alerts, item, MAX_ALERTS, soonest);
    else if (watched.has(item.orderId)) states.push(item);
    if (item.at != null) running += 1;
  }
  // A watched order among the alerts is reported there; one beyond the first MAX_ALERTS here.
  const reported = new Set(alerts.map((item) => item.orderId));
  for (const item of orders) {
    if (watched.has(item.orderId) && !reported.has(item.orderId) && item.actionable && item.at > now) states.push(item);
  }
  return {
    recognised: counts.total > 0,
    why: counts.total > 0 ? null : view.why,
    counts,
    orders,
    alerts: [...alerts, ...states].map(reportOf),
    refreshAtMs: running ? (Math.floor(now / 60000) + 1) * 60000 : null,
    ui: view.ui,
  };
}

/** What the background keeps of an order it may notify about. */
function reportOf(item) {
  return { orderId: item.orderId, deadlineMs: item.at, kind: item.kind, status: item.status, risk: item.risk, actionable: item.actionable };
}

function riskRank(view) {
  return new Map(view.ui.risks.map(([risk], i) => [risk, i]));
}

/** `orders` sorted most urgent first: by risk (Rust's order), then the sooner deadline, stable. */
export function urgentFirst(orders, view) {
  const rank = riskRank(view);
  const when = (o) => (o.at == null ? Infinity : o.at);
  return orders
    .map((order, index) => ({ order, index }))
    .sort((a, b) => (rank.get(a.order.risk) - rank.get(b.order.risk)) || (when(a.order) - when(b.order)) || (a.index - b.index))
    .map(({ order }) => order);
}

/**
 * Keeps `list` the `max` first items by `order`, stable (an item equal to one kept goes after it,
 * as a stable sort of the whole would put it).
 */
function keepFirst(list, item, max, order) {
  if (list.length === max && order(item, list[max - 1]) >= 0) return;
  let at = list.length;
  while (at > 0 && order(item, list[at - 1]) < 0) at -= 1;
  list.splice(at, 0, item);
  if (list.length > max) list.pop();
}

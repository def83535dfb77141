// The overlay's, the toolbar's and the notifications' numbers, from the annotated records. Linear
// in the records (a page of 10,000 orders is summed inside one short task): no full sort, only
// the few items shown or notified about are kept in order.

/** Most notifications handed to the background per report: the soonest; later ones come later. */
export const MAX_ALERTS = 100;
/** Deadlines listed in the overlay. */
export const NEXT_SHOWN = 5;

/** What the overlay, the toolbar and the notifications need of a patch (the rest is on the page). */
export function summaryOf(patch) {
  return {
    orderId: patch.orderId,
    risk: patch.risk,
    at: patch.deadline ? Date.parse(patch.deadline) : null,
    kind: patch.deadlineKind,
    actionable: Boolean(patch.actionable),
    text: patch.badge.text,
    sample: patch.sample ?? null,
  };
}

/**
 * `entries`: record element → `summaryOf(patch)`. One count per order (a duplicated row is one
 * order); the next `NEXT_SHOWN` running deadlines by urgency (Rust's risk order, then time); the
 * `MAX_ALERTS` soonest future deadlines to notify about.
 */
export function summarize(entries, view, now) {
  const rank = new Map(view.ui.risks.map(([risk], i) => [risk, i]));
  const seen = new Set();
  const counts = { total: 0, overdue: 0, critical: 0, unreadable: 0, warning: 0, ok: 0, none: 0 };
  const next = [];
  const alerts = [];
  let running = 0;
  const urgency = (a, b) => (rank.get(a.item.risk) - rank.get(b.item.risk)) || (a.item.at - b.item.at);
  // Equal times: the more urgent first, as in the overlay's list.
  const soonest = (a, b) => (a.at - b.at) || (rank.get(a.risk) - rank.get(b.risk));
  for (const [element, item] of entries) {
    if (seen.has(item.orderId)) continue;
    seen.add(item.orderId);
    counts.total += 1;
    counts[item.risk] += 1;
    if (item.at == null) continue;
    running += 1;
    keepFirst(next, { element, item }, NEXT_SHOWN, urgency);
    if (item.actionable && item.at > now) keepFirst(alerts, item, MAX_ALERTS, soonest);
  }
  return {
    recognised: counts.total > 0,
    why: counts.total > 0 ? null : view.why,
    counts,
    next: next.map(({ element, item }) => ({ element, orderId: item.orderId, risk: item.risk, text: item.text })),
    alerts: alerts.map((item) => ({ orderId: item.orderId, deadlineMs: item.at, kind: item.kind })),
    refreshAtMs: running ? (Math.floor(now / 60000) + 1) * 60000 : null,
    ui: view.ui,
  };
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

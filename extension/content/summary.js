// The overlay's, the toolbar's and the notifications' numbers, from the annotated records: what
// the page side keeps of each patch, and the engine's one summary of them (counted and sorted in
// Rust, as the widget's page scan counts).

/** Most notifications handed to the background per report: the soonest; later ones come later. */
export const MAX_ALERTS = 100;
/** The risks the overlay lists by default: the orders that need the seller. */
export const AT_RISK = Object.freeze(['overdue', 'critical', 'unreadable', 'warning']);

/**
 * What the overlay, the toolbar and the notifications need of the patch written to `element` (the
 * rest is on the page). The element travels with it: a summary lists these objects themselves, so
 * summing up a page of 10,000 orders allocates no copy of them.
 */
export function summaryOf(patch, element) {
  return {
    element,
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
 * `entries`: record element → `summaryOf(patch, element)`, in page order. The engine's one summary
 * of them (Rust's `summarizeRecords`): one count and one listed order per order id (a duplicated
 * row is one order), the orders most urgent first; the `MAX_ALERTS` soonest future deadlines to notify
 * about, plus the current state of every order in `watched` (the orders the background has alarms
 * or the seller's Done / Later for), so it can clear or move them. A promise when the engine runs
 * in the background worker.
 */
export function summarize(engine, entries, view, now, watched = new Set()) {
  const items = [...entries.values()];
  const rank = new Map(view.ui.risks.map(([risk], i) => [risk, i]));
  const risks = new Uint8Array(items.length);
  const deadlines = new Float64Array(items.length);
  const actionable = new Uint8Array(items.length);
  items.forEach((item, i) => {
    // A risk the view does not name is refused by the engine (255), never counted as another.
    risks[i] = rank.get(item.risk) ?? 255;
    deadlines[i] = item.at ?? NaN;
    actionable[i] = item.actionable ? 1 : 0;
  });
  const ids = items.map((item) => item.orderId).join('\n');
  const answer = engine.summarizeRecords(ids, risks, deadlines, actionable, [...watched].join('\n'), now, MAX_ALERTS);
  const finish = (json) => {
    if (json.error) throw new Error(json.error);
    const { counts } = json;
    return {
      recognised: counts.total > 0,
      why: counts.total > 0 ? null : view.why,
      counts,
      orders: json.urgent.map((at) => items[at]),
      alerts: json.alerts.map((at) => reportOf(items[at])),
      ui: view.ui,
    };
  };
  return answer instanceof Promise ? answer.then(finish) : finish(answer);
}

/** What the background keeps of an order it may notify about. */
function reportOf(item) {
  return { orderId: item.orderId, deadlineMs: item.at, kind: item.kind, status: item.status, risk: item.risk, actionable: item.actionable };
}

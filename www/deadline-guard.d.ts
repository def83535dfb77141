// Types of the Deadline Guard widget (www/deadline-guard.js, www/define.js).

// dg-list: order-statuses (tests/lists_kept_once.rs)
/** An Open Platform `order_status` code. */
export type OrderStatus =
  | 'PLACE_ORDER_SUCCESS' | 'RISK_CONTROL' | 'RISK_CONTROL_HOLD' | 'PAYMENT_PROCESSING'
  | 'WAIT_SELLER_EXAMINE_MONEY' | 'WAIT_SELLER_SEND_GOODS' | 'SELLER_PART_SEND_GOODS' | 'IN_CANCEL'
  | 'WAIT_BUYER_ACCEPT_GOODS' | 'FUND_PROCESSING' | 'IN_ISSUE' | 'IN_FROZEN' | 'FINISH' | 'ARCHIVE';

// dg-list: deadline-kinds (tests/lists_kept_once.rs)
/** Which clock runs. */
export type DeadlineKind =
  | 'payment' | 'ship' | 'cancel_response' | 'dispute_response' | 'receipt'
  | 'supplier_ship' | 'tracking_proof' | 'refund';

// dg-list: deadline-sources (tests/lists_kept_once.rs)
/** Where the deadline came from: printed on the page, an API field, or computed from the policy. */
export type DeadlineSource = 'page' | 'api' | 'computed';

// dg-list: risks (tests/lists_kept_once.rs)
/** Urgency, most urgent first. */
export type Risk = 'overdue' | 'critical' | 'unreadable' | 'warning' | 'ok' | 'none';

// dg-list: hints (tests/lists_kept_once.rs)
/** Something to do beyond meeting the deadline. */
export type Hint =
  | 'refuse_with_tracking' | 'past_internal_target' | 'double_check_ship_button' | 'cancel_possible' | 'open_dispute'
  /** The page or the API states a deadline more than an hour from the one the settings compute. */
  | 'settings_disagree';

// dg-list: reason-codes (tests/lists_kept_once.rs)
/** Why no clock runs, or why it could not be computed. */
export type ReasonCode =
  | 'awaiting_payment' | 'completed' | 'frozen' | 'clock_ended' | 'status_unknown' | 'missing_time' | 'contradiction';

/** A weekday as chrono reads it: 'Mon' … 'Sun' (or the full English name). */
export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun' | string;

// dg-list: options (tests/lists_kept_once.rs)
/** Options of `analyze`, `reconcile`, `scan` and the elements. Every field is optional. */
export interface Options {
  /** The analysis time (default: now). An ISO 8601 string must carry `Z` or an offset. */
  now?: string | Date | number;
  /** BCP 47 tag; words in en, es, de, fr, pt, ru, it, zh, English otherwise. */
  locale?: string;
  /** Zone of the API's timestamps (default 'America/Los_Angeles'). */
  platformTimeZone?: string;
  /** Zone of the seller's working days and of the CSV export (default: the platform's). */
  sellerTimeZone?: string | null;
  /** Handling time in days, 1–90 (default 7). */
  handlingDays?: number;
  /** 'calendar': payment + N × 24 h (default); 'working': end of the Nth working day. */
  // dg-list: day-counts (tests/lists_kept_once.rs)
  dayCount?: 'calendar' | 'working';
  /** The seller's own ship goal in hours after payment (default 48). */
  shipTargetHours?: number;
  /** Hours to answer a cancellation request (default 72). */
  cancelResponseHours?: number;
  /** Days (× 24 h) to answer a dispute (default 5). */
  disputeResponseDays?: number;
  /** Hours of the payment risk check (default 24). */
  riskControlHours?: number;
  /** Dropshipping: working days for the supplier to ship (default 7). */
  supplierShipDays?: number;
  /** Dropshipping: working days to get a tracking number after a refused cancellation (default 5). */
  trackingProofDays?: number;
  /** Dropshipping: working days for a refund to arrive (default 15). */
  refundDays?: number;
  /** Days the buyer has to confirm receipt without `freight_commit_day` (default 60). */
  receiptDays?: number;
  /** Less than this many hours left is critical (default 24). */
  criticalHours?: number;
  /** Less than this many hours left is a warning (default 72); must exceed criticalHours. */
  warningHours?: number;
  /** Extra non-working dates, 'YYYY-MM-DD'. */
  holidays?: string[];
  /** A built-in holiday list ('ES', 'CN'). */
  holidayCountry?: string | null;
  /** Non-working weekdays (default ['Sat', 'Sun']). */
  weekend?: Weekday[];
  /** Dated windows that add handling days (default: Chinese New Year 2020, +7). */
  extensions?: { from: string; to: string; extraDays: number }[];
}

/** An order given directly (instead of an API response or CSV). Times are ISO 8601 with a zone. */
export interface OrderInput {
  orderId?: string;
  /** Same as orderId. */
  id?: string | number;
  status?: OrderStatus;
  // dg-list: sides (tests/lists_kept_once.rs)
  side?: 'seller' | 'buyer';
  created?: string;
  paid?: string;
  shipped?: string;
  cancelRequested?: string;
  cancelRefused?: string;
  cancelAgreed?: string;
  disputeOpened?: string;
  /** A deadline the source states itself; it wins over a computed one. */
  givenDeadline?: { at: string; source: 'page' | 'api' };
  handlingDays?: number;
  receiptDays?: number;
  endReason?: string;
  /** Shown in the table, as text only. */
  buyer?: string;
  /** Shown in the table, as text only. */
  product?: string;
}

/** What `analyze` accepts: orders, an Open Platform list or detail response (object or JSON text), or CSV text. */
export type Input = OrderInput[] | Record<string, unknown> | unknown[] | string;

/** One analysed order. */
export interface AnalyzedOrder {
  orderId: string;
  status: OrderStatus | null;
  /** ISO 8601 UTC, e.g. '2026-11-21T14:00:00Z'; null when no clock runs. */
  deadline: string | null;
  deadlineKind: DeadlineKind | null;
  deadlineSource: DeadlineSource | null;
  /** Seconds left at `now`, negative once overdue. */
  secondsLeft: number | null;
  risk: Risk;
  /** Why no clock runs or why it is unreadable (English). */
  reason: string | null;
  reasonCode: ReasonCode | null;
  /** Whether the seller must act before the deadline. */
  actionable: boolean;
  hints: Hint[];
  /** The seller's internal ship target, when the ship clock runs. */
  shipTarget: string | null;
  /** With the hint `settings_disagree` only: the deadline the settings would have computed (ISO 8601 UTC). */
  settingsDeadline?: string;
  /** "Ship within 20 h", "Overdue by 2 h", in the locale. */
  badge: string;
  statusLabel: string | null;
  riskLabel: string;
  hintTexts: string[];
  buyer: string | null;
  product: string | null;
}

/**
 * What the orders measure of one setting: each order whose page or API states its deadline and
 * shows the start of its clock gives the length the platform used, in the setting's unit.
 */
export interface SettingCalibration {
  /** The value to use: at least 3 orders measured and at least 60 % of them on it; null when too few or spread. */
  suggested: number | null;
  /** The orders measured. */
  samples: number;
  /** The orders on the most common value (the suggested one, when there is a suggestion). */
  agreeing: number;
  /** The value in force. */
  setting: number;
  /** Whether the suggestion is the value in force (for the handling time, with its day count); false without a suggestion. */
  matchesSetting: boolean;
  /** The smallest and largest value measured. */
  range: [number, number];
}

// dg-list: calibration (tests/lists_kept_once.rs)
/** One entry per setting the orders measured; a setting without any measurement is absent. */
export interface Calibration {
  /** Handling days: deadline − payment, in calendar days (× 24 h) or working days of the seller's calendar. */
  handlingDays?: SettingCalibration & { dayCount: 'calendar' | 'working' };
  /** Hours to answer a cancellation: deadline − request time. */
  cancelResponseHours?: SettingCalibration;
  /** Days to answer a dispute: deadline − opening time. */
  disputeResponseDays?: SettingCalibration;
}

/** A calibration line worth showing: a suggestion the settings do not match, or orders that spread. */
export interface CalibrationLine {
  // dg-list: calibration-settings (tests/lists_kept_once.rs)
  setting: 'handlingDays' | 'cancelResponseHours' | 'disputeResponseDays';
  /** "Handling time on this page looks like 5 days (12 orders); your settings say 7", in the locale. */
  text: string;
  /** "Use 5", when there is a value to use. */
  button: string | null;
  /** The value the button sets for `setting`, when there is one. */
  value: number | null;
  /** With the handling time's value: the day count it is in (the button sets it too). */
  dayCount?: 'calendar' | 'working';
}

// dg-list: risk-counts (tests/lists_kept_once.rs)
/** Orders at each risk level. */
export interface Counts {
  overdue: number; critical: number; warning: number; ok: number; none: number; unreadable: number; total: number;
}

/** Why a row or field could not be read. Rows that fail are listed here; nothing is dropped silently. */
export interface ReadError {
  // dg-list: read-error-kinds (tests/lists_kept_once.rs)
  kind: 'empty' | 'unknown_status' | 'not_a_date' | 'ambiguous_date' | 'not_a_countdown' | 'not_an_order_id'
    | 'missing_field' | 'bad_json' | 'bad_csv' | 'platform_error' | string;
  text: string;
  detail: string;
  /** 1-based data row, when known. */
  row: number | null;
  column: string | null;
  /** "row 3: Payment time: "31/02/2026 02:00" is not a date". */
  message: string;
}

/** What `analyze` returns. */
export interface AnalysisResult {
  /** Most urgent first. */
  orders: AnalyzedOrder[];
  counts: Counts;
  errors: ReadError[];
  /** The analysis time, ISO 8601 UTC. */
  now: string;
  /** The language of the words ('en', 'es', …). */
  locale: string;
  platformTimeZone: string;
  sellerTimeZone: string;
  /** The name of each risk level in the locale. */
  riskLabels: Record<Exclude<keyof Counts, 'total'>, string>;
  /** What the orders' stated deadlines measure of the settings. */
  calibration: Calibration;
  /** The calibration lines worth showing, in the locale. */
  calibrationLines: CalibrationLine[];
}

/** One order that does not match across the two sides. */
export interface Discrepancy {
  orderId: string;
  // dg-list: discrepancy-kinds (tests/lists_kept_once.rs)
  kind: 'only_on_platform' | 'only_on_other' | 'status_mismatch';
  platformStatus: OrderStatus | null;
  otherStatus: OrderStatus | null;
  risk: Risk;
  deadline: string | null;
  deadlineKind: DeadlineKind | null;
  secondsLeft: number | null;
  badge: string | null;
  riskLabel: string;
  platformStatusLabel: string | null;
  otherStatusLabel: string | null;
  buyer: string | null;
  product: string | null;
}

/** What `reconcile` returns. */
export interface ReconcileResult {
  /** Most urgent first. */
  discrepancies: Discrepancy[];
  counts: { onlyOnPlatform: number; onlyOnOther: number; statusMismatch: number; total: number };
  /** Orders on both sides with the same status. */
  matched: number;
  platformTotal: number;
  otherTotal: number;
  errors: { platform: ReadError[]; other: ReadError[] };
  now: string;
  locale: string;
}

/** One order element found by `scan`. */
export interface ScannedOrder {
  orderId: string;
  status: OrderStatus | null;
  deadline: string | null;
  deadlineKind: DeadlineKind | null;
  deadlineSource: DeadlineSource | null;
  risk: Risk;
  reason: string | null;
  /** The badge's words, in the page's language (or `locale`). */
  badge: string;
  hintTexts: string[];
}

/** What `scan` returns. */
export interface ScanResult {
  /** Most urgent first; one entry per order id (a row the page shows twice is annotated twice, listed once). */
  orders: ScannedOrder[];
  /** Per risk, each order id once: the extension's overlay counts the same. */
  counts: Counts;
  /** Whether an order list was recognised; `why` says why not. */
  recognised: boolean;
  why: string | null;
  locale: string;
  now: string;
  /** What the order elements' stated deadlines measure of the settings. */
  calibration: Calibration;
  /** The calibration lines worth showing, in the locale. */
  calibrationLines: CalibrationLine[];
}

/** Loads the wasm once; resolves when the other functions are usable. */
export function ready(): Promise<void>;
/** Deadlines, risk and words for `input`. Throws a TypeError naming the option when an option is invalid. */
export function analyze(input: Input, options?: Options): AnalysisResult;
/** Compares the platform's orders with another system's. */
export function reconcile(platformInput: Input, otherInput: Input, options?: Options): ReconcileResult;
/** The CSV (RFC 4180, formula-safe) of an analysis: order id, status, deadline UTC and seller time, kind, risk, hint, reason. */
export function toCsv(result: Pick<AnalysisResult, 'orders'> & Partial<AnalysisResult>, options?: { locale?: string; sellerTimeZone?: string }): string;
/** Scans `root` as the extension does (the same page side and decision) and annotates its order elements with data-dg-* attributes; with `badges: true`, also the extension's badges. */
export function scan(root?: Document | Element, options?: Options & { badges?: boolean }): ScanResult;

/** Orders read once, analysed at any time (what the elements use to tick). */
export interface OrderList {
  at(now?: string | Date | number): AnalysisResult;
  readonly length: number;
  free(): void;
}
export function orderList(input: Input, options?: Options): OrderList;

/** Detail of `deadline-guard-updated`. */
export interface UpdatedDetail { counts: Counts; errors: number; now: string }

/** `<deadline-guard-orders>`. */
export class DeadlineGuardOrdersElement extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): typeof DeadlineGuardOrdersElement;
  /** Orders to show; wins over `src`. */
  data: Input | undefined;
  /** Options beyond the attributes; attributes win. */
  options: Options;
  /** '' (all) or a risk; reflects the `filter` attribute. */
  filter: Risk | '';
  sort: { key: 'urgency' | 'orderId' | 'status' | 'deadline' | 'risk' | 'buyer' | 'product'; descending: boolean };
  readonly result: AnalysisResult | null;
  readonly state: 'empty' | 'loading' | 'error' | 'ready';
  readonly visibleOrders: AnalyzedOrder[];
  refresh(): void;
  /** The CSV of the orders shown. */
  toCsv(): string;
}

/** `<deadline-guard-reconcile>`. */
export class DeadlineGuardReconcileElement extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): typeof DeadlineGuardReconcileElement;
  platform: Input | undefined;
  other: Input | undefined;
  options: Options;
  readonly result: ReconcileResult | null;
  readonly state: 'empty' | 'loading' | 'error' | 'ready';
}

declare global {
  interface HTMLElementTagNameMap {
    'deadline-guard-orders': DeadlineGuardOrdersElement;
    'deadline-guard-reconcile': DeadlineGuardReconcileElement;
  }
  interface HTMLElementEventMap {
    'deadline-guard-updated': CustomEvent<UpdatedDetail>;
    'deadline-guard-error': CustomEvent<{ message: string }>;
    'deadline-guard-export': CustomEvent<{ csv: string }>;
    /** A calibration line's button was clicked: `fields` went into the element's options (or attributes). */
    'deadline-guard-calibrated': CustomEvent<{ fields: Partial<Options> }>;
  }
}

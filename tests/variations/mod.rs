//! The page-variation generator: ground-truth orders (status, times, countdown, language) rendered
//! as the page walker's elements (`Node`s: tag, class, column key, own text, in pre-order, as
//! page/snapshot.js produces them) in many layouts, and as HTML
//! for the browser tests. The oracle is the engine itself, run on the true order: whatever the
//! layout, the page reader must give back what the engine says for the truth, or refuse
//! (`unreadable` with a reason) — never another deadline.

#![allow(dead_code)] // each test crate uses its part

pub mod words;

use chrono::{DateTime, Duration, Utc};
use deadline_guard::core::engine::analyze_one;
use deadline_guard::core::{
    AnalyzedOrder, DeadlineSource, GivenDeadline, Order, OrderStatus, Policy, Side, ValidPolicy,
};
use deadline_guard::scan::{Node, Snapshot};
use words::{Form, Words, BARE};

/// A small deterministic generator (SplitMix64): the same seed renders the same pages.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

/// The instant every generated page is read at.
pub fn now() -> DateTime<Utc> {
    "2026-11-20T20:00:00Z".parse().unwrap()
}

/// What the order's status is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Ship,
    Cancel,
    Dispute,
    Completed,
    /// A label no reader knows.
    Unknown,
}

impl Kind {
    pub fn status(self) -> Option<OrderStatus> {
        match self {
            Kind::Ship => Some(OrderStatus::WaitSellerSendGoods),
            Kind::Cancel => Some(OrderStatus::InCancel),
            Kind::Dispute => Some(OrderStatus::InIssue),
            Kind::Completed => Some(OrderStatus::Finish),
            Kind::Unknown => None,
        }
    }
}

/// What the order shows as time left.
#[derive(Clone, Debug)]
pub enum Shown {
    Nothing,
    /// A countdown of `seconds` (what its text says, to the second), as `text`.
    Countdown {
        seconds: i64,
        text: String,
    },
    /// Text that looks like a countdown and cannot be read.
    Broken {
        text: String,
    },
}

/// One ground-truth order and the wordings it is rendered with.
#[derive(Clone, Debug)]
pub struct Truth {
    pub id: String,
    pub kind: Kind,
    pub label: String,
    pub created: DateTime<Utc>,
    pub paid: DateTime<Utc>,
    /// The cancellation request or dispute opening, when the page shows it.
    pub event: Option<DateTime<Utc>>,
    pub event_label: String,
    pub shown: Shown,
}

thread_local! {
    // Validating builds the holiday calendars: once per test thread, not once per order.
    static VALID: ValidPolicy = Policy::default().validate().unwrap();
}

/// What the reader must answer for one order.
pub enum Expect {
    /// The engine's verdict on the true order.
    Verdict(AnalyzedOrder),
    /// Unreadable, the reason naming this text (when the layout lets the reader know it).
    Unreadable(Option<String>),
}

impl Truth {
    /// The true order, as the engine would get it from the API.
    pub fn order(&self) -> Order {
        let mut order = Order {
            id: self.id.clone(),
            status: self.kind.status(),
            side: Side::Seller,
            created: Some(self.created),
            paid: Some(self.paid),
            ..Order::default()
        };
        match self.kind {
            Kind::Cancel => order.cancel_requested = self.event,
            Kind::Dispute => order.dispute_opened = self.event,
            _ => {}
        }
        if let Shown::Countdown { seconds, .. } = self.shown {
            order.given_deadline = Some(GivenDeadline {
                at: now() + Duration::seconds(seconds),
                source: DeadlineSource::Page,
            });
        }
        order
    }

    pub fn expect(&self, layout: &Layout) -> Expect {
        match (&self.kind, &self.shown) {
            (Kind::Unknown, _) => {
                Expect::Unreadable(layout.label_locatable().then(|| self.label.clone()))
            }
            (_, Shown::Broken { text }) => Expect::Unreadable(Some(text.clone())),
            _ => VALID.with(|valid| Expect::Verdict(analyze_one(&self.order(), valid, now()))),
        }
    }
}

/// The page's overall structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Fusion: one `table.next-table-row` per order, keyed cells, `chc-state-label__stateText`.
    FusionStateLabel,
    /// Fusion without the state label class (every class a module hash).
    FusionHashed,
    /// One plain table, a header row of `th`, a row per order.
    Plain,
    /// A list of cards (divs), header and body per order.
    Cards { state_class: bool },
}

/// Where the countdown stands in the order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Under the status label, in the status cell.
    StatusCell,
    /// Inside the status label element.
    InsideStateLabel,
    /// In a cell (or block) of its own.
    OwnColumn,
    /// In the order's header row, beside the order number.
    HeaderRow,
    /// A label element ("Time left:") and the value in the next element.
    LabelElement,
    /// Under the status label, each number an element of its own ("还剩<b>2</b>天<b>07</b>小时"):
    /// the walker reads the element's whole text, so it is the countdown the page shows.
    SplitNumbers,
}

pub const FRAMES: [Frame; 5] = [
    Frame::FusionStateLabel,
    Frame::FusionHashed,
    Frame::Plain,
    Frame::Cards { state_class: true },
    Frame::Cards { state_class: false },
];

pub const PLACES: [Place; 6] = [
    Place::StatusCell,
    Place::InsideStateLabel,
    Place::OwnColumn,
    Place::HeaderRow,
    Place::LabelElement,
    Place::SplitNumbers,
];

/// One page layout.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub frame: Frame,
    pub place: Place,
    /// The countdown column has a "Time left" header.
    pub column_header: bool,
    /// Labels stand in elements of their own, the value in the next one.
    pub label_elements: bool,
    /// Numeric dates in the language's own order instead of ISO.
    pub local_dates: bool,
    /// Fusion column keys: names, numbers, or hashes.
    pub key_style: usize,
}

impl Layout {
    /// Whether the status label can be found even when no reader knows it (a state-label class or
    /// a status column).
    pub fn label_locatable(&self) -> bool {
        !matches!(self.frame, Frame::Cards { state_class: false })
    }

    /// Places that exist in this frame (plain tables have no header row or state label element).
    pub fn fits(&self) -> bool {
        match self.frame {
            Frame::Plain => !matches!(self.place, Place::HeaderRow | Place::InsideStateLabel),
            Frame::FusionHashed | Frame::Cards { state_class: false } => {
                self.place != Place::InsideStateLabel
            }
            _ => true,
        }
    }

    /// Every layout the generator renders.
    pub fn all() -> Vec<Layout> {
        let mut out = Vec::new();
        for frame in FRAMES {
            for place in PLACES {
                for column_header in [false, true] {
                    for label_elements in [false, true] {
                        for local_dates in [false, true] {
                            for key_style in 0..3 {
                                let layout = Layout {
                                    frame,
                                    place,
                                    column_header,
                                    label_elements,
                                    local_dates,
                                    key_style,
                                };
                                let meaningful = (place == Place::OwnColumn || !column_header)
                                    && (matches!(
                                        frame,
                                        Frame::FusionStateLabel | Frame::FusionHashed
                                    ) || key_style == 0);
                                if layout.fits() && meaningful {
                                    out.push(layout);
                                }
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

const PRODUCTS: &[&str] = &[
    "Wireless earbuds",
    "USB-C cable 2 m",
    "Phone case 6.1 inch",
    "LED strip 5 m 300 LEDs",
    "Timer 24 h 60 min display",
    "Yoga mat",
    "Kitchen scale 5 kg",
];
const BUTTONS: [&str; 8] = [
    "Details",
    "Detalles",
    "Details",
    "Détails",
    "Detalhes",
    "Подробнее",
    "Dettagli",
    "详情",
];

/// Ground-truth orders for one page of `words`' language.
pub fn truths(words: &Words, count: usize, first_id: u64, rng: &mut Rng) -> Vec<Truth> {
    (0..count)
        .map(|i| truth(words, first_id + i as u64, rng))
        .collect()
}

fn truth(words: &Words, id: u64, rng: &mut Rng) -> Truth {
    let kind = match rng.below(20) {
        0..=7 => Kind::Ship,
        8..=11 => Kind::Cancel,
        12..=15 => Kind::Dispute,
        16..=17 => Kind::Completed,
        _ => Kind::Unknown,
    };
    let label = rng
        .pick(match kind {
            Kind::Ship => words.ship,
            Kind::Cancel => words.cancel,
            Kind::Dispute => words.dispute,
            Kind::Completed => words.completed,
            Kind::Unknown => words.unknown,
        })
        .to_string();
    // Between 1 hour and 9 days before now, whole seconds; November 2026 after the 1st is UTC−8.
    let paid = now() - Duration::seconds(rng.between(3_600, 9 * 86_400));
    let created = paid - Duration::seconds(rng.between(60, 7_200));
    let since_paid = (now() - paid).num_seconds();
    let event = (matches!(kind, Kind::Cancel | Kind::Dispute) && rng.chance(70))
        .then(|| paid + Duration::seconds(rng.between(60, since_paid - 1)));
    let event_label = match kind {
        Kind::Cancel if rng.chance(50) => rng.pick(words.cancel_time).to_string(),
        Kind::Dispute if rng.chance(50) => rng.pick(words.dispute_time).to_string(),
        _ => rng.pick(words.event_time).to_string(),
    };
    let clock_runs = matches!(kind, Kind::Ship | Kind::Cancel | Kind::Dispute);
    let shown = match rng.below(10) {
        0..=5 if clock_runs => countdown(words, kind, rng),
        6 if clock_runs => {
            let template = rng.pick(words.broken);
            Shown::Broken {
                text: fill(template, rng.between(0, 5), rng.between(1, 23), 0, 0),
            }
        }
        _ => Shown::Nothing,
    };
    Truth {
        id: format!("8{id:015}"),
        kind,
        label,
        created,
        paid,
        event,
        event_label,
        shown,
    }
}

/// A countdown in one of the language's forms; its truth is what the text says.
fn countdown(words: &Words, kind: Kind, rng: &mut Rng) -> Shown {
    let longest = match kind {
        Kind::Cancel => 72 * 3_600,
        Kind::Dispute => 5 * 86_400,
        _ => 7 * 86_400,
    };
    let seconds = rng.between(-30 * 3_600, longest);
    let forms: Vec<(&str, Form)> = words
        .worded
        .iter()
        .chain(BARE)
        .chain(words.values)
        .copied()
        .filter(|(_, form)| (*form == Form::OverdueHours) == (seconds < 0))
        .filter(|(_, form)| *form != Form::Clock || seconds < 100 * 3_600)
        .collect();
    let (template, form) = *rng.pick(&forms);
    let abs = seconds.abs();
    let (d, h, m, s) = (
        abs / 86_400,
        abs % 86_400 / 3_600,
        abs % 3_600 / 60,
        abs % 60,
    );
    let (said, text) = match form {
        Form::DaysHours => (d * 86_400 + h * 3_600, fill(template, d, h, 0, 0)),
        Form::DaysHoursMinutes => (d * 86_400 + h * 3_600 + m * 60, fill(template, d, h, m, 0)),
        Form::DaysClock => (abs, fill(template, d, h, m, s)),
        Form::Clock => (abs, fill(template, d, h, m, s)),
        Form::OverdueHours => {
            let hours = (abs / 3_600).max(1);
            (-hours * 3_600, fill(template, 0, hours, 0, 0))
        }
    };
    Shown::Countdown {
        seconds: said,
        text,
    }
}

fn fill(template: &str, d: i64, h: i64, m: i64, s: i64) -> String {
    let total_hours = d * 24 + h;
    template
        .replace("{d}", &d.to_string())
        .replace("{hh}", &format!("{h:02}"))
        .replace("{h}", &h.to_string())
        .replace("{H}", &total_hours.to_string())
        .replace("{mm}", &format!("{m:02}"))
        .replace("{m}", &m.to_string())
        .replace("{ss}", &format!("{s:02}"))
}

/// A rendered page: the walker's nodes, plus per node the attributes only HTML carries (the
/// expected answers of the browser test).
pub struct Doc {
    pub nodes: Vec<Node>,
    pub attrs: Vec<Vec<(String, String)>>,
    /// Per node, HTML that stands for its text in the page where the walker sees one text (a
    /// countdown whose numbers are elements of their own).
    pub markup: Vec<Option<String>>,
    /// The top node of each order, in order.
    pub tops: Vec<usize>,
}

impl Doc {
    fn new() -> Doc {
        Doc {
            nodes: vec![Node::new(-1, "div", "", "", "")],
            attrs: vec![Vec::new()],
            markup: vec![None],
            tops: Vec::new(),
        }
    }

    fn add(&mut self, parent: usize, tag: &str, class: &str, key: &str, text: &str) -> usize {
        self.nodes
            .push(Node::new(parent as i64, tag, class, key, text));
        self.attrs.push(Vec::new());
        self.markup.push(None);
        self.nodes.len() - 1
    }

    pub fn snapshot(&self, words: &Words) -> Snapshot {
        Snapshot {
            lang: words.tag.into(),
            url: "https://csp.aliexpress.com/m_apps/order-manage/orderList?channelId=1".into(),
            nodes: self.nodes.clone(),
        }
    }
}

/// CSS-module class names with this page's hashes: every release renames them.
struct Classes {
    module: &'static str,
    hash: String,
}

impl Classes {
    fn new(rng: &mut Rng) -> Classes {
        const MODULES: [&str; 4] = ["order", "om-list", "trade", "ordv2"];
        const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        let hash = (0..7).map(|_| *rng.pick(CHARS) as char).collect();
        Classes {
            module: MODULES[rng.below(MODULES.len())],
            hash,
        }
    }

    fn of(&self, name: &str) -> String {
        format!("{}--{name}--{}", self.module, self.hash)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    OrderId,
    OrderTime,
    PaymentTime,
    Product,
    Amount,
    Status,
    Event,
    TimeLeft,
    Actions,
}

fn key(column: Column, style: usize, position: usize) -> String {
    match style {
        0 => format!("{column:?}").to_lowercase(),
        1 => position.to_string(),
        _ => format!("col_{:x}", 0x5a3 + position * 7),
    }
}

fn header_text(words: &Words, column: Column, layout: &Layout) -> String {
    match column {
        Column::OrderId => words.order_id.into(),
        Column::OrderTime => words.order_time.into(),
        Column::PaymentTime => words.payment_time.into(),
        Column::Product => words.product.into(),
        Column::Amount => String::new(),
        Column::Status => words.status.into(),
        Column::Event => words.event_time[0].into(),
        Column::TimeLeft if layout.column_header => words.time_left_labels[0]
            .trim_end_matches([':', '：', ' '])
            .into(),
        Column::TimeLeft | Column::Actions => String::new(),
    }
}

/// A date as the page prints it (US Pacific wall clock; UTC−8 for the generated November dates).
fn date(words: &Words, at: DateTime<Utc>, local: bool) -> String {
    let wall = at - Duration::hours(8);
    if !local {
        return wall.format("%Y-%m-%d %H:%M:%S").to_string();
    }
    let pattern = match &words.tag[..2] {
        "en" => "%b %d, %Y %H:%M:%S",
        "de" | "ru" => "%d.%m.%Y %H:%M:%S",
        "zh" => "%Y/%m/%d %H:%M:%S",
        _ => "%d/%m/%Y %H:%M:%S",
    };
    wall.format(pattern).to_string()
}

/// "Label: value", or the label and the value as two elements.
fn labelled(doc: &mut Doc, parent: usize, layout: &Layout, c: &Classes, label: &str, value: &str) {
    let colon = if label.chars().any(|ch| ch > '\u{2E80}') {
        "："
    } else {
        ":"
    };
    if layout.label_elements {
        let wrap = doc.add(parent, "span", &c.of("item"), "", "");
        doc.add(wrap, "span", &c.of("label"), "", &format!("{label}{colon}"));
        doc.add(wrap, "span", &c.of("value"), "", value);
    } else {
        doc.add(
            parent,
            "span",
            &c.of("item"),
            "",
            &format!("{label}{colon} {value}"),
        );
    }
}

/// A countdown whose every number is an element of its own: one text for the walker, the numbers
/// in `<b>` elements in the page.
fn put_split_countdown(doc: &mut Doc, parent: usize, c: &Classes, truth: &Truth) {
    let Some(text) = countdown_text(truth) else {
        return;
    };
    let span = doc.add(parent, "span", &c.of("countdown"), "", text);
    let digit = escape(&c.of("digit"));
    let mut markup = String::new();
    let mut number = String::new();
    for ch in text.chars().chain(['\0']) {
        if ch.is_ascii_digit() {
            number.push(ch);
            continue;
        }
        if !number.is_empty() {
            markup.push_str(&format!(
                "<b class=\"{digit}\">{}</b>",
                std::mem::take(&mut number)
            ));
        }
        if ch != '\0' {
            markup.push_str(&escape(&ch.to_string()));
        }
    }
    doc.markup[span] = Some(markup);
}

/// The text of the countdown, and for a label element its label.
fn countdown_text(truth: &Truth) -> Option<&str> {
    match &truth.shown {
        Shown::Nothing => None,
        Shown::Countdown { text, .. } | Shown::Broken { text } => Some(text),
    }
}

fn put_countdown(
    doc: &mut Doc,
    parent: usize,
    words: &Words,
    c: &Classes,
    truth: &Truth,
    rng: &mut Rng,
    as_label_element: bool,
) {
    let Some(text) = countdown_text(truth) else {
        return;
    };
    if as_label_element {
        let wrap = doc.add(parent, "div", &c.of("countdown"), "", "");
        doc.add(
            wrap,
            "span",
            &c.of("countdownLabel"),
            "",
            words.time_left_labels[rng.below(words.time_left_labels.len())],
        );
        doc.add(wrap, "span", &c.of("countdownValue"), "", text);
    } else {
        doc.add(parent, "span", &c.of("countdown"), "", text);
    }
}

fn product_cell(
    doc: &mut Doc,
    cell: usize,
    words: &Words,
    c: &Classes,
    truth: &Truth,
    rng: &mut Rng,
) {
    doc.add(
        cell,
        "div",
        &c.of("title"),
        "",
        PRODUCTS[rng.below(PRODUCTS.len())],
    );
    doc.add(
        cell,
        "span",
        &c.of("sku"),
        "",
        &format!("SKU: BK-{}GB-{}", 64 << rng.below(3), rng.below(9)),
    );
    doc.add(
        cell,
        "span",
        &c.of("pid"),
        "",
        &format!(
            "Product ID: 1005006{:09}",
            truth.id[7..].parse::<u64>().unwrap_or(0)
        ),
    );
    doc.add(
        cell,
        "span",
        "chc-color-tag",
        "",
        &format!("x{}", 1 + rng.below(3)),
    );
    if rng.chance(30) {
        doc.add(cell, "span", &c.of("handling"), "", words.handling_decoy);
    }
    if rng.chance(20) {
        doc.add(cell, "span", &c.of("stock"), "", "Only 3 left");
    }
}

fn status_block(
    doc: &mut Doc,
    cell: usize,
    layout: &Layout,
    words: &Words,
    c: &Classes,
    truth: &Truth,
    rng: &mut Rng,
) {
    let chc = matches!(
        layout.frame,
        Frame::FusionStateLabel | Frame::Cards { state_class: true }
    );
    let wrap = doc.add(
        cell,
        "div",
        if chc { "chc-state-label" } else { "" },
        "",
        "",
    );
    let class = if chc {
        "chc-state-label__stateText".to_string()
    } else {
        c.of("state")
    };
    let label = doc.add(wrap, "div", &class, "", &truth.label);
    match layout.place {
        Place::InsideStateLabel => put_countdown(doc, label, words, c, truth, rng, false),
        Place::StatusCell => put_countdown(doc, wrap, words, c, truth, rng, false),
        Place::LabelElement => put_countdown(doc, wrap, words, c, truth, rng, true),
        Place::SplitNumbers => put_split_countdown(doc, wrap, c, truth),
        _ => {}
    }
}

fn header_block(
    doc: &mut Doc,
    parent: usize,
    layout: &Layout,
    words: &Words,
    c: &Classes,
    truth: &Truth,
    rng: &mut Rng,
) {
    labelled(doc, parent, layout, c, words.order_id, &truth.id);
    labelled(
        doc,
        parent,
        layout,
        c,
        words.order_time,
        &date(words, truth.created, layout.local_dates),
    );
    labelled(
        doc,
        parent,
        layout,
        c,
        words.payment_time,
        &date(words, truth.paid, layout.local_dates),
    );
    if let Some(event) = truth.event {
        labelled(
            doc,
            parent,
            layout,
            c,
            &truth.event_label,
            &date(words, event, layout.local_dates),
        );
    }
    if layout.place == Place::HeaderRow {
        put_countdown(doc, parent, words, c, truth, rng, false);
    }
    let delivery = (truth.paid + Duration::days(20))
        .format("%Y-%m-%d")
        .to_string();
    labelled(doc, parent, layout, c, words.delivery_decoy, &delivery);
}

/// Renders one page of orders in `layout`, the columns in an order of `rng`'s choosing.
pub fn render(words: &Words, truths: &[Truth], layout: &Layout, rng: &mut Rng) -> Doc {
    let c = Classes::new(rng);
    let mut doc = Doc::new();
    let button = BUTTONS[words::ALL
        .iter()
        .position(|w| w.tag == words.tag)
        .unwrap_or(0)];
    match layout.frame {
        Frame::FusionStateLabel | Frame::FusionHashed => {
            let mut columns = vec![
                Column::Product,
                Column::Amount,
                Column::Status,
                Column::Actions,
            ];
            if layout.place == Place::OwnColumn {
                columns.push(Column::TimeLeft);
            }
            shuffle(&mut columns, rng);
            let table = doc.add(0, "div", &format!("next-table {}", c.of("table")), "", "");
            let head = doc.add(table, "div", "next-table-header", "", "");
            let head_table = doc.add(head, "table", "", "", "");
            let head_row = doc.add(head_table, "tr", "", "", "");
            for (i, &col) in columns.iter().enumerate() {
                doc.add(
                    head_row,
                    "th",
                    "",
                    &key(col, layout.key_style, i),
                    &header_text(words, col, layout),
                );
            }
            let body = doc.add(table, "div", "next-table-body", "", "");
            for truth in truths {
                let order = doc.add(body, "table", "next-table-row", "", "");
                doc.tops.push(order);
                let group = doc.add(order, "tr", "next-table-group-header", "", "");
                let cell = doc.add(group, "td", "", "", "");
                let wrap = doc.add(cell, "div", &c.of("header"), "", "");
                header_block(&mut doc, wrap, layout, words, &c, truth, rng);
                let row = doc.add(order, "tr", "next-table-row-body", "", "");
                for (i, &col) in columns.iter().enumerate() {
                    let cell = doc.add(row, "td", "", &key(col, layout.key_style, i), "");
                    match col {
                        Column::Product => product_cell(&mut doc, cell, words, &c, truth, rng),
                        Column::Amount => {
                            doc.add(
                                cell,
                                "span",
                                "",
                                "",
                                &format!("US ${}.{:02}", 3 + rng.below(90), rng.below(100)),
                            );
                        }
                        Column::Status => {
                            status_block(&mut doc, cell, layout, words, &c, truth, rng)
                        }
                        Column::TimeLeft => {
                            put_countdown(&mut doc, cell, words, &c, truth, rng, false)
                        }
                        _ => {
                            doc.add(cell, "button", "next-btn next-btn-primary", "", button);
                        }
                    }
                }
            }
        }
        Frame::Plain => {
            let mut columns = vec![
                Column::OrderId,
                Column::OrderTime,
                Column::PaymentTime,
                Column::Product,
                Column::Amount,
                Column::Status,
                Column::Event,
            ];
            if layout.place == Place::OwnColumn {
                columns.push(Column::TimeLeft);
            }
            shuffle(&mut columns, rng);
            let table = doc.add(0, "table", &c.of("plain"), "", "");
            let head = doc.add(table, "tr", "", "", "");
            for &col in &columns {
                doc.add(head, "th", "", "", &header_text(words, col, layout));
            }
            for truth in truths {
                let row = doc.add(table, "tr", &c.of("row"), "", "");
                doc.tops.push(row);
                for &col in &columns {
                    let text = match col {
                        Column::OrderId => truth.id.clone(),
                        Column::OrderTime => date(words, truth.created, layout.local_dates),
                        Column::PaymentTime => date(words, truth.paid, layout.local_dates),
                        Column::Amount => {
                            format!("US ${}.{:02}", 3 + rng.below(90), rng.below(100))
                        }
                        Column::Event => truth
                            .event
                            .map(|e| date(words, e, layout.local_dates))
                            .unwrap_or_default(),
                        Column::Status => truth.label.clone(),
                        _ => String::new(),
                    };
                    let cell = doc.add(row, "td", "", "", &text);
                    match col {
                        Column::Product => product_cell(&mut doc, cell, words, &c, truth, rng),
                        Column::Status => match layout.place {
                            Place::StatusCell => {
                                put_countdown(&mut doc, cell, words, &c, truth, rng, false)
                            }
                            Place::LabelElement => {
                                put_countdown(&mut doc, cell, words, &c, truth, rng, true)
                            }
                            Place::SplitNumbers => put_split_countdown(&mut doc, cell, &c, truth),
                            _ => {}
                        },
                        Column::TimeLeft => {
                            if let Some(text) = countdown_text(truth) {
                                doc.nodes[cell].x = text.to_string();
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        Frame::Cards { .. } => {
            let list = doc.add(0, "div", &c.of("list"), "", "");
            for truth in truths {
                let card = doc.add(list, "div", &c.of("card"), "", "");
                doc.tops.push(card);
                let head = doc.add(card, "div", &c.of("cardHeader"), "", "");
                header_block(&mut doc, head, layout, words, &c, truth, rng);
                let body = doc.add(card, "div", &c.of("cardBody"), "", "");
                let mut blocks = [0, 1, 2, 3];
                shuffle(&mut blocks, rng);
                for block in blocks {
                    match block {
                        0 => {
                            let p = doc.add(body, "div", &c.of("product"), "", "");
                            product_cell(&mut doc, p, words, &c, truth, rng);
                        }
                        1 => status_block(&mut doc, body, layout, words, &c, truth, rng),
                        2 if layout.place == Place::OwnColumn => {
                            let p = doc.add(body, "div", &c.of("timer"), "", "");
                            put_countdown(&mut doc, p, words, &c, truth, rng, false);
                        }
                        3 => {
                            doc.add(body, "button", "next-btn", "", button);
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    doc
}

fn shuffle<T>(xs: &mut [T], rng: &mut Rng) {
    for i in (1..xs.len()).rev() {
        let j = rng.below(i + 1);
        xs.swap(i, j);
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page as HTML, each order's top element carrying `data-expect-*`.
pub fn html(doc: &Doc, words: &Words, title: &str) -> String {
    let mut children = vec![Vec::new(); doc.nodes.len()];
    for (i, node) in doc.nodes.iter().enumerate().skip(1) {
        children[node.p as usize].push(i);
    }
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n",
        words.tag,
        escape(title)
    );
    fn element(doc: &Doc, children: &[Vec<usize>], i: usize, out: &mut String) {
        let node = &doc.nodes[i];
        out.push('<');
        out.push_str(&node.t);
        if !node.c.is_empty() {
            out.push_str(&format!(" class=\"{}\"", escape(&node.c)));
        }
        if !node.k.is_empty() {
            out.push_str(&format!(" data-next-table-col=\"{}\"", escape(&node.k)));
        }
        for (name, value) in &doc.attrs[i] {
            out.push_str(&format!(" {name}=\"{}\"", escape(value)));
        }
        out.push('>');
        match &doc.markup[i] {
            Some(markup) => out.push_str(markup),
            None => out.push_str(&escape(&node.x)),
        }
        for &child in &children[i] {
            element(doc, children, child, out);
        }
        out.push_str(&format!("</{}>", node.t));
        if matches!(node.t.as_str(), "table" | "tr" | "div") {
            out.push('\n');
        }
    }
    element(doc, &children, 0, &mut out);
    out.push_str("</body>\n</html>\n");
    out
}

//! The text readers on realistic order-row text in several languages: a page scan calls each of
//! them once per row (1,000–10,000 rows), so a call must cost microseconds, not milliseconds.
use chrono_tz::Asia::Shanghai;
use chrono_tz::Europe::Madrid;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use deadline_guard::read::{
    field_for_header, read_countdown, read_datetime, read_order_id, read_status, DateOrder,
};

const STATUSES: &[&str] = &[
    "Awaiting shipment",
    "Status: Awaiting buyer's payment (3)",
    "Pendiente de envío",
    "等待您发货",
    "Ожидает отправки",
    "Commande terminée",
    "Dispute closed",
    "In attesa di spedizione",
];

const HEADERS: &[&str] = &[
    "Order ID",
    "gmt_pay_time",
    "Estado del pedido",
    "订单状态",
    "Время до отправки",
    "Date de commande",
    "Remaining time to ship",
    "Bestellnummer",
];

const COUNTDOWNS: &[&str] = &[
    "2 days 03:12:44",
    "2天03:12:44",
    "Quedan 2 días 3 horas",
    "Overdue by 5 hours",
    "Осталось 1 д. 04:05:06",
    "Il reste 3 jours",
];

const DATES: &[(&str, DateOrder)] = &[
    ("2026-11-20 14:33:05", DateOrder::Unknown),
    ("20 de noviembre de 2026 14:33", DateOrder::DayFirst),
    ("Nov 20, 2026 2:33 PM", DateOrder::MonthFirst),
    ("2026年11月20日 14:33", DateOrder::Unknown),
    ("20.11.2026 14:33", DateOrder::DayFirst),
    ("20 novembre 2026 à 14h33", DateOrder::DayFirst),
];

const ORDER_IDS: &[&str] = &[
    "Order ID: 8187654321098765 Copy",
    "订单号：3045678901234567",
    "N.º de pedido 8187 6543 2109 8765",
    "Номер заказа: 8123456789012345",
];

/// Runs `f` over every input of a set; the time reported is per input.
fn per_call<T>(c: &mut Criterion, name: &str, inputs: &[T], f: impl Fn(&T)) {
    let mut group = c.benchmark_group(name);
    group.throughput(criterion::Throughput::Elements(inputs.len() as u64));
    group.bench_function("mixed languages", |b| {
        b.iter(|| {
            for input in inputs {
                f(black_box(input));
            }
        })
    });
    group.finish();
}

fn readers(c: &mut Criterion) {
    per_call(c, "read_status", STATUSES, |s| {
        let _ = black_box(read_status(s));
    });
    per_call(c, "field_for_header", HEADERS, |s| {
        let _ = black_box(field_for_header(s));
    });
    per_call(c, "read_countdown", COUNTDOWNS, |s| {
        let _ = black_box(read_countdown(s));
    });
    per_call(c, "read_datetime", DATES, |&(s, order)| {
        let _ = black_box(read_datetime(s, order, Madrid));
        let _ = black_box(read_datetime(s, order, Shanghai));
    });
    per_call(c, "read_order_id", ORDER_IDS, |s| {
        let _ = black_box(read_order_id(s));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = readers
}
criterion_main!(benches);

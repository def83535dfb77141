//! Badges on the dropshipper's "My Orders" page: the supplier's time to ship in working days
//! (how the seeds count it), the other buyer-side clocks as a date to act by, and what to do now.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::core::validate::ValidPolicy;
use crate::core::Lang;
use crate::core::{AnalyzedOrder, DeadlineKind, Hint, Risk};

/// Buyer-side words of one language.
struct BuyerWords {
    /// `{n}`: working days left, 1.
    supplier_one: &'static str,
    /// `{n}`: working days left, more than one.
    supplier_many: &'static str,
    /// `{date}`: "Tue 1 Dec".
    tracking_by: &'static str,
    refund_by: &'static str,
    receipt_by: &'static str,
    supplier_answers_by: &'static str,
    cancel_now: &'static str,
    open_dispute: &'static str,
    weekdays: [&'static str; 7],
    months: [&'static str; 12],
    /// `{w}` weekday, `{d}` day of month, `{m}` month.
    date: &'static str,
}

static EN: BuyerWords = BuyerWords {
    supplier_one: "Supplier must ship within {n} working day",
    supplier_many: "Supplier must ship within {n} working days",
    tracking_by: "Ask for the tracking number by {date}",
    refund_by: "Refund due by {date}",
    receipt_by: "Confirm receipt or open a dispute by {date}",
    supplier_answers_by: "Supplier answers your cancellation by {date}",
    cancel_now: "Cancel now: not shipped yet",
    open_dispute: "No tracking number in time: open a dispute",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    date: "{w} {d} {m}",
};

static ES: BuyerWords = BuyerWords {
    supplier_one: "El proveedor debe enviar en {n} día hábil",
    supplier_many: "El proveedor debe enviar en {n} días hábiles",
    tracking_by: "Pide el número de seguimiento antes del {date}",
    refund_by: "Reembolso previsto antes del {date}",
    receipt_by: "Confirma la recepción o abre una disputa antes del {date}",
    supplier_answers_by: "El proveedor responde a tu cancelación antes del {date}",
    cancel_now: "Cancela ya: aún no se ha enviado",
    open_dispute: "Sin número de seguimiento a tiempo: abre una disputa",
    weekdays: ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"],
    months: [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
    ],
    date: "{w} {d} {m}",
};

static DE: BuyerWords = BuyerWords {
    supplier_one: "Lieferant muss innerhalb von {n} Werktag versenden",
    supplier_many: "Lieferant muss innerhalb von {n} Werktagen versenden",
    tracking_by: "Sendungsnummer anfordern bis {date}",
    refund_by: "Erstattung fällig bis {date}",
    receipt_by: "Empfang bestätigen oder Streitfall eröffnen bis {date}",
    supplier_answers_by: "Lieferant beantwortet Ihre Stornierung bis {date}",
    cancel_now: "Jetzt stornieren: noch nicht versendet",
    open_dispute: "Keine Sendungsnummer rechtzeitig: Streitfall eröffnen",
    weekdays: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
    months: [
        "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
        "Dez.",
    ],
    date: "{w} {d}. {m}",
};

static FR: BuyerWords = BuyerWords {
    supplier_one: "Le fournisseur doit expédier sous {n} jour ouvré",
    supplier_many: "Le fournisseur doit expédier sous {n} jours ouvrés",
    tracking_by: "Demandez le numéro de suivi avant le {date}",
    refund_by: "Remboursement attendu avant le {date}",
    receipt_by: "Confirmez la réception ou ouvrez un litige avant le {date}",
    supplier_answers_by: "Le fournisseur répond à votre annulation avant le {date}",
    cancel_now: "Annulez maintenant : pas encore expédié",
    open_dispute: "Pas de numéro de suivi à temps : ouvrez un litige",
    weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    months: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    date: "{w} {d} {m}",
};

static PT: BuyerWords = BuyerWords {
    supplier_one: "O fornecedor deve enviar em {n} dia útil",
    supplier_many: "O fornecedor deve enviar em {n} dias úteis",
    tracking_by: "Peça o código de rastreio até {date}",
    refund_by: "Reembolso previsto até {date}",
    receipt_by: "Confirme o recebimento ou abra uma disputa até {date}",
    supplier_answers_by: "O fornecedor responde ao seu cancelamento até {date}",
    cancel_now: "Cancele já: ainda não foi enviado",
    open_dispute: "Sem código de rastreio a tempo: abra uma disputa",
    weekdays: ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"],
    months: [
        "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
    ],
    date: "{w} {d} {m}",
};

static RU: BuyerWords = BuyerWords {
    supplier_one: "Поставщик должен отправить за {n} рабочий день",
    supplier_many: "Поставщик должен отправить за {n} раб. дн.",
    tracking_by: "Запросите трек-номер до {date}",
    refund_by: "Возврат ожидается до {date}",
    receipt_by: "Подтвердите получение или откройте спор до {date}",
    supplier_answers_by: "Поставщик ответит на отмену до {date}",
    cancel_now: "Отмените сейчас: ещё не отправлен",
    open_dispute: "Нет трек-номера вовремя: откройте спор",
    weekdays: ["пн", "вт", "ср", "чт", "пт", "сб", "вс"],
    months: [
        "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ],
    date: "{w} {d} {m}",
};

static IT: BuyerWords = BuyerWords {
    supplier_one: "Il fornitore deve spedire entro {n} giorno lavorativo",
    supplier_many: "Il fornitore deve spedire entro {n} giorni lavorativi",
    tracking_by: "Chiedi il numero di tracciamento entro {date}",
    refund_by: "Rimborso previsto entro {date}",
    receipt_by: "Conferma la ricezione o apri una controversia entro {date}",
    supplier_answers_by: "Il fornitore risponde all'annullamento entro {date}",
    cancel_now: "Annulla ora: non ancora spedito",
    open_dispute: "Nessun tracciamento in tempo: apri una controversia",
    weekdays: ["lun", "mar", "mer", "gio", "ven", "sab", "dom"],
    months: [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ],
    date: "{w} {d} {m}",
};

static ZH: BuyerWords = BuyerWords {
    supplier_one: "供应商须在 {n} 个工作日内发货",
    supplier_many: "供应商须在 {n} 个工作日内发货",
    tracking_by: "请在{date}前索要物流单号",
    refund_by: "退款应在{date}前到账",
    receipt_by: "请在{date}前确认收货或发起纠纷",
    supplier_answers_by: "供应商将在{date}前答复取消申请",
    cancel_now: "尚未发货：现在可以取消",
    open_dispute: "未按时提供物流单号：请发起纠纷",
    weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    date: "{m}{d}日 {w}",
};

fn words(lang: Lang) -> &'static BuyerWords {
    super::of_lang(lang, [&EN, &ES, &DE, &FR, &PT, &RU, &IT, &ZH])
}

/// The badge of a buyer-side order with a running clock; `None` when the seller-side wording
/// fits as it is (no clock, unreadable, overdue).
pub fn buyer_badge(
    v: &AnalyzedOrder,
    policy: &ValidPolicy,
    lang: Lang,
    now: DateTime<Utc>,
) -> Option<String> {
    if matches!(v.risk, Risk::None | Risk::Unreadable | Risk::Overdue) {
        return None;
    }
    let (kind, deadline) = (v.deadline_kind?, v.deadline?);
    let w = words(lang);
    let zone = policy.seller_time_zone();
    // A working-day deadline is 00:00 after the last day: the day to act by is the one before.
    let last_day = (deadline - Duration::seconds(1))
        .with_timezone(&zone)
        .date_naive();
    let by = |template: &str| template.replace("{date}", &short_date(last_day, lang));
    Some(match kind {
        DeadlineKind::SupplierShip => {
            let today = now.with_timezone(&zone).date_naive();
            let n = working_days_between(policy, today, last_day).max(1);
            let template = if n == 1 {
                w.supplier_one
            } else {
                w.supplier_many
            };
            template.replace("{n}", &n.to_string())
        }
        DeadlineKind::TrackingProof => by(w.tracking_by),
        DeadlineKind::Refund => by(w.refund_by),
        DeadlineKind::Receipt => by(w.receipt_by),
        DeadlineKind::CancelResponse => by(w.supplier_answers_by),
        _ => return None,
    })
}

/// Rewords a badge made with the seller-side words for a buyer-side order: the badge text for the
/// running clock, and the hints the dropshipper acts on.
pub fn reword(
    text: &mut String,
    hints: &mut [String],
    v: &AnalyzedOrder,
    policy: &ValidPolicy,
    lang: Lang,
    now: DateTime<Utc>,
) {
    if let Some(badge) = buyer_badge(v, policy, lang, now) {
        *text = badge;
    }
    for (hint, line) in v.hints.iter().zip(hints.iter_mut()) {
        if let Some(words) = buyer_hint(*hint, lang) {
            *line = words.to_string();
        }
    }
}

/// The buyer-side wording of a hint, where it differs from the seller's.
pub fn buyer_hint(hint: Hint, lang: Lang) -> Option<&'static str> {
    match hint {
        Hint::CancelPossible => Some(words(lang).cancel_now),
        Hint::OpenDispute => Some(words(lang).open_dispute),
        _ => None,
    }
}

/// "Tue 1 Dec", "mar 1 dic", "Di 1. Dez.", "12月1日 周二".
pub fn short_date(day: NaiveDate, lang: Lang) -> String {
    let w = words(lang);
    w.date
        .replace(
            "{w}",
            w.weekdays[day.weekday().num_days_from_monday() as usize],
        )
        .replace("{d}", &day.day().to_string())
        .replace("{m}", w.months[day.month0() as usize])
}

/// Working days from `from` to `to`, both included.
fn working_days_between(policy: &ValidPolicy, from: NaiveDate, to: NaiveDate) -> u32 {
    let calendar = policy.calendar();
    from.iter_days()
        .take_while(|d| *d <= to)
        .take(400)
        .filter(|d| calendar.is_working_day(*d))
        .count() as u32
}

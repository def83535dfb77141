//! Reading a status label by its meaning, where no phrase of the table matches: the three statuses
//! whose clock the seller must beat, each recognised by the stems of its two ideas in the eight
//! languages ("Stornierung vom Käufer beantragt" = cancel + request; "Awaiting the seller's
//! shipment" = awaiting + ship; "Dispute in progress" = dispute).
//!
//! Stems of other statuses' ideas (payment, receipt, delivery, closed, refused, partial …) veto a
//! reading, so that a label about something else is never taken for one of these three: the label
//! stays unknown and the order unreadable instead.

use super::text::{is_cjk, is_word_letter, phrase_list};
use crate::core::status::OrderStatus;

/// Stems as word beginnings (spaced scripts) or substrings (CJK), normal form, a line each (one
/// string per list: a slice of `&str` costs the wasm a pointer and a length per stem).
type Stems = &'static str;

const CANCEL: Stems = phrase_list!["cancel", "anula", "storn", "annul", "отмен", "取消", "撤单",];
const REQUEST: Stems = phrase_list![
    "request",
    "ask",
    "appl",
    "solicit",
    "demand",
    "beantrag",
    "antrag",
    "anfrag",
    "angefragt",
    "sollicit",
    "richiest",
    "richied",
    "chied",
    "pide",
    "pidi",
    "pediu",
    "запрос",
    "запрош",
    "просит",
    "заявк",
    "申请",
    "请求",
    "要求",
];
/// A request that is over, or an order that is cancelled: not a request waiting for an answer.
const ANSWERED: Stems = phrase_list![
    "reject",
    "refus",
    "declin",
    "withdr",
    "accept",
    "approv",
    "agreed",
    "rechaz",
    "acept",
    "retirad",
    "abgelehnt",
    "ablehn",
    "zuruckgezog",
    "angenommen",
    "genehmigt",
    "retire",
    "recusad",
    "rejeitad",
    "aceit",
    "aprovad",
    "отклон",
    "отозва",
    "принят",
    "одобрен",
    "rifiut",
    "respint",
    "accettat",
    "approvat",
    "ritirat",
    "拒绝",
    "撤销",
    "撤回",
    "同意",
    "已取消",
    "closed",
    "cerrad",
    "geschlossen",
    "ferme",
    "fechad",
    "закрыт",
    "chius",
    "关闭",
    "cancelled",
    "canceled",
    "cancelad",
    "storniert",
    "annule",
    "отменен",
    "annullat",
];
const DISPUTE: Stems = phrase_list![
    "disput",
    "streit",
    "litig",
    "спор",
    "contest",
    "controvers",
    "纠纷",
    "争议",
];
/// A dispute that is over or absent.
const DISPUTE_OVER: Stems = phrase_list![
    "no$",
    "not$",
    "without$",
    "closed",
    "ended",
    "resolved",
    "finish",
    "cancel",
    "sin$",
    "cerrad",
    "finaliz",
    "resuel",
    "kein$",
    "keine$",
    "ohne$",
    "geschlossen",
    "beendet",
    "gelost",
    "aucun",
    "sans$",
    "clos",
    "ferm",
    "resolu",
    "termin",
    "sem$",
    "encerrad",
    "resolvid",
    "нет$",
    "без$",
    "закрыт",
    "заверш",
    "разреш",
    "nessun",
    "senza$",
    "chius",
    "risolt",
    "无",
    "关闭",
    "结束",
    "已解决",
    "撤销",
];
const AWAIT: Stems = phrase_list![
    "await",
    "wait",
    "pending",
    "to be",
    "espera",
    "pendiente",
    "por$",
    "wart",
    "ausstehend",
    "attente",
    "aguard",
    "pendente",
    "ожид",
    "attesa",
    "sospeso",
    "等待",
    "待",
    "未",
];
const SHIP: Stems = phrase_list![
    "ship",
    "dispatch",
    "send",
    "envi",
    "envoi",
    "exped",
    "versand",
    "versend",
    "отправ",
    "отгруз",
    "sped",
    "发货",
    "发出",
    "出库",
];
/// Ideas of other statuses: an "awaiting" label about them is not about shipping.
const NOT_SHIPPING: Stems = phrase_list![
    "receipt",
    "receiv",
    "deliver",
    "confirm",
    "pay",
    "paid",
    "partial",
    "part",
    "recep",
    "entreg",
    "pago",
    "parcial",
    "empfang",
    "liefer",
    "zahl",
    "bestatig",
    "teil",
    "recept",
    "livr",
    "paie",
    "partiel",
    "receb",
    "pagament",
    "confirmac",
    "получ",
    "достав",
    "оплат",
    "подтвер",
    "частич",
    "ricez",
    "consegn",
    "confer",
    "parzial",
    "收货",
    "付款",
    "支付",
    "确认",
    "部分",
    "已发货",
];

/// The status a label means, when it is one of the three the table may miss; `normalized` is in
/// the normal form of [`super::text::normalize`].
pub fn status_by_meaning(normalized: &str) -> Option<OrderStatus> {
    let has = |stems: Stems| any_stem(normalized, stems);
    if has(CANCEL) && has(REQUEST) && !has(ANSWERED) && !has(DISPUTE) {
        return Some(OrderStatus::InCancel);
    }
    if has(DISPUTE) && !has(DISPUTE_OVER) && !has(CANCEL) {
        return Some(OrderStatus::InIssue);
    }
    if has(AWAIT) && has(SHIP) && !has(NOT_SHIPPING) && !has(CANCEL) && !has(DISPUTE) {
        return Some(OrderStatus::WaitSellerSendGoods);
    }
    None
}

/// Whether a label the phrase table read as a cancellation request or a dispute says that request
/// or dispute is over ("Cancellation request rejected", "Stornierungsantrag abgelehnt"): the
/// table's phrase is only part of what the label says.
pub fn says_it_is_over(status: OrderStatus, normalized: &str) -> bool {
    let has = |stems: Stems| any_stem(normalized, stems);
    match status {
        OrderStatus::InCancel => has(ANSWERED),
        OrderStatus::InIssue => has(DISPUTE_OVER),
        _ => false,
    }
}

/// Whether any stem of the list is in the text. Kept out of line: the readers above call it a dozen
/// times, and a copy per call would cost the wasm a kilobyte.
#[inline(never)]
fn any_stem(text: &str, stems: Stems) -> bool {
    stems.lines().any(|s| has_stem(text, s))
}

/// A stem at the beginning of a word (CJK stems anywhere); a stem ending in `$` is a whole word
/// ("no" is not the beginning of "Noch").
fn has_stem(text: &str, stem: &str) -> bool {
    if stem.chars().next().is_some_and(is_cjk) {
        return text.contains(stem);
    }
    let (stem, whole) = match stem.strip_suffix('$') {
        Some(word) => (word, true),
        None => (stem, false),
    };
    let edge = |c: Option<char>| c.map_or(true, |c| !is_word_letter(c));
    text.match_indices(stem).any(|(at, _)| {
        edge(text[..at].chars().next_back())
            && (!whole || edge(text[at + stem.len()..].chars().next()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::normalize;

    #[test]
    fn stems_are_in_normal_form() {
        for stems in [
            CANCEL,
            REQUEST,
            ANSWERED,
            DISPUTE,
            DISPUTE_OVER,
            AWAIT,
            SHIP,
            NOT_SHIPPING,
        ] {
            for s in stems.lines() {
                assert_eq!(normalize(s), s);
            }
        }
    }

    #[test]
    fn whole_word_stems_do_not_match_inside_words() {
        assert!(has_stem("no dispute", "no$"));
        assert!(!has_stem("noch 2 tage", "no$"));
        assert!(has_stem("stornierung", "storn"));
        assert!(!has_stem("unstorn", "storn"));
        for (label, meant) in [
            (
                "streitfall eroffnet noch 0 tage 17 std.",
                Some(OrderStatus::InIssue),
            ),
            ("por favor", None),
        ] {
            assert_eq!(status_by_meaning(label), meant, "{label:?}");
        }
    }
}

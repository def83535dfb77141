//! Labels of the time the current status began, when they do not say which status: "Request
//! date", "Requested on", "Fecha de la solicitud", "Antragsdatum", "申请时间", "Opened on". On a
//! cancellation row such a label dates the buyer's request, on a dispute row the dispute's
//! opening: the page reader decides by the order's status. Labels that do say which
//! ("Cancellation request time", "Dispute opened") are column headers ([`super::header`]).

use std::sync::OnceLock;

use super::text::{normalize, phrase_table, Lookup, PhraseIndex, PhraseTable, MAX_LABEL_CHARS};

/// Generic event-time labels in the eight languages, normal form.
const EVENT_LABELS: PhraseTable<()> = phrase_table![
    ("request date", ()),
    ("request time", ()),
    ("requested on", ()),
    ("requested at", ()),
    ("date requested", ()),
    ("date of request", ()),
    ("opened on", ()),
    ("opened at", ()),
    ("opening date", ()),
    ("opening time", ()),
    ("fecha de la solicitud", ()),
    ("fecha de solicitud", ()),
    ("hora de la solicitud", ()),
    ("solicitado el", ()),
    ("fecha de apertura", ()),
    ("abierta el", ()),
    ("antragsdatum", ()),
    ("anfragedatum", ()),
    ("beantragt am", ()),
    ("angefragt am", ()),
    ("eroffnet am", ()),
    ("eroffnungsdatum", ()),
    ("date de la demande", ()),
    ("date de demande", ()),
    ("heure de la demande", ()),
    ("demande le", ()),
    ("date d'ouverture", ()),
    ("ouvert le", ()),
    ("data da solicitacao", ()),
    ("data de solicitacao", ()),
    ("solicitado em", ()),
    ("data de abertura", ()),
    ("aberta em", ()),
    ("дата запроса", ()),
    ("дата заявки", ()),
    ("время запроса", ()),
    ("запрошено", ()),
    ("дата открытия", ()),
    ("открыт", ()),
    ("data richiesta", ()),
    ("data della richiesta", ()),
    ("ora della richiesta", ()),
    ("richiesto il", ()),
    ("data di apertura", ()),
    ("aperta il", ()),
    ("申请时间", ()),
    ("申请日期", ()),
    ("请求时间", ()),
    ("发起时间", ()),
    ("开启时间", ()),
];

fn index() -> &'static PhraseIndex<'static, ()> {
    static INDEX: OnceLock<PhraseIndex<'static, ()>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(&EVENT_LABELS.pairs(), &[]))
}

/// Whether `label` names the time the current status began without saying which status.
pub fn is_event_time_label(label: &str) -> bool {
    let norm = normalize(label);
    !norm.is_empty()
        && norm.chars().count() <= MAX_LABEL_CHARS
        && index().lookup(&norm) == Lookup::One(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_in_normal_form_and_read() {
        EVENT_LABELS.assert_normal();
        for label in [
            "Request date",
            "Requested on",
            "Fecha de la solicitud",
            "申请时间",
            "Antragsdatum",
            "Data richiesta",
        ] {
            assert!(is_event_time_label(label), "{label:?}");
        }
        for label in ["Payment time", "Order date", "Data do pedido", "Status"] {
            assert!(!is_event_time_label(label), "{label:?}");
        }
    }
}

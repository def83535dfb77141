//! Column headers (HTML tables, CSV) and API field names → the order field they hold.
//!
//! API names are compared with case and `_` removed, so `gmt_pay_time`, `gmtPayTime` and
//! `GMT_PAY_TIME` are one name. Human headers go through the phrase table in normal form; a
//! header naming two different fields ("Order ID / Status") is not guessed.

use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use super::text::{normalize, phrase_table, Lookup, PhraseIndex, PhraseTable, MAX_LABEL_CHARS};
use crate::core::lowercase::lowercase;

/// What a column or field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// The order number.
    OrderId,
    /// The order status (label or `order_status` code).
    Status,
    /// When the order was placed (`gmt_create`).
    Created,
    /// When payment was accepted (`gmt_pay_time`, `gmt_pay_success`).
    Paid,
    /// When the order was shipped.
    Shipped,
    /// Last change (`gmt_update`).
    Updated,
    /// Time left as text ("2 days 03:12:44").
    TimeLeft,
    /// Time left in milliseconds, negative once overdue (`timeout_left_time`).
    TimeLeftMs,
    /// The deadline of the current status as a date (`over_time_left`, "Ship by").
    Deadline,
    /// Days left to ship (`left_send_good_day`).
    LeftSendDays,
    /// Hours left to ship, beyond the days (`left_send_good_hour`).
    LeftSendHours,
    /// Minutes left to ship, beyond the hours (`left_send_good_min`).
    LeftSendMinutes,
    /// When the buyer asked to cancel.
    CancelRequested,
    /// When a dispute was opened.
    DisputeOpened,
    /// When the current status began, the label not saying which event ("Request date",
    /// "Requested on", "申请时间"): the buyer's request on a cancellation, the opening of a dispute.
    EventTime,
    /// Dispute state (`issue_status`: `NO_ISSUE`, `IN_ISSUE`, `END_ISSUE`).
    IssueStatus,
    /// Frozen state (`frozen_status`).
    FrozenStatus,
    /// Funds state (`fund_status`).
    FundStatus,
    /// Logistics state (`logistics_status`).
    LogisticsStatus,
    /// Why the order ended (`end_reason`).
    EndReason,
    /// The buyer.
    Buyer,
    /// The product.
    Product,
    /// Quantity.
    Quantity,
    /// Order amount.
    Amount,
    /// Tracking number.
    Tracking,
    /// Shipping service (`logistics_service_name`).
    Carrier,
    /// Handling time in days (`goods_prepare_time`).
    HandlingDays,
    /// Delivery promise in days (`freight_commit_day`).
    DeliveryDays,
}

/// API field names, lower case without `_` (snake_case HTTP API and camelCase Java SDK alike).
const API_NAMES: PhraseTable<Field> = phrase_table![
    ("orderid", Field::OrderId),
    ("id", Field::OrderId),
    ("orderstatus", Field::Status),
    ("status", Field::Status),
    ("gmtcreate", Field::Created),
    ("gmtpaytime", Field::Paid),
    ("gmtpaysuccess", Field::Paid),
    ("paytime", Field::Paid),
    ("gmtsendgoodstime", Field::Shipped),
    ("gmtupdate", Field::Updated),
    ("gmtmodified", Field::Updated),
    ("timeoutlefttime", Field::TimeLeftMs),
    ("overtimeleft", Field::Deadline),
    ("leftsendgoodday", Field::LeftSendDays),
    ("leftsendgoodhour", Field::LeftSendHours),
    ("leftsendgoodmin", Field::LeftSendMinutes),
    ("issuestatus", Field::IssueStatus),
    ("frozenstatus", Field::FrozenStatus),
    ("fundstatus", Field::FundStatus),
    ("logisticsstatus", Field::LogisticsStatus),
    ("endreason", Field::EndReason),
    ("buyerloginid", Field::Buyer),
    ("buyersignerfullname", Field::Buyer),
    ("productname", Field::Product),
    ("productid", Field::Product),
    ("productcount", Field::Quantity),
    ("payamount", Field::Amount),
    ("orderamount", Field::Amount),
    ("logisticsno", Field::Tracking),
    ("trackingnumber", Field::Tracking),
    ("logisticsservicename", Field::Carrier),
    ("goodspreparetime", Field::HandlingDays),
    ("freightcommitday", Field::DeliveryDays),
];

/// Human headers in the eight languages, normal form.
const HEADERS: PhraseTable<Field> = phrase_table![
    // Order id
    ("order id", Field::OrderId),
    ("order no", Field::OrderId),
    ("order no.", Field::OrderId),
    ("order number", Field::OrderId),
    ("order #", Field::OrderId),
    ("no de pedido", Field::OrderId),
    ("n.o de pedido", Field::OrderId),
    ("numero de pedido", Field::OrderId),
    ("id del pedido", Field::OrderId),
    ("id de pedido", Field::OrderId),
    ("pedido no", Field::OrderId),
    ("bestellnummer", Field::OrderId),
    ("bestell-nr.", Field::OrderId),
    ("bestell-nr", Field::OrderId),
    ("bestell-id", Field::OrderId),
    ("no de commande", Field::OrderId),
    ("numero de commande", Field::OrderId),
    ("id de commande", Field::OrderId),
    ("numero do pedido", Field::OrderId),
    ("no do pedido", Field::OrderId),
    ("id do pedido", Field::OrderId),
    ("номер заказа", Field::OrderId),
    ("id заказа", Field::OrderId),
    ("№ заказа", Field::OrderId),
    ("numero ordine", Field::OrderId),
    ("numero dell'ordine", Field::OrderId),
    ("n. ordine", Field::OrderId),
    ("id ordine", Field::OrderId),
    ("订单号", Field::OrderId),
    ("订单编号", Field::OrderId),
    ("订单id", Field::OrderId),
    // Status
    ("status", Field::Status),
    ("order status", Field::Status),
    ("estado", Field::Status),
    ("estado del pedido", Field::Status),
    ("bestellstatus", Field::Status),
    ("statut", Field::Status),
    ("statut de la commande", Field::Status),
    ("estado do pedido", Field::Status),
    ("статус", Field::Status),
    ("статус заказа", Field::Status),
    ("stato", Field::Status),
    ("stato dell'ordine", Field::Status),
    ("stato ordine", Field::Status),
    ("订单状态", Field::Status),
    ("状态", Field::Status),
    // Created
    ("order time", Field::Created),
    ("order date", Field::Created),
    ("created", Field::Created),
    ("creation time", Field::Created),
    ("order placed", Field::Created),
    ("fecha del pedido", Field::Created),
    ("fecha de pedido", Field::Created),
    ("fecha de creacion", Field::Created),
    ("hora del pedido", Field::Created),
    ("bestelldatum", Field::Created),
    ("bestellzeit", Field::Created),
    ("erstellt am", Field::Created),
    ("date de commande", Field::Created),
    ("date de la commande", Field::Created),
    ("data do pedido", Field::Created),
    ("data de criacao", Field::Created),
    ("дата заказа", Field::Created),
    ("время заказа", Field::Created),
    ("дата создания", Field::Created),
    ("data ordine", Field::Created),
    ("data dell'ordine", Field::Created),
    ("data di creazione", Field::Created),
    ("下单时间", Field::Created),
    ("创建时间", Field::Created),
    ("订单时间", Field::Created),
    // Paid
    ("payment time", Field::Paid),
    ("payment date", Field::Paid),
    ("paid at", Field::Paid),
    ("paid on", Field::Paid),
    ("fecha de pago", Field::Paid),
    ("hora de pago", Field::Paid),
    ("zahlungsdatum", Field::Paid),
    ("zahlungszeit", Field::Paid),
    ("bezahlt am", Field::Paid),
    ("date de paiement", Field::Paid),
    ("heure de paiement", Field::Paid),
    ("data de pagamento", Field::Paid),
    ("data do pagamento", Field::Paid),
    ("дата оплаты", Field::Paid),
    ("время оплаты", Field::Paid),
    ("data di pagamento", Field::Paid),
    ("data pagamento", Field::Paid),
    ("付款时间", Field::Paid),
    ("支付时间", Field::Paid),
    // Shipped
    ("shipping time", Field::Shipped),
    ("shipped at", Field::Shipped),
    ("shipped on", Field::Shipped),
    ("ship date", Field::Shipped),
    ("fecha de envio", Field::Shipped),
    ("versanddatum", Field::Shipped),
    ("versandt am", Field::Shipped),
    ("date d'expedition", Field::Shipped),
    ("data de envio", Field::Shipped),
    ("дата отправки", Field::Shipped),
    ("data di spedizione", Field::Shipped),
    ("发货时间", Field::Shipped),
    // Updated
    ("last updated", Field::Updated),
    ("updated", Field::Updated),
    ("ultima actualizacion", Field::Updated),
    ("zuletzt aktualisiert", Field::Updated),
    ("derniere mise a jour", Field::Updated),
    ("ultima atualizacao", Field::Updated),
    ("обновлено", Field::Updated),
    ("ultimo aggiornamento", Field::Updated),
    ("更新时间", Field::Updated),
    // Time left
    ("time left", Field::TimeLeft),
    ("time remaining", Field::TimeLeft),
    ("remaining time", Field::TimeLeft),
    ("countdown", Field::TimeLeft),
    ("time left to ship", Field::TimeLeft),
    ("tiempo restante", Field::TimeLeft),
    ("cuenta atras", Field::TimeLeft),
    ("verbleibende zeit", Field::TimeLeft),
    ("restzeit", Field::TimeLeft),
    ("temps restant", Field::TimeLeft),
    ("tempo restante", Field::TimeLeft),
    ("оставшееся время", Field::TimeLeft),
    ("осталось времени", Field::TimeLeft),
    ("tempo rimanente", Field::TimeLeft),
    ("tempo residuo", Field::TimeLeft),
    ("剩余时间", Field::TimeLeft),
    ("倒计时", Field::TimeLeft),
    // Deadline
    ("deadline", Field::Deadline),
    ("ship by", Field::Deadline),
    ("ship before", Field::Deadline),
    ("due date", Field::Deadline),
    ("fecha limite", Field::Deadline),
    ("enviar antes de", Field::Deadline),
    ("frist", Field::Deadline),
    ("versand bis", Field::Deadline),
    ("date limite", Field::Deadline),
    ("expedier avant", Field::Deadline),
    ("prazo", Field::Deadline),
    ("data limite", Field::Deadline),
    ("enviar ate", Field::Deadline),
    ("срок", Field::Deadline),
    ("крайний срок", Field::Deadline),
    ("отправить до", Field::Deadline),
    ("scadenza", Field::Deadline),
    ("spedire entro", Field::Deadline),
    ("截止时间", Field::Deadline),
    ("发货截止时间", Field::Deadline),
    ("最晚发货时间", Field::Deadline),
    // Cancellation requested
    ("cancellation requested", Field::CancelRequested),
    ("cancellation request time", Field::CancelRequested),
    ("cancellation request date", Field::CancelRequested),
    ("fecha de solicitud de cancelacion", Field::CancelRequested),
    ("solicitud de cancelacion", Field::CancelRequested),
    ("stornierung beantragt am", Field::CancelRequested),
    ("stornierungsanfrage", Field::CancelRequested),
    ("demande d'annulation", Field::CancelRequested),
    ("date de demande d'annulation", Field::CancelRequested),
    ("pedido de cancelamento", Field::CancelRequested),
    ("data do pedido de cancelamento", Field::CancelRequested),
    ("запрос на отмену", Field::CancelRequested),
    ("дата запроса отмены", Field::CancelRequested),
    ("richiesta di annullamento", Field::CancelRequested),
    ("data richiesta di annullamento", Field::CancelRequested),
    ("取消申请时间", Field::CancelRequested),
    ("申请取消时间", Field::CancelRequested),
    // Dispute opened
    ("dispute opened", Field::DisputeOpened),
    ("dispute time", Field::DisputeOpened),
    ("dispute date", Field::DisputeOpened),
    ("fecha de disputa", Field::DisputeOpened),
    ("disputa abierta", Field::DisputeOpened),
    ("streitfall eroffnet", Field::DisputeOpened),
    ("date du litige", Field::DisputeOpened),
    ("litige ouvert", Field::DisputeOpened),
    ("data da disputa", Field::DisputeOpened),
    ("disputa aberta", Field::DisputeOpened),
    ("дата открытия спора", Field::DisputeOpened),
    ("спор открыт", Field::DisputeOpened),
    ("data della controversia", Field::DisputeOpened),
    ("controversia aperta", Field::DisputeOpened),
    ("纠纷时间", Field::DisputeOpened),
    ("纠纷发起时间", Field::DisputeOpened),
    // The current status's start, the label not saying which: the order's status decides
    ("request date", Field::EventTime),
    ("requested on", Field::EventTime),
    ("opened on", Field::EventTime),
    ("fecha de la solicitud", Field::EventTime),
    ("fecha de apertura", Field::EventTime),
    ("antragsdatum", Field::EventTime),
    ("eroffnet am", Field::EventTime),
    ("date de la demande", Field::EventTime),
    ("ouvert le", Field::EventTime),
    ("data da solicitacao", Field::EventTime),
    ("aberta em", Field::EventTime),
    ("дата запроса", Field::EventTime),
    ("дата открытия", Field::EventTime),
    ("data richiesta", Field::EventTime),
    ("data di apertura", Field::EventTime),
    ("申请时间", Field::EventTime),
    ("发起时间", Field::EventTime),
    // Dispute status
    ("dispute status", Field::IssueStatus),
    ("estado de la disputa", Field::IssueStatus),
    ("streitfallstatus", Field::IssueStatus),
    ("statut du litige", Field::IssueStatus),
    ("status da disputa", Field::IssueStatus),
    ("статус спора", Field::IssueStatus),
    ("stato della controversia", Field::IssueStatus),
    ("纠纷状态", Field::IssueStatus),
    // Logistics and payment states: not the order status column
    ("shipping status", Field::LogisticsStatus),
    ("logistics status", Field::LogisticsStatus),
    ("delivery status", Field::LogisticsStatus),
    ("estado del envio", Field::LogisticsStatus),
    ("versandstatus", Field::LogisticsStatus),
    ("statut de livraison", Field::LogisticsStatus),
    ("status de envio", Field::LogisticsStatus),
    ("estado do envio", Field::LogisticsStatus),
    ("статус доставки", Field::LogisticsStatus),
    ("stato della spedizione", Field::LogisticsStatus),
    ("物流状态", Field::LogisticsStatus),
    ("payment status", Field::FundStatus),
    ("estado del pago", Field::FundStatus),
    ("zahlungsstatus", Field::FundStatus),
    ("statut du paiement", Field::FundStatus),
    ("status do pagamento", Field::FundStatus),
    ("статус оплаты", Field::FundStatus),
    ("stato del pagamento", Field::FundStatus),
    ("付款状态", Field::FundStatus),
    ("支付状态", Field::FundStatus),
    // End reason
    ("end reason", Field::EndReason),
    ("close reason", Field::EndReason),
    ("motivo de cierre", Field::EndReason),
    ("grund", Field::EndReason),
    ("motif de cloture", Field::EndReason),
    ("motivo do encerramento", Field::EndReason),
    ("причина закрытия", Field::EndReason),
    ("motivo di chiusura", Field::EndReason),
    ("关闭原因", Field::EndReason),
    // Buyer
    ("buyer", Field::Buyer),
    ("buyer name", Field::Buyer),
    ("customer", Field::Buyer),
    ("comprador", Field::Buyer),
    ("cliente", Field::Buyer),
    ("kaufer", Field::Buyer),
    ("kunde", Field::Buyer),
    ("acheteur", Field::Buyer),
    ("client", Field::Buyer),
    ("покупатель", Field::Buyer),
    ("acquirente", Field::Buyer),
    ("买家", Field::Buyer),
    ("买家名称", Field::Buyer),
    // Product
    ("product", Field::Product),
    ("product name", Field::Product),
    ("item", Field::Product),
    ("producto", Field::Product),
    ("articulo", Field::Product),
    ("produkt", Field::Product),
    ("artikel", Field::Product),
    ("produit", Field::Product),
    ("article", Field::Product),
    ("produto", Field::Product),
    ("товар", Field::Product),
    ("prodotto", Field::Product),
    ("articolo", Field::Product),
    ("商品", Field::Product),
    ("商品名称", Field::Product),
    ("产品", Field::Product),
    // Quantity
    ("quantity", Field::Quantity),
    ("qty", Field::Quantity),
    ("cantidad", Field::Quantity),
    ("menge", Field::Quantity),
    ("anzahl", Field::Quantity),
    ("quantite", Field::Quantity),
    ("quantidade", Field::Quantity),
    ("количество", Field::Quantity),
    ("кол-во", Field::Quantity),
    ("quantita", Field::Quantity),
    ("数量", Field::Quantity),
    // Amount
    ("amount", Field::Amount),
    ("order amount", Field::Amount),
    ("payment amount", Field::Amount),
    ("product total", Field::Amount),
    ("order total", Field::Amount),
    ("total", Field::Amount),
    ("price", Field::Amount),
    ("importe", Field::Amount),
    ("importe del pedido", Field::Amount),
    ("precio", Field::Amount),
    ("betrag", Field::Amount),
    ("gesamtbetrag", Field::Amount),
    ("preis", Field::Amount),
    ("montant", Field::Amount),
    ("prix", Field::Amount),
    ("valor", Field::Amount),
    ("valor do pedido", Field::Amount),
    ("preco", Field::Amount),
    ("сумма", Field::Amount),
    ("сумма заказа", Field::Amount),
    ("цена", Field::Amount),
    ("importo", Field::Amount),
    ("prezzo", Field::Amount),
    ("totale", Field::Amount),
    ("金额", Field::Amount),
    ("订单金额", Field::Amount),
    ("实付金额", Field::Amount),
    // Tracking
    ("tracking number", Field::Tracking),
    ("tracking no", Field::Tracking),
    ("tracking", Field::Tracking),
    ("numero de seguimiento", Field::Tracking),
    ("seguimiento", Field::Tracking),
    ("sendungsnummer", Field::Tracking),
    ("sendungsverfolgung", Field::Tracking),
    ("trackingnummer", Field::Tracking),
    ("numero de suivi", Field::Tracking),
    ("suivi", Field::Tracking),
    ("codigo de rastreamento", Field::Tracking),
    ("rastreamento", Field::Tracking),
    ("трек-номер", Field::Tracking),
    ("номер отслеживания", Field::Tracking),
    ("numero di tracking", Field::Tracking),
    ("numero di tracciamento", Field::Tracking),
    ("运单号", Field::Tracking),
    ("物流单号", Field::Tracking),
    // Carrier
    ("shipping method", Field::Carrier),
    ("carrier", Field::Carrier),
    ("logistics service", Field::Carrier),
    ("metodo de envio", Field::Carrier),
    ("transportista", Field::Carrier),
    ("versandart", Field::Carrier),
    ("versanddienst", Field::Carrier),
    ("mode de livraison", Field::Carrier),
    ("transporteur", Field::Carrier),
    ("metodo de envio", Field::Carrier),
    ("transportadora", Field::Carrier),
    ("способ доставки", Field::Carrier),
    ("служба доставки", Field::Carrier),
    ("metodo di spedizione", Field::Carrier),
    ("corriere", Field::Carrier),
    ("物流服务", Field::Carrier),
    ("物流方式", Field::Carrier),
    // Handling time
    ("handling time", Field::HandlingDays),
    ("processing time", Field::HandlingDays),
    ("tiempo de preparacion", Field::HandlingDays),
    ("tiempo de procesamiento", Field::HandlingDays),
    ("bearbeitungszeit", Field::HandlingDays),
    ("delai de traitement", Field::HandlingDays),
    ("delai de preparation", Field::HandlingDays),
    ("tempo de processamento", Field::HandlingDays),
    ("tempo de preparacao", Field::HandlingDays),
    ("срок обработки", Field::HandlingDays),
    ("tempo di elaborazione", Field::HandlingDays),
    ("备货期", Field::HandlingDays),
    // Delivery promise
    ("delivery time", Field::DeliveryDays),
    ("estimated delivery", Field::DeliveryDays),
    ("tiempo de entrega", Field::DeliveryDays),
    ("lieferzeit", Field::DeliveryDays),
    ("delai de livraison", Field::DeliveryDays),
    ("prazo de entrega", Field::DeliveryDays),
    ("срок доставки", Field::DeliveryDays),
    ("tempi di consegna", Field::DeliveryDays),
    ("承诺运达时间", Field::DeliveryDays),
];

/// [`HEADERS`], indexed on first use: a table's headers are read again on every scan.
fn header_index() -> &'static PhraseIndex<'static, Field> {
    static INDEX: OnceLock<PhraseIndex<'static, Field>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(&HEADERS.pairs(), &[]))
}

/// The field a header or API field name holds; `None` when unknown or when it names two fields.
pub fn field_for_header(text: &str) -> Option<Field> {
    let compact: String = text
        .trim()
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(lowercase)
        .collect();
    if compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        if let Some((_, field)) = API_NAMES.iter().find(|(name, _)| *name == compact) {
            return Some(field);
        }
    }
    let norm = normalize(text);
    if norm.is_empty() || norm.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    match header_index().lookup(&norm) {
        Lookup::One(field) => Some(field),
        Lookup::None | Lookup::Conflict => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_in_normal_form() {
        HEADERS.assert_normal();
        assert_eq!(API_NAMES.pairs().len(), API_NAMES.values.len());
        for (name, _) in API_NAMES.pairs() {
            assert!(name.bytes().all(|b| b.is_ascii_lowercase()));
        }
    }
}

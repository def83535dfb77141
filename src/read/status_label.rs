//! Status labels and panel tabs, as the seller center and "My Orders" print them, → status codes.
//!
//! Tables are in the normal form of [`normalize`]; a label may carry other words around the
//! status ("Status: Awaiting shipment (3)"). When no phrase is found, or phrases of different
//! statuses are found side by side, the reader says "unknown status" and keeps the text: a wrong
//! code would put a wrong clock on the order.

use serde::{Deserialize, Serialize};

use super::error::{ReadError, ReadErrorKind};
use std::sync::OnceLock;

use super::text::{
    normalize, phrase_list, phrase_table, Lookup, PhraseIndex, PhraseTable, MAX_LABEL_CHARS,
};
use crate::core::status::{OrderStatus, Side};

/// What a status label says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusLabel {
    /// The Open Platform status code the label stands for.
    pub status: OrderStatus,
    /// `Some(Side::Buyer)` when only the buyer-side "My Orders" page uses this wording ("To ship",
    /// "Por enviar"); `None` when either side may print it. A hint: the page address decides.
    pub side: Option<Side>,
    /// The label says the order was closed or cancelled rather than completed (both are `FINISH`).
    pub closed: bool,
}

/// A tab or notification of the seller panel (DOMAIN.md, seed 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PanelTab {
    /// New orders.
    NewOrders,
    /// Orders not paid yet.
    PendingPayment,
    /// Orders to ship.
    PendingShipment,
    /// Buyers asking to cancel.
    CancellationRequests,
    /// Open disputes.
    InDispute,
    /// Completed orders to rate / reviews to answer.
    ToReview,
}

impl PanelTab {
    /// The status every order under this tab has, when the tab is one status.
    pub fn status(self) -> Option<OrderStatus> {
        match self {
            PanelTab::PendingPayment => Some(OrderStatus::PlaceOrderSuccess),
            PanelTab::PendingShipment => Some(OrderStatus::WaitSellerSendGoods),
            PanelTab::CancellationRequests => Some(OrderStatus::InCancel),
            PanelTab::InDispute => Some(OrderStatus::InIssue),
            PanelTab::NewOrders | PanelTab::ToReview => None,
        }
    }
}

/// A table value: status, buyer-only, closed rather than completed.
type Meaning = (OrderStatus, Option<Side>, bool);

const fn any(status: OrderStatus) -> Meaning {
    (status, None, false)
}
const fn buyer(status: OrderStatus) -> Meaning {
    (status, Some(Side::Buyer), false)
}
const fn closed(buyer_only: bool) -> Meaning {
    (
        OrderStatus::Finish,
        if buyer_only { Some(Side::Buyer) } else { None },
        true,
    )
}

use OrderStatus as S;

/// Seller-center and "My Orders" labels in the eight languages, normal form.
const STATUS_PHRASES: PhraseTable<Meaning> = phrase_table![
    // ---- PLACE_ORDER_SUCCESS: placed, not paid
    ("pending payment", any(S::PlaceOrderSuccess)),
    ("awaiting payment", any(S::PlaceOrderSuccess)),
    ("waiting for payment", any(S::PlaceOrderSuccess)),
    ("waiting for buyer payment", any(S::PlaceOrderSuccess)),
    ("awaiting buyer payment", any(S::PlaceOrderSuccess)),
    ("awaiting buyer's payment", any(S::PlaceOrderSuccess)),
    ("unpaid", any(S::PlaceOrderSuccess)),
    ("not paid", any(S::PlaceOrderSuccess)),
    ("to pay", buyer(S::PlaceOrderSuccess)),
    ("pendiente de pago", any(S::PlaceOrderSuccess)),
    ("esperando el pago", any(S::PlaceOrderSuccess)),
    ("esperando pago", any(S::PlaceOrderSuccess)),
    ("en espera de pago", any(S::PlaceOrderSuccess)),
    ("pago pendiente", any(S::PlaceOrderSuccess)),
    ("sin pagar", any(S::PlaceOrderSuccess)),
    ("por pagar", buyer(S::PlaceOrderSuccess)),
    ("zahlung ausstehend", any(S::PlaceOrderSuccess)),
    ("ausstehende zahlung", any(S::PlaceOrderSuccess)),
    ("warten auf zahlung", any(S::PlaceOrderSuccess)),
    ("wartet auf zahlung", any(S::PlaceOrderSuccess)),
    ("unbezahlt", any(S::PlaceOrderSuccess)),
    ("nicht bezahlt", any(S::PlaceOrderSuccess)),
    ("zu bezahlen", buyer(S::PlaceOrderSuccess)),
    ("en attente de paiement", any(S::PlaceOrderSuccess)),
    ("paiement en attente", any(S::PlaceOrderSuccess)),
    ("non paye", any(S::PlaceOrderSuccess)),
    ("non payee", any(S::PlaceOrderSuccess)),
    ("a payer", buyer(S::PlaceOrderSuccess)),
    ("pagamento pendente", any(S::PlaceOrderSuccess)),
    ("aguardando pagamento", any(S::PlaceOrderSuccess)),
    ("aguardando o pagamento", any(S::PlaceOrderSuccess)),
    ("pendente de pagamento", any(S::PlaceOrderSuccess)),
    ("nao pago", any(S::PlaceOrderSuccess)),
    ("ожидает оплаты", any(S::PlaceOrderSuccess)),
    ("ожидание оплаты", any(S::PlaceOrderSuccess)),
    ("ожидается оплата", any(S::PlaceOrderSuccess)),
    ("не оплачен", any(S::PlaceOrderSuccess)),
    ("не оплачено", any(S::PlaceOrderSuccess)),
    ("в ожидании оплаты", any(S::PlaceOrderSuccess)),
    ("in attesa di pagamento", any(S::PlaceOrderSuccess)),
    ("in attesa del pagamento", any(S::PlaceOrderSuccess)),
    ("pagamento in sospeso", any(S::PlaceOrderSuccess)),
    ("non pagato", any(S::PlaceOrderSuccess)),
    ("da pagare", buyer(S::PlaceOrderSuccess)),
    ("等待买家付款", any(S::PlaceOrderSuccess)),
    ("等待付款", any(S::PlaceOrderSuccess)),
    ("待付款", any(S::PlaceOrderSuccess)),
    ("未付款", any(S::PlaceOrderSuccess)),
    ("待支付", any(S::PlaceOrderSuccess)),
    // ---- RISK_CONTROL / RISK_CONTROL_HOLD
    ("risk control", any(S::RiskControl)),
    ("under risk control", any(S::RiskControl)),
    ("risk check", any(S::RiskControl)),
    ("control de riesgos", any(S::RiskControl)),
    ("control de riesgo", any(S::RiskControl)),
    ("risikokontrolle", any(S::RiskControl)),
    ("risikoprufung", any(S::RiskControl)),
    ("controle des risques", any(S::RiskControl)),
    ("controle de risque", any(S::RiskControl)),
    ("controle de risco", any(S::RiskControl)),
    ("controlo de risco", any(S::RiskControl)),
    ("analise de risco", any(S::RiskControl)),
    ("контроль рисков", any(S::RiskControl)),
    ("проверка рисков", any(S::RiskControl)),
    ("контроль риска", any(S::RiskControl)),
    ("controllo del rischio", any(S::RiskControl)),
    ("controllo rischi", any(S::RiskControl)),
    ("风控中", any(S::RiskControl)),
    ("风控", any(S::RiskControl)),
    ("风险控制", any(S::RiskControl)),
    ("风控审核中", any(S::RiskControl)),
    ("risk control hold", any(S::RiskControlHold)),
    ("risk control on hold", any(S::RiskControlHold)),
    ("control de riesgos en espera", any(S::RiskControlHold)),
    ("control de riesgos retenido", any(S::RiskControlHold)),
    ("risikokontrolle angehalten", any(S::RiskControlHold)),
    ("controle des risques en suspens", any(S::RiskControlHold)),
    ("controle de risco em espera", any(S::RiskControlHold)),
    ("контроль рисков приостановлен", any(S::RiskControlHold)),
    ("controllo del rischio in sospeso", any(S::RiskControlHold)),
    ("风控暂停", any(S::RiskControlHold)),
    ("风控挂起", any(S::RiskControlHold)),
    // ---- PAYMENT_PROCESSING
    ("payment processing", any(S::PaymentProcessing)),
    ("processing payment", any(S::PaymentProcessing)),
    ("payment being processed", any(S::PaymentProcessing)),
    ("procesando pago", any(S::PaymentProcessing)),
    ("procesando el pago", any(S::PaymentProcessing)),
    ("pago en proceso", any(S::PaymentProcessing)),
    ("zahlung wird bearbeitet", any(S::PaymentProcessing)),
    ("zahlung in bearbeitung", any(S::PaymentProcessing)),
    ("paiement en cours de traitement", any(S::PaymentProcessing)),
    ("traitement du paiement", any(S::PaymentProcessing)),
    ("processando pagamento", any(S::PaymentProcessing)),
    ("pagamento em processamento", any(S::PaymentProcessing)),
    ("обработка платежа", any(S::PaymentProcessing)),
    ("платеж обрабатывается", any(S::PaymentProcessing)),
    ("pagamento in elaborazione", any(S::PaymentProcessing)),
    ("elaborazione del pagamento", any(S::PaymentProcessing)),
    ("付款处理中", any(S::PaymentProcessing)),
    ("支付处理中", any(S::PaymentProcessing)),
    // ---- WAIT_SELLER_EXAMINE_MONEY
    (
        "awaiting your confirmation of the amount",
        any(S::WaitSellerExamineMoney),
    ),
    ("confirm the amount", any(S::WaitSellerExamineMoney)),
    (
        "awaiting amount confirmation",
        any(S::WaitSellerExamineMoney),
    ),
    (
        "esperando tu confirmacion del importe",
        any(S::WaitSellerExamineMoney),
    ),
    ("confirmacion del importe", any(S::WaitSellerExamineMoney)),
    ("confirmar el importe", any(S::WaitSellerExamineMoney)),
    ("bestatigung des betrags", any(S::WaitSellerExamineMoney)),
    ("betrag bestatigen", any(S::WaitSellerExamineMoney)),
    ("confirmation du montant", any(S::WaitSellerExamineMoney)),
    ("confirmer le montant", any(S::WaitSellerExamineMoney)),
    ("confirmacao do valor", any(S::WaitSellerExamineMoney)),
    ("confirmar o valor", any(S::WaitSellerExamineMoney)),
    ("подтверждение суммы", any(S::WaitSellerExamineMoney)),
    ("подтвердите сумму", any(S::WaitSellerExamineMoney)),
    ("conferma dell'importo", any(S::WaitSellerExamineMoney)),
    ("conferma importo", any(S::WaitSellerExamineMoney)),
    ("等待卖家确认金额", any(S::WaitSellerExamineMoney)),
    ("待确认金额", any(S::WaitSellerExamineMoney)),
    ("等待您确认金额", any(S::WaitSellerExamineMoney)),
    ("确认金额", any(S::WaitSellerExamineMoney)),
    // ---- WAIT_SELLER_SEND_GOODS
    ("pending shipment", any(S::WaitSellerSendGoods)),
    ("awaiting shipment", any(S::WaitSellerSendGoods)),
    ("waiting for shipment", any(S::WaitSellerSendGoods)),
    ("awaiting dispatch", any(S::WaitSellerSendGoods)),
    ("pending shipping", any(S::WaitSellerSendGoods)),
    ("awaiting seller shipment", any(S::WaitSellerSendGoods)),
    ("waiting for you to ship", any(S::WaitSellerSendGoods)),
    ("waiting for seller to ship", any(S::WaitSellerSendGoods)),
    ("awaiting warehouse shipment", any(S::WaitSellerSendGoods)),
    ("not shipped", any(S::WaitSellerSendGoods)),
    ("not yet shipped", any(S::WaitSellerSendGoods)),
    ("to ship", buyer(S::WaitSellerSendGoods)),
    ("to be shipped", buyer(S::WaitSellerSendGoods)),
    ("pendiente de envio", any(S::WaitSellerSendGoods)),
    ("pendiente de enviar", any(S::WaitSellerSendGoods)),
    ("esperando envio", any(S::WaitSellerSendGoods)),
    ("esperando el envio", any(S::WaitSellerSendGoods)),
    ("en espera de envio", any(S::WaitSellerSendGoods)),
    ("sin enviar", any(S::WaitSellerSendGoods)),
    ("no enviado", any(S::WaitSellerSendGoods)),
    ("por enviar", buyer(S::WaitSellerSendGoods)),
    ("versand ausstehend", any(S::WaitSellerSendGoods)),
    ("ausstehender versand", any(S::WaitSellerSendGoods)),
    ("warten auf versand", any(S::WaitSellerSendGoods)),
    ("wartet auf versand", any(S::WaitSellerSendGoods)),
    ("noch nicht versandt", any(S::WaitSellerSendGoods)),
    ("nicht versandt", any(S::WaitSellerSendGoods)),
    ("zu versenden", buyer(S::WaitSellerSendGoods)),
    ("en attente d'expedition", any(S::WaitSellerSendGoods)),
    ("en attente d'envoi", any(S::WaitSellerSendGoods)),
    ("expedition en attente", any(S::WaitSellerSendGoods)),
    ("non expedie", any(S::WaitSellerSendGoods)),
    ("non expediee", any(S::WaitSellerSendGoods)),
    ("a expedier", buyer(S::WaitSellerSendGoods)),
    ("aguardando envio", any(S::WaitSellerSendGoods)),
    ("aguardando o envio", any(S::WaitSellerSendGoods)),
    ("envio pendente", any(S::WaitSellerSendGoods)),
    ("pendente de envio", any(S::WaitSellerSendGoods)),
    ("nao enviado", any(S::WaitSellerSendGoods)),
    ("a enviar", buyer(S::WaitSellerSendGoods)),
    ("ожидает отправки", any(S::WaitSellerSendGoods)),
    ("ожидание отправки", any(S::WaitSellerSendGoods)),
    ("ожидает отправку", any(S::WaitSellerSendGoods)),
    ("не отправлен", any(S::WaitSellerSendGoods)),
    ("не отправлено", any(S::WaitSellerSendGoods)),
    ("к отправке", buyer(S::WaitSellerSendGoods)),
    ("in attesa di spedizione", any(S::WaitSellerSendGoods)),
    ("in attesa della spedizione", any(S::WaitSellerSendGoods)),
    ("spedizione in sospeso", any(S::WaitSellerSendGoods)),
    ("non spedito", any(S::WaitSellerSendGoods)),
    ("da spedire", buyer(S::WaitSellerSendGoods)),
    ("等待发货", any(S::WaitSellerSendGoods)),
    ("等待卖家发货", any(S::WaitSellerSendGoods)),
    ("等待您发货", any(S::WaitSellerSendGoods)),
    ("等待仓库发货", any(S::WaitSellerSendGoods)),
    ("待发货", any(S::WaitSellerSendGoods)),
    ("未发货", any(S::WaitSellerSendGoods)),
    ("ready to ship", any(S::WaitSellerSendGoods)),
    ("listo para enviar", any(S::WaitSellerSendGoods)),
    ("versandbereit", any(S::WaitSellerSendGoods)),
    ("pret a expedier", any(S::WaitSellerSendGoods)),
    (
        "en attente de votre expedition",
        any(S::WaitSellerSendGoods)
    ),
    ("pronto para envio", any(S::WaitSellerSendGoods)),
    ("готов к отправке", any(S::WaitSellerSendGoods)),
    ("pronto per la spedizione", any(S::WaitSellerSendGoods)),
    (
        "in attesa della tua spedizione",
        any(S::WaitSellerSendGoods)
    ),
    // ---- SELLER_PART_SEND_GOODS
    ("partially shipped", any(S::SellerPartSendGoods)),
    ("partially sent", any(S::SellerPartSendGoods)),
    ("partial shipment", any(S::SellerPartSendGoods)),
    ("part shipped", any(S::SellerPartSendGoods)),
    ("enviado parcialmente", any(S::SellerPartSendGoods)),
    ("parcialmente enviado", any(S::SellerPartSendGoods)),
    ("envio parcial", any(S::SellerPartSendGoods)),
    ("teilweise versandt", any(S::SellerPartSendGoods)),
    ("teilweise versendet", any(S::SellerPartSendGoods)),
    ("teilversand", any(S::SellerPartSendGoods)),
    ("partiellement expedie", any(S::SellerPartSendGoods)),
    ("partiellement expediee", any(S::SellerPartSendGoods)),
    ("expedition partielle", any(S::SellerPartSendGoods)),
    ("частично отправлен", any(S::SellerPartSendGoods)),
    ("частично отправлено", any(S::SellerPartSendGoods)),
    ("частичная отправка", any(S::SellerPartSendGoods)),
    ("parzialmente spedito", any(S::SellerPartSendGoods)),
    ("spedito parzialmente", any(S::SellerPartSendGoods)),
    ("spedizione parziale", any(S::SellerPartSendGoods)),
    ("部分发货", any(S::SellerPartSendGoods)),
    ("卖家部分发货", any(S::SellerPartSendGoods)),
    // ---- IN_CANCEL
    ("buyer requested cancellation", any(S::InCancel)),
    ("buyer requested to cancel", any(S::InCancel)),
    ("buyer has requested cancellation", any(S::InCancel)),
    ("requested cancellation", any(S::InCancel)),
    ("cancellation requested", any(S::InCancel)),
    ("cancellation request", any(S::InCancel)),
    ("cancel requested", any(S::InCancel)),
    ("in cancellation", any(S::InCancel)),
    ("cancellation pending", any(S::InCancel)),
    ("el comprador solicito la cancelacion", any(S::InCancel)),
    (
        "el comprador ha solicitado la cancelacion",
        any(S::InCancel),
    ),
    ("cancelacion solicitada", any(S::InCancel)),
    ("solicitud de cancelacion", any(S::InCancel)),
    ("kaufer hat stornierung beantragt", any(S::InCancel)),
    ("stornierung beantragt", any(S::InCancel)),
    ("stornierung angefragt", any(S::InCancel)),
    ("stornierungsanfrage", any(S::InCancel)),
    ("l'acheteur a demande l'annulation", any(S::InCancel)),
    ("annulation demandee", any(S::InCancel)),
    ("demande d'annulation", any(S::InCancel)),
    ("o comprador solicitou o cancelamento", any(S::InCancel)),
    ("comprador solicitou cancelamento", any(S::InCancel)),
    ("cancelamento solicitado", any(S::InCancel)),
    ("pedido de cancelamento", any(S::InCancel)),
    ("solicitacao de cancelamento", any(S::InCancel)),
    ("покупатель запросил отмену", any(S::InCancel)),
    ("запрос на отмену", any(S::InCancel)),
    ("запрошена отмена", any(S::InCancel)),
    ("l'acquirente ha richiesto l'annullamento", any(S::InCancel)),
    ("annullamento richiesto", any(S::InCancel)),
    ("richiesta di annullamento", any(S::InCancel)),
    ("richiesta di cancellazione", any(S::InCancel)),
    ("买家申请取消", any(S::InCancel)),
    ("买家申请取消订单", any(S::InCancel)),
    ("申请取消", any(S::InCancel)),
    ("取消中", any(S::InCancel)),
    ("取消申请中", any(S::InCancel)),
    ("awaiting cancellation response", any(S::InCancel)),
    ("cancelacion pendiente", any(S::InCancel)),
    ("stornierungsantrag", any(S::InCancel)),
    ("annulation en attente", any(S::InCancel)),
    ("cancelamento pendente", any(S::InCancel)),
    ("ожидает отмены", any(S::InCancel)),
    ("annullamento in attesa", any(S::InCancel)),
    // ---- WAIT_BUYER_ACCEPT_GOODS
    (
        "waiting for buyer to confirm receipt",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("awaiting buyer confirmation", any(S::WaitBuyerAcceptGoods)),
    (
        "waiting for confirmation from the buyer",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "awaiting confirmation from the buyer",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "waiting for buyer confirmation",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "awaiting buyer's confirmation",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("awaiting buyer receipt", any(S::WaitBuyerAcceptGoods)),
    ("waiting for buyer to receive", any(S::WaitBuyerAcceptGoods)),
    ("awaiting receipt", any(S::WaitBuyerAcceptGoods)),
    ("awaiting delivery", buyer(S::WaitBuyerAcceptGoods)),
    ("shipped", buyer(S::WaitBuyerAcceptGoods)),
    ("in transit", buyer(S::WaitBuyerAcceptGoods)),
    ("to receive", buyer(S::WaitBuyerAcceptGoods)),
    ("delivered", buyer(S::WaitBuyerAcceptGoods)),
    ("entregado", buyer(S::WaitBuyerAcceptGoods)),
    ("zugestellt", buyer(S::WaitBuyerAcceptGoods)),
    ("livre", buyer(S::WaitBuyerAcceptGoods)),
    ("livree", buyer(S::WaitBuyerAcceptGoods)),
    ("entregue", buyer(S::WaitBuyerAcceptGoods)),
    ("доставлен", buyer(S::WaitBuyerAcceptGoods)),
    ("доставлено", buyer(S::WaitBuyerAcceptGoods)),
    ("consegnato", buyer(S::WaitBuyerAcceptGoods)),
    ("已签收", buyer(S::WaitBuyerAcceptGoods)),
    (
        "esperando que el comprador confirme la recepcion",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "esperando confirmacion del comprador",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("pendiente de recepcion", any(S::WaitBuyerAcceptGoods)),
    (
        "esperando la confirmacion del comprador",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "esperando confirmacion de recepcion",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("esperando entrega", buyer(S::WaitBuyerAcceptGoods)),
    ("esperando la entrega", buyer(S::WaitBuyerAcceptGoods)),
    ("pendiente de entrega", buyer(S::WaitBuyerAcceptGoods)),
    ("enviado", buyer(S::WaitBuyerAcceptGoods)),
    ("en transito", buyer(S::WaitBuyerAcceptGoods)),
    ("por recibir", buyer(S::WaitBuyerAcceptGoods)),
    (
        "warten auf empfangsbestatigung",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "wartet auf empfangsbestatigung",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "warten auf bestatigung des kaufers",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("warten auf lieferung", buyer(S::WaitBuyerAcceptGoods)),
    ("versandt", buyer(S::WaitBuyerAcceptGoods)),
    (
        "en attente de confirmation de reception",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "en attente de la confirmation de l'acheteur",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("en attente de livraison", buyer(S::WaitBuyerAcceptGoods)),
    ("expedie", buyer(S::WaitBuyerAcceptGoods)),
    ("expediee", buyer(S::WaitBuyerAcceptGoods)),
    (
        "aguardando confirmacao de recebimento",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "aguardando o comprador confirmar o recebimento",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("aguardando entrega", buyer(S::WaitBuyerAcceptGoods)),
    (
        "ожидает подтверждения получения",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "ожидание подтверждения получения",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("ожидает получения", buyer(S::WaitBuyerAcceptGoods)),
    ("ожидает доставки", buyer(S::WaitBuyerAcceptGoods)),
    ("отправлен", buyer(S::WaitBuyerAcceptGoods)),
    ("отправлено", buyer(S::WaitBuyerAcceptGoods)),
    ("в пути", buyer(S::WaitBuyerAcceptGoods)),
    (
        "in attesa di conferma di ricezione",
        any(S::WaitBuyerAcceptGoods),
    ),
    (
        "in attesa che l'acquirente confermi la ricezione",
        any(S::WaitBuyerAcceptGoods),
    ),
    ("in attesa di consegna", buyer(S::WaitBuyerAcceptGoods)),
    ("spedito", buyer(S::WaitBuyerAcceptGoods)),
    ("等待买家收货", any(S::WaitBuyerAcceptGoods)),
    ("等待买家确认收货", any(S::WaitBuyerAcceptGoods)),
    ("卖家已发货", any(S::WaitBuyerAcceptGoods)),
    ("已发货", buyer(S::WaitBuyerAcceptGoods)),
    ("待收货", buyer(S::WaitBuyerAcceptGoods)),
    // ---- FUND_PROCESSING
    ("funds processing", any(S::FundProcessing)),
    ("fund processing", any(S::FundProcessing)),
    ("processing funds", any(S::FundProcessing)),
    ("procesando fondos", any(S::FundProcessing)),
    ("fondos en proceso", any(S::FundProcessing)),
    ("gelder in bearbeitung", any(S::FundProcessing)),
    ("geldbearbeitung", any(S::FundProcessing)),
    ("fonds en cours de traitement", any(S::FundProcessing)),
    ("traitement des fonds", any(S::FundProcessing)),
    ("processando fundos", any(S::FundProcessing)),
    ("fundos em processamento", any(S::FundProcessing)),
    ("обработка средств", any(S::FundProcessing)),
    ("средства обрабатываются", any(S::FundProcessing)),
    ("fondi in elaborazione", any(S::FundProcessing)),
    ("elaborazione dei fondi", any(S::FundProcessing)),
    ("资金处理中", any(S::FundProcessing)),
    ("放款中", any(S::FundProcessing)),
    ("等待放款", any(S::FundProcessing)),
    // ---- IN_ISSUE
    ("in dispute", any(S::InIssue)),
    ("dispute", any(S::InIssue)),
    ("disputed", any(S::InIssue)),
    ("dispute opened", any(S::InIssue)),
    ("en disputa", any(S::InIssue)),
    ("disputa", any(S::InIssue)),
    ("disputa abierta", any(S::InIssue)),
    ("im streitfall", any(S::InIssue)),
    ("streitfall", any(S::InIssue)),
    ("en litige", any(S::InIssue)),
    ("litige", any(S::InIssue)),
    ("em disputa", any(S::InIssue)),
    ("в споре", any(S::InIssue)),
    ("спор", any(S::InIssue)),
    ("открыт спор", any(S::InIssue)),
    ("in contestazione", any(S::InIssue)),
    ("in controversia", any(S::InIssue)),
    ("controversia", any(S::InIssue)),
    ("contestazione", any(S::InIssue)),
    ("纠纷中", any(S::InIssue)),
    ("纠纷", any(S::InIssue)),
    ("买家发起纠纷", any(S::InIssue)),
    // ---- IN_FROZEN
    ("frozen", any(S::InFrozen)),
    ("locked", any(S::InFrozen)),
    ("order frozen", any(S::InFrozen)),
    ("congelado", any(S::InFrozen)),
    ("bloqueado", any(S::InFrozen)),
    ("eingefroren", any(S::InFrozen)),
    ("gesperrt", any(S::InFrozen)),
    ("gele", any(S::InFrozen)),
    ("gelee", any(S::InFrozen)),
    ("bloque", any(S::InFrozen)),
    ("bloquee", any(S::InFrozen)),
    ("заморожен", any(S::InFrozen)),
    ("заблокирован", any(S::InFrozen)),
    ("congelato", any(S::InFrozen)),
    ("bloccato", any(S::InFrozen)),
    ("冻结中", any(S::InFrozen)),
    ("已冻结", any(S::InFrozen)),
    ("冻结", any(S::InFrozen)),
    ("已锁定", any(S::InFrozen)),
    // ---- FINISH: completed
    ("completed", any(S::Finish)),
    ("order completed", any(S::Finish)),
    ("order complete", any(S::Finish)),
    ("finished", any(S::Finish)),
    ("transaction completed", any(S::Finish)),
    ("completado", any(S::Finish)),
    ("completada", any(S::Finish)),
    ("finalizado", any(S::Finish)),
    ("finalizada", any(S::Finish)),
    ("abgeschlossen", any(S::Finish)),
    ("erledigt", any(S::Finish)),
    ("termine", any(S::Finish)),
    ("terminee", any(S::Finish)),
    ("concluido", any(S::Finish)),
    ("concluida", any(S::Finish)),
    ("завершен", any(S::Finish)),
    ("завершено", any(S::Finish)),
    ("выполнен", any(S::Finish)),
    ("completato", any(S::Finish)),
    ("completata", any(S::Finish)),
    ("concluso", any(S::Finish)),
    ("交易成功", any(S::Finish)),
    ("已完成", any(S::Finish)),
    ("交易完成", any(S::Finish)),
    ("已结束", any(S::Finish)),
    // ---- FINISH: closed or cancelled
    ("closed", closed(false)),
    ("order closed", closed(false)),
    ("cancelled", closed(true)),
    ("canceled", closed(true)),
    ("cerrado", closed(false)),
    ("cerrada", closed(false)),
    ("cancelado", closed(true)),
    ("cancelada", closed(true)),
    ("geschlossen", closed(false)),
    ("storniert", closed(true)),
    ("ferme", closed(false)),
    ("fermee", closed(false)),
    ("annule", closed(true)),
    ("annulee", closed(true)),
    ("fechado", closed(false)),
    ("fechada", closed(false)),
    ("закрыт", closed(false)),
    ("закрыто", closed(false)),
    ("отменен", closed(true)),
    ("отменено", closed(true)),
    ("chiuso", closed(false)),
    ("chiusa", closed(false)),
    ("annullato", closed(true)),
    ("annullata", closed(true)),
    ("已关闭", closed(false)),
    ("交易关闭", closed(false)),
    ("订单关闭", closed(false)),
    ("已取消", closed(true)),
    // ---- ARCHIVE
    ("archived", any(S::Archive)),
    ("archivado", any(S::Archive)),
    ("archiviert", any(S::Archive)),
    ("archive", any(S::Archive)),
    ("archivee", any(S::Archive)),
    ("arquivado", any(S::Archive)),
    ("в архиве", any(S::Archive)),
    ("архивирован", any(S::Archive)),
    ("archiviato", any(S::Archive)),
    ("已归档", any(S::Archive)),
];

/// Phrases that contain a status word but name no status ("No dispute", "Dispute closed"): they
/// hide the word inside them, so an order "Completed, dispute closed" reads as completed.
const NOT_STATUS: &str = phrase_list![
    "no dispute",
    "not in dispute",
    "dispute closed",
    "dispute ended",
    "dispute resolved",
    "not frozen",
    "not locked",
    "sin disputa",
    "disputa cerrada",
    "disputa finalizada",
    "disputa resuelta",
    "kein streitfall",
    "streitfall geschlossen",
    "streitfall beendet",
    "aucun litige",
    "litige clos",
    "litige ferme",
    "litige resolu",
    "sem disputa",
    "disputa encerrada",
    "disputa resolvida",
    "нет спора",
    "спор закрыт",
    "спор завершен",
    "nessuna controversia",
    "controversia chiusa",
    "controversia risolta",
    "无纠纷",
    "纠纷已关闭",
    "纠纷结束",
    "纠纷已结束",
];

/// Tab and notification names that are not status labels themselves, normal form.
const TAB_PHRASES: PhraseTable<PanelTab> = phrase_table![
    ("new orders", PanelTab::NewOrders),
    ("new order", PanelTab::NewOrders),
    ("nuevos pedidos", PanelTab::NewOrders),
    ("pedidos nuevos", PanelTab::NewOrders),
    ("nuevo pedido", PanelTab::NewOrders),
    ("neue bestellungen", PanelTab::NewOrders),
    ("neue bestellung", PanelTab::NewOrders),
    ("nouvelles commandes", PanelTab::NewOrders),
    ("nouvelle commande", PanelTab::NewOrders),
    ("novos pedidos", PanelTab::NewOrders),
    ("novo pedido", PanelTab::NewOrders),
    ("новые заказы", PanelTab::NewOrders),
    ("новый заказ", PanelTab::NewOrders),
    ("nuovi ordini", PanelTab::NewOrders),
    ("nuovo ordine", PanelTab::NewOrders),
    ("新订单", PanelTab::NewOrders),
    ("pending payments", PanelTab::PendingPayment),
    ("pagos pendientes", PanelTab::PendingPayment),
    ("ausstehende zahlungen", PanelTab::PendingPayment),
    ("paiements en attente", PanelTab::PendingPayment),
    ("pagamentos pendentes", PanelTab::PendingPayment),
    ("ожидают оплаты", PanelTab::PendingPayment),
    ("pagamenti in sospeso", PanelTab::PendingPayment),
    ("pending shipments", PanelTab::PendingShipment),
    ("envios pendientes", PanelTab::PendingShipment),
    ("ausstehende sendungen", PanelTab::PendingShipment),
    ("expeditions en attente", PanelTab::PendingShipment),
    ("envios pendentes", PanelTab::PendingShipment),
    ("ожидают отправки", PanelTab::PendingShipment),
    ("spedizioni in sospeso", PanelTab::PendingShipment),
    ("cancellation requests", PanelTab::CancellationRequests),
    ("solicitudes de cancelacion", PanelTab::CancellationRequests),
    ("stornierungsanfragen", PanelTab::CancellationRequests),
    ("demandes d'annulation", PanelTab::CancellationRequests),
    ("pedidos de cancelamento", PanelTab::CancellationRequests),
    (
        "solicitacoes de cancelamento",
        PanelTab::CancellationRequests,
    ),
    ("запросы на отмену", PanelTab::CancellationRequests),
    ("richieste di annullamento", PanelTab::CancellationRequests),
    ("取消订单申请", PanelTab::CancellationRequests),
    ("disputes", PanelTab::InDispute),
    ("disputas", PanelTab::InDispute),
    ("streitfalle", PanelTab::InDispute),
    ("litiges", PanelTab::InDispute),
    ("споры", PanelTab::InDispute),
    ("controversie", PanelTab::InDispute),
    ("to review", PanelTab::ToReview),
    ("to be reviewed", PanelTab::ToReview),
    ("pending review", PanelTab::ToReview),
    ("awaiting review", PanelTab::ToReview),
    ("awaiting feedback", PanelTab::ToReview),
    ("por valorar", PanelTab::ToReview),
    ("pendiente de valoracion", PanelTab::ToReview),
    ("pendientes de valoracion", PanelTab::ToReview),
    ("por evaluar", PanelTab::ToReview),
    ("zu bewerten", PanelTab::ToReview),
    ("bewertung ausstehend", PanelTab::ToReview),
    ("a evaluer", PanelTab::ToReview),
    ("avis en attente", PanelTab::ToReview),
    ("a avaliar", PanelTab::ToReview),
    ("avaliacao pendente", PanelTab::ToReview),
    ("ожидает отзыва", PanelTab::ToReview),
    ("ожидают отзыва", PanelTab::ToReview),
    ("оценить", PanelTab::ToReview),
    ("da recensire", PanelTab::ToReview),
    ("da valutare", PanelTab::ToReview),
    ("待评价", PanelTab::ToReview),
];

/// [`STATUS_PHRASES`] masked by [`NOT_STATUS`], indexed on first use: a page reads one label per row.
fn status_index() -> &'static PhraseIndex<'static, Meaning> {
    static INDEX: OnceLock<PhraseIndex<'static, Meaning>> = OnceLock::new();
    INDEX.get_or_init(|| {
        PhraseIndex::new(
            &STATUS_PHRASES.pairs(),
            &NOT_STATUS.lines().collect::<Vec<_>>(),
        )
    })
}

/// [`TAB_PHRASES`], indexed on first use.
fn tab_index() -> &'static PhraseIndex<'static, PanelTab> {
    static INDEX: OnceLock<PhraseIndex<'static, PanelTab>> = OnceLock::new();
    INDEX.get_or_init(|| PhraseIndex::new(&TAB_PHRASES.pairs(), &[]))
}

/// Reads a status label from the seller center or "My Orders", or a raw API code.
///
/// Case, accents, width and spacing do not matter; words around the label ("Status:", "(3)")
/// are tolerated. Unknown or contradictory text → [`ReadErrorKind::UnknownStatus`] with the text.
pub fn read_status(label: &str) -> Result<StatusLabel, ReadError> {
    if let Some(status) = api_code_in(label) {
        return Ok(StatusLabel {
            status,
            side: None,
            closed: false,
        });
    }
    let norm = normalize(label);
    if norm.is_empty() {
        return Err(ReadError::new(
            ReadErrorKind::Empty,
            label,
            "is empty: expected an order status",
        ));
    }
    if norm.chars().count() > MAX_LABEL_CHARS {
        return Err(ReadError::new(
            ReadErrorKind::UnknownStatus,
            label,
            "is too long to be a status label",
        ));
    }
    match status_index().lookup(&norm) {
        Lookup::One((status, ..)) if super::status_meaning::says_it_is_over(status, &norm) => {
            Err(ReadError::new(
                ReadErrorKind::UnknownStatus,
                label,
                "says the request or dispute is over",
            ))
        }
        Lookup::One((status, side, closed)) => Ok(StatusLabel {
            status,
            side,
            closed,
        }),
        Lookup::Conflict => Err(ReadError::new(
            ReadErrorKind::UnknownStatus,
            label,
            "names more than one order status",
        )),
        Lookup::None => match super::status_meaning::status_by_meaning(&norm) {
            Some(status) => Ok(StatusLabel {
                status,
                side: None,
                closed: false,
            }),
            None => Err(ReadError::new(
                ReadErrorKind::UnknownStatus,
                label,
                "is not an order status this reader knows",
            )),
        },
    }
}

/// Reads the name of a panel tab or notification ("Pending shipment (12)", "待发货", "Disputas").
pub fn read_tab(label: &str) -> Option<PanelTab> {
    let norm = normalize(label);
    if norm.is_empty() || norm.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    match tab_index().lookup(&norm) {
        Lookup::One(tab) => return Some(tab),
        Lookup::Conflict => return None,
        Lookup::None => {}
    }
    let status = match api_code_in(label) {
        Some(status) => status,
        None => match status_index().lookup(&norm) {
            Lookup::One((status, _, _)) => status,
            _ => return None,
        },
    };
    [
        PanelTab::PendingPayment,
        PanelTab::PendingShipment,
        PanelTab::CancellationRequests,
        PanelTab::InDispute,
    ]
    .into_iter()
    .find(|tab| tab.status() == Some(status))
}

/// An Open Platform code written as a word of the text (`WAIT_SELLER_SEND_GOODS`, any case).
fn api_code_in(text: &str) -> Option<OrderStatus> {
    let mut found = None;
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if word.len() < 4 || !word.contains('_') && word.len() < 6 {
            continue;
        }
        if let Some(status) = OrderStatus::from_code(&word.to_ascii_uppercase()) {
            // Only words written as codes: `FINISH` alone counts, "finish" in a sentence does not.
            if word.contains('_') || word.bytes().all(|b| b.is_ascii_uppercase()) {
                if found.is_some_and(|f| f != status) {
                    return None;
                }
                found = Some(status);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_in_normal_form() {
        STATUS_PHRASES.assert_normal();
        TAB_PHRASES.assert_normal();
        for phrase in NOT_STATUS.lines() {
            assert_eq!(normalize(phrase), phrase);
        }
    }

    /// Reading by meaning never takes a known label of another status for one of its three.
    #[test]
    fn no_known_label_reads_as_another_status_by_meaning() {
        for (phrase, (status, _, _)) in STATUS_PHRASES.iter() {
            if let Some(meant) = super::super::status_meaning::status_by_meaning(phrase) {
                assert_eq!(meant, status, "{phrase:?}");
            }
            assert!(
                !super::super::status_meaning::says_it_is_over(status, phrase),
                "{phrase:?} would be refused"
            );
        }
        for phrase in NOT_STATUS.lines() {
            let meant = super::super::status_meaning::status_by_meaning(phrase);
            assert_eq!(meant, None, "{phrase:?}");
        }
        for (phrase, tab) in TAB_PHRASES.iter() {
            if let Some(meant) = super::super::status_meaning::status_by_meaning(phrase) {
                assert_eq!(Some(meant), tab.status(), "{phrase:?}");
            }
        }
    }
}

//! The seller panel's name of each order status, in the eight panel languages (DOMAIN.md's table;
//! the Chinese names are the seller center's own: 等待发货, 等待买家收货, 交易成功 …).

use crate::core::Lang;
use crate::core::OrderStatus;

/// Indexed by [`index`]: one row per status, one column per language (en es de fr pt ru it zh).
const NAMES: [[&str; 8]; 13] = [
    [
        "Pending payment",
        "Pendiente de pago",
        "Zahlung ausstehend",
        "En attente de paiement",
        "Aguardando pagamento",
        "Ожидает оплаты",
        "In attesa di pagamento",
        "等待买家付款",
    ],
    [
        "Risk control",
        "Control de riesgos",
        "Risikoprüfung",
        "Contrôle des risques",
        "Controle de risco",
        "Проверка безопасности",
        "Controllo dei rischi",
        "风控审核中",
    ],
    [
        "Payment processing",
        "Procesando el pago",
        "Zahlung wird bearbeitet",
        "Paiement en cours",
        "Processando pagamento",
        "Обработка платежа",
        "Pagamento in elaborazione",
        "支付处理中",
    ],
    [
        "Awaiting your confirmation of the amount",
        "Pendiente de que confirmes el importe",
        "Wartet auf Ihre Bestätigung des Betrags",
        "En attente de votre confirmation du montant",
        "Aguardando sua confirmação do valor",
        "Ожидает подтверждения суммы",
        "In attesa della tua conferma dell'importo",
        "等待卖家确认金额",
    ],
    [
        "Pending shipment",
        "Pendiente de envío",
        "Versand ausstehend",
        "En attente d'expédition",
        "Aguardando envio",
        "Ожидает отправки",
        "In attesa di spedizione",
        "等待发货",
    ],
    [
        "Partially sent",
        "Enviado parcialmente",
        "Teilweise versandt",
        "Partiellement expédié",
        "Enviado parcialmente",
        "Отправлен частично",
        "Spedito parzialmente",
        "部分发货",
    ],
    [
        "Buyer requested cancellation",
        "El comprador solicitó la cancelación",
        "Käufer hat Stornierung beantragt",
        "L'acheteur a demandé l'annulation",
        "O comprador solicitou o cancelamento",
        "Покупатель запросил отмену",
        "L'acquirente ha richiesto l'annullamento",
        "买家申请取消",
    ],
    [
        "Waiting for buyer to confirm receipt",
        "Esperando que el comprador confirme la recepción",
        "Wartet auf Empfangsbestätigung des Käufers",
        "En attente de confirmation de réception",
        "Aguardando o comprador confirmar o recebimento",
        "Ожидает подтверждения получения",
        "In attesa di conferma di ricezione",
        "等待买家收货",
    ],
    [
        "Funds processing",
        "Procesando fondos",
        "Zahlung wird abgewickelt",
        "Fonds en cours de traitement",
        "Processando fundos",
        "Обработка средств",
        "Fondi in elaborazione",
        "资金处理中",
    ],
    [
        "In dispute",
        "En disputa",
        "Im Streitfall",
        "En litige",
        "Em disputa",
        "Спор открыт",
        "In contestazione",
        "纠纷中",
    ],
    [
        "Locked",
        "Bloqueado",
        "Gesperrt",
        "Bloqué",
        "Bloqueado",
        "Заблокирован",
        "Bloccato",
        "已冻结",
    ],
    [
        "Order complete",
        "Pedido completado",
        "Bestellung abgeschlossen",
        "Commande terminée",
        "Pedido concluído",
        "Заказ завершён",
        "Ordine completato",
        "交易成功",
    ],
    [
        "Archived",
        "Archivado",
        "Archiviert",
        "Archivée",
        "Arquivado",
        "В архиве",
        "Archiviato",
        "已归档",
    ],
];

fn index(status: OrderStatus) -> usize {
    use OrderStatus as S;
    match status {
        S::PlaceOrderSuccess => 0,
        S::RiskControl | S::RiskControlHold => 1,
        S::PaymentProcessing => 2,
        S::WaitSellerExamineMoney => 3,
        S::WaitSellerSendGoods => 4,
        S::SellerPartSendGoods => 5,
        S::InCancel => 6,
        S::WaitBuyerAcceptGoods => 7,
        S::FundProcessing => 8,
        S::InIssue => 9,
        S::InFrozen => 10,
        S::Finish => 11,
        S::Archive => 12,
    }
}

fn column(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Es => 1,
        Lang::De => 2,
        Lang::Fr => 3,
        Lang::Pt => 4,
        Lang::Ru => 5,
        Lang::It => 6,
        Lang::Zh => 7,
    }
}

/// The panel's name of `status` in `lang`.
pub fn status_label(status: OrderStatus, lang: Lang) -> &'static str {
    NAMES[index(status)][column(lang)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::read_status;

    #[test]
    fn every_status_has_a_distinct_name_in_every_language() {
        for lang in Lang::ALL {
            let names: std::collections::BTreeSet<&str> =
                NAMES.iter().map(|row| row[column(lang)]).collect();
            assert_eq!(
                names.len(),
                NAMES.len(),
                "{lang:?}: two statuses share a name"
            );
            assert!(names.iter().all(|n| !n.trim().is_empty()));
        }
    }

    #[test]
    fn every_name_of_an_actionable_status_reads_back_as_that_status() {
        use OrderStatus as S;
        let mut wrong = Vec::new();
        for status in [
            S::WaitSellerSendGoods,
            S::WaitBuyerAcceptGoods,
            S::InCancel,
            S::InIssue,
            S::PlaceOrderSuccess,
        ] {
            for lang in Lang::ALL {
                let label = status_label(status, lang);
                if read_status(label).ok().map(|s| s.status) != Some(status) {
                    wrong.push(format!("{lang:?}: {label}"));
                }
            }
        }
        assert!(wrong.is_empty(), "not read back: {wrong:?}");
    }
}

//! Status labels and panel tabs in the eight languages, buyer side, raw codes and refusals.

use deadline_guard::core::status::{OrderStatus as S, Side};
use deadline_guard::read::{read_status, read_tab, PanelTab, ReadErrorKind};

fn status(label: &str) -> S {
    match read_status(label) {
        Ok(read) => read.status,
        Err(e) => panic!("{label:?} not read: {e}"),
    }
}

#[test]
fn seller_center_labels_in_eight_languages() {
    let cases: &[(&str, S)] = &[
        // English
        ("Pending payment", S::PlaceOrderSuccess),
        ("Risk control", S::RiskControl),
        ("Risk control hold", S::RiskControlHold),
        ("Payment processing", S::PaymentProcessing),
        (
            "Awaiting your confirmation of the amount",
            S::WaitSellerExamineMoney,
        ),
        ("Pending shipment", S::WaitSellerSendGoods),
        ("Awaiting shipment", S::WaitSellerSendGoods),
        ("Partially sent", S::SellerPartSendGoods),
        ("Buyer requested cancellation", S::InCancel),
        (
            "Waiting for buyer to confirm receipt",
            S::WaitBuyerAcceptGoods,
        ),
        ("Funds processing", S::FundProcessing),
        ("In dispute", S::InIssue),
        ("Frozen", S::InFrozen),
        ("Order completed", S::Finish),
        ("Archived", S::Archive),
        // Spanish
        ("Pendiente de pago", S::PlaceOrderSuccess),
        ("Control de riesgos", S::RiskControl),
        ("Procesando pago", S::PaymentProcessing),
        ("Pendiente de envío", S::WaitSellerSendGoods),
        ("Enviado parcialmente", S::SellerPartSendGoods),
        ("El comprador solicitó la cancelación", S::InCancel),
        (
            "Esperando que el comprador confirme la recepción",
            S::WaitBuyerAcceptGoods,
        ),
        ("Procesando fondos", S::FundProcessing),
        ("En disputa", S::InIssue),
        ("Congelado", S::InFrozen),
        ("Completado", S::Finish),
        ("Archivado", S::Archive),
        // German
        ("Zahlung ausstehend", S::PlaceOrderSuccess),
        ("Risikoprüfung", S::RiskControl),
        ("Zahlung wird bearbeitet", S::PaymentProcessing),
        ("Versand ausstehend", S::WaitSellerSendGoods),
        ("Teilweise versandt", S::SellerPartSendGoods),
        ("Stornierung beantragt", S::InCancel),
        ("Warten auf Empfangsbestätigung", S::WaitBuyerAcceptGoods),
        ("Im Streitfall", S::InIssue),
        ("Gesperrt", S::InFrozen),
        ("Abgeschlossen", S::Finish),
        ("Geschlossen", S::Finish),
        // French
        ("En attente de paiement", S::PlaceOrderSuccess),
        ("Contrôle des risques", S::RiskControl),
        ("En attente d’expédition", S::WaitSellerSendGoods),
        ("Partiellement expédié", S::SellerPartSendGoods),
        ("L'acheteur a demandé l'annulation", S::InCancel),
        (
            "En attente de confirmation de réception",
            S::WaitBuyerAcceptGoods,
        ),
        ("En litige", S::InIssue),
        ("Gelé", S::InFrozen),
        ("Terminée", S::Finish),
        ("Fermée", S::Finish),
        // Portuguese
        ("Aguardando pagamento", S::PlaceOrderSuccess),
        ("Controle de risco", S::RiskControl),
        ("Aguardando envio", S::WaitSellerSendGoods),
        ("Parcialmente enviado", S::SellerPartSendGoods),
        ("Cancelamento solicitado", S::InCancel),
        (
            "Aguardando confirmação de recebimento",
            S::WaitBuyerAcceptGoods,
        ),
        ("Em disputa", S::InIssue),
        ("Concluído", S::Finish),
        ("Arquivado", S::Archive),
        // Russian
        ("Ожидает оплаты", S::PlaceOrderSuccess),
        ("Контроль рисков", S::RiskControl),
        ("Ожидает отправки", S::WaitSellerSendGoods),
        ("Частично отправлен", S::SellerPartSendGoods),
        ("Покупатель запросил отмену", S::InCancel),
        ("Ожидает подтверждения получения", S::WaitBuyerAcceptGoods),
        ("Спор", S::InIssue),
        ("Заморожен", S::InFrozen),
        ("Завершён", S::Finish),
        ("Закрыт", S::Finish),
        // Italian
        ("In attesa di pagamento", S::PlaceOrderSuccess),
        ("Controllo del rischio", S::RiskControl),
        ("In attesa di spedizione", S::WaitSellerSendGoods),
        ("Parzialmente spedito", S::SellerPartSendGoods),
        ("Annullamento richiesto", S::InCancel),
        (
            "In attesa di conferma di ricezione",
            S::WaitBuyerAcceptGoods,
        ),
        ("In contestazione", S::InIssue),
        ("Bloccato", S::InFrozen),
        ("Completato", S::Finish),
        ("Chiuso", S::Finish),
        // Chinese
        ("等待买家付款", S::PlaceOrderSuccess),
        ("风控中", S::RiskControl),
        ("等待发货", S::WaitSellerSendGoods),
        ("等待仓库发货", S::WaitSellerSendGoods),
        ("部分发货", S::SellerPartSendGoods),
        ("买家申请取消", S::InCancel),
        ("等待买家收货", S::WaitBuyerAcceptGoods),
        ("资金处理中", S::FundProcessing),
        ("纠纷中", S::InIssue),
        ("冻结中", S::InFrozen),
        ("交易成功", S::Finish),
        ("已关闭", S::Finish),
    ];
    for &(label, want) in cases {
        assert_eq!(status(label), want, "{label:?}");
    }
}

#[test]
fn every_status_has_a_label_in_every_language_table() {
    // One label per status per language, so a missing translation fails here.
    let per_language: &[[&str; 8]] = &[
        [
            "Pending payment",
            "Pendiente de pago",
            "Zahlung ausstehend",
            "En attente de paiement",
            "Pagamento pendente",
            "Ожидает оплаты",
            "In attesa di pagamento",
            "待付款",
        ],
        [
            "Risk control",
            "Control de riesgos",
            "Risikokontrolle",
            "Contrôle des risques",
            "Controle de risco",
            "Контроль рисков",
            "Controllo del rischio",
            "风控",
        ],
        [
            "Risk control on hold",
            "Control de riesgos en espera",
            "Risikokontrolle angehalten",
            "Contrôle des risques en suspens",
            "Controle de risco em espera",
            "Контроль рисков приостановлен",
            "Controllo del rischio in sospeso",
            "风控暂停",
        ],
        [
            "Payment processing",
            "Pago en proceso",
            "Zahlung in Bearbeitung",
            "Paiement en cours de traitement",
            "Pagamento em processamento",
            "Обработка платежа",
            "Pagamento in elaborazione",
            "付款处理中",
        ],
        [
            "Confirm the amount",
            "Confirmación del importe",
            "Betrag bestätigen",
            "Confirmation du montant",
            "Confirmação do valor",
            "Подтверждение суммы",
            "Conferma dell’importo",
            "确认金额",
        ],
        [
            "Awaiting shipment",
            "Pendiente de envío",
            "Warten auf Versand",
            "En attente d'expédition",
            "Aguardando envio",
            "Ожидает отправки",
            "In attesa di spedizione",
            "等待发货",
        ],
        [
            "Partially shipped",
            "Envío parcial",
            "Teilversand",
            "Expédition partielle",
            "Envio parcial",
            "Частичная отправка",
            "Spedizione parziale",
            "部分发货",
        ],
        [
            "Cancellation requested",
            "Solicitud de cancelación",
            "Stornierungsanfrage",
            "Demande d'annulation",
            "Pedido de cancelamento",
            "Запрос на отмену",
            "Richiesta di annullamento",
            "申请取消",
        ],
        [
            "Awaiting buyer confirmation",
            "Esperando confirmación del comprador",
            "Warten auf Bestätigung des Käufers",
            "En attente de la confirmation de l'acheteur",
            "Aguardando o comprador confirmar o recebimento",
            "Ожидание подтверждения получения",
            "In attesa che l’acquirente confermi la ricezione",
            "等待买家确认收货",
        ],
        [
            "Fund processing",
            "Fondos en proceso",
            "Gelder in Bearbeitung",
            "Traitement des fonds",
            "Fundos em processamento",
            "Средства обрабатываются",
            "Elaborazione dei fondi",
            "放款中",
        ],
        [
            "Dispute",
            "Disputa",
            "Streitfall",
            "Litige",
            "Em disputa",
            "В споре",
            "Controversia",
            "纠纷",
        ],
        [
            "Locked",
            "Bloqueado",
            "Eingefroren",
            "Bloqué",
            "Congelado",
            "Заблокирован",
            "Congelato",
            "已冻结",
        ],
        [
            "Completed",
            "Finalizado",
            "Abgeschlossen",
            "Terminé",
            "Concluída",
            "Выполнен",
            "Completata",
            "已完成",
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
    for (row, want) in per_language.iter().zip([
        S::PlaceOrderSuccess,
        S::RiskControl,
        S::RiskControlHold,
        S::PaymentProcessing,
        S::WaitSellerExamineMoney,
        S::WaitSellerSendGoods,
        S::SellerPartSendGoods,
        S::InCancel,
        S::WaitBuyerAcceptGoods,
        S::FundProcessing,
        S::InIssue,
        S::InFrozen,
        S::Finish,
        S::Archive,
    ]) {
        for label in row {
            assert_eq!(status(label), want, "{label:?}");
        }
    }
    assert_eq!(per_language.len(), S::ALL.len());
}

#[test]
fn buyer_side_my_orders_labels() {
    let cases: &[(&str, S, Option<Side>, bool)] = &[
        ("Awaiting payment", S::PlaceOrderSuccess, None, false),
        ("To ship", S::WaitSellerSendGoods, Some(Side::Buyer), false),
        ("Awaiting shipment", S::WaitSellerSendGoods, None, false),
        (
            "Awaiting delivery",
            S::WaitBuyerAcceptGoods,
            Some(Side::Buyer),
            false,
        ),
        ("Shipped", S::WaitBuyerAcceptGoods, Some(Side::Buyer), false),
        ("Completed", S::Finish, None, false),
        ("Closed", S::Finish, None, true),
        ("Cancelled", S::Finish, Some(Side::Buyer), true),
        ("Canceled", S::Finish, Some(Side::Buyer), true),
        ("Pendiente de pago", S::PlaceOrderSuccess, None, false),
        (
            "Por enviar",
            S::WaitSellerSendGoods,
            Some(Side::Buyer),
            false,
        ),
        ("Enviado", S::WaitBuyerAcceptGoods, Some(Side::Buyer), false),
        ("Completado", S::Finish, None, false),
        ("Cerrado", S::Finish, None, true),
        ("Cancelado", S::Finish, Some(Side::Buyer), true),
        (
            "Delivered",
            S::WaitBuyerAcceptGoods,
            Some(Side::Buyer),
            false,
        ),
        (
            "Entregado",
            S::WaitBuyerAcceptGoods,
            Some(Side::Buyer),
            false,
        ),
        ("Por pagar", S::PlaceOrderSuccess, Some(Side::Buyer), false),
    ];
    for &(label, status, side, closed) in cases {
        let read = read_status(label).unwrap_or_else(|e| panic!("{label:?}: {e}"));
        assert_eq!(
            (read.status, read.side, read.closed),
            (status, side, closed),
            "{label:?}"
        );
    }
}

#[test]
fn case_accents_spacing_and_surrounding_words_do_not_matter() {
    let cases: &[(&str, S)] = &[
        ("PENDIENTE DE ENVIO", S::WaitSellerSendGoods),
        (
            "  pendiente\u{00A0}\u{00A0}de   envío ",
            S::WaitSellerSendGoods,
        ),
        ("Status: Awaiting shipment", S::WaitSellerSendGoods),
        ("Awaiting shipment (3)", S::WaitSellerSendGoods),
        ("Estado: Pendiente de envío (12)", S::WaitSellerSendGoods),
        ("订单状态：等待发货", S::WaitSellerSendGoods),
        ("等\u{200B}待发货", S::WaitSellerSendGoods),
        ("ｄｉｓｐｕｔｅ", S::InIssue),
        ("Partially shipped", S::SellerPartSendGoods),
        ("Not shipped", S::WaitSellerSendGoods),
    ];
    for &(label, want) in cases {
        assert_eq!(status(label), want, "{label:?}");
    }
}

#[test]
fn seller_panel_wording_of_the_domain_seed() {
    // The statuses as seed 002 lists them.
    let cases: &[(&str, S)] = &[
        ("Pending payment", S::PlaceOrderSuccess),
        ("Pending shipment", S::WaitSellerSendGoods),
        ("Pending shipping", S::WaitSellerSendGoods),
        ("Partially sent", S::SellerPartSendGoods),
        (
            "Waiting for confirmation from the buyer",
            S::WaitBuyerAcceptGoods,
        ),
        ("Order complete", S::Finish),
        ("Locked", S::InFrozen),
        ("Payment processing", S::PaymentProcessing),
        ("The buyer has requested cancellation", S::InCancel),
        ("Completed", S::Finish),
        ("Order closed", S::Finish),
    ];
    for &(label, want) in cases {
        assert_eq!(status(label), want, "{label:?}");
    }
}

#[test]
fn negated_status_words_hide_the_word_inside() {
    let cases: &[(&str, S)] = &[
        ("Completed, dispute closed", S::Finish),
        ("Awaiting shipment · no dispute", S::WaitSellerSendGoods),
        ("交易成功 纠纷已结束", S::Finish),
        ("Completado (disputa cerrada)", S::Finish),
    ];
    for &(label, want) in cases {
        assert_eq!(status(label), want, "{label:?}");
    }
}

#[test]
fn raw_api_codes_are_accepted() {
    for s in S::ALL {
        assert_eq!(status(s.code()), s);
        if s.code().contains('_') {
            assert_eq!(status(&s.code().to_ascii_lowercase()), s);
        }
    }
    // A one-word code counts only when written as a code, not as an ordinary word.
    assert_eq!(status("FINISH"), S::Finish);
    assert!(read_status("finish").is_err());
    assert_eq!(
        status("order_status: WAIT_SELLER_SEND_GOODS"),
        S::WaitSellerSendGoods
    );
}

#[test]
fn unknown_or_contradictory_labels_are_refused_with_their_text() {
    for label in [
        "Lorem ipsum",
        "Shipment",
        "12345",
        "unshipped",
        "Dispute closed",
        "No dispute",
        "Sin disputa",
        "无纠纷",
        "Спор закрыт",
        "Waiting",
        "发货",
        "Processing",
        "Awaiting confirmation",
        "Refund in progress",
    ] {
        let err = read_status(label).expect_err(label);
        assert_eq!(err.kind, ReadErrorKind::UnknownStatus, "{label:?}");
        assert_eq!(err.text, label);
    }
    let page = "Awaiting shipment ".repeat(200);
    assert_eq!(
        read_status(&page).unwrap_err().kind,
        ReadErrorKind::UnknownStatus
    );
    for empty in ["", "   ", "\u{200B}"] {
        assert_eq!(read_status(empty).unwrap_err().kind, ReadErrorKind::Empty);
    }
}

#[test]
fn panel_tabs_in_eight_languages() {
    use PanelTab as T;
    let cases: &[(&str, T)] = &[
        ("New orders", T::NewOrders),
        ("Nuevos pedidos", T::NewOrders),
        ("Neue Bestellungen", T::NewOrders),
        ("Nouvelles commandes", T::NewOrders),
        ("Novos pedidos", T::NewOrders),
        ("Новые заказы", T::NewOrders),
        ("Nuovi ordini", T::NewOrders),
        ("新订单", T::NewOrders),
        ("Pending payment (4)", T::PendingPayment),
        ("Pending payments", T::PendingPayment),
        ("Pending shipments", T::PendingShipment),
        ("Pagos pendientes", T::PendingPayment),
        ("Envíos pendientes", T::PendingShipment),
        ("Pendiente de pago", T::PendingPayment),
        ("Zahlung ausstehend", T::PendingPayment),
        ("En attente de paiement", T::PendingPayment),
        ("Aguardando pagamento", T::PendingPayment),
        ("Ожидает оплаты", T::PendingPayment),
        ("In attesa di pagamento", T::PendingPayment),
        ("待付款", T::PendingPayment),
        ("Pending shipment 12", T::PendingShipment),
        ("Pendiente de envío", T::PendingShipment),
        ("Versand ausstehend", T::PendingShipment),
        ("En attente d'expédition", T::PendingShipment),
        ("Aguardando envio", T::PendingShipment),
        ("Ожидает отправки", T::PendingShipment),
        ("Da spedire", T::PendingShipment),
        ("待发货", T::PendingShipment),
        ("Cancellation requests", T::CancellationRequests),
        ("Solicitudes de cancelación", T::CancellationRequests),
        ("Stornierungsanfragen", T::CancellationRequests),
        ("Demandes d'annulation", T::CancellationRequests),
        ("Pedidos de cancelamento", T::CancellationRequests),
        ("Запросы на отмену", T::CancellationRequests),
        ("Richieste di annullamento", T::CancellationRequests),
        ("取消订单申请", T::CancellationRequests),
        ("In dispute", T::InDispute),
        ("Disputas", T::InDispute),
        ("Streitfälle", T::InDispute),
        ("Litiges", T::InDispute),
        ("Em disputa", T::InDispute),
        ("Споры", T::InDispute),
        ("Controversie", T::InDispute),
        ("纠纷中", T::InDispute),
        ("To review", T::ToReview),
        ("Por valorar", T::ToReview),
        ("Zu bewerten", T::ToReview),
        ("À évaluer", T::ToReview),
        ("A avaliar", T::ToReview),
        ("Ожидают отзыва", T::ToReview),
        ("Da valutare", T::ToReview),
        ("待评价", T::ToReview),
    ];
    for &(label, want) in cases {
        assert_eq!(read_tab(label), Some(want), "{label:?}");
    }
    for label in ["", "All orders", "Completed", "Settings"] {
        assert_eq!(read_tab(label), None, "{label:?}");
    }
    assert_eq!(T::PendingShipment.status(), Some(S::WaitSellerSendGoods));
    assert_eq!(T::NewOrders.status(), None);
}

/// Wordings no phrase table holds, read by their meaning (cancel + request, dispute,
/// awaiting + ship), in the eight languages.
#[test]
fn labels_read_by_meaning_in_eight_languages() {
    let cases: &[(&str, S)] = &[
        ("The buyer asked to cancel the order", S::InCancel),
        ("Cancellation was requested by the buyer", S::InCancel),
        ("El comprador solicitó anular el pedido", S::InCancel),
        ("El comprador pide cancelar", S::InCancel),
        ("O comprador pediu o cancelamento", S::InCancel),
        ("L'acquirente chiede l'annullamento", S::InCancel),
        ("Stornierung vom Käufer beantragt", S::InCancel),
        ("Annulation sollicitée par l'acheteur", S::InCancel),
        ("Cancelamento foi solicitado", S::InCancel),
        ("Отмена запрошена покупателем", S::InCancel),
        ("Annullamento ordine richiesto", S::InCancel),
        ("买家已申请取消订单", S::InCancel),
        ("Dispute under review", S::InIssue),
        ("Disputa pendiente de respuesta", S::InIssue),
        ("Streitfall läuft", S::InIssue),
        ("Litige à traiter", S::InIssue),
        ("Disputa aguardando resposta", S::InIssue),
        ("Спор на рассмотрении", S::InIssue),
        ("Contestazione da gestire", S::InIssue),
        ("纠纷待处理", S::InIssue),
        ("Awaiting the seller's shipment", S::WaitSellerSendGoods),
        ("En espera de que envíes", S::WaitSellerSendGoods),
        ("Warten auf Ihren Versand", S::WaitSellerSendGoods),
        ("En attente que vous expédiiez", S::WaitSellerSendGoods),
        ("Aguardando o seu envio", S::WaitSellerSendGoods),
        ("Ожидается отправка продавцом", S::WaitSellerSendGoods),
        ("In attesa della vostra spedizione", S::WaitSellerSendGoods),
        ("等待商家发货", S::WaitSellerSendGoods),
    ];
    for (label, want) in cases {
        assert_eq!(status(label), *want, "{label:?}");
    }
}

/// Labels about another state that share a word with the three read by meaning are never taken
/// for that one (they read as their own status, or not at all).
#[test]
fn no_other_state_is_mistaken_for_one_read_by_meaning() {
    let others: &[(&str, S)] = &[
        ("Cancellation request rejected", S::InCancel),
        ("Cancellation request withdrawn by buyer", S::InCancel),
        ("Solicitud de cancelación rechazada", S::InCancel),
        ("Stornierungsantrag abgelehnt", S::InCancel),
        ("Demande d'annulation refusée", S::InCancel),
        ("Pedido de cancelamento recusado", S::InCancel),
        ("Запрос на отмену отклонён", S::InCancel),
        ("Richiesta di annullamento rifiutata", S::InCancel),
        ("取消申请已拒绝", S::InCancel),
        ("Cancelled by the buyer before shipping", S::InCancel),
        ("Dispute closed", S::InIssue),
        ("Dispute resolved in favour of seller", S::InIssue),
        ("Disputa cerrada", S::InIssue),
        ("Streitfall beendet", S::InIssue),
        ("Litige clos", S::InIssue),
        ("Disputa encerrada", S::InIssue),
        ("Спор закрыт", S::InIssue),
        ("Controversia chiusa", S::InIssue),
        ("纠纷已结束", S::InIssue),
        (
            "Awaiting buyer receipt after shipping",
            S::WaitSellerSendGoods,
        ),
        ("Awaiting payment before shipping", S::WaitSellerSendGoods),
        ("Esperando el pago para enviar", S::WaitSellerSendGoods),
        ("Warten auf Zahlung vor Versand", S::WaitSellerSendGoods),
        (
            "En attente de livraison après expédition",
            S::WaitSellerSendGoods,
        ),
        (
            "Aguardando confirmação de recebimento do envio",
            S::WaitSellerSendGoods,
        ),
        ("Ожидает оплаты до отправки", S::WaitSellerSendGoods),
        (
            "In attesa di consegna dopo la spedizione",
            S::WaitSellerSendGoods,
        ),
        ("等待买家收货", S::WaitSellerSendGoods),
        (
            "Partially shipped, awaiting the rest",
            S::WaitSellerSendGoods,
        ),
        (
            "Risk control: awaiting shipment check",
            S::WaitSellerSendGoods,
        ),
    ];
    for (label, never) in others {
        let got = read_status(label).ok().map(|l| l.status);
        assert_ne!(got, Some(*never), "{label:?} read as {got:?}");
    }
}

//! Column headers in the eight languages and API field names → fields.

use deadline_guard::read::{field_for_header, Field as F};

#[test]
fn human_headers_in_eight_languages() {
    let cases: &[(&str, F)] = &[
        ("Order ID", F::OrderId),
        ("Order No.", F::OrderId),
        ("Nº de pedido", F::OrderId),
        ("N.º de pedido", F::OrderId),
        ("Número de pedido", F::OrderId),
        ("Bestellnummer", F::OrderId),
        ("Bestell-Nr.", F::OrderId),
        ("N° de commande", F::OrderId),
        ("Numéro de commande", F::OrderId),
        ("Número do pedido", F::OrderId),
        ("Номер заказа", F::OrderId),
        ("Numero ordine", F::OrderId),
        ("订单号", F::OrderId),
        ("Status", F::Status),
        ("Order status", F::Status),
        ("Estado", F::Status),
        ("Bestellstatus", F::Status),
        ("Statut", F::Status),
        ("Estado do pedido", F::Status),
        ("Статус", F::Status),
        ("Stato", F::Status),
        ("订单状态", F::Status),
        ("Order time", F::Created),
        ("Fecha del pedido", F::Created),
        ("Bestelldatum", F::Created),
        ("Date de commande", F::Created),
        ("Data do pedido", F::Created),
        ("Дата заказа", F::Created),
        ("Data ordine", F::Created),
        ("下单时间", F::Created),
        ("Payment time", F::Paid),
        ("Fecha de pago", F::Paid),
        ("Zahlungsdatum", F::Paid),
        ("Date de paiement", F::Paid),
        ("Data de pagamento", F::Paid),
        ("Время оплаты", F::Paid),
        ("Data di pagamento", F::Paid),
        ("付款时间", F::Paid),
        ("Shipping time", F::Shipped),
        ("发货时间", F::Shipped),
        ("Time left", F::TimeLeft),
        ("Tiempo restante", F::TimeLeft),
        ("Verbleibende Zeit", F::TimeLeft),
        ("Temps restant", F::TimeLeft),
        ("Tempo restante", F::TimeLeft),
        ("Оставшееся время", F::TimeLeft),
        ("Tempo rimanente", F::TimeLeft),
        ("剩余时间", F::TimeLeft),
        ("Ship by", F::Deadline),
        ("Fecha límite", F::Deadline),
        ("发货截止时间", F::Deadline),
        ("Cancellation request time", F::CancelRequested),
        ("Fecha de solicitud de cancelación", F::CancelRequested),
        ("Data do pedido de cancelamento", F::CancelRequested),
        ("Dispute opened", F::DisputeOpened),
        ("Дата открытия спора", F::DisputeOpened),
        ("Dispute status", F::IssueStatus),
        ("Shipping status", F::LogisticsStatus),
        ("Estado del envío", F::LogisticsStatus),
        ("物流状态", F::LogisticsStatus),
        ("Payment status", F::FundStatus),
        ("Zahlungsstatus", F::FundStatus),
        ("Buyer", F::Buyer),
        ("Käufer", F::Buyer),
        ("买家", F::Buyer),
        ("Product", F::Product),
        ("Товар", F::Product),
        ("Quantity", F::Quantity),
        ("Quantité", F::Quantity),
        ("Order amount", F::Amount),
        ("Product Total", F::Amount),
        ("Shipping Deadline", F::Deadline),
        ("Importe", F::Amount),
        ("Tracking number", F::Tracking),
        ("Número de seguimiento", F::Tracking),
        ("Sendungsnummer", F::Tracking),
        ("运单号", F::Tracking),
        ("Shipping method", F::Carrier),
        ("Handling time", F::HandlingDays),
        ("  ORDER\u{00A0}ID  ", F::OrderId),
        ("Order ID ▲", F::OrderId),
    ];
    for &(text, want) in cases {
        assert_eq!(field_for_header(text), Some(want), "{text:?}");
    }
}

#[test]
fn api_field_names_snake_and_camel() {
    let cases: &[(&str, &str, F)] = &[
        ("order_id", "orderId", F::OrderId),
        ("order_status", "orderStatus", F::Status),
        ("gmt_create", "gmtCreate", F::Created),
        ("gmt_pay_time", "gmtPayTime", F::Paid),
        ("gmt_pay_success", "gmtPaySuccess", F::Paid),
        ("gmt_update", "gmtUpdate", F::Updated),
        ("timeout_left_time", "timeoutLeftTime", F::TimeLeftMs),
        ("over_time_left", "overTimeLeft", F::Deadline),
        ("left_send_good_day", "leftSendGoodDay", F::LeftSendDays),
        ("left_send_good_hour", "leftSendGoodHour", F::LeftSendHours),
        ("left_send_good_min", "leftSendGoodMin", F::LeftSendMinutes),
        ("issue_status", "issueStatus", F::IssueStatus),
        ("frozen_status", "frozenStatus", F::FrozenStatus),
        ("fund_status", "fundStatus", F::FundStatus),
        ("logistics_status", "logisticsStatus", F::LogisticsStatus),
        ("end_reason", "endReason", F::EndReason),
        ("goods_prepare_time", "goodsPrepareTime", F::HandlingDays),
        ("freight_commit_day", "freightCommitDay", F::DeliveryDays),
        ("logistics_service_name", "logisticsServiceName", F::Carrier),
    ];
    for &(snake, camel, want) in cases {
        assert_eq!(field_for_header(snake), Some(want), "{snake}");
        assert_eq!(field_for_header(camel), Some(want), "{camel}");
        assert_eq!(
            field_for_header(&snake.to_ascii_uppercase()),
            Some(want),
            "{snake} upper"
        );
    }
    assert_eq!(field_for_header("id"), Some(F::OrderId));
}

#[test]
fn unknown_and_two_field_headers_are_not_guessed() {
    for text in [
        "",
        "   ",
        "Notes",
        "Actions",
        "Order ID / Buyer",
        "xyz_abc",
        "Ordre",
    ] {
        assert_eq!(field_for_header(text), None, "{text:?}");
    }
}

#[test]
fn event_time_labels_that_name_no_event_in_eight_languages() {
    for label in [
        "Request date",
        "Requested on",
        "Opened on",
        "Fecha de la solicitud",
        "Fecha de apertura",
        "Antragsdatum",
        "Eröffnet am",
        "Date de la demande",
        "Ouvert le",
        "Data da solicitação",
        "Aberta em",
        "Дата запроса",
        "Дата открытия",
        "Data richiesta",
        "Data di apertura",
        "申请时间",
        "发起时间",
    ] {
        assert_eq!(field_for_header(label), Some(F::EventTime), "{label:?}");
    }
    // Labels that name their event keep it; order and payment dates are not event times.
    for (label, field) in [
        ("Cancellation request time", F::CancelRequested),
        ("Data richiesta di annullamento", F::CancelRequested),
        ("Data do pedido de cancelamento", F::CancelRequested),
        ("取消申请时间", F::CancelRequested),
        ("Dispute opened", F::DisputeOpened),
        ("Дата открытия спора", F::DisputeOpened),
        ("Data do pedido", F::Created),
        ("Payment time", F::Paid),
    ] {
        assert_eq!(field_for_header(label), Some(field), "{label:?}");
    }
}

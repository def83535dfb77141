//! The API's dispute and freeze flags, which override `order_status` for the clock that runs.

use crate::core::OrderStatus;

/// The status whose clock matters: an open dispute (`issue_status` `IN_ISSUE`) puts the
/// seller's answer first, even when the platform froze the funds because of it; short of a
/// dispute, a freeze (`frozen_status` `IN_FROZEN`) stops the clocks. A completed order stays
/// completed whatever its flags say.
pub(crate) fn with_flags(
    status: Option<OrderStatus>,
    issue_status: Option<&str>,
    frozen_status: Option<&str>,
) -> Option<OrderStatus> {
    if matches!(status, Some(OrderStatus::Finish | OrderStatus::Archive)) {
        return status;
    }
    let is =
        |flag: Option<&str>, code: &str| flag.is_some_and(|f| f.trim().eq_ignore_ascii_case(code));
    if is(issue_status, "IN_ISSUE") {
        Some(OrderStatus::InIssue)
    } else if is(frozen_status, "IN_FROZEN") {
        Some(OrderStatus::InFrozen)
    } else {
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    #[test]
    fn dispute_beats_freeze_and_completion_beats_both() {
        let ship = Some(WaitSellerSendGoods);
        assert_eq!(with_flags(ship, Some("NO_ISSUE"), Some("NO_FROZEN")), ship);
        assert_eq!(with_flags(ship, None, Some("in_frozen")), Some(InFrozen));
        assert_eq!(
            with_flags(
                Some(WaitBuyerAcceptGoods),
                Some("IN_ISSUE"),
                Some("IN_FROZEN")
            ),
            Some(InIssue)
        );
        assert_eq!(
            with_flags(Some(Finish), Some("IN_ISSUE"), None),
            Some(Finish)
        );
        assert_eq!(with_flags(None, Some("IN_ISSUE"), None), Some(InIssue));
        assert_eq!(with_flags(ship, Some("END_ISSUE"), None), ship);
    }
}

//! The words the widget shows: the shared `present` module (badges, hints and risk names in the
//! eight panel languages, the same as the extension's), status names included.

pub(crate) use crate::present::{badge, hint, risk_label, status_label};

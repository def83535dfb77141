//! The domain, in plain Rust: orders, statuses, policies, working-day calendars, deadlines and risk.
//!
//! Nothing here reads a clock or touches the browser: `now` is always passed in.

pub mod analysis;
pub mod calendar;
pub mod calibration;
pub mod deadline;
pub mod engine;
pub mod export;
pub mod hint_set;
pub mod holidays;
pub mod iso_time;
pub mod lang;
pub mod lowercase;
pub mod order;
pub mod order_id;
pub mod policy;
pub mod reconcile;
pub mod record_summary;
pub mod risk;
pub mod sort;
pub mod status;
mod urgency_order;
pub mod validate;
pub mod zones;

pub use analysis::{Analysis, AnalyzedOrder, DeadlineKind, Hint, ReasonCode, Risk, RiskCounts};
pub use calendar::Calendar;
pub use calibration::{calibrate, Calibration, Sample, Setting, Suggestion};
pub use engine::{analyze, analyze_valid};
pub use hint_set::HintSet;
pub use holidays::{Country, BUILT_IN_COUNTRIES};
pub use lang::Lang;
pub use order::{DeadlineSource, GivenDeadline, Order};
pub use order_id::OrderId;
pub use policy::{DayCount, ExtensionWindow, Policy, PolicyError};
pub use record_summary::{distinct_counts, summarize_records, RecordSummary, SummaryRecord};
pub use status::{OrderStatus, Side};
pub(crate) use validate::shown;
pub use validate::{bounds_of, ValidPolicy, MAX_EXTENSIONS, MAX_HOLIDAYS};
pub use zones::{parse_time_zone, supported_time_zones};

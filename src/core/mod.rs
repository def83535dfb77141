//! The domain, in plain Rust: orders, statuses, policies, working-day calendars, deadlines and risk.
//!
//! Nothing here reads a clock or touches the browser: `now` is always passed in.

pub mod analysis;
pub mod export;
pub mod order;
pub mod policy;
pub mod reconcile;
pub mod status;

pub use analysis::{Analysis, AnalyzedOrder, DeadlineKind, Hint, Risk, RiskCounts};
pub use order::{DeadlineSource, GivenDeadline, Order};
pub use policy::{DayCount, ExtensionWindow, Policy, PolicyError};
pub use status::{OrderStatus, Side};

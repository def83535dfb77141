//! Turning text into domain values: localized dates, countdowns, status labels, headers, API JSON, CSV.
//!
//! Pure like the core: no browser, no clock.

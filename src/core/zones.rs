//! The time zones a seller can pick: the ones compiled into chrono-tz (see `.cargo/config.toml`).

use chrono_tz::{Tz, TZ_VARIANTS};

/// Every supported zone name (IANA spelling), in the order chrono-tz lists them.
///
/// The build keeps only the zones of `CHRONO_TZ_TIMEZONE_FILTER`, so this list is the truth
/// about what `platformTimeZone` and `sellerTimeZone` accept, not a copy of the filter.
pub fn supported_time_zones() -> impl Iterator<Item = &'static str> {
    TZ_VARIANTS.iter().map(|tz| tz.name())
}

/// The zone of that exact IANA name, when it is compiled in.
pub fn parse_time_zone(name: &str) -> Option<Tz> {
    name.trim().parse::<Tz>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_platform_zone_and_the_main_seller_zones_are_compiled_in() {
        for name in [
            "America/Los_Angeles",
            "Asia/Shanghai",
            "Europe/Madrid",
            "UTC",
        ] {
            assert!(parse_time_zone(name).is_some(), "{name} missing");
            assert!(
                supported_time_zones().any(|n| n == name),
                "{name} not listed"
            );
        }
    }

    #[test]
    fn zones_outside_the_filter_are_rejected() {
        assert!(parse_time_zone("Australia/Sydney").is_none());
        assert!(parse_time_zone("Pacific Time").is_none());
    }
}

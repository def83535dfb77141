//! Checking a policy once, into a `ValidPolicy` whose zones and calendar are parsed and built.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::calendar::Calendar;
use super::holidays::{Country, BUILT_IN_COUNTRIES};
use super::policy::{Policy, PolicyError};
use super::zones::{parse_time_zone, supported_time_zones};

/// A policy that passed `Policy::validate`: the numbers, the parsed zones and the built calendar,
/// so analysing many orders parses nothing again.
#[derive(Debug, Clone)]
pub struct ValidPolicy {
    policy: Policy,
    platform_zone: Tz,
    seller_zone: Tz,
    country: Option<Country>,
    calendar: Calendar,
}

impl ValidPolicy {
    /// The settings as validated.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The zone page and API times are written in (America/Los_Angeles by default).
    pub fn platform_time_zone(&self) -> Tz {
        self.platform_zone
    }

    /// The zone whose days are the seller's working days.
    pub fn seller_time_zone(&self) -> Tz {
        self.seller_zone
    }

    /// The built-in holiday list in use, if any.
    pub fn holiday_country(&self) -> Option<Country> {
        self.country
    }

    /// The seller's working-day calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }
}

/// Inclusive bounds of each numeric setting, with the unit a person reads in the message.
const BOUNDS: &[(&str, u32, u32, &str)] = &[
    ("handlingDays", 1, 90, "days"),
    ("shipTargetHours", 1, 2160, "hours"),
    ("cancelResponseHours", 1, 720, "hours"),
    ("disputeResponseDays", 1, 90, "days"),
    ("riskControlHours", 1, 720, "hours"),
    ("supplierShipDays", 1, 90, "days"),
    ("trackingProofDays", 1, 90, "days"),
    ("refundDays", 1, 90, "days"),
    ("receiptDays", 1, 365, "days"),
    ("criticalHours", 1, 2160, "hours"),
    ("warningHours", 1, 2160, "hours"),
];

/// More of the seller's own non-working dates than any shop needs (about three years of every day).
pub const MAX_HOLIDAYS: usize = 1_000;

/// More dated windows of extra handling days than the platform has ever announced.
pub const MAX_EXTENSIONS: usize = 100;

/// `text` in quotes for a message, cut to its first 40 characters: a setting may be megabytes
/// long, and the message only has to show which one it was.
pub(crate) fn shown(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    let cut = if short.len() < text.len() { "…" } else { "" };
    format!("\"{short}{cut}\"")
}

/// The bounds of a numeric setting by its camelCase name (readers reuse them for per-order values).
pub fn bounds_of(field: &str) -> Option<(u32, u32)> {
    BOUNDS
        .iter()
        .find(|(name, ..)| *name == field)
        .map(|&(_, min, max, _)| (min, max))
}

fn error(field: impl Into<String>, message: impl Into<String>) -> PolicyError {
    PolicyError {
        field: field.into(),
        message: message.into(),
    }
}

fn zone(field: &str, name: &str, errors: &mut Vec<PolicyError>) -> Option<Tz> {
    let zone = parse_time_zone(name);
    if zone.is_none() {
        let supported: Vec<&str> = supported_time_zones().collect();
        errors.push(error(
            field,
            format!(
                "unknown time zone {}; supported: {}",
                shown(name),
                supported.join(", ")
            ),
        ));
    }
    zone
}

impl Policy {
    /// Checks every setting; all problems are reported at once, one per bad field.
    pub fn validate(&self) -> Result<ValidPolicy, Vec<PolicyError>> {
        let mut errors = Vec::new();
        let values = [
            self.handling_days,
            self.ship_target_hours,
            self.cancel_response_hours,
            self.dispute_response_days,
            self.risk_control_hours,
            self.supplier_ship_days,
            self.tracking_proof_days,
            self.refund_days,
            self.receipt_days,
            self.critical_hours,
            self.warning_hours,
        ];
        for (&(field, min, max, unit), value) in BOUNDS.iter().zip(values) {
            if !(min..=max).contains(&value) {
                errors.push(error(
                    field,
                    format!("must be between {min} and {max} {unit}, not {value}"),
                ));
            }
        }
        if self.critical_hours >= self.warning_hours
            && !errors.iter().any(|e| e.field == "criticalHours")
        {
            errors.push(error(
                "criticalHours",
                format!(
                    "must be less than warningHours ({}), not {}",
                    self.warning_hours, self.critical_hours
                ),
            ));
        }

        let platform_zone = zone("platformTimeZone", &self.platform_time_zone, &mut errors);
        let seller_zone = match &self.seller_time_zone {
            Some(name) => zone("sellerTimeZone", name, &mut errors),
            None => platform_zone,
        };

        let mut weekend = self.weekend.clone();
        super::sort::sort_by(&mut weekend, |a, b| {
            a.num_days_from_monday().cmp(&b.num_days_from_monday())
        });
        weekend.dedup();
        if weekend.len() == 7 {
            errors.push(error(
                "weekend",
                "cannot hold all seven days: at least one day of the week must be a working day",
            ));
        }

        let country = match &self.holiday_country {
            Some(code) if code.trim().is_empty() => None,
            Some(code) => {
                let country = Country::from_code(code);
                if country.is_none() {
                    errors.push(error(
                        "holidayCountry",
                        format!(
                            "no built-in holiday list for {}; built in: {}",
                            shown(code),
                            BUILT_IN_COUNTRIES.join(", ")
                        ),
                    ));
                }
                country
            }
            None => None,
        };

        if self.holidays.len() > MAX_HOLIDAYS {
            errors.push(error(
                "holidays",
                format!("at most {MAX_HOLIDAYS} dates, not {}", self.holidays.len()),
            ));
        }
        if self.extensions.len() > MAX_EXTENSIONS {
            errors.push(error(
                "extensions",
                format!(
                    "at most {MAX_EXTENSIONS} windows, not {}",
                    self.extensions.len()
                ),
            ));
        }
        // One message for the list, not one per window of a list far too long.
        let windows = &self.extensions[..self.extensions.len().min(MAX_EXTENSIONS)];
        for (i, window) in windows.iter().enumerate() {
            if window.from > window.to {
                errors.push(error(
                    format!("extensions[{i}]"),
                    format!(
                        "from ({}) is after to ({}): the window would contain no day",
                        window.from, window.to
                    ),
                ));
            }
            if !(1..=90).contains(&window.extra_days) {
                errors.push(error(
                    format!("extensions[{i}].extraDays"),
                    format!("must be between 1 and 90 days, not {}", window.extra_days),
                ));
            }
        }

        match (platform_zone, seller_zone) {
            (Some(platform_zone), Some(seller_zone)) if errors.is_empty() => {
                let mut holidays: Vec<NaiveDate> = self.holidays.clone();
                let mut make_up = Vec::new();
                if let Some(country) = country {
                    holidays.extend(country.holidays());
                    make_up = country.make_up_working_days();
                }
                Ok(ValidPolicy {
                    calendar: Calendar::new(
                        &weekend,
                        &holidays,
                        &make_up,
                        &self.extensions,
                        seller_zone,
                    ),
                    policy: self.clone(),
                    platform_zone,
                    seller_zone,
                    country,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::policy::ExtensionWindow;
    use chrono::Weekday;

    fn errors_of(policy: Policy) -> Vec<PolicyError> {
        policy.validate().expect_err("policy should be rejected")
    }

    #[test]
    fn the_default_policy_is_valid() {
        let valid = Policy::default().validate().expect("defaults are valid");
        assert_eq!(valid.platform_time_zone(), chrono_tz::America::Los_Angeles);
        assert_eq!(valid.seller_time_zone(), chrono_tz::America::Los_Angeles);
        assert_eq!(valid.holiday_country(), None);
    }

    #[test]
    fn each_out_of_range_number_names_its_field() {
        type Spoil = fn(&mut Policy);
        let cases: [(&str, Spoil); 11] = [
            ("handlingDays", |p| p.handling_days = 0),
            ("shipTargetHours", |p| p.ship_target_hours = 0),
            ("cancelResponseHours", |p| p.cancel_response_hours = 721),
            ("disputeResponseDays", |p| p.dispute_response_days = 91),
            ("riskControlHours", |p| p.risk_control_hours = 0),
            ("supplierShipDays", |p| p.supplier_ship_days = 0),
            ("trackingProofDays", |p| p.tracking_proof_days = 100),
            ("refundDays", |p| p.refund_days = 0),
            ("receiptDays", |p| p.receipt_days = 366),
            ("criticalHours", |p| p.critical_hours = 0),
            ("warningHours", |p| p.warning_hours = 5000),
        ];
        for (field, spoil) in cases {
            let mut policy = Policy::default();
            spoil(&mut policy);
            let errors = errors_of(policy);
            assert!(
                errors.iter().any(|e| e.field == field),
                "{field}: {errors:?}"
            );
            assert!(
                errors.iter().all(|e| e.message.contains("between")),
                "{errors:?}"
            );
        }
    }

    #[test]
    fn handling_days_message_states_the_range_and_the_value() {
        let errors = errors_of(Policy {
            handling_days: 91,
            ..Policy::default()
        });
        assert_eq!(
            errors,
            vec![PolicyError {
                field: "handlingDays".into(),
                message: "must be between 1 and 90 days, not 91".into()
            }]
        );
    }

    #[test]
    fn critical_must_be_below_warning() {
        for (critical, warning) in [(72, 72), (80, 72)] {
            let errors = errors_of(Policy {
                critical_hours: critical,
                warning_hours: warning,
                ..Policy::default()
            });
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].field, "criticalHours");
            assert!(
                errors[0].message.contains("less than warningHours (72)"),
                "{errors:?}"
            );
        }
        assert!(Policy {
            critical_hours: 71,
            warning_hours: 72,
            ..Policy::default()
        }
        .validate()
        .is_ok());
    }

    #[test]
    fn an_unknown_zone_lists_the_supported_ones() {
        let errors = errors_of(Policy {
            platform_time_zone: "PST".into(),
            seller_time_zone: Some("Mars/Olympus".into()),
            ..Policy::default()
        });
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["platformTimeZone", "sellerTimeZone"]);
        assert!(errors[0]
            .message
            .starts_with("unknown time zone \"PST\"; supported: "));
        assert!(errors[0].message.contains("America/Los_Angeles"));
        assert!(errors[1].message.contains("Europe/Madrid"));
    }

    #[test]
    fn the_seller_zone_defaults_to_the_platform_zone() {
        let valid = Policy {
            platform_time_zone: "Asia/Shanghai".into(),
            ..Policy::default()
        }
        .validate()
        .unwrap();
        assert_eq!(valid.seller_time_zone(), chrono_tz::Asia::Shanghai);
    }

    #[test]
    fn an_unknown_country_names_the_built_in_ones() {
        let errors = errors_of(Policy {
            holiday_country: Some("FR".into()),
            ..Policy::default()
        });
        assert_eq!(errors[0].field, "holidayCountry");
        assert_eq!(
            errors[0].message,
            "no built-in holiday list for \"FR\"; built in: CN, ES"
        );
        let valid = Policy {
            holiday_country: Some("es".into()),
            ..Policy::default()
        }
        .validate()
        .unwrap();
        assert_eq!(valid.holiday_country(), Some(Country::Spain));
    }

    #[test]
    fn lists_past_their_bound_say_the_bound() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let window = ExtensionWindow {
            from: day,
            to: day,
            extra_days: 0,
        };
        let policy = Policy {
            holidays: vec![day; MAX_HOLIDAYS + 1],
            extensions: vec![window; MAX_EXTENSIONS * 10],
            ..Policy::default()
        };
        let errors = errors_of(policy);
        let message = |field: &str| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        };
        assert_eq!(
            message("holidays").as_deref(),
            Some("at most 1000 dates, not 1001")
        );
        assert_eq!(
            message("extensions").as_deref(),
            Some("at most 100 windows, not 1000")
        );
        // Each window of the first hundred is still named, none past them.
        assert!(message("extensions[99].extraDays").is_some());
        assert!(message("extensions[100].extraDays").is_none());
        let at_bound = Policy {
            holidays: vec![day; MAX_HOLIDAYS],
            ..Policy::default()
        };
        assert!(at_bound.validate().is_ok());
    }

    #[test]
    fn the_readme_settings_table_says_each_bound() {
        let readme = include_str!("../../README.md");
        // The settings table comes after the calibration table, which names some settings too.
        let row = |name: &str| {
            readme
                .lines()
                .rev()
                .find(|line| line.starts_with(&format!("| `{name}` |")))
                .unwrap_or_else(|| panic!("README.md has no settings row for {name}"))
        };
        for &(name, min, max, unit) in BOUNDS {
            let bound = format!("{min}–{max} {unit}");
            assert!(
                row(name).contains(&bound),
                "README row of {name} lacks {bound}"
            );
        }
        assert!(row("holidays").contains(&format!("at most {MAX_HOLIDAYS} ")));
        assert!(row("extensions").contains(&format!("at most {MAX_EXTENSIONS} windows")));
    }

    #[test]
    fn a_long_name_is_cut_in_the_message() {
        let name = "Z".repeat(100_000);
        let errors = errors_of(Policy {
            platform_time_zone: name.clone(),
            holiday_country: Some(name),
            ..Policy::default()
        });
        for error in &errors {
            assert!(error.message.len() < 2_000, "{}", error.field);
            assert!(error.message.contains(&format!("\"{}…\"", "Z".repeat(40))));
        }
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn a_reversed_extension_window_is_rejected_by_index() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let errors = errors_of(Policy {
            extensions: vec![
                ExtensionWindow {
                    from: d(1, 1),
                    to: d(1, 5),
                    extra_days: 3,
                },
                ExtensionWindow {
                    from: d(2, 18),
                    to: d(1, 20),
                    extra_days: 7,
                },
                ExtensionWindow {
                    from: d(3, 1),
                    to: d(3, 2),
                    extra_days: 0,
                },
            ],
            ..Policy::default()
        });
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["extensions[1]", "extensions[2].extraDays"]);
        assert!(errors[0]
            .message
            .contains("from (2026-02-18) is after to (2026-01-20)"));
    }

    #[test]
    fn a_week_without_working_days_is_rejected() {
        use Weekday::*;
        let errors = errors_of(Policy {
            weekend: vec![Mon, Tue, Wed, Thu, Fri, Sat, Sun, Sun],
            ..Policy::default()
        });
        assert_eq!(errors[0].field, "weekend");
    }

    #[test]
    fn all_problems_are_reported_together() {
        let errors = errors_of(Policy {
            handling_days: 0,
            platform_time_zone: "nowhere".into(),
            holiday_country: Some("XX".into()),
            ..Policy::default()
        });
        assert_eq!(errors.len(), 3, "{errors:?}");
    }

    #[test]
    fn policies_arrive_as_camel_case_json() {
        let policy: Policy = serde_json::from_str(
            r#"{"handlingDays":5,"dayCount":"working","sellerTimeZone":"Europe/Madrid","holidayCountry":"ES","weekend":["Sat","Sun"]}"#,
        )
        .unwrap();
        let valid = policy.validate().unwrap();
        assert_eq!(valid.policy().handling_days, 5);
        assert_eq!(valid.seller_time_zone(), chrono_tz::Europe::Madrid);
        let spain_holiday = NaiveDate::from_ymd_opt(2026, 10, 12).unwrap();
        assert!(!valid.calendar().is_working_day(spain_holiday));
    }
}

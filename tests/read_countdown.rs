//! Countdowns in the eight languages, overdue forms, and the refusals.

use chrono::{TimeZone, Utc};
use deadline_guard::read::{read_countdown, Countdown, ReadErrorKind};

const M: i64 = 60;
const H: i64 = 3600;
const D: i64 = 86_400;

fn secs(text: &str) -> i64 {
    read_countdown(text)
        .unwrap_or_else(|e| panic!("{text:?}: {e}"))
        .seconds
}

#[test]
fn listed_forms() {
    let cases: &[(&str, i64)] = &[
        ("02:15:33", 2 * H + 15 * M + 33),
        ("52:15:33", 52 * H + 15 * M + 33),
        ("2天03:12:44", 2 * D + 3 * H + 12 * M + 44),
        ("剩余2天3小时15分", 2 * D + 3 * H + 15 * M),
        ("剩余2天3小时15分钟10秒", 2 * D + 3 * H + 15 * M + 10),
        ("2 days 3 hours", 2 * D + 3 * H),
        ("Remaining: 2 days 03:12:44", 2 * D + 3 * H + 12 * M + 44),
        ("2d 3h 15m", 2 * D + 3 * H + 15 * M),
        ("2d3h15m10s", 2 * D + 3 * H + 15 * M + 10),
        ("Quedan 2 días 3 horas", 2 * D + 3 * H),
        ("2 días 03:12:44", 2 * D + 3 * H + 12 * M + 44),
        ("Noch 2 Tage 3 Std.", 2 * D + 3 * H),
        ("Il reste 2 jours 3 heures", 2 * D + 3 * H),
        ("Restam 2 dias 3 horas", 2 * D + 3 * H),
        ("Осталось 2 дня 3 часа", 2 * D + 3 * H),
        ("Mancano 2 giorni 3 ore", 2 * D + 3 * H),
        ("1 day, 2 hours and 3 minutes", D + 2 * H + 3 * M),
        ("2天03:12", 2 * D + 3 * H + 12 * M),
        (
            "Time left: ２天０３：１２：４４",
            2 * D + 3 * H + 12 * M + 44,
        ),
        ("00:00:00", 0),
        ("02:03:12:44", 2 * D + 3 * H + 12 * M + 44),
    ];
    for &(text, want) in cases {
        assert_eq!(secs(text), want, "{text:?}");
    }
}

#[test]
fn singular_and_plural_in_eight_languages() {
    let cases: &[(&str, i64)] = &[
        ("1 day 1 hour 1 minute 1 second", D + H + M + 1),
        ("2 days 2 hours 2 minutes 2 seconds", 2 * (D + H + M + 1)),
        ("1 hr 5 mins", H + 5 * M),
        ("1 día 1 hora 1 minuto 1 segundo", D + H + M + 1),
        ("2 días 2 horas 2 minutos 2 segundos", 2 * (D + H + M + 1)),
        ("1 Tag 1 Stunde 1 Minute 1 Sekunde", D + H + M + 1),
        ("2 Tage 2 Stunden 2 Minuten 2 Sekunden", 2 * (D + H + M + 1)),
        ("1 jour 1 heure 1 minute 1 seconde", D + H + M + 1),
        ("2 jours 2 heures 2 minutes 2 secondes", 2 * (D + H + M + 1)),
        ("1 dia 1 hora 1 minuto 1 segundo", D + H + M + 1),
        ("2 dias 2 horas 2 minutos 2 segundos", 2 * (D + H + M + 1)),
        ("1 день 1 час 1 минута 1 секунда", D + H + M + 1),
        ("2 дня 2 часа 2 минуты 2 секунды", 2 * (D + H + M + 1)),
        ("5 дней 5 часов 5 минут 5 секунд", 5 * (D + H + M + 1)),
        ("21 день 21 час 21 минуту", 21 * (D + H + M)),
        ("1 giorno 1 ora 1 minuto 1 secondo", D + H + M + 1),
        ("2 giorni 2 ore 2 minuti 2 secondi", 2 * (D + H + M + 1)),
        ("1天1小时1分钟1秒", D + H + M + 1),
        ("2天2小时2分2秒", 2 * (D + H + M + 1)),
        ("3 ч 15 мин", 3 * H + 15 * M),
        ("2 j 3 h", 2 * D + 3 * H),
        ("2 gg 3 ore", 2 * D + 3 * H),
    ];
    for &(text, want) in cases {
        assert_eq!(secs(text), want, "{text:?}");
    }
}

#[test]
fn overdue_forms_are_negative() {
    let cases: &[(&str, i64)] = &[
        ("Overdue by 5 hours", -5 * H),
        ("超时2小时", -2 * H),
        ("已超时 1天2小时", -(D + 2 * H)),
        ("Vencido hace 5 horas", -5 * H),
        ("Überfällig seit 2 Stunden", -2 * H),
        ("En retard de 3 heures", -3 * H),
        ("Em atraso 4 horas", -4 * H),
        ("Просрочено на 2 часа", -2 * H),
        ("Scaduto da 1 giorno", -D),
        ("-01:00:00", -H),
        ("−01:00:00", -H),
        ("- 2 days 3 hours", -(2 * D + 3 * H)),
    ];
    for &(text, want) in cases {
        assert_eq!(secs(text), want, "{text:?}");
    }
    // Overdue without an amount: past the deadline, by at least a second.
    for text in ["超时", "Overdue", "Vencido", "Просрочено"] {
        let c = read_countdown(text).unwrap();
        assert!(c.is_overdue(), "{text:?}");
        assert_eq!(c.seconds, -1, "{text:?}");
    }
}

#[test]
fn future_phrases_with_an_overdue_word_stay_positive() {
    let cases: &[(&str, i64)] = &[
        ("2天后超时", 2 * D),
        ("将超时：3小时", 3 * H),
        ("Will expire in 2 days", 2 * D),
        ("2 days until overdue", 2 * D),
    ];
    for &(text, want) in cases {
        assert_eq!(secs(text), want, "{text:?}");
    }
}

#[test]
fn deadline_from_the_reading_time() {
    let read_at = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap();
    let c = read_countdown("2天03:12:44").unwrap();
    assert_eq!(
        c.deadline_from(read_at),
        Utc.with_ymd_and_hms(2026, 11, 22, 15, 12, 44).unwrap()
    );
    let late = Countdown { seconds: -5 * H };
    assert_eq!(
        late.deadline_from(read_at),
        Utc.with_ymd_and_hms(2026, 11, 20, 7, 0, 0).unwrap()
    );
    // Far beyond chrono's range: saturates, never panics.
    assert!(Countdown { seconds: i64::MAX }.deadline_from(read_at) > read_at);
    assert!(Countdown { seconds: i64::MIN }.deadline_from(read_at) < read_at);
}

#[test]
fn refusals() {
    let cases = [
        "5",
        "Quedan 5",
        "2 days 3",
        "15:33",
        "2:3:4",
        "02:75:00",
        "02:15:75",
        "02:25:12:44",
        "1:02:03:04:05",
        "2 days 02:03:12:44",
        "2 days 3 days",
        "2 weeks",
        "1.5 hours",
        "lorem ipsum",
        "99999999999999999999 days",
        "999999999 days",
    ];
    for text in cases {
        let err = read_countdown(text).expect_err(text);
        assert_eq!(err.kind, ReadErrorKind::NotACountdown, "{text:?}: {err}");
        assert_eq!(err.text, text);
    }
    assert_eq!(read_countdown("").unwrap_err().kind, ReadErrorKind::Empty);
    assert_eq!(
        read_countdown(" \u{200B} ").unwrap_err().kind,
        ReadErrorKind::Empty
    );
}

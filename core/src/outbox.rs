//! The outbox (issue 6): each record the learner agreed to send waits on the device until the
//! collector has it. A 2xx answer means delivered; a 4xx means the collector refused it, for good
//! (kept, marked, with what it said); a network error or a 5xx is tried again later, waiting
//! longer each time, and at once when the phone comes back online.
//!
//! Sending a record twice is harmless (the collector keys records by their id), but a delivered
//! record is never sent again from here.

use serde::{Deserialize, Serialize};

/// The first wait after a failed try, and the longest.
pub const FIRST_WAIT_MS: u64 = 30_000;
pub const LONGEST_WAIT_MS: u64 = 60 * 60 * 1000;
/// The most of a refusal's text that is kept.
pub const MAX_SAID: usize = 200;

/// Where a record stands with the collector.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Delivery {
    /// Not delivered yet: `tries` failed so far, the next no sooner than `next_ms`.
    Waiting {
        tries: u32,
        next_ms: u64,
    },
    Sent {
        at_ms: u64,
    },
    /// The collector refused it (its status and the start of what it said).
    Rejected {
        status: u16,
        said: String,
        at_ms: u64,
    },
}

/// What came of one try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The collector answered with this status and body.
    Answered(u16, String),
    /// No answer: offline, the collector down, a refused connection.
    NoAnswer,
}

/// How long to wait after `tries` failed tries: 30 s, doubling, at most an hour.
pub fn wait_ms(tries: u32) -> u64 {
    FIRST_WAIT_MS.saturating_mul(1 << tries.saturating_sub(1).min(20)).min(LONGEST_WAIT_MS)
}

impl Delivery {
    /// A record just put in the outbox: due at once.
    pub fn new() -> Delivery {
        Delivery::Waiting { tries: 0, next_ms: 0 }
    }

    /// Whether to try now; `online` (the phone just came back online) overrides the wait.
    pub fn due(&self, now_ms: u64, online: bool) -> bool {
        matches!(self, Delivery::Waiting { next_ms, .. } if online || *next_ms <= now_ms)
    }

    /// Where the record stands after a try.
    pub fn after(&self, outcome: Outcome, now_ms: u64) -> Delivery {
        let tries = match self {
            Delivery::Waiting { tries, .. } => *tries,
            settled => return settled.clone(),
        };
        match outcome {
            Outcome::Answered(status, _) if (200..300).contains(&status) => Delivery::Sent { at_ms: now_ms },
            Outcome::Answered(status, said) if (400..500).contains(&status) => {
                let said = said.trim().chars().take(MAX_SAID).collect();
                Delivery::Rejected { status, said, at_ms: now_ms }
            }
            // 5xx (and anything odd), or no answer: later.
            _ => Delivery::Waiting { tries: tries + 1, next_ms: now_ms + wait_ms(tries + 1) },
        }
    }
}

impl Default for Delivery {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_from_thirty_seconds_to_an_hour() {
        assert_eq!(wait_ms(1), 30_000);
        assert_eq!(wait_ms(2), 60_000);
        assert_eq!(wait_ms(3), 120_000);
        assert_eq!(wait_ms(8), 60 * 60 * 1000);
        assert_eq!(wait_ms(u32::MAX), 60 * 60 * 1000);
    }

    #[test]
    fn a_2xx_delivers_a_4xx_refuses_for_good_and_the_rest_waits_longer() {
        let new = Delivery::new();
        assert!(new.due(0, false));
        assert_eq!(new.after(Outcome::Answered(201, String::new()), 5), Delivery::Sent { at_ms: 5 });
        let refused = new.after(Outcome::Answered(422, format!("  unknown lesson{}", "!".repeat(300))), 5);
        match &refused {
            Delivery::Rejected { status: 422, said, at_ms: 5 } => {
                assert!(said.starts_with("unknown lesson") && said.chars().count() == MAX_SAID)
            }
            other => panic!("{other:?}"),
        }
        // Settled records stay as they are, and are never due.
        assert_eq!(refused.after(Outcome::Answered(200, String::new()), 9), refused);
        assert!(!refused.due(u64::MAX, true));
        assert!(!Delivery::Sent { at_ms: 1 }.due(u64::MAX, true));

        let down = new.after(Outcome::NoAnswer, 1_000);
        assert_eq!(down, Delivery::Waiting { tries: 1, next_ms: 31_000 });
        assert!(!down.due(30_999, false) && down.due(31_000, false));
        // Coming back online tries at once.
        assert!(down.due(1_001, true));
        let busy = down.after(Outcome::Answered(503, String::new()), 31_000);
        assert_eq!(busy, Delivery::Waiting { tries: 2, next_ms: 91_000 });
    }
}

/// The app's configuration for delivery, from `/config.json` beside the app (a city sets it
/// when it deploys): `{"collector": "https://…"}`; no collector, no sending.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub collector: Option<String>,
}

impl Config {
    /// Reads the file; a collector must be an `https://` address (or `http://` on this machine,
    /// for tests), so records never cross the network in the clear.
    pub fn parse(text: &str) -> Result<Config, String> {
        let mut config: Config = serde_json::from_str(text).map_err(|e| format!("config.json: {e}"))?;
        config.collector = config.collector.filter(|url| !url.trim().is_empty());
        if let Some(url) = &config.collector {
            let local = ["http://127.0.0.1:", "http://localhost:", "http://127.0.0.1/", "http://localhost/"];
            if !url.starts_with("https://") && !local.iter().any(|l| url.starts_with(l)) {
                return Err(format!("config.json: the collector “{url}” is not an https:// address"));
            }
        }
        Ok(config)
    }
}

#[cfg(test)]
mod config_tests {
    use super::*;

    #[test]
    fn a_collector_must_be_https_or_this_machine() {
        let parse = |text: &str| Config::parse(text).map(|c| c.collector);
        assert_eq!(
            parse(r#"{"collector":"https://thu.example.vn/records"}"#),
            Ok(Some("https://thu.example.vn/records".into()))
        );
        assert_eq!(
            parse(r#"{"collector":"http://127.0.0.1:4000/r"}"#),
            Ok(Some("http://127.0.0.1:4000/r".into()))
        );
        assert_eq!(parse(r#"{"collector":""}"#), Ok(None));
        assert_eq!(parse("{}"), Ok(None));
        assert!(
            parse(r#"{"collector":"http://thu.example.vn/records"}"#)
                .unwrap_err()
                .contains("not an https://")
        );
        assert!(parse("not json").is_err());
    }
}

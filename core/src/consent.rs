//! A learner's consent to completion records, per purpose (Luật Bảo vệ dữ liệu cá nhân,
//! 91/2025/QH15): nothing is assumed, silence is not consent, each purpose can be withdrawn, and
//! everything given or withdrawn is kept, with when, so it can be shown and exported.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::record::format_datetime;

/// What a learner may agree to, each on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    /// Making records and keeping them on this device.
    Keep,
    /// Sending them to a trainer or the city's collector.
    Send,
    /// Handing them to the app or website the course is embedded in.
    Host,
}

impl Purpose {
    pub const ALL: [Purpose; 3] = [Purpose::Keep, Purpose::Send, Purpose::Host];

    /// Its stable name (message ids `consent-<slug>`, the export).
    pub fn slug(self) -> &'static str {
        match self {
            Purpose::Keep => "keep",
            Purpose::Send => "send",
            Purpose::Host => "host",
        }
    }
}

/// One thing the learner (or a guardian) did about consent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    Given(Purpose),
    Withdrawn(Purpose),
    /// The learner said they are under 16 (`true`) or not (`false`).
    Under16(bool),
    /// A parent or guardian confirmed that records may leave the device.
    Guardian,
}

/// A profile's consent: what holds now follows from the events, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// Every event with when it happened, in milliseconds since 1970 (UTC), oldest first.
    pub events: Vec<(Event, u64)>,
}

impl Consent {
    /// Whether the purpose was given and not withdrawn since.
    pub fn given(&self, purpose: Purpose) -> bool {
        self.events.iter().rev().find_map(|(event, _)| match event {
            Event::Given(p) if *p == purpose => Some(true),
            Event::Withdrawn(p) if *p == purpose => Some(false),
            _ => None,
        }) == Some(true)
    }

    /// Whether the learner said they are under 16.
    pub fn under_16(&self) -> bool {
        self.events.iter().rev().find_map(|(event, _)| match event {
            Event::Under16(under) => Some(*under),
            _ => None,
        }) == Some(true)
    }

    /// Whether a guardian confirmed since the learner last said they are under 16.
    fn guardian(&self) -> bool {
        for (event, _) in self.events.iter().rev() {
            match event {
                Event::Guardian => return true,
                Event::Under16(true) => return false,
                _ => {}
            }
        }
        false
    }

    /// Whether records may be used for the purpose now: given, and, for sending anywhere, by a
    /// learner under 16 only once a guardian confirmed.
    pub fn allows(&self, purpose: Purpose) -> bool {
        self.given(purpose) && (purpose == Purpose::Keep || !self.under_16() || self.guardian())
    }

    /// Whether the learner has ever answered (the notice is shown until they have).
    pub fn answered(&self) -> bool {
        !self.events.is_empty()
    }

    /// Records what was done, if it changes anything.
    pub fn record(&mut self, event: Event, now_ms: u64) {
        let changes = match &event {
            Event::Given(p) => !self.given(*p),
            Event::Withdrawn(p) => self.given(*p),
            Event::Under16(under) => self.under_16() != *under || !self.answered(),
            Event::Guardian => self.under_16() && !self.guardian(),
        };
        if changes {
            self.events.push((event, now_ms));
        }
    }

    /// Sets every purpose at once, as the consent form does: `chosen` holds the ticked ones.
    pub fn choose(&mut self, chosen: &[Purpose], under_16: bool, now_ms: u64) {
        self.record(Event::Under16(under_16), now_ms);
        for purpose in Purpose::ALL {
            let event =
                if chosen.contains(&purpose) { Event::Given(purpose) } else { Event::Withdrawn(purpose) };
            self.record(event, now_ms);
        }
    }

    /// The consent as a JSON document the learner can keep or show: what holds now and the
    /// history, dates in UTC.
    pub fn export(&self, profile_did: &str) -> String {
        let now: serde_json::Map<String, serde_json::Value> =
            Purpose::ALL.iter().map(|p| (p.slug().to_string(), json!(self.allows(*p)))).collect();
        let history: Vec<serde_json::Value> = self
            .events
            .iter()
            .map(|(event, at)| {
                let (what, purpose) = match event {
                    Event::Given(p) => ("given", Some(p.slug())),
                    Event::Withdrawn(p) => ("withdrawn", Some(p.slug())),
                    Event::Under16(true) => ("under-16", None),
                    Event::Under16(false) => ("16-or-over", None),
                    Event::Guardian => ("guardian-confirmed", None),
                };
                json!({ "event": what, "purpose": purpose, "at": format_datetime((*at / 1000) as i64) })
            })
            .collect();
        let doc = json!({
            "learner": profile_did,
            "law": "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15",
            "allows": now,
            "under16": self.under_16(),
            "history": history,
        });
        serde_json::to_string_pretty(&doc).expect("JSON always serialises")
    }
}

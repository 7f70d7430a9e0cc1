//! How a learner likes the pages drawn (issue 7): the text size, from 100 % to 200 %, and a
//! high-contrast theme. Each learner has their own, kept in `localStorage` under
//! [`storage_key`] (beside their self-check ticks; the learners themselves are kept in a form
//! that has no room for new fields without a migration). A script in each page's `<head>` reads
//! the look of the learner in use ([`crate::profile::CURRENT_KEY`]) and applies it before
//! anything paints, so a page never shows small text first and then grows.

use serde::{Deserialize, Serialize};

/// The text sizes offered, in percent of the phone's own text size.
pub const TEXT_SIZES: [u16; 5] = [100, 125, 150, 175, 200];

/// Where a learner's look is kept: the percentage, then ` contrast` when the high-contrast
/// theme is on (`"150 contrast"`); nothing for the default look.
pub fn storage_key(profile: &str) -> String {
    format!("kns.look.{profile}")
}

/// A learner's text size and theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Look {
    /// Percent, one of [`TEXT_SIZES`].
    pub text: u16,
    /// White and yellow on black, with heavier lines.
    pub contrast: bool,
}

impl Default for Look {
    fn default() -> Self {
        Look { text: TEXT_SIZES[0], contrast: false }
    }
}

impl Look {
    /// One size larger; `None` at the largest.
    pub fn bigger(self) -> Option<Look> {
        TEXT_SIZES.iter().find(|&&t| t > self.text).map(|&text| Look { text, ..self })
    }

    /// One size smaller; `None` at the smallest.
    pub fn smaller(self) -> Option<Look> {
        TEXT_SIZES.iter().rev().find(|&&t| t < self.text).map(|&text| Look { text, ..self })
    }

    /// The form kept under [`storage_key`]; `None` for the default look (nothing to keep).
    pub fn to_stored(self) -> Option<String> {
        (self != Look::default())
            .then(|| format!("{}{}", self.text, if self.contrast { " contrast" } else { "" }))
    }

    /// Reads the stored form; anything else (a size not offered, damage) is the default look.
    pub fn from_stored(stored: &str) -> Look {
        let mut words = stored.split(' ');
        let text = words.next().and_then(|t| t.parse().ok()).filter(|t| TEXT_SIZES.contains(t));
        let contrast = match (words.next(), words.next()) {
            (None, None) => false,
            (Some("contrast"), None) => true,
            _ => return Look::default(),
        };
        text.map_or_else(Look::default, |text| Look { text, contrast })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_step_from_100_to_200_and_stop_there() {
        let mut look = Look::default();
        let mut seen = vec![look.text];
        while let Some(next) = look.bigger() {
            look = next;
            seen.push(look.text);
        }
        assert_eq!(seen, TEXT_SIZES);
        assert_eq!(look.smaller().map(|l| l.text), Some(175));
        assert_eq!(Look::default().smaller(), None);
        let dark = Look { text: 150, contrast: true };
        assert_eq!(dark.bigger(), Some(Look { text: 175, contrast: true }), "the theme stays");
    }

    #[test]
    fn the_stored_form_reads_back_and_damage_is_the_default() {
        assert_eq!(Look::default().to_stored(), None);
        for look in [
            Look { text: 150, contrast: true },
            Look { text: 200, contrast: false },
            Look { text: 100, contrast: true },
        ] {
            assert_eq!(Look::from_stored(&look.to_stored().unwrap()), look);
        }
        assert_eq!(Look { text: 125, contrast: true }.to_stored().as_deref(), Some("125 contrast"));
        for damaged in ["", "90", "300", "150 dark", "150 contrast x", "abc contrast"] {
            assert_eq!(Look::from_stored(damaged), Look::default(), "{damaged:?}");
        }
    }
}

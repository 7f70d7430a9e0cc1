//! The campaign's four-pillar self-check at the top of the course page.
//!
//! Each item is one pillar of the citizen-digital campaign, in the learner's own words ("Tôi có
//! VNeID đã kích hoạt", …). The learner ticks the first three themselves; nothing is ever ticked
//! for them. The last, "Tôi đã học kỹ năng số cơ bản", is not theirs to tick: it fills itself
//! when every lesson of the course is passed. An item that is not done points to one lesson that
//! helps, the next step to take: the first lesson of its pillar not yet passed (or the pillar's
//! first lesson, to read again), and for the last item, the next lesson of the course not yet
//! passed. One link per item keeps one clear action each; the whole list is just below.
//!
//! The ticks are kept per profile, on the device, under [`storage_key`], as the ticked pillars'
//! slugs separated by spaces (see [`Ticks::to_stored`]): a few bytes that the static course
//! page's script can read before it paints, so the boxes are already right on the first frame.
//! A value from another version or another program is read as far as it makes sense and never
//! fails.

use crate::content::{CourseIndex, LessonSummary, Pillar};

/// The items the learner ticks themselves; every item but the last.
pub const SELF_DECLARED: [Pillar; 3] = [Pillar::DanhTinhSo, Pillar::PhuongTienSo, Pillar::TaiKhoanSo];

/// The pillar whose item fills itself from progress.
pub const LEARNED: Pillar = Pillar::KyNangSo;

/// What the learner has ticked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ticks {
    ticked: [bool; 3],
}

impl Ticks {
    /// Whether the learner ticked this item (never true for [`LEARNED`]).
    pub fn is_ticked(&self, pillar: Pillar) -> bool {
        SELF_DECLARED.iter().position(|p| *p == pillar).is_some_and(|i| self.ticked[i])
    }

    /// Ticks or unticks an item; the learned item cannot be ticked by hand and is left alone.
    pub fn set(&mut self, pillar: Pillar, ticked: bool) {
        if let Some(i) = SELF_DECLARED.iter().position(|p| *p == pillar) {
            self.ticked[i] = ticked;
        }
    }

    /// The ticked items as they are stored: pillar slugs separated by spaces.
    pub fn to_stored(&self) -> String {
        let slugs: Vec<&str> =
            SELF_DECLARED.iter().filter(|p| self.is_ticked(**p)).map(|p| p.slug()).collect();
        slugs.join(" ")
    }

    /// Reads a stored value. Unknown words (a later version's, or damage) and the learned item
    /// (which only progress can tick) are ignored, so what is readable is kept.
    pub fn from_stored(stored: &str) -> Self {
        let mut ticks = Ticks::default();
        for slug in stored.split_whitespace() {
            if let Some(pillar) = Pillar::ALL.into_iter().find(|p| p.slug() == slug) {
                ticks.set(pillar, true);
            }
        }
        ticks
    }
}

/// Where a learner's ticks are kept on the device (`localStorage`).
pub fn storage_key(profile: &str) -> String {
    format!("kns.checks.{profile}")
}

/// One item of the self-check as the course page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Item<'a> {
    pub pillar: Pillar,
    /// Whether it is true: ticked by the learner, or for the learned item, every lesson passed.
    pub done: bool,
    /// The lesson that helps with it next, while it is not done (none once it is).
    pub help: Option<&'a LessonSummary>,
}

/// How far the learner is through the course: (lessons passed, lessons in the course).
pub fn lessons_passed(index: &CourseIndex, passed: impl Fn(&str) -> bool) -> (usize, usize) {
    (index.lessons.iter().filter(|l| passed(&l.id)).count(), index.lessons.len())
}

/// The four items, in the campaign's order, for a learner with these ticks and this progress.
pub fn items<'a>(index: &'a CourseIndex, ticks: Ticks, passed: impl Fn(&str) -> bool) -> Vec<Item<'a>> {
    let (done_lessons, total) = lessons_passed(index, &passed);
    Pillar::ALL
        .into_iter()
        .map(|pillar| {
            let (done, help) = if pillar == LEARNED {
                (total > 0 && done_lessons == total, index.lessons.iter().find(|l| !passed(&l.id)))
            } else {
                let mut own = index.lessons.iter().filter(|l| l.pillar == pillar);
                let first = own.clone().next();
                (ticks.is_ticked(pillar), own.find(|l| !passed(&l.id)).or(first))
            };
            Item { pillar, done, help: help.filter(|_| !done) }
        })
        .collect()
}

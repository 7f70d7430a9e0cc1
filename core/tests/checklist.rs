//! The four-pillar self-check: nothing ticked for the learner, the last item from progress,
//! help that points to the right lessons, ticks that survive being stored.

use std::path::Path;

use kns_core::checklist::{LEARNED, SELF_DECLARED, Ticks, items, lessons_passed};
use kns_core::compiler::compile_course;
use kns_core::content::{CourseIndex, Pillar};

fn index() -> CourseIndex {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));
    compile_course(root).unwrap_or_else(|e| panic!("content compiles: {e:?}")).index
}

fn id(help: Option<&kns_core::content::LessonSummary>) -> Option<&str> {
    help.map(|l| l.id.as_str())
}

#[test]
fn nothing_is_ticked_for_a_new_learner_and_every_item_points_to_lessons() {
    let index = index();
    let items = items(&index, Ticks::default(), |_| false);
    assert_eq!(items.iter().map(|i| i.pillar).collect::<Vec<_>>(), Pillar::ALL.to_vec());
    for item in &items {
        assert!(!item.done, "{:?} is ticked for a new learner", item.pillar);
        let help = item.help.unwrap_or_else(|| panic!("{:?} has no lesson that helps", item.pillar));
        if item.pillar != LEARNED {
            assert_eq!(help.pillar, item.pillar, "the lesson is of the item's own pillar");
        }
    }
}

#[test]
fn a_ticked_item_is_done_and_the_others_point_to_their_next_lesson() {
    let index = index();
    let mut ticks = Ticks::default();
    ticks.set(Pillar::PhuongTienSo, true);
    let found = items(&index, ticks, |_| false);
    assert!(found[1].done && found[1].help.is_none());
    assert!(!found[0].done && !found[2].done);
    assert_eq!(id(found[0].help), Some("danh-tinh-so-vneid"));
    // Accounts has several lessons: the first not yet passed, in course order.
    let accounts: Vec<&str> =
        index.lessons.iter().filter(|l| l.pillar == Pillar::TaiKhoanSo).map(|l| l.id.as_str()).collect();
    assert!(accounts.len() > 2);
    assert_eq!(id(found[2].help), Some(accounts[0]));
    let first_passed = items(&index, ticks, |l| l == accounts[0]);
    assert_eq!(id(first_passed[2].help), Some(accounts[1]));
    // Every lesson passed but not ticked (no account opened yet): the pillar's first, to read again.
    let all_passed = items(&index, ticks, |_| true);
    assert!(!all_passed[2].done);
    assert_eq!(id(all_passed[2].help), Some(accounts[0]));
}

#[test]
fn the_learned_item_fills_itself_only_when_every_lesson_is_passed_and_points_to_the_next_one() {
    let index = index();
    let all: Vec<String> = index.lessons.iter().map(|l| l.id.clone()).collect();
    // The first two lessons passed: the next one is the third, in course order.
    let passed_two = |id: &str| all[..2].iter().any(|p| p == id);
    let learned = items(&index, Ticks::default(), passed_two).pop().unwrap();
    assert_eq!(learned.pillar, LEARNED);
    assert!(!learned.done);
    assert_eq!(id(learned.help), Some(all[2].as_str()));
    assert_eq!(lessons_passed(&index, passed_two), (2, all.len()));
    // All but the last: not yet.
    let but_last = |id: &str| id != all.last().unwrap();
    assert!(!items(&index, Ticks::default(), but_last).pop().unwrap().done);
    // Every lesson: done, and no more help.
    let learned = items(&index, Ticks::default(), |_| true).pop().unwrap();
    assert!(learned.done && learned.help.is_none());
    // An empty course teaches nothing: never "learned".
    assert!(!items(&CourseIndex { lessons: vec![] }, Ticks::default(), |_| true).pop().unwrap().done);
}

#[test]
fn the_learned_item_cannot_be_ticked_by_hand() {
    let mut ticks = Ticks::default();
    ticks.set(LEARNED, true);
    assert_eq!(ticks, Ticks::default());
    assert!(!ticks.is_ticked(LEARNED));
    assert_eq!(Ticks::from_stored(LEARNED.slug()), Ticks::default());
}

#[test]
fn ticks_survive_being_stored_and_unknown_values_are_ignored() {
    for mask in 0..8u8 {
        let mut ticks = Ticks::default();
        for (i, pillar) in SELF_DECLARED.into_iter().enumerate() {
            ticks.set(pillar, mask & (1 << i) != 0);
        }
        assert_eq!(Ticks::from_stored(&ticks.to_stored()), ticks, "mask {mask}");
    }
    assert_eq!(Ticks::default().to_stored(), "");
    let read = Ticks::from_stored("danh-tinh-so not-a-pillar  \u{0}\n tai-khoan-so");
    assert!(read.is_ticked(Pillar::DanhTinhSo) && read.is_ticked(Pillar::TaiKhoanSo));
    assert!(!read.is_ticked(Pillar::PhuongTienSo));
    // Unticking removes it.
    let mut ticks = read;
    ticks.set(Pillar::DanhTinhSo, false);
    assert_eq!(ticks.to_stored(), "tai-khoan-so");
    assert_eq!(Ticks::from_stored("garbage"), Ticks::default());
}

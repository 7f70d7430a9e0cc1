//! The real curriculum in `content/`: every lesson has what the standardised course asks of it.

use std::collections::BTreeSet;
use std::path::Path;

use kns_core::Lang;
use kns_core::compiler::{CompiledCourse, compile_course};
use kns_core::content::{Block, Lesson, Tone};

fn course() -> CompiledCourse {
    compile_course(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")).unwrap_or_else(|errors| {
        panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
    })
}

/// The problems of one lesson against the course's rules, as sentences.
fn problems(lesson: &Lesson) -> Vec<String> {
    let mut out = Vec::new();
    let name = format!("{}/{}", lesson.id, lesson.lang);
    if !(5..=12).contains(&lesson.minutes) {
        out.push(format!("{name}: {} minutes (5 to 12)", lesson.minutes));
    }
    if !(2..=4).contains(&lesson.objectives.len()) {
        out.push(format!("{name}: {} objectives (2 to 4)", lesson.objectives.len()));
    }
    if !lesson.body.iter().any(|b| matches!(b, Block::Steps { .. })) {
        out.push(format!("{name}: no numbered steps"));
    }
    if !lesson.body.iter().any(|b| matches!(b, Block::Callout { tone: Tone::Warning, .. })) {
        out.push(format!("{name}: no warning callout"));
    }
    let questions = &lesson.quiz.questions;
    if questions.len() < 8 {
        out.push(format!("{name}: {} questions (at least 8)", questions.len()));
    }
    let kinds: BTreeSet<&str> = questions.iter().map(|q| q.kind.name()).collect();
    if kinds.len() < 3 {
        out.push(format!("{name}: question kinds {kinds:?} (at least 3)"));
    }
    if lesson.quiz.pass_mark != 80 {
        out.push(format!("{name}: pass mark {} (80 unless a lesson says why)", lesson.quiz.pass_mark));
    }
    out
}

#[test]
fn the_course_has_the_thirteen_standard_lessons_in_order() {
    let ids: Vec<String> = course().index.lessons.iter().map(|l| l.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "lam-quen-dien-thoai",
            "danh-tinh-so-vneid",
            "dich-vu-cong-truc-tuyen",
            "tai-khoan-ngan-hang-vi-dien-tu",
            "thanh-toan-khong-tien-mat",
            "nhan-dien-lua-dao",
            "mat-khau-otp-du-lieu-ca-nhan",
            "ung-dung-cong-dan-so",
            "giao-tiep-an-toan",
            "suc-khoe-so",
            "mua-ban-truc-tuyen",
            "tri-tue-nhan-tao",
            "huong-dan-nguoi-than",
        ]
    );
}

#[test]
fn the_course_page_groups_lessons_by_pillar_starting_with_the_first_lesson() {
    let course = course();
    let groups = course.index.by_pillar();
    assert_eq!(groups[0].1[0].id, "lam-quen-dien-thoai", "a beginner meets the phone lesson first");
    let listed: usize = groups.iter().map(|(_, lessons)| lessons.len()).sum();
    assert_eq!(listed, course.index.lessons.len(), "every lesson once");
    let pillars: BTreeSet<_> = groups.iter().map(|(pillar, _)| *pillar).collect();
    assert_eq!(pillars.len(), groups.len(), "each pillar once");
    assert!(groups.iter().all(|(pillar, lessons)| lessons.iter().all(|l| l.pillar == *pillar)));
}

#[test]
fn every_lesson_has_the_parts_the_course_requires_in_both_languages() {
    let course = course();
    assert_eq!(course.lessons.len(), course.index.lessons.len() * Lang::ALL.len());
    let all: Vec<String> = course.lessons.iter().flat_map(|l| problems(&l.lesson)).collect();
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn the_rules_catch_a_lesson_that_falls_short() {
    let course = course();
    let mut short = course.lessons[0].lesson.clone();
    short.quiz.questions.truncate(2);
    short.minutes = 20;
    short.body.retain(|b| !matches!(b, Block::Callout { .. }));
    let found = problems(&short);
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn every_lesson_links_to_the_shared_glossary() {
    let course = course();
    let without: Vec<String> = course
        .lessons
        .iter()
        .filter(|l| l.lesson.glossary.is_empty())
        .map(|l| format!("{}/{}", l.lesson.id, l.lesson.lang))
        .collect();
    assert!(without.is_empty(), "lessons that explain no word from the glossary: {without:?}");
}

//! Saved progress stays readable: a learner's record written by schema version 1, byte for byte.
//!
//! If this test fails, a change to the progress types (or the wire form) would make what learners
//! saved unreadable. Do not change the fixture: keep the old shape readable (a migration) and add a
//! fixture for the new version beside it.

use kns_core::Lang;
use kns_core::progress::{Completion, LessonProgress, LessonStatus};
use kns_core::quiz::{Answer, QuizResult};
use kns_core::wire;

/// `default/nhan-dien-lua-dao`, as schema version 1 stores it: a pass, and a new attempt in English.
pub const V1_RECORD: &str = "0764656661756c74116e68616e2d6469656e2d6c75612d64616f010463643334012a0307712d6f72646572030302000107712d6d617463680402010006712d73706f7405010101046162313200090b51010205712d6f747005712d736d7380d0dfb4ab33";

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn expected() -> LessonProgress {
    let mut record = LessonProgress::new("default", "nhan-dien-lua-dao");
    record.finish(Completion {
        hash: "ab12".into(),
        lang: Lang::Vi,
        result: QuizResult {
            score: 9,
            total: 11,
            percent: 81,
            passed: true,
            missed: vec!["q-otp".into(), "q-sms".into()],
        },
        at_ms: 1_764_000_000_000,
    });
    record.answer("cd34", Lang::En, 42, "q-order", Answer::Order(vec![2, 0, 1]));
    record.answer("cd34", Lang::En, 42, "q-match", Answer::Match(vec![1, 0]));
    record.answer("cd34", Lang::En, 42, "q-spot", Answer::Spot(vec![1]));
    record
}

#[test]
fn a_record_saved_by_schema_v1_reads_back_whole() {
    let record: LessonProgress = wire::decode(&unhex(V1_RECORD)).expect("v1 progress must stay readable");
    assert_eq!(record, expected());
    assert_eq!(record.status(), LessonStatus::Passed);
    assert_eq!(record.attempt_for("cd34", Lang::En).unwrap().answers.len(), 3);
}

#[test]
fn today_s_records_are_written_in_the_v1_form() {
    assert_eq!(wire::encode(&expected()), unhex(V1_RECORD));
}

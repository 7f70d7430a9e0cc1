//! A learner's progress through the course: the quiz in progress (every answer, the moment it
//! is given) and the best finished result of each lesson, and the store they are kept in.
//!
//! The app keeps progress in IndexedDB (app/src/platform/idb_store.rs); [`MemoryStore`] keeps it
//! in memory, for tests and for browsers where IndexedDB is missing or broken.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::quiz::{Answer, QuizResult};

/// The first learner on a device (see [`crate::profile`]), under whom progress made before
/// profiles existed is kept.
pub const DEFAULT_PROFILE: &str = "default";

/// What a learner has done in one lesson.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    pub profile: String,
    pub lesson: String,
    /// The quiz in progress, if one is started and not finished.
    pub attempt: Option<Attempt>,
    /// The best finished result, if the quiz was ever finished.
    pub best: Option<Completion>,
}

/// A quiz in progress: the answers given so far, in the order given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    /// The content hash of the lesson text the learner is answering.
    pub hash: String,
    pub lang: Lang,
    /// The order questions and options are shown in (see [`crate::quiz::shuffled`]).
    pub seed: u64,
    pub answers: Vec<(String, Answer)>,
}

/// A finished quiz.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Completion {
    /// The content hash of the lesson text the learner answered.
    pub hash: String,
    pub lang: Lang,
    pub result: QuizResult,
    /// When it was finished, in milliseconds since 1970 (UTC).
    pub at_ms: u64,
}

/// Where a lesson stands for a learner, as the course page shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LessonStatus {
    NotStarted,
    /// A quiz started or finished without passing.
    InProgress,
    Passed,
}

impl LessonProgress {
    /// A learner's empty progress in a lesson.
    pub fn new(profile: &str, lesson: &str) -> Self {
        LessonProgress { profile: profile.into(), lesson: lesson.into(), attempt: None, best: None }
    }

    /// Where the lesson stands.
    pub fn status(&self) -> LessonStatus {
        match (&self.best, &self.attempt) {
            (Some(best), _) if best.result.passed => LessonStatus::Passed,
            (Some(_), _) | (None, Some(_)) => LessonStatus::InProgress,
            (None, None) => LessonStatus::NotStarted,
        }
    }

    /// The attempt to resume for this text of the lesson: the one in progress if it was on the
    /// same text (hash and language); a changed lesson starts afresh.
    pub fn attempt_for(&self, hash: &str, lang: Lang) -> Option<&Attempt> {
        self.attempt.as_ref().filter(|a| a.hash == hash && a.lang == lang)
    }

    /// Records an answer (replacing an earlier answer to the same question).
    pub fn answer(&mut self, hash: &str, lang: Lang, seed: u64, question: &str, answer: Answer) {
        if self.attempt_for(hash, lang).is_none() {
            self.attempt = Some(Attempt { hash: hash.into(), lang, seed, answers: Vec::new() });
        }
        let attempt = self.attempt.as_mut().expect("just set");
        attempt.answers.retain(|(q, _)| q != question);
        attempt.answers.push((question.to_string(), answer));
    }

    /// Ends the attempt with its result; the best result is kept (a pass is never lost to a
    /// later, worse try).
    pub fn finish(&mut self, completion: Completion) {
        self.attempt = None;
        let better = match &self.best {
            None => true,
            Some(best) => {
                (completion.result.passed, completion.result.percent)
                    >= (best.result.passed, best.result.percent)
            }
        };
        if better {
            self.best = Some(completion);
        }
    }

    /// Applies a change (see [`Change`]).
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Answer { hash, lang, seed, question, answer } => {
                self.answer(hash, *lang, *seed, question, answer.clone())
            }
            Change::Finish(completion) => self.finish(completion.clone()),
        }
    }
}

/// One thing a learner did in a lesson. The store applies it to the record as it is stored at
/// that moment, in the same transaction that reads it, so two tabs answering the same quiz at
/// once both keep their answers: neither writes back a stale copy of the whole record.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// An answer given (see [`LessonProgress::answer`]).
    Answer { hash: String, lang: Lang, seed: u64, question: String, answer: Answer },
    /// A quiz finished (see [`LessonProgress::finish`]). Stores write it with strict durability:
    /// a completion is what a record is made from.
    Finish(Completion),
}

/// The key of a learner's record for a lesson.
pub fn progress_key(profile: &str, lesson: &str) -> String {
    format!("{profile}/{lesson}")
}

/// Why the store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// There is no working storage (private mode, a webview without IndexedDB).
    Unavailable(String),
    /// The device is out of the space the browser grants.
    QuotaExceeded,
    /// Anything else the storage reported.
    Failed(String),
    /// A stored value that must be there is not ours (damaged, or written by something else).
    Damaged,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(why) => write!(f, "no storage: {why}"),
            StoreError::QuotaExceeded => write!(f, "storage is full"),
            StoreError::Failed(why) => write!(f, "storage failed: {why}"),
            StoreError::Damaged => write!(f, "a stored value is damaged"),
        }
    }
}

impl std::error::Error for StoreError {}

/// Everything loaded for a learner: the records that could be read, and how many could not
/// (a corrupted or foreign value is skipped and reported, never fatal).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub records: Vec<LessonProgress>,
    pub skipped: usize,
}

/// Where progress is kept.
#[allow(async_fn_in_trait)] // used with concrete types only, in a single-threaded browser
pub trait Store {
    /// Every record of a learner.
    async fn load(&self, profile: &str) -> Result<Loaded, StoreError>;
    /// Applies a change to a learner's record as it is stored now (a new record if there is
    /// none), in one small read-write transaction, committed before this returns; returns the
    /// record as stored.
    async fn update(
        &self,
        profile: &str,
        lesson: &str,
        change: &Change,
    ) -> Result<LessonProgress, StoreError>;
}

/// A store in memory: for tests, and for when the browser has no working storage.
#[derive(Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<String, LessonProgress>>,
}

impl Store for MemoryStore {
    async fn load(&self, profile: &str) -> Result<Loaded, StoreError> {
        let records = self.records.borrow().values().filter(|r| r.profile == profile).cloned().collect();
        Ok(Loaded { records, skipped: 0 })
    }

    async fn update(
        &self,
        profile: &str,
        lesson: &str,
        change: &Change,
    ) -> Result<LessonProgress, StoreError> {
        let mut records = self.records.borrow_mut();
        let record = records
            .entry(progress_key(profile, lesson))
            .or_insert_with(|| LessonProgress::new(profile, lesson));
        record.apply(change);
        Ok(record.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(percent: u32, passed: bool) -> QuizResult {
        QuizResult { score: 0, total: 10, percent, passed, missed: vec![] }
    }

    fn completion(percent: u32, passed: bool) -> Completion {
        Completion { hash: "h".into(), lang: Lang::Vi, result: result(percent, passed), at_ms: 1 }
    }

    #[test]
    fn status_follows_answers_and_results() {
        let mut p = LessonProgress::new("me", "bai");
        assert_eq!(p.status(), LessonStatus::NotStarted);
        p.answer("h", Lang::Vi, 7, "q1", Answer::TrueFalse(true));
        assert_eq!(p.status(), LessonStatus::InProgress);
        p.finish(completion(50, false));
        assert_eq!(p.status(), LessonStatus::InProgress);
        assert!(p.attempt.is_none());
        p.finish(completion(90, true));
        assert_eq!(p.status(), LessonStatus::Passed);
    }

    #[test]
    fn a_worse_later_try_never_loses_a_pass() {
        let mut p = LessonProgress::new("me", "bai");
        p.finish(completion(80, true));
        p.finish(completion(30, false));
        assert_eq!(p.best.as_ref().unwrap().result.percent, 80);
        assert_eq!(p.status(), LessonStatus::Passed);
        p.finish(completion(100, true));
        assert_eq!(p.best.as_ref().unwrap().result.percent, 100);
    }

    #[test]
    fn answers_resume_only_on_the_same_text_and_replace_earlier_ones() {
        let mut p = LessonProgress::new("me", "bai");
        p.answer("h1", Lang::Vi, 7, "q1", Answer::TrueFalse(true));
        p.answer("h1", Lang::Vi, 7, "q2", Answer::Single(1));
        p.answer("h1", Lang::Vi, 7, "q1", Answer::TrueFalse(false));
        let attempt = p.attempt_for("h1", Lang::Vi).unwrap();
        assert_eq!(
            attempt.answers,
            vec![("q2".into(), Answer::Single(1)), ("q1".into(), Answer::TrueFalse(false))]
        );
        assert!(p.attempt_for("h2", Lang::Vi).is_none(), "the lesson changed");
        assert!(p.attempt_for("h1", Lang::En).is_none(), "another language is another text");
        p.answer("h2", Lang::Vi, 9, "q1", Answer::TrueFalse(true));
        assert_eq!(p.attempt.as_ref().unwrap().answers.len(), 1, "a new text starts afresh");
        assert_eq!(p.attempt.as_ref().unwrap().seed, 9);
    }

    /// Runs a memory-store call: it never waits, so one poll finishes it.
    fn now<T>(f: impl std::future::Future<Output = T>) -> T {
        let mut f = std::pin::pin!(f);
        match f.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
            std::task::Poll::Ready(r) => r,
            std::task::Poll::Pending => panic!("the memory store never waits"),
        }
    }

    fn answer(question: &str, n: usize) -> Change {
        Change::Answer {
            hash: "h".into(),
            lang: Lang::Vi,
            seed: 1,
            question: question.into(),
            answer: Answer::Single(n),
        }
    }

    #[test]
    fn the_memory_store_keeps_each_learner_apart() {
        let store = MemoryStore::default();
        let mine = now(store.update("me", "bai", &answer("q1", 0))).unwrap();
        now(store.update("grandma", "bai", &answer("q1", 2))).unwrap();
        assert_eq!(now(store.load("me")).unwrap().records, vec![mine]);
        assert_eq!(now(store.load("grandma")).unwrap().records[0].attempt.as_ref().unwrap().answers.len(), 1);
    }

    /// Two tabs, each holding the record as it was when it opened the quiz, answer different
    /// questions: both answers are kept, because each change is applied to what is stored.
    #[test]
    fn changes_from_two_tabs_are_applied_to_what_is_stored_and_none_is_lost() {
        let store = MemoryStore::default();
        now(store.update("me", "bai", &answer("q1", 0))).unwrap();
        let stored = now(store.update("me", "bai", &answer("q2", 1))).unwrap();
        let answers = &stored.attempt.as_ref().unwrap().answers;
        assert_eq!(
            answers,
            &vec![("q1".to_string(), Answer::Single(0)), ("q2".to_string(), Answer::Single(1))]
        );
        // One tab finishes; the other's later answer starts a new attempt, and the result stays.
        now(store.update("me", "bai", &Change::Finish(completion(90, true)))).unwrap();
        let stored = now(store.update("me", "bai", &answer("q3", 0))).unwrap();
        assert_eq!(stored.status(), LessonStatus::Passed);
        assert_eq!(stored.attempt.as_ref().unwrap().answers.len(), 1);
        // Applying a change is the same as calling the rule it names.
        let mut by_rule = LessonProgress::new("me", "bai");
        by_rule.answer("h", Lang::Vi, 1, "q1", Answer::Single(0));
        by_rule.finish(completion(50, false));
        let mut by_change = LessonProgress::new("me", "bai");
        by_change.apply(&answer("q1", 0));
        by_change.apply(&Change::Finish(completion(50, false)));
        assert_eq!(by_rule, by_change);
    }
}

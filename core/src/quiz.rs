//! Grading quiz answers, and the order questions are shown in.
//!
//! Answers name options, steps, pairs and parts by their index in the compiled question (the order
//! the author wrote them), never by where they were shown, so shuffling can never change a grade.
//! Every question is worth one point and is right only when wholly right; the grade also says how
//! many parts were right, so feedback can say "3 of 4 pairs".

use serde::{Deserialize, Serialize};

use crate::content::{Choice, Question, QuestionKind, Quiz};

/// A learner's answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The option picked in a single-choice question.
    Single(usize),
    /// The options picked in a multiple-choice question, in any order.
    Multiple(Vec<usize>),
    /// True or false.
    TrueFalse(bool),
    /// The steps in the order the learner put them.
    Order(Vec<usize>),
    /// For each left item, in the question's order, the index of the pair whose right item the
    /// learner matched it with.
    Match(Vec<usize>),
    /// The parts of the message the learner marked as suspicious, in any order.
    Spot(Vec<usize>),
}

/// Why an answer cannot be graded against its question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizError {
    /// The answer is of another kind than the question (a stale answer after a content change).
    WrongKind { question: String },
    /// The answer names an option, step, pair or part the question does not have, or names the
    /// same one twice where that cannot be.
    BadIndex { question: String },
}

impl std::fmt::Display for QuizError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuizError::WrongKind { question } => write!(f, "the answer to `{question}` is of another kind"),
            QuizError::BadIndex { question } => write!(f, "the answer to `{question}` names a missing item"),
        }
    }
}

impl std::error::Error for QuizError {}

/// The grade of one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    /// Wholly right: the question's point is won.
    pub correct: bool,
    /// How many of the question's parts the answer got right (options, positions, pairs or parts).
    pub parts_right: usize,
    /// How many parts the question has.
    pub parts: usize,
}

/// Grades one answer.
pub fn grade(question: &Question, answer: &Answer) -> Result<Grade, QuizError> {
    let wrong_kind = || QuizError::WrongKind { question: question.id.clone() };
    let bad_index = || QuizError::BadIndex { question: question.id.clone() };
    // A set of distinct indices below `n`, or an error.
    let index_set = |picked: &[usize], n: usize| -> Result<Vec<bool>, QuizError> {
        let mut set = vec![false; n];
        for &i in picked {
            if i >= n || set[i] {
                return Err(bad_index());
            }
            set[i] = true;
        }
        Ok(set)
    };
    // A "pick these" question (multiple choice, spot the scam): right parts are the items whose
    // picked state equals their mark.
    let marked = |items: &[Choice], picked: &[usize]| {
        let picked = index_set(picked, items.len())?;
        let parts_right = items.iter().zip(&picked).filter(|(item, p)| item.correct == **p).count();
        Ok(Grade { correct: parts_right == items.len(), parts_right, parts: items.len() })
    };
    // A "put these in place" question (order, match): the answer is a permutation of `n`, and
    // right parts are the items in their own place.
    let in_place = |placed: &[usize], n: usize| {
        if placed.len() != n {
            return Err(bad_index());
        }
        index_set(placed, n)?;
        let parts_right = placed.iter().enumerate().filter(|(at, item)| at == *item).count();
        Ok(Grade { correct: parts_right == n, parts_right, parts: n })
    };
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice { options }, Answer::Single(i)) => {
            let option = options.get(*i).ok_or_else(bad_index)?;
            Ok(Grade { correct: option.correct, parts_right: usize::from(option.correct), parts: 1 })
        }
        (QuestionKind::MultipleChoice { options: items }, Answer::Multiple(picked))
        | (QuestionKind::SpotTheScam { parts: items }, Answer::Spot(picked)) => marked(items, picked),
        (QuestionKind::TrueFalse { answer: truth }, Answer::TrueFalse(said)) => {
            let correct = truth == said;
            Ok(Grade { correct, parts_right: usize::from(correct), parts: 1 })
        }
        (QuestionKind::Order { steps }, Answer::Order(order)) => in_place(order, steps.len()),
        (QuestionKind::Match { pairs }, Answer::Match(matched)) => in_place(matched, pairs.len()),
        _ => Err(wrong_kind()),
    }
}

/// The outcome of a whole quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    /// Questions wholly right.
    pub score: usize,
    pub total: usize,
    /// `score` as a whole percentage of `total`, rounded down.
    pub percent: u32,
    pub passed: bool,
    /// Ids of the questions to review (wrong, or not answered), in quiz order.
    pub missed: Vec<String>,
}

/// Grades every answer of a quiz. A question without an answer, or with one that cannot be graded,
/// counts as missed.
pub fn result<'a>(quiz: &Quiz, answer_to: impl Fn(&str) -> Option<&'a Answer>) -> QuizResult {
    let mut missed = Vec::new();
    let mut score: usize = 0;
    for question in &quiz.questions {
        match answer_to(&question.id).map(|answer| grade(question, answer)) {
            Some(Ok(grade)) if grade.correct => score += 1,
            _ => missed.push(question.id.clone()),
        }
    }
    let total = quiz.questions.len();
    let percent = (score * 100).checked_div(total).unwrap_or(0_usize) as u32;
    QuizResult { score, total, percent, passed: total > 0 && percent >= quiz.pass_mark, missed }
}

/// Where a quiz resumes: the position (in the order `seed` gives) of the first question with no
/// answer yet, or the last position when every question is answered. The answers kept need not
/// be the first ones shown: another tab may have answered other questions of the same attempt.
pub fn resume_at(quiz: &Quiz, seed: u64, answered: impl Fn(&str) -> bool) -> usize {
    let order = shuffled(quiz.questions.len(), seed);
    order.iter().position(|&i| !answered(&quiz.questions[i].id)).unwrap_or(order.len().saturating_sub(1))
}

/// A permutation of `0..n` drawn from `seed`: the order to show options, steps, pairs or questions
/// in. The same seed gives the same order (so a reload shows what the learner saw); a retry uses a
/// new seed. Never the identity when `n > 1`, so an order question is never shown already solved.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // SplitMix64: small, well-mixed, and the same on every platform.
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    if n > 1 && order.iter().enumerate().all(|(i, &v)| i == v) {
        order.rotate_left(1);
    }
    order
}

/// The seed of one question's option order within a run: derived from the run's seed and the
/// question's id (FNV-1a), so each question gets its own order and a resumed run the same one.
pub fn question_seed(run_seed: u64, question_id: &str) -> u64 {
    question_id
        .bytes()
        .fold(run_seed ^ 0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Choice, Inline, Pair};

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    fn question(kind: QuestionKind) -> Question {
        Question { id: "q".into(), prompt: text("?"), context: vec![], kind, explanation: text("!") }
    }

    fn choices(marks: &[bool]) -> Vec<Choice> {
        marks.iter().map(|&correct| Choice { text: text("x"), correct }).collect()
    }

    #[test]
    fn single_choice_is_right_only_on_the_right_option() {
        let q = question(QuestionKind::SingleChoice { options: choices(&[false, true, false]) });
        assert!(grade(&q, &Answer::Single(1)).unwrap().correct);
        assert!(!grade(&q, &Answer::Single(0)).unwrap().correct);
        assert_eq!(grade(&q, &Answer::Single(3)), Err(QuizError::BadIndex { question: "q".into() }));
        assert_eq!(grade(&q, &Answer::TrueFalse(true)), Err(QuizError::WrongKind { question: "q".into() }));
    }

    #[test]
    fn multiple_choice_needs_exactly_the_right_set_and_counts_parts() {
        let q = question(QuestionKind::MultipleChoice { options: choices(&[true, false, true, false]) });
        assert_eq!(
            grade(&q, &Answer::Multiple(vec![2, 0])).unwrap(),
            Grade { correct: true, parts_right: 4, parts: 4 }
        );
        assert_eq!(
            grade(&q, &Answer::Multiple(vec![0])).unwrap(),
            Grade { correct: false, parts_right: 3, parts: 4 }
        );
        assert!(!grade(&q, &Answer::Multiple(vec![0, 1, 2])).unwrap().correct, "a wrong option picked too");
        assert!(grade(&q, &Answer::Multiple(vec![0, 0])).is_err(), "the same option twice");
    }

    #[test]
    fn order_and_match_count_items_in_place() {
        let steps = QuestionKind::Order { steps: vec![text("a"), text("b"), text("c")] };
        let q = question(steps);
        assert!(grade(&q, &Answer::Order(vec![0, 1, 2])).unwrap().correct);
        assert_eq!(
            grade(&q, &Answer::Order(vec![0, 2, 1])).unwrap(),
            Grade { correct: false, parts_right: 1, parts: 3 }
        );
        assert!(grade(&q, &Answer::Order(vec![0, 1])).is_err());
        assert!(grade(&q, &Answer::Order(vec![0, 0, 1])).is_err());
        let pairs = (0..3).map(|_| Pair { left: text("l"), right: text("r") }).collect();
        let q = question(QuestionKind::Match { pairs });
        assert!(grade(&q, &Answer::Match(vec![0, 1, 2])).unwrap().correct);
        assert_eq!(grade(&q, &Answer::Match(vec![1, 0, 2])).unwrap().parts_right, 1);
    }

    #[test]
    fn true_false_and_spot_the_scam() {
        let q = question(QuestionKind::TrueFalse { answer: false });
        assert!(grade(&q, &Answer::TrueFalse(false)).unwrap().correct);
        assert!(!grade(&q, &Answer::TrueFalse(true)).unwrap().correct);
        let q = question(QuestionKind::SpotTheScam { parts: choices(&[false, true, true]) });
        assert!(grade(&q, &Answer::Spot(vec![1, 2])).unwrap().correct);
        assert_eq!(
            grade(&q, &Answer::Spot(vec![1])).unwrap(),
            Grade { correct: false, parts_right: 2, parts: 3 }
        );
        assert!(!grade(&q, &Answer::Spot(vec![0, 1, 2])).unwrap().correct, "an innocent part picked");
    }

    /// Shows every option of a question in another order, and answers through that order:
    /// the grade must not change (a permutation of options never changes a grade).
    #[test]
    fn a_shuffled_display_never_changes_a_grade() {
        let q =
            question(QuestionKind::MultipleChoice { options: choices(&[true, false, true, false, true]) });
        for seed in 0..200 {
            let shown = shuffled(5, seed);
            // The learner taps the displayed positions whose option is right.
            let picked: Vec<usize> =
                (0..5).filter(|&pos| [0, 2, 4].contains(&shown[pos])).map(|pos| shown[pos]).collect();
            assert!(grade(&q, &Answer::Multiple(picked)).unwrap().correct, "seed {seed}");
        }
    }

    #[test]
    fn shuffles_are_permutations_repeatable_and_never_already_solved() {
        for n in 0..8 {
            for seed in 0..300 {
                let order = shuffled(n, seed);
                let mut sorted = order.clone();
                sorted.sort();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
                assert_eq!(order, shuffled(n, seed));
                if n > 1 {
                    assert_ne!(order, sorted, "n={n} seed={seed}");
                }
            }
        }
        let distinct: std::collections::HashSet<Vec<usize>> =
            (0..100).map(|seed| shuffled(4, seed)).collect();
        assert!(distinct.len() > 10, "seeds give varied orders");
    }

    #[test]
    fn each_question_of_a_run_gets_its_own_repeatable_seed() {
        assert_eq!(question_seed(7, "q-a"), question_seed(7, "q-a"));
        assert_ne!(question_seed(7, "q-a"), question_seed(7, "q-b"));
        assert_ne!(question_seed(7, "q-a"), question_seed(8, "q-a"));
    }

    #[test]
    fn the_result_counts_right_answers_against_the_pass_mark() {
        let quiz = Quiz {
            pass_mark: 80,
            questions: ["a", "b", "c", "d", "e"]
                .iter()
                .map(|id| Question {
                    id: id.to_string(),
                    ..question(QuestionKind::TrueFalse { answer: true })
                })
                .collect(),
        };
        let yes = Answer::TrueFalse(true);
        let no = Answer::TrueFalse(false);
        let four_right = |id: &str| Some(if id == "c" { &no } else { &yes });
        let result = result(&quiz, four_right);
        assert_eq!(
            result,
            QuizResult { score: 4, total: 5, percent: 80, passed: true, missed: vec!["c".into()] }
        );
        let three = super::result(&quiz, |id: &str| if id == "a" || id == "b" { None } else { Some(&yes) });
        assert_eq!((three.percent, three.passed, three.missed.len()), (60, false, 2));
    }

    #[test]
    fn a_quiz_resumes_at_the_first_question_shown_that_has_no_answer() {
        let ids = ["a", "b", "c", "d", "e"];
        let quiz = Quiz {
            pass_mark: 80,
            questions: ids
                .iter()
                .map(|id| Question {
                    id: id.to_string(),
                    ..question(QuestionKind::TrueFalse { answer: true })
                })
                .collect(),
        };
        let seed = 11;
        let order: Vec<&str> = shuffled(5, seed).into_iter().map(|i| ids[i]).collect();
        assert_eq!(resume_at(&quiz, seed, |_| false), 0);
        // The first two shown are answered: the third.
        assert_eq!(resume_at(&quiz, seed, |id| order[..2].contains(&id)), 2);
        // Another tab answered the fourth shown, but not the second: the second.
        assert_eq!(resume_at(&quiz, seed, |id| id == order[0] || id == order[3]), 1);
        // Everything answered: the last, where the result is one tap away.
        assert_eq!(resume_at(&quiz, seed, |_| true), 4);
    }
}

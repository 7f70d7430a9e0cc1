//! A lesson's quiz: one question per screen, answered by tapping (never by dragging), checked with
//! feedback and the explanation, then a result with the pass mark and what to review, and a
//! retry in a new order. Grading is kns-core's; this page only collects answers.

use std::collections::HashMap;
use std::sync::Arc;

use kns_core::claim::Claim;
use kns_core::content::{CompiledLesson, Inline, Question, QuestionKind};
use kns_core::i18n::Arg;
use kns_core::progress::Completion;
use kns_core::quiz::{Answer, grade, question_seed, result, resume_at, shuffled};
use kns_core::route::Route;
use leptos::prelude::*;

use crate::components::blocks::inlines;
use crate::components::reader::Reader;
use crate::components::status::{Loading, when_loaded};
use crate::course::{LessonState, lesson_resource};
use crate::i18n::use_i18n;
use crate::platform::prefs;
use crate::progress::use_progress;
use crate::router::Link;

#[component]
pub fn QuizPage(
    /// The id of the lesson whose quiz this is.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let progress = use_progress();
    let lesson = lesson_resource(move || id.clone());
    Effect::new(move |_| {
        let title = match lesson.get() {
            Some(Ok(LessonState::Loaded(l))) => format!("{} · {}", i18n.t("quiz-heading"), l.lesson.title),
            _ => i18n.t("quiz-heading"),
        };
        prefs::set_title(&format!("{title} · {}", i18n.t("app-title")));
    });
    view! {
        {when_loaded(lesson, move |compiled| {
            let compiled = compiled.clone();
            // Wait for saved progress, so a quiz half done resumes where it was left.
            (move || {
                if progress.ready() {
                    view! { <QuizRun compiled=compiled.clone()/> }.into_any()
                } else {
                    view! { <Loading message="lesson-loading"/> }.into_any()
                }
            })
            .into_any()
        })}
    }
}

/// A seed for a new order of questions and options.
fn new_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// One run through the quiz, from the first question to the result.
#[component]
fn QuizRun(compiled: Arc<CompiledLesson>) -> impl IntoView {
    let i18n = use_i18n();
    let quiz = Arc::new(compiled.lesson.quiz.clone());
    let lesson_id = compiled.lesson.id.clone();
    let lesson_title = compiled.lesson.title.clone();
    let (hash, lang) = (compiled.hash.clone(), compiled.lesson.lang);
    let progress = use_progress();
    let total = quiz.questions.len();
    // Resume the attempt saved for this very text of the lesson, if there is one.
    let saved = progress.record(&lesson_id).attempt_for(&hash, lang).cloned();
    let seed = RwSignal::new(saved.as_ref().map_or_else(new_seed, |a| a.seed));
    let resumed: HashMap<String, Answer> = saved.map(|a| a.answers.into_iter().collect()).unwrap_or_default();
    let position = RwSignal::new(resume_at(&quiz, seed.get_untracked(), |id| resumed.contains_key(id)));
    let answers: RwSignal<HashMap<String, Answer>> = RwSignal::new(resumed);
    let finished = RwSignal::new(false);
    // When this run began: a record says how long the quiz took.
    let started = RwSignal::new(js_sys::Date::now());

    let retry = move |_| {
        started.set(js_sys::Date::now());
        answers.set(HashMap::new());
        position.set(0);
        finished.set(false);
        seed.set(new_seed());
    };

    let quiz_for_view = quiz.clone();
    let lesson_key = lesson_id.clone();
    view! {
        <p class="back">
            <Link to=Route::Lesson(lesson_id.clone())>{i18n.t("quiz-back-to-lesson")}</Link>
        </p>
        <p class="quiz-lesson">{lesson_title}</p>
        {move || {
            let quiz = quiz_for_view.clone();
            if finished.get() {
                let answers_now = answers.get();
                let outcome = result(&quiz, |id| answers_now.get(id));
                let review: Vec<Question> =
                    quiz.questions.iter().filter(|q| outcome.missed.contains(&q.id)).cloned().collect();
                return view! {
                    <section class="quiz-result" aria-labelledby="quiz-result-heading">
                        <h1 id="quiz-result-heading" tabindex="-1">{i18n.t("quiz-result-heading")}</h1>
                        <p class="quiz-score" role="status">
                            {i18n.format("quiz-score", &[
                                ("score", Arg::Num(outcome.score as i64)),
                                ("total", Arg::Num(outcome.total as i64)),
                                ("percent", Arg::Num(i64::from(outcome.percent))),
                            ])}
                        </p>
                        <p class=if outcome.passed { "verdict passed" } else { "verdict failed" }>
                            {move || if outcome.passed {
                                i18n.t("quiz-passed")
                            } else {
                                i18n.format("quiz-failed", &[("pass", Arg::Num(i64::from(quiz.pass_mark)))])
                            }}
                        </p>
                        // Said once the result is on the disk, so the learner knows closing the app is safe.
                        {move || progress.saved().then(|| view! { <p class="saved" role="status">{i18n.t("quiz-saved")}</p> })}
                        {(!review.is_empty()).then(|| view! {
                            <h2>{i18n.t("quiz-review")}</h2>
                            <ul class="list">
                                {review.into_iter().map(|q| view! { <li>{inlines(q.prompt)}</li> }).collect_view()}
                            </ul>
                        })}
                        {outcome.passed.then(|| view! {
                            <p><a href="/settings#records" class="records-link">{i18n.t("quiz-records")}</a></p>
                        })}
                        <div class="actions">
                            <button type="button" class="button" on:click=retry>{i18n.t("quiz-retry")}</button>
                            <Link to=Route::Lesson(lesson_id.clone()) class="button secondary">{i18n.t("quiz-back-to-lesson")}</Link>
                        </div>
                    </section>
                }
                .into_any();
            }
            let (lesson_key, hash_key) = (lesson_key.clone(), hash.clone());
            let (lesson_done, hash_done, quiz_for_finish) = (lesson_key.clone(), hash.clone(), quiz.clone());
            let compiled_done = compiled.clone();
            let order = shuffled(total, seed.get());
            let index = order[position.get().min(total.saturating_sub(1))];
            let question = quiz.questions[index].clone();
            let question_seed = question_seed(seed.get(), &question.id);
            view! {
                <QuestionScreen
                    question
                    lang
                    seed=question_seed
                    number=position.get_untracked() + 1
                    total
                    on_answer=Callback::new(move |(id, answer, saved): (String, Answer, RwSignal<bool>)| {
                        progress.answer(&lesson_key, &hash_key, lang, seed.get_untracked(), &id, answer.clone(), saved);
                        answers.update(|a| {
                            a.insert(id, answer);
                        });
                    })
                    on_next=Callback::new(move |()| {
                        if position.get_untracked() + 1 >= total {
                            let result = answers.with_untracked(|a| result(&quiz_for_finish, |id| a.get(id)));
                            let at_ms = js_sys::Date::now() as u64;
                            let seconds = ((at_ms as f64 - started.get_untracked()) / 1000.0) as u32;
                            if let Some(claim) = Claim::passed(&compiled_done, &result, seconds, at_ms) {
                                progress.keep_claim(claim);
                            }
                            let completion = Completion { hash: hash_done.clone(), lang, result, at_ms };
                            progress.finish(&lesson_done, completion);
                            finished.set(true);
                        } else {
                            position.update(|p| *p += 1);
                        }
                    })
                />
            }
            .into_any()
        }}
    }
}

/// One question: the prompt, the answer widget, "check", then feedback and "next".
#[component]
fn QuestionScreen(
    question: Question,
    /// The lesson's language (read-aloud's voice).
    lang: kns_core::Lang,
    /// The order the options are shown in comes from this.
    seed: u64,
    /// 1-based position in the run.
    number: usize,
    total: usize,
    /// Called once, when the learner checks an answer, with the flag to set once it is saved.
    on_answer: Callback<(String, Answer, RwSignal<bool>)>,
    on_next: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft: RwSignal<Option<Answer>> = RwSignal::new(None);
    let checked = RwSignal::new(false);
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    // The save first, then the feedback: drawn once the answer is on the device (a millisecond
    // or two; `on_answer` sets `checked`), or after 100 ms if the storage is slow. Drawing at
    // once would hold up the save, whose events wait for the page to be free (docs/benchmarks.md).
    let answered = RwSignal::new(false);
    let q = question.clone();
    let check = move |_| {
        if answered.get_untracked() {
            return;
        }
        if let Some(answer) = draft.get_untracked() {
            answered.set(true);
            on_answer.run((q.id.clone(), answer, checked));
            set_timeout(move || checked.set(true), std::time::Duration::from_millis(100));
        }
    };
    let feedback_question = question.clone();
    let last = number >= total;
    view! {
        <section class="question" aria-labelledby="question-prompt">
            <p class="question-progress">
                {i18n.format("quiz-progress", &[("n", Arg::Num(number as i64)), ("total", Arg::Num(total as i64))])}
            </p>
            <h1 id="question-prompt" tabindex="-1" node_ref=heading>{inlines(question.prompt.clone())}</h1>
            <Reader lang pieces=kns_core::prerender::QUESTION_PIECES/>
            {question.context.clone().into_iter().map(|p| view! { <p class="question-context">{inlines(p)}</p> }).collect_view()}
            // Once checked, the answer is locked: a disabled fieldset disables every control in it.
            <fieldset class="answer" disabled=move || checked.get()>
                <AnswerWidget kind=question.kind.clone() seed draft/>
            </fieldset>
            <div class="feedback" role="status" aria-live="polite">
                {move || {
                    let answer = draft.get();
                    match (checked.get(), answer) {
                        (true, Some(answer)) => {
                            let graded = grade(&feedback_question, &answer).ok();
                            let correct = graded.is_some_and(|g| g.correct);
                            let parts = graded.filter(|g| g.parts > 1 && !g.correct);
                            view! {
                                <div class=if correct { "verdict passed" } else { "verdict failed" }>
                                    <p class="verdict-title">{i18n.t(if correct { "quiz-right" } else { "quiz-wrong" })}</p>
                                    {parts.map(|g| view! {
                                        <p>{i18n.format("quiz-parts", &[
                                            ("right", Arg::Num(g.parts_right as i64)),
                                            ("parts", Arg::Num(g.parts as i64)),
                                        ])}</p>
                                    })}
                                    <p>{inlines(feedback_question.explanation.clone())}</p>
                                </div>
                            }
                            .into_any()
                        }
                        _ => ().into_any(),
                    }
                }}
            </div>
            <div class="actions">
                {move || if checked.get() {
                    view! {
                        <button type="button" class="button" on:click=move |_| on_next.run(())>
                            {i18n.t(if last { "quiz-finish" } else { "quiz-next" })}
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="button" disabled=move || draft.get().is_none() on:click=check.clone()>
                            {i18n.t("quiz-check")}
                        </button>
                    }
                    .into_any()
                }}
            </div>
        </section>
    }
}

/// The input for one kind of question. Writes the learner's answer into `draft` (`None` while
/// the answer is incomplete).
#[component]
fn AnswerWidget(kind: QuestionKind, seed: u64, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    match kind {
        QuestionKind::SingleChoice { options } => {
            let texts = options.into_iter().map(|o| o.text).collect();
            choice_list(texts, seed, false, draft).into_any()
        }
        QuestionKind::MultipleChoice { options } => {
            let texts = options.into_iter().map(|o| o.text).collect();
            choice_list(texts, seed, true, draft).into_any()
        }
        QuestionKind::TrueFalse { .. } => true_false(draft).into_any(),
        QuestionKind::Order { steps } => order_widget(steps, seed, draft).into_any(),
        QuestionKind::Match { pairs } => {
            let (lefts, rights) = pairs.into_iter().map(|p| (p.left, p.right)).unzip();
            match_widget(lefts, rights, seed, draft).into_any()
        }
        QuestionKind::SpotTheScam { parts } => {
            let texts = parts.into_iter().map(|p| p.text).collect();
            spot_widget(texts, draft).into_any()
        }
    }
}

/// Radio buttons (one answer) or checkboxes (several), in a shuffled order.
fn choice_list(
    options: Vec<Vec<Inline>>,
    seed: u64,
    multiple: bool,
    draft: RwSignal<Option<Answer>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let order = shuffled(options.len(), seed);
    let picked = RwSignal::new(Vec::<usize>::new());
    let name = format!("choice-{seed}");
    view! {
        <fieldset class="choices">
            <legend class="hint">{i18n.t(if multiple { "quiz-multiple-help" } else { "quiz-single-help" })}</legend>
            {order
                .into_iter()
                .map(|index| {
                    let text = options[index].clone();
                    let on_change = move |_| {
                        picked.update(|p| {
                            if !multiple {
                                p.clear();
                                p.push(index);
                            } else if let Some(at) = p.iter().position(|&i| i == index) {
                                p.remove(at);
                            } else {
                                p.push(index);
                            }
                        });
                        let p = picked.get_untracked();
                        draft.set(match (multiple, p.first()) {
                            (_, None) => None,
                            (false, Some(&i)) => Some(Answer::Single(i)),
                            (true, Some(_)) => Some(Answer::Multiple(p)),
                        });
                    };
                    view! {
                        <label class="choice">
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                name=name.clone()
                                prop:checked=move || picked.get().contains(&index)
                                on:change=on_change
                            />
                            <span>{inlines(text)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Two radio buttons: true, false.
fn true_false(draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let i18n = use_i18n();
    [(true, "quiz-true"), (false, "quiz-false")]
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="true-false"
                        prop:checked=move || draft.get() == Some(Answer::TrueFalse(value))
                        on:change=move |_| draft.set(Some(Answer::TrueFalse(value)))
                    />
                    <span>{i18n.t(label)}</span>
                </label>
            }
        })
        .collect_view()
}

/// Put the steps in order by tapping them one after another; tap a placed step to take it back.
fn order_widget(steps: Vec<Vec<Inline>>, seed: u64, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let i18n = use_i18n();
    let n = steps.len();
    let shown = shuffled(n, seed);
    let placed = RwSignal::new(Vec::<usize>::new());
    let sync = move || {
        let p = placed.get_untracked();
        draft.set((p.len() == n).then_some(Answer::Order(p)));
    };
    let steps = Arc::new(steps);
    let steps_placed = steps.clone();
    view! {
        <p class="hint">{i18n.t("quiz-order-help")}</p>
        <h2 class="small-heading">{i18n.t("quiz-order-yours")}</h2>
        <ol class="placed" aria-live="polite">
            {move || {
                placed
                    .get()
                    .into_iter()
                    .map(|index| {
                        let text = steps_placed[index].clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="tile placed-tile"
                                    on:click=move |_| {
                                        placed.update(|p| p.retain(|&i| i != index));
                                        sync();
                                    }
                                >
                                    {inlines(text)}
                                    <span class="visually-hidden">{format!(" ({})", i18n.t("quiz-take-back"))}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <ul class="tiles">
            {shown
                .into_iter()
                .map(|index| {
                    let text = steps[index].clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="tile"
                                hidden=move || placed.get().contains(&index)
                                on:click=move |_| {
                                    placed.update(|p| p.push(index));
                                    sync();
                                }
                            >
                                {inlines(text)}
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Match pairs by tapping a left item, then its match on the right; tap a made pair to undo it.
fn match_widget(
    lefts: Vec<Vec<Inline>>,
    rights: Vec<Vec<Inline>>,
    seed: u64,
    draft: RwSignal<Option<Answer>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = lefts.len();
    let left_order = shuffled(n, seed);
    let right_order = shuffled(n, seed.rotate_left(17));
    // matched[left] = the right item chosen for it
    let matched = RwSignal::new(vec![None::<usize>; n]);
    let selected = RwSignal::new(None::<usize>);
    let sync = move || {
        let m = matched.get_untracked();
        draft.set(m.iter().all(Option::is_some).then(|| Answer::Match(m.into_iter().flatten().collect())));
    };
    let rights = Arc::new(rights);
    let rights_for_left = rights.clone();
    view! {
        <p class="hint">{i18n.t("quiz-match-help")}</p>
        <div class="match">
            <ul class="tiles" aria-label=i18n.t("quiz-match-left")>
                {left_order
                    .into_iter()
                    .map(|left| {
                        let text = lefts[left].clone();
                        let rights = rights_for_left.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="tile"
                                    aria-pressed=move || (selected.get() == Some(left)).to_string()
                                    on:click=move |_| {
                                        if matched.get_untracked()[left].is_some() {
                                            matched.update(|m| m[left] = None);
                                            sync();
                                        }
                                        selected.set(Some(left));
                                    }
                                >
                                    {inlines(text)}
                                    {move || matched.get()[left].map(|right| view! {
                                        <span class="match-arrow">" → "</span>
                                        <span class="match-right">{inlines(rights[right].clone())}</span>
                                    })}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ul class="tiles" aria-label=i18n.t("quiz-match-right")>
                {right_order
                    .into_iter()
                    .map(|right| {
                        let text = rights[right].clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="tile"
                                    hidden=move || matched.get().contains(&Some(right))
                                    disabled=move || selected.get().is_none()
                                    on:click=move |_| {
                                        if let Some(left) = selected.get_untracked() {
                                            matched.update(|m| m[left] = Some(right));
                                            selected.set(None);
                                            sync();
                                        }
                                    }
                                >
                                    {inlines(text)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// A message cut into parts; tap each part that looks suspicious.
fn spot_widget(parts: Vec<Vec<Inline>>, draft: RwSignal<Option<Answer>>) -> impl IntoView {
    let i18n = use_i18n();
    let picked = RwSignal::new(Vec::<usize>::new());
    draft.set(Some(Answer::Spot(Vec::new())));
    view! {
        <p class="hint">{i18n.t("quiz-spot-help")}</p>
        <div class="message" role="group" aria-label=i18n.t("quiz-spot-message")>
            {parts
                .into_iter()
                .enumerate()
                .map(|(index, text)| {
                    view! {
                        <button
                            type="button"
                            class="message-part"
                            aria-pressed=move || picked.get().contains(&index).to_string()
                            on:click=move |_| {
                                picked.update(|p| {
                                    if let Some(at) = p.iter().position(|&i| i == index) {
                                        p.remove(at);
                                    } else {
                                        p.push(index);
                                    }
                                });
                                draft.set(Some(Answer::Spot(picked.get_untracked())));
                            }
                        >
                            {inlines(text)}
                        </button>
                        " "
                    }
                })
                .collect_view()}
        </div>
    }
}

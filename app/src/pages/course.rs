//! The course page: every lesson, grouped by the campaign's pillars.

use std::sync::Arc;

use kns_core::checklist;
use kns_core::content::{CourseIndex, LessonSummary};
use kns_core::i18n::Arg;
use kns_core::offline;
use kns_core::route::Route;
use leptos::prelude::*;

use crate::components::status::{LoadFailed, Loading};
use crate::course::use_course;
use crate::i18n::use_i18n;
use crate::offline::Download;
use crate::platform::prefs;
use crate::progress::use_progress;
use crate::router::Link;
use kns_core::progress::LessonStatus;

#[component]
pub fn CoursePage() -> impl IntoView {
    let i18n = use_i18n();
    let course = use_course();
    Effect::new(move |_| prefs::set_title(&i18n.t("app-title")));
    view! {
        <h1>{i18n.t("course-heading")}</h1>
        <p class="lead">{i18n.t("course-intro")}</p>
        {move || match course.get() {
            None => view! { <Loading message="course-loading"/> }.into_any(),
            Some(Err(_)) => {
                view! { <LoadFailed message="course-load-failed" retry=Callback::new(move |()| course.retry())/> }
                    .into_any()
            }
            Some(Ok(index)) => {
                let some = !index.lessons.is_empty();
                (some.then(|| self_check(&index)), pillars(&index), some.then(|| offline_lessons(index))).into_any()
            }
        }}
    }
}

/// The campaign's four-pillar self-check (see [`kns_core::checklist`]): the learner ticks what is
/// true, the last item fills itself from progress, and each item not done links to the lesson
/// that helps next. `prerender::course_page` writes the same markup.
///
/// The boxes are the browser's own: a tap ticks one and `on:change` saves it. Nothing here
/// re-renders on a tick (the stylesheet hides an item's help once it is ticked), so the focus
/// never jumps; only progress, which is loaded once, renders it again.
fn self_check(index: &CourseIndex) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let progress = use_progress();
    let passed = move |id: &str| progress.status(id) == LessonStatus::Passed;
    let (done_lessons, total) = checklist::lessons_passed(index, passed);
    let ticks = prefs::load_ticks(&prefs::profile());
    // With no ticks, every item that is not learned has its help: the stylesheet shows it only
    // while the box is unticked.
    let items = checklist::items(index, Default::default(), passed).into_iter().map(move |item| {
        let pillar = item.pillar;
        let learned = pillar == checklist::LEARNED;
        let status = learned.then(|| {
            let args = [("passed", Arg::Num(done_lessons as i64)), ("total", Arg::Num(total as i64))];
            view! { <span class="check-status">{i18n.format("check-learned", &args)}</span> }
        });
        let help = item.help.map(|lesson| {
            let title = lesson.translation(i18n.current()).title.clone();
            view! {
                <span>{i18n.t(if learned { "check-next" } else { "check-help" })}</span>
                <Link to=Route::Lesson(lesson.id.clone())>{title}</Link>
            }
        });
        view! {
            <li>
                <label class="check">
                    <input
                        type="checkbox"
                        data-check=pillar.slug()
                        disabled=learned
                        checked=item.done || ticks.is_ticked(pillar)
                        on:change=move |ev| progress.set_tick(pillar, event_target_checked(&ev))
                    />
                    <span>{i18n.t(&format!("check-{}", pillar.slug()))}</span>
                </label>
                <p class="check-help">{status}{help}</p>
            </li>
        }
    });
    let items = items.collect_view();
    view! {
        <section class="self-check" aria-labelledby="self-check-heading">
            <h2 id="self-check-heading">{i18n.t("check-heading")}</h2>
            <p>{i18n.t("check-intro")}</p>
            <ul class="checks">{items}</ul>
        </section>
    }
}

fn pillars(index: &CourseIndex) -> impl IntoView + use<> {
    let i18n = use_i18n();
    if index.lessons.is_empty() {
        return view! { <p>{i18n.t("course-empty")}</p> }.into_any();
    }
    index
        .by_pillar()
        .into_iter()
        .map(|(pillar, lessons)| {
            let heading = i18n.t(&format!("pillar-{}", pillar.slug()));
            let label = heading.clone();
            view! {
                <section class="pillar" aria-label=label>
                    <h2>{heading}</h2>
                    <ul class="lessons">{lessons.into_iter().cloned().map(lesson_card).collect_view()}</ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}

fn lesson_card(lesson: LessonSummary) -> impl IntoView {
    let i18n = use_i18n();
    let progress = use_progress();
    let id = lesson.id.clone();
    let minutes = lesson.minutes as i64;
    let text = lesson.clone();
    view! {
        <li class="lesson-card">
            <Link to=Route::Lesson(lesson.id.clone())>
                <span class="lesson-title">{text.translation(i18n.current()).title.clone()}</span>
            </Link>
            <p class="lesson-summary">{lesson.translation(i18n.current()).summary.clone()}</p>
            <p class="lesson-meta">
                <span>{i18n.format("lesson-minutes", &[("minutes", Arg::Num(minutes))])}</span>
                {move || {
                    let (class, message) = match progress.status(&id) {
                        LessonStatus::NotStarted => ("badge", "lesson-state-not-started"),
                        LessonStatus::InProgress => ("badge in-progress", "lesson-state-in-progress"),
                        LessonStatus::Passed => ("badge passed", "lesson-state-passed"),
                    };
                    view! { <span class=class>{i18n.t(message)}</span> }
                }}
                {move || {
                    let file = &lesson.translation(i18n.current()).file;
                    progress.kept.with(|kept| kept.contains(file)).then(|| {
                        view! { <span class="kept">{i18n.t("lesson-kept")}</span> }
                    })
                }}
            </p>
        </li>
    }
}

/// Learning with no network: how many lessons are kept on this device and the room they take,
/// and a button that keeps all the others (at the end of the page, so that nothing the static
/// page showed moves when it appears). Hidden where nothing can be kept.
fn offline_lessons(index: Arc<CourseIndex>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = use_progress();
    move || {
        if !progress.can_keep() {
            return None;
        }
        let lang = i18n.current();
        let stored = progress.kept();
        let kept = offline::kept(&index, lang, &stored);
        let kb = |bytes| Arg::Num(offline::kilobytes(bytes) as i64);
        let args = [
            ("kept", Arg::Num(kept.lessons.len() as i64)),
            ("total", Arg::Num(index.lessons.len() as i64)),
            ("kb", kb(kept.bytes)),
        ];
        let status = i18n.format(if kept.all() { "offline-all" } else { "offline-some" }, &args);
        let download = progress.download();
        let problem = match download {
            Download::NoNetwork => Some("offline-no-network"),
            Download::Full => Some("offline-full"),
            Download::Failed => Some("offline-failed"),
            Download::Idle | Download::Running => None,
        };
        let button = (!kept.all()).then(|| {
            let index = index.clone();
            let label = if download == Download::Running {
                i18n.t("offline-downloading")
            } else {
                i18n.format("offline-download", &[("kb", kb(kept.missing_bytes))])
            };
            view! {
                <button
                    type="button"
                    class="button"
                    // The section is drawn whole again as the download runs and ends; the focus
                    // follows (index.html), to the heading once the button is gone.
                    id="offline-download"
                    data-refocus="offline-heading"
                    aria-disabled=(download == Download::Running).then_some("true")
                    on:click=move |_| progress.download_all(index.clone(), lang)
                >
                    {label}
                </button>
            }
        });
        Some(view! {
            <section class="offline" aria-labelledby="offline-heading">
                <h2 id="offline-heading" tabindex="-1">{i18n.t("offline-heading")}</h2>
                <p role="status">{status}</p>
                {problem.map(|id| view! { <p class="status failed" role="alert">{i18n.t(id)}</p> })}
                {button}
            </section>
        })
    }
}

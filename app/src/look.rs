//! "Cỡ chữ và màu" on the settings page (issue 7): the learner in use makes the text larger or
//! smaller (100 % to 200 %) and turns the high-contrast theme on or off. The page changes at
//! once; each learner's choice is kept on the device ([`kns_core::look`]) and the course
//! pages apply it before their first paint.

use kns_core::i18n::Arg;
use kns_core::look::Look;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform::prefs;
use crate::profiles::Learners;

#[component]
pub fn LookSection() -> impl IntoView {
    let i18n = use_i18n();
    let learners = expect_context::<Learners>();
    // Until the list of learners is read from IndexedDB, the one in use is the one this page
    // was opened for (the one whose look the page's `<head>` applied), so a tap before then
    // changes that learner's look, not a placeholder's.
    let profile = Memo::new(move |_| {
        if learners.ready.get() { learners.profiles.with(|p| p.current.clone()) } else { prefs::profile() }
    });
    let look = RwSignal::new(prefs::load_look(&prefs::profile()));
    let said = RwSignal::new(String::new());
    // Each learner has their own: follow the one in use (a switch on this page draws it anew).
    Effect::new(move |first: Option<()>| {
        let profile = profile.get();
        if first.is_some() {
            let theirs = prefs::load_look(&profile);
            look.set(theirs);
            prefs::apply_look(theirs);
        }
    });
    // Draws the page in `next` and keeps it; says `done`, or that it holds for this visit only.
    let choose = move |next: Look, done: String| {
        look.set(next);
        prefs::apply_look(next);
        let kept = prefs::save_look(&profile.get_untracked(), next);
        said.set(if kept { done } else { i18n.t("look-not-kept") });
    };
    let size = move |next: Option<Look>, limit: &'static str| match next {
        Some(next) => choose(next, i18n.format("look-size", &[("percent", Arg::Num(i64::from(next.text)))])),
        None => said.set(i18n.t(limit)),
    };
    view! {
        <section class="look-section" aria-labelledby="look-heading">
            <h2 id="look-heading">{i18n.t("look-heading")}</h2>
            <p class="look-now">
                {move || i18n.format("look-size", &[("percent", Arg::Num(i64::from(look.get().text)))])}
            </p>
            <div class="actions">
                <button type="button" class="button" id="text-bigger"
                    on:click=move |_| size(look.get_untracked().bigger(), "look-largest")>
                    {i18n.t("look-bigger")}
                </button>
                <button type="button" class="button secondary" id="text-smaller"
                    on:click=move |_| size(look.get_untracked().smaller(), "look-smallest")>
                    {i18n.t("look-smaller")}
                </button>
            </div>
            <label class="choice">
                <input type="checkbox" id="contrast" prop:checked=move || look.get().contrast
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        choose(
                            Look { contrast: on, ..look.get_untracked() },
                            i18n.t(if on { "look-contrast-on" } else { "look-contrast-off" }),
                        );
                    }/>
                <span>{i18n.t("look-contrast")}</span>
            </label>
            <p class="look-said" role="status">{move || said.get()}</p>
        </section>
    }
}

//! The learners on this device, on the settings page (part of the settings entry's wasm, so
//! the course page carries none of it): who is learning, switching to another by tapping their
//! picture, adding one, changing the picture and name, a lock of three pictures or a 4-digit
//! PIN, and deleting a learner with their progress after asking.
//!
//! The rules are kns-core's ([`kns_core::profile`]); this is the pages. The learners are kept in
//! IndexedDB (see [`IdbStore::save_profiles`]); the id of the one in use, and what the course
//! page's header shows, go to `localStorage` too, where the course page reads them at once.

use std::rc::Rc;

use kns_core::i18n::Arg;
use kns_core::profile::{LockKind, Picture, Profile, ProfileError, Profiles, Secret, Unlock};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{I18n, use_i18n};
use crate::platform::idb_store::IdbStore;
use crate::platform::prefs;

/// What the section shows.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    List,
    Create,
    Edit,
    Lock,
    /// The keypad for a locked profile, to switch to it or (`delete`) to delete it.
    Unlock {
        id: String,
        delete: bool,
    },
    /// Whom to delete.
    Delete,
    ConfirmDelete(String),
}

/// Where the learners are kept.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kept {
    Loading,
    Saved,
    /// No IndexedDB: one learner, nothing to add.
    NoStore,
    /// The saved list could not be read: the learner is told; saving starts it afresh.
    Damaged,
}

/// The section's state, shared by its steps.
#[derive(Clone, Copy)]
struct Ctx {
    i18n: I18n,
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    profiles: RwSignal<Profiles>,
    kept: RwSignal<Kept>,
    step: RwSignal<Step>,
    /// The last thing done or refused, announced (`role="status"`).
    said: RwSignal<String>,
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Bytes from the browser's secure random source (ids, salts).
fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = window().crypto().and_then(|c| c.get_random_values_with_u8_array(&mut bytes));
    if filled.is_err() {
        bytes.iter_mut().for_each(|b| *b = (js_sys::Math::random() * 256.0) as u8);
    }
    bytes
}

/// What a profile is called: its name, or its picture's.
pub(crate) fn learner_label(i18n: I18n, profile: &Profile) -> String {
    if profile.name.is_empty() {
        i18n.t(&format!("picture-{}", profile.picture.slug()))
    } else {
        profile.name.clone()
    }
}

/// What to tell the learner when a lock or a save refused.
pub(crate) fn refusal(i18n: I18n, refused: ProfileError) -> String {
    match refused {
        ProfileError::Locked(Unlock::Wrong { free_tries_left }) => {
            i18n.format("profiles-wrong", &[("tries", Arg::Num(i64::from(free_tries_left)))])
        }
        ProfileError::Locked(Unlock::Wait { ms }) if ms > 90_000 => {
            i18n.format("profiles-wait-minutes", &[("minutes", Arg::Num(ms.div_ceil(60_000) as i64))])
        }
        ProfileError::Locked(Unlock::Wait { ms }) => {
            i18n.format("profiles-wait", &[("seconds", Arg::Num(ms.div_ceil(1000) as i64))])
        }
        ProfileError::NameTooLong => i18n.t("profiles-name-too-long"),
        _ => i18n.t("profiles-save-failed"),
    }
}

/// The picture, drawn from the sprite in `public/profiles.svg`.
pub(crate) fn picture_img(picture: Picture, size: u32) -> impl IntoView {
    let src = format!("/profiles.svg#{}", picture.slug());
    view! { <img src=src alt="" width=size height=size/> }
}

impl Ctx {
    fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    fn label(&self, profile: &Profile) -> String {
        learner_label(self.i18n, profile)
    }

    fn label_of(&self, id: &str) -> String {
        self.profiles.with_untracked(|p| p.get(id).map(|p| self.label(p))).unwrap_or_default()
    }

    fn say(&self, id: &str, name: &str) {
        self.said.set(self.i18n.format(id, &[("name", Arg::Str(name))]));
    }

    /// Goes to another step, forgetting what was said on this one.
    fn go(&self, step: Step) {
        self.said.set(String::new());
        self.step.set(step);
    }

    /// Applies `op` to a copy of the learners and saves the copy whenever it changed, even
    /// when `op` refused (a wrong try at a lock is counted); the page shows it once saved.
    /// `forget`: the learner whose progress goes too, when `op` succeeds (a deletion).
    fn apply<T: 'static>(
        self,
        forget: Option<String>,
        op: impl FnOnce(&mut Profiles) -> Result<T, ProfileError>,
        done: impl FnOnce(T) + 'static,
    ) {
        let before = self.profiles.get_untracked();
        let mut next = before.clone();
        let result = op(&mut next);
        let forget = forget.filter(|_| result.is_ok());
        spawn_local(async move {
            if next != before {
                let saved = match self.store.get_value() {
                    Some(store) => store.save_profiles(&next, forget.as_deref()).await.is_ok(),
                    None => false,
                };
                if !saved {
                    self.said.set(self.t("profiles-save-failed"));
                    return;
                }
                if let Some(id) = &forget {
                    prefs::forget_ticks(id);
                }
                prefs::show_profile(&next);
                self.kept.set(Kept::Saved);
                self.profiles.set(next);
            }
            match result {
                Ok(value) => done(value),
                Err(refused) => self.said.set(self.refusal(refused)),
            }
        });
    }

    fn refusal(&self, refused: ProfileError) -> String {
        refusal(self.i18n, refused)
    }

    /// Opens another learner's profile: at once, or through their lock.
    fn switch_to(self, id: String) {
        let locked = self.profiles.with_untracked(|p| p.get(&id).is_some_and(|p| p.lock.is_some()));
        if locked {
            self.go(Step::Unlock { id, delete: false });
            return;
        }
        let name = self.label_of(&id);
        self.apply(
            None,
            |p| p.switch(&id, None, now_ms()),
            move |()| {
                self.go(Step::List);
                self.say("profiles-switched", &name);
            },
        );
    }
}

/// The learners, shared by the settings page's sections: `ready` once the saved list is read
/// (or found missing), so the records section follows the learner in use.
#[derive(Clone, Copy)]
pub struct Learners {
    pub profiles: RwSignal<Profiles>,
    pub ready: RwSignal<bool>,
}

impl Learners {
    pub fn new() -> Self {
        Learners { profiles: RwSignal::new(Profiles::default()), ready: RwSignal::new(false) }
    }
}

impl Default for Learners {
    fn default() -> Self {
        Self::new()
    }
}

/// The "Người học" section of the settings page.
#[component]
pub fn ProfilesSection() -> impl IntoView {
    let learners = expect_context::<Learners>();
    let ctx = Ctx {
        i18n: use_i18n(),
        store: StoredValue::new_local(None),
        profiles: learners.profiles,
        kept: RwSignal::new(Kept::Loading),
        step: RwSignal::new(Step::List),
        said: RwSignal::new(String::new()),
    };
    spawn_local(async move {
        match IdbStore::open(|| {}).await {
            Ok(store) => {
                match store.profiles().await {
                    Ok(profiles) => {
                        ctx.profiles.set(profiles);
                        ctx.kept.set(Kept::Saved);
                    }
                    Err(_) => ctx.kept.set(Kept::Damaged),
                }
                ctx.store.set_value(Some(Rc::new(store)));
            }
            Err(_) => ctx.kept.set(Kept::NoStore),
        }
        // The saved list is the truth; what the course page reads follows it.
        prefs::show_profile(&ctx.profiles.get_untracked());
        learners.ready.set(true);
    });
    // After each step but the first, the keyboard and screen reader go to its heading (one
    // element, whose text changes).
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |first: Option<()>| {
        ctx.step.track();
        if first.is_some()
            && let Some(heading) = heading.get_untracked()
        {
            let _ = heading.focus();
        }
    });
    // The heading, then what was last done or refused (near the eye, and one live region that
    // stays, so it is announced), then the step.
    view! {
        <section class="profiles-section" aria-labelledby="profiles-step">
            <h2 id="profiles-step" tabindex="-1" node_ref=heading>
                {move || {
                    ctx.i18n.lang();
                    title(ctx, &ctx.step.get())
                }}
            </h2>
            <p class="profiles-said" role="status">{move || ctx.said.get()}</p>
            {move || {
                ctx.i18n.lang();
                match ctx.step.get() {
                    Step::List => list(ctx).into_any(),
                    Step::Create => form(ctx, false).into_any(),
                    Step::Edit => form(ctx, true).into_any(),
                    Step::Lock => lock(ctx).into_any(),
                    Step::Unlock { id, delete } => unlock(ctx, id, delete).into_any(),
                    Step::Delete => delete_list(ctx).into_any(),
                    Step::ConfirmDelete(id) => confirm_delete(ctx, id).into_any(),
                }
            }}
        </section>
    }
}

/// The heading of a step.
fn title(ctx: Ctx, step: &Step) -> String {
    let named = |id: &str, who: &str| ctx.i18n.format(id, &[("name", Arg::Str(&ctx.label_of(who)))]);
    match step {
        Step::List => ctx.t("profiles-heading"),
        Step::Create => ctx.t("profiles-add"),
        Step::Edit => ctx.t("profiles-edit"),
        Step::Lock => named("profiles-lock-heading", &ctx.profiles.get_untracked().current),
        Step::Unlock { id, .. } => named("profiles-unlock-heading", id),
        Step::Delete => ctx.t("profiles-delete"),
        Step::ConfirmDelete(id) => named("profiles-delete-confirm", id),
    }
}

fn list(ctx: Ctx) -> impl IntoView {
    let all = ctx.profiles.get();
    let kept = ctx.kept.get();
    let current = all.current().clone();
    let shared = all.list.len() > 1;
    let faces = all
        .list
        .iter()
        .map(|profile| {
            let face = view! {
                {picture_img(profile.picture, 64)}
                <span class="profile-name">{ctx.label(profile)}</span>
            };
            if profile.id == current.id {
                view! {
                    <li>
                        <div class="profile" aria-current="true">
                            {face}
                            <span class="profile-state">{ctx.t("profiles-in-use")}</span>
                        </div>
                    </li>
                }
                .into_any()
            } else {
                let id = profile.id.clone();
                let locked = profile.lock.is_some().then(|| {
                    view! { <span class="profile-state">{ctx.t("profiles-locked")}</span> }
                });
                view! {
                    <li>
                        <button type="button" class="profile" on:click=move |_| ctx.switch_to(id.clone())>
                            {face}
                            {locked}
                        </button>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    let problem = match kept {
        Kept::NoStore => Some("profiles-not-kept"),
        Kept::Damaged => Some("profiles-damaged"),
        Kept::Loading | Kept::Saved => None,
    };
    let can_change = matches!(kept, Kept::Saved | Kept::Damaged);
    let lock_action = if current.lock.is_some() {
        let id = current.id.clone();
        view! {
            <button
                type="button"
                class="button secondary"
                on:click=move |_| {
                    ctx.apply(None, |p| p.set_lock(&id, None, [0; 16]), move |()| ctx.said.set(ctx.t("profiles-unlocked-done")))
                }
            >
                {ctx.t("profiles-remove-lock")}
            </button>
        }
        .into_any()
    } else {
        view! {
            <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::Lock)>
                {ctx.t("profiles-add-lock")}
            </button>
        }
        .into_any()
    };
    view! {
        {problem.map(|id| view! { <p class="status failed">{ctx.t(id)}</p> })}
        <ul class="profiles">{faces}</ul>
        {shared.then(|| view! { <p class="hint">{ctx.t("profiles-tap-to-switch")}</p> })}
        <div class="actions">
            <a class="button" href="/">
                {ctx.i18n.format("profiles-continue", &[("name", Arg::Str(&ctx.label(&current)))])}
            </a>
        </div>
        {can_change
            .then(|| {
                view! {
                    <div class="actions">
                        <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::Create)>
                            {ctx.t("profiles-add")}
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::Edit)>
                            {ctx.t("profiles-edit")}
                        </button>
                        {lock_action}
                        {shared
                            .then(|| {
                                view! {
                                    <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::Delete)>
                                        {ctx.t("profiles-delete")}
                                    </button>
                                }
                            })}
                    </div>
                }
            })}
    }
}

/// Adding a learner, or (`editing`) changing the picture and name of the one in use.
fn form(ctx: Ctx, editing: bool) -> impl IntoView {
    let all = ctx.profiles.get_untracked();
    let current = all.current().clone();
    let (start_picture, start_name) =
        if editing { (current.picture, current.name.clone()) } else { (all.unused_picture(), String::new()) };
    let picture = RwSignal::new(start_picture);
    let name = RwSignal::new(start_name);
    let id = current.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (pic, typed) = (picture.get_untracked(), name.get_untracked());
        if editing {
            let id = id.clone();
            ctx.apply(
                None,
                |p| p.edit(&id, &typed, pic),
                move |()| {
                    ctx.go(Step::List);
                    ctx.say("profiles-edited", &ctx.label_of(&ctx.profiles.get_untracked().current));
                },
            );
        } else {
            ctx.apply(
                None,
                |p| {
                    let id = p.create(&typed, pic, random())?;
                    p.switch(&id, None, now_ms())?;
                    Ok(id)
                },
                move |id: String| {
                    if let Some(store) = ctx.store.get_value() {
                        crate::records::make_key(store, id.clone());
                    }
                    ctx.go(Step::List);
                    ctx.say("profiles-created", &ctx.label_of(&id));
                },
            );
        }
    };
    let choices = Picture::ALL
        .into_iter()
        .map(|pic| {
            view! {
                <label class="picture-choice">
                    <input
                        type="radio"
                        name="profile-picture"
                        value=pic.slug()
                        prop:checked=move || picture.get() == pic
                        on:change=move |_| picture.set(pic)
                    />
                    {picture_img(pic, 56)}
                    <span>{ctx.t(&format!("picture-{}", pic.slug()))}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="profile-form" on:submit=submit>
            <fieldset class="picture-grid">
                <legend>{ctx.t("profiles-pick-picture")}</legend>
                {choices}
            </fieldset>
            <label class="field-label" for="profile-name">{ctx.t("profiles-name")}</label>
            <p class="hint" id="profile-name-hint">{ctx.t("profiles-name-hint")}</p>
            <input
                id="profile-name"
                class="text-field"
                type="text"
                maxlength="40"
                autocomplete="off"
                aria-describedby="profile-name-hint"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
            />
            <div class="actions">
                <button type="submit" class="button">{ctx.t("profiles-save")}</button>
                <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::List)>
                    {ctx.t("profiles-cancel")}
                </button>
            </div>
        </form>
    }
}

/// Locking the profile in use: the kind of lock, then the secret twice.
fn lock(ctx: Ctx) -> impl IntoView {
    let current = ctx.profiles.get_untracked().current().clone();
    let kind = RwSignal::new(None::<LockKind>);
    let first = RwSignal::new(None::<Secret>);
    let id = current.id.clone();
    let entered = Callback::new(move |secret: Secret| match first.get_untracked() {
        None => {
            first.set(Some(secret));
            ctx.said.set(String::new());
        }
        Some(again) if again == secret => {
            let id = id.clone();
            ctx.apply(
                None,
                |p| p.set_lock(&id, Some(&secret), random()),
                move |()| {
                    ctx.go(Step::List);
                    ctx.said.set(ctx.t("profiles-locked-done"));
                },
            );
        }
        Some(_) => {
            first.set(None);
            ctx.said.set(ctx.t("profiles-lock-mismatch"));
        }
    });
    let choose = move |k: LockKind| {
        move |_| {
            kind.set(Some(k));
            first.set(None);
        }
    };
    view! {
        {move || match kind.get() {
            None => {
                view! {
                    <p>{ctx.t("profiles-lock-how")}</p>
                    <div class="actions">
                        <button type="button" class="button" on:click=choose(LockKind::Pictures)>
                            {ctx.t("profiles-lock-pictures")}
                        </button>
                        <button type="button" class="button" on:click=choose(LockKind::Pin)>
                            {ctx.t("profiles-lock-pin")}
                        </button>
                    </div>
                }
                    .into_any()
            }
            Some(k) => {
                let prompt = move || {
                    let id = match (k, first.get().is_some()) {
                        (_, true) => "profiles-lock-again",
                        (LockKind::Pictures, false) => "profiles-lock-enter-pictures",
                        (LockKind::Pin, false) => "profiles-lock-enter-pin",
                    };
                    ctx.t(id)
                };
                view! {
                    <p class="keypad-prompt">{prompt}</p>
                    <Keypad kind=k on_done=entered/>
                }
                    .into_any()
            }
        }}
        <div class="actions">
            <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::List)>
                {ctx.t("profiles-cancel")}
            </button>
        </div>
    }
}

/// The keypad of a locked profile, to open it (switch) or delete it.
fn unlock(ctx: Ctx, id: String, delete: bool) -> impl IntoView {
    let Some(profile) = ctx.profiles.get_untracked().get(&id).cloned() else {
        return ().into_any();
    };
    let Some(kind) = profile.lock.as_ref().map(|l| l.kind) else {
        return ().into_any();
    };
    let name = ctx.label(&profile);
    let who = name.clone();
    let entered = Callback::new(move |secret: Secret| {
        let (id, name) = (id.clone(), who.clone());
        let forget = delete.then(|| id.clone());
        ctx.apply(
            forget,
            |p| {
                if delete {
                    p.delete(&id, Some(&secret), now_ms())
                } else {
                    p.switch(&id, Some(&secret), now_ms())
                }
            },
            move |()| {
                ctx.go(Step::List);
                ctx.say(if delete { "profiles-deleted" } else { "profiles-switched" }, &name);
            },
        );
    });
    let prompt = match kind {
        LockKind::Pictures => "profiles-unlock-pictures",
        LockKind::Pin => "profiles-unlock-pin",
    };
    view! {
        <div class="profile unlocking">{picture_img(profile.picture, 64)}<span class="profile-name">{name.clone()}</span></div>
        <p class="keypad-prompt">{ctx.t(prompt)}</p>
        <Keypad kind=kind on_done=entered/>
        <div class="actions">
            <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::List)>
                {ctx.t("profiles-cancel")}
            </button>
        </div>
    }
    .into_any()
}

fn delete_list(ctx: Ctx) -> impl IntoView {
    let all = ctx.profiles.get_untracked();
    let others = all
        .list
        .iter()
        .filter(|p| p.id != all.current)
        .map(|profile| {
            let id = profile.id.clone();
            view! {
                <li>
                    <button type="button" class="profile" on:click=move |_| ctx.go(Step::ConfirmDelete(id.clone()))>
                        {picture_img(profile.picture, 64)}
                        <span class="profile-name">{ctx.label(profile)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>{ctx.t("profiles-delete-which")}</p>
        <ul class="profiles">{others}</ul>
        <div class="actions">
            <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::List)>
                {ctx.t("profiles-cancel")}
            </button>
        </div>
    }
}

fn confirm_delete(ctx: Ctx, id: String) -> impl IntoView {
    let name = ctx.label_of(&id);
    let locked = ctx.profiles.with_untracked(|p| p.get(&id).is_some_and(|p| p.lock.is_some()));
    let who = name.clone();
    let confirm = move |_| {
        let id = id.clone();
        if locked {
            ctx.go(Step::Unlock { id, delete: true });
            return;
        }
        let name = who.clone();
        ctx.apply(
            Some(id.clone()),
            |p| p.delete(&id, None, now_ms()),
            move |()| {
                ctx.go(Step::List);
                ctx.say("profiles-deleted", &name);
            },
        );
    };
    view! {
        <p class="status failed">{ctx.t("profiles-delete-warning")}</p>
        <div class="actions">
            <button type="button" class="button danger" on:click=confirm>
                {ctx.t("profiles-delete-yes")}
            </button>
            <button type="button" class="button secondary" on:click=move |_| ctx.go(Step::List)>
                {ctx.t("profiles-delete-no")}
            </button>
        </div>
    }
}

/// Three pictures or four digits, tapped one at a time; `on_done` gets the secret when the
/// last is tapped, and the keypad empties for the next try.
#[component]
pub(crate) fn Keypad(kind: LockKind, on_done: Callback<Secret>) -> impl IntoView {
    let i18n = use_i18n();
    let entered = RwSignal::new(Vec::<usize>::new());
    let needed = match kind {
        LockKind::Pictures => 3,
        LockKind::Pin => 4,
    };
    let press = move |key: usize| {
        let mut keys = entered.get_untracked();
        keys.push(key);
        if keys.len() < needed {
            entered.set(keys);
            return;
        }
        entered.set(Vec::new());
        let secret = match kind {
            LockKind::Pictures => {
                Secret::Pictures([Picture::ALL[keys[0]], Picture::ALL[keys[1]], Picture::ALL[keys[2]]])
            }
            LockKind::Pin => Secret::Pin(keys.iter().map(|d| char::from(b'0' + *d as u8)).collect()),
        };
        on_done.run(secret);
    };
    let keys = match kind {
        LockKind::Pictures => Picture::ALL
            .into_iter()
            .enumerate()
            .map(|(index, pic)| {
                view! {
                    <button
                        type="button"
                        class="keypad-key"
                        aria-label=i18n.t(&format!("picture-{}", pic.slug()))
                        on:click=move |_| press(index)
                    >
                        {picture_img(pic, 48)}
                    </button>
                }
                .into_any()
            })
            .collect_view(),
        LockKind::Pin => [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]
            .into_iter()
            .map(|digit| {
                view! {
                    <button type="button" class="keypad-key" on:click=move |_| press(digit)>
                        {digit.to_string()}
                    </button>
                }
                .into_any()
            })
            .collect_view(),
    };
    let dots = move || {
        let n = entered.with(Vec::len);
        (0..needed).map(|i| if i < n { '●' } else { '○' }).collect::<String>()
    };
    let count = move || {
        let args = [("entered", Arg::Num(entered.with(Vec::len) as i64)), ("total", Arg::Num(needed as i64))];
        i18n.format("keypad-entered", &args)
    };
    view! {
        <div class="keypad" class:pin=kind == LockKind::Pin>
            <p class="keypad-dots">
                <span aria-hidden="true">{dots}</span>
                <span class="visually-hidden" aria-live="polite">{count}</span>
            </p>
            <div class="keypad-keys">
                {keys}
                <button
                    type="button"
                    class="keypad-key keypad-back"
                    disabled=move || entered.with(Vec::is_empty)
                    on:click=move |_| entered.update(|keys| {
                        keys.pop();
                    })
                >
                    {i18n.t("keypad-back")}
                </button>
            </div>
        </div>
    }
}

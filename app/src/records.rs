//! The learner's completion records, on the settings page (issue 6): the notice and consent per
//! purpose, making records from the quizzes they passed (signed here, with their profile's key:
//! see [`kns_core::claim`] for why not on the course page), the list, and the downloads (the
//! records, one JWS per line, and the consent given).
//!
//! Nothing is made before the learner agrees to keep records; nothing is pre-ticked.
//!
//! The outbox: where the app is configured with a collector (`/config.json`) and the learner
//! agreed to send records there (with a guardian, under 16), each record is POSTed until the
//! collector has it, with the rules of [`kns_core::outbox`]: tried when this page opens, when
//! the phone comes back online, and after each wait. Delivery goes through this one place, so
//! a later issue can add a host page or a native webview as another way out.
//!
//! Guides: another learner on this phone who watched can endorse a record (an Open Badges
//! `EndorsementCredential`, signed with their own key, after their lock if they have one). The
//! list shows endorsed records apart from self-issued ones, and the download carries the
//! endorsements after the records.

use std::rc::Rc;

use kns_core::Lang;
use kns_core::claim::{Endorse, Issue, endorse, endorsement_guide, endorsement_key, owed, sign, uuid};
use kns_core::consent::{Consent, Event, Purpose};
use kns_core::i18n::Arg;
use kns_core::jws::Keypair;
use kns_core::outbox::Delivery;
use kns_core::profile::Secret;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{I18n, use_i18n};
use crate::platform::download;
use crate::platform::fetch;
use crate::platform::idb_store::IdbStore;
use crate::profiles::{Keypad, Learners, learner_label, picture_img, refusal};

/// A record as the list shows it.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    /// Its key in the device's storage (its claim's).
    key: String,
    jws: String,
    /// The record's id (its `urn:uuid:`), what an endorsement names.
    id: String,
    lang: Lang,
    /// The guides who endorsed it (their profile ids) and their endorsements, which check out.
    endorsements: Vec<(String, String)>,
    /// Where it stands with the collector, once put in the outbox.
    delivery: Option<Delivery>,
    /// Why it no longer checks out, if it does not (altered in storage): such a record is shown
    /// as broken, and neither downloaded nor sent.
    broken: Option<String>,
    title: String,
    at_ms: u64,
    score: u32,
    total: u32,
}

/// What the section shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Loading,
    /// No IndexedDB: nothing can be kept.
    NoStore,
    /// The notice and the choices (first time, or to change them).
    Form,
    /// The choices made, and the records.
    Records,
    /// A guide endorsing the record under `key`: first whom (`guide` none), then their lock if
    /// they have one (`vouched` false), then what they write and their signature.
    Endorse {
        key: String,
        guide: Option<String>,
        vouched: bool,
    },
    /// The hand-over QR codes of the record under `key` (with its endorsements), code `part`
    /// (from 0) on the screen.
    Qr {
        key: String,
        part: usize,
    },
}

#[derive(Clone, Copy)]
struct Ctx {
    i18n: I18n,
    store: StoredValue<Option<Rc<IdbStore>>, LocalStorage>,
    profile: Memo<Option<String>>,
    consent: RwSignal<Consent>,
    rows: RwSignal<Vec<Row>>,
    shown: RwSignal<Shown>,
    said: RwSignal<String>,
    /// The collector records go to, if the app is configured with one.
    collector: RwSignal<Option<String>>,
    /// Whether a round of sending is under way (one at a time).
    sending: StoredValue<bool>,
    /// The hand-over link, shown where the phone has no share sheet.
    link: RwSignal<Option<String>>,
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Bytes from the browser's secure random source; `None` where there is none (a key is then
/// not made: never from a weaker source).
fn secure_random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    window().crypto().ok()?.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// Makes a new learner's signing key at once (their records are signed with it later); none is
/// made where the browser has no secure random source.
pub(crate) fn make_key(store: Rc<IdbStore>, profile: String) {
    if let Some(seed) = secure_random() {
        spawn_local(async move {
            let _ = store.signing_seed(&profile, seed).await;
        });
    }
}

/// A day as the learner reads it: 26/11/2026 (the phone's time zone).
fn day(at_ms: u64) -> String {
    let date = js_sys::Date::new(&(at_ms as f64).into());
    format!("{:02}/{:02}/{}", date.get_date(), date.get_month() + 1, date.get_full_year())
}

impl Ctx {
    fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }

    /// Reads the learner's consent and records, and makes the records their passes are owed,
    /// if they agreed to keep them.
    async fn load(self, profile: String) {
        let Some(store) = self.store.get_value() else { return };
        let consent = store.consent(&profile).await.unwrap_or_default();
        crate::platform::prefs::set_records_on(&profile, consent.allows(Purpose::Keep));
        let first = !consent.answered();
        self.consent.set(consent.clone());
        match make_records(&store, &profile, &consent).await {
            Ok((rows, made, skipped)) => {
                self.rows.set(rows);
                let mut said = Vec::new();
                if made > 0 {
                    said.push(self.i18n.format("records-made", &[("count", Arg::Num(made as i64))]));
                }
                if skipped > 0 {
                    said.push(self.i18n.format("records-unreadable", &[("count", Arg::Num(skipped as i64))]));
                }
                self.said.set(said.join(" "));
            }
            Err(()) => self.said.set(self.t("records-failed")),
        }
        self.shown.set(if first { Shown::Form } else { Shown::Records });
        self.send(false).await;
    }

    /// Puts the learner's records in the outbox (when they agreed to send them and there is a
    /// collector), then sends every one that is due; `online`: the phone just came back online,
    /// so the waits are over.
    async fn send(self, online: bool) {
        let (Some(profile), Some(store)) = (self.profile.get_untracked(), self.store.get_value()) else {
            return;
        };
        let mut deliveries = store.deliveries(&profile).await.unwrap_or_default();
        let allowed = self.consent.with_untracked(|c| c.allows(Purpose::Send));
        let show = |deliveries: &[(String, Delivery)]| {
            self.rows.update(|rows| {
                for row in rows.iter_mut() {
                    // Waiting for nothing, once the learner withdrew: not shown as waiting.
                    row.delivery = deliveries
                        .iter()
                        .find(|(k, _)| *k == row.key)
                        .map(|(_, d)| d.clone())
                        .filter(|d| allowed || !matches!(d, Delivery::Waiting { .. }));
                }
            });
        };
        show(&deliveries);
        let Some(collector) = self.collector.get_untracked().filter(|_| allowed) else { return };
        if self.sending.get_value() {
            return;
        }
        self.sending.set_value(true);
        let sound = self.rows.with_untracked(|rows| {
            rows.iter().filter(|r| r.broken.is_none()).map(|r| (r.key.clone(), r.jws.clone())).collect()
        });
        send_round(&store, &collector, sound, &mut deliveries, online, show).await;
        self.sending.set_value(false);
        // The next try, when the earliest wait is over (while the page is open).
        let next = deliveries
            .iter()
            .filter_map(|(_, d)| match d {
                Delivery::Waiting { next_ms, .. } => Some(*next_ms),
                _ => None,
            })
            .min();
        if let Some(next) = next {
            let wait = next.saturating_sub(now_ms()).min(i32::MAX as u64) as i32;
            let again = wasm_bindgen::closure::Closure::once_into_js(move || spawn_local(self.send(false)));
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                wasm_bindgen::JsCast::unchecked_ref(&again),
                wait,
            );
        }
    }

    /// Saves the choices made on the form, then makes what records they allow.
    fn choose(self, chosen: Vec<Purpose>, under_16: bool) {
        let (Some(profile), Some(store)) = (self.profile.get_untracked(), self.store.get_value()) else {
            return;
        };
        let mut consent = self.consent.get_untracked();
        consent.choose(&chosen, under_16, now_ms());
        spawn_local(async move {
            if store.save_consent(&profile, &consent).await.is_err() {
                self.said.set(self.t("records-failed"));
                return;
            }
            self.load(profile).await;
            self.shown.set(Shown::Records);
            self.said.update(|said| {
                let saved = self.t("consent-saved");
                *said = if said.is_empty() { saved } else { format!("{saved} {said}") };
            });
        });
    }

    /// The guide proves who they are (their lock); a wrong try is counted and saved.
    fn vouch(self, key: String, guide: String, secret: Secret) {
        let learners = expect_context::<Learners>();
        let Some(store) = self.store.get_value() else { return };
        let mut profiles = learners.profiles.get_untracked();
        let result = profiles.vouch(&guide, Some(&secret), now_ms());
        spawn_local(async move {
            if store.save_profiles(&profiles, None).await.is_err() {
                self.said.set(self.t("records-failed"));
                return;
            }
            learners.profiles.set(profiles);
            match result {
                Ok(()) => {
                    self.said.set(String::new());
                    self.shown.set(Shown::Endorse { key, guide: Some(guide), vouched: true });
                }
                Err(refused) => self.said.set(refusal(self.i18n, refused)),
            }
        });
    }

    /// The guide signs their endorsement of the record with their own key; it is kept with the
    /// learner's records.
    fn endorse(self, key: String, guide: String, comment: String) {
        let (Some(profile), Some(store)) = (self.profile.get_untracked(), self.store.get_value()) else {
            return;
        };
        let Some(row) = self.rows.with_untracked(|rows| rows.iter().find(|r| r.key == key).cloned()) else {
            return;
        };
        let learners = expect_context::<Learners>();
        let name = learners
            .profiles
            .with_untracked(|p| p.get(&guide).map(|g| learner_label(self.i18n, g)))
            .unwrap_or_default();
        spawn_local(async move {
            let signed = async {
                let seed = store.signing_seed(&guide, secure_random()?).await.ok()?;
                let title = self.i18n.format_in(row.lang, "endorsement-name", &[]);
                let comment = comment.trim();
                let jws = endorse(
                    &Keypair::from_seed(&seed),
                    &Endorse {
                        id: uuid(secure_random()?),
                        record: &row.id,
                        at_s: (now_ms() / 1000) as i64,
                        name: &title,
                        comment: (!comment.is_empty()).then_some(comment),
                    },
                );
                store.keep_endorsement(&endorsement_key(&key, &guide), &jws).await.ok()
            };
            if signed.await.is_none() {
                self.said.set(self.t("records-failed"));
                return;
            }
            self.load(profile).await;
            self.shown.set(Shown::Records);
            self.said.set(self.i18n.format("endorse-done", &[("name", Arg::Str(&name))]));
        });
    }

    fn guardian(self) {
        let (Some(profile), Some(store)) = (self.profile.get_untracked(), self.store.get_value()) else {
            return;
        };
        let mut consent = self.consent.get_untracked();
        consent.record(Event::Guardian, now_ms());
        spawn_local(async move {
            if store.save_consent(&profile, &consent).await.is_ok() {
                self.consent.set(consent);
                self.said.set(self.t("consent-guardian-done"));
                self.send(false).await;
            } else {
                self.said.set(self.t("records-failed"));
            }
        });
    }
}

/// The "Hồ sơ học tập" section of the settings page.
#[component]
pub fn RecordsSection() -> impl IntoView {
    let learners = expect_context::<Learners>();
    let ctx = Ctx {
        i18n: use_i18n(),
        store: StoredValue::new_local(None),
        profile: Memo::new(move |_| {
            learners.ready.get().then(|| learners.profiles.with(|p| p.current.clone()))
        }),
        consent: RwSignal::new(Consent::default()),
        rows: RwSignal::new(Vec::new()),
        shown: RwSignal::new(Shown::Loading),
        said: RwSignal::new(String::new()),
        collector: RwSignal::new(None),
        sending: StoredValue::new(false),
        link: RwSignal::new(None),
    };
    let opened = RwSignal::new(false);
    spawn_local(async move {
        match IdbStore::open(|| {}).await {
            Ok(store) => ctx.store.set_value(Some(Rc::new(store))),
            Err(_) => ctx.shown.set(Shown::NoStore),
        }
        ctx.collector.set(fetch::config().await.collector);
        opened.set(true);
    });
    // Back online: what waits is sent now (for as long as the page is open).
    let online = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || spawn_local(ctx.send(true)));
    let _ = window()
        .add_event_listener_with_callback("online", wasm_bindgen::JsCast::unchecked_ref(online.as_ref()));
    online.forget();
    // Each learner has their own consent and records: follow the one in use.
    Effect::new(move |_| {
        if let (true, Some(profile)) = (opened.get(), ctx.profile.get())
            && ctx.store.with_value(Option::is_some)
        {
            ctx.said.set(String::new());
            spawn_local(ctx.load(profile));
        }
    });
    // Arriving from a passed quiz's link (`/settings#records`): the keyboard, the screen reader
    // and the eye go to this section once it is drawn.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if ctx.shown.get() != Shown::Loading
            && window().location().hash().as_deref() == Ok("#records")
            && let Some(heading) = heading.get_untracked()
        {
            let _ = heading.focus();
            heading.scroll_into_view();
        }
    });
    view! {
        <section class="records-section" aria-labelledby="records-heading">
            <h2 id="records-heading" tabindex="-1" node_ref=heading>{ctx.t("records-heading")}</h2>
            <p class="records-said" role="status">{move || ctx.said.get()}</p>
            {move || match ctx.shown.get() {
                Shown::Loading => ().into_any(),
                Shown::NoStore => view! { <p>{ctx.t("records-no-store")}</p> }.into_any(),
                Shown::Form => form(ctx).into_any(),
                Shown::Records => records(ctx).into_any(),
                Shown::Endorse { key, guide, vouched } => endorsing(ctx, key, guide, vouched).into_any(),
                Shown::Qr { key, part } => qr_codes(ctx, key, part).into_any(),
            }}
        </section>
    }
}

/// The notice and a box per purpose, none ticked unless the learner ticked it before.
fn form(ctx: Ctx) -> impl IntoView {
    let consent = ctx.consent.get_untracked();
    let ticked: Vec<(Purpose, RwSignal<bool>)> =
        Purpose::ALL.iter().map(|p| (*p, RwSignal::new(consent.given(*p)))).collect();
    let under_16 = RwSignal::new(consent.under_16());
    let boxes = ticked.clone();
    let save = move |_| {
        let chosen = ticked.iter().filter(|(_, on)| on.get_untracked()).map(|(p, _)| *p).collect();
        ctx.choose(chosen, under_16.get_untracked());
    };
    view! {
        <p>{ctx.t("records-what")}</p>
        <p>{ctx.t("records-contains")}</p>
        <fieldset class="consent">
            <legend>{ctx.t("records-ask")}</legend>
            {boxes
                .into_iter()
                .map(|(purpose, on)| {
                    view! {
                        <label class="consent-check">
                            <input type="checkbox" name=purpose.slug() prop:checked=move || on.get()
                                on:change=move |e| on.set(event_target_checked(&e))/>
                            <span>{ctx.t(&format!("consent-{}", purpose.slug()))}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
        <label class="consent-check">
            <input type="checkbox" name="under-16" prop:checked=move || under_16.get()
                on:change=move |e| under_16.set(event_target_checked(&e))/>
            <span>{ctx.t("consent-under-16")}</span>
        </label>
        <p class="hint">{ctx.t("consent-under-16-hint")}</p>
        <p class="hint">{ctx.t("consent-withdraw-note")}</p>
        <button type="button" class="button" id="consent-save" on:click=save>{ctx.t("consent-save")}</button>
    }
}

/// What was chosen, the guardian's step if one is needed, and the records.
fn records(ctx: Ctx) -> impl IntoView {
    let consent = ctx.consent;
    let choices = move || {
        let consent = consent.get();
        Purpose::ALL
            .iter()
            .map(|p| {
                let answer = if consent.given(*p) { "consent-yes" } else { "consent-no" };
                view! {
                    <li>
                        <span>{ctx.t(&format!("consent-{}", p.slug()))}</span>
                        ": "
                        <strong>{ctx.t(answer)}</strong>
                    </li>
                }
            })
            .collect_view()
    };
    let needs_guardian = move || {
        consent.with(|c| c.under_16() && (c.given(Purpose::Send) || c.given(Purpose::Host)))
            && !consent.with(|c| c.allows(Purpose::Send) || c.allows(Purpose::Host))
    };
    let export_consent = move |_| {
        // The learner's key, as their records name it (none before the first record).
        let did = ctx.rows.with_untracked(|rows| {
            rows.first()
                .and_then(|r| kns_core::jws::verify_jws(&r.jws).ok())
                .map(|v| kns_core::jws::did_key(&v.public_key))
        });
        let text = consent.with_untracked(|c| c.export(&did.unwrap_or_default()));
        download::save("dong-y-ho-so.json", "application/json", &text);
    };
    let learners = expect_context::<Learners>();
    // Another learner on this phone who could have watched.
    let has_guides = move || learners.profiles.with_untracked(|p| p.list.len() > 1);
    // The records, then the guides' endorsements of them: what leaves the phone.
    let lines = move || -> Vec<String> {
        ctx.rows.with_untracked(|rows| {
            let sound = rows.iter().filter(|r| r.broken.is_none());
            let endorsements = sound.clone().flat_map(|r| r.endorsements.iter().map(|(_, e)| e.clone()));
            sound.map(|r| r.jws.clone()).chain(endorsements).collect()
        })
    };
    // To a trainer: the share sheet (a file, or the link), or the link to copy.
    let hand_over = move |_| {
        let lines = lines();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let link = kns_core::record::handover_link(&window().location().origin().unwrap_or_default(), &refs);
        let text = lines.join("\n") + "\n";
        spawn_local(async move {
            match download::share("ho-so-hoc-tap.txt", "text/plain", &text, &link).await {
                Some(true) => ctx.said.set(ctx.t("handover-shared")),
                Some(false) => {}
                None => ctx.link.set(Some(link)),
            }
        });
    };
    let copy_link = move |_| {
        let link = ctx.link.get_untracked().unwrap_or_default();
        spawn_local(async move {
            let copied = download::copy(&link).await;
            ctx.said.set(ctx.t(if copied { "handover-copied" } else { "handover-not-copied" }));
        });
    };
    let export_records = move |_| {
        let lines = lines();
        download::save("ho-so-hoc-tap.txt", "text/plain", &(lines.join("\n") + "\n"));
    };
    // The records first (what the learner came for), then what they agreed to.
    view! {
        {move || {
            let rows = ctx.rows.get();
            if !consent.with(|c| c.given(Purpose::Keep)) && rows.is_empty() {
                return view! { <p>{ctx.t("records-not-kept")}</p> }.into_any();
            }
            if rows.is_empty() {
                return view! { <p>{ctx.t("records-none")}</p> }.into_any();
            }
            let heading = ctx.i18n.format("records-list-heading", &[("count", Arg::Num(rows.len() as i64))]);
            view! {
                <h3>{heading}</h3>
                <ul class="records">
                    {rows
                        .into_iter()
                        .map(|row| {
                            let line = ctx.i18n.format("record-line", &[
                                ("date", Arg::Str(&day(row.at_ms))),
                                ("score", Arg::Num(i64::from(row.score))),
                                ("total", Arg::Num(i64::from(row.total))),
                            ]);
                            view! {
                                <li class="record">
                                    <strong class="record-title">{row.title}</strong>
                                    <span>{line}</span>
                                    {if row.endorsements.is_empty() {
                                        view! { <span class="record-kind">{ctx.t("record-self")}</span> }.into_any()
                                    } else {
                                        let names: Vec<String> = row.endorsements.iter().map(|(guide, _)| {
                                            learners.profiles.with_untracked(|p| {
                                                p.get(guide).map(|g| learner_label(ctx.i18n, g))
                                            }).unwrap_or_else(|| ctx.t("endorse-someone"))
                                        }).collect();
                                        view! {
                                            <span class="record-kind endorsed">
                                                {ctx.i18n.format("record-endorsed", &[("names", Arg::Str(&names.join(", ")))])}
                                            </span>
                                        }.into_any()
                                    }}
                                    {(row.broken.is_none() && consent.with(|c| c.allows(Purpose::Send))).then(|| {
                                        let key = row.key.clone();
                                        view! {
                                            <button type="button" class="button secondary qr-show" on:click=move |_| {
                                                ctx.said.set(String::new());
                                                ctx.shown.set(Shown::Qr { key: key.clone(), part: 0 });
                                                focus_soon("qr-title");
                                            }>
                                                {ctx.t("qr-show")}
                                            </button>
                                        }
                                    })}
                                    {(row.broken.is_none() && has_guides()).then(|| {
                                        let key = row.key.clone();
                                        view! {
                                            <button type="button" class="button secondary endorse-ask" on:click=move |_| {
                                                ctx.said.set(String::new());
                                                ctx.shown.set(Shown::Endorse { key: key.clone(), guide: None, vouched: false });
                                            }>
                                                {ctx.t("endorse-ask")}
                                            </button>
                                        }
                                    })}

                                    {row.broken.map(|why| view! {
                                        <span class="delivery rejected">
                                            {ctx.i18n.format("record-broken", &[("why", Arg::Str(&why))])}
                                        </span>
                                    })}
                                    {row.delivery.map(|d| {
                                        let (class, text) = match d {
                                            Delivery::Waiting { .. } => ("delivery waiting", ctx.t("outbox-waiting")),
                                            Delivery::Sent { at_ms } => ("delivery sent", ctx.i18n.format(
                                                "outbox-sent", &[("date", Arg::Str(&day(at_ms)))],
                                            )),
                                            Delivery::Rejected { status, said, .. } => ("delivery rejected", ctx.i18n.format(
                                                "outbox-rejected",
                                                &[("status", Arg::Num(i64::from(status))), ("said", Arg::Str(&said))],
                                            )),
                                        };
                                        view! { <span class=class>{text}</span> }
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <div class="actions">
                    <button type="button" class="button" id="records-export" on:click=export_records>
                        {ctx.t("records-export")}
                    </button>
                    {consent.with(|c| c.allows(Purpose::Send)).then(|| view! {
                        <button type="button" class="button secondary" id="records-handover" on:click=hand_over>
                            {ctx.t("handover")}
                        </button>
                    })}
                </div>
                {move || ctx.link.get().map(|link| view! {
                    <div class="handover">
                        <label class="field-label" for="handover-link">{ctx.t("handover-link")}</label>
                        <input id="handover-link" class="text-field" type="text" readonly prop:value=link/>
                        <button type="button" class="button secondary" on:click=copy_link>{ctx.t("handover-copy")}</button>
                    </div>
                })}
            }
            .into_any()
        }}
        <h3>{ctx.t("consent-heading")}</h3>
        <ul class="consent-choices">{choices}</ul>
        {move || needs_guardian().then(|| view! {
            <p class="hint">{ctx.t("consent-guardian-needed")}</p>
            <button type="button" class="button secondary" on:click=move |_| ctx.guardian()>
                {ctx.t("consent-guardian")}
            </button>
        })}
        <div class="actions">
            <button type="button" class="button secondary" on:click=move |_| {
                ctx.said.set(String::new());
                ctx.shown.set(Shown::Form);
            }>
                {ctx.t("consent-change")}
            </button>
            <button type="button" class="button secondary" on:click=export_consent>{ctx.t("consent-export")}</button>
        </div>
    }
}

/// Moves the keyboard (and a screen reader) to the element `id` once the view drawn now is on
/// the page: the control that was pressed is gone with the view it was in. A heading is also
/// brought to the top of the screen (a button is only brought into it, so a code stays in view).
fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(id) {
            let element = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element);
            let _ = element.focus();
            if element.tag_name().starts_with('H') {
                element.scroll_into_view_with_bool(true);
            }
        }
    });
}

/// A record's hand-over QR codes, one at a time ([`kns_core::qr`]): the trainer's phone reads
/// them off this screen, in any order, with no signal.
fn qr_codes(ctx: Ctx, key: String, part: usize) -> impl IntoView {
    let row =
        ctx.rows.with_untracked(|rows| rows.iter().find(|r| r.key == key && r.broken.is_none()).cloned());
    let back = move |_| {
        ctx.shown.set(Shown::Records);
        focus_soon("records-heading");
    };
    let Some(row) = row else {
        return view! {
            <button type="button" class="button" on:click=back>{ctx.t("qr-done")}</button>
        }
        .into_any();
    };
    let lines: Vec<&str> =
        std::iter::once(row.jws.as_str()).chain(row.endorsements.iter().map(|(_, e)| e.as_str())).collect();
    let link = kns_core::record::handover_link(&window().location().origin().unwrap_or_default(), &lines);
    let parts = kns_core::qr::parts(&link);
    let of = parts.len();
    let part = part.min(of - 1);
    let label = ctx.i18n.format("qr-label", &[("n", Arg::Num(part as i64 + 1)), ("of", Arg::Num(of as i64))]);
    let code = kns_core::qr::code(&parts[part]).map(|code| {
        let side = code.side();
        view! {
            <svg class="qr" role="img" aria-label=label.clone() viewBox=format!("0 0 {side} {side}")
                shape-rendering="crispEdges">
                <rect width=side height=side fill="#fff"/>
                <path d=code.svg_path() fill="#000"/>
            </svg>
        }
    });
    // The next code; the keyboard stays on the buttons (the next one, or "done" after the last).
    let go = move |to: usize| {
        let key = key.clone();
        move |_| {
            ctx.shown.set(Shown::Qr { key: key.clone(), part: to });
            focus_soon(if to + 1 < of { "qr-next" } else { "qr-done" });
        }
    };
    let how = ctx.i18n.format("qr-how", &[("of", Arg::Num(of as i64))]);
    view! {
        <h3 id="qr-title" tabindex="-1">{row.title}</h3>
        <p>{if of > 1 { how } else { ctx.t("qr-how-one") }}</p>
        {code}
        <p class="qr-count" aria-live="polite">{label}</p>
        <div class="actions">
            {(part + 1 < of).then(|| view! {
                <button type="button" class="button" id="qr-next" on:click=go(part + 1)>{ctx.t("qr-next")}</button>
            })}
            {(part > 0).then(|| view! {
                <button type="button" class="button secondary" id="qr-back" on:click=go(part - 1)>{ctx.t("qr-back")}</button>
            })}
            <button type="button" class=if part + 1 < of { "button secondary" } else { "button" } id="qr-done" on:click=back>
                {ctx.t("qr-done")}
            </button>
        </div>
    }
    .into_any()
}

/// A guide endorsing a record: who they are, their lock, then their words and signature.
fn endorsing(ctx: Ctx, key: String, guide: Option<String>, vouched: bool) -> impl IntoView {
    let learners = expect_context::<Learners>();
    let profiles = learners.profiles.get_untracked();
    let learner = ctx.profile.get_untracked().unwrap_or_default();
    let title = ctx.rows.with_untracked(|rows| rows.iter().find(|r| r.key == key).map(|r| r.title.clone()));
    let back = move |_| {
        ctx.said.set(String::new());
        ctx.shown.set(Shown::Records);
    };
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let learner_name = profiles.get(&learner).map(|p| learner_label(ctx.i18n, p)).unwrap_or_default();
    let body = match guide.and_then(|g| profiles.get(&g).cloned()) {
        None => {
            let guides = profiles
                .list
                .iter()
                .filter(|p| p.id != learner)
                .map(|p| {
                    let (key, id, locked) = (key.clone(), p.id.clone(), p.lock.is_some());
                    let pick = move |_| {
                        ctx.said.set(String::new());
                        ctx.shown.set(Shown::Endorse {
                            key: key.clone(),
                            guide: Some(id.clone()),
                            vouched: !locked,
                        });
                    };
                    view! {
                        <li>
                            <button type="button" class="profile" on:click=pick>
                                {picture_img(p.picture, 64)}
                                <span class="profile-name">{learner_label(ctx.i18n, p)}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let ask = ctx.i18n.format("endorse-who", &[("name", Arg::Str(&learner_name))]);
            view! {
                <h3 tabindex="-1" node_ref=heading>{ask}</h3>
                <p>{title.clone()}</p>
                <ul class="profiles">{guides}</ul>
            }
            .into_any()
        }
        Some(g) if !vouched => {
            let kind = g.lock.as_ref().map_or(kns_core::profile::LockKind::Pin, |l| l.kind);
            let (key, id) = (key.clone(), g.id.clone());
            let entered = Callback::new(move |secret: Secret| ctx.vouch(key.clone(), id.clone(), secret));
            let prompt = match kind {
                kns_core::profile::LockKind::Pictures => "profiles-unlock-pictures",
                kns_core::profile::LockKind::Pin => "profiles-unlock-pin",
            };
            let ask = ctx.i18n.format("endorse-lock", &[("name", Arg::Str(&learner_label(ctx.i18n, &g)))]);
            view! {
                <h3 tabindex="-1" node_ref=heading>{ask}</h3>
                <p class="keypad-prompt">{ctx.t(prompt)}</p>
                <Keypad kind on_done=entered/>
            }
            .into_any()
        }
        Some(g) => {
            let comment = RwSignal::new(String::new());
            let statement = ctx.i18n.format(
                "endorse-statement",
                &[("guide", Arg::Str(&learner_label(ctx.i18n, &g))), ("name", Arg::Str(&learner_name))],
            );
            let (key, id) = (key.clone(), g.id.clone());
            let sign = move |_| ctx.endorse(key.clone(), id.clone(), comment.get_untracked());
            view! {
                <h3 tabindex="-1" node_ref=heading>{statement}</h3>
                <p>{title.clone()}</p>
                <label class="field-label" for="endorse-comment">{ctx.t("endorse-comment")}</label>
                <input id="endorse-comment" class="text-field" type="text" maxlength="200"
                    prop:value=move || comment.get() on:input=move |e| comment.set(event_target_value(&e))/>
                <div class="actions">
                    <button type="button" class="button" id="endorse-sign" on:click=sign>{ctx.t("endorse-sign")}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <div class="endorsing">
            {body}
            <button type="button" class="button secondary" on:click=back>{ctx.t("endorse-back")}</button>
        </div>
    }
}

/// Signs a record for every claim that has none (when the learner agreed to keep records),
/// keeps them, and returns every record with how many were made now and how many claims could
/// not be read.
async fn make_records(
    store: &IdbStore,
    profile: &str,
    consent: &Consent,
) -> Result<(Vec<Row>, usize, usize), ()> {
    let (claims, records, skipped) = store.claims_and_records(profile).await.map_err(|_| ())?;
    let endorsements = store.endorsements(profile).await.map_err(|_| ())?;
    let owed = owed(&claims, &records);
    let mut made = Vec::new();
    if consent.allows(Purpose::Keep) && !owed.is_empty() {
        let seed = secure_random().ok_or(())?;
        let keys = Keypair::from_seed(&store.signing_seed(profile, seed).await.map_err(|_| ())?);
        let origin = window().location().origin().unwrap_or_default();
        for (key, claim) in owed {
            let lang = claim.lang;
            let words = |id: &str, args: &[(&str, Arg)]| crate::i18n::format_in(lang, id, args);
            let description = words("record-description", &[]);
            let criteria = words("record-criteria", &[("pass", Arg::Num(i64::from(claim.pass_mark)))]);
            let domain = words(&format!("competency-{}", claim.competency.slug()), &[]);
            let issue = Issue {
                origin: &origin,
                id: uuid(secure_random().ok_or(())?),
                subject: None,
                cohort: None,
                app_version: env!("CARGO_PKG_VERSION"),
                description: &description,
                criteria: &criteria,
                domain: &domain,
            };
            made.push((key.clone(), sign(&keys, claim, &issue)));
        }
        store.keep_records(&made).await.map_err(|_| ())?;
    }
    let count = made.len();
    let all: Vec<(String, String)> = records.into_iter().chain(made).collect();
    let now_s = (now_ms() / 1000) as i64;
    let rows = claims
        .iter()
        .filter_map(|(key, claim)| {
            let (_, jws) = all.iter().find(|(k, _)| k == key)?;
            let checked = kns_core::record::verify_record(jws, None, now_s);
            let id = checked.as_ref().map(|r| r.id.clone()).unwrap_or_default();
            // The endorsements of this very record that check out, by guide.
            let endorsed = endorsements
                .iter()
                .filter_map(|(k, e)| {
                    let guide = endorsement_guide(k, key)?;
                    let valid = kns_core::record::verify_endorsement(e, now_s).ok()?;
                    (valid.record == id).then(|| (guide.to_string(), e.clone()))
                })
                .collect();
            Some(Row {
                key: key.clone(),
                jws: jws.clone(),
                id,
                lang: claim.lang,
                endorsements: endorsed,
                delivery: None,
                broken: checked.err().map(|r| r.code().to_string()),
                title: claim.title.clone(),
                at_ms: claim.at_ms,
                score: claim.score,
                total: claim.total,
            })
        })
        .collect();
    Ok((rows, count, skipped))
}

/// One round of sending: each record whose turn it is goes to the collector, and what came of it
/// is saved; `shown` hears every new state. `online`: the phone just came back, the waits are over.
async fn send_round(
    store: &IdbStore,
    collector: &str,
    records: Vec<(String, String)>,
    deliveries: &mut Vec<(String, Delivery)>,
    online: bool,
    shown: impl Fn(&[(String, Delivery)]),
) {
    for (key, jws) in records {
        let delivery = match deliveries.iter().find(|(k, _)| *k == key) {
            Some((_, delivery)) => delivery.clone(),
            None => Delivery::new(),
        };
        if !delivery.due(now_ms(), online) {
            continue;
        }
        let next = delivery.after(fetch::post_record(collector, &jws).await, now_ms());
        if store.set_delivery(&key, &next).await.is_err() {
            break;
        }
        deliveries.retain(|(k, _)| *k != key);
        deliveries.push((key, next));
        shown(deliveries);
    }
}

/// What the course page asks for after a passed quiz (through the settings module, see
/// app/src/platform/records_bridge.rs), with no page to show: the records the learner's passes
/// are owed, signed and kept if they agreed, and sent if they agreed to that. How many were made.
pub async fn make_in_background(profile: String) -> u32 {
    let Ok(store) = IdbStore::open(|| {}).await else { return 0 };
    let Ok(consent) = store.consent(&profile).await else { return 0 };
    let Ok((rows, made, _)) = make_records(&store, &profile, &consent).await else { return 0 };
    if consent.allows(Purpose::Send)
        && let Some(collector) = fetch::config().await.collector
    {
        let mut deliveries = store.deliveries(&profile).await.unwrap_or_default();
        let sound = rows.into_iter().filter(|r| r.broken.is_none()).map(|r| (r.key, r.jws)).collect();
        send_round(&store, &collector, sound, &mut deliveries, false, |_| {}).await;
    }
    made as u32
}

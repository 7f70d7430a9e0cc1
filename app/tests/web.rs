//! Browser adapters and components, tested in headless Chromium (`cargo xtask test` runs these
//! through wasm-bindgen-test-runner).

use std::sync::Arc;

use kns_app::components::blocks::{Blocks, LessonGlossary};
use kns_app::i18n::I18n;
use kns_app::platform::fetch::{LoadError, fetch_decoded};
use kns_app::platform::prefs;
use kns_core::Lang;
use kns_core::content::{Block, GlossaryEntry, Inline, Step, Tone};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::{document, settle};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_language_choice_is_remembered_and_set_on_the_page() {
    prefs::save_lang(Lang::En);
    assert_eq!(prefs::load_lang(), Some(Lang::En));
    prefs::set_document_lang(Lang::En);
    assert_eq!(document().document_element().unwrap().get_attribute("lang").as_deref(), Some("en"));
    prefs::save_lang(Lang::Vi);
    assert_eq!(prefs::load_lang(), Some(Lang::Vi));
}

#[wasm_bindgen_test]
fn a_stored_value_that_is_no_language_is_ignored() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("kns.lang", "klingon").unwrap();
    assert_eq!(prefs::load_lang(), None);
    storage.remove_item("kns.lang").unwrap();
    assert_eq!(prefs::load_lang(), None);
}

#[wasm_bindgen_test]
fn each_learners_text_size_and_theme_are_kept_apart_and_drawn_on_the_page() {
    use kns_core::look::Look;
    let root: web_sys::HtmlElement = document().document_element().unwrap().unchecked_into();
    let big = Look { text: 175, contrast: true };
    assert!(prefs::save_look("p-a", big));
    assert_eq!(prefs::load_look("p-a"), big);
    assert_eq!(prefs::load_look("p-b"), Look::default(), "another learner has their own");
    prefs::apply_look(big);
    assert_eq!(root.style().get_property_value("font-size").unwrap(), "175%");
    assert!(root.class_list().contains("contrast"));
    // Back to the phone's own look: nothing kept, nothing left on the page.
    assert!(prefs::save_look("p-a", Look::default()));
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(storage.get_item("kns.look.p-a").unwrap(), None);
    prefs::apply_look(Look::default());
    assert_eq!(root.style().get_property_value("font-size").unwrap(), "");
    assert!(!root.class_list().contains("contrast"));
    // What is not a look is the default one.
    storage.set_item("kns.look.p-a", "900 blinking").unwrap();
    assert_eq!(prefs::load_look("p-a"), Look::default());
    storage.remove_item("kns.look.p-a").unwrap();
}

#[wasm_bindgen_test]
async fn fetch_reports_missing_files_and_bad_data_apart() {
    let missing = fetch_decoded::<Vec<u32>>("/no-such-file.bin").await;
    assert_eq!(missing, Err(LoadError::Status(404)));
    // postcard: a length of 2, then 1 and 2; cut short, it is not a list of two.
    let good = fetch_decoded::<Vec<u32>>("data:application/octet-stream;base64,AgEC").await;
    assert_eq!(good, Ok(vec![1, 2]));
    let bad = fetch_decoded::<Vec<u32>>("data:application/octet-stream;base64,AgE=").await;
    assert!(matches!(bad, Err(LoadError::Format(_))), "{bad:?}");
}

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

#[wasm_bindgen_test]
fn lesson_blocks_render_as_elements_and_text_never_as_markup() {
    prefs::save_lang(Lang::Vi);
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let blocks = vec![
        Block::Heading { level: 2, text: text("Phần một") },
        Block::Paragraph { text: text("<script>window.pwned = 1</script><b>not bold</b>") },
        Block::Steps {
            steps: vec![
                Step { text: text("Bước một") },
                Step {
                    text: vec![Inline::Text("Bước hai".into()), Inline::Audio("audio/buoc-2.mp3".into())],
                },
            ],
        },
        Block::Callout {
            tone: Tone::Warning, body: vec![Block::Paragraph { text: text("Không đưa OTP.") }]
        },
        Block::Term { term: "OTP".into(), definition: text("Mã dùng một lần.") },
        Block::Image { src: "man-hinh.svg".into(), alt: "Màn hình tin nhắn".into() },
        Block::Paragraph {
            text: vec![Inline::Link { href: "https://dichvucong.gov.vn".into(), text: text("Cổng") }],
        },
    ];
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new());
        view! { <Blocks lesson_id="bai-thu".to_string() blocks=blocks/> }
    });

    let select = |css: &str| host.query_selector_all(css).unwrap().length();
    assert_eq!(select("h2"), 1);
    assert_eq!(select("script"), 0, "text must never become elements");
    assert_eq!(select("b"), 0);
    assert!(host.text_content().unwrap().contains("<script>window.pwned = 1</script>"));
    assert_eq!(select("ol.steps > li"), 2);
    // A step's recording: its address for read-aloud, never shown.
    let second = host.query_selector("ol.steps > li:nth-child(2)").unwrap().unwrap();
    assert_eq!(second.get_attribute("data-audio").as_deref(), Some("/content/bai-thu/audio/buoc-2.mp3"));
    assert_eq!(second.text_content().as_deref(), Some("Bước hai"));
    assert_eq!(select("ol.steps > li:first-child[data-audio]"), 0);
    let warning = host.query_selector("aside.callout.warning .callout-label").unwrap().unwrap();
    assert_eq!(warning.text_content().as_deref(), Some("Cảnh báo"));
    assert_eq!(host.query_selector("dl.term dfn").unwrap().unwrap().text_content().as_deref(), Some("OTP"));
    let img = host.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("alt").as_deref(), Some("Màn hình tin nhắn"));
    assert_eq!(img.get_attribute("src").as_deref(), Some("/content/bai-thu/man-hinh.svg"));
    let link = host.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://dichvucong.gov.vn"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_glossary_word_shows_its_definition_on_tap_and_hides_it_again() {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let blocks = vec![Block::Paragraph {
        text: vec![
            Inline::Text("Đừng đưa ".into()),
            Inline::Term { id: "otp".into(), text: text("mã OTP") },
            Inline::Text(" cho ai.".into()),
        ],
    }];
    let entry =
        GlossaryEntry { id: "otp".into(), term: "OTP".into(), definition: text("Mã dùng một lần.") };
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        provide_context(I18n::new());
        provide_context(LessonGlossary(Arc::new(vec![entry])));
        view! { <Blocks lesson_id="bai-thu".to_string() blocks=blocks/> }
    });
    let button: web_sys::HtmlElement =
        host.query_selector("button.term-link").unwrap().unwrap().unchecked_into();
    let definition = host.query_selector(".term-definition").unwrap().unwrap();
    assert_eq!(button.text_content().as_deref(), Some("mã OTP"));
    assert_eq!(button.get_attribute("aria-controls"), Some(definition.id()));
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(definition.has_attribute("hidden"));
    button.click();
    settle().await;
    assert_eq!(button.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!definition.has_attribute("hidden"));
    assert_eq!(definition.text_content().as_deref(), Some("OTP: Mã dùng một lần."));
    button.click();
    settle().await;
    assert!(definition.has_attribute("hidden"));
    host.remove();
}

mod store {
    use kns_app::platform::idb_store::{DB_VERSION, IdbStore};
    use kns_core::Lang;
    use kns_core::progress::{Change, Completion, LessonStatus, Store};
    use kns_core::quiz::{Answer, QuizResult};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    fn order(question: &str) -> Change {
        let (hash, question) = ("hash".to_string(), question.to_string());
        Change::Answer { hash, lang: Lang::Vi, seed: 42, question, answer: Answer::Order(vec![2, 0, 1]) }
    }

    async fn open(name: &str) -> IdbStore {
        IdbStore::open_named(name, || {}).await.expect("IndexedDB opens")
    }

    #[wasm_bindgen_test]
    async fn progress_saved_in_indexeddb_loads_back_per_learner() {
        let store = open("kns-test-roundtrip").await;
        let mine = store.update("me", "bai-mot", &order("q-1")).await.unwrap();
        store.update("ba", "bai-mot", &order("q-1")).await.unwrap();
        let loaded = store.load("me").await.unwrap();
        assert_eq!(loaded.records, vec![mine.clone()]);
        assert_eq!(loaded.skipped, 0);
        // A second connection (a reload) sees the same.
        let again = open("kns-test-roundtrip").await;
        assert_eq!(again.load("me").await.unwrap().records, vec![mine]);
    }

    /// Two tabs (two connections) answer the same quiz: each change is applied to the record as
    /// stored, so the second never writes back a copy without the first one's answer. A finished
    /// quiz (written with strict durability) keeps both, and its result.
    #[wasm_bindgen_test]
    async fn two_tabs_answering_at_once_lose_no_answer() {
        let (one, two) = (open("kns-test-two-tabs").await, open("kns-test-two-tabs").await);
        let (q1, q2) = (order("q-1"), order("q-2"));
        let (a, b) = futures_join(one.update("me", "bai", &q1), two.update("me", "bai", &q2)).await;
        a.unwrap();
        b.unwrap();
        let stored = one.load("me").await.unwrap().records;
        let answers: Vec<&str> =
            stored[0].attempt.as_ref().unwrap().answers.iter().map(|(q, _)| q.as_str()).collect();
        assert_eq!(answers.len(), 2, "{answers:?}");
        assert!(answers.contains(&"q-1") && answers.contains(&"q-2"));
        let result = QuizResult { score: 2, total: 2, percent: 100, passed: true, missed: vec![] };
        let done = Completion { hash: "hash".into(), lang: Lang::Vi, result, at_ms: 1 };
        let finished = two.update("me", "bai", &Change::Finish(done)).await.unwrap();
        assert!(finished.best.is_some_and(|b| b.result.passed));
        assert_eq!(one.load("me").await.unwrap().records[0].status(), LessonStatus::Passed);
    }

    /// Both futures, polled together (the two tabs' writes overlap).
    async fn futures_join<A: std::future::Future, B: std::future::Future>(
        a: A,
        b: B,
    ) -> (A::Output, B::Output) {
        let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
        let (mut ra, mut rb) = (None, None);
        std::future::poll_fn(|cx| {
            if ra.is_none()
                && let std::task::Poll::Ready(v) = a.as_mut().poll(cx)
            {
                ra = Some(v);
            }
            if rb.is_none()
                && let std::task::Poll::Ready(v) = b.as_mut().poll(cx)
            {
                rb = Some(v);
            }
            if ra.is_some() && rb.is_some() { std::task::Poll::Ready(()) } else { std::task::Poll::Pending }
        })
        .await;
        (ra.unwrap(), rb.unwrap())
    }

    /// A tab holding this schema lets go when another opens a newer one, and says so: the newer
    /// one opens instead of waiting on `blocked`.
    #[wasm_bindgen_test]
    async fn an_older_connection_closes_for_a_newer_schema_and_says_so() {
        use std::cell::Cell;
        use std::rc::Rc;
        let told = Rc::new(Cell::new(false));
        let flag = told.clone();
        let old = IdbStore::open_named("kns-test-newer", move || flag.set(true)).await.unwrap();
        old.update("me", "bai", &order("q-1")).await.unwrap();
        let newer = idb::Factory::new().unwrap().open("kns-test-newer", Some(DB_VERSION + 1)).unwrap();
        let newer = newer.await.expect("the newer schema opens, not blocked");
        assert!(told.get(), "the older tab was told");
        assert_eq!(newer.version().unwrap(), DB_VERSION + 1);
        assert!(old.update("me", "bai", &order("q-2")).await.is_err(), "the closed connection saves nothing");
        newer.close();
    }

    /// A database exactly as schema version 1 left it (store `progress`, key `<profile>/<lesson>`,
    /// the record's bytes), written here with IndexedDB directly, opens in today's schema with the
    /// learner's progress whole. When the schema version rises, this fixture stays and the
    /// upgrade must carry it over.
    #[wasm_bindgen_test]
    async fn a_database_written_by_schema_v1_opens_with_all_progress() {
        use idb::{Factory, ObjectStoreParams, TransactionMode};
        // Core's fixture of a v1 record (core/tests/progress_format.rs).
        const V1_RECORD: &str = "0764656661756c74116e68616e2d6469656e2d6c75612d64616f010463643334012a0307712d6f72646572030302000107712d6d617463680402010006712d73706f7405010101046162313200090b51010205712d6f747005712d736d7380d0dfb4ab33";
        let bytes: Vec<u8> = (0..V1_RECORD.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&V1_RECORD[i..i + 2], 16).unwrap())
            .collect();
        let name = "kns-test-v1";
        let mut request = Factory::new().unwrap().open(name, Some(1)).unwrap();
        request.on_upgrade_needed(|event| {
            let db = idb::DatabaseEvent::database(&event).unwrap();
            db.create_object_store("progress", ObjectStoreParams::new()).unwrap();
        });
        let db = request.await.unwrap();
        let tx = db.transaction(&["progress"], TransactionMode::ReadWrite).unwrap();
        let value = js_sys::Uint8Array::from(bytes.as_slice());
        tx.object_store("progress")
            .unwrap()
            .put(&value, Some(&JsValue::from_str("default/nhan-dien-lua-dao")))
            .unwrap()
            .await
            .unwrap();
        tx.commit().unwrap().await.unwrap();
        db.close();

        let store = open(name).await;
        let loaded = store.load("default").await.unwrap();
        assert_eq!(loaded.skipped, 0);
        assert_eq!(loaded.records.len(), 1);
        let record = &loaded.records[0];
        assert_eq!(record.lesson, "nhan-dien-lua-dao");
        assert!(record.best.as_ref().is_some_and(|b| b.result.passed && b.result.percent == 81));
        assert_eq!(record.attempt_for("cd34", Lang::En).map(|a| a.answers.len()), Some(3));
        // Version 2 added the store for lessons kept offline; it is there, and empty.
        assert_eq!(store.lesson_files().await.unwrap(), Vec::<String>::new());
        // Version 3 added the learners; there are none yet, so the one learner is the first
        // profile, under whose id the progress above was always kept.
        let profiles = store.profiles().await.unwrap();
        assert_eq!(profiles, kns_core::profile::Profiles::default());
        assert_eq!(store.load(&profiles.current().id).await.unwrap().records.len(), 1);
        // Version 4 added what records are made from and kept in: empty, and no consent given.
        let (claims, records, skipped) = store.claims_and_records("default").await.unwrap();
        assert!(claims.is_empty() && records.is_empty() && skipped == 0);
        assert!(!store.consent("default").await.unwrap().answered());
    }

    fn claim(lesson: &str, at_ms: u64) -> kns_core::claim::Claim {
        kns_core::claim::Claim {
            lesson: lesson.into(),
            version: 1,
            hash: "abc".into(),
            lang: Lang::Vi,
            title: "Bài".into(),
            summary: "Tóm tắt".into(),
            competency: kns_core::content::Competency::AnToan,
            score: 3,
            total: 3,
            pass_mark: 70,
            correct: vec![("q-1".into(), true)],
            seconds: 40,
            at_ms,
        }
    }

    /// Claims are kept per learner and pass, records under their claim's key; a learner's key
    /// is made once (a second fresh seed does not replace it) and consent is read back; a claim
    /// that does not decode is skipped and counted; deleting a learner takes all of these with
    /// them, and leaves another learner whose id begins the same.
    #[wasm_bindgen_test]
    async fn claims_records_keys_and_consent_are_kept_per_learner_and_go_with_them() {
        use kns_core::consent::{Consent, Purpose};
        use kns_core::profile::{Picture, Profiles};
        let store = open("kns-test-records").await;
        let mut profiles = Profiles::default();
        let ba = profiles.create("Bà Tư", Picture::Buffalo, [1; 8]).unwrap();
        let ba2 = profiles.create("", Picture::Star, [0x11; 8]).unwrap();
        store.save_profiles(&profiles, None).await.unwrap();
        let (one, two) = (claim("bai-mot", 1_000), claim("bai-mot", 2_000));
        store.keep_claim(&ba, &one).await.unwrap();
        store.keep_claim(&ba, &two).await.unwrap();
        store.keep_claim(&ba2, &one).await.unwrap();
        store.put_raw("claims", &format!("{ba}/bai-hong/1"), &JsValue::from_str("not ours")).await.unwrap();
        store.keep_records(&[(one.key(&ba), "a.b.c".into())]).await.unwrap();
        let (claims, records, skipped) =
            open("kns-test-records").await.claims_and_records(&ba).await.unwrap();
        assert_eq!(claims, vec![(one.key(&ba), one.clone()), (two.key(&ba), two.clone())]);
        assert_eq!(records, vec![(one.key(&ba), "a.b.c".to_string())]);
        assert_eq!(skipped, 1);

        let seed = store.signing_seed(&ba, [5; 32]).await.unwrap();
        assert_eq!(seed, [5; 32]);
        assert_eq!(open("kns-test-records").await.signing_seed(&ba, [6; 32]).await.unwrap(), [5; 32]);
        let mut consent = Consent::default();
        consent.choose(&[Purpose::Keep], false, 10);
        store.save_consent(&ba, &consent).await.unwrap();
        assert_eq!(store.consent(&ba).await.unwrap(), consent);
        store.put_raw("consents", &ba2, &JsValue::from_str("not ours")).await.unwrap();
        assert_eq!(store.consent(&ba2).await, Err(kns_core::progress::StoreError::Damaged));

        profiles.switch("default", None, 0).unwrap();
        profiles.delete(&ba, None, 0).unwrap();
        store.save_profiles(&profiles, Some(&ba)).await.unwrap();
        let again = open("kns-test-records").await;
        let (claims, records, skipped) = again.claims_and_records(&ba).await.unwrap();
        assert!(claims.is_empty() && records.is_empty() && skipped == 0);
        assert!(!again.consent(&ba).await.unwrap().answered());
        // A new key, not the deleted learner's.
        assert_eq!(again.signing_seed(&ba, [7; 32]).await.unwrap(), [7; 32]);
        assert_eq!(again.claims_and_records(&ba2).await.unwrap().0.len(), 1);
    }

    /// The learners are saved and read back by another connection; deleting one takes their
    /// progress with them in the same transaction and leaves everyone else's.
    #[wasm_bindgen_test]
    async fn profiles_are_saved_and_a_deleted_one_takes_only_their_progress() {
        use kns_core::profile::{Picture, Profiles, Secret};
        let store = open("kns-test-profiles").await;
        let mut profiles = Profiles::default();
        let ba = profiles.create("Bà Tư", Picture::Buffalo, [1; 8]).unwrap();
        // An id that begins like another's must not take the other's progress along.
        let ba2 = profiles.create("", Picture::Star, [0x11; 8]).unwrap();
        profiles.set_lock(&ba, Some(&Secret::Pin("2580".into())), [3; 16]).unwrap();
        store.save_profiles(&profiles, None).await.unwrap();
        assert_eq!(open("kns-test-profiles").await.profiles().await.unwrap(), profiles);

        store.update("default", "bai", &order("q-1")).await.unwrap();
        store.update(&ba, "bai", &order("q-1")).await.unwrap();
        store.update(&ba, "bai-hai", &order("q-1")).await.unwrap();
        store.update(&ba2, "bai", &order("q-2")).await.unwrap();
        profiles.delete(&ba, Some(&Secret::Pin("2580".into())), 0).unwrap();
        store.save_profiles(&profiles, Some(&ba)).await.unwrap();
        let again = open("kns-test-profiles").await;
        assert_eq!(again.profiles().await.unwrap().list.len(), 2);
        assert!(again.load(&ba).await.unwrap().records.is_empty());
        assert_eq!(again.load(&ba2).await.unwrap().records.len(), 1);
        assert_eq!(again.load("default").await.unwrap().records.len(), 1);
    }

    #[wasm_bindgen_test]
    async fn damaged_profiles_are_reported_not_taken_for_new() {
        let store = open("kns-test-profiles-damaged").await;
        store.save_profiles(&kns_core::profile::Profiles::default(), None).await.unwrap();
        store.put_raw("profiles", "profiles", &JsValue::from_str("not ours")).await.unwrap();
        assert_eq!(store.profiles().await, Err(kns_core::progress::StoreError::Damaged));
    }

    /// Lesson files are kept under their names, read back whole, listed, and forgotten, in the
    /// same transaction as new ones are kept; a file never kept is simply absent.
    #[wasm_bindgen_test]
    async fn lessons_are_kept_read_back_listed_and_forgotten() {
        let store = open("kns-test-lessons").await;
        let (one, two) = ("lessons/bai-mot.vi.111111111111", "lessons/bai-hai.vi.222222222222");
        let keep = [(one.to_string(), vec![1u8, 2, 3]), (two.to_string(), vec![4u8; 5000])];
        store.keep_lessons(&keep, &[]).await.unwrap();
        assert_eq!(store.lesson(one).await.unwrap(), Some(vec![1, 2, 3]));
        assert_eq!(store.lesson(two).await.unwrap(), Some(vec![4; 5000]));
        assert_eq!(store.lesson("lessons/khong-co.vi.000000000000").await.unwrap(), None);
        let mut files = store.lesson_files().await.unwrap();
        files.sort();
        assert_eq!(files, vec![two.to_string(), one.to_string()]);

        let three = "lessons/bai-ba.vi.333333333333";
        store.keep_lessons(&[(three.to_string(), vec![9])], &[one.to_string()]).await.unwrap();
        let mut files = store.lesson_files().await.unwrap();
        files.sort();
        assert_eq!(files, vec![three.to_string(), two.to_string()]);
        assert_eq!(store.lesson(one).await.unwrap(), None);
        // Another connection (a reload) sees the same.
        assert_eq!(open("kns-test-lessons").await.lesson(three).await.unwrap(), Some(vec![9]));
    }

    #[wasm_bindgen_test]
    async fn a_damaged_or_foreign_value_is_skipped_and_counted_and_the_rest_loads() {
        let store = open("kns-test-damaged").await;
        let good = store.update("me", "bai-mot", &order("q-1")).await.unwrap();
        store.put_raw("progress", "me/bai-hai", &JsValue::from_str("not ours")).await.unwrap();
        store
            .put_raw("progress", "me/bai-ba", &js_sys::Uint8Array::from(&[0xff_u8, 0xff, 0xff][..]))
            .await
            .unwrap();
        let loaded = store.load("me").await.unwrap();
        assert_eq!(loaded.records, vec![good]);
        assert_eq!(loaded.skipped, 2);
    }
}

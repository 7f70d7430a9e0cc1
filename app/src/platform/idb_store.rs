//! kns-core's progress [`Store`] on IndexedDB (through the `idb` crate), and the lessons kept for
//! offline use.
//!
//! The object store `progress` holds one record per learner and lesson under the key
//! `<profile>/<lesson>`; the value is the record in kns-core's wire form (bytes), so a value that
//! is not ours, or is damaged, fails to decode and is skipped and counted, never fatal.
//! The object store `lessons` (schema version 2) holds compiled lesson files (their wire form,
//! as downloaded) under their file name from the course index (see [`kns_core::offline`]).
//! The object store `profiles` (schema version 3) holds the learners on the device
//! ([`Profiles`], wire form) under the one key `profiles`; until someone makes a profile it is
//! empty, and every learner is the first profile, `default`, as before profiles existed.
//! Schema version 4 adds what completion records are made from and kept in (issue 6): `claims`
//! (what a passed quiz leaves, [`Claim`], under `<profile>/<lesson>/<ms>`), `records` (the
//! signed record, a JWS string, under its claim's key), `keys` (each learner's Ed25519 seed,
//! under the profile id), `consents` ([`Consent`], under the profile id) and `outbox` (each
//! record's [`Delivery`] to the collector, under the record's key) and `endorsements` (a guide's
//! signed endorsement of a record, a JWS string, under `<record key>/<guide id>`).
//!
//! Every change is one small read-write transaction that reads the record, applies the change
//! (kns-core's rules) and writes it back, awaited until it commits: two tabs answering at once
//! never write back each other's stale copy. A finished quiz is written with strict durability
//! (flushed to disk before the commit is reported). When another tab opens a newer schema, this
//! connection closes at once, so the upgrade is never blocked, and the app is told.
//!
//! Written on web-sys directly, each request awaited as a promise: the `idb` crate did the same
//! job with 4 KB more brotli wasm (its request futures, a tokio channel, seventy error kinds),
//! and the course page's wasm is at its budget. The tests still use `idb` to write fixtures.

use js_sys::{Array, Function, Promise, Reflect};
use kns_core::claim::Claim;
use kns_core::consent::Consent;
use kns_core::outbox::Delivery;
use kns_core::profile::Profiles;
use kns_core::progress::{Change, LessonProgress, Loaded, Store, StoreError, progress_key};
use kns_core::wire;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode,
};

/// The database's name and its schema version (raise it, and migrate in `upgrade`, to change
/// the schema).
pub const DB_NAME: &str = "kns";
pub const DB_VERSION: u32 = 4;
const PROGRESS: &str = "progress";
const LESSONS: &str = "lessons";
const PROFILES: &str = "profiles";
const CLAIMS: &str = "claims";
const RECORDS: &str = "records";
const KEYS: &str = "keys";
const CONSENTS: &str = "consents";
const OUTBOX: &str = "outbox";
const ENDORSEMENTS: &str = "endorsements";

/// Progress kept in IndexedDB.
pub struct IdbStore {
    db: IdbDatabase,
}

/// What went wrong, by the name of the browser's exception.
fn failed(e: JsValue) -> StoreError {
    reason(e.dyn_into::<DomException>().ok())
}

fn reason(e: Option<DomException>) -> StoreError {
    match e.map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => StoreError::QuotaExceeded,
        Some(name) => StoreError::Failed(name),
        None => StoreError::Failed("IndexedDB".to_string()),
    }
}

/// A stored value in the wire form; `None` for anything that is not one of ours (damaged,
/// foreign).
fn decode<T: serde::de::DeserializeOwned>(value: JsValue) -> Option<T> {
    let bytes = value.dyn_into::<js_sys::Uint8Array>().ok()?;
    wire::decode::<T>(&bytes.to_vec()).ok()
}

/// A promise settled by two of a target's events (`set` puts the two handlers in place).
async fn settled(set: impl FnOnce(&Function, &Function)) -> bool {
    let mut set = Some(set);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(set) = set.take() {
            set(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await.is_ok()
}

/// Waits for a request and returns its result, or the browser's reason it failed.
async fn done(request: IdbRequest) -> Result<JsValue, StoreError> {
    let ok = settled(|ok, err| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(err));
    })
    .await;
    if ok { request.result().map_err(failed) } else { Err(reason(request.error().ok().flatten())) }
}

/// Commits `tx` and waits for the outcome. A transaction the browser aborted (the device full,
/// say) is an error with the browser's reason.
async fn commit(tx: IdbTransaction) -> Result<(), StoreError> {
    let ok = settled(|ok, err| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(err));
    });
    // Asks the browser not to wait for more requests (where it can: it commits anyway once none
    // are left). web-sys marks it deprecated by mistake; it is in the IndexedDB 3.0 standard.
    #[allow(deprecated)]
    let _ = tx.commit();
    if ok.await {
        Ok(())
    } else {
        Err(tx.error().map_or(StoreError::Failed("AbortError".into()), |e| reason(Some(e))))
    }
}

fn unavailable(e: StoreError) -> StoreError {
    match e {
        StoreError::Failed(why) => StoreError::Unavailable(why),
        other => other,
    }
}

/// Every key that starts with "<profile>/".
fn profile_range(profile: &str) -> Result<JsValue, StoreError> {
    let (low, high) = (format!("{profile}/"), format!("{profile}/\u{ffff}"));
    let range = IdbKeyRange::bound_with_lower_open_and_upper_open(&low.into(), &high.into(), false, false);
    range.map(Into::into).map_err(failed)
}

impl IdbStore {
    /// Opens (creating or upgrading) the database; `Unavailable` where the browser has none.
    /// `on_newer` is called if another tab later opens a newer schema (this connection is then
    /// closed, and nothing more can be saved here until a reload).
    pub async fn open(on_newer: impl Fn() + 'static) -> Result<IdbStore, StoreError> {
        Self::open_named(DB_NAME, on_newer).await
    }

    /// Opens a database of another name (tests use their own).
    pub async fn open_named(name: &str, on_newer: impl Fn() + 'static) -> Result<IdbStore, StoreError> {
        let none = || StoreError::Unavailable("no IndexedDB".into());
        let factory =
            web_sys::window().ok_or_else(none)?.indexed_db().map_err(failed).map_err(unavailable)?;
        let request =
            factory.ok_or_else(none)?.open_with_u32(name, DB_VERSION).map_err(failed).map_err(unavailable)?;
        // From any older version (none, 1, 2, 3): create the stores it lacks; what is there stays.
        let opening = request.clone();
        let upgrade = Closure::once_into_js(move || {
            if let Ok(db) = opening.result().map(JsCast::unchecked_into::<IdbDatabase>) {
                let names = db.object_store_names();
                for name in
                    [PROGRESS, LESSONS, PROFILES, CLAIMS, RECORDS, KEYS, CONSENTS, OUTBOX, ENDORSEMENTS]
                {
                    if !names.contains(name) {
                        let _ = db.create_object_store(name);
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let db: IdbDatabase = done(request.into()).await.map_err(unavailable)?.unchecked_into();
        // Another tab opening a newer schema asks us to let go; close, so it is not blocked.
        // (The connection lives as long as the page: so does this callback.)
        let closing = db.clone();
        let newer = Closure::<dyn Fn()>::new(move || {
            closing.close();
            on_newer();
        });
        db.set_onversionchange(Some(newer.as_ref().unchecked_ref()));
        newer.forget();
        Ok(IdbStore { db })
    }

    fn reading(&self, name: &str) -> Result<IdbObjectStore, StoreError> {
        let tx = self.db.transaction_with_str_and_mode(name, IdbTransactionMode::Readonly).map_err(failed)?;
        tx.object_store(name).map_err(failed)
    }

    /// A read-write transaction on object stores; `strict` asks the browser to flush it to
    /// disk before it reports the commit (`durability: "strict"`, not yet in stable web-sys).
    fn writing(&self, names: &[&str], strict: bool) -> Result<IdbTransaction, StoreError> {
        let names: Array = names.iter().map(|n| JsValue::from_str(n)).collect();
        let options = js_sys::Object::new();
        if strict {
            Reflect::set(&options, &"durability".into(), &"strict".into()).map_err(failed)?;
        }
        let open = Reflect::get(&self.db, &"transaction".into()).map_err(failed)?;
        let tx = open
            .unchecked_into::<Function>()
            .call3(&self.db, &names, &"readwrite".into(), &options)
            .map_err(failed)?;
        Ok(tx.unchecked_into())
    }

    /// Writes a raw value under a key of an object store, bypassing the wire form (tests use it
    /// to plant damage).
    pub async fn put_raw(&self, name: &str, key: &str, value: &JsValue) -> Result<(), StoreError> {
        self.put(name, key, value, false).await
    }

    async fn put(&self, name: &str, key: &str, value: &JsValue, strict: bool) -> Result<(), StoreError> {
        let tx = self.writing(&[name], strict)?;
        let store = tx.object_store(name).map_err(failed)?;
        done(store.put_with_key(value, &key.into()).map_err(failed)?).await?;
        commit(tx).await
    }

    /// Keeps what a passed quiz leaves, for a record to be made from (strict durability, like the
    /// completion it comes with).
    pub async fn keep_claim(&self, profile: &str, claim: &Claim) -> Result<(), StoreError> {
        let bytes = js_sys::Uint8Array::from(wire::encode(claim).as_slice());
        self.put(CLAIMS, &claim.key(profile), &bytes, true).await
    }

    /// The kept lesson file of this name, if there is one.
    pub async fn lesson(&self, file: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let value = done(self.reading(LESSONS)?.get(&file.into()).map_err(failed)?).await?;
        Ok(value.dyn_into::<js_sys::Uint8Array>().ok().map(|bytes| bytes.to_vec()))
    }

    /// The names of every kept lesson file.
    pub async fn lesson_files(&self) -> Result<Vec<String>, StoreError> {
        let keys = done(self.reading(LESSONS)?.get_all_keys().map_err(failed)?).await?;
        Ok(keys.unchecked_into::<Array>().iter().filter_map(|key| key.as_string()).collect())
    }

    /// Keeps lesson files and forgets others, all in one transaction: either all of it is
    /// stored or, if the device is full, none of it, and what was kept before stays whole.
    pub async fn keep_lessons(
        &self,
        keep: &[(String, Vec<u8>)],
        forget: &[String],
    ) -> Result<(), StoreError> {
        let tx = self.writing(&[LESSONS], false)?;
        let store = tx.object_store(LESSONS).map_err(failed)?;
        for file in forget {
            store.delete(&file.into()).map_err(failed)?;
        }
        for (file, bytes) in keep {
            store.put_with_key(&js_sys::Uint8Array::from(bytes.as_slice()), &file.into()).map_err(failed)?;
        }
        commit(tx).await
    }
}

/// The key the learners are kept under in `profiles`.
const PROFILES_KEY: &str = "profiles";

impl IdbStore {
    /// The learners on the device; the first-use default where none were saved. A saved value
    /// that is not ours (damaged) is `Err(Damaged)`: the caller says so, and saving over it
    /// starts afresh (the progress itself, kept per learner, is untouched).
    pub async fn profiles(&self) -> Result<Profiles, StoreError> {
        let value = done(self.reading(PROFILES)?.get(&PROFILES_KEY.into()).map_err(failed)?).await?;
        if value.is_undefined() {
            return Ok(Profiles::default());
        }
        decode::<Profiles>(value).filter(|profiles| !profiles.list.is_empty()).ok_or(StoreError::Damaged)
    }

    /// Saves the learners (strict durability: a new learner or lock is on disk when this
    /// returns); with `forget`, that learner's progress goes in the same transaction, so a
    /// profile and its progress are deleted together or not at all.
    pub async fn save_profiles(&self, profiles: &Profiles, forget: Option<&str>) -> Result<(), StoreError> {
        let tx =
            self.writing(&[PROFILES, PROGRESS, CLAIMS, RECORDS, KEYS, CONSENTS, OUTBOX, ENDORSEMENTS], true)?;
        let store = tx.object_store(PROFILES).map_err(failed)?;
        let bytes = js_sys::Uint8Array::from(wire::encode(profiles).as_slice());
        store.put_with_key(&bytes, &PROFILES_KEY.into()).map_err(failed)?;
        if let Some(profile) = forget {
            for name in [PROGRESS, CLAIMS, RECORDS, OUTBOX, ENDORSEMENTS] {
                tx.object_store(name).map_err(failed)?.delete(&profile_range(profile)?).map_err(failed)?;
            }
            for name in [KEYS, CONSENTS] {
                tx.object_store(name).map_err(failed)?.delete(&profile.into()).map_err(failed)?;
            }
        }
        commit(tx).await
    }
}

/// Every value under a key range, with its key, in key order.
async fn all_in(store: &IdbObjectStore, range: &JsValue) -> Result<Vec<(String, JsValue)>, StoreError> {
    let keys = done(store.get_all_keys_with_key(range).map_err(failed)?).await?.unchecked_into::<Array>();
    let values = done(store.get_all_with_key(range).map_err(failed)?).await?.unchecked_into::<Array>();
    Ok(keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v))).collect())
}

impl IdbStore {
    /// A learner's claims and records, read in one transaction (so a record is never seen
    /// without its claim); a claim that does not decode is left out and counted.
    pub async fn claims_and_records(
        &self,
        profile: &str,
    ) -> Result<(Vec<(String, Claim)>, Vec<(String, String)>, usize), StoreError> {
        let names: Array = [CLAIMS, RECORDS].iter().map(|n| JsValue::from_str(n)).collect();
        let tx = self.db.transaction_with_str_sequence(&names).map_err(failed)?;
        let range = profile_range(profile)?;
        let mut skipped = 0;
        let mut claims = Vec::new();
        for (key, value) in all_in(&tx.object_store(CLAIMS).map_err(failed)?, &range).await? {
            let claim =
                value.dyn_into::<js_sys::Uint8Array>().ok().and_then(|b| wire::decode(&b.to_vec()).ok());
            match claim {
                Some(claim) => claims.push((key, claim)),
                None => skipped += 1,
            }
        }
        let records = all_in(&tx.object_store(RECORDS).map_err(failed)?, &range)
            .await?
            .into_iter()
            .filter_map(|(key, value)| Some((key, value.as_string()?)))
            .collect();
        Ok((claims, records, skipped))
    }

    /// Keeps signed records, each under its claim's key, all or none (strict durability).
    pub async fn keep_records(&self, records: &[(String, String)]) -> Result<(), StoreError> {
        let tx = self.writing(&[RECORDS], true)?;
        let store = tx.object_store(RECORDS).map_err(failed)?;
        for (key, jws) in records {
            store.put_with_key(&jws.into(), &key.into()).map_err(failed)?;
        }
        commit(tx).await
    }

    /// A learner's signing key seed; made from `fresh` and kept if they have none yet. Added, never
    /// overwritten: if another tab made one first, that one is read back and used.
    pub async fn signing_seed(&self, profile: &str, fresh: [u8; 32]) -> Result<[u8; 32], StoreError> {
        let read = |value: JsValue| -> Option<[u8; 32]> {
            value.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec().try_into().ok()
        };
        if let Some(seed) = read(done(self.reading(KEYS)?.get(&profile.into()).map_err(failed)?).await?) {
            return Ok(seed);
        }
        let tx = self.writing(&[KEYS], true)?;
        let store = tx.object_store(KEYS).map_err(failed)?;
        let added =
            done(store.add_with_key(&js_sys::Uint8Array::from(&fresh[..]), &profile.into()).map_err(failed)?)
                .await;
        if added.is_ok() && commit(tx).await.is_ok() {
            return Ok(fresh);
        }
        read(done(self.reading(KEYS)?.get(&profile.into()).map_err(failed)?).await?)
            .ok_or(StoreError::Damaged)
    }

    /// A learner's consent (none given, where nothing was saved; `Damaged` if it does not decode).
    pub async fn consent(&self, profile: &str) -> Result<Consent, StoreError> {
        let value = done(self.reading(CONSENTS)?.get(&profile.into()).map_err(failed)?).await?;
        if value.is_undefined() {
            return Ok(Consent::default());
        }
        decode(value).ok_or(StoreError::Damaged)
    }

    /// Where each of a learner's records stands with the collector (those never put in the
    /// outbox are absent; a value that does not decode is left out).
    pub async fn deliveries(&self, profile: &str) -> Result<Vec<(String, Delivery)>, StoreError> {
        let values = all_in(&self.reading(OUTBOX)?, &profile_range(profile)?).await?;
        Ok(values.into_iter().filter_map(|(key, value)| Some((key, decode(value)?))).collect())
    }

    /// Saves where a record stands with the collector (strict durability: a delivered record
    /// must never look waiting after a crash, nor the reverse).
    pub async fn set_delivery(&self, key: &str, delivery: &Delivery) -> Result<(), StoreError> {
        let bytes = js_sys::Uint8Array::from(wire::encode(delivery).as_slice());
        self.put(OUTBOX, key, &bytes, true).await
    }

    /// The endorsements of a learner's records, each under `<record key>/<guide id>`.
    pub async fn endorsements(&self, profile: &str) -> Result<Vec<(String, String)>, StoreError> {
        let values = all_in(&self.reading(ENDORSEMENTS)?, &profile_range(profile)?).await?;
        Ok(values.into_iter().filter_map(|(key, value)| Some((key, value.as_string()?))).collect())
    }

    /// Keeps a guide's endorsement of a record (strict durability).
    pub async fn keep_endorsement(&self, key: &str, jws: &str) -> Result<(), StoreError> {
        self.put(ENDORSEMENTS, key, &jws.into(), true).await
    }

    /// Saves a learner's consent (strict durability).
    pub async fn save_consent(&self, profile: &str, consent: &Consent) -> Result<(), StoreError> {
        let bytes = js_sys::Uint8Array::from(wire::encode(consent).as_slice());
        self.put(CONSENTS, profile, &bytes, true).await
    }
}

impl Store for IdbStore {
    async fn load(&self, profile: &str) -> Result<Loaded, StoreError> {
        let request = self.reading(PROGRESS)?.get_all_with_key(&profile_range(profile)?).map_err(failed)?;
        let values = done(request).await?.unchecked_into::<Array>();
        let mut loaded = Loaded::default();
        for value in values.iter() {
            let record = decode::<LessonProgress>(value).filter(|record| record.profile == profile);
            match record {
                Some(record) => loaded.records.push(record),
                None => loaded.skipped += 1,
            }
        }
        Ok(loaded)
    }

    async fn update(
        &self,
        profile: &str,
        lesson: &str,
        change: &Change,
    ) -> Result<LessonProgress, StoreError> {
        let tx = self.writing(&[PROGRESS], matches!(change, Change::Finish(_)))?;
        let store = tx.object_store(PROGRESS).map_err(failed)?;
        let key = JsValue::from_str(&progress_key(profile, lesson));
        // Read and write in the one transaction: nothing can come between them.
        let stored = done(store.get(&key).map_err(failed)?).await?;
        let mut record = decode::<LessonProgress>(stored)
            .filter(|r| r.profile == profile && r.lesson == lesson)
            .unwrap_or_else(|| LessonProgress::new(profile, lesson));
        record.apply(change);
        let bytes = js_sys::Uint8Array::from(wire::encode(&record).as_slice());
        done(store.put_with_key(&bytes, &key).map_err(failed)?).await?;
        commit(tx).await?;
        Ok(record)
    }
}

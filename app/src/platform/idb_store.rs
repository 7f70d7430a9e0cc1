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
//!
//! Every change is one small read-write transaction that reads the record, applies the change
//! (kns-core's rules) and writes it back, awaited until it commits: two tabs answering at once
//! never write back each other's stale copy. A finished quiz is written with strict durability
//! (flushed to disk before the commit is reported). When another tab opens a newer schema, this
//! connection closes at once, so the upgrade is never blocked, and the app is told.

use idb::{
    Database, DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, Transaction, TransactionMode,
};
use kns_core::profile::Profiles;
use kns_core::progress::{Change, LessonProgress, Loaded, Store, StoreError, progress_key};
use kns_core::wire;
use wasm_bindgen::{JsCast, JsValue};

/// The database's name and its schema version (raise it, and migrate in `upgrade`, to change
/// the schema).
pub const DB_NAME: &str = "kns";
pub const DB_VERSION: u32 = 3;
const PROGRESS: &str = "progress";
const LESSONS: &str = "lessons";
const PROFILES: &str = "profiles";

/// Progress kept in IndexedDB.
pub struct IdbStore {
    /// The connection itself (the `idb` wrapper is made from it as needed; its callbacks are
    /// handed to the browser when the connection opens).
    db: web_sys::IdbDatabase,
}

/// What went wrong, by the name of the browser's exception. (`idb::Error`'s own messages are
/// not used: formatting them links in about 2 KB of text for seventy kinds of error.)
fn failed(e: idb::Error) -> StoreError {
    match e {
        idb::Error::DomException(e) if e.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
        idb::Error::DomException(e) => StoreError::Failed(e.name()),
        _ => StoreError::Failed("IndexedDB".to_string()),
    }
}

/// A stored value as a record; `None` for anything that is not one of ours (damaged, foreign).
fn decode(value: JsValue) -> Option<LessonProgress> {
    let bytes = value.dyn_into::<js_sys::Uint8Array>().ok()?;
    wire::decode::<LessonProgress>(&bytes.to_vec()).ok()
}

/// Commits `tx` and waits for the outcome. A transaction the browser aborted (the device full,
/// say) is an error with the browser's reason: `idb` reports an abort as a result, not an error.
async fn commit(tx: Transaction) -> Result<(), StoreError> {
    let raw = web_sys::IdbTransaction::from(tx);
    let result = Transaction::from(raw.clone()).commit().map_err(failed)?.await.map_err(failed)?;
    if result.is_aborted() {
        return Err(match raw.error() {
            Some(e) if e.name() == "QuotaExceededError" => StoreError::QuotaExceeded,
            Some(e) => StoreError::Failed(e.name()),
            None => StoreError::Failed("AbortError".into()),
        });
    }
    Ok(())
}

fn unavailable(e: idb::Error) -> StoreError {
    match failed(e) {
        StoreError::Failed(why) => StoreError::Unavailable(why),
        other => other,
    }
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
        let factory = Factory::new().map_err(unavailable)?;
        let mut request = factory.open(name, Some(DB_VERSION)).map_err(unavailable)?;
        // From any older version (none, 1, 2): create the stores it lacks; what is there stays.
        request.on_upgrade_needed(|event| {
            if let Ok(db) = event.database() {
                for name in [PROGRESS, LESSONS, PROFILES] {
                    if !db.store_names().iter().any(|n| n == name) {
                        let _ = db.create_object_store(name, ObjectStoreParams::new());
                    }
                }
            }
        });
        let mut db = request.await.map_err(unavailable)?;
        // Another tab opening a newer schema asks us to let go; close, so it is not blocked.
        db.on_version_change(move |event| {
            if let Ok(db) = event.database() {
                db.close();
            }
            on_newer();
        });
        // The connection lives as long as the page: the browser keeps the callback.
        db.forget_callbacks();
        Ok(IdbStore { db: db.into() })
    }

    fn database(&self) -> Database {
        Database::from(self.db.clone())
    }

    /// A read-write transaction on object stores; `strict` asks the browser to flush it to
    /// disk before it reports the commit (`durability: "strict"`, which `idb` does not expose).
    fn writing(&self, names: &[&str], strict: bool) -> Result<Transaction, StoreError> {
        if !strict {
            return self.database().transaction(names, TransactionMode::ReadWrite).map_err(failed);
        }
        let options = js_sys::Object::new();
        let set = js_sys::Reflect::set(&options, &"durability".into(), &"strict".into());
        let open = js_sys::Reflect::get(&self.db, &"transaction".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>());
        let names: js_sys::Array = names.iter().map(|n| JsValue::from_str(n)).collect();
        let tx = set
            .and(open)
            .and_then(|f| f.call3(&self.db, &names, &"readwrite".into(), &options))
            .map_err(|e| {
                StoreError::Failed(
                    e.dyn_into::<web_sys::DomException>().map_or("IndexedDB".into(), |e| e.name()),
                )
            })?;
        Ok(Transaction::from(tx.unchecked_into::<web_sys::IdbTransaction>()))
    }

    /// Writes a raw value under a key of an object store, bypassing the wire form (tests use it
    /// to plant damage).
    pub async fn put_raw(&self, name: &str, key: &str, value: &JsValue) -> Result<(), StoreError> {
        let tx = self.writing(&[name], false)?;
        let store = tx.object_store(name).map_err(failed)?;
        store.put(value, Some(&JsValue::from_str(key))).map_err(failed)?.await.map_err(failed)?;
        commit(tx).await?;
        Ok(())
    }

    /// The kept lesson file of this name, if there is one.
    pub async fn lesson(&self, file: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let tx = self.database().transaction(&[LESSONS], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(LESSONS).map_err(failed)?;
        let value = store.get(Query::Key(file.into())).map_err(failed)?.await.map_err(failed)?;
        Ok(value.and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()).map(|bytes| bytes.to_vec()))
    }

    /// The names of every kept lesson file.
    pub async fn lesson_files(&self) -> Result<Vec<String>, StoreError> {
        let tx = self.database().transaction(&[LESSONS], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(LESSONS).map_err(failed)?;
        let keys = store.get_all_keys(None, None).map_err(failed)?.await.map_err(failed)?;
        Ok(keys.into_iter().filter_map(|key| key.as_string()).collect())
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
            store.delete(Query::Key(file.into())).map_err(failed)?;
        }
        for (file, bytes) in keep {
            store.put(&js_sys::Uint8Array::from(bytes.as_slice()), Some(&file.into())).map_err(failed)?;
        }
        commit(tx).await?;
        Ok(())
    }
}

/// The key the learners are kept under in `profiles`.
const PROFILES_KEY: &str = "profiles";

impl IdbStore {
    /// The learners on the device; the first-use default where none were saved. A saved value
    /// that is not ours (damaged) is `Err(Damaged)`: the caller says so, and saving over it
    /// starts afresh (the progress itself, kept per learner, is untouched).
    pub async fn profiles(&self) -> Result<Profiles, StoreError> {
        let tx = self.database().transaction(&[PROFILES], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(PROFILES).map_err(failed)?;
        let value = store.get(Query::Key(PROFILES_KEY.into())).map_err(failed)?.await.map_err(failed)?;
        let Some(value) = value else { return Ok(Profiles::default()) };
        value
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| wire::decode::<Profiles>(&bytes.to_vec()).ok())
            .filter(|profiles| !profiles.list.is_empty())
            .ok_or(StoreError::Damaged)
    }

    /// Saves the learners (strict durability: a new learner or lock is on disk when this
    /// returns); with `forget`, that learner's progress goes in the same transaction, so a
    /// profile and its progress are deleted together or not at all.
    pub async fn save_profiles(&self, profiles: &Profiles, forget: Option<&str>) -> Result<(), StoreError> {
        let tx = self.writing(&[PROFILES, PROGRESS], true)?;
        let store = tx.object_store(PROFILES).map_err(failed)?;
        let bytes = js_sys::Uint8Array::from(wire::encode(profiles).as_slice());
        store.put(&bytes, Some(&PROFILES_KEY.into())).map_err(failed)?;
        if let Some(profile) = forget {
            let progress = tx.object_store(PROGRESS).map_err(failed)?;
            progress.delete(Query::KeyRange(profile_range(profile)?)).map_err(failed)?;
        }
        commit(tx).await
    }
}

/// Every key that starts with "<profile>/".
fn profile_range(profile: &str) -> Result<KeyRange, StoreError> {
    let (low, high) = (format!("{profile}/"), format!("{profile}/\u{ffff}"));
    KeyRange::bound(&low.into(), &high.into(), Some(false), Some(false)).map_err(failed)
}

impl Store for IdbStore {
    async fn load(&self, profile: &str) -> Result<Loaded, StoreError> {
        let tx = self.database().transaction(&[PROGRESS], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(PROGRESS).map_err(failed)?;
        let values = store
            .get_all(Some(Query::KeyRange(profile_range(profile)?)), None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        let mut loaded = Loaded::default();
        for value in values {
            let record = decode(value).filter(|record| record.profile == profile);
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
        let stored = store.get(Query::Key(key.clone())).map_err(failed)?.await.map_err(failed)?;
        let mut record = stored
            .and_then(decode)
            .filter(|r| r.profile == profile && r.lesson == lesson)
            .unwrap_or_else(|| LessonProgress::new(profile, lesson));
        record.apply(change);
        let bytes = js_sys::Uint8Array::from(wire::encode(&record).as_slice());
        store.put(&bytes, Some(&key)).map_err(failed)?.await.map_err(failed)?;
        commit(tx).await?;
        Ok(record)
    }
}

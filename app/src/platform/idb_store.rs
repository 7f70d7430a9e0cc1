//! kns-core's progress [`Store`] on IndexedDB (through the `idb` crate).
//!
//! One object store, `progress`, holds one record per learner and lesson under the key
//! `<profile>/<lesson>`; the value is the record in kns-core's wire form (bytes), so a value that
//! is not ours, or is damaged, fails to decode and is skipped and counted, never fatal. Every
//! save is one small read-write transaction, awaited until it commits.

use idb::{Database, DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, TransactionMode};
use kns_core::progress::{LessonProgress, Loaded, Store, StoreError};
use kns_core::wire;
use wasm_bindgen::{JsCast, JsValue};

/// The database's name and its schema version (raise it, and migrate in `upgrade`, to change
/// the schema).
pub const DB_NAME: &str = "kns";
pub const DB_VERSION: u32 = 1;
const PROGRESS: &str = "progress";

/// Progress kept in IndexedDB.
pub struct IdbStore {
    db: Database,
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

fn unavailable(e: idb::Error) -> StoreError {
    match failed(e) {
        StoreError::Failed(why) => StoreError::Unavailable(why),
        other => other,
    }
}

impl IdbStore {
    /// Opens (creating or upgrading) the database; `Unavailable` where the browser has none.
    pub async fn open() -> Result<IdbStore, StoreError> {
        Self::open_named(DB_NAME).await
    }

    /// Opens a database of another name (tests use their own).
    pub async fn open_named(name: &str) -> Result<IdbStore, StoreError> {
        let factory = Factory::new().map_err(unavailable)?;
        let mut request = factory.open(name, Some(DB_VERSION)).map_err(unavailable)?;
        request.on_upgrade_needed(|event| {
            if let Ok(db) = event.database()
                && !db.store_names().iter().any(|n| n == PROGRESS)
            {
                let _ = db.create_object_store(PROGRESS, ObjectStoreParams::new());
            }
        });
        let mut db = request.await.map_err(unavailable)?;
        // Another tab opening a newer schema asks us to let go; close, so it is not blocked.
        db.on_version_change(|event| {
            if let Ok(db) = event.database() {
                db.close();
            }
        });
        Ok(IdbStore { db })
    }

    /// Writes a raw value under a key, bypassing the wire form (tests use it to plant damage).
    pub async fn put_raw(&self, key: &str, value: &JsValue) -> Result<(), StoreError> {
        let tx = self.db.transaction(&[PROGRESS], TransactionMode::ReadWrite).map_err(failed)?;
        let store = tx.object_store(PROGRESS).map_err(failed)?;
        store.put(value, Some(&JsValue::from_str(key))).map_err(failed)?.await.map_err(failed)?;
        tx.commit().map_err(failed)?.await.map_err(failed)?;
        Ok(())
    }
}

impl Store for IdbStore {
    async fn load(&self, profile: &str) -> Result<Loaded, StoreError> {
        let tx = self.db.transaction(&[PROGRESS], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(PROGRESS).map_err(failed)?;
        // Every key that starts with "<profile>/".
        let (low, high) = (format!("{profile}/"), format!("{profile}/\u{ffff}"));
        let range = KeyRange::bound(&low.into(), &high.into(), Some(false), Some(false)).map_err(failed)?;
        let values =
            store.get_all(Some(Query::KeyRange(range)), None).map_err(failed)?.await.map_err(failed)?;
        let mut loaded = Loaded::default();
        for value in values {
            let record = value
                .dyn_into::<js_sys::Uint8Array>()
                .ok()
                .and_then(|bytes| wire::decode::<LessonProgress>(&bytes.to_vec()).ok())
                .filter(|record| record.profile == profile);
            match record {
                Some(record) => loaded.records.push(record),
                None => loaded.skipped += 1,
            }
        }
        Ok(loaded)
    }

    async fn save(&self, record: &LessonProgress) -> Result<(), StoreError> {
        let bytes = js_sys::Uint8Array::from(wire::encode(record).as_slice());
        self.put_raw(&record.key(), &bytes).await
    }
}

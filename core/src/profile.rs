//! Several learners on one phone: each has a profile with a picture, a name and their own
//! progress, and may lock it with a sequence of three pictures or a 4-digit PIN.
//!
//! Someone who cannot read or type must manage: a profile is picked by its picture (the name is
//! optional; without one the picture's own name is shown), and a lock can be three taps on
//! pictures. The lock keeps family members from opening each other's profile by mistake; it is
//! not a secret against someone holding the phone for hours (a PIN has 10,000 values), so it is
//! a salted SHA-256 digest, and wrong tries make the next one wait.
//!
//! The browser gives the random bytes (ids, salts); everything here is plain and tested.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::progress::DEFAULT_PROFILE;

/// The pictures a profile is picked by: large, distinct, familiar things.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Picture {
    Lotus,
    Sun,
    Moon,
    Star,
    Fish,
    Bird,
    Cat,
    Buffalo,
    Tree,
    House,
    Boat,
    Bicycle,
}

impl Picture {
    pub const ALL: [Picture; 12] = [
        Picture::Lotus,
        Picture::Sun,
        Picture::Moon,
        Picture::Star,
        Picture::Fish,
        Picture::Bird,
        Picture::Cat,
        Picture::Buffalo,
        Picture::Tree,
        Picture::House,
        Picture::Boat,
        Picture::Bicycle,
    ];

    /// Its name in files and message ids (`picture-<slug>`).
    pub fn slug(self) -> &'static str {
        match self {
            Picture::Lotus => "lotus",
            Picture::Sun => "sun",
            Picture::Moon => "moon",
            Picture::Star => "star",
            Picture::Fish => "fish",
            Picture::Bird => "bird",
            Picture::Cat => "cat",
            Picture::Buffalo => "buffalo",
            Picture::Tree => "tree",
            Picture::House => "house",
            Picture::Boat => "boat",
            Picture::Bicycle => "bicycle",
        }
    }
}

/// What opens a locked profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Secret {
    /// Exactly four digits.
    Pin(String),
    /// Three pictures, in order (the same picture may come twice).
    Pictures([Picture; 3]),
}

impl Secret {
    /// The secret as bytes to digest; a PIN that is not four digits is refused.
    fn bytes(&self) -> Result<Vec<u8>, ProfileError> {
        match self {
            Secret::Pin(pin) if pin.len() == 4 && pin.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(format!("pin:{pin}").into_bytes())
            }
            Secret::Pin(_) => Err(ProfileError::BadPin),
            Secret::Pictures(pictures) => {
                let slugs: Vec<&str> = pictures.iter().map(|p| p.slug()).collect();
                Ok(format!("pictures:{}", slugs.join(",")).into_bytes())
            }
        }
    }

    fn kind(&self) -> LockKind {
        match self {
            Secret::Pin(_) => LockKind::Pin,
            Secret::Pictures(_) => LockKind::Pictures,
        }
    }
}

/// Which kind of lock a profile has (the app shows the matching keypad).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LockKind {
    Pin,
    Pictures,
}

/// A profile's lock: the kind, a random salt and SHA-256(salt, secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub kind: LockKind,
    salt: [u8; 16],
    digest: [u8; 32],
    /// Wrong tries since the last right one, and until when (ms since the epoch) the next try
    /// must wait.
    failures: u32,
    wait_until_ms: u64,
}

/// Wrong tries allowed before the lock makes the next one wait.
pub const FREE_TRIES: u32 = 3;
/// The first wait, doubled for each further wrong try, up to [`MAX_WAIT_MS`].
pub const FIRST_WAIT_MS: u64 = 30_000;
pub const MAX_WAIT_MS: u64 = 15 * 60_000;

fn digest(salt: &[u8; 16], secret: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(secret);
    hasher.finalize().into()
}

impl Lock {
    /// A lock opened by `secret`; `salt` comes from the browser's secure random source.
    pub fn new(secret: &Secret, salt: [u8; 16]) -> Result<Lock, ProfileError> {
        let bytes = secret.bytes()?;
        Ok(Lock { kind: secret.kind(), salt, digest: digest(&salt, &bytes), failures: 0, wait_until_ms: 0 })
    }

    /// Tries `secret` at time `now_ms`. A right one opens and forgets the wrong tries; a wrong
    /// one is counted, and after [`FREE_TRIES`] the next try must wait (30 s, doubling, at most
    /// 15 minutes). While waiting, nothing is tried, not even the right secret.
    pub fn open(&mut self, secret: &Secret, now_ms: u64) -> Result<(), Unlock> {
        if now_ms < self.wait_until_ms {
            return Err(Unlock::Wait { ms: self.wait_until_ms - now_ms });
        }
        let right = secret.kind() == self.kind
            && secret.bytes().is_ok_and(|bytes| digest(&self.salt, &bytes) == self.digest);
        if right {
            self.failures = 0;
            self.wait_until_ms = 0;
            return Ok(());
        }
        self.failures += 1;
        if self.failures < FREE_TRIES {
            return Err(Unlock::Wrong { free_tries_left: FREE_TRIES - self.failures });
        }
        let doublings = (self.failures - FREE_TRIES).min(16);
        let wait = (FIRST_WAIT_MS << doublings).min(MAX_WAIT_MS);
        self.wait_until_ms = now_ms + wait;
        Err(Unlock::Wait { ms: wait })
    }
}

/// Why a locked profile did not open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unlock {
    /// Not the secret; this many tries are left before a wait.
    Wrong { free_tries_left: u32 },
    /// Too many wrong tries: the next one may come in this many milliseconds.
    Wait { ms: u64 },
}

/// A learner on this device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Stable, never shown; progress is kept under it.
    pub id: String,
    /// What the learner typed, if anything (the app shows the picture's name otherwise).
    pub name: String,
    pub picture: Picture,
    pub lock: Option<Lock>,
}

/// Where the id of the profile in use is kept on the device (`localStorage`), for the course
/// page and its static first paint to read at once; the settings page writes it.
pub const CURRENT_KEY: &str = "kns.profile";

/// Where the course page's header finds who is learning (`localStorage`), when more than one
/// learner shares the device: the picture's slug, a space, and the name (possibly empty). A
/// script in the page's `<head>` shows it before anything paints (app/index.html).
pub const WHO_KEY: &str = "kns.who";

/// Longest name, in characters.
pub const MAX_NAME: usize = 40;

/// What a profile operation refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// A PIN is exactly four digits.
    BadPin,
    /// Longer than [`MAX_NAME`].
    NameTooLong,
    /// No profile has this id.
    Unknown,
    /// The profile in use cannot be deleted (switch to another first).
    InUse,
    /// The profile is locked: open it first.
    Locked(Unlock),
}

/// Every profile on the device and which is in use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profiles {
    pub list: Vec<Profile>,
    pub current: String,
}

impl Default for Profiles {
    /// The device before anyone made a profile: one, under the id progress was always kept
    /// under, so nothing learned before profiles existed is lost.
    fn default() -> Self {
        let first = Profile {
            id: DEFAULT_PROFILE.to_string(),
            name: String::new(),
            picture: Picture::Lotus,
            lock: None,
        };
        Profiles { list: vec![first], current: DEFAULT_PROFILE.to_string() }
    }
}

fn clean_name(name: &str) -> Result<String, ProfileError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() > MAX_NAME { Err(ProfileError::NameTooLong) } else { Ok(name) }
}

impl Profiles {
    /// The profile in use.
    pub fn current(&self) -> &Profile {
        self.get(&self.current).unwrap_or(&self.list[0])
    }

    /// What the header shows for the profile in use ([`WHO_KEY`]); nothing while the device
    /// has one learner only.
    pub fn who(&self) -> Option<String> {
        let current = self.current();
        (self.list.len() > 1).then(|| format!("{} {}", current.picture.slug(), current.name))
    }

    /// The picture for a new learner: the first no one has yet, so two learners do not look
    /// alike by default (the first of all once all twelve are taken).
    pub fn unused_picture(&self) -> Picture {
        Picture::ALL
            .into_iter()
            .find(|pic| self.list.iter().all(|p| p.picture != *pic))
            .unwrap_or(Picture::ALL[0])
    }

    pub fn get(&self, id: &str) -> Option<&Profile> {
        self.list.iter().find(|p| p.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Result<&mut Profile, ProfileError> {
        self.list.iter_mut().find(|p| p.id == id).ok_or(ProfileError::Unknown)
    }

    /// Adds a profile (not switched to); `random` makes its id. Returns the id.
    pub fn create(&mut self, name: &str, picture: Picture, random: [u8; 8]) -> Result<String, ProfileError> {
        let name = clean_name(name)?;
        let id = format!("p-{}", random.iter().map(|b| format!("{b:02x}")).collect::<String>());
        self.list.push(Profile { id: id.clone(), name, picture, lock: None });
        Ok(id)
    }

    /// Changes a profile's name and picture.
    pub fn edit(&mut self, id: &str, name: &str, picture: Picture) -> Result<(), ProfileError> {
        let name = clean_name(name)?;
        let profile = self.get_mut(id)?;
        profile.name = name;
        profile.picture = picture;
        Ok(())
    }

    /// Locks a profile with `secret`, or takes its lock away (`None`).
    pub fn set_lock(
        &mut self,
        id: &str,
        secret: Option<&Secret>,
        salt: [u8; 16],
    ) -> Result<(), ProfileError> {
        let lock = secret.map(|s| Lock::new(s, salt)).transpose()?;
        self.get_mut(id)?.lock = lock;
        Ok(())
    }

    /// Switches to a profile; a locked one needs its secret (`now_ms` for the wait after wrong
    /// tries, which are counted in the profile: store the profiles after a wrong try too).
    pub fn switch(&mut self, id: &str, secret: Option<&Secret>, now_ms: u64) -> Result<(), ProfileError> {
        self.vouch(id, secret, now_ms)?;
        self.current = id.to_string();
        Ok(())
    }

    /// Checks that it is this learner (their lock's secret, when they have a lock) without
    /// switching to them: a guide signing for someone else. Wrong tries count as for a switch.
    pub fn vouch(&mut self, id: &str, secret: Option<&Secret>, now_ms: u64) -> Result<(), ProfileError> {
        if let Some(lock) = &mut self.get_mut(id)?.lock {
            let Some(secret) = secret else {
                return Err(ProfileError::Locked(Unlock::Wrong { free_tries_left: FREE_TRIES }));
            };
            lock.open(secret, now_ms).map_err(ProfileError::Locked)?;
        }
        Ok(())
    }

    /// Deletes a profile (the app asks first, and deletes its progress too). The one in use
    /// cannot go (switch to another first; so the last one never goes, and no one lands in a
    /// locked profile without its secret), and a locked one needs its secret.
    pub fn delete(&mut self, id: &str, secret: Option<&Secret>, now_ms: u64) -> Result<(), ProfileError> {
        if self.current == id {
            return Err(ProfileError::InUse);
        }
        self.vouch(id, secret, now_ms)?;
        self.list.retain(|p| p.id != id);
        Ok(())
    }
}

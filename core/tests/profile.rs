//! Profiles on a shared phone: made, renamed, switched and deleted by the rules; locks that open
//! only with their secret and make wrong tries wait; nothing learned before profiles is lost.

use kns_core::profile::{
    FIRST_WAIT_MS, FREE_TRIES, Lock, LockKind, MAX_WAIT_MS, Picture, ProfileError, Profiles, Secret, Unlock,
};
use kns_core::progress::DEFAULT_PROFILE;

const SALT: [u8; 16] = [7; 16];

#[test]
fn a_new_device_has_one_profile_under_the_id_progress_was_always_kept_under() {
    let profiles = Profiles::default();
    assert_eq!(profiles.list.len(), 1);
    assert_eq!(profiles.current().id, DEFAULT_PROFILE);
    assert_eq!(profiles.current().lock, None);
}

#[test]
fn profiles_are_made_renamed_switched_and_deleted() {
    let mut profiles = Profiles::default();
    let ba = profiles.create("  Bà   Tư ", Picture::Buffalo, [1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    assert_eq!(ba, "p-0102030405060708");
    assert_eq!(profiles.get(&ba).unwrap().name, "Bà Tư", "spaces are tidied");
    assert_eq!(profiles.current().id, DEFAULT_PROFILE, "making a profile does not switch to it");
    // No name at all is fine: the picture names the profile.
    let chau = profiles.create("", Picture::Star, [9; 8]).unwrap();
    assert_eq!(profiles.get(&chau).unwrap().name, "");
    assert_eq!(profiles.create(&"a".repeat(41), Picture::Sun, [3; 8]), Err(ProfileError::NameTooLong));

    profiles.edit(&ba, "Bà Tư Hoa", Picture::Lotus).unwrap();
    assert_eq!(profiles.get(&ba).unwrap().picture, Picture::Lotus);
    assert_eq!(profiles.edit("p-none", "x", Picture::Sun), Err(ProfileError::Unknown));

    profiles.switch(&ba, None, 0).unwrap();
    assert_eq!(profiles.current().id, ba);
    assert_eq!(profiles.delete(&ba, None, 0), Err(ProfileError::InUse), "the one in use stays");
    profiles.switch(DEFAULT_PROFILE, None, 0).unwrap();
    profiles.delete(&ba, None, 0).unwrap();
    assert_eq!(profiles.get(&ba), None);
    profiles.delete(&chau, None, 0).unwrap();
    assert_eq!(profiles.delete(DEFAULT_PROFILE, None, 0), Err(ProfileError::InUse), "so the last one stays");
    assert_eq!(profiles.delete("p-none", None, 0), Err(ProfileError::Unknown));
    assert_eq!(profiles.list.len(), 1);
}

#[test]
fn a_locked_profile_is_deleted_only_with_its_secret() {
    let mut profiles = Profiles::default();
    let ba = profiles.create("Bà", Picture::Cat, [1; 8]).unwrap();
    let pin = Secret::Pin("2580".into());
    profiles.set_lock(&ba, Some(&pin), SALT).unwrap();
    assert!(matches!(profiles.delete(&ba, None, 0), Err(ProfileError::Locked(_))));
    assert!(matches!(
        profiles.delete(&ba, Some(&Secret::Pin("0000".into())), 0),
        Err(ProfileError::Locked(Unlock::Wrong { .. }))
    ));
    assert!(profiles.get(&ba).is_some());
    profiles.delete(&ba, Some(&pin), 0).unwrap();
    assert_eq!(profiles.list.len(), 1);
}

#[test]
fn a_pin_is_four_digits() {
    for bad in ["123", "12345", "12a4", "", "١٢٣٤"] {
        assert_eq!(Lock::new(&Secret::Pin(bad.into()), SALT), Err(ProfileError::BadPin), "{bad}");
    }
    assert_eq!(Lock::new(&Secret::Pin("0000".into()), SALT).unwrap().kind, LockKind::Pin);
}

#[test]
fn a_locked_profile_opens_with_its_secret_only() {
    let mut profiles = Profiles::default();
    let ba = profiles.create("Bà", Picture::Cat, [1; 8]).unwrap();
    let pictures = Secret::Pictures([Picture::Sun, Picture::Fish, Picture::Sun]);
    profiles.set_lock(&ba, Some(&pictures), SALT).unwrap();
    assert!(matches!(profiles.switch(&ba, None, 0), Err(ProfileError::Locked(_))));
    let swapped = Secret::Pictures([Picture::Fish, Picture::Sun, Picture::Sun]);
    assert!(matches!(
        profiles.switch(&ba, Some(&swapped), 0),
        Err(ProfileError::Locked(Unlock::Wrong { .. }))
    ));
    assert!(matches!(
        profiles.switch(&ba, Some(&Secret::Pin("1234".into())), 0),
        Err(ProfileError::Locked(Unlock::Wrong { .. }))
    ));
    assert_eq!(profiles.current().id, DEFAULT_PROFILE);
    profiles.switch(&ba, Some(&pictures), 0).unwrap();
    assert_eq!(profiles.current().id, ba);
    // The same secret with another salt gives another digest: nothing to compare across phones.
    let one = Lock::new(&Secret::Pin("2580".into()), [1; 16]).unwrap();
    let two = Lock::new(&Secret::Pin("2580".into()), [2; 16]).unwrap();
    assert_ne!(one, two);
    // The lock can be taken away again.
    profiles.set_lock(&ba, None, SALT).unwrap();
    profiles.switch(DEFAULT_PROFILE, None, 0).unwrap();
    profiles.switch(&ba, None, 0).unwrap();
}

#[test]
fn wrong_tries_make_the_next_wait_longer_and_the_right_one_resets() {
    let pin = Secret::Pin("2580".into());
    let wrong = Secret::Pin("1111".into());
    let mut lock = Lock::new(&pin, SALT).unwrap();
    for left in (1..FREE_TRIES).rev() {
        assert_eq!(lock.open(&wrong, 0), Err(Unlock::Wrong { free_tries_left: left }));
    }
    assert_eq!(lock.open(&wrong, 0), Err(Unlock::Wait { ms: FIRST_WAIT_MS }));
    // While waiting, even the right PIN is not tried.
    assert_eq!(lock.open(&pin, 1_000), Err(Unlock::Wait { ms: FIRST_WAIT_MS - 1_000 }));
    let mut now = FIRST_WAIT_MS;
    assert_eq!(lock.open(&wrong, now), Err(Unlock::Wait { ms: 2 * FIRST_WAIT_MS }));
    now += 2 * FIRST_WAIT_MS;
    for _ in 0..20 {
        match lock.open(&wrong, now) {
            Err(Unlock::Wait { ms }) => {
                assert!(ms <= MAX_WAIT_MS);
                now += ms;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(lock.open(&wrong, now), Err(Unlock::Wait { ms: MAX_WAIT_MS }));
    now += MAX_WAIT_MS;
    assert_eq!(lock.open(&pin, now), Ok(()));
    assert_eq!(
        lock.open(&wrong, now),
        Err(Unlock::Wrong { free_tries_left: FREE_TRIES - 1 }),
        "counted afresh"
    );
}

#[test]
fn profiles_survive_being_stored() {
    let mut profiles = Profiles::default();
    let ba = profiles.create("Bà Tư", Picture::Boat, [4; 8]).unwrap();
    profiles.set_lock(&ba, Some(&Secret::Pin("2580".into())), SALT).unwrap();
    let back: Profiles = kns_core::wire::decode(&kns_core::wire::encode(&profiles)).unwrap();
    assert_eq!(back, profiles);
    let mut back = back;
    back.switch(&ba, Some(&Secret::Pin("2580".into())), 0).unwrap();
    assert_eq!(back.current().name, "Bà Tư");
    let slugs: std::collections::BTreeSet<&str> = Picture::ALL.iter().map(|p| p.slug()).collect();
    assert_eq!(slugs.len(), Picture::ALL.len(), "every picture has its own name");
}

#[test]
fn the_header_names_who_is_learning_once_a_device_is_shared() {
    let mut profiles = Profiles::default();
    assert_eq!(profiles.who(), None, "one learner: nothing to tell apart");
    let ba = profiles.create("Bà Tư", Picture::Buffalo, [1; 8]).unwrap();
    assert_eq!(profiles.who().as_deref(), Some("lotus "), "the first profile has no name: its picture");
    profiles.switch(&ba, None, 0).unwrap();
    assert_eq!(profiles.who().as_deref(), Some("buffalo Bà Tư"));
}

#[test]
fn a_new_learner_starts_with_a_picture_no_one_has() {
    let mut profiles = Profiles::default();
    assert_eq!(profiles.unused_picture(), Picture::Sun, "the first learner has the lotus");
    profiles.create("", Picture::Sun, [1; 8]).unwrap();
    profiles.create("", Picture::Star, [2; 8]).unwrap();
    assert_eq!(profiles.unused_picture(), Picture::Moon);
    for (i, picture) in Picture::ALL.into_iter().enumerate() {
        profiles.create("", picture, [i as u8 + 10; 8]).unwrap();
    }
    assert_eq!(profiles.unused_picture(), Picture::Lotus, "all taken: the first of all");
}

#[test]
fn a_guide_vouches_with_their_lock_without_becoming_the_learner_in_use() {
    let mut profiles = Profiles::default();
    let guide = profiles.create("Chị Lan", Picture::Star, [4; 8]).unwrap();
    let pin = Secret::Pin("1357".into());
    profiles.set_lock(&guide, Some(&pin), [5; 16]).unwrap();
    let open = profiles.create("", Picture::Buffalo, [6; 8]).unwrap();
    assert_eq!(profiles.current, "default");
    assert!(matches!(profiles.vouch(&guide, None, 0), Err(ProfileError::Locked(_))));
    assert!(matches!(
        profiles.vouch(&guide, Some(&Secret::Pin("0000".into())), 0),
        Err(ProfileError::Locked(_))
    ));
    assert_eq!(profiles.vouch(&guide, Some(&pin), 0), Ok(()));
    // A learner without a lock vouches as they are; nobody is switched to.
    assert_eq!(profiles.vouch(&open, None, 0), Ok(()));
    assert_eq!(profiles.current, "default");
    assert_eq!(profiles.vouch("nobody", None, 0), Err(ProfileError::Unknown));
}

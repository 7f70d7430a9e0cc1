//! The wire form of the compiled course: what the app downloads and decodes.
//!
//! The build writes every compiled file twice: as JSON (for people, tools, tests and hosts) and
//! in this compact binary form (postcard), which the app reads. Decoding postcard takes a
//! fraction of the wasm that serde_json's parser takes, and the files are smaller too. The
//! content hash is always over the canonical JSON (see [`crate::content::CompiledLesson`]).

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Encodes a value in the wire form.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("the content model always encodes")
}

/// Decodes a value from the wire form; the error says what did not fit.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Block, Inline, Step};

    #[test]
    fn round_trips_and_rejects_what_is_not_its_form() {
        let blocks = vec![
            Block::Paragraph { text: vec![Inline::Strong(vec![Inline::Text("Chú ý".into())])] },
            Block::Steps { steps: vec![Step { text: vec![Inline::Text("Một".into())] }] },
        ];
        let bytes = encode(&blocks);
        assert_eq!(decode::<Vec<Block>>(&bytes).unwrap(), blocks);
        assert!(decode::<Vec<Block>>(&bytes[..bytes.len() - 1]).is_err(), "a cut-off file");
        assert!(decode::<Vec<Block>>(b"{\"json\": true}").is_err(), "JSON is not the wire form");
    }
}

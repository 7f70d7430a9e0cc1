//! The hand-over QR code: a trainer's phone reads a learner's records off the learner's screen,
//! with no signal (issue 6).
//!
//! What the codes carry is the hand-over link ([`crate::record::handover_link`]). A record is
//! about 3,000 characters, and one QR code that big (version 40, 177 modules a side) cannot be
//! read off a cheap phone's screen. So a link longer than [`PART_CHARS`] is cut into parts,
//! each a QR code of version [`MAX_VERSION`] or less, shown one after another:
//!
//! ```text
//! KNS:<n>/<of>/<tag>:<piece>
//! ```
//!
//! `n` counts from 1 to `of`; `tag` is eight lowercase hex digits naming the whole link (its
//! 32-bit FNV-1a hash), so that parts of two hand-overs are never mixed; the pieces joined in
//! order are the link. A link short enough for one code is that code's text as it is (a phone's
//! camera then opens it). A scanner takes the parts in any order, each as often as it comes
//! ([`Joiner`]); the records it yields are still to be verified, like any others.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// The most characters of the link one code carries.
pub const PART_CHARS: usize = 480;
/// The largest code drawn: version 15 is 77 modules a side, about 4 px each on a 360 px screen.
pub const MAX_VERSION: u8 = 15;
/// The light margin around a code, in modules, as the QR standard asks.
pub const QUIET: usize = 4;
const PREFIX: &str = "KNS:";

/// The texts of the codes that carry `link`, in order (one, if it is short).
pub fn parts(link: &str) -> Vec<String> {
    let chars: Vec<char> = link.chars().collect();
    if chars.len() <= PART_CHARS {
        return vec![link.to_string()];
    }
    let tag = tag(link);
    let pieces: Vec<String> = chars.chunks(PART_CHARS).map(|c| c.iter().collect()).collect();
    let of = pieces.len();
    pieces.iter().enumerate().map(|(i, piece)| format!("{PREFIX}{}/{of}/{tag}:{piece}", i + 1)).collect()
}

/// The 32-bit FNV-1a hash of `text`, as eight hex digits.
fn tag(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    format!("{hash:08x}")
}

/// Why a scanned text was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartError {
    /// Not a hand-over code: neither a part nor a link to the trainer's import page.
    NotAPart,
    /// A part of another hand-over than the one being read (start again to read that one).
    OtherSet,
    /// The parts, joined, are not the link their tag names.
    Mismatch,
}

/// Where reading a hand-over stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Joined {
    /// `have` parts of `of` read so far.
    Need { have: usize, of: usize },
    /// All read: the link.
    Done(String),
}

/// Reads a hand-over's codes, in any order, each as often as it is scanned.
#[derive(Clone, Debug, Default)]
pub struct Joiner {
    tag: String,
    pieces: Vec<Option<String>>,
}

impl Joiner {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes one scanned text.
    pub fn add(&mut self, scanned: &str) -> Result<Joined, PartError> {
        let Some(part) = scanned.strip_prefix(PREFIX) else {
            // A link short enough for one code.
            return match crate::record::parse_handover(scanned) {
                Ok(_) => Ok(Joined::Done(scanned.to_string())),
                Err(_) => Err(PartError::NotAPart),
            };
        };
        let (head, piece) = part.split_once(':').ok_or(PartError::NotAPart)?;
        let mut fields = head.split('/');
        let (Some(n), Some(of), Some(tag), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(PartError::NotAPart);
        };
        let (Ok(n), Ok(of)) = (n.parse::<usize>(), of.parse::<usize>()) else {
            return Err(PartError::NotAPart);
        };
        if n == 0 || n > of || tag.len() != 8 || !tag.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(PartError::NotAPart);
        }
        if self.pieces.is_empty() {
            self.tag = tag.to_string();
            self.pieces = vec![None; of];
        } else if self.tag != tag || self.pieces.len() != of {
            return Err(PartError::OtherSet);
        }
        self.pieces[n - 1] = Some(piece.to_string());
        let have = self.pieces.iter().filter(|p| p.is_some()).count();
        if have < of {
            return Ok(Joined::Need { have, of });
        }
        let link: String = self.pieces.iter().flatten().map(String::as_str).collect();
        if self::tag(&link) == self.tag {
            Ok(Joined::Done(link))
        } else {
            // A misread part: read them all again.
            *self = Self::new();
            Err(PartError::Mismatch)
        }
    }
}

/// One QR code, as modules: `true` is dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// Modules a side, without the quiet margin.
    pub size: usize,
    pub version: u8,
    modules: Vec<bool>,
}

/// The QR code of `text` (low error correction, raised where the same size allows), or `None`
/// when it would be larger than [`MAX_VERSION`]: a part from [`parts`] always fits.
pub fn code(text: &str) -> Option<Code> {
    let segments = QrSegment::make_segments(text);
    let qr = QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Low,
        Version::MIN,
        Version::new(MAX_VERSION),
        None,
        true,
    )
    .ok()?;
    let size = qr.size() as usize;
    let modules = (0..size * size).map(|i| qr.get_module((i % size) as i32, (i / size) as i32)).collect();
    Some(Code { size, version: qr.version().value(), modules })
}

impl Code {
    /// Whether the module at column `x`, row `y` is dark.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }

    /// The side of the SVG's view box: the code and its quiet margin.
    pub fn side(&self) -> usize {
        self.size + 2 * QUIET
    }

    /// An SVG path of the dark modules (one rectangle per run in a row), in view-box units.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.dark(x, y) {
                    x += 1;
                }
                d.push_str(&format!("M{} {}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start));
            }
        }
        d
    }
}

//! The hand-over QR codes: every part of a real record's link is a code small enough for a
//! phone's screen, a QR decoder (rqrr, as a scanner would) reads each one back from the SVG
//! path the app draws, and the parts join, in any order, into the link and its records.

use std::path::Path;

use kns_core::claim::{Claim, Issue, sign, uuid};
use kns_core::jws::Keypair;
use kns_core::qr::{Code, Joined, Joiner, MAX_VERSION, PartError, QUIET, code, parts};
use kns_core::quiz::QuizResult;
use kns_core::record::{handover_link, parse_handover, verify_record};

/// A record as the app makes it, from the first lesson of the real course.
fn record(seed: u8) -> (String, kns_core::content::CourseIndex) {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let course = kns_core::compiler::compile_course(&root.join("content")).expect("content compiles");
    let lesson = &course.lessons[0];
    let total = lesson.lesson.quiz.questions.len();
    let result = QuizResult { score: total, total, percent: 100, passed: true, missed: vec![] };
    let claim = Claim::passed(lesson, &result, 75, 1_795_000_000_000).expect("a claim");
    let issue = Issue {
        origin: "https://kns.example",
        id: uuid([seed; 16]),
        subject: None,
        cohort: None,
        app_version: "0.1.0",
        description: "Bản ghi hoàn thành do điện thoại của người học tự ký",
        criteria: "Trả lời đúng ít nhất mức điểm đạt của bài kiểm tra",
        domain: "An toàn",
    };
    (sign(&Keypair::from_seed(&[seed; 32]), &claim, &issue), course.index)
}

/// The code drawn from its SVG path, 4 pixels a module, read back by a QR decoder.
fn scan(code: &Code) -> String {
    const PX: usize = 4;
    let side = code.side();
    let mut dark = vec![false; side * side];
    // The path is "M<x> <y>h<w>v1h-<w>z" per run of dark modules.
    for run in code.svg_path().split('z').filter(|r| !r.is_empty()) {
        let (at, rest) = run[1..].split_once('h').expect("a run");
        let (x, y) = at.split_once(' ').expect("x y");
        let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
        let w: usize = rest.split_once('v').unwrap().0.parse().unwrap();
        (x..x + w).for_each(|x| dark[y * side + x] = true);
    }
    let pixels = side * PX;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
        if dark[(y / PX) * side + x / PX] { 0 } else { 255 }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code in the picture");
    grids[0].decode().expect("the code reads").1
}

#[test]
fn a_records_link_is_cut_into_small_codes_that_read_back_and_join_in_any_order() {
    let (one, course) = record(3);
    let (two, _) = record(4);
    let link = handover_link("https://kns.example", &[&one, &two]);
    assert!(link.len() > 5_000, "two records: {} characters", link.len());
    let parts = parts(&link);
    assert!(parts.len() > 1);
    let mut scanned = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        assert!(part.starts_with(&format!("KNS:{}/{}/", i + 1, parts.len())), "{part:.20}");
        let code = code(part).expect("each part fits a small code");
        assert!(code.version <= MAX_VERSION, "part {i}: version {}", code.version);
        assert_eq!(code.side(), code.size + 2 * QUIET);
        scanned.push(scan(&code));
    }
    assert_eq!(&scanned, &parts, "what the scanner reads is what was drawn");
    // The last part first, one part twice: the joiner waits for the rest, then gives the link.
    let mut joiner = Joiner::new();
    let of = parts.len();
    assert_eq!(joiner.add(&scanned[of - 1]), Ok(Joined::Need { have: 1, of }));
    assert_eq!(joiner.add(&scanned[of - 1]), Ok(Joined::Need { have: 1, of }));
    for (have, part) in scanned[..of - 2].iter().enumerate() {
        assert_eq!(joiner.add(part), Ok(Joined::Need { have: have + 2, of }));
    }
    let Ok(Joined::Done(joined)) = joiner.add(&scanned[of - 2]) else { panic!("all parts read") };
    assert_eq!(joined, link);
    let records = parse_handover(&joined).expect("the link");
    assert_eq!(records, vec![one, two]);
    for record in &records {
        verify_record(record, Some(&course), 1_795_000_100).expect("a record read off the screen checks out");
    }
}

#[test]
fn a_short_link_is_one_code_a_phone_camera_opens() {
    let link = "https://kns.example/trainer/import#r=a.b.c";
    assert_eq!(parts(link), vec![link.to_string()]);
    assert_eq!(scan(&code(link).expect("a code")), link);
    assert_eq!(Joiner::new().add(link), Ok(Joined::Done(link.to_string())));
}

#[test]
fn parts_of_another_hand_over_or_other_codes_are_refused() {
    let (one, _) = record(3);
    let (two, _) = record(4);
    let first = parts(&handover_link("https://kns.example", &[&one]));
    let second = parts(&handover_link("https://kns.example", &[&two]));
    let mut joiner = Joiner::new();
    assert!(matches!(joiner.add(&first[0]), Ok(Joined::Need { have: 1, .. })));
    assert_eq!(joiner.add(&second[1]), Err(PartError::OtherSet));
    for other in
        ["https://example.com/", "KNS:1/2:abc", "KNS:0/2/0123abcd:x", "KNS:3/2/0123abcd:x", "KNS:1/2/xyz:x"]
    {
        assert_eq!(Joiner::new().add(other), Err(PartError::NotAPart), "{other}");
    }
    // A part misread (one character changed) is caught when the whole is joined.
    let mut joiner = Joiner::new();
    let mut changed = first.clone();
    changed[0] = changed[0].replacen("eyJ", "eyK", 1);
    for part in &changed[..changed.len() - 1] {
        joiner.add(part).expect("taken");
    }
    assert_eq!(joiner.add(changed.last().unwrap()), Err(PartError::Mismatch));
    // It starts again: the right parts read.
    let mut last = Ok(Joined::Need { have: 0, of: 0 });
    for part in &first {
        last = joiner.add(part);
    }
    assert!(matches!(last, Ok(Joined::Done(_))));
}

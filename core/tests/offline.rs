//! Lessons kept for offline use: what is kept, what a download still needs, the room they take,
//! and which kept files are obsolete.

use std::collections::BTreeSet;
use std::path::Path;

use kns_core::Lang;
use kns_core::compiler::compile_course;
use kns_core::content::CourseIndex;
use kns_core::offline::{kept, kilobytes, obsolete};

fn course() -> kns_core::compiler::CompiledCourse {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));
    compile_course(root).unwrap_or_else(|e| panic!("content compiles: {e:?}"))
}

fn files(index: &CourseIndex, lang: Lang, lessons: &[usize]) -> Vec<String> {
    lessons.iter().map(|&i| index.lessons[i].translation(lang).file.clone()).collect()
}

#[test]
fn each_file_in_the_index_says_its_real_size_and_pictures() {
    let course = course();
    for compiled in &course.lessons {
        let summary = course.index.lesson(&compiled.lesson.id).unwrap();
        let translation = summary.translation(compiled.lesson.lang);
        assert_eq!(
            translation.bytes as usize,
            kns_core::wire::encode(compiled).len(),
            "{}",
            translation.file
        );
    }
    let pictures: BTreeSet<&str> =
        course.index.lessons.iter().flat_map(|l| l.pictures.iter().map(String::as_str)).collect();
    let assets: BTreeSet<&str> = course.assets.iter().map(|(_, url)| url.as_str()).collect();
    assert_eq!(pictures, assets, "every picture the build copies is listed with its lesson");
    assert!(!pictures.is_empty());
}

#[test]
fn nothing_kept_means_every_lesson_is_missing() {
    let index = course().index;
    let none = kept(&index, Lang::Vi, &[]);
    assert!(none.lessons.is_empty() && !none.all());
    assert_eq!(none.missing.len(), index.lessons.len());
    assert_eq!(none.bytes, 0);
    let total: u64 = index.lessons.iter().map(|l| u64::from(l.translation(Lang::Vi).bytes)).sum();
    assert_eq!(none.missing_bytes, total);
}

#[test]
fn kept_lessons_are_counted_in_their_language_and_their_room_in_any() {
    let index = course().index;
    let mut stored = files(&index, Lang::Vi, &[0, 2]);
    stored.extend(files(&index, Lang::En, &[1]));
    let vi = kept(&index, Lang::Vi, &stored);
    assert_eq!(vi.lessons, vec![index.lessons[0].id.as_str(), index.lessons[2].id.as_str()]);
    assert_eq!(vi.missing.len(), index.lessons.len() - 2);
    let room = |lang: Lang, i: usize| u64::from(index.lessons[i].translation(lang).bytes);
    assert_eq!(vi.bytes, room(Lang::Vi, 0) + room(Lang::Vi, 2) + room(Lang::En, 1));
    let en = kept(&index, Lang::En, &stored);
    assert_eq!(en.lessons, vec![index.lessons[1].id.as_str()]);
    assert_eq!(en.bytes, vi.bytes, "the room is the same whatever the language shown");

    let all = files(&index, Lang::Vi, &(0..index.lessons.len()).collect::<Vec<_>>());
    let everything = kept(&index, Lang::Vi, &all);
    assert!(everything.all());
    assert_eq!(everything.missing_bytes, 0);
}

#[test]
fn files_no_lesson_names_are_obsolete_and_nothing_else() {
    let index = course().index;
    let mut stored = files(&index, Lang::Vi, &[0, 1]);
    let old = format!("lessons/{}.vi.000000000000", index.lessons[0].id);
    stored.push(old.clone());
    stored.push("lessons/bai-da-bo.vi.123456789abc".into());
    let expected: BTreeSet<String> = [old, "lessons/bai-da-bo.vi.123456789abc".to_string()].into();
    assert_eq!(obsolete(&index, &stored).into_iter().collect::<BTreeSet<_>>(), expected);
    assert!(obsolete(&index, &files(&index, Lang::En, &[3])).is_empty());
    // An obsolete file takes no room in what the course page reports.
    assert_eq!(kept(&index, Lang::Vi, &stored).lessons.len(), 2);
}

#[test]
fn sizes_are_whole_kilobytes_rounded_up() {
    assert_eq!(kilobytes(0), 0);
    assert_eq!(kilobytes(1), 1);
    assert_eq!(kilobytes(1024), 1);
    assert_eq!(kilobytes(1025), 2);
}

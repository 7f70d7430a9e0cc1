//! The interface messages in `i18n/`: real Fluent, the same ids and variables in every language,
//! and a message for every pillar and competency the content model can name.

use std::collections::BTreeSet;
use std::path::Path;

use kns_core::Lang;
use kns_core::content::{BasicSkill, Competency, Pillar};
use kns_core::i18n::Catalog;

/// All `*.ftl` files of a language, in file-name order, as the app's build concatenates them.
fn source(lang: Lang) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../i18n").join(lang.code());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has no .ftl file", dir.display());
    files.iter().map(|f| std::fs::read_to_string(f).unwrap() + "\n").collect()
}

#[test]
fn every_language_parses_with_the_reference_fluent_parser_and_ours() {
    for lang in Lang::ALL {
        let text = source(lang);
        if let Err((_, errors)) = fluent_syntax::parser::parse(text.as_str()) {
            panic!("i18n/{lang}: not valid Fluent: {errors:?}");
        }
        let reference: BTreeSet<String> = fluent_syntax::parser::parse(text.as_str())
            .unwrap()
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        let ours = Catalog::parse(lang, &text).unwrap_or_else(|e| panic!("i18n/{lang}: {e}"));
        let ours: BTreeSet<String> = ours.ids().into_iter().map(String::from).collect();
        assert_eq!(ours, reference, "i18n/{lang}: both parsers must read the same messages");
    }
}

#[test]
fn every_message_id_exists_in_every_language_with_the_same_variables() {
    let catalogs: Vec<Catalog> = Lang::ALL.iter().map(|&l| Catalog::parse(l, &source(l)).unwrap()).collect();
    let source_catalog = &catalogs[0];
    for other in &catalogs[1..] {
        let missing: Vec<_> = source_catalog.ids().difference(&other.ids()).copied().collect();
        let extra: Vec<_> = other.ids().difference(&source_catalog.ids()).copied().collect();
        assert!(missing.is_empty(), "i18n/{} lacks {missing:?}", other.lang());
        assert!(extra.is_empty(), "i18n/{} has ids the source lacks: {extra:?}", other.lang());
        for id in source_catalog.ids() {
            assert_eq!(
                source_catalog.variables(id),
                other.variables(id),
                "`{id}` takes different variables in {} and {}",
                source_catalog.lang(),
                other.lang()
            );
        }
    }
}

#[test]
fn every_pillar_competency_and_basic_skill_has_a_name_in_every_language() {
    for lang in Lang::ALL {
        let catalog = Catalog::parse(lang, &source(lang)).unwrap();
        for pillar in Pillar::ALL {
            assert!(catalog.has(&format!("pillar-{}", pillar.slug())), "{lang}: {pillar:?}");
        }
        for skill in BasicSkill::ALL {
            assert!(catalog.has(&format!("basic-skill-{}", skill.slug())), "{lang}: {skill:?}");
        }
        for competency in Competency::ALL {
            assert!(catalog.has(&format!("competency-{}", competency.slug())), "{lang}: {competency:?}");
        }
    }
}

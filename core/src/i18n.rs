//! Interface messages, written as Fluent (`i18n/<lang>/*.ftl`) and looked up by id.
//!
//! We read a deliberate subset of Fluent: messages and terms, multi-line text, variable and term
//! references, string literals, and select expressions on a number's plural category (or an
//! exact number) or a string. That is all the interface needs, and it costs a few kilobytes of
//! wasm where the `fluent` crates cost about 44 KB brotli (TOOLCHAIN.md), a third of the whole
//! wasm budget. The test `tests/i18n.rs` parses every file with the reference parser
//! (`fluent-syntax`) as well, so the files stay real Fluent, and checks that every language has
//! the same message ids with the same variables. Attributes and functions are not supported and
//! are reported as errors.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Lang;

/// A value passed to a message.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg<'a> {
    Num(i64),
    Str(&'a str),
}

/// An error in a Fluent file: the line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct I18nError {
    /// 1-based line in the file.
    pub line: usize,
    pub kind: I18nErrorKind,
}

/// Every way a message file can fail to parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum I18nErrorKind {
    /// A line that starts no message and continues none (`id = value` expected).
    ExpectedMessage,
    /// The same message or term id twice.
    Duplicate(String),
    /// A placeable `{ … }` this subset does not read, or one that is never closed.
    Placeable(String),
    /// A message attribute (`.attr = …`); this subset has none.
    Attribute,
}

impl fmt::Display for I18nError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            I18nErrorKind::ExpectedMessage => write!(f, "line {}: expected `id = text`", self.line),
            I18nErrorKind::Duplicate(id) => write!(f, "line {}: `{id}` is defined twice", self.line),
            I18nErrorKind::Placeable(what) => write!(f, "line {}: {what}", self.line),
            I18nErrorKind::Attribute => write!(f, "line {}: message attributes are not supported", self.line),
        }
    }
}

impl std::error::Error for I18nError {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Element {
    Text(String),
    Var(String),
    Term(String),
    Select { var: String, variants: Vec<(String, Pattern)>, default: usize },
}

type Pattern = Vec<Element>;

/// The messages of one language. The app embeds it parsed, in the wire form (see app/build.rs),
/// so the browser never runs the parser.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Catalog {
    lang: Lang,
    messages: HashMap<String, Pattern>,
    terms: HashMap<String, Pattern>,
}

impl Catalog {
    /// Parses the Fluent source of one language (all its files, concatenated).
    pub fn parse(lang: Lang, source: &str) -> Result<Catalog, I18nError> {
        let mut catalog = Catalog { lang, ..Catalog::default() };
        let lines: Vec<&str> = source.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let line_no = i + 1;
            i += 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |kind| I18nError { line: line_no, kind };
            let Some((id, first)) = line.split_once('=') else {
                return Err(err(I18nErrorKind::ExpectedMessage));
            };
            let id = id.trim_end();
            let (is_term, name) = match id.strip_prefix('-') {
                Some(name) => (true, name),
                None => (false, id),
            };
            let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid {
                return Err(err(I18nErrorKind::ExpectedMessage));
            }
            // Continuation lines are indented, or close a select expression at column 0.
            let mut value = first.trim_start().to_string();
            while i < lines.len() {
                let next = lines[i];
                let continues = next.starts_with(' ') || next.starts_with('}');
                let blank_then_more = next.trim().is_empty()
                    && lines.get(i + 1).is_some_and(|l| l.starts_with(' ') && !l.trim().is_empty());
                if !(continues || blank_then_more) {
                    break;
                }
                if next.trim_start().starts_with('.') {
                    return Err(I18nError { line: i + 1, kind: I18nErrorKind::Attribute });
                }
                value.push('\n');
                value.push_str(next);
                i += 1;
            }
            let pattern = PatternParser { chars: value.chars().collect(), pos: 0 }
                .pattern(false)
                .map_err(|what| err(I18nErrorKind::Placeable(what)))?;
            let map = if is_term { &mut catalog.terms } else { &mut catalog.messages };
            if map.insert(name.to_string(), pattern).is_some() {
                return Err(err(I18nErrorKind::Duplicate(id.to_string())));
            }
        }
        Ok(catalog)
    }

    /// The language of the catalogue.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every message id (terms excluded), sorted.
    pub fn ids(&self) -> BTreeSet<&str> {
        self.messages.keys().map(String::as_str).collect()
    }

    /// Whether the catalogue has a message with this id.
    pub fn has(&self, id: &str) -> bool {
        self.messages.contains_key(id)
    }

    /// The variables a message uses, sorted; `None` if there is no such message.
    pub fn variables(&self, id: &str) -> Option<BTreeSet<String>> {
        fn collect(pattern: &Pattern, out: &mut BTreeSet<String>) {
            for element in pattern {
                match element {
                    Element::Var(name) => {
                        out.insert(name.clone());
                    }
                    Element::Select { var, variants, .. } => {
                        out.insert(var.clone());
                        variants.iter().for_each(|(_, p)| collect(p, out));
                    }
                    Element::Text(_) | Element::Term(_) => {}
                }
            }
        }
        let mut out = BTreeSet::new();
        collect(self.messages.get(id)?, &mut out);
        Some(out)
    }

    /// The message `id` with no arguments. An unknown id gives the id itself, so a gap shows
    /// on screen instead of silently blank text (a test keeps every id in every language).
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The message `id` with its arguments.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.messages.get(id) else {
            return id.to_string();
        };
        let mut out = String::new();
        self.write(pattern, args, &mut out, 0);
        out
    }

    fn write(&self, pattern: &Pattern, args: &[(&str, Arg)], out: &mut String, depth: u8) {
        let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        for element in pattern {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Var(name) => match arg(name) {
                    Some(Arg::Num(n)) => out.push_str(&n.to_string()),
                    Some(Arg::Str(s)) => out.push_str(s),
                    None => {
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Element::Term(name) => match self.terms.get(name) {
                    // Terms may refer to terms; the depth guard stops a cycle.
                    Some(term) if depth < 8 => self.write(term, args, out, depth + 1),
                    _ => {
                        out.push_str("{-");
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Element::Select { var, variants, default } => {
                    let chosen = match arg(var) {
                        Some(Arg::Num(n)) => {
                            let category = plural_category(self.lang, n);
                            let exact = n.to_string();
                            variants
                                .iter()
                                .position(|(key, _)| *key == exact)
                                .or_else(|| variants.iter().position(|(key, _)| key == category))
                        }
                        Some(Arg::Str(s)) => variants.iter().position(|(key, _)| key == s),
                        None => None,
                    };
                    let (_, pattern) = &variants[chosen.unwrap_or(*default)];
                    self.write(pattern, args, out, depth);
                }
            }
        }
    }
}

/// The CLDR plural category of a whole number: Vietnamese has only `other`; English has `one`.
fn plural_category(lang: Lang, n: i64) -> &'static str {
    match lang {
        Lang::Vi => "other",
        Lang::En if n == 1 => "one",
        Lang::En => "other",
    }
}

struct PatternParser {
    chars: Vec<char>,
    pos: usize,
}

impl PatternParser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn ident(&mut self) -> Result<String, String> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            self.pos += 1;
        }
        if start == self.pos {
            return Err("expected a name".into());
        }
        Ok(self.chars[start..self.pos].iter().collect())
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        self.skip_blank();
        if self.peek() == Some(c) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected `{c}`"))
        }
    }

    /// Text and placeables up to the end (or, for a variant, to the end of its line).
    /// Indentation after a line break is dropped, and so is trailing white space.
    fn pattern(&mut self, one_line: bool) -> Result<Pattern, String> {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut line_start = !one_line && self.peek() == Some('\n');
        while let Some(c) = self.peek() {
            match c {
                '\n' if one_line => break,
                '\n' => {
                    self.pos += 1;
                    if !text.is_empty() || !out.is_empty() {
                        text.push('\n');
                    }
                    line_start = true;
                }
                ' ' | '\t' if line_start => self.pos += 1,
                '{' => {
                    line_start = false;
                    self.pos += 1;
                    if !text.is_empty() {
                        out.push(Element::Text(std::mem::take(&mut text)));
                    }
                    if let Some(element) = self.placeable()? {
                        out.push(element);
                    }
                }
                '}' => return Err("`}` without `{`".into()),
                _ => {
                    line_start = false;
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
        let trimmed = text.trim_end();
        if !trimmed.is_empty() {
            out.push(Element::Text(trimmed.to_string()));
        }
        Ok(out)
    }

    /// After `{`: a variable, a term, a string literal or a select expression, then `}`.
    fn placeable(&mut self) -> Result<Option<Element>, String> {
        self.skip_blank();
        let element = match self.peek() {
            Some('$') => {
                self.pos += 1;
                let var = self.ident()?;
                self.skip_blank();
                if self.chars[self.pos..].starts_with(&['-', '>']) {
                    self.pos += 2;
                    return self.select(var).map(Some);
                }
                Element::Var(var)
            }
            Some('-') => {
                self.pos += 1;
                Element::Term(self.ident()?)
            }
            Some('"') => {
                self.pos += 1;
                let mut literal = String::new();
                loop {
                    match self.peek() {
                        Some('"') => break,
                        Some('\\') => {
                            self.pos += 1;
                            literal.extend(self.peek());
                        }
                        Some('\n') | None => return Err("string literal is not closed".into()),
                        Some(c) => literal.push(c),
                    }
                    self.pos += 1;
                }
                self.pos += 1;
                Element::Text(literal)
            }
            _ => return Err("expected `$variable`, `-term`, a \"string\" or a select expression".into()),
        };
        self.expect('}')?;
        Ok(Some(element))
    }

    fn select(&mut self, var: String) -> Result<Element, String> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            match self.peek() {
                Some('}') => {
                    self.pos += 1;
                    break;
                }
                Some('*') | Some('[') => {
                    if self.peek() == Some('*') {
                        if default.is_some() {
                            return Err("a select expression has one default variant (*)".into());
                        }
                        default = Some(variants.len());
                        self.pos += 1;
                    }
                    self.expect('[')?;
                    self.skip_blank();
                    let key = self.ident()?;
                    self.expect(']')?;
                    while self.peek().is_some_and(|c| c == ' ' || c == '\t') {
                        self.pos += 1;
                    }
                    variants.push((key, self.pattern(true)?));
                }
                _ => return Err("expected a variant `[key] text` or `}`".into()),
            }
        }
        let default = default.ok_or("a select expression needs a default variant *[other]")?;
        Ok(Element::Select { var, variants, default })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# A comment
-brand = Kỹ năng số
app-title = { -brand }
lesson-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
greeting = Hello, { $name }!
multi =
    First line
    second line
braces = Use {\"{\"} here
";

    #[test]
    fn formats_terms_variables_and_plural_selects() {
        let en = Catalog::parse(Lang::En, SAMPLE).unwrap();
        assert_eq!(en.get("app-title"), "Kỹ năng số");
        assert_eq!(en.format("lesson-minutes", &[("minutes", Arg::Num(1))]), "1 minute");
        assert_eq!(en.format("lesson-minutes", &[("minutes", Arg::Num(8))]), "8 minutes");
        assert_eq!(en.format("greeting", &[("name", Arg::Str("Lan"))]), "Hello, Lan!");
        assert_eq!(en.get("multi"), "First line\nsecond line");
        assert_eq!(en.get("braces"), "Use { here");
    }

    #[test]
    fn vietnamese_has_no_singular_form() {
        let vi = Catalog::parse(Lang::Vi, SAMPLE).unwrap();
        assert_eq!(vi.format("lesson-minutes", &[("minutes", Arg::Num(1))]), "1 minutes");
    }

    #[test]
    fn unknown_ids_and_missing_arguments_show_instead_of_vanishing() {
        let en = Catalog::parse(Lang::En, SAMPLE).unwrap();
        assert_eq!(en.get("no-such-message"), "no-such-message");
        assert_eq!(en.get("greeting"), "Hello, {$name}!");
    }

    #[test]
    fn reports_variables_of_each_message() {
        let en = Catalog::parse(Lang::En, SAMPLE).unwrap();
        assert_eq!(en.variables("lesson-minutes").unwrap().into_iter().collect::<Vec<_>>(), ["minutes"]);
        assert!(en.variables("app-title").unwrap().is_empty());
        assert_eq!(en.variables("nope"), None);
        assert!(!en.ids().contains("brand"), "terms are not messages");
    }

    #[test]
    fn rejects_what_it_cannot_read_with_the_line() {
        let cases = [
            ("a = ok\nnot a message\n", 2, I18nErrorKind::ExpectedMessage),
            ("a = x\na = y\n", 2, I18nErrorKind::Duplicate("a".into())),
            ("a = x\n    .title = y\n", 2, I18nErrorKind::Attribute),
        ];
        for (source, line, kind) in cases {
            assert_eq!(Catalog::parse(Lang::En, source).unwrap_err(), I18nError { line, kind }, "{source}");
        }
        let unclosed = Catalog::parse(Lang::En, "\n\nb = { $x\n").unwrap_err();
        assert_eq!(unclosed.line, 3);
        assert!(matches!(unclosed.kind, I18nErrorKind::Placeable(_)));
        let no_default = Catalog::parse(Lang::En, "c = { $n ->\n  [one] x\n}\n").unwrap_err();
        assert!(matches!(no_default.kind, I18nErrorKind::Placeable(ref m) if m.contains("default")));
    }
}

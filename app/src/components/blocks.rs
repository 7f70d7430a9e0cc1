//! Renders the lesson model (kns-core's closed set of blocks and inlines) with components.
//! Text is always inserted as text, never as HTML: whatever a lesson says, it cannot add markup.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use kns_core::content::{Block, GlossaryEntry, Inline, Tone};
use leptos::prelude::*;

use crate::course::image_url;
use crate::i18n::use_i18n;

/// A lesson body.
#[component]
pub fn Blocks(
    /// The lesson whose body this is (pictures live in its folder).
    lesson_id: String,
    blocks: Vec<Block>,
) -> impl IntoView {
    blocks.into_iter().map(|block| block_view(&lesson_id, block)).collect_view()
}

fn block_view(lesson_id: &str, block: Block) -> AnyView {
    match block {
        Block::Heading { level: 2, text } => view! { <h2>{inlines(text)}</h2> }.into_any(),
        Block::Heading { text, .. } => view! { <h3>{inlines(text)}</h3> }.into_any(),
        Block::Paragraph { text } => {
            let audio = recording(lesson_id, &text);
            view! { <p data-audio=audio>{inlines(text)}</p> }.into_any()
        }
        Block::Steps { steps } => view! {
            <ol class="steps">
                {steps
                    .into_iter()
                    .map(|step| {
                        let audio = recording(lesson_id, &step.text);
                        view! { <li data-audio=audio>{inlines(step.text)}</li> }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
        Block::List { items } => view! {
            <ul class="list">
                {items
                    .into_iter()
                    .map(|item| {
                        let audio = recording(lesson_id, &item);
                        view! { <li data-audio=audio>{inlines(item)}</li> }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
        Block::Callout { tone, body } => {
            let i18n = use_i18n();
            let (class, label) = match tone {
                Tone::Warning => ("callout warning", "callout-warning"),
                Tone::Tip => ("callout tip", "callout-tip"),
            };
            let lesson_id = lesson_id.to_string();
            view! {
                <aside class=class>
                    <p class="callout-label">{i18n.t(label)}</p>
                    {body.into_iter().map(|block| block_view(&lesson_id, block)).collect_view()}
                </aside>
            }
            .into_any()
        }
        Block::Image { src, alt } => view! {
            <figure class="picture">
                <img src=image_url(lesson_id, &src) alt=alt loading="lazy"/>
            </figure>
        }
        .into_any(),
        Block::Term { term, definition } => {
            let i18n = use_i18n();
            view! {
                <dl class="term">
                    <dt>
                        <span class="term-label">{i18n.t("glossary-label")}</span>
                        <dfn>{term}</dfn>
                    </dt>
                    <dd>{inlines(definition)}</dd>
                </dl>
            }
            .into_any()
        }
    }
}

/// The address of a paragraph's, step's or item's recording, for read-aloud
/// ([`crate::components::reader`]).
fn recording(lesson_id: &str, text: &[Inline]) -> Option<String> {
    Inline::recording(text).map(|src| image_url(lesson_id, src))
}

/// A run of inline text.
pub fn inlines(inlines: Vec<Inline>) -> impl IntoView {
    inlines.into_iter().map(inline_view).collect_view()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(inner) => view! { <em>{inlines(inner)}</em> }.into_any(),
        Inline::Strong(inner) => view! { <strong>{inlines(inner)}</strong> }.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Link { href, text } => view! {
            <a href=href rel="noopener noreferrer" target="_blank">{inlines(text)}</a>
        }
        .into_any(),
        // Played by read-aloud, never shown.
        Inline::Audio(_) => ().into_any(),
        Inline::Term { id, text } => {
            let entry =
                use_context::<LessonGlossary>().and_then(|g| g.0.iter().find(|e| e.id == id).cloned());
            match entry {
                Some(entry) => term_view(entry, text),
                // The compiler puts every linked entry in the lesson; this is only a safety net.
                None => inlines(text).into_any(),
            }
        }
    }
}

/// The glossary entries of the lesson being shown; provided by the lesson page.
#[derive(Clone)]
pub struct LessonGlossary(pub Arc<Vec<GlossaryEntry>>);

/// Glossary words: a button that shows the definition right after it, and hides it again.
fn term_view(entry: GlossaryEntry, text: Vec<Inline>) -> AnyView {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let definition_id = format!("term-{}-{}", entry.id, NEXT.fetch_add(1, Ordering::Relaxed));
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="term-link"
            aria-expanded=move || open.get().to_string()
            aria-controls=definition_id.clone()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {inlines(text)}
        </button>
        <span id=definition_id class="term-definition" role="note" hidden=move || !open.get()>
            <strong>{entry.term}</strong>
            ": "
            {inlines(entry.definition)}
        </span>
    }
    .into_any()
}

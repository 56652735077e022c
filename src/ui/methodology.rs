//! The methodology page: `METHODOLOGY.md` from the repository, rendered in the app so the page and
//! the document can never drift apart. Only the small Markdown subset that document uses is
//! understood (headings, paragraphs, bullet and numbered lists one level deep, bold, code), and
//! every piece of text is rendered as a text node. The document is a file of the build, loaded
//! when the page is opened (`content.rs`), not compiled into the wasm.

use super::content::{self, Loading};
use yew::prelude::*;

/// One block of the document.
#[derive(Debug, PartialEq)]
enum Block {
    Heading(usize, String),
    Paragraph(String),
    /// Items of a list; each item has its text and nested bullet items.
    List {
        ordered: bool,
        items: Vec<(String, Vec<String>)>,
    },
    /// A pipe table: the header cells, then the body rows.
    Table(Vec<String>, Vec<Vec<String>>),
}

/// The cells of a `| a | b |` line.
fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .split('|')
        .map(|c| c.trim().to_string())
        .collect()
}

/// Splits the document into blocks.
fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::Paragraph(para.join(" ")));
            para.clear();
        }
    };
    for line in text.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.is_empty() {
            flush(&mut para, &mut out);
            continue;
        }
        if trimmed.starts_with('|') {
            flush(&mut para, &mut out);
            let row = cells(trimmed);
            // The `|---|---|` line under the header carries no content.
            if row
                .iter()
                .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
            {
                continue;
            }
            match out.last_mut() {
                Some(Block::Table(_, rows)) => rows.push(row),
                _ => out.push(Block::Table(row, Vec::new())),
            }
        } else if let Some(h) = trimmed.strip_prefix("### ") {
            flush(&mut para, &mut out);
            out.push(Block::Heading(3, h.to_string()));
        } else if let Some(h) = trimmed.strip_prefix("## ") {
            flush(&mut para, &mut out);
            out.push(Block::Heading(2, h.to_string()));
        } else if let Some(h) = trimmed.strip_prefix("# ") {
            flush(&mut para, &mut out);
            out.push(Block::Heading(1, h.to_string()));
        } else if let Some((ordered, item)) = list_item(trimmed) {
            flush(&mut para, &mut out);
            let nested = indent >= 2;
            match out.last_mut() {
                Some(Block::List { items, .. }) if nested => match items.last_mut() {
                    Some((_, sub)) => sub.push(item.to_string()),
                    None => items.push((item.to_string(), Vec::new())),
                },
                Some(Block::List {
                    ordered: o, items, ..
                }) if *o == ordered => items.push((item.to_string(), Vec::new())),
                _ => out.push(Block::List {
                    ordered,
                    items: vec![(item.to_string(), Vec::new())],
                }),
            }
        } else {
            // A continuation line of a list item, or a paragraph line.
            match out.last_mut() {
                Some(Block::List { items, .. }) if para.is_empty() && indent >= 2 => {
                    if let Some((text, sub)) = items.last_mut() {
                        let target = sub.last_mut().unwrap_or(text);
                        target.push(' ');
                        target.push_str(trimmed);
                    }
                }
                _ => para.push(trimmed),
            }
        }
    }
    flush(&mut para, &mut out);
    out
}

/// `- item` or `12. item`.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ") {
        return Some((false, rest));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some((true, rest));
        }
    }
    None
}

/// Inline formatting: `**bold**` and `` `code` ``, everything else as text.
fn inline(text: &str) -> Html {
    let mut parts = Vec::new();
    for (i, bold) in text.split("**").enumerate() {
        let pieces: Vec<Html> = bold
            .split('`')
            .enumerate()
            .map(|(j, piece)| {
                if j % 2 == 1 {
                    html! { <code>{piece.to_string()}</code> }
                } else {
                    html! { {piece.to_string()} }
                }
            })
            .collect();
        if i % 2 == 1 {
            parts.push(html! { <strong>{for pieces}</strong> });
        } else {
            parts.push(html! { <>{for pieces}</> });
        }
    }
    html! { <>{for parts}</> }
}

fn render(block: &Block) -> Html {
    match block {
        Block::Heading(1, text) => html! { <h2>{inline(text)}</h2> },
        Block::Heading(2, text) => html! { <h3>{inline(text)}</h3> },
        Block::Heading(_, text) => html! { <h4>{inline(text)}</h4> },
        Block::Table(head, rows) => html! {
            <div class="table-wrap">
                <table class="doc-table">
                    <thead><tr>{for head.iter().map(|h| html! { <th scope="col">{inline(h)}</th> })}</tr></thead>
                    <tbody>{for rows.iter().map(|r| html! {
                        <tr>{for r.iter().map(|c| html! { <td>{inline(c)}</td> })}</tr>
                    })}</tbody>
                </table>
            </div>
        },
        Block::Paragraph(text) => html! { <p>{inline(text)}</p> },
        Block::List { ordered, items } => {
            let items = items.iter().map(|(text, sub)| {
                html! {
                    <li>
                        {inline(text)}
                        if !sub.is_empty() {
                            <ul>{for sub.iter().map(|s| html! { <li>{inline(s)}</li> })}</ul>
                        }
                    </li>
                }
            });
            if *ordered {
                html! { <ol>{for items}</ol> }
            } else {
                html! { <ul>{for items}</ul> }
            }
        }
    }
}

/// Props: how to go back to the calculator.
#[derive(Properties, PartialEq)]
pub struct MethodologyProps {
    pub on_close: Callback<()>,
}

/// The methodology page: "Loading…" until the document is in, then the document, or why it
/// could not be loaded.
#[function_component(Methodology)]
pub fn methodology(props: &MethodologyProps) -> Html {
    let loading = use_state(|| Loading::Pending);
    {
        let loading = loading.clone();
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                loading.set(match content::get(content::METHODOLOGY).await {
                    Ok(text) => Loading::Ready(text),
                    Err(why) => Loading::Failed(why),
                });
            });
        });
    }
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    let body = match &*loading {
        Loading::Pending => html! {
            <p role="status" data-testid="methodology-loading">{"Loading…"}</p>
        },
        Loading::Ready(text) => html! { <>{for blocks(text).iter().map(render)}</> },
        Loading::Failed(why) => html! {
            <p class="banner banner-warn" role="alert" data-testid="methodology-failed">
                {format!("The methodology could not be loaded: {why}. Go back and open it again to retry.")}
            </p>
        },
    };
    html! {
        <article class="methodology card" data-testid="methodology" aria-label="Methodology"
            aria-busy={(*loading == Loading::Pending).to_string()}>
            <button type="button" class="btn no-print" onclick={close}>
                {"← Back to the calculator"}
            </button>
            {body}
        </article>
    }
}

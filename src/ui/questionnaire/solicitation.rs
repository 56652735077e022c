//! Next to the solicitation question: paste the solicitation or contract, read it on the device
//! (`scan_solicitation`), see each finding with its quote and where it sits in the text, and
//! fill the questionnaire's answers from it once the user confirms. The pasted text lives in this
//! component and is gone on reload, unless the user ticks "keep".

use crate::engine::{
    scan_solicitation, Answers, ContractRole, FillInReading, ScanLevel, ScanResult, Solicitation,
    Suggestions,
};
use crate::ui::hooks::{use_selected, use_store, AppHandle};
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Lines of context shown around each finding in the excerpt.
const CONTEXT: usize = 2;

/// The paste box, the findings and the suggestions.
#[function_component(SolicitationReader)]
pub fn solicitation_reader() -> Html {
    // Drawn again only when the kept text changes; the verbs read the state when they run.
    let kept = use_selected(|s| s.saved.solicitation_text.clone());
    let (Some(app), Some(kept)) = (use_store().map(|s| s.app()), kept) else {
        return Html::default();
    };
    let text = use_state(|| kept.clone().unwrap_or_default());
    let scan = use_state(|| None::<Rc<ScanResult>>);
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let on_read = {
        let (text, scan) = (text.clone(), scan.clone());
        Callback::from(move |_: MouseEvent| {
            scan.set((!text.trim().is_empty()).then(|| Rc::new(scan_solicitation(&text))));
        })
    };
    let on_clear = {
        let (text, scan, app) = (text.clone(), scan.clone(), app.clone());
        Callback::from(move |_: MouseEvent| {
            text.set(String::new());
            scan.set(None);
            if app.saved().solicitation_text.is_some() {
                app.keep_solicitation_text(None);
            }
        })
    };
    let on_keep = {
        let (text, app) = (text.clone(), app.clone());
        Callback::from(move |e: Event| {
            let keep = e.target_unchecked_into::<HtmlInputElement>().checked();
            app.keep_solicitation_text(keep.then(|| (*text).clone()));
        })
    };
    // A kept text follows the edits, so what is saved is what is on screen.
    {
        let (app, kept) = (app.clone(), kept.clone());
        use_effect_with((*text).clone(), move |t: &String| {
            if kept.as_ref().is_some_and(|k| k != t) {
                app.keep_solicitation_text(Some(t.clone()));
            }
        });
    }
    html! {
        <details class="sol-reader" data-testid="solicitation-reader" open={kept.is_some()}>
            <summary>{"Paste the solicitation text to find the level it names"}</summary>
            <p class="note">
                {"Paste the solicitation or contract (from a PDF, Word or an e-mail). It is read on this device and sent nowhere; it is not saved unless you tick \"keep\"."}
            </p>
            <label for="solicitation-paste" class="visually-hidden">{"Solicitation or contract text"}</label>
            <textarea id="solicitation-paste" rows="6" spellcheck="false" data-testid="solicitation-paste"
                placeholder={"…(b)(1) The CMMC level required by this solicitation is: CMMC Level 2 (C3PAO)."}
                value={(*text).clone()} oninput={on_input} />
            <div class="button-row">
                <button type="button" class="btn btn-primary" onclick={on_read} data-testid="solicitation-read"
                    disabled={text.trim().is_empty()}>{"Read it"}</button>
                <button type="button" class="btn btn-link" onclick={on_clear} data-testid="solicitation-clear">{"Clear"}</button>
                <label class="keep">
                    <input type="checkbox" checked={kept.is_some()} onchange={on_keep} data-testid="solicitation-keep"
                        disabled={text.trim().is_empty()} />
                    {" Keep the text with my saved work (this browser only)"}
                </label>
            </div>
            if let Some(r) = (*scan).clone() {
                <Findings scan={r} text={Rc::new((*text).clone())} />
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct FindingsProps {
    scan: Rc<ScanResult>,
    text: Rc<String>,
}

/// What the scan found: the level (or why none), the suggestions to confirm, each finding with
/// its quote, the notes, and the pasted text around the findings, highlighted.
#[function_component(Findings)]
fn findings(p: &FindingsProps) -> Html {
    let Some(app) = use_store().map(|s| s.app()) else {
        return Html::default();
    };
    let r = &p.scan;
    html! {
        <div class="sol-findings" data-testid="solicitation-findings" aria-live="polite">
            { headline(&app, r) }
            <Suggest scan={r.clone()} />
            { fill_ins(r) }
            { cui(r) }
            { clauses(r) }
            if !r.flow_down.is_empty() || !r.other_level_mentions.is_empty() {
                <details class="sol-fold" data-testid="sol-mentions">
                <summary>{format!("Other level mentions ({}): they do not decide the level", r.flow_down.len() + r.other_level_mentions.len())}</summary>
                <ul class="sol-list">
                    { for r.flow_down.iter().map(|m| html! {
                        <li data-testid="sol-flow-down"><span class="line-no">{format!("Line {}", m.line)}</span>
                            {" For subcontractors: "}<q>{&m.quote}</q></li>
                    }) }
                    { for r.other_level_mentions.iter().map(|m| html! {
                        <li><span class="line-no">{format!("Line {}", m.line)}</span>{" "}<q>{&m.quote}</q></li>
                    }) }
                </ul>
                </details>
            }
            if !r.notes.is_empty() {
                <details class="sol-fold" data-testid="sol-notes">
                    <summary>{format!("What this means, and what the text cannot tell ({})", r.notes.len())}</summary>
                    <ul class="sol-notes">
                        { for r.notes.iter().map(|n| html! {
                            <li data-testid="sol-note">{&n.text}<cite>{n.citation}</cite></li>
                        }) }
                    </ul>
                </details>
            }
            { excerpt(r, &p.text) }
        </div>
    }
}

/// The level in one sentence, or why there is none; for "not found", the one question only the
/// user can answer.
fn headline(app: &AppHandle, r: &ScanResult) -> Html {
    // A subcontractor's level is the one its prime passes down (32 CFR 170.23(a)), and it has no
    // contracting officer of its own to ask.
    let sub = app.saved().answers.role == Some(crate::engine::ContractRole::Sub);
    let (text, class) = match (r.solicitation, r.flow_down_level) {
        (_, Some(level)) if sub => (
            format!("The text names {} for subcontractors: the level your prime passes down to you.", level.in_sentence()),
            "ok",
        ),
        (ScanLevel::Named(s), _) => (format!("The text names {}.", s.in_sentence()), "ok"),
        (ScanLevel::Unknown, _) => (
            format!(
                "DFARS 252.204-7025 or 252.204-7021 is in the text, but it names no single level: ask {} which one applies.",
                crate::engine::who_to_ask(sub)
            ),
            "warn",
        ),
        (ScanLevel::NotFound, _) => (
            "No CMMC level found: neither DFARS 252.204-7025 nor 252.204-7021 is in the text.".to_string(),
            "warn",
        ),
    };
    let on_whole = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let mut a = app.saved().answers.clone();
            set_level(&mut a, Solicitation::None);
            a.level_source = None;
            app.fill_answers(
                a,
                "Answered: the solicitation names no CMMC level (you confirmed the whole text was pasted).".into(),
            );
        })
    };
    html! {
        <>
            <p class={classes!("sol-headline", class)} data-testid="solicitation-level">{text}</p>
            if r.truncated {
                <p class="note">{"The text is very long: only its start was read."}</p>
            }
            if r.solicitation == ScanLevel::NotFound {
                <div class="sol-whole" data-testid="solicitation-whole">
                    <p>{"A partial paste proves nothing. Is this the whole solicitation, every section and attachment?"}</p>
                    <button type="button" class="btn btn-small" onclick={on_whole} data-testid="solicitation-whole-yes">
                        {"Yes, it is whole: it names no CMMC level"}
                    </button>
                    <span class="muted small">{" If not, paste the rest (the clauses are usually in Sections I and K) and read it again."}</span>
                </div>
            }
        </>
    }
}

/// The level goes into the question that decides: the prime's level for a subcontractor.
fn set_level(a: &mut Answers, level: Solicitation) {
    if a.role == Some(ContractRole::Sub) {
        a.prime_level = level;
    } else {
        a.solicitation = level;
    }
}

#[derive(Properties, PartialEq)]
struct SuggestProps {
    scan: Rc<ScanResult>,
}

/// The answers the text suggests, each with why, ticked by default; nothing changes until the
/// user presses the button.
#[function_component(Suggest)]
fn suggest(p: &SuggestProps) -> Html {
    let answers = use_selected(|s| s.saved.answers.clone());
    let picks = use_state(|| (true, true, true));
    let (Some(app), Some(answers)) = (use_store().map(|s| s.app()), answers) else {
        return Html::default();
    };
    let s: Suggestions = p.scan.suggestions(&answers);
    if s.is_empty() {
        return html! {
            <p class="note" data-testid="solicitation-nothing-to-fill">{"Your answers already say what the text shows."}</p>
        };
    }
    let toggle = |which: usize| {
        let picks = picks.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let (mut l, mut c, mut f) = *picks;
            match which {
                0 => l = on,
                1 => c = on,
                _ => f = on,
            }
            picks.set((l, c, f));
        })
    };
    let on_apply = {
        let (app, picks, s) = (app.clone(), picks.clone(), s.clone());
        Callback::from(move |_: MouseEvent| {
            let (l, c, f) = *picks;
            let mut a = app.saved().answers.clone();
            s.apply(&mut a, l, c, f);
            let mut filled = Vec::new();
            if let (true, Some(x)) = (l, &s.level) {
                filled.push(format!("the level ({})", x.value.in_sentence()));
            }
            if c && s.handles_cui.is_some() {
                filled.push("handles CUI: yes".to_string());
            }
            if f && s.handles_fci.is_some() {
                filled.push("handles FCI: yes".to_string());
            }
            if !filled.is_empty() {
                app.fill_answers(
                    a,
                    format!("Filled in from the pasted text: {}.", filled.join(", ")),
                );
            }
        })
    };
    let (l, c, f) = *picks;
    let level_question = if answers.role == Some(ContractRole::Sub) {
        "The level the prime's contract requires"
    } else {
        "What the solicitation names"
    };
    html! {
        <fieldset class="sol-suggest" data-testid="solicitation-suggestions">
            <legend>{"Fill in my answers from this text?"}</legend>
            if let Some(x) = &s.level {
                <label class="sol-pick">
                    <input type="checkbox" checked={l} onchange={toggle(0)} data-testid="suggest-level" />
                    <span><strong>{format!("{level_question}: {}", x.value.in_sentence())}</strong>
                        <span class="sol-why">{&x.why}</span></span>
                </label>
            }
            if let Some(x) = &s.handles_cui {
                <label class="sol-pick">
                    <input type="checkbox" checked={c} onchange={toggle(1)} data-testid="suggest-cui" />
                    <span><strong>{"Handles CUI: yes"}</strong><span class="sol-why">{&x.why}</span></span>
                </label>
            }
            if let Some(x) = &s.handles_fci {
                <label class="sol-pick">
                    <input type="checkbox" checked={f} onchange={toggle(2)} data-testid="suggest-fci" />
                    <span><strong>{"Handles FCI: yes"}</strong><span class="sol-why">{&x.why}</span></span>
                </label>
            }
            <button type="button" class="btn btn-primary btn-small" onclick={on_apply} data-testid="solicitation-apply"
                disabled={!(l && s.level.is_some() || c && s.handles_cui.is_some() || f && s.handles_fci.is_some())}>
                {"Use the ticked answers"}
            </button>
        </fieldset>
    }
}

fn fill_ins(r: &ScanResult) -> Html {
    if r.fill_ins.is_empty() {
        return Html::default();
    }
    let reading = |f: FillInReading| match f {
        FillInReading::Level(s) => s.in_sentence().to_string(),
        FillInReading::Blank => "left blank".to_string(),
        FillInReading::NoAssessmentType => "a level without its assessment type".to_string(),
        FillInReading::SeveralLevels => "several levels".to_string(),
        FillInReading::Unreadable => "a level that contradicts itself".to_string(),
    };
    html! {
        <>
            <h5>{"The fill-in sentence (the only place the level is read from)"}</h5>
            <ul class="sol-list">
                { for r.fill_ins.iter().map(|f| html! {
                    <li data-testid="sol-fill-in">
                        <span class="line-no">{format!("Line {}", f.line)}</span>
                        {format!(" {}: {}. ", f.paragraph, reading(f.reading))}<q>{&f.quote}</q>
                    </li>
                }) }
            </ul>
        </>
    }
}

fn clauses(r: &ScanResult) -> Html {
    if r.clauses.is_empty() {
        return html! { <p class="note">{"None of the clauses that matter for CMMC is in the text."}</p> };
    }
    let numbers: Vec<&str> = r.clauses.iter().map(|c| c.number).collect();
    html! {
        <details class="sol-fold" data-testid="sol-clauses">
            <summary>{format!("Clauses found ({}): {}", r.clauses.len(), numbers.join(", "))}</summary>
            <ul class="sol-list">
                { for r.clauses.iter().map(|c| html! {
                    <li data-testid="sol-clause" data-clause={c.id}>
                        <span class="line-no">{format!("Line {}", c.line)}</span>
                        <strong>{format!(" {} ", c.number)}</strong>{c.title}
                        if c.occurrences > 1 {
                            <span class="muted small">{format!(" ({} mentions)", c.occurrences)}</span>
                        }
                        <span class="sol-why">{c.what_it_means}</span>
                        <cite>{c.citation}</cite>
                    </li>
                }) }
            </ul>
        </details>
    }
}

fn cui(r: &ScanResult) -> Html {
    if r.cui_indicators.is_empty() {
        return html! {
            <p class="note" data-testid="sol-no-cui">{"No CUI marking in the text. That does not show there is no CUI: the contract's attachments and the data you will receive decide."}</p>
        };
    }
    html! {
        <>
            <h5>{format!("CUI indicators ({})", r.cui_indicators.len())}</h5>
            <ul class="sol-list">
                { for r.cui_indicators.iter().map(|c| html! {
                    <li data-testid="sol-cui">
                        <span class="line-no">{format!("Line {}", c.line)}</span>{" "}<q>{&c.quote}</q>
                        <span class="sol-why">{c.kind.meaning()}</span>
                        <cite>{c.citation}</cite>
                    </li>
                }) }
            </ul>
        </>
    }
}

/// The pasted text around every finding, the finding lines highlighted: where each quote sits.
fn excerpt(r: &ScanResult, text: &str) -> Html {
    let mut marks: BTreeMap<usize, &'static str> = BTreeMap::new();
    for c in &r.clauses {
        marks.entry(c.line).or_insert("clause");
    }
    for c in &r.cui_indicators {
        marks.insert(c.line, "CUI");
    }
    for m in r.flow_down.iter().chain(&r.other_level_mentions) {
        marks.entry(m.line).or_insert("level mention");
    }
    for f in &r.fill_ins {
        marks.insert(f.line, "level");
    }
    if marks.is_empty() {
        return Html::default();
    }
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut shown: Vec<usize> = Vec::new();
    for &line in marks.keys() {
        let from = line.saturating_sub(CONTEXT).max(1);
        let to = (line + CONTEXT).min(lines.len());
        for n in from..=to {
            if shown.last() < Some(&n) {
                shown.push(n);
            }
        }
    }
    let mut rows = Vec::with_capacity(shown.len());
    let mut previous = 0;
    for n in shown {
        if previous != 0 && n != previous + 1 {
            rows.push(html! { <div class="ex-gap" aria-hidden="true">{"…"}</div> });
        }
        previous = n;
        let body = lines.get(n - 1).copied().unwrap_or_default();
        rows.push(match marks.get(&n) {
            Some(kind) => html! {
                <div class="ex-line marked" data-line={n.to_string()} data-testid="sol-mark">
                    <span class="ex-no">{n}</span><mark>{body}</mark><span class="ex-kind">{*kind}</span>
                </div>
            },
            None => html! {
                <div class="ex-line"><span class="ex-no">{n}</span><span>{body}</span></div>
            },
        });
    }
    html! {
        <details class="sol-excerpt" data-testid="solicitation-excerpt" open=true>
            <summary>{"Where they are in your text"}</summary>
            <div class="ex-body" tabindex="0" role="region" aria-label="The pasted text around each finding">
                { for rows }
            </div>
        </details>
    }
}

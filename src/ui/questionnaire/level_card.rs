//! The level card: the rollout phase on the assessment date (which the user can change), the CMMC
//! level the solicitation or the prime's flow-down requires now (or an assumption, or a labelled
//! planning level), a held status's lifecycle, the warnings, and the obligations that apply
//! whatever the level, each with its citation.

use crate::engine::{warnings, Applicability, Date, Level, ResultsMode, Warning};
use crate::ui::hooks::{use_dispatch, use_selected, Results};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the level card.
#[derive(Properties)]
pub struct LevelCardProps {
    /// What applies, from the answers and the date alone.
    pub applicability: Rc<Applicability>,
    /// The results once they exist (their warnings include the posted-score check).
    pub results: Option<Results>,
    /// Whether the date the rules are applied on is known: the first render (also drawn at
    /// build time) has none, and leaves out the phase.
    pub dated: bool,
}

/// Equal when what the card draws is: the results count only through their warnings.
impl PartialEq for LevelCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.applicability == other.applicability
            && self.dated == other.dated
            && match (&self.results, &other.results) {
                (Some(a), Some(b)) => a == b || a.assessment.warnings == b.assessment.warnings,
                (None, None) => true,
                _ => false,
            }
    }
}

/// Level, assessment type, phase, obligations, warnings and the reasons behind them.
#[function_component(LevelCard)]
pub fn level_card(p: &LevelCardProps) -> Html {
    let mine = use_selected(|s| (s.saved.answers.clone(), s.saved.date));
    let (Some(app), Some((answers, user_date))) = (use_dispatch(), mine) else {
        return Html::default();
    };
    let a = &p.applicability;
    // Once the results exist their warnings include the posted-score check, which needs the
    // score; before that, the answers alone give the rest.
    let warned: Vec<Warning> = match &p.results {
        Some(r) => r.assessment.warnings.clone(),
        None => warnings(&answers, a, None),
    };
    let on_date = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(d) = Date::parse(&raw) {
                app.set_date(Some(d));
            }
        })
    };
    let use_today = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.set_date(None))
    };
    // Before the answers decide anything, the card says so rather than "No CMMC level".
    let undecided = a.results_mode(&answers) == ResultsMode::Start;
    let level_text = if undecided {
        "Not determined yet".to_string()
    } else if a.level == Level::None {
        if a.planning.is_some() {
            "No CMMC level required".to_string()
        } else {
            a.level.label().to_string()
        }
    } else {
        a.level.label().to_string()
    };
    html! {
        <section class="card level-card" aria-label="Your CMMC level" data-testid="level-result" aria-live="polite">
            <h3 class="card-title">{"Your CMMC level"}</h3>
            if p.dated {
                <div class="phase-line" data-testid="phase">
                    <span class="badge phase-badge" data-testid="phase-name">{&a.phase.name}</span>
                    <span class="small">{format!(" since {}", a.phase.since)}</span>
                    <span class="date-row">
                        <label class="date-field small">
                            {"Rules applied on "}
                            <input type="date" value={a.date.to_string()} onchange={on_date} data-testid="assessment-date"
                                aria-label="Date the rules are applied on" />
                        </label>
                        if user_date.is_some() {
                            <button type="button" class="btn btn-link small" onclick={use_today} data-testid="date-today">{"use today"}</button>
                        }
                    </span>
                </div>
            }
            <p class="level-big" data-testid="level-value">{level_text}</p>
            <p class="level-type" data-testid="assessment-type">
                {if undecided { "Answer the first questions to find out" } else { a.assessment.map_or("No assessment required", |k| k.label()) }}
            </p>
            if let Some(until) = a.assumed_until {
                <p class="note" data-testid="level-assumed">{format!("Assumed until {}.", until.until())}</p>
            }
            if let Some(p) = &a.planning {
                <div class="planning" data-testid="planning-level">
                    <p><strong>{format!("Plan for: {} ({})", p.level.label(), p.assessment.short())}</strong>
                        <span class="tag">{"planning only"}</span></p>
                    { for p.reasons.iter().map(|r| html! { <p class="small">{&r.text}<cite>{r.citation}</cite></p> }) }
                </div>
            }
            if !a.settled {
                <p class="note">{"Provisional: answer the questions marked \u{201c}decides your level\u{201d} to settle it."}</p>
            }
            if let Some(l) = &a.lifecycle {
                <p class={classes!("lifecycle", l.expired.then_some("warn"))} data-testid="lifecycle">{&l.text}<cite>{l.citation}</cite></p>
            }
            if !warned.is_empty() {
                <ul class="warnings" data-testid="warnings" aria-label="Warnings">
                    { for warned.iter().map(|w| html! {
                        <li data-warning={w.id}><strong>{"Warning: "}</strong>{&w.text}<cite>{w.citation}</cite></li>
                    }) }
                </ul>
            }
            <ul class="reasons">
                { for a.reasons.iter().map(|r| html! {
                    <li>{&r.text}<cite>{r.citation}</cite></li>
                }) }
            </ul>
            if !a.obligations.is_empty() {
                <details class="obligations" data-testid="obligations" open=true>
                    <summary>{format!("What applies to this contract ({})", a.obligations.len())}</summary>
                    <ul>
                        { for a.obligations.iter().map(|o| html! {
                            <li data-obligation={o.id}>{&o.text}<cite>{o.citation}</cite></li>
                        }) }
                    </ul>
                </details>
            }
            if p.dated {
                <details class="phase-detail">
                    <summary>{format!("What {} means for the next solicitation", a.phase.name)}</summary>
                    <p class="small">{&a.phase.text}</p>
                    <p class="small">{&a.phase.next}<cite>{a.phase.citation.clone()}</cite></p>
                </details>
            }
        </section>
    }
}

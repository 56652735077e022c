//! The banner shown when saved data could not be restored, or a JSON file was refused.

use crate::ui::browser::{clear_saved, download};
use crate::ui::hooks::{use_dispatch, use_selected};
use yew::prelude::*;

/// Says why, offers the raw saved text, and lets the user decide what happens to it.
#[function_component(RestoreBanner)]
pub fn restore_banner() -> Html {
    let failure = use_selected(|s| s.restore_failure.clone());
    let (Some(app), Some(failure)) = (use_dispatch(), failure) else {
        return Html::default();
    };
    let Some(f) = failure else {
        return html! {};
    };
    let on_download = {
        let raw = f.raw.clone();
        Callback::from(move |_: MouseEvent| {
            download("cmmc-readiness-unreadable.json", "application/json", &raw)
        })
    };
    let on_discard = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            clear_saved();
            app.dismiss_restore_failure();
        })
    };
    html! {
        <div class="banner banner-warn" role="alert" data-testid="restore-banner">
            <p><strong>{"Your saved work could not be restored: "}</strong>{f.error.to_string()}</p>
            <p>{if f.error.is_from_a_newer_release() {
                "It was saved by a newer release of this app: open it there, or download it to keep it. You are starting fresh here; nothing will overwrite it until you choose."
            } else {
                "You are starting fresh. The old data is still in this browser and nothing will overwrite it until you choose."
            }}</p>
            <div class="button-row">
                <button type="button" class="btn" onclick={on_download} data-testid="download-unreadable">{"Download the saved text"}</button>
                <button type="button" class="btn btn-danger" onclick={on_discard} data-testid="discard-unreadable">{"Delete it and continue"}</button>
            </div>
        </div>
    }
}

//! The panic hook: if the app ever panics, show a readable error panel in plain DOM (Yew may be
//! dead by then) with a button to download what is saved, so no work is lost.

use crate::ui::browser::{download, load_saved};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Installs the hook. With `panic = "abort"` in release the hook still runs before the abort.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show_panel(&message);
    }));
}

/// Shows the error panel with `message` as text, and a button to download the saved state. The
/// panic hook calls it; it is public so the browser tests can check the panel itself.
pub fn show_panel(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-panel");
    let add = |tag: &str, text: &str| {
        if let Ok(e) = document.create_element(tag) {
            // Text, never HTML: the message may quote user data.
            e.set_text_content(Some(text));
            let _ = panel.append_child(&e);
        }
    };
    add("h2", "Something went wrong");
    add(
        "p",
        "The calculator hit an internal error and stopped. Your last saved work is still in this browser: download it below, then reload the page.",
    );
    add("pre", message);
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Download my saved data"));
        let _ = button.set_attribute("type", "button");
        let onclick = Closure::<dyn Fn()>::new(|| {
            let text = load_saved().unwrap_or_else(|| "{}".into());
            download("cmmc-readiness-saved.json", "application/json", &text);
        });
        let _ = button
            .unchecked_ref::<web_sys::HtmlElement>()
            .add_event_listener_with_callback("click", onclick.as_ref().unchecked_ref());
        // The panel lives until reload, so its handler must too.
        onclick.forget();
        let _ = panel.append_child(&button);
    }
    let _ = body.prepend_with_node_1(&panel);
}

//! The browser edges: downloads as Blobs, reading files, local storage, the date and printing.
//! Everything here is an effect; components call it from callbacks, never from render.

use crate::engine::TextEncoding;
use wasm_bindgen::JsCast;

/// The local storage key holding the saved state.
pub const STORAGE_KEY: &str = "cmmc-readiness/v1";

/// Offers `text` as a file download, built in the page as a Blob (nothing leaves the device).
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        // Some browsers only honour clicks on attached anchors.
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    let url2 = url.clone();
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
    })
    .forget();
}

/// Reads a file's bytes and hands them to `done` (asynchronously).
pub fn read_file(file: web_sys::File, done: impl FnOnce(String, Vec<u8>) + 'static) {
    let name = file.name();
    let blob = gloo::file::Blob::from(file);
    yew::platform::spawn_local(async move {
        if let Ok(bytes) = gloo::file::futures::read_as_bytes(&blob).await {
            done(name, bytes);
        }
    });
}

/// Turns file bytes into text for storage, noting the encoding when it was not UTF-8. A UTF-8
/// byte order mark is kept as a character so the importer still reports "UTF-8 with BOM".
pub fn bytes_to_text(bytes: &[u8]) -> (String, Option<TextEncoding>) {
    let (text, encoding, _) = crate::engine::decode_text(bytes);
    match encoding {
        TextEncoding::Utf8 => (text, None),
        TextEncoding::Utf8Bom => (format!("\u{feff}{text}"), None),
        utf16 => (text, Some(utf16)),
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The raw saved text, if any.
pub fn load_saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Saves the text; a full or blocked storage only costs persistence, never the session.
pub fn store_saved(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, text);
    }
}

/// Deletes the saved state.
pub fn clear_saved() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

/// The device's date: the engine has no clock, so the app passes it in (and the user may change it).
pub fn today() -> crate::engine::Date {
    let d = js_sys::Date::new_0();
    let part = |v: u32| u8::try_from(v).unwrap_or(1);
    crate::engine::Date::new(
        i32::try_from(d.get_full_year()).unwrap_or(1970),
        part(d.get_month() + 1),
        part(d.get_date()),
    )
    .unwrap_or(crate::engine::Date::UNIX_EPOCH)
}

/// Opens the print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Runs `f` inside a `performance.measure(name)` entry, so the time an engine call takes can be
/// read from the browser (`scripts/bench` does) without any clock in the engine.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    out
}

/// Sets a `performance.mark(name)`, for start-up figures in `scripts/bench`.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` once, after the browser has had the chance to paint the current frame: from a task
/// queued by the next animation frame. Animation frames stop in hidden tabs, so a timer runs `f`
/// anyway if no frame comes within 250 ms.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let f = Rc::new(Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let run = {
        let f = f.clone();
        move || {
            if let Some(f) = f.take() {
                f();
            }
        }
    };
    let fallback = run.clone();
    gloo::timers::callback::Timeout::new(250, fallback).forget();
    if let Some(window) = web_sys::window() {
        let on_frame = Closure::once_into_js(move || {
            gloo::timers::callback::Timeout::new(0, run).forget();
        });
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
    }
}

/// Brings a section into view for the section navigation: opens it (and any folded section it
/// sits in), scrolls to it below the sticky strip (the CSS `scroll-margin-top` keeps it clear),
/// and moves the keyboard focus there.
pub fn reveal(id: &str) {
    let Some(el) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let mut node = Some(el.clone());
    while let Some(n) = node {
        if let Some(d) = n.dyn_ref::<web_sys::HtmlDetailsElement>() {
            d.set_open(true);
        }
        node = n.parent_element();
    }
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h.focus_with_options(&options);
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The page's fragment without the `#` (`methodology`), or empty.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Opens a page of the app as a new entry in the browser history (`#methodology`), so Back
/// returns to where the user was.
pub fn go_to(page: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(page);
    }
}

/// Goes back one entry in the browser history (to the page that opened this one).
pub fn go_back() {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.back();
    }
}

/// Calls `f` with the new fragment whenever it changes (Back, Forward, a link); the listener
/// lives as long as the returned guard.
pub fn on_hash_change(f: impl Fn(String) + 'static) -> Option<gloo::events::EventListener> {
    let w = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &w,
        "hashchange",
        move |_| f(hash()),
    ))
}

/// The value of the form field an event came from (an input, a textarea or a select), trimmed;
/// empty for anything else.
pub fn field_value(e: &yew::Event) -> String {
    use wasm_bindgen::JsCast;
    let Some(target) = e.target() else {
        return String::new();
    };
    let value = if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(area) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else if let Some(select) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    };
    value.trim().to_string()
}

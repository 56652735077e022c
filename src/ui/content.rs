//! Content only some visitors need, loaded on demand instead of compiled into the wasm: the
//! methodology text and the sample companies' files. Each is a static file of the build under
//! `content/` (index.html's `copy-file` and `copy-dir` links), fetched with a relative URL from
//! the page's own origin (the CSP's `connect-src 'self'`; the service worker precaches it with
//! every other file of the build). The single file (`scripts/single-file.py`, `connect-src
//! 'none'`) carries the same files in a data block the browser never runs, `<script
//! type="application/json" id="app-content">` (an object from each file's path to its text),
//! which is read instead. What was loaded once is kept for the session.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// `METHODOLOGY.md`, shown as the methodology page.
pub const METHODOLOGY: &str = "content/METHODOLOGY.md";
/// The bundled sample SoA (`static/sample-soa.csv`, "Acme Precision Machining").
pub const SAMPLE_SOA: &str = "content/sample-soa.csv";

/// The id of the single file's data block.
pub const INLINE_ID: &str = "app-content";

thread_local! {
    /// The files loaded so far, by path.
    static LOADED: RefCell<HashMap<&'static str, Rc<str>>> = RefCell::new(HashMap::new());
}

/// A file's loading, for a component to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Loading {
    /// Asked for, not there yet.
    Pending,
    /// The file's text.
    Ready(Rc<str>),
    /// Why it could not be loaded, in a sentence.
    Failed(String),
}

/// The text of a content file (`path` relative to the page, one of the constants above or a
/// sample's): from the session's copy, the single file's data block, or the page's origin.
pub async fn get(path: &'static str) -> Result<Rc<str>, String> {
    if let Some(text) = LOADED.with(|l| l.borrow().get(path).cloned()) {
        return Ok(text);
    }
    let text: Rc<str> = match inline(path) {
        Some(found) => found?,
        None => fetch(path).await?,
    }
    .into();
    LOADED.with(|l| l.borrow_mut().insert(path, text.clone()));
    Ok(text)
}

/// The file from the single file's data block, when the page has one.
fn inline(path: &str) -> Option<Result<String, String>> {
    let block = gloo::utils::document().get_element_by_id(INLINE_ID)?;
    let files = js_sys::JSON::parse(&block.text_content().unwrap_or_default());
    let text = files
        .ok()
        .and_then(|files| js_sys::Reflect::get(&files, &path.into()).ok())
        .and_then(|text| text.as_string());
    Some(text.ok_or_else(|| format!("{path} is not in this page")))
}

/// The file from the page's origin (or the service worker's cache of it).
async fn fetch(path: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let unreachable = || format!("{path} could not be fetched (is the network off?)");
    let window = web_sys::window().ok_or_else(unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| unreachable())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| unreachable())?;
    if !response.ok() {
        return Err(format!(
            "{path} could not be fetched (HTTP {})",
            response.status()
        ));
    }
    let text = response.text().map_err(|_| unreachable())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(unreachable)
}

//! Keeping the work in local storage without slowing an answer down: writing the saved file
//! serialises everything, the SoA's text included (hundreds of KB for a 10,000-row SoA), so a
//! change is written `SAVE_DELAY_MS` after the first change not yet written (later changes join
//! that write rather than putting it off, so steady clicking cannot hold the work back), and at
//! once when the page is hidden or left (`visibilitychange` to hidden, `pagehide`: reload,
//! close, navigation). A browser killed outright runs neither, so the delay is short: the
//! walk-through of 2026-12-07 lost the last answer to a killed browser in 5 runs of 6 with a
//! 400 ms delay that restarted on every change.
//! Deleting everything clears the storage at once. While unreadable old data awaits the user's
//! decision, nothing is written, so it is not overwritten.

use crate::engine::{save_state, SavedState};
use crate::ui::browser::{clear_saved, store_saved};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long after the first change not yet written the work is written.
pub const SAVE_DELAY_MS: u32 = 150;

/// The work not written yet.
type Pending = Rc<RefCell<Option<SavedState>>>;

/// Writes what is pending, if anything.
fn flush(pending: &Pending) {
    if let Some(saved) = pending.borrow_mut().take() {
        store_saved(&save_state(&saved));
    }
}

/// Saves `saved` as it changes (see the module's rules).
#[hook]
pub fn use_saving(saved: &SavedState, paused: bool) {
    let pending: Pending = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let pending = pending.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window().map(|w| {
                let on_hide = {
                    let pending = pending.clone();
                    EventListener::new(&w, "pagehide", move |_| flush(&pending))
                };
                let on_hidden = w.document().map(|d| {
                    let doc = d.clone();
                    EventListener::new(&d, "visibilitychange", move |_| {
                        if doc.hidden() {
                            flush(&pending);
                        }
                    })
                });
                (on_hide, on_hidden)
            });
            move || drop(listeners)
        });
    }
    use_effect_with((saved.clone(), paused), move |(saved, paused)| {
        if *paused {
            timer.borrow_mut().take();
            pending.borrow_mut().take();
        } else if *saved == SavedState::default() {
            timer.borrow_mut().take();
            pending.borrow_mut().take();
            clear_saved();
        } else {
            // A write already waiting takes the newer state; otherwise one is scheduled.
            let waiting = pending.borrow_mut().replace(saved.clone()).is_some();
            if !waiting {
                let pending = pending.clone();
                *timer.borrow_mut() = Some(Timeout::new(SAVE_DELAY_MS, move || flush(&pending)));
            }
        }
    });
}

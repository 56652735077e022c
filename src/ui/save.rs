//! Keeping the work: saving to local storage (`persist`, debounced and flushed when the page is
//! hidden), the exports (with the SSP's system description, `system`), the restore of a saved
//! file, and the banner shown when the saved work in this browser could not be read.

pub mod export;
pub mod persist;
pub mod restore_banner;
pub mod system;

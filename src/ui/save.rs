//! Keeping the work: the exports (with the SSP's system description, `system`), the restore of
//! a saved file, and the banner shown when the saved work in this browser could not be read.

pub mod export;
pub mod restore_banner;
pub mod system;

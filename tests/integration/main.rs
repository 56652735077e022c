//! The one native integration-test binary: each module tests one area of the crate.

mod catalog;
mod cli;

//! The single native integration-test binary: one module per engine area.

mod soa;

//! Integration tests: one binary (link time matters on small machines), one module per
//! concern.

mod cli_diff;
mod cli_schema;
mod cli_validate;
mod diff;
mod load;
mod model;
mod schema_contract;
mod support;

//! Integration tests: one binary (link time matters on small machines), one module per
//! concern.

mod browser;
mod cli_render;
mod cli_schema;
mod cli_validate;
mod load;
mod model;
mod schema_contract;
mod support;

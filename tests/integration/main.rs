//! Integration tests: one binary (link time matters on small machines), one module per
//! concern.

mod atomic_writes;
mod cli_convert;
mod cli_convert_text;
mod cli_diff;
mod cli_migrate;
mod cli_pipes;
mod cli_schema;
mod cli_validate;
mod cli_validate_formats;
mod cli_validate_inputs;
mod convert_corpus;
mod convert_props;
mod diagnostics_doc;
mod diff;
mod docs_fresh;
mod hostile;
mod hostile_network;
mod hostile_props;
mod load;
mod model;
mod schema_contract;
mod support;
mod text_import;
mod validate_broken;
mod validate_fast_path;

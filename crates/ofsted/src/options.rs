//! The typed options of the `ofsted`, `councils` and `council` commands (the command line reads
//! them from its arguments: `crates/cli/src/options.rs`).

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;
#[cfg(not(target_arch = "wasm32"))]
use trust_eligibility::date::Date;
#[cfg(not(target_arch = "wasm32"))]
use trust_eligibility::error::{Error, ErrorCode};

/// How to print the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Every council assessed on one date: `--as-of DATE [--ruleset ID] [--format F] [--compact]`.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, PartialEq)]
pub struct ReportOptions {
    pub as_of: Date,
    /// A ruleset named by its id; `None`: the one in force on `as_of`.
    pub ruleset: Option<String>,
    pub format: Format,
    /// JSON on one line.
    pub compact: bool,
}

/// What the `ofsted` command prints.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    /// The report of every council assessed.
    Report(ReportOptions),
    /// The pages' council data ([`councils_json`](crate::councils_json)): nothing assessed.
    CouncilsJson,
}

/// The `ofsted` command's options: `FILE... (--as-of DATE [...] | --format councils-json)`.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, PartialEq)]
pub struct OfstedOptions {
    /// Ofsted's statistics and/or the report history, its lookup, the register.
    pub paths: Vec<PathBuf>,
    pub output: Output,
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn usage_error(path: &str, detail: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::InvalidValue, path, detail)
}

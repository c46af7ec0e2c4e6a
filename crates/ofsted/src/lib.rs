//! # trust-eligibility-ofsted
//!
//! Reads Ofsted's published "Local authority inspection outcomes" (the spreadsheet as
//! published, or its sheets exported as CSV), builds every council's inspection history, and
//! assesses every council on one date with the trust-eligibility engine, the same engine as
//! everywhere else. It serves the `trust-eligibility ofsted` command ([`run`]), the browser's
//! separate wasm module (`crates/ofsted-wasm/`, which returns a [`Listing`]), and the pages'
//! council data ([`councils_json`], `www/data/councils.json`).
//!
//! What is read, and from where:
//! - [`LATEST_SHEET`] (`Inspections_as_at_31_March`): each council's latest judgements, its
//!   name and Ofsted region. It may hold an inspection that the history does not (a council
//!   last inspected under the single inspection framework, before 2018). The title above its
//!   header says the date the file is "as at".
//! - [`HISTORY_SHEET`] (`ILACS_inspection_history`): every graded ILACS inspection since 2018,
//!   and whether the council still exists.
//! - [`IN_YEAR_SHEET`] (`In-year_inspections`, optional): the year's inspections (graded ones
//!   are used) and its focused and monitoring visits, each read into the council's history with
//!   its date (the sheet's "Inspection/Visit date") and kind. The file gives neither a
//!   monitoring visit's progress nor whether a focused visit set priority actions, which are
//!   what the rules read of a visit, so those are left out, never guessed ([`VISITS_NOTE`]).
//!
//! An inspection found in several sheets (same council, same publication date) is read once;
//! where the sheets disagree the history's row is used and a warning names both rows. Every row
//! or cell that cannot be read is reported as a [`ReadWarning`] naming its sheet and row; a
//! file that is not Ofsted's format is an [`Error`](trust_eligibility::Error) naming the sheet
//! or column expected.
//!
//! The modules, by concern: `sheets` (the sheets and their cells; the spreadsheet via
//! calamine), `csv` (CSV exports), `history` (councils' histories from the rows), `read` (the
//! entry points), `assess` (every council assessed; the page's listing), `councils` (the pages'
//! council data), `render` (table, CSV, summary), `options` and `run` (the command).
//!
//! ```
//! use trust_eligibility::{date::Date, RulesetFile};
//! use trust_eligibility_ofsted::{listing, read_bytes, FileBytes};
//!
//! // Two of Ofsted's sheets exported as CSV (a made-up council, E99000001).
//! let latest = "Local authority area code,Local authority name,Ofsted region,Inspection date,Publication date,Overall effectiveness\n\
//!               E99000001,Ambridge,West Midlands,2022-11-07,2023-01-12,Inadequate\n";
//! let history = "Local authority area code,Local authority name,Local authority status,Ofsted region,Inspection date,Publication date,Inspection type,Overall effectiveness\n\
//!                E99000001,Ambridge,Current,West Midlands,2019-05-13,2019-07-01,ILACS Standard Inspection,Inadequate\n\
//!                E99000001,Ambridge,Current,West Midlands,2022-11-07,2023-01-12,ILACS Standard Inspection,Inadequate\n";
//! let data = read_bytes(&[
//!     FileBytes { name: "latest.csv", bytes: latest.as_bytes() },
//!     FileBytes { name: "history.csv", bytes: history.as_bytes() },
//! ])
//! .unwrap();
//! assert_eq!(data.councils[0].inspections.len(), 2);
//!
//! let rules = RulesetFile::default_ref().unwrap();
//! let list = listing(&data, Date::parse("2023-06-30").unwrap(), None, rules).unwrap();
//! // Inadequate twice within five years: a persistent failure, under a statutory direction.
//! assert_eq!(list.councils[0].intervention, trust_eligibility::output::Intervention::StatutoryDirection);
//! assert!(list.councils[0].persistent);
//! ```

mod assess;
mod councils;
mod csv;
mod d2i;
mod history;
mod merge;
mod options;
mod read;
mod register;
mod render;
#[cfg(not(target_arch = "wasm32"))]
mod run;
mod sheets;
#[cfg(not(target_arch = "wasm32"))]
mod shipped;

pub use assess::{
    assess_all, listing, AssessedCouncil, FormerCouncil, ListedCouncil, ListedWarning, Listing,
    NotAssessed, Report, SourceFile, Summary,
};
pub use councils::{
    councils_data, councils_json, CouncilData, CouncilsData, CouncilsSource, InspectionData,
    JudgementsData, VisitData, SOURCE_LICENCE, SOURCE_LICENCE_URL, SOURCE_PUBLISHER, SOURCE_TITLE,
    SOURCE_URL, STALE_AFTER_MONTHS,
};
pub use d2i::{
    current_code, read_lookup, Lookup, LookupCouncil, DEFAULT_LOOKUP, DEFAULT_LOOKUP_FILE,
    FORMER_CODES,
};
pub use history::{overall_of, CouncilHistory, HistoryRead, OfstedData, VisitCounts, VISITS_NOTE};
pub use options::Format;
#[cfg(not(target_arch = "wasm32"))]
pub use options::{OfstedOptions, Output, ReportOptions};
pub use read::{as_at_in, read_bytes, FileBytes};
#[cfg(not(target_arch = "wasm32"))]
pub use read::{read, read_paths};
pub use register::{read_register, Confidence, RegisterEvent, RegisterRead};
pub use render::{render_csv, render_summary, render_table};
#[cfg(not(target_arch = "wasm32"))]
pub use run::run;
pub use sheets::{
    Location, ReadWarning, SheetKind, SheetRead, HISTORY_SHEET, IN_YEAR_SHEET, LATEST_SHEET,
};
#[cfg(not(target_arch = "wasm32"))]
pub use shipped::{run_shipped, Printed, SHIPPED_PATH};

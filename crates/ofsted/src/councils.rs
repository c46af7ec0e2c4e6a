//! The pages' council data (`www/data/councils.json`): every council of the file with its
//! inspections and visits shaped as the engine's council input, and where the data came from.

use crate::history::{overall_of, CouncilHistory, OfstedData, VisitCounts};
use crate::register::RegisterEvent;
use crate::sheets::{file_name, LATEST_SHEET};
use serde::{Deserialize, Serialize};
use trust_eligibility::date::{Date, IsoDate};
use trust_eligibility::error::{Error, ErrorCode};
use trust_eligibility::input::{Framework, Grade, Inspection, Judgements, Visit, VisitKind};

/// How long after a dataset's as-at date an answer on it is still taken as current: an `asOf`
/// more than this many months later gets a warning (SPEC §3.8). The one place it is written:
/// the shipped data carries it (`staleAfterMonths`) for the pages.
pub const STALE_AFTER_MONTHS: u32 = 6;

/// The report history's attribution: the tool (MIT) and the facts (Ofsted's, OGL).
pub const HISTORY_TITLE: &str =
    "Ofsted ILACS report history (Data to Insight's ILACS scrape tool, from Ofsted's published reports)";
pub const HISTORY_PUBLISHER: &str =
    "Data to Insight (JT-39/ofsted-ilacs-scrape-tool, commit 54af59bf, 22 August 2026); the facts are Ofsted's";
pub const HISTORY_LICENCE: &str =
    "MIT (the scrape tool); Open Government Licence v3.0 (Ofsted's facts)";
pub const HISTORY_URL: &str = "https://github.com/JT-39/ofsted-ilacs-scrape-tool";
/// The register's attribution.
pub const REGISTER_TITLE: &str =
    "Register of public decisions about councils' children's services (notices, directions, commissioners, trusts)";
pub const REGISTER_PUBLISHER: &str =
    "trust-eligibility, from the Department for Education's collection and the source each decision cites";
pub const REGISTER_URL: &str =
    "https://www.gov.uk/government/collections/improvement-notices-and-directions";
pub const REGISTER_NOTE: &str = "Known to be incomplete: the Department for Education's collection \"Improvement notices and directions\" is the authority; check it, and change any fact that is wrong.";

/// The publication's title, as Ofsted names the series.
pub const SOURCE_TITLE: &str = "Local authority inspection outcomes";
/// Who publishes it.
pub const SOURCE_PUBLISHER: &str = "Ofsted";
/// Its licence.
pub const SOURCE_LICENCE: &str = "Open Government Licence v3.0";
/// The licence's text.
pub const SOURCE_LICENCE_URL: &str =
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
/// Where Ofsted publishes it: the GOV.UK collection its cover sheet links to for the release.
pub const SOURCE_URL: &str =
    "https://www.gov.uk/government/collections/childrens-social-care-statistics";

/// Where the pages' council data came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilsSource {
    pub title: String,
    pub publisher: String,
    pub licence: String,
    pub licence_url: String,
    /// The date the file is "as at", read from it.
    pub as_at: IsoDate,
    /// The file's name.
    pub file: String,
    pub url: String,
    /// What a user should know about it (the register: incomplete).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An inspection as the engine's council input takes it (SPEC §3.1), with the keys the file
/// gives nothing for left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InspectionData {
    pub published: IsoDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspected: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<Framework>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<Grade>,
    /// Every key judgement, `null` where the file gives none; left out when it gives none at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgements: Option<JudgementsData>,
    /// The address of the published report (`https:` or `http:` only), its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
}

/// The key judgements, each `null` when not given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgementsData {
    pub help_and_protection: Option<Grade>,
    pub children_in_care: Option<Grade>,
    pub care_leavers: Option<Grade>,
    pub leadership: Option<Grade>,
}

/// A visit as the engine's council input takes it: the file gives its date and kind only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VisitData {
    pub date: IsoDate,
    pub kind: VisitKind,
}

/// One council of the pages' data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilData {
    pub name: String,
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Marked "No longer exists" in the file.
    pub former: bool,
    pub inspections: Vec<InspectionData>,
    pub visits: Vec<VisitData>,
    /// Other names it is known by (the lookup's: "BCP", "Hull"), for a forgiving picker.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
    /// Codes it had before (ONS codes that changed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_codes: Vec<String>,
    /// The DfE's statistical neighbours, by ONS code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub neighbours: Vec<String>,
    /// Public decisions from the register, oldest first: `{event, date, source}` as the
    /// engine's `status.events` take them (SPEC §3.7), with `precision` and `confidence`, which
    /// the pages show and leave out of the engine's input.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<RegisterEvent>,
}

/// The pages' council data: every council of the file (former ones marked), sorted by name,
/// each with its inspections and visits shaped as the engine's input, and the file's source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilsData {
    /// Ofsted's statistics (the base).
    pub source: CouncilsSource,
    /// The report history merged into them, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<CouncilsSource>,
    /// The register of public decisions, when read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<CouncilsSource>,
    /// [`STALE_AFTER_MONTHS`].
    #[serde(default = "stale_after")]
    pub stale_after_months: u32,
    pub councils: Vec<CouncilData>,
}

fn stale_after() -> u32 {
    STALE_AFTER_MONTHS
}

impl CouncilData {
    fn of(c: &CouncilHistory, former: bool) -> CouncilData {
        CouncilData {
            name: c.name.clone(),
            code: c.code.clone(),
            region: c.region.clone(),
            former,
            inspections: c
                .inspections
                .iter()
                .map(|i| InspectionData {
                    published: i.published,
                    inspected: i.inspected,
                    framework: i.framework,
                    overall: overall_of(i),
                    judgements: i.judgements.as_ref().map(|j| JudgementsData {
                        help_and_protection: j.help_and_protection,
                        children_in_care: j.children_in_care,
                        care_leavers: j.care_leavers,
                        leadership: j.leadership,
                    }),
                    report: i.report.clone(),
                })
                .collect(),
            visits: c
                .visits
                .iter()
                .map(|v| VisitData {
                    date: v.date,
                    kind: v.kind,
                })
                .collect(),
            other_names: c.aliases.clone(),
            other_codes: c.other_codes.clone(),
            neighbours: c.neighbours.clone(),
            events: c.events.clone(),
        }
    }

    /// The council's record again, as the reader gives it (for the shipped data's commands).
    fn history(&self) -> CouncilHistory {
        CouncilHistory {
            code: self.code.clone(),
            name: self.name.clone(),
            region: self.region.clone(),
            inspections: self
                .inspections
                .iter()
                .map(|i| Inspection {
                    published: i.published,
                    inspected: i.inspected,
                    framework: i.framework,
                    overall: i.overall,
                    judgements: i.judgements.as_ref().map(|j| Judgements {
                        help_and_protection: j.help_and_protection,
                        children_in_care: j.children_in_care,
                        care_leavers: j.care_leavers,
                        leadership: j.leadership,
                    }),
                    report: i.report.clone(),
                })
                .collect(),
            visits: self
                .visits
                .iter()
                .map(|v| Visit {
                    date: v.date,
                    kind: v.kind,
                    progress: None,
                    priority_actions: None,
                })
                .collect(),
            aliases: self.other_names.clone(),
            other_codes: self.other_codes.clone(),
            neighbours: self.neighbours.clone(),
            events: self.events.clone(),
        }
    }
}

impl CouncilsData {
    /// The shipped data as the reader's [`OfstedData`], to assess with [`assess_all`](crate::assess_all).
    pub fn to_ofsted_data(&self, path: &str) -> OfstedData {
        let (gone, current): (Vec<&CouncilData>, Vec<&CouncilData>) =
            self.councils.iter().partition(|c| c.former);
        let councils: Vec<CouncilHistory> = current.iter().map(|c| c.history()).collect();
        let no_longer_exists: Vec<CouncilHistory> = gone.iter().map(|c| c.history()).collect();
        let all: Vec<Visit> = councils
            .iter()
            .chain(&no_longer_exists)
            .flat_map(|c| c.visits.iter().cloned())
            .collect();
        OfstedData {
            path: path.to_string(),
            format: "json",
            sheets: Vec::new(),
            latest_published: councils
                .iter()
                .flat_map(|c| c.inspections.iter().map(|i| i.published))
                .max(),
            councils,
            no_longer_exists,
            visits: VisitCounts::of(&all),
            as_at: Some(self.source.as_at),
            warnings: Vec::new(),
            history: None,
            register: self.register.as_ref().map(|r| {
                let mut read = crate::register::RegisterRead {
                    file: r.file.clone(),
                    ..Default::default()
                };
                for e in self.councils.iter().flat_map(|c| &c.events) {
                    read.events += 1;
                    *read
                        .by_event
                        .entry(crate::register::event_id(e.event))
                        .or_default() += 1;
                    *read
                        .by_confidence
                        .entry(e.confidence.id().to_string())
                        .or_default() += 1;
                }
                read
            }),
            register_as_at: self.register.as_ref().map(|r| r.as_at),
        }
    }

    /// Each dataset and the date it is as at: `(what, as at)`, the reports first (the later of
    /// the statistics and the history), then the register.
    pub fn as_at_dates(&self) -> Vec<(&'static str, Date)> {
        let reports = self
            .history
            .as_ref()
            .map_or(self.source.as_at, |h| h.as_at.max(self.source.as_at));
        let mut out = vec![("Ofsted's reports", reports)];
        if let Some(r) = &self.register {
            out.push(("the register of public decisions", r.as_at));
        }
        out
    }

    /// "Data as at" in words, and a warning for each dataset `as_of` is more than
    /// [`STALE_AFTER_MONTHS`] after (SPEC §3.8).
    pub fn freshness(&self, as_of: Date) -> (String, Vec<String>) {
        let dates = self.as_at_dates();
        let said = dates
            .iter()
            .map(|(what, d)| format!("{what} as at {d}"))
            .collect::<Vec<_>>()
            .join("; ");
        let warnings = dates
            .iter()
            .filter(|(_, d)| as_of > d.add_months(i64::from(self.stale_after_months)))
            .map(|(what, d)| {
                format!(
                    "{what} {} as at {d}, more than {} months before {as_of}: later reports and decisions are not in it",
                    if what.ends_with('s') { "are" } else { "is" },
                    self.stale_after_months
                )
            })
            .collect();
        (format!("Data: {said}."), warnings)
    }
}

/// The pages' council data from what was read: an error when the file does not say the date
/// it is "as at".
pub fn councils_data(data: &OfstedData) -> Result<CouncilsData, Error> {
    let as_at = data.as_at.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingField,
            LATEST_SHEET,
            format_args!(
                "{} does not say the date it is \"as at\": expected a title such as \"Local authority inspection judgements as at 31 March 2025\" above the header of {LATEST_SHEET}, or a file name such as LA_Inspection_Outcomes_as_at_31_March_2025.ods or latest_as_at_2025-03-31.csv",
                data.path
            ),
        )
    })?;
    let mut councils: Vec<CouncilData> = data
        .councils
        .iter()
        .map(|c| CouncilData::of(c, false))
        .chain(
            data.no_longer_exists
                .iter()
                .map(|c| CouncilData::of(c, true)),
        )
        .collect();
    councils
        .sort_by(|a, b| (a.name.to_lowercase(), &a.code).cmp(&(b.name.to_lowercase(), &b.code)));
    let stats_file = data
        .sheets
        .iter()
        .find(|s| s.sheet == crate::sheets::SheetKind::Latest)
        .map_or_else(
            || file_name(&data.path).to_string(),
            |s| file_name(&s.file).to_string(),
        );
    let file_of = |kind: crate::sheets::SheetKind| {
        data.sheets
            .iter()
            .find(|s| s.sheet == kind)
            .map(|s| file_name(&s.file).to_string())
            .unwrap_or_default()
    };
    let history = data.history.as_ref().and_then(|h| {
        Some(CouncilsSource {
            title: HISTORY_TITLE.to_string(),
            publisher: HISTORY_PUBLISHER.to_string(),
            licence: HISTORY_LICENCE.to_string(),
            licence_url: SOURCE_LICENCE_URL.to_string(),
            as_at: h.as_at?,
            file: file_name(&h.file).to_string(),
            url: HISTORY_URL.to_string(),
            note: None,
        })
    });
    let register = data.register.as_ref().and_then(|_| {
        Some(CouncilsSource {
            title: REGISTER_TITLE.to_string(),
            publisher: REGISTER_PUBLISHER.to_string(),
            licence: SOURCE_LICENCE.to_string(),
            licence_url: SOURCE_LICENCE_URL.to_string(),
            as_at: data.register_as_at?,
            file: file_of(crate::sheets::SheetKind::Register),
            url: REGISTER_URL.to_string(),
            note: Some(REGISTER_NOTE.to_string()),
        })
    });
    Ok(CouncilsData {
        source: CouncilsSource {
            title: SOURCE_TITLE.to_string(),
            publisher: SOURCE_PUBLISHER.to_string(),
            licence: SOURCE_LICENCE.to_string(),
            licence_url: SOURCE_LICENCE_URL.to_string(),
            as_at,
            file: stats_file,
            url: SOURCE_URL.to_string(),
            note: None,
        },
        history,
        register,
        stale_after_months: STALE_AFTER_MONTHS,
        councils,
    })
}

/// [`councils_data`] as compact JSON text, as `www/data/councils.json` holds it (without the
/// final line break the file ends with).
pub fn councils_json(data: &OfstedData) -> Result<String, Error> {
    serde_json::to_string(&councils_data(data)?).map_err(|e| {
        Error::new(
            ErrorCode::InvalidValue,
            "",
            format_args!("cannot write JSON: {e}"),
        )
    })
}

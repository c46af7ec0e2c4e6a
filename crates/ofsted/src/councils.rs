//! The pages' council data (`www/data/councils.json`): every council of the file with its
//! inspections and visits shaped as the engine's council input, and where the data came from.

use crate::history::{overall_of, CouncilHistory, OfstedData};
use crate::sheets::{file_name, LATEST_SHEET};
use serde::Serialize;
use trust_eligibility::date::IsoDate;
use trust_eligibility::error::{Error, ErrorCode};
use trust_eligibility::input::{Framework, Grade, VisitKind};

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilsSource {
    pub title: &'static str,
    pub publisher: &'static str,
    pub licence: &'static str,
    pub licence_url: &'static str,
    /// The date the file is "as at", read from it.
    pub as_at: IsoDate,
    /// The file's name.
    pub file: String,
    pub url: &'static str,
}

/// An inspection as the engine's council input takes it (SPEC §3.1), with the keys the file
/// gives nothing for left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InspectionData {
    pub published: IsoDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inspected: Option<IsoDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub framework: Option<Framework>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<Grade>,
    /// Every key judgement, `null` where the file gives none; left out when it gives none at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub judgements: Option<JudgementsData>,
}

/// The key judgements, each `null` when not given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JudgementsData {
    pub help_and_protection: Option<Grade>,
    pub children_in_care: Option<Grade>,
    pub care_leavers: Option<Grade>,
    pub leadership: Option<Grade>,
}

/// A visit as the engine's council input takes it: the file gives its date and kind only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VisitData {
    pub date: IsoDate,
    pub kind: VisitKind,
}

/// One council of the pages' data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilData {
    pub name: String,
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Marked "No longer exists" in the file.
    pub former: bool,
    pub inspections: Vec<InspectionData>,
    pub visits: Vec<VisitData>,
}

/// The pages' council data: every council of the file (former ones marked), sorted by name,
/// each with its inspections and visits shaped as the engine's input, and the file's source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CouncilsData {
    pub source: CouncilsSource,
    pub councils: Vec<CouncilData>,
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
        }
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
    Ok(CouncilsData {
        source: CouncilsSource {
            title: SOURCE_TITLE,
            publisher: SOURCE_PUBLISHER,
            licence: SOURCE_LICENCE,
            licence_url: SOURCE_LICENCE_URL,
            as_at,
            file: file_name(&data.path).to_string(),
            url: SOURCE_URL,
        },
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

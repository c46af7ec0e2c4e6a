//! Typed inputs (SPEC §3.1, §4.1): camelCase JSON, unknown keys rejected, limits checked.

use crate::codes::Code;
use crate::date::{Date, IsoDate, PartialDate};
use crate::error::{Error, ErrorCode};

/// At most this many inspections, visits, concerns or registered services in one input (SPEC §6).
pub const MAX_ITEMS: usize = 1000;
/// At most this many characters in any string (SPEC §6).
pub const MAX_CHARS: usize = 200;

/// An Ofsted grade. Accepts the snake_case ids and Ofsted's own wording in any case
/// ("Requires improvement to be good").
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::VariantNames,
)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    serde(rename_all = "snake_case")
)]
pub enum Grade {
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

crate::codes::code_serde!(Grade);

impl Grade {
    /// Reads a grade from an id or Ofsted's wording.
    ///
    /// ```
    /// use trust_eligibility::input::Grade;
    /// assert_eq!(Grade::from_words("Requires improvement to be good"), Some(Grade::RequiresImprovement));
    /// assert_eq!(Grade::from_words("INADEQUATE"), Some(Grade::Inadequate));
    /// assert_eq!(Grade::from_words("poor"), None);
    /// ```
    pub fn from_words(s: &str) -> Option<Grade> {
        // The codes themselves, as most inputs give them, without normalising.
        if let Some(g) = Grade::from_code(s) {
            return Some(g);
        }
        let norm: String = s
            .trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        // Ofsted's own wording of requires improvement says what it is to be.
        match norm.strip_suffix("_to_be_good") {
            Some(grade) => Grade::from_code(grade).filter(|g| *g == Grade::RequiresImprovement),
            None => Grade::from_code(&norm),
        }
    }

    /// Good or outstanding.
    pub fn is_good_or_better(self) -> bool {
        matches!(self, Grade::Good | Grade::Outstanding)
    }
}

/// What a grade in input must be (also the wording of the error when it is not).
struct GradeExpecting;

impl std::fmt::Display for GradeExpecting {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let codes = Grade::codes();
        f.write_str("a grade: ")?;
        for (i, c) in codes.iter().enumerate() {
            f.write_str(match i {
                0 => "",
                i if i + 1 == codes.len() => " or ",
                _ => ", ",
            })?;
            f.write_str(c)?;
        }
        Ok(())
    }
}

impl serde::de::Expected for GradeExpecting {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl<'de> serde::Deserialize<'de> for Grade {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Grade, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Grade;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                std::fmt::Display::fmt(&GradeExpecting, f)
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Grade, E> {
                Grade::from_words(s).ok_or_else(|| {
                    let shown: String = s.chars().take(40).collect();
                    E::invalid_value(serde::de::Unexpected::Str(&shown), &GradeExpecting)
                })
            }
        }
        d.deserialize_str(Visit)
    }
}

crate::codes::code_enum! {
/// The Ofsted inspection framework.
pub enum Framework {
    /// Single inspection framework, November 2013 to 2017.
    Sif,
    /// Inspecting local authority children's services, from January 2018.
    Ilacs,
}
}

/// The key judgements of an inspection; `null` or absent where not given.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Judgements {
    #[serde(default)]
    pub help_and_protection: Option<Grade>,
    #[serde(default)]
    pub children_in_care: Option<Grade>,
    #[serde(default)]
    pub care_leavers: Option<Grade>,
    #[serde(default)]
    pub leadership: Option<Grade>,
}

/// Which reading of the key judgements gave a report's grade (SPEC §3.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A judgement on children's experiences is inadequate.
    Inadequate,
    /// Every key judgement given is good or outstanding.
    Good,
    /// Otherwise.
    RequiresImprovement,
    /// Otherwise, where leadership is the only inadequate judgement.
    RequiresImprovementLeadership,
}

impl Reading {
    /// The grade this reading gives.
    pub fn grade(self) -> Grade {
        match self {
            Reading::Inadequate => Grade::Inadequate,
            Reading::Good => Grade::Good,
            Reading::RequiresImprovement | Reading::RequiresImprovementLeadership => {
                Grade::RequiresImprovement
            }
        }
    }
}

/// Where the grade the rules used came from (SPEC §3.5 `findings.gradeFrom`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum GradeFrom {
    /// Ofsted's overall effectiveness grade.
    Overall,
    /// The checker's reading of the key judgements (SPEC §3.6).
    Judgements,
}

impl Judgements {
    /// The judgements on children's experiences: help and protection, children in care, care
    /// leavers (leadership is not one).
    pub fn child_experience(&self) -> impl Iterator<Item = Grade> {
        [
            self.help_and_protection,
            self.children_in_care,
            self.care_leavers,
        ]
        .into_iter()
        .flatten()
    }

    /// SPEC §3.6: inadequate if any judgement on children's experiences is; good if every
    /// judgement given is good or outstanding; otherwise requires improvement. `None` without
    /// any judgement on children's experiences.
    pub fn reading(&self) -> Option<Reading> {
        self.child_experience().next()?;
        Some(if self.child_experience().any(|g| g == Grade::Inadequate) {
            Reading::Inadequate
        } else if self.given().all(Grade::is_good_or_better) {
            Reading::Good
        } else if self.leadership == Some(Grade::Inadequate) {
            Reading::RequiresImprovementLeadership
        } else {
            Reading::RequiresImprovement
        })
    }

    /// The judgements that were given, in a fixed order.
    pub fn given(&self) -> impl Iterator<Item = Grade> + '_ {
        [
            self.help_and_protection,
            self.children_in_care,
            self.care_leavers,
            self.leadership,
        ]
        .into_iter()
        .flatten()
    }
}

/// One Ofsted inspection of a council's children's services.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Inspection {
    /// When the report was published: every rule counts from this date.
    pub published: IsoDate,
    #[serde(default)]
    pub inspected: Option<IsoDate>,
    /// When absent, inferred: ILACS for inspections from 2018-01-01 (by inspection date, or
    /// publication date when that is all there is), SIF before.
    #[serde(default)]
    pub framework: Option<Framework>,
    /// Ofsted's overall effectiveness grade; absent on reports from April 2026, which give the
    /// key judgements only (SPEC §3.6). Left out, not `null`, when there is none.
    #[serde(default, deserialize_with = "present")]
    pub overall: Option<Grade>,
    #[serde(default)]
    pub judgements: Option<Judgements>,
    /// The address of the published report (on files.ofsted.gov.uk), its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
}

impl Inspection {
    /// The grade the rules use (SPEC §3.4): the overall grade when given, else the reading of
    /// the key judgements (SPEC §3.6); `None` when neither is given (refused by validation).
    ///
    /// ```
    /// use trust_eligibility::input::{Grade, Inspection, Judgements};
    /// let report = Inspection {
    ///     published: trust_eligibility::date::Date::parse("2026-06-15").unwrap(),
    ///     inspected: None,
    ///     framework: None,
    ///     overall: None,
    ///     judgements: Some(Judgements { leadership: Some(Grade::Inadequate),
    ///         help_and_protection: Some(Grade::Good), ..Judgements::default() }),
    ///     report: None,
    /// };
    /// // Leadership alone inadequate reads as requires improvement.
    /// assert_eq!(report.grade(), Some(Grade::RequiresImprovement));
    /// ```
    pub fn grade(&self) -> Option<Grade> {
        self.overall.or_else(|| self.reading().map(Reading::grade))
    }

    /// How the key judgements read, for a report without an overall grade.
    pub fn reading(&self) -> Option<Reading> {
        match self.overall {
            Some(_) => None,
            None => self.judgements.as_ref().and_then(Judgements::reading),
        }
    }

    /// The framework given, or inferred from the date.
    pub fn framework_or_inferred(&self) -> Framework {
        self.framework.unwrap_or_else(|| {
            let date = self.inspected.unwrap_or(self.published);
            match Date::from_ymd(2018, 1, 1) {
                Some(ilacs) if date >= ilacs => Framework::Ilacs,
                _ => Framework::Sif,
            }
        })
    }
}

crate::codes::code_enum! {
/// The kind of an Ofsted visit between inspections.
pub enum VisitKind {
    Monitoring,
    Focused,
}
}

crate::codes::code_enum! {
/// What a monitoring visit found.
pub enum Progress {
    Significant,
    Some,
    Insufficient,
}
}

/// An Ofsted monitoring or focused visit.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Visit {
    pub date: IsoDate,
    pub kind: VisitKind,
    #[serde(default)]
    pub progress: Option<Progress>,
    #[serde(default)]
    pub priority_actions: Option<bool>,
}

crate::codes::code_enum! {
/// The kind of a concern that can trigger an emergency inspection.
pub enum ConcernKind {
    Whistleblower,
    PoorLeadership,
    SeriousIncident,
}
}

impl ConcernKind {
    /// In plain words.
    pub fn words(self) -> &'static str {
        match self {
            ConcernKind::Whistleblower => "a whistle-blower complaint",
            ConcernKind::PoorLeadership => "evidence of poor leadership",
            ConcernKind::SeriousIncident => "a serious incident",
        }
    }
}

/// A concern raised about a council's children's services.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Concern {
    pub date: IsoDate,
    pub kind: ConcernKind,
}

/// Which council.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Council {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
}

/// Current arrangements for a council's children's services.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct CouncilStatus {
    #[serde(default)]
    pub commissioner_appointed: Option<IsoDate>,
    #[serde(default)]
    pub trust_since: Option<IsoDate>,
    /// When the council's current improvement notice was issued (none when absent).
    #[serde(default)]
    pub improvement_notice_issued: Option<IsoDate>,
    /// When the council's current statutory direction was issued (none when absent).
    #[serde(default)]
    pub direction_issued: Option<IsoDate>,
    /// The council's dated public decisions, instead of the four dates above: the engine
    /// works out what is in force on `asOf` (SPEC §3.7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<StatusEvent>>,
}

impl CouncilStatus {
    /// Whether any of the four dates is given (they may not be given with `events`).
    pub fn has_dates(&self) -> bool {
        self.commissioner_appointed.is_some()
            || self.trust_since.is_some()
            || self.improvement_notice_issued.is_some()
            || self.direction_issued.is_some()
    }
}

crate::codes::code_enum! {
/// The kind of a public decision about a council's children's services (SPEC §3.7).
pub enum EventKind {
    ImprovementNotice,
    NoticeLifted,
    /// A statutory direction; a revised direction is another.
    StatutoryDirection,
    DirectionRevoked,
    CommissionerAppointed,
    /// A DfE improvement adviser in place of the commissioner (the council keeps control).
    ImprovementAdviserAppointed,
    TrustDirection,
    TrustEstablished,
    TrustEnded,
}
}

/// Where a fact was published.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct EventSource {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// One dated public decision about a council (SPEC §3.7).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct StatusEvent {
    pub event: EventKind,
    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the source gives no day.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub date: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<EventSource>,
}

/// The council assessment's input (SPEC §3.1).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct CouncilInput {
    #[serde(default)]
    pub council: Option<Council>,
    pub as_of: IsoDate,
    #[serde(default)]
    pub ruleset: Option<String>,
    pub inspections: Vec<Inspection>,
    #[serde(default, deserialize_with = "null_as_none")]
    pub visits: Vec<Visit>,
    #[serde(default, deserialize_with = "null_as_none")]
    pub concerns: Vec<Concern>,
    #[serde(default)]
    pub status: Option<CouncilStatus>,
}

crate::codes::code_enum! {
/// What kind of organisation wants to sponsor.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::input))]
pub enum OrgKind {
    Charity,
    CommunityInterestCompany,
    CompanyLimitedByGuarantee,
    ExpertTeam,
    PrivateCompany,
    LocalAuthority,
}
}

/// The organisation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Organisation {
    #[serde(default)]
    pub name: Option<String>,
    pub kind: OrgKind,
    #[serde(default)]
    pub not_for_profit: Option<bool>,
    #[serde(default)]
    pub based_in_england: Option<bool>,
}

/// A sponsoring council's own intervention status.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct SponsorStatus {
    #[serde(default)]
    pub improvement_notice: Option<bool>,
    #[serde(default)]
    pub direction: Option<bool>,
}

crate::codes::code_enum! {
/// The kind of an Ofsted-registered service.
pub enum ProvisionKind {
    ChildrensHome,
    FosteringAgency,
    AdoptionAgency,
    ResidentialFamilyCentre,
    Other,
}
}

/// An Ofsted-registered service the organisation runs, with its latest grade.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Provision {
    pub kind: ProvisionKind,
    pub grade: Grade,
    #[serde(default)]
    pub published: Option<IsoDate>,
}

/// The organisation's experience.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Experience {
    #[serde(default)]
    pub years_delivering_childrens_services: Option<f64>,
    #[serde(default, deserialize_with = "count")]
    pub leaders_with_dcs_experience: Option<u32>,
    #[serde(default, deserialize_with = "count")]
    pub qualified_social_workers: Option<u32>,
    /// `[]`: none; absent or `null`: not known (SPEC §4.1).
    #[serde(default)]
    pub registered_provision: Option<Vec<Provision>>,
}

/// The organisation's governance.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Governance {
    #[serde(default)]
    pub safeguarding_lead_on_board: Option<bool>,
    #[serde(default, deserialize_with = "count")]
    pub independent_board_members: Option<u32>,
    #[serde(default)]
    pub conflict_of_interest_policy: Option<bool>,
    #[serde(default)]
    pub whistleblowing_policy: Option<bool>,
}

/// The organisation's finances.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Finances {
    #[serde(default)]
    pub annual_income_gbp: Option<f64>,
    #[serde(default)]
    pub reserves_months: Option<f64>,
}

/// Open regulatory matters.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Regulatory {
    #[serde(default)]
    pub open_enforcement_action: Option<bool>,
    #[serde(default)]
    pub open_charity_commission_inquiry: Option<bool>,
}

/// The sponsor assessment's input (SPEC §4.1).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct SponsorInput {
    pub as_of: IsoDate,
    #[serde(default)]
    pub ruleset: Option<String>,
    pub organisation: Organisation,
    #[serde(default, deserialize_with = "null_as_none")]
    pub own_inspections: Vec<Inspection>,
    #[serde(default)]
    pub status: Option<SponsorStatus>,
    #[serde(default)]
    pub experience: Option<Experience>,
    #[serde(default)]
    pub governance: Option<Governance>,
    #[serde(default)]
    pub finances: Option<Finances>,
    #[serde(default)]
    pub regulatory: Option<Regulatory>,
}

/// A string for an error message: quoted, and cut short when long.
pub fn quote_short(s: &str) -> String {
    const SHOWN: usize = 40;
    let mut out = String::from("\"");
    for (i, c) in s.chars().enumerate() {
        if i == SHOWN {
            out.push_str("...");
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn check_len<T>(items: &[T], path: &str) -> Result<(), Error> {
    if items.len() > MAX_ITEMS {
        return Err(Error::new(
            ErrorCode::TooMany,
            path,
            format_args!("has {} items; at most {MAX_ITEMS} are allowed", items.len()),
        )
        .with_limit(MAX_ITEMS as u64));
    }
    Ok(())
}

fn check_reports(inspections: &[Inspection], field: &str) -> Result<(), Error> {
    for (i, insp) in inspections.iter().enumerate() {
        check_str(&insp.report, &format!("{field}[{i}].report"))?;
    }
    Ok(())
}

/// The events and the four dates are two ways of giving a status, never both (SPEC §3.1).
fn check_status(status: &CouncilStatus) -> Result<(), Error> {
    let Some(events) = &status.events else {
        return Ok(());
    };
    if status.has_dates() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            "status",
            "gives both events and the dates of a notice, direction, commissioner or trust; give one or the other",
        ));
    }
    check_len(events, "status.events")?;
    for (i, e) in events.iter().enumerate() {
        if let Some(src) = &e.source {
            check_str(&src.title, &format!("status.events[{i}].source.title"))?;
            check_str(&src.url, &format!("status.events[{i}].source.url"))?;
        }
    }
    Ok(())
}

fn check_str(s: &Option<String>, path: &str) -> Result<(), Error> {
    if let Some(s) = s {
        let n = s.chars().count();
        if n > MAX_CHARS {
            return Err(Error::new(
                ErrorCode::TooLong,
                path,
                format_args!("is {n} characters long; at most {MAX_CHARS} are allowed"),
            )
            .with_limit(MAX_CHARS as u64));
        }
    }
    Ok(())
}

fn check_number(x: Option<f64>, path: &str) -> Result<(), Error> {
    match x {
        Some(v) if !v.is_finite() => Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            "must be a finite number",
        )),
        Some(v) if v < 0.0 => Err(Error::new(
            ErrorCode::InvalidValue,
            path,
            format_args!("must be 0 or more, not {}", crate::text::number(v)),
        )),
        _ => Ok(()),
    }
}

/// Two inspections published on the same day are an error (SPEC §3.2).
pub(crate) fn check_same_day(inspections: &[Inspection], field: &str) -> Result<(), Error> {
    let mut order: Vec<usize> = (0..inspections.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| inspections[i].published);
    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if inspections[a].published == inspections[b].published {
            return Err(Error::new(
                ErrorCode::DuplicateInspection,
                format!("{field}[{b}].published"),
                format_args!(
                    "{field}[{a}] was also published on {}; two inspections cannot be published on the same day",
                    inspections[a].published
                ),
            )
            .with_index(a as u64));
        }
    }
    Ok(())
}

/// A report without an overall grade is allowed only when published on or after
/// `dropped_from`, and must then give a judgement on children's experiences (SPEC §3.1).
pub fn check_overall(
    inspections: &[Inspection],
    field: &str,
    dropped_from: Option<Date>,
) -> Result<(), Error> {
    for (i, insp) in inspections.iter().enumerate() {
        if insp.overall.is_some() {
            continue;
        }
        match dropped_from {
            Some(d) if insp.published >= d => {
                if insp.reading().is_none() {
                    return Err(Error::new(
                        ErrorCode::MissingField,
                        format!("{field}[{i}].judgements"),
                        "a report without an overall grade must give at least one of helpAndProtection, childrenInCare or careLeavers",
                    ));
                }
            }
            _ => {
                let since = dropped_from.map_or_else(String::new, |d| {
                    format!(" (reports published from {d} may leave it out)")
                });
                return Err(Error::new(
                    ErrorCode::MissingField,
                    format!("{field}[{i}].overall"),
                    format_args!(
                        "is required for a report published on {}{since}",
                        insp.published
                    ),
                ));
            }
        }
    }
    Ok(())
}

impl CouncilInput {
    /// Checks what serde cannot: the limits of SPEC §6 and same-day inspections.
    pub fn validate(&self) -> Result<(), Error> {
        if let Some(c) = &self.council {
            check_str(&c.name, "council.name")?;
            check_str(&c.code, "council.code")?;
        }
        check_str(&self.ruleset, "ruleset")?;
        check_len(&self.inspections, "inspections")?;
        check_len(&self.visits, "visits")?;
        check_len(&self.concerns, "concerns")?;
        check_reports(&self.inspections, "inspections")?;
        if let Some(status) = &self.status {
            check_status(status)?;
        }
        check_same_day(&self.inspections, "inspections")
    }
}

impl SponsorInput {
    /// Checks what serde cannot: the limits of SPEC §6, numbers, same-day inspections.
    pub fn validate(&self) -> Result<(), Error> {
        check_str(&self.organisation.name, "organisation.name")?;
        check_str(&self.ruleset, "ruleset")?;
        check_len(&self.own_inspections, "ownInspections")?;
        check_reports(&self.own_inspections, "ownInspections")?;
        check_same_day(&self.own_inspections, "ownInspections")?;
        if let Some(e) = &self.experience {
            check_number(
                e.years_delivering_childrens_services,
                "experience.yearsDeliveringChildrensServices",
            )?;
            if let Some(p) = &e.registered_provision {
                check_len(p, "experience.registeredProvision")?;
            }
        }
        if let Some(f) = &self.finances {
            check_number(f.annual_income_gbp, "finances.annualIncomeGbp")?;
            check_number(f.reserves_months, "finances.reservesMonths")?;
        }
        Ok(())
    }
}

crate::object_only!(
    Judgements,
    Inspection,
    Visit,
    Concern,
    Council,
    CouncilStatus,
    EventSource,
    StatusEvent,
    CouncilInput,
    Organisation,
    SponsorStatus,
    Provision,
    Experience,
    Governance,
    Finances,
    Regulatory,
    SponsorInput
);

/// A value that may be left out, but is not `null` when given.
fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// A list that may be given as `null`, read as empty.
fn null_as_none<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    Ok(<Option<Vec<T>> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// A count of people: a whole number, 0 or more (`-0` is 0; `1.5` and `-1` are errors).
fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    use serde::de::{Error as _, Unexpected};
    const WANT: &str = "a whole number, 0 or more";
    match <Option<f64> as serde::Deserialize>::deserialize(d)? {
        None => Ok(None),
        Some(x)
            if x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x.abs()) && x >= 0.0
                || x == 0.0 =>
        {
            Ok(Some(x.abs() as u32))
        }
        Some(x) => Err(D::Error::invalid_value(Unexpected::Float(x), &WANT)),
    }
}

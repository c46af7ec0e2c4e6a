//! Typed inputs (SPEC §3.1, §4.1): camelCase JSON, unknown keys rejected, limits checked.

use crate::date::Date;
use crate::error::{Error, ErrorCode};
use crate::json::{FromJson, Json, Path};

/// At most this many inspections, visits, concerns or registered services in one input (SPEC §6).
pub const MAX_ITEMS: usize = 1000;
/// At most this many characters in any string (SPEC §6).
pub const MAX_CHARS: usize = 200;

/// An Ofsted grade. Accepts the snake_case ids and Ofsted's own wording in any case
/// ("Requires improvement to be good").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Grade {
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

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
        // The ids themselves, as most inputs give them, without normalising.
        match s {
            "outstanding" => return Some(Grade::Outstanding),
            "good" => return Some(Grade::Good),
            "requires_improvement" => return Some(Grade::RequiresImprovement),
            "inadequate" => return Some(Grade::Inadequate),
            _ => {}
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
        match norm.as_str() {
            "outstanding" => Some(Grade::Outstanding),
            "good" => Some(Grade::Good),
            "requires_improvement" | "requires_improvement_to_be_good" => {
                Some(Grade::RequiresImprovement)
            }
            "inadequate" => Some(Grade::Inadequate),
            _ => None,
        }
    }

    /// The grade in plain words ("requires improvement to be good").
    pub fn words(self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::RequiresImprovement => "requires improvement to be good",
            Grade::Inadequate => "inadequate",
        }
    }

    /// Good or outstanding.
    pub fn is_good_or_better(self) -> bool {
        matches!(self, Grade::Good | Grade::Outstanding)
    }
}

impl FromJson for Grade {
    const EXPECTING: &'static str =
        "a grade: outstanding, good, requires_improvement or inadequate";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        let Json::Str(s) = v else {
            return Err(crate::json::wrong_type(v, at, Self::EXPECTING));
        };
        Grade::from_words(s).ok_or_else(|| {
            Error::new(
                ErrorCode::InvalidValue,
                at.render(),
                format_args!(
                    "{} is not a grade (expected outstanding, good, requires_improvement or inadequate)",
                    quote_short(s)
                ),
            )
        })
    }
}

/// The Ofsted inspection framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Framework {
    /// Single inspection framework, November 2013 to 2017.
    Sif,
    /// Inspecting local authority children's services, from January 2018.
    Ilacs,
}

/// The key judgements of an inspection; `null` or absent where not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Judgements {
    pub help_and_protection: Option<Grade>,
    pub children_in_care: Option<Grade>,
    pub care_leavers: Option<Grade>,
    pub leadership: Option<Grade>,
}

impl Judgements {
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Inspection {
    /// When the report was published: every rule counts from this date.
    pub published: Date,
    pub inspected: Option<Date>,
    /// When absent, inferred: ILACS for inspections from 2018-01-01 (by inspection date, or
    /// publication date when that is all there is), SIF before.
    pub framework: Option<Framework>,
    pub overall: Grade,
    pub judgements: Option<Judgements>,
}

impl Inspection {
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

/// The kind of an Ofsted visit between inspections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum VisitKind {
    Monitoring,
    Focused,
}

/// What a monitoring visit found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Progress {
    Significant,
    Some,
    Insufficient,
}

/// An Ofsted monitoring or focused visit.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Visit {
    pub date: Date,
    pub kind: VisitKind,
    pub progress: Option<Progress>,
    pub priority_actions: Option<bool>,
}

/// The kind of a concern that can trigger an emergency inspection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ConcernKind {
    Whistleblower,
    PoorLeadership,
    SeriousIncident,
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
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Concern {
    pub date: Date,
    pub kind: ConcernKind,
}

/// Which council.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Council {
    pub name: Option<String>,
    pub code: Option<String>,
}

/// Current arrangements for a council's children's services.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CouncilStatus {
    pub commissioner_appointed: Option<Date>,
    pub trust_since: Option<Date>,
}

/// The council assessment's input (SPEC §3.1).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct CouncilInput {
    pub council: Option<Council>,
    pub as_of: Date,
    pub ruleset: Option<String>,
    pub inspections: Vec<Inspection>,
    pub visits: Vec<Visit>,
    pub concerns: Vec<Concern>,
    pub status: Option<CouncilStatus>,
}

/// What kind of organisation wants to sponsor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum OrgKind {
    LocalAuthority,
    Charity,
    CommunityInterestCompany,
    CompanyLimitedByGuarantee,
    ExpertTeam,
    PrivateCompany,
}

impl OrgKind {
    /// Every kind, in a fixed order.
    pub const ALL: [OrgKind; 6] = [
        OrgKind::LocalAuthority,
        OrgKind::Charity,
        OrgKind::CommunityInterestCompany,
        OrgKind::CompanyLimitedByGuarantee,
        OrgKind::ExpertTeam,
        OrgKind::PrivateCompany,
    ];

    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            OrgKind::LocalAuthority => "local_authority",
            OrgKind::Charity => "charity",
            OrgKind::CommunityInterestCompany => "community_interest_company",
            OrgKind::CompanyLimitedByGuarantee => "company_limited_by_guarantee",
            OrgKind::ExpertTeam => "expert_team",
            OrgKind::PrivateCompany => "private_company",
        }
    }
}

/// The organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Organisation {
    pub name: Option<String>,
    pub kind: OrgKind,
    pub not_for_profit: Option<bool>,
    pub based_in_england: Option<bool>,
}

/// A sponsoring council's own intervention status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SponsorStatus {
    pub improvement_notice: Option<bool>,
    pub direction: Option<bool>,
}

/// The kind of an Ofsted-registered service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ProvisionKind {
    ChildrensHome,
    FosteringAgency,
    AdoptionAgency,
    ResidentialFamilyCentre,
    Other,
}

/// An Ofsted-registered service the organisation runs, with its latest grade.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Provision {
    pub kind: ProvisionKind,
    pub grade: Grade,
    pub published: Option<Date>,
}

/// The organisation's experience.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Experience {
    pub years_delivering_childrens_services: Option<f64>,
    pub leaders_with_dcs_experience: Option<u32>,
    pub qualified_social_workers: Option<u32>,
    pub registered_provision: Vec<Provision>,
}

/// The organisation's governance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Governance {
    pub safeguarding_lead_on_board: Option<bool>,
    pub independent_board_members: Option<u32>,
    pub conflict_of_interest_policy: Option<bool>,
    pub whistleblowing_policy: Option<bool>,
}

/// The organisation's finances.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Finances {
    pub annual_income_gbp: Option<f64>,
    pub reserves_months: Option<f64>,
}

/// Open regulatory matters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Regulatory {
    pub open_enforcement_action: Option<bool>,
    pub open_charity_commission_inquiry: Option<bool>,
}

/// The sponsor assessment's input (SPEC §4.1).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct SponsorInput {
    pub as_of: Date,
    pub ruleset: Option<String>,
    pub organisation: Organisation,
    pub own_inspections: Vec<Inspection>,
    pub status: Option<SponsorStatus>,
    pub experience: Option<Experience>,
    pub governance: Option<Governance>,
    pub finances: Option<Finances>,
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
        ));
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
            ));
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
            format_args!("must be 0 or more, not {}", crate::order::number(v)),
        )),
        _ => Ok(()),
    }
}

/// Two inspections published on the same day are an error (SPEC §3.2).
pub(crate) fn check_same_day(inspections: &[Inspection], field: &str) -> Result<(), Error> {
    let mut order: Vec<usize> = (0..inspections.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| {
        (inspections[a].published, a).cmp(&(inspections[b].published, b))
    });
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
            ));
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
        check_same_day(&self.inspections, "inspections")
    }
}

impl SponsorInput {
    /// Checks what serde cannot: the limits of SPEC §6, numbers, same-day inspections.
    pub fn validate(&self) -> Result<(), Error> {
        check_str(&self.organisation.name, "organisation.name")?;
        check_str(&self.ruleset, "ruleset")?;
        check_len(&self.own_inspections, "ownInspections")?;
        check_same_day(&self.own_inspections, "ownInspections")?;
        if let Some(e) = &self.experience {
            check_number(
                e.years_delivering_childrens_services,
                "experience.yearsDeliveringChildrensServices",
            )?;
            check_len(&e.registered_provision, "experience.registeredProvision")?;
        }
        if let Some(f) = &self.finances {
            check_number(f.annual_income_gbp, "finances.annualIncomeGbp")?;
            check_number(f.reserves_months, "finances.reservesMonths")?;
        }
        Ok(())
    }
}

crate::json_enum!(Framework, "a framework: sif or ilacs", { "sif" => Framework::Sif, "ilacs" => Framework::Ilacs });
crate::json_enum!(VisitKind, "a visit kind: monitoring or focused", {
    "monitoring" => VisitKind::Monitoring, "focused" => VisitKind::Focused });
crate::json_enum!(Progress, "a progress: significant, some or insufficient", {
    "significant" => Progress::Significant, "some" => Progress::Some, "insufficient" => Progress::Insufficient });
crate::json_enum!(ConcernKind, "a concern kind: whistleblower, poor_leadership or serious_incident", {
    "whistleblower" => ConcernKind::Whistleblower, "poor_leadership" => ConcernKind::PoorLeadership,
    "serious_incident" => ConcernKind::SeriousIncident });
crate::json_enum!(OrgKind, "an organisation kind: local_authority, charity, community_interest_company, company_limited_by_guarantee, expert_team or private_company", {
    "local_authority" => OrgKind::LocalAuthority, "charity" => OrgKind::Charity,
    "community_interest_company" => OrgKind::CommunityInterestCompany,
    "company_limited_by_guarantee" => OrgKind::CompanyLimitedByGuarantee,
    "expert_team" => OrgKind::ExpertTeam, "private_company" => OrgKind::PrivateCompany });
crate::json_enum!(ProvisionKind, "a provision kind: childrens_home, fostering_agency, adoption_agency, residential_family_centre or other", {
    "childrens_home" => ProvisionKind::ChildrensHome, "fostering_agency" => ProvisionKind::FosteringAgency,
    "adoption_agency" => ProvisionKind::AdoptionAgency,
    "residential_family_centre" => ProvisionKind::ResidentialFamilyCentre, "other" => ProvisionKind::Other });

crate::json_struct!(Judgements, "an object of key judgements", {
    help_and_protection: opt "helpAndProtection", children_in_care: opt "childrenInCare",
    care_leavers: opt "careLeavers", leadership: opt "leadership" });
crate::json_struct!(Inspection, "an inspection object", {
    published: req "published", inspected: opt "inspected", framework: opt "framework",
    overall: req "overall", judgements: opt "judgements" });
crate::json_struct!(Visit, "a visit object", {
    date: req "date", kind: req "kind", progress: opt "progress", priority_actions: opt "priorityActions" });
crate::json_struct!(Concern, "a concern object", { date: req "date", kind: req "kind" });
crate::json_struct!(Council, "an object with name and code", { name: opt "name", code: opt "code" });
crate::json_struct!(CouncilStatus, "an object", {
    commissioner_appointed: opt "commissionerAppointed", trust_since: opt "trustSince" });
crate::json_struct!(CouncilInput, "an object", {
    council: opt "council", as_of: req "asOf", ruleset: opt "ruleset", inspections: req "inspections",
    visits: list "visits", concerns: list "concerns", status: opt "status" });
crate::json_struct!(Organisation, "an object", {
    name: opt "name", kind: req "kind", not_for_profit: opt "notForProfit", based_in_england: opt "basedInEngland" });
crate::json_struct!(SponsorStatus, "an object", { improvement_notice: opt "improvementNotice", direction: opt "direction" });
crate::json_struct!(Provision, "an object", { kind: req "kind", grade: req "grade", published: opt "published" });
crate::json_struct!(Experience, "an object", {
    years_delivering_childrens_services: opt "yearsDeliveringChildrensServices",
    leaders_with_dcs_experience: opt "leadersWithDcsExperience",
    qualified_social_workers: opt "qualifiedSocialWorkers", registered_provision: list "registeredProvision" });
crate::json_struct!(Governance, "an object", {
    safeguarding_lead_on_board: opt "safeguardingLeadOnBoard", independent_board_members: opt "independentBoardMembers",
    conflict_of_interest_policy: opt "conflictOfInterestPolicy", whistleblowing_policy: opt "whistleblowingPolicy" });
crate::json_struct!(Finances, "an object", { annual_income_gbp: opt "annualIncomeGbp", reserves_months: opt "reservesMonths" });
crate::json_struct!(Regulatory, "an object", {
    open_enforcement_action: opt "openEnforcementAction",
    open_charity_commission_inquiry: opt "openCharityCommissionInquiry" });
crate::json_struct!(SponsorInput, "an object", {
    as_of: req "asOf", ruleset: opt "ruleset", organisation: req "organisation",
    own_inspections: list "ownInspections", status: opt "status", experience: opt "experience",
    governance: opt "governance", finances: opt "finances", regulatory: opt "regulatory" });

crate::json_out_enum!(Grade, { Grade::Outstanding => "outstanding", Grade::Good => "good",
    Grade::RequiresImprovement => "requires_improvement", Grade::Inadequate => "inadequate" });
crate::json_out!(Judgements, { help_and_protection: "helpAndProtection",
    children_in_care: "childrenInCare", care_leavers: "careLeavers", leadership: "leadership" });
crate::json_out!(Inspection, { published: "published", inspected: "inspected",
    framework: "framework", overall: "overall", judgements: "judgements" });
crate::json_out!(Visit, { date: "date", kind: "kind", progress: "progress",
    priority_actions: "priorityActions" });
crate::json_out!(Concern, { date: "date", kind: "kind" });
crate::json_out!(Council, { name: "name", code: "code" });
crate::json_out!(CouncilStatus, { commissioner_appointed: "commissionerAppointed",
    trust_since: "trustSince" });

/** A date as `YYYY-MM-DD` (a UK calendar date). */
export type IsoDate = string;
/** An Ofsted grade; Ofsted's own wording ("Requires improvement to be good", any case) is accepted too. */
export type Grade = "outstanding" | "good" | "requires_improvement" | "inadequate";
export type GradeInput = Grade | string;

export interface Judgements {
  helpAndProtection?: GradeInput | null;
  childrenInCare?: GradeInput | null;
  careLeavers?: GradeInput | null;
  leadership?: GradeInput | null;
}
export interface Inspection {
  /** When the report was published: every rule counts from this date. */
  published: IsoDate;
  inspected?: IsoDate | null;
  /** Inferred from the date when absent (ILACS from 2018-01-01). */
  framework?: "sif" | "ilacs" | null;
  overall: GradeInput;
  judgements?: Judgements | null;
}
export interface Visit {
  date: IsoDate;
  kind: "monitoring" | "focused";
  progress?: "significant" | "some" | "insufficient" | null;
  priorityActions?: boolean | null;
}
export type ConcernKind = "whistleblower" | "poor_leadership" | "serious_incident";
export interface Concern { date: IsoDate; kind: ConcernKind; }
export interface CouncilInput {
  council?: { name?: string | null; code?: string | null } | null;
  /** The date to assess on; the engine never reads the clock. */
  asOf: IsoDate;
  /** Name a ruleset to apply it on any date ("what would the 2015 regime say?"). */
  ruleset?: "announcement-2015" | "protocol-2016" | string | null;
  inspections: Inspection[];
  visits?: Visit[] | null;
  concerns?: Concern[] | null;
  status?: { commissionerAppointed?: IsoDate | null; trustSince?: IsoDate | null } | null;
}

export type Intervention =
  | "no_inspection" | "immediate_takeover" | "monitoring" | "improvement_window" | "commissioner"
  | "emergency_inspection" | "improvement_support" | "high_performing" | "none"
  | "statutory_direction" | "improvement_notice";
export interface RulesetRef {
  id: string; title: string; inForceFrom: IsoDate; inForceTo: IsoDate | null;
  /** "asOf" when chosen by the assessment date, "request" when named in the input. */
  chosenBy: "asOf" | "request";
}
export interface Source { title: string; url: string; }
export interface Reason {
  /** The row that fired (`protocol-2016/row-2`) or a definition (`definition/persistent`). */
  rule: string; text: string; source: Source | null;
}
export interface KeyDate {
  kind: "improvement_deadline" | "takeover_target" | "commissioner_review_due";
  date: IsoDate;
  /** Days from asOf to the date (0 on the day, negative once past). */
  daysFromAsOf: number;
}
export interface Warning {
  code: "no_inspection" | "ignored_after_as_of" | "systemic_not_assessed" | "stale_inspection" | "ruleset_not_in_force";
  text: string;
}
export interface InspectionOut {
  published: IsoDate; inspected: IsoDate | null; framework: "sif" | "ilacs"; overall: Grade;
  judgements: { helpAndProtection: Grade | null; childrenInCare: Grade | null; careLeavers: Grade | null; leadership: Grade | null } | null;
}
export interface CouncilAssessment {
  ruleset: RulesetRef;
  asOf: IsoDate;
  council: { name: string | null; code: string | null } | null;
  status: { commissionerAppointed: IsoDate | null; trustSince: IsoDate | null } | null;
  intervention: Intervention;
  interventionTitle: string;
  latestInspection: InspectionOut | null;
  findings: {
    persistent: boolean; systemic: boolean; highPerforming: boolean;
    triggers: Concern[];
    earlierInadequate: InspectionOut | null;
    visit: { date: IsoDate; kind: "monitoring" | "focused"; progress: "significant" | "some" | "insufficient" | null; priorityActions: boolean | null } | null;
  };
  dates: KeyDate[];
  reasons: Reason[];
  nextSteps: string[];
  warnings: Warning[];
}

export type OrgKind = "local_authority" | "charity" | "community_interest_company"
  | "company_limited_by_guarantee" | "expert_team" | "private_company";
export interface SponsorInput {
  asOf: IsoDate;
  ruleset?: string | null;
  organisation: { name?: string | null; kind: OrgKind; notForProfit?: boolean | null; basedInEngland?: boolean | null };
  /** A council's own Ofsted history (required for local_authority). */
  ownInspections?: Inspection[] | null;
  status?: { improvementNotice?: boolean | null; direction?: boolean | null } | null;
  experience?: {
    yearsDeliveringChildrensServices?: number | null;
    leadersWithDcsExperience?: number | null;
    qualifiedSocialWorkers?: number | null;
    registeredProvision?: { kind: "childrens_home" | "fostering_agency" | "adoption_agency" | "residential_family_centre" | "other"; grade: GradeInput; published?: IsoDate | null }[] | null;
  } | null;
  governance?: { safeguardingLeadOnBoard?: boolean | null; independentBoardMembers?: number | null; conflictOfInterestPolicy?: boolean | null; whistleblowingPolicy?: boolean | null } | null;
  finances?: { annualIncomeGbp?: number | null; reservesMonths?: number | null } | null;
  regulatory?: { openEnforcementAction?: boolean | null; openCharityCommissionInquiry?: boolean | null } | null;
}
export type Level = "gate" | "readiness" | "condition";
export interface CriterionResult {
  id: string; level: Level; title: string;
  /** null when the criterion does not apply to this kind of organisation. */
  met: boolean | null;
  evidence: string | null;
  threshold: string;
  /** "design" where no published criterion exists and this checker chose the threshold. */
  basis: "sourced" | "design";
  source: Source | null;
  whatToDo: string | null;
}
export interface SponsorAssessment {
  ruleset: RulesetRef;
  asOf: IsoDate;
  organisation: { name: string | null; kind: OrgKind };
  status: "eligible" | "eligible_with_conditions" | "not_yet_ready" | "ineligible";
  routes: ("trust_sponsor" | "improvement_partner" | "expert_team_member")[];
  criteria: CriterionResult[];
  nextSteps: string[];
  warnings: Warning[];
}

export interface Param { value: number; source: string; }
export interface RulesetData {
  id: string; decision: "announcement-2015" | "protocol-2016"; title: string;
  inForceFrom: IsoDate; inForceTo: IsoDate | null; summary: string; source: string;
  parameters: Record<"improvementWindowMonths" | "takeoverTargetMonths" | "commissionerReviewMonths"
    | "persistentWindowYears" | "highPerformingWindowYears" | "staleAfterYears", Param>;
  rows: { row: number; intervention: Intervention; title: string; source: string; text: string; nextSteps: string[] }[];
}
/** The whole ruleset file: the data every page and the CLI read their wording from. */
export interface RulesetFile {
  format: 1;
  sources: Record<string, Source>;
  rulesets: RulesetData[];
  definitions: Record<"persistent" | "systemic" | "highPerforming" | "trust", { source: string; text: string }>;
  warnings: Record<Warning["code"], string>;
  sponsor: {
    source: string;
    criteria: { id: string; level: Level; appliesTo: OrgKind[]; basis: "sourced" | "design"; source: string;
      params: Record<string, number>; title: string; threshold: string; whatToDo: string }[];
    routes: Record<"trust_sponsor" | "improvement_partner" | "expert_team_member", string>;
  };
}
/** A partial ruleset file merged onto the built-in one (arrays matched by `id` or `row`). */
export type RulesetOverride = Record<string, unknown>;

/** Thrown for invalid input. */
export interface TrustEligibilityError extends Error {
  code: "invalid_json" | "unknown_field" | "missing_field" | "duplicate_field" | "invalid_type"
    | "invalid_value" | "invalid_date" | "date_out_of_range" | "too_many" | "too_long"
    | "duplicate_inspection" | "no_ruleset" | "missing_inspection" | "invalid_ruleset";
  /** The JSON path of the offending value, e.g. `inspections[2].published` ("" for the whole input). */
  path: string;
}

/** Which intervention applies to a council on `asOf`, why, and by when. Throws TrustEligibilityError. */
export function assessCouncil(input: CouncilInput, rulesets?: RulesetOverride | null): CouncilAssessment;
/** Many councils at once; an invalid item throws with its index in the path (`[3].asOf`). */
export function assessCouncils(inputs: CouncilInput[], rulesets?: RulesetOverride | null): CouncilAssessment[];
/** Whether an organisation can sponsor a children's services trust, and what it lacks. */
export function assessSponsor(input: SponsorInput, rulesets?: RulesetOverride | null): SponsorAssessment;
/** The rulesets (with an override applied, when given). */
export function rulesets(rulesets?: RulesetOverride | null): RulesetFile;

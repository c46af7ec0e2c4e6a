/* tslint:disable */
/* eslint-disable */

/** The error thrown for invalid input or an invalid ruleset override. */
export interface TrustEligibilityError extends Error {
    name: "TrustEligibilityError";
    code: ErrorCode;
    /** The JSON path of the value at fault (`inspections[2].published`); "" for the whole value. */
    path: string;
    /** What is wrong with the value at `path`, in words; `message` is the path, then this. */
    detail: string;
    /** too_many: the most items allowed; too_long: the most characters allowed. */
    limit?: number;
    /** duplicate_inspection: the index of the other inspection published on the same day. */
    index?: number;
}
/** A partial ruleset file, merged onto the built-in rulesets (see the README). */
export type RulesetOverride = { [key: string]: unknown };


/**
 * A calendar date; between 1990-01-01 and 2100-12-31 when read from input (arithmetic results
 * may fall outside that range).
 *
 * Named `IsoDate` (and `Date`, the alias the engine\'s code uses) so that its TypeScript
 * declaration, `IsoDate`, a `string` written `YYYY-MM-DD`, does not hide JavaScript\'s `Date`.
 */
export type IsoDate = string;

/**
 * A concern raised about a council\'s children\'s services.
 */
export interface Concern {
    date: IsoDate;
    kind: ConcernKind;
}

/**
 * A council that can be found: its name, code and other names.
 */
export interface Candidate {
    name: string;
    code?: string;
    aliases?: string[];
}

/**
 * A council\'s own improvement notice or statutory direction.
 */
export interface InstrumentRef {
    /**
     * `improvement_notice` or `statutory_direction`.
     */
    kind: string;
    issued: IsoDate;
}

/**
 * A criterion\'s outcome, one of four that are never confused: `met`; `not_met` (the facts
 * given fail it); `not_known` (a fact it needs was not given, absent or `null`: neither met nor
 * failed, SPEC §4.1); `not_applicable` (it does not apply to this kind of organisation).
 */
export type Outcome = "met" | "not_met" | "not_known" | "not_applicable";

/**
 * A date with its source.
 */
export interface DateParam {
    value: IsoDate;
    source: string;
}

/**
 * A grade the next report could give (SPEC §3.9).
 */
export type NextReport = "inadequate_all" | "inadequate" | "requires_improvement" | "good";

/**
 * A key date and how many days it is from `asOf` (negative when past).
 */
export interface KeyDate {
    kind: KeyDateKind;
    date: IsoDate;
    daysFromAsOf: number;
}

/**
 * A notice or direction not recorded as lifted but presumed lifted (SPEC §3.7).
 */
export interface PresumedLifting {
    instrument: InForce;
    /**
     * The report of requires improvement or better that followed it.
     */
    report: IsoDate;
    /**
     * The report that followed that one.
     */
    followedBy: IsoDate;
}

/**
 * A number with its source.
 */
export interface Param {
    value: number;
    source: string;
}

/**
 * A period the rules looked at, from one date to another (both included).
 */
export interface Window {
    id: WindowKind;
    from: IsoDate;
    to: IsoDate;
}

/**
 * A published source a rule rests on.
 *
 * The texts are borrowed from constants in the checker\'s wasm (baked), where every reason and
 * criterion in an answer copies its source\'s pointer, not its text.
 */
export interface Source {
    title: string;
    url: string;
}

/**
 * A role an organisation may take on (SPEC §4.3, §4.4): its name, what practice shows of it,
 * the kinds of organisation it is for, and its sources. The routes\' order in the file is the
 * order of the answer: what an organisation may do now before what the 2015 announcement
 * intended.
 */
export interface RouteWording {
    appliesTo: OrgKind[];
    title: string;
    text: string;
    sources: string[];
}

/**
 * A role the organisation may take on, in the answer\'s order (SPEC §4.4): what it may do now,
 * then what the 2015 announcement intended and what has happened since.
 */
export interface Role {
    /**
     * The route id (`service_provider`, `improvement_partner`, `expert_team_member`,
     * `trust_sponsor`).
     */
    id: string;
    title: string;
    /**
     * What practice shows of this role, with `sources`.
     */
    text: string;
    sources: Source[];
    /**
     * Whether it is open now: the status is `eligible` or `eligible_with_conditions` and the id
     * is in `routes`; otherwise it is what the organisation could take on once the criteria
     * are met.
     */
    open: boolean;
}

/**
 * A row of a ruleset\'s decision table (SPEC §3.2, §3.3): the ruleset\'s id and the row\'s number.
 */
export interface RowRef {
    ruleset: string;
    row: number;
}

/**
 * A sponsoring council\'s own intervention status.
 */
export interface SponsorStatus {
    improvementNotice?: boolean | null;
    direction?: boolean | null;
}

/**
 * A text with its source.
 */
export interface Wording {
    source: string;
    text: string;
}

/**
 * An Ofsted grade. Accepts the snake_case ids and Ofsted\'s own wording in any case
 * (\"Requires improvement to be good\").
 */
export type Grade = "outstanding" | "good" | "requires_improvement" | "inadequate";

/**
 * An Ofsted monitoring or focused visit.
 */
export interface Visit {
    date: IsoDate;
    kind: VisitKind;
    progress?: Progress | null;
    priorityActions?: boolean | null;
}

/**
 * An Ofsted-registered service the organisation runs, with its latest grade.
 */
export interface Provision {
    kind: ProvisionKind;
    grade: Grade;
    published?: IsoDate | null;
}

/**
 * Current arrangements for a council\'s children\'s services.
 */
export interface CouncilStatus {
    commissionerAppointed?: IsoDate | null;
    trustSince?: IsoDate | null;
    /**
     * When the council\'s current improvement notice was issued (none when absent).
     */
    improvementNoticeIssued?: IsoDate | null;
    /**
     * When the council\'s current statutory direction was issued (none when absent).
     */
    directionIssued?: IsoDate | null;
    /**
     * The council\'s dated public decisions, instead of the four dates above: the engine
     * works out what is in force on `asOf` (SPEC §3.7).
     */
    events?: StatusEvent[];
}

/**
 * Everything said about a status worked out from dated decisions (SPEC §3.7).
 */
export interface StatusWording {
    source: string;
    /**
     * How the status is worked out, in words (the rules page shows it).
     */
    summary: string;
    /**
     * Words for each kind of public decision, keyed as the input\'s `event`.
     */
    events: Record<EventKind, EventWords>;
    precision: PrecisionWords;
    inForce: InForceWords;
    /**
     * The answer\'s title when a trust runs the services (`{title}`, `{trustSince}`).
     */
    trustTitle: Wording;
    /**
     * The answer\'s title for a direction under which a DfE improvement adviser is in place of a
     * commissioner (`{adviserAppointed}`).
     */
    adviserTitle: Wording;
}

/**
 * Gate, readiness or condition (SPEC §4.2).
 */
export type Level = "gate" | "readiness" | "condition";

/**
 * How a date known only to the month or the year is named.
 */
export interface PrecisionWords {
    month: string;
    year: string;
}

/**
 * How a key date is said: its label, how it is set, and its date as it stands from `asOf` (in
 * the future, today, or past), each a template using `{date}` and `{days}`.
 */
export interface KeyDateWording {
    label: string;
    source: string;
    /**
     * How the date is set, for the rules page: what it counts from and by how much, with the
     * parameter as a placeholder (`is {improvementWindowMonths} months after ...`).
     */
    rule: string;
    future: string;
    today: string;
    past: string;
}

/**
 * How a page names a code: a label, and a hint where a choice needs one.
 */
export interface Label {
    label: string;
    hint?: string;
}

/**
 * How precisely a [`PartialDate`] is known.
 */
export type Precision = "day" | "month" | "year";

/**
 * One Ofsted inspection of a council\'s children\'s services.
 */
export interface Inspection {
    /**
     * When the report was published: every rule counts from this date.
     */
    published: IsoDate;
    inspected?: IsoDate | null;
    /**
     * When absent, inferred: ILACS for inspections from 2018-01-01 (by inspection date, or
     * publication date when that is all there is), SIF before.
     */
    framework?: Framework | null;
    /**
     * Ofsted\'s overall effectiveness grade; absent on reports from April 2026, which give the
     * key judgements only (SPEC §3.6). Left out, not `null`, when there is none.
     */
    overall?: Grade | null;
    judgements?: Judgements | null;
    /**
     * The address of the published report (on files.ofsted.gov.uk), its source.
     */
    report?: string;
}

/**
 * One criterion\'s result.
 */
export interface CriterionResult {
    id: string;
    level: Level;
    title: string;
    /**
     * The outcome in one word; `met`, `applies` and `known` say the same in three flags.
     */
    outcome: Outcome;
    /**
     * `true` or `false` when it applies and is known; `null` when it does not apply
     * (`applies: false`) or is not known (`known: false`).
     */
    met: boolean | null;
    /**
     * Whether the criterion applies to this kind of organisation.
     */
    applies: boolean;
    /**
     * `false` when it applies and a fact it needs was not given; `true` otherwise.
     */
    known: boolean;
    /**
     * What was compared, in words (`null` when not applicable).
     */
    evidence: string | null;
    threshold: string;
    /**
     * `design` where no published criterion exists and this checker chose the threshold.
     */
    basis: Basis;
    /**
     * For a design threshold: that it is this service\'s choice, and what it rests on.
     */
    rationale: string | null;
    /**
     * The published source behind the criterion (or the design choice), `null` when none.
     */
    source: Source | null;
    /**
     * What to do to meet it, when unmet.
     */
    whatToDo: string | null;
    /**
     * What to find out, when not known.
     */
    findOut: string | null;
}

/**
 * One dated public decision about a council (SPEC §3.7).
 */
export interface StatusEvent {
    event: EventKind;
    /**
     * `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the source gives no day.
     */
    date: string;
    source?: EventSource;
}

/**
 * One decision in force on `asOf`, as the answer reports it.
 */
export interface InForce {
    event: EventKind;
    /**
     * The date as given (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
     */
    date: string;
    precision: Precision;
    /**
     * The day the rules read it as: the last day it could be.
     */
    readAs: IsoDate;
    source: EventSource | null;
}

/**
 * One ruleset: its dates, parameters and the wording of its rows.
 */
export interface Ruleset {
    id: string;
    decision: Decision;
    title: string;
    inForceFrom: IsoDate;
    inForceTo?: IsoDate | null;
    summary: string;
    source: string;
    parameters: Parameters;
    rows: Row[];
}

/**
 * One sponsor criterion\'s data.
 */
export interface Criterion {
    id: string;
    level: Level;
    appliesTo: OrgKind[];
    basis: Basis;
    source: string;
    params?: Record<string, number>;
    title: string;
    threshold: string;
    whatToDo: string;
    /**
     * What to find out when a fact the criterion needs was not given (SPEC §4.1).
     */
    findOut: string;
    /**
     * For a design threshold: that it is this service\'s choice, and what it rests on.
     */
    rationale?: string | null;
}

/**
 * Open regulatory matters.
 */
export interface Regulatory {
    openEnforcementAction?: boolean | null;
    openCharityCommissionInquiry?: boolean | null;
}

/**
 * Sentences added to the reason for what the status records.
 */
export interface InForceWords {
    /**
     * A commissioner recorded in the dated decisions.
     */
    commissioner: Wording;
    /**
     * A DfE improvement adviser in place of the commissioner.
     */
    adviser: Wording;
}

/**
 * Something the user should know that does not change the outcome.
 */
export interface Warning {
    code: WarningCode;
    text: string;
    /**
     * The published source the warning rests on, where it names one (left out otherwise).
     */
    source?: Source;
}

/**
 * The answer if the next report gave `next` (SPEC §3.9).
 */
export interface Outlook {
    next: NextReport;
    /**
     * The day the report is supposed published, and the answer assessed.
     */
    published: IsoDate;
    intervention: Intervention;
    /**
     * The row that would fire (`protocol-2016/row-4`).
     */
    rule: string;
    /**
     * That row\'s ruleset and number.
     */
    row: RowRef;
    /**
     * Its key dates, with the days from `published`.
     */
    dates: KeyDate[];
}

/**
 * The council assessment\'s input (SPEC §3.1).
 */
export interface CouncilInput {
    council?: Council | null;
    asOf: IsoDate;
    ruleset?: string | null;
    inspections: Inspection[];
    visits?: Visit[];
    concerns?: Concern[];
    status?: CouncilStatus | null;
}

/**
 * The durations a council ruleset uses; each ruleset carries only those its decision uses
 * ([`Decision::parameters`]).
 */
export interface Parameters {
    improvementWindowMonths?: Param;
    takeoverTargetMonths?: Param;
    commissionerReviewMonths?: Param;
    persistentWindowYears?: Param;
    highPerformingWindowYears?: Param;
    staleAfterYears?: Param;
    /**
     * Reports published on or after this date may have no overall grade (SPEC §3.6).
     */
    overallGradeDroppedFrom?: DateParam;
}

/**
 * The facts of SPEC §3.4 and the evidence the firing row relied on.
 */
export interface Findings {
    /**
     * Inadequate more than once within the persistent window, by publication date.
     */
    persistent: boolean;
    /**
     * Inadequate on every key judgement given.
     */
    systemic: boolean;
    /**
     * Good or outstanding with no inadequate report in the window to `asOf`.
     */
    highPerforming: boolean;
    /**
     * Concerns dated after the latest inspection\'s publication (all concerns when there is none).
     */
    triggers: Concern[];
    /**
     * The earlier inadequate inspection that makes the failure persistent.
     */
    earlierInadequate: Inspection | null;
    /**
     * The monitoring or focused visit the firing row relied on.
     */
    visit: Visit | null;
    /**
     * The grade of the latest inspection the rules used (SPEC §3.4).
     */
    grade: Grade | null;
    /**
     * Where that grade came from: `overall`, or `judgements` when read from the key
     * judgements of a report without an overall grade (SPEC §3.6).
     */
    gradeFrom: GradeFrom | null;
    /**
     * The council\'s own notice or direction the firing row relied on (escalation, lifting).
     */
    instrument: InstrumentRef | null;
}

/**
 * The key judgements of an inspection; `null` or absent where not given.
 */
export interface Judgements {
    helpAndProtection?: Grade | null;
    childrenInCare?: Grade | null;
    careLeavers?: Grade | null;
    leadership?: Grade | null;
}

/**
 * The organisation, as assessed.
 */
export interface OrganisationRef {
    name: string | null;
    kind: OrgKind;
}

/**
 * The organisation.
 */
export interface Organisation {
    name?: string | null;
    kind: OrgKind;
    notForProfit?: boolean | null;
    basedInEngland?: boolean | null;
}

/**
 * The organisation\'s experience.
 */
export interface Experience {
    yearsDeliveringChildrensServices?: number | null;
    leadersWithDcsExperience?: number | null;
    qualifiedSocialWorkers?: number | null;
    /**
     * `[]`: none; absent or `null`: not known (SPEC §4.1).
     */
    registeredProvision?: Provision[] | null;
}

/**
 * The organisation\'s finances.
 */
export interface Finances {
    annualIncomeGbp?: number | null;
    reservesMonths?: number | null;
}

/**
 * The organisation\'s governance.
 */
export interface Governance {
    safeguardingLeadOnBoard?: boolean | null;
    independentBoardMembers?: number | null;
    conflictOfInterestPolicy?: boolean | null;
    whistleblowingPolicy?: boolean | null;
}

/**
 * The overall answer (SPEC §4.3), from best to worst: `eligible`; `eligible_with_conditions`
 * (a condition fails or is not known); `incomplete` (a gate or readiness criterion is not known
 * and none known fails: `toFindOut` lists what to find out); `not_yet_ready` (a readiness
 * criterion fails); `ineligible` (a gate fails).
 */
export type Status = "eligible" | "eligible_with_conditions" | "incomplete" | "not_yet_ready" | "ineligible";

/**
 * The pages\' labels for every code of the input and the answers (`rulesets/labels.json`), one
 * table per enum: each has exactly the enum\'s codes, in its order (the order the pages list
 * them). Not embedded: the pages read it at build time (build/vocabulary.mjs), and the
 * checker\'s build checks it (crates/wasm/build.rs, [`Labels::check`]).
 */
export interface Labels {
    /**
     * What the labels are for (the rules page shows it).
     */
    summary: string;
    grades: Record<Grade, Label>;
    frameworks: Record<Framework, Label>;
    visitKinds: Record<VisitKind, Label>;
    progress: Record<Progress, Label>;
    concernKinds: Record<ConcernKind, Label>;
    eventKinds: Record<EventKind, Label>;
    orgKinds: Record<OrgKind, Label>;
    provisionKinds: Record<ProvisionKind, Label>;
    nextReports: Record<NextReport, Label>;
}

/**
 * The reading of a grade from the key judgements of a report without an overall grade
 * (SPEC §3.6), in words.
 */
export interface GradeReading {
    source: string;
    summary: string;
    basis: string;
    /**
     * Added to a reason whose grade was read from the key judgements.
     */
    reasonNote: string;
    readings: GradeReadings;
}

/**
 * The sponsor assessment\'s input (SPEC §4.1).
 */
export interface SponsorInput {
    asOf: IsoDate;
    ruleset?: string | null;
    organisation: Organisation;
    ownInspections?: Inspection[];
    status?: SponsorStatus | null;
    experience?: Experience | null;
    governance?: Governance | null;
    finances?: Finances | null;
    regulatory?: Regulatory | null;
}

/**
 * The sponsor criteria and route names.
 */
export interface SponsorRules {
    source: string;
    criteria: Criterion[];
    routes: Record<string, RouteWording>;
    /**
     * Notes an answer may carry, by id (`own_services_in_intervention`: a council under a
     * notice or direction, SPEC §4.4).
     */
    notes: Record<string, Wording>;
    /**
     * How children\'s services trusts have actually been set up, each sentence with its
     * source: context for a sponsor\'s result.
     */
    howTrustsAreSetUp?: Wording[];
    /**
     * The kinds of organisation taken as not for profit when the input does not say, each with
     * why (`charity`: \"a charity is a not-for-profit organisation\"), SPEC §4.1.
     */
    notForProfitKinds?: Record<string, Wording>;
}

/**
 * The status the engine worked out from `status.events` on `asOf` (SPEC §3.7): each
 * decision in force, with its date as given and its source; `null` where none is.
 */
export interface StatusInForce {
    improvementNotice: InForce | null;
    statutoryDirection: InForce | null;
    commissioner: InForce | null;
    /**
     * A DfE improvement adviser in place of a commissioner.
     */
    improvementAdviser: InForce | null;
    trust: InForce | null;
    /**
     * Reported only: it changes no row.
     */
    trustDirection: InForce | null;
    presumedLifted: PresumedLifting[];
}

/**
 * The whole ruleset file: sources, rulesets, definitions, warnings and sponsor criteria.
 */
export interface RulesetFile {
    format: number;
    sources: Record<string, Source>;
    rulesets: Ruleset[];
    definitions: Definitions;
    /**
     * Each Ofsted grade in words, as a sentence says it (\"requires improvement to be good\").
     */
    grades: Record<Grade, string>;
    keyDates: Record<KeyDateKind, KeyDateWording>;
    gradeReading: GradeReading;
    ignoredItems: IgnoredItems;
    instruments: Instruments;
    /**
     * A status worked out from dated public decisions (SPEC §3.7).
     */
    statusEvents: StatusWording;
    /**
     * Each warning\'s words, keyed by its code.
     */
    warnings: Record<WarningCode, string | Wording>;
    sponsor: SponsorRules;
}

/**
 * The wording of one row of a decision table.
 */
export interface Row {
    row: number;
    intervention: Intervention;
    title: string;
    source: string;
    text: string;
    nextSteps: string[];
    /**
     * The next steps once the row\'s key date has passed (what fits after it, not a to-do
     * for a day gone by).
     */
    nextStepsPassed?: string[];
    /**
     * The text when the row\'s deadline ran out before the ruleset came into force.
     */
    textBeforeInForce?: string;
    /**
     * The wording when the council\'s status already records what the row expects.
     */
    whenRecorded?: RowWhenRecorded;
    /**
     * The wording when a DfE improvement adviser is in place of the commissioner the row
     * would bring (SPEC §3.7): no commissioner\'s review, the council keeping control.
     */
    whenAdviser?: RowWhenRecorded;
}

/**
 * What a query found: the candidate it names (its index), and the nearest others, nearest
 * first (indexes), for \"Did you mean …?\".
 */
export interface Matches {
    exact: number | null;
    nearest: number[];
}

/**
 * What an [`Error`] holds: the code, path, detail and message every error has, and the
 * limit or index some have, so that a page can word its own message without reading ours.
 */
export interface ErrorDetail {
    code: ErrorCode;
    path: string;
    /**
     * What is wrong with the value at `path`, in words (the message without the path).
     */
    detail: string;
    /**
     * The path and the detail: `inspections[0].published: invalid value...` (the detail alone
     * for the whole document).
     */
    message: string;
    /**
     * The limit that was exceeded (`too_many`: items; `too_long`: characters).
     */
    limit?: number;
    /**
     * The other item involved (`duplicate_inspection`: the index of the inspection published
     * on the same day).
     */
    index?: number;
}

/**
 * What kind of problem an [`Error`] reports. Serialised in `snake_case`
 * (`\"unknown_field\"`), which is also the `code` a JavaScript caller sees.
 */
export type ErrorCode = "invalid_json" | "unknown_field" | "missing_field" | "duplicate_field" | "invalid_type" | "invalid_value" | "invalid_date" | "date_out_of_range" | "too_many" | "too_long" | "duplicate_inspection" | "no_ruleset" | "missing_inspection" | "invalid_ruleset" | "unreadable_file" | "unsupported_format" | "missing_sheet" | "no_header" | "missing_column" | "file_given_twice" | "mixed_files";

/**
 * What the council assessment found (SPEC §3.5).
 */
export interface CouncilAssessment {
    ruleset: RulesetRef;
    asOf: IsoDate;
    council: Council | null;
    status: CouncilStatus | null;
    /**
     * The status worked out from `status.events` on `asOf` (SPEC §3.7); left out when the
     * status gives the four dates (echoed in `status`) or is not given.
     */
    statusInForce?: StatusInForce;
    intervention: Intervention;
    interventionTitle: string;
    /**
     * Whether the intervention is one in which the government acts on the council\'s services
     * (SPEC §3.5, an addition; [`in_intervention`]).
     */
    inIntervention: boolean;
    latestInspection: Inspection | null;
    findings: Findings;
    dates: KeyDate[];
    /**
     * The periods the rules looked at, with their dates (SPEC §3.5, an addition).
     */
    windows: Window[];
    reasons: Reason[];
    nextSteps: string[];
    warnings: Warning[];
    /**
     * What the next report could bring (SPEC §3.9): the engine\'s own answer, with the same
     * status and ruleset, if Ofsted\'s next report were published on `asOf` (the day after,
     * assessed that day, when a report was published on `asOf`), for each grade in turn.
     */
    outlook: Outlook[];
    /**
     * The last publication date on which an inadequate report would be persistent failure
     * (the latest inadequate report\'s publication + the persistent window); `null` when there
     * is no inadequate report or that date is before `asOf`.
     */
    persistentUntil: IsoDate | null;
}

/**
 * What the sponsor assessment found.
 */
export interface SponsorAssessment {
    ruleset: RulesetRef;
    asOf: IsoDate;
    organisation: OrganisationRef;
    status: Status;
    /**
     * The roles open now, in the answer\'s order (ids of `roles`).
     */
    routes: string[];
    /**
     * Every role this kind of organisation may take on, in the answer\'s order; empty for a
     * council under a notice or direction (see `notes`).
     */
    roles: Role[];
    /**
     * Notes from practice the answer carries (a council under a notice or direction: its own
     * services may move into a trust it owns, SPEC §4.4).
     */
    notes: Reason[];
    criteria: CriterionResult[];
    /**
     * What to find out, for every criterion not known, gates first.
     */
    toFindOut: string[];
    nextSteps: string[];
    warnings: Warning[];
}

/**
 * Where a fact was published.
 */
export interface EventSource {
    title?: string | null;
    url?: string | null;
}

/**
 * Where the grade the rules used came from (SPEC §3.5 `findings.gradeFrom`).
 */
export type GradeFrom = "overall" | "judgements";

/**
 * Whether a threshold comes from a published source or was chosen by this product.
 */
export type Basis = "sourced" | "design";

/**
 * Which council.
 */
export interface Council {
    name?: string | null;
    code?: string | null;
}

/**
 * Which decision function (SPEC §3.2 or §3.3) a ruleset\'s data feeds.
 */
export type Decision = "announcement-2015" | "protocol-2016";

/**
 * Which period.
 */
export type WindowKind = "improvement" | "persistent" | "high_performing";

/**
 * Which ruleset was applied, and whether by date or by request.
 */
export interface RulesetRef {
    id: string;
    title: string;
    inForceFrom: IsoDate;
    inForceTo: IsoDate | null;
    /**
     * `\"asOf\"` when chosen by the assessment date, `\"request\"` when named in the input.
     */
    chosenBy: string;
}

/**
 * Why a report reads as the grade it does, one text for each reading.
 */
export interface GradeReadings {
    inadequate: string;
    good: string;
    requires_improvement: string;
    requires_improvement_leadership: string;
}

/**
 * Why: the rule that fired, in words, with its source.
 */
export interface Reason {
    /**
     * The rule as one string: `protocol-2016/row-4`, `definition/persistent`, or a sponsor
     * note\'s key.
     */
    rule: string;
    /**
     * For a row of a decision table, its ruleset and number (`rule` is then
     * `{ruleset}/row-{row}`): what a page reads, never splitting `rule`.
     */
    row?: RowRef;
    text: string;
    /**
     * `null` where the rule is a design choice of this checker.
     */
    source: Source | null;
}

/**
 * Wording of the definitions behind the findings (SPEC §3.4).
 */
export interface Definitions {
    persistent: Wording;
    systemic: Wording;
    highPerforming: Wording;
    trust: Wording;
}

/**
 * Wording used instead of a row\'s own when the council\'s status already records what the row
 * expects (a direction in force, a notice already issued), so that the answer neither says
 * to expect nor asks to record what is recorded.
 */
export interface RowWhenRecorded {
    source?: string;
    title?: string;
    text?: string;
    nextSteps: string[];
}

/**
 * Words for a council\'s own instruments of intervention.
 */
export interface Instruments {
    improvementNoticeIssued: string;
    directionIssued: string;
}

/**
 * Words for one kind of public decision, with its source.
 */
export interface EventWords {
    source: string;
    /**
     * The decision in words, as a sentence\'s subject (\"a statutory direction\").
     */
    words: string;
}

/**
 * Words for the things ignored when dated after `asOf`.
 */
export interface IgnoredItems {
    inspection: string;
    monitoringVisit: string;
    focusedVisit: string;
    concern: string;
    improvementNoticeIssued: string;
    directionIssued: string;
}

/**
 *r" The Ofsted inspection framework.
 */
export type Framework = "sif" | "ilacs";

/**
 *r" The kind of a concern that can trigger an emergency inspection.
 */
export type ConcernKind = "whistleblower" | "poor_leadership" | "serious_incident";

/**
 *r" The kind of a key date (SPEC §3.2, §3.3); its words are the ruleset file's `keyDates`.
 */
export type KeyDateKind = "improvement_deadline" | "takeover_target" | "commissioner_review_due";

/**
 *r" The kind of a public decision about a council's children's services (SPEC §3.7).
 */
export type EventKind = "improvement_notice" | "notice_lifted" | "statutory_direction" | "direction_revoked" | "commissioner_appointed" | "improvement_adviser_appointed" | "trust_direction" | "trust_established" | "trust_ended";

/**
 *r" The kind of an Ofsted visit between inspections.
 */
export type VisitKind = "monitoring" | "focused";

/**
 *r" The kind of an Ofsted-registered service.
 */
export type ProvisionKind = "childrens_home" | "fostering_agency" | "adoption_agency" | "residential_family_centre" | "other";

/**
 *r" What a monitoring visit found.
 */
export type Progress = "significant" | "some" | "insufficient";

/**
 *r" What a warning is about; its words are the ruleset file's `warnings`.
 */
export type WarningCode = "no_inspection" | "ignored_after_as_of" | "systemic_not_assessed" | "stale_inspection" | "ruleset_not_in_force" | "overall_read_from_judgements" | "status_not_in_file" | "date_not_exact" | "lifting_presumed" | "leadership_only_inadequate";

/**
 *r" What applies to a council: the intervention a decision row gives (SPEC §3.2, §3.3).
 *r" Its words are the title of each row that gives it, in the ruleset data.
 */
export type Intervention = "no_inspection" | "immediate_takeover" | "commissioner" | "statutory_direction" | "improvement_notice" | "improvement_window" | "monitoring" | "emergency_inspection" | "intervention_lifting" | "improvement_support" | "high_performing" | "none";

/**
 *r" What kind of organisation wants to sponsor.
 */
export type OrgKind = "charity" | "community_interest_company" | "company_limited_by_guarantee" | "expert_team" | "private_company" | "local_authority";


/**
 * Assesses one council (SPEC §3). `rulesets` optionally overrides the built-in ruleset data.
 */
export function assessCouncil(input: CouncilInput, rulesets?: RulesetOverride | null): CouncilAssessment;

/**
 * Assesses many councils at once; an invalid item throws with its index in the path (`[3].asOf`).
 */
export function assessCouncils(inputs: CouncilInput[], rulesets?: RulesetOverride | null): CouncilAssessment[];

/**
 * Assesses a would-be sponsor (SPEC §4).
 */
export function assessSponsor(input: SponsorInput, rulesets?: RulesetOverride | null): SponsorAssessment;

/**
 * The intervention of each council on each date, `out[d][c]`: the rows `assessCouncil` would
 * fire, without its words, key dates or outlook (a picture of many councils over time). Each
 * input's `asOf` is replaced by the date; an invalid input throws with its index in the path.
 */
export function interventionsOn(inputs: CouncilInput[], dates: IsoDate[], rulesets?: RulesetOverride | null): Intervention[][];

/**
 * Finds the council a person typed (`src/names.rs`: any everyday form of its name, another
 * name it is known by, its ONS code, small typos) among `candidates` (`{ name, code, aliases }`):
 * `{ exact: index | null, nearest: [index, ...] }`, nearest first, for "Did you mean …?". The
 * same matcher as the command line's `council --name`.
 */
export function matchCouncils(query: string, candidates: Candidate[]): Matches;

/**
 * The rulesets in force (with overrides applied, when given): ids, dates, parameters,
 * wording, sponsor criteria and sources. Pages read every rule's wording from here.
 */
export function rulesets(rulesets?: RulesetOverride | null): RulesetFile;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly assessCouncil: (a: any, b: number) => [number, number, number];
    readonly assessCouncils: (a: any, b: number) => [number, number, number];
    readonly assessSponsor: (a: any, b: number) => [number, number, number];
    readonly interventionsOn: (a: any, b: any, c: number) => [number, number, number];
    readonly matchCouncils: (a: number, b: number, c: any) => [number, number, number];
    readonly rulesets: (a: number) => [number, number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;

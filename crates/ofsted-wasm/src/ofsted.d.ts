/** A date as `YYYY-MM-DD`. */
export type IsoDate = string;
export type Grade = "outstanding" | "good" | "requires_improvement" | "inadequate";
export type SheetName = "ILACS_inspection_history" | "Inspections_as_at_31_March" | "In-year_inspections";

/** An inspection as read from Ofsted's file (SPEC §3.1). */
export interface Inspection {
  published: IsoDate;
  inspected: IsoDate | null;
  framework: "sif" | "ilacs" | null;
  overall: Grade;
  judgements: { helpAndProtection: Grade | null; childrenInCare: Grade | null; careLeavers: Grade | null; leadership: Grade | null } | null;
}
/** A visit as read from Ofsted's file: its date and kind (the file gives no outcome, so
 * `progress` and `priorityActions` are always null). */
export interface Visit {
  date: IsoDate;
  kind: "monitoring" | "focused";
  progress: null;
  priorityActions: null;
}
/** The checker's council input (SPEC §3.1): pass it to `assessCouncil` for the full result. */
export interface CouncilInput {
  council: { name: string | null; code: string | null } | null;
  asOf: IsoDate;
  ruleset: string | null;
  inspections: Inspection[];
  visits: Visit[];
  concerns: never[];
  status: null;
}
export interface KeyDate {
  kind: "improvement_deadline" | "takeover_target" | "commissioner_review_due";
  date: IsoDate;
  /** Days from asOf to the date (0 on the day, negative once past). */
  daysFromAsOf: number;
}
/** One council: the table's columns, and the input that gives its full, explained result. */
export interface ListedCouncil {
  code: string;
  name: string;
  region: string | null;
  /** The latest inspection published on or before asOf. */
  latestGrade: Grade | null;
  latestPublished: IsoDate | null;
  intervention:
    | "no_inspection" | "immediate_takeover" | "monitoring" | "improvement_window" | "commissioner"
    | "emergency_inspection" | "improvement_support" | "high_performing" | "none"
    | "statutory_direction" | "improvement_notice";
  /** The row that fired, e.g. "protocol-2016/row-2". */
  rule: string | null;
  keyDate: KeyDate | null;
  persistent: boolean;
  systemic: boolean;
  highPerforming: boolean;
  /** Inspections in the file for this council, of any date. */
  inspections: number;
  /** Focused and monitoring visits in the file for this council, in its input with their date
   * and kind (the file gives no visit's outcome: see summary.visitsNote). */
  visits: number;
  /** The codes of the engine's warnings for this council (e.g. "stale_inspection"). */
  warnings: string[];
  /** assessCouncil(input) gives this council's full result, the same as this row. */
  input: CouncilInput;
}
export interface FormerCouncil {
  code: string; name: string; region: string | null;
  /** Its last inspection published on or before asOf. */
  latestInspection: Inspection | null;
  inspections: number;
}
export interface FileWarning {
  sheet: SheetName | null;
  file: string | null;
  /** The row as a spreadsheet program shows it, or a CSV file's line number. */
  row: number | null;
  /** "ILACS_inspection_history row 5", or "history.csv (ILACS_inspection_history) line 5". */
  place: string | null;
  text: string;
}
export interface OfstedListing {
  asOf: IsoDate;
  ruleset: { id: string; title: string; inForceFrom: IsoDate; inForceTo: IsoDate | null; chosenBy: "asOf" | "request" };
  source: {
    /** The file name(s) given. */
    path: string;
    format: "spreadsheet" | "csv";
    sheets: { sheet: SheetName; file: string; headerRow: number; rows: number }[];
  };
  /** Sorted by name. */
  councils: ListedCouncil[];
  summary: {
    councils: number;
    byIntervention: Record<string, number>;
    /** By the latest grade published on or before asOf ("none" when there is none). */
    byLatestGrade: Record<string, number>;
    persistent: number;
    systemic: number;
    notAssessed: number;
    noLongerExists: number;
    /** Inspections in the file published after asOf, ignored. */
    inspectionsAfterAsOf: number;
    latestPublishedInFile: IsoDate | null;
    /** The date the file is "as at", when it says. */
    asAt: IsoDate | null;
    /** The visits read into the councils' inputs (date and kind). */
    visits: { monitoring: number; focused: number };
    /** What is read of a visit, and what is not. */
    visitsNote: string;
    /** The engine's warnings over all councils, by code. */
    engineWarnings: Record<string, number>;
  };
  /** Councils the file marks "No longer exists": listed apart, not assessed. */
  noLongerExists: FormerCouncil[];
  notAssessed: { code: string; name: string; error: { code: string; path: string; message: string } }[];
  /** Rows and cells that could not be read, and other notes about the file. */
  warnings: FileWarning[];
}
/** Thrown for a file that is not Ofsted's format, a bad date or ruleset. */
export interface TrustEligibilityError extends Error {
  code: string;
  /** The argument or sheet at fault: "asOf", "ruleset", "ILACS_inspection_history", or "". */
  path: string;
}

/**
 * Reads one file, Ofsted's spreadsheet as published (.ods; .xlsx and .xls too), and lists every
 * council on `asOf` under the ruleset named (or the one in force then), with `rulesets`
 * (a ruleset override, as the checker's functions take) when given.
 */
export function readOfsted(bytes: Uint8Array, fileName: string, asOf: IsoDate, ruleset?: string | null, rulesets?: object | null): OfstedListing;
/** The same from several files: Ofsted's sheets exported as CSV (or one spreadsheet). */
export function readOfstedFiles(files: { name: string; bytes: Uint8Array | ArrayBuffer }[], asOf: IsoDate, ruleset?: string | null, rulesets?: object | null): OfstedListing;

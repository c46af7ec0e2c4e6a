//! Checks a ruleset file for everything serde cannot: known sources and placeholders,
//! sensible durations, the parameters and rows each decision uses, contiguous effective dates,
//! the sponsor criteria the checker evaluates.

use crate::codes::Code;
use crate::error::Error;
use crate::input::OrgKind;
use crate::output::Intervention;
use crate::ruleset::template::template;
use crate::ruleset::{
    invalid, Basis, Criterion, Decision, Row, Ruleset, RulesetFile, WarningWords, Wording, ROUTES,
    SPONSOR_NOTES,
};
use crate::sponsor::criteria::CRITERIA;

/// The largest duration a ruleset may set, in months (100 years).
const MAX_MONTHS: i64 = 1200;

impl Decision {
    /// The rows this decision function can fire, in order: (row, intervention).
    pub fn rows(self) -> Vec<(u32, Intervention)> {
        crate::council::rows(self)
            .iter()
            .map(|r| (r.row, r.intervention))
            .collect()
    }

    /// The parameters this decision function uses (a ruleset carries exactly these).
    pub fn parameters(self) -> &'static [&'static str] {
        crate::council::parameters(self)
    }
}

impl RulesetFile {
    /// Checks everything serde cannot: known sources and placeholders, non-negative
    /// durations, rows matching the decision code, contiguous effective dates.
    pub fn validate(&self) -> Result<(), Error> {
        if self.format != 1 {
            return Err(invalid(
                "format",
                format_args!("format {} is not supported (expected 1)", self.format),
            ));
        }
        if self.rulesets.is_empty() {
            return Err(invalid("rulesets", "must hold at least one ruleset"));
        }
        for (i, rs) in self.rulesets.iter().enumerate() {
            self.validate_ruleset(i, rs)?;
        }
        self.validate_definitions()?;
        self.validate_status_events()?;
        self.validate_warnings()?;
        self.validate_key_dates()?;
        self.validate_grade_reading()?;
        self.validate_sponsor_texts()?;
        self.validate_criteria()?;
        self.validate_routes_and_notes()
    }

    /// `key` is one of the file's sources. (Paths are written only for an error: validating
    /// the default must cost little.)
    fn known_source(&self, key: &str, path: &dyn Fn() -> String) -> Result<(), Error> {
        if self.sources.contains_key(key) {
            Ok(())
        } else {
            Err(invalid(
                path(),
                format_args!("names source \"{key}\", which is not in \"sources\""),
            ))
        }
    }

    /// A wording's source is known and its text a template.
    fn sourced_wording(&self, w: &Wording, at: &dyn Fn() -> String) -> Result<(), Error> {
        self.known_source(&w.source, &|| format!("{}.source", at()))?;
        template(&w.text, &|| format!("{}.text", at()))
    }

    /// The ruleset at `rulesets[i]`: its id, source, summary, parameters, rows and dates.
    fn validate_ruleset(&self, i: usize, rs: &Ruleset) -> Result<(), Error> {
        let at = format!("rulesets[{i}]");
        if rs.id.is_empty() {
            return Err(invalid(format!("{at}.id"), "must not be empty"));
        }
        if self.rulesets[..i].iter().any(|r| r.id == rs.id) {
            return Err(invalid(
                format!("{at}.id"),
                format_args!("\"{}\" is used by two rulesets", rs.id),
            ));
        }
        self.known_source(&rs.source, &|| format!("{at}.source"))?;
        template(&rs.summary, &|| format!("{at}.summary"))?;
        self.validate_parameters(&at, rs)?;
        self.validate_rows(&at, rs)?;
        self.validate_dates(i, rs)
    }

    /// Exactly the parameters the ruleset's decision uses, each sourced and a duration from 0
    /// to 100 years.
    fn validate_parameters(&self, at: &str, rs: &Ruleset) -> Result<(), Error> {
        let uses = rs.decision.parameters();
        for (name, p) in rs.parameters.named() {
            let path = format!("{at}.parameters.{name}");
            let p = match (p, uses.contains(&name)) {
                (Some(p), true) => p,
                (None, false) => continue,
                (None, true) => return Err(invalid(path, "is required but missing")),
                (Some(_), false) => {
                    return Err(invalid(
                        path,
                        format_args!("is not used by the {} decision", rs.id),
                    ))
                }
            };
            self.known_source(&p.source, &|| format!("{path}.source"))?;
            let months = if name.ends_with("Years") {
                p.value.saturating_mul(12)
            } else {
                p.value
            };
            if p.value < 0 {
                return Err(invalid(
                    format!("{path}.value"),
                    format_args!("is {}; a duration cannot be negative", p.value),
                ));
            }
            if months > MAX_MONTHS {
                return Err(invalid(
                    format!("{path}.value"),
                    format_args!("is {}; durations over 100 years are not accepted", p.value),
                ));
            }
        }
        let dropped = format!("{at}.parameters.overallGradeDroppedFrom");
        match (
            &rs.parameters.overall_grade_dropped_from,
            uses.contains(&"overallGradeDroppedFrom"),
        ) {
            (Some(p), true) => self.known_source(&p.source, &|| format!("{dropped}.source")),
            (None, true) => Err(invalid(dropped, "is required but missing")),
            (Some(_), false) => Err(invalid(
                dropped,
                format_args!("is not used by the {} decision", rs.id),
            )),
            (None, false) => Ok(()),
        }
    }

    /// The rows the ruleset's decision fires, in its order, each with its intervention, a
    /// known source and templates for its wording.
    fn validate_rows(&self, at: &str, rs: &Ruleset) -> Result<(), Error> {
        let wanted = rs.decision.rows();
        if rs.rows.len() != wanted.len() {
            return Err(invalid(
                format!("{at}.rows"),
                format_args!(
                    "has {} rows; the {} decision needs exactly {}",
                    rs.rows.len(),
                    rs.id,
                    wanted.len()
                ),
            ));
        }
        for (j, (row, (n, intervention))) in rs.rows.iter().zip(wanted).enumerate() {
            let rp = format!("{at}.rows[{j}]");
            if row.row != n {
                return Err(invalid(
                    format!("{rp}.row"),
                    format_args!("is {}; expected row {n} here", row.row),
                ));
            }
            if row.intervention != intervention {
                return Err(invalid(
                    format!("{rp}.intervention"),
                    format_args!(
                        "is \"{}\"; row {n} of this decision gives \"{}\"",
                        row.intervention.code(),
                        intervention.code()
                    ),
                ));
            }
            self.validate_row_wording(&rp, row)?;
        }
        Ok(())
    }

    /// A row's source and the templates of its wording (and of its wording for a status that
    /// already records what it expects).
    fn validate_row_wording(&self, rp: &str, row: &Row) -> Result<(), Error> {
        self.known_source(&row.source, &|| format!("{rp}.source"))?;
        template(&row.text, &|| format!("{rp}.text"))?;
        for (k, s) in row.next_steps.iter().enumerate() {
            template(s, &|| format!("{rp}.nextSteps[{k}]"))?;
        }
        for (k, s) in row
            .next_steps_passed
            .iter()
            .flat_map(|s| s.iter())
            .enumerate()
        {
            template(s, &|| format!("{rp}.nextStepsPassed[{k}]"))?;
        }
        if let Some(t) = &row.text_before_in_force {
            template(t, &|| format!("{rp}.textBeforeInForce"))?;
        }
        for (field, w) in [
            ("whenRecorded", &row.when_recorded),
            ("whenAdviser", &row.when_adviser),
        ] {
            if let Some(w) = w {
                self.when_wording(w, &format!("{rp}.{field}"))?;
            }
        }
        Ok(())
    }

    /// Checks the wording a row uses in place of its own (`whenRecorded`, `whenAdviser`) at
    /// `at`: a known source and known placeholders.
    fn when_wording(&self, w: &crate::ruleset::RowWhenRecorded, at: &str) -> Result<(), Error> {
        if let Some(s) = &w.source {
            self.known_source(s, &|| format!("{at}.source"))?;
        }
        for (name, t) in [("title", &w.title), ("text", &w.text)] {
            if let Some(t) = t {
                template(t, &|| format!("{at}.{name}"))?;
            }
        }
        for (k, s) in w.next_steps.iter().enumerate() {
            template(s, &|| format!("{at}.nextSteps[{k}]"))?;
        }
        Ok(())
    }

    /// The ruleset at `rulesets[i]` ends after it starts and starts the day after the one
    /// before it ends: the rulesets cover their dates in order, with no gap or overlap.
    fn validate_dates(&self, i: usize, rs: &Ruleset) -> Result<(), Error> {
        let at = format!("rulesets[{i}]");
        if let Some(to) = rs.in_force_to {
            if to < rs.in_force_from {
                return Err(invalid(
                    format!("{at}.inForceTo"),
                    format_args!("{to} is before inForceFrom {}", rs.in_force_from),
                ));
            }
        }
        let Some(prev) = i.checked_sub(1).map(|p| &self.rulesets[p]) else {
            return Ok(());
        };
        match prev.in_force_to {
            None => Err(invalid(format!("rulesets[{}].inForceTo", i - 1), format_args!("is open-ended, so \"{}\" (from {}) overlaps it; rulesets must be listed in date order with no overlaps", rs.id, rs.in_force_from))),
            Some(to) if rs.in_force_from <= to => Err(invalid(
                format!("{at}.inForceFrom"),
                format_args!(
                    "{} overlaps \"{}\", in force to {to}",
                    rs.in_force_from, prev.id
                ),
            )),
            Some(to) if rs.in_force_from != to.add_days(1) => Err(invalid(format!("{at}.inForceFrom"), format_args!("{} leaves a gap after \"{}\", in force to {to}: it must start on {}", rs.in_force_from, prev.id, to.add_days(1)))),
            _ => Ok(()),
        }
    }

    fn validate_definitions(&self) -> Result<(), Error> {
        for (name, w) in [
            ("persistent", &self.definitions.persistent),
            ("systemic", &self.definitions.systemic),
            ("highPerforming", &self.definitions.high_performing),
            ("trust", &self.definitions.trust),
        ] {
            self.sourced_wording(w, &|| format!("definitions.{name}"))?;
        }
        Ok(())
    }

    /// The wording of a status worked out from dated public decisions (SPEC §3.7).
    fn validate_status_events(&self) -> Result<(), Error> {
        let st = &self.status_events;
        self.known_source(&st.source, &|| "statusEvents.source".into())?;
        template(&st.summary, &|| "statusEvents.summary".into())?;
        for (kind, e) in st.events.iter() {
            let kind = kind.code();
            self.known_source(&e.source, &|| format!("statusEvents.events.{kind}.source"))?;
            template(&e.words, &|| format!("statusEvents.events.{kind}.words"))?;
        }
        for (name, w) in [
            ("inForce.commissioner", &st.in_force.commissioner),
            ("inForce.adviser", &st.in_force.adviser),
            ("trustTitle", &st.trust_title),
            ("adviserTitle", &st.adviser_title),
        ] {
            self.sourced_wording(w, &|| format!("statusEvents.{name}"))?;
        }
        Ok(())
    }

    /// The words of every warning, with their source where they name one.
    fn validate_warnings(&self) -> Result<(), Error> {
        for (code, w) in self.warnings.iter() {
            let name = code.code();
            let at = |part: &str| match w {
                WarningWords::Plain(_) => format!("warnings.{name}"),
                WarningWords::Sourced(_) => format!("warnings.{name}.{part}"),
            };
            if let Some(key) = w.source() {
                self.known_source(key, &|| at("source"))?;
            }
            template(w.text(), &|| at("text"))?;
        }
        Ok(())
    }

    /// The wording of the key dates the council decisions give (one for each, the reader
    /// checked: [`crate::codes::Words`]).
    fn validate_key_dates(&self) -> Result<(), Error> {
        for (kind, k) in self.key_dates.iter() {
            let kind = kind.code();
            self.known_source(&k.source, &|| format!("keyDates.{kind}.source"))?;
            for (name, t) in [
                ("label", &k.label),
                ("rule", &k.rule),
                ("future", &k.future),
                ("today", &k.today),
                ("past", &k.past),
            ] {
                template(t, &|| format!("keyDates.{kind}.{name}"))?;
            }
        }
        Ok(())
    }

    fn validate_grade_reading(&self) -> Result<(), Error> {
        let g = &self.grade_reading;
        self.known_source(&g.source, &|| "gradeReading.source".into())?;
        let r = &g.readings;
        for (name, t) in [
            ("summary", &g.summary),
            ("basis", &g.basis),
            ("reasonNote", &g.reason_note),
            ("readings.inadequate", &r.inadequate),
            ("readings.good", &r.good),
            ("readings.requires_improvement", &r.requires_improvement),
            (
                "readings.requires_improvement_leadership",
                &r.requires_improvement_leadership,
            ),
        ] {
            template(t, &|| format!("gradeReading.{name}"))?;
        }
        Ok(())
    }

    /// The sponsor rules' source and how trusts are set up.
    fn validate_sponsor_texts(&self) -> Result<(), Error> {
        self.known_source(&self.sponsor.source, &|| "sponsor.source".into())?;
        for (i, w) in self.sponsor.how_trusts_are_set_up.iter().enumerate() {
            self.sourced_wording(w, &|| format!("sponsor.howTrustsAreSetUp[{i}]"))?;
        }
        for (kind, w) in self.sponsor.not_for_profit_kinds.iter() {
            let at = format!("sponsor.notForProfitKinds.{kind}");
            let known = OrgKind::from_code(kind).is_some_and(|k| k != OrgKind::LocalAuthority);
            if !known {
                return Err(invalid(
                    at,
                    "is not a kind of organisation the not_for_profit criterion applies to",
                ));
            }
            self.sourced_wording(w, &|| at.clone())?;
        }
        Ok(())
    }

    /// Exactly the criteria the checker evaluates (each once), each with the parameters it
    /// needs.
    fn validate_criteria(&self) -> Result<(), Error> {
        if self.sponsor.criteria.len() != CRITERIA.len() {
            return Err(invalid(
                "sponsor.criteria",
                format_args!(
                    "has {} criteria; expected the {} the checker evaluates",
                    self.sponsor.criteria.len(),
                    CRITERIA.len()
                ),
            ));
        }
        for (i, c) in self.sponsor.criteria.iter().enumerate() {
            self.validate_criterion(i, c)?;
        }
        Ok(())
    }

    fn validate_criterion(&self, i: usize, c: &Criterion) -> Result<(), Error> {
        let at = format!("sponsor.criteria[{i}]");
        let Some(needs) = CRITERIA.iter().find(|k| k.id == c.id).map(|k| k.params) else {
            return Err(invalid(
                format!("{at}.id"),
                format_args!("\"{}\" is not a criterion the checker evaluates", c.id),
            ));
        };
        if self.sponsor.criteria[..i].iter().any(|o| o.id == c.id) {
            return Err(invalid(
                format!("{at}.id"),
                format_args!("\"{}\" appears twice", c.id),
            ));
        }
        self.known_source(&c.source, &|| format!("{at}.source"))?;
        for need in needs {
            criterion_param(&at, need, c.params.get(need))?;
        }
        if let Some(extra) = c.params.keys().find(|k| !needs.contains(k)) {
            return Err(invalid(
                format!("{at}.params.{extra}"),
                format_args!("is not a parameter of {}", c.id),
            ));
        }
        template(&c.title, &|| format!("{at}.title"))?;
        template(&c.threshold, &|| format!("{at}.threshold"))?;
        template(&c.what_to_do, &|| format!("{at}.whatToDo"))?;
        template(&c.find_out, &|| format!("{at}.findOut"))?;
        match (&c.rationale, c.basis) {
            (Some(r), _) => template(r, &|| format!("{at}.rationale")),
            (None, Basis::Design) => Err(invalid(
                format!("{at}.rationale"),
                "is required for a design threshold: say it is this service's choice and what it rests on",
            )),
            (None, Basis::Sourced) => Ok(()),
        }
    }

    /// Every route's wording, exactly the notes and the routes the checker gives.
    fn validate_routes_and_notes(&self) -> Result<(), Error> {
        for (id, r) in self.sponsor.routes.iter() {
            template(&r.title, &|| format!("sponsor.routes.{id}.title"))?;
            template(&r.text, &|| format!("sponsor.routes.{id}.text"))?;
            for (i, s) in r.sources.iter().enumerate() {
                self.known_source(s, &|| format!("sponsor.routes.{id}.sources[{i}]"))?;
            }
        }
        for note in SPONSOR_NOTES {
            let Some(w) = self.sponsor.notes.get(note) else {
                return Err(invalid(
                    format!("sponsor.notes.{note}"),
                    "is required but missing",
                ));
            };
            self.sourced_wording(w, &|| format!("sponsor.notes.{note}"))?;
        }
        if let Some(extra) = self
            .sponsor
            .notes
            .keys()
            .find(|k| !SPONSOR_NOTES.contains(k))
        {
            return Err(invalid(
                format!("sponsor.notes.{extra}"),
                "is not a note the checker gives",
            ));
        }
        for route in ROUTES {
            if !self.sponsor.routes.contains_key(route) {
                return Err(invalid(
                    format!("sponsor.routes.{route}"),
                    "is required but missing",
                ));
            }
        }
        match self.sponsor.routes.keys().find(|k| !ROUTES.contains(k)) {
            Some(extra) => Err(invalid(
                format!("sponsor.routes.{extra}"),
                "is not a route the checker opens",
            )),
            None => Ok(()),
        }
    }
}

/// A criterion's parameter `need` (at `at.params.need`): given, 0 or more, and a duration of
/// at most 100 years.
fn criterion_param(at: &str, need: &str, v: Option<&f64>) -> Result<(), Error> {
    match v {
        None => Err(invalid(
            format!("{at}.params.{need}"),
            "is required but missing",
        )),
        Some(v) if !v.is_finite() || *v < 0.0 => Err(invalid(
            format!("{at}.params.{need}"),
            format_args!("is {}; it must be 0 or more", crate::text::number(*v)),
        )),
        Some(v)
            if need == "months" && *v > MAX_MONTHS as f64
                || need == "years" && *v * 12.0 > MAX_MONTHS as f64 =>
        {
            Err(invalid(
                format!("{at}.params.{need}"),
                "durations over 100 years are not accepted",
            ))
        }
        _ => Ok(()),
    }
}

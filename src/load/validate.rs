//! Checks a ruleset file for everything serde cannot: known sources and placeholders,
//! sensible durations, the parameters and rows each decision uses, contiguous effective dates,
//! the sponsor criteria the checker evaluates.

use crate::error::Error;
use crate::ruleset::template::template;
use crate::ruleset::{invalid, Decision, RulesetFile, KEY_DATES, ROUTES};
use crate::sponsor::criteria::CRITERIA;

/// The largest duration a ruleset may set, in months (100 years).
const MAX_MONTHS: i64 = 1200;

impl Decision {
    /// The rows this decision function can fire, in order: (row, intervention id).
    pub fn rows(self) -> Vec<(u32, &'static str)> {
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
        // Paths are written only for an error: validating the default must cost little.
        let source = |key: &str, path: &dyn Fn() -> String| -> Result<(), Error> {
            if self.sources.contains_key(key) {
                Ok(())
            } else {
                Err(invalid(
                    path(),
                    format_args!("names source \"{key}\", which is not in \"sources\""),
                ))
            }
        };
        if self.rulesets.is_empty() {
            return Err(invalid("rulesets", "must hold at least one ruleset"));
        }
        for (i, rs) in self.rulesets.iter().enumerate() {
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
            source(&rs.source, &|| format!("{at}.source"))?;
            template(&rs.summary, &|| format!("{at}.summary"))?;
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
                source(&p.source, &|| format!("{path}.source"))?;
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
                (Some(p), true) => source(&p.source, &|| format!("{dropped}.source"))?,
                (None, true) => return Err(invalid(dropped, "is required but missing")),
                (Some(_), false) => {
                    return Err(invalid(
                        dropped,
                        format_args!("is not used by the {} decision", rs.id),
                    ))
                }
                (None, false) => {}
            }
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
                            "is \"{}\"; row {n} of this decision gives \"{intervention}\"",
                            row.intervention
                        ),
                    ));
                }
                source(&row.source, &|| format!("{rp}.source"))?;
                template(&row.text, &|| format!("{rp}.text"))?;
                for (k, s) in row.next_steps.iter().enumerate() {
                    template(s, &|| format!("{rp}.nextSteps[{k}]"))?;
                }
                for (k, s) in row.next_steps_passed.iter().flatten().enumerate() {
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
            }
            if let Some(to) = rs.in_force_to {
                if to < rs.in_force_from {
                    return Err(invalid(
                        format!("{at}.inForceTo"),
                        format_args!("{to} is before inForceFrom {}", rs.in_force_from),
                    ));
                }
            }
            if let Some(prev) = i.checked_sub(1).map(|p| &self.rulesets[p]) {
                match prev.in_force_to {
                    None => {
                        return Err(invalid(format!("rulesets[{}].inForceTo", i - 1), format_args!("is open-ended, so \"{}\" (from {}) overlaps it; rulesets must be listed in date order with no overlaps", rs.id, rs.in_force_from)));
                    }
                    Some(to) if rs.in_force_from <= to => {
                        return Err(invalid(
                            format!("{at}.inForceFrom"),
                            format_args!(
                                "{} overlaps \"{}\", in force to {to}",
                                rs.in_force_from, prev.id
                            ),
                        ));
                    }
                    Some(to) if rs.in_force_from != to.add_days(1) => {
                        return Err(invalid(format!("{at}.inForceFrom"), format_args!("{} leaves a gap after \"{}\", in force to {to}: it must start on {}", rs.in_force_from, prev.id, to.add_days(1))));
                    }
                    _ => {}
                }
            }
        }
        for (name, w) in [
            ("persistent", &self.definitions.persistent),
            ("systemic", &self.definitions.systemic),
            ("highPerforming", &self.definitions.high_performing),
            ("trust", &self.definitions.trust),
        ] {
            source(&w.source, &|| format!("definitions.{name}.source"))?;
            template(&w.text, &|| format!("definitions.{name}.text"))?;
        }
        let st = &self.status_events;
        source(&st.source, &|| "statusEvents.source".into())?;
        template(&st.summary, &|| "statusEvents.summary".into())?;
        for (kind, e) in st.events.all() {
            source(&e.source, &|| format!("statusEvents.events.{kind}.source"))?;
            template(&e.words, &|| format!("statusEvents.events.{kind}.words"))?;
        }
        for (name, w) in [
            ("inForce.commissioner", &st.in_force.commissioner),
            ("inForce.adviser", &st.in_force.adviser),
            ("trustTitle", &st.trust_title),
            ("adviserTitle", &st.adviser_title),
            ("warnings.date_not_exact", &st.warnings.date_not_exact),
            ("warnings.lifting_presumed", &st.warnings.lifting_presumed),
            (
                "warnings.leadership_only_inadequate",
                &st.warnings.leadership_only_inadequate,
            ),
        ] {
            source(&w.source, &|| format!("statusEvents.{name}.source"))?;
            template(&w.text, &|| format!("statusEvents.{name}.text"))?;
        }
        let w = &self.warnings;
        for (name, t) in [
            ("no_inspection", &w.no_inspection),
            ("ignored_after_as_of", &w.ignored_after_as_of),
            ("systemic_not_assessed", &w.systemic_not_assessed),
            ("stale_inspection", &w.stale_inspection),
            ("ruleset_not_in_force", &w.ruleset_not_in_force),
            (
                "overall_read_from_judgements",
                &w.overall_read_from_judgements,
            ),
            ("status_not_in_file", &w.status_not_in_file),
        ] {
            template(t, &|| format!("warnings.{name}"))?;
        }
        for kind in KEY_DATES {
            let Some(k) = self.key_dates.get(kind) else {
                return Err(invalid(
                    format!("keyDates.{kind}"),
                    "is required but missing",
                ));
            };
            source(&k.source, &|| format!("keyDates.{kind}.source"))?;
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
        if let Some(extra) = self
            .key_dates
            .keys()
            .find(|k| !KEY_DATES.contains(&k.as_str()))
        {
            return Err(invalid(
                format!("keyDates.{extra}"),
                "is not a key date the checker gives",
            ));
        }
        let g = &self.grade_reading;
        source(&g.source, &|| "gradeReading.source".into())?;
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
        source(&self.sponsor.source, &|| "sponsor.source".into())?;
        for (i, w) in self.sponsor.how_trusts_are_set_up.iter().enumerate() {
            source(&w.source, &|| {
                format!("sponsor.howTrustsAreSetUp[{i}].source")
            })?;
            template(&w.text, &|| format!("sponsor.howTrustsAreSetUp[{i}].text"))?;
        }
        for (kind, w) in self.sponsor.not_for_profit_kinds.iter() {
            let at = format!("sponsor.notForProfitKinds.{kind}");
            let known = crate::input::OrgKind::ALL
                .iter()
                .any(|k| k.id() == kind && *k != crate::input::OrgKind::LocalAuthority);
            if !known {
                return Err(invalid(
                    at,
                    "is not a kind of organisation the not_for_profit criterion applies to",
                ));
            }
            source(&w.source, &|| format!("{at}.source"))?;
            template(&w.text, &|| format!("{at}.text"))?;
        }
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
            source(&c.source, &|| format!("{at}.source"))?;
            for need in needs {
                match c.params.get(need) {
                    None => {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            "is required but missing",
                        ))
                    }
                    Some(v) if !v.is_finite() || *v < 0.0 => {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            format_args!("is {}; it must be 0 or more", crate::text::number(*v)),
                        ))
                    }
                    Some(v)
                        if *need == "months" && *v > MAX_MONTHS as f64
                            || *need == "years" && *v * 12.0 > MAX_MONTHS as f64 =>
                    {
                        return Err(invalid(
                            format!("{at}.params.{need}"),
                            "durations over 100 years are not accepted",
                        ))
                    }
                    _ => {}
                }
            }
            if let Some(extra) = c.params.keys().find(|k| !needs.contains(&k.as_str())) {
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
                (Some(r), _) => template(r, &|| format!("{at}.rationale"))?,
                (None, crate::ruleset::Basis::Design) => {
                    return Err(invalid(
                        format!("{at}.rationale"),
                        "is required for a design threshold: say it is this service's choice and what it rests on",
                    ))
                }
                (None, crate::ruleset::Basis::Sourced) => {}
            }
        }
        for (id, r) in self.sponsor.routes.iter() {
            template(&r.title, &|| format!("sponsor.routes.{id}.title"))?;
            template(&r.text, &|| format!("sponsor.routes.{id}.text"))?;
            for (i, s) in r.sources.iter().enumerate() {
                source(s, &|| format!("sponsor.routes.{id}.sources[{i}]"))?;
            }
        }
        for note in crate::ruleset::SPONSOR_NOTES {
            let Some(w) = self.sponsor.notes.get(note) else {
                return Err(invalid(
                    format!("sponsor.notes.{note}"),
                    "is required but missing",
                ));
            };
            source(&w.source, &|| format!("sponsor.notes.{note}.source"))?;
            template(&w.text, &|| format!("sponsor.notes.{note}.text"))?;
        }
        if let Some(extra) = self
            .sponsor
            .notes
            .keys()
            .find(|k| !crate::ruleset::SPONSOR_NOTES.contains(&k.as_str()))
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
        if let Some(extra) = self
            .sponsor
            .routes
            .keys()
            .find(|k| !ROUTES.contains(&k.as_str()))
        {
            return Err(invalid(
                format!("sponsor.routes.{extra}"),
                "is not a route the checker opens",
            ));
        }
        Ok(())
    }
}

impl RulesetFile {
    /// Checks the wording a row uses in place of its own (`whenRecorded`, `whenAdviser`) at
    /// `at`: a known source and known placeholders.
    fn when_wording(&self, w: &crate::ruleset::RowWhenRecorded, at: &str) -> Result<(), Error> {
        if let Some(s) = w.source.as_ref().filter(|s| !self.sources.contains_key(s)) {
            return Err(invalid(
                format!("{at}.source"),
                format_args!("names source \"{s}\", which is not in \"sources\""),
            ));
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
}

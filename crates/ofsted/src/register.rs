//! The register of public decisions (`data/interventions/register.csv`; its README says what
//! each column means): each row a dated decision about one council (a notice, a direction, a
//! commissioner, an adviser, a trust), read into that council's `status.events` (SPEC §3.7)
//! with its date's precision, its source and the register's confidence in it.
//!
//! A row it cannot read (a date that is not a date or does not match its precision, an unknown
//! event or confidence, a code that is not a council) is reported by file and line and skipped;
//! the rest are read. A source address that is not `https:` or `http:` is dropped (the title
//! kept, shown as text) with a warning.

use crate::d2i::{columns, is_web_address, records, Lookup};
use crate::sheets::{Location, ReadWarning, SheetKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use trust_eligibility::date::{DateError, PartialDate, Precision};
use trust_eligibility::error::Error;
use trust_eligibility::input::{quote_short, EventKind, EventSource, StatusEvent};

/// How sure the register is of a fact (its README): `high` a primary source or a dated report;
/// `medium` a report with an approximate date; `low` a change-log line or a plan announced.
/// Data for the pages to show; no rule reads it.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    /// The code, as serde spells it.
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// One decision of the register: the engine's event (SPEC §3.7) with how precisely its date is
/// known and the register's confidence in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct RegisterEvent {
    pub event: EventKind,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub date: PartialDate,
    pub precision: Precision,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<EventSource>,
}

impl RegisterEvent {
    /// The event as the engine takes it.
    pub fn status_event(&self) -> StatusEvent {
        StatusEvent {
            event: self.event,
            date: self.date,
            source: self.source.clone(),
        }
    }
}

/// What was read from the register.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct RegisterRead {
    pub file: String,
    /// Rows read into councils' events.
    pub events: usize,
    /// Rows skipped (each reported by line).
    pub skipped: usize,
    /// Events by kind.
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, number>"))]
    pub by_event: BTreeMap<String, usize>,
    /// Events by confidence.
    #[cfg_attr(feature = "typescript", tsify(type = "Record<string, number>"))]
    pub by_confidence: BTreeMap<String, usize>,
}

fn event_kind(s: &str) -> Option<EventKind> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

pub(crate) fn event_id(e: EventKind) -> String {
    serde_json::to_value(e)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Reads the register: each council's events by code (in the register's order), and what was
/// read. `known` says whether a code is a council (the lookup's, or the statistics').
pub fn read_register(
    shown: &str,
    bytes: &[u8],
    known: &dyn Fn(&str) -> bool,
    warnings: &mut Vec<ReadWarning>,
) -> Result<(BTreeMap<String, Vec<RegisterEvent>>, RegisterRead), Error> {
    let kind = SheetKind::Register;
    let rec = records(kind, shown, bytes)?;
    let [council, code, event, date, precision, confidence, title, url] = columns(
        &rec,
        kind,
        shown,
        [
            "council",
            "code",
            "event",
            "date",
            "precision",
            "confidence",
            "source_title",
            "source_url",
        ],
        "the register of public decisions (data/interventions/register.csv)",
    )?;
    let mut out: BTreeMap<String, Vec<RegisterEvent>> = BTreeMap::new();
    let mut read = RegisterRead {
        file: shown.to_string(),
        ..RegisterRead::default()
    };
    for (line, cells) in &rec.rows {
        let at = Location::line(kind, shown, Some(*line));
        let mut warn = |text: String| {
            warnings.push(ReadWarning {
                at: Some(at.clone()),
                text,
            })
        };
        if cells.iter().all(|c| matches!(c, Ok(s) if s.is_empty())) {
            continue;
        }
        let cell = |i: usize| -> Result<&str, String> {
            match cells.get(i) {
                Some(Ok(s)) => Ok(s.as_str()),
                Some(Err(())) => Err(format!(
                    "column \"{}\" is text that is not UTF-8",
                    rec.headers[i]
                )),
                None => Ok(""),
            }
        };
        let row = (|| -> Result<(String, RegisterEvent, Option<String>), String> {
            let name = cell(council)?;
            let c = cell(code)?;
            if !known(c) {
                return Err(format!(
                    "{} is not a council's code in the lookup{}",
                    quote_short(c),
                    if name.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", quote_short(name))
                    }
                ));
            }
            let e = cell(event)?;
            let ev = event_kind(e).ok_or_else(|| {
                format!(
                    "{} is not an event (improvement_notice, notice_lifted, statutory_direction, direction_revoked, commissioner_appointed, improvement_adviser_appointed, trust_direction, trust_established, trust_ended)",
                    quote_short(e)
                )
            })?;
            let d = cell(date)?;
            let pd = PartialDate::parse(d).map_err(|err| match err {
                DateError::NotADate => format!(
                    "{} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
                    quote_short(d)
                ),
                DateError::OutOfRange => format!(
                    "{} is outside the dates accepted (1990 to 2100)",
                    quote_short(d)
                ),
            })?;
            let p = cell(precision)?;
            let given = match p {
                "day" => Precision::Day,
                "month" => Precision::Month,
                "year" => Precision::Year,
                other => {
                    return Err(format!(
                        "{} is not a precision (day, month or year)",
                        quote_short(other)
                    ))
                }
            };
            if given != pd.precision() {
                return Err(format!(
                    "the date {} is not known to the {p}, as its precision says",
                    quote_short(d)
                ));
            }
            let conf = match cell(confidence)? {
                "high" => Confidence::High,
                "medium" => Confidence::Medium,
                "low" => Confidence::Low,
                other => {
                    return Err(format!(
                        "{} is not a confidence (high, medium or low)",
                        quote_short(other)
                    ))
                }
            };
            let t = cell(title)?;
            let u = cell(url)?;
            let mut note = None;
            let url = if u.is_empty() {
                None
            } else if is_web_address(u) {
                Some(u.to_string())
            } else {
                note = Some(format!(
                    "the source's address {} is not an https: or http: address; dropped (the title is shown as text)",
                    quote_short(u)
                ));
                None
            };
            let source = (!t.is_empty() || url.is_some()).then(|| EventSource {
                title: (!t.is_empty()).then(|| t.to_string()),
                url,
            });
            Ok((
                c.to_string(),
                RegisterEvent {
                    event: ev,
                    date: pd,
                    precision: given,
                    confidence: conf,
                    source,
                },
                note,
            ))
        })();
        match row {
            Ok((c, ev, note)) => {
                if let Some(n) = note {
                    warn(n);
                }
                let list = out.entry(c).or_default();
                if list.contains(&ev) {
                    warn("the same event is listed twice; read once".to_string());
                    continue;
                }
                read.events += 1;
                *read.by_event.entry(event_id(ev.event)).or_default() += 1;
                *read
                    .by_confidence
                    .entry(ev.confidence.id().to_string())
                    .or_default() += 1;
                list.push(ev);
            }
            Err(why) => {
                read.skipped += 1;
                warn(format!("{why}; row skipped"));
            }
        }
    }
    Ok((out, read))
}

/// Whether a code is a council: in the lookup, or among the councils read.
pub(crate) fn known_code<'a>(
    lookup: &'a Lookup,
    extra: &'a [String],
) -> impl Fn(&str) -> bool + 'a {
    move |c: &str| lookup.by_code(c).is_some() || extra.iter().any(|x| x == c)
}

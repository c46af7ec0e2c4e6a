//! SPEC §3.7: a council's status on `asOf`, worked out from its dated public decisions
//! (`status.events`): which improvement notice, statutory direction, commissioner or adviser,
//! trust and trust direction are in force. The four dates it gives feed the same facts the
//! four dates of `status` do, so every row reads the same facts whichever way status was given.

use super::facts::Warn;
use crate::date::{Date, IsoDate, PartialDate, Precision};
use crate::input::{EventKind, EventSource, Grade, Inspection, StatusEvent};
use crate::output;
use crate::output::WarningCode;
use crate::ruleset::RulesetFile;

/// What is in force on `asOf`, as references into the input's events.
#[derive(Default)]
pub(crate) struct Worked<'a> {
    pub notice: Option<&'a StatusEvent>,
    pub direction: Option<&'a StatusEvent>,
    pub commissioner: Option<&'a StatusEvent>,
    pub adviser: Option<&'a StatusEvent>,
    pub trust: Option<&'a StatusEvent>,
    pub trust_direction: Option<&'a StatusEvent>,
    /// Instruments presumed lifted: the instrument, the report of requires improvement or
    /// better that followed it, and the report that followed that one.
    pub presumed_lifted: Vec<(&'a StatusEvent, &'a Inspection, &'a Inspection)>,
}

/// Works out the status on `as_of` from `events`, given the reports published on or before
/// `as_of` in publication order (for presumed lifting).
pub(crate) fn work_out<'a>(
    events: &'a [StatusEvent],
    as_of: Date,
    reports: &[&'a Inspection],
    rules: &RulesetFile,
    warn: &mut Warn,
) -> Worked<'a> {
    let words = &rules.status_events;
    let mut dated: Vec<&StatusEvent> = Vec::with_capacity(events.len());
    for e in events {
        if e.date.last_day() <= as_of {
            dated.push(e);
        } else {
            warn.push(|| {
                output::warning(
                    rules,
                    WarningCode::IgnoredAfterAsOf,
                    &[
                        ("item", words.events.of(e.event).words.to_string()),
                        ("date", e.date.to_string()),
                        ("asOf", as_of.text()),
                    ],
                )
            });
        }
    }
    // In date order; on one day a decision before what follows from it (a direction before
    // its commissioner), in the order of `EventKind`; the input's order otherwise.
    crate::order::sort_by_key(&mut dated, |e| (e.date.last_day(), e.event));
    let mut w = Worked::default();
    for e in &dated {
        if e.date.precision() != Precision::Day {
            warn.push(|| {
                let precision = match e.date.precision() {
                    Precision::Year => &words.precision.year,
                    _ => &words.precision.month,
                };
                output::warning(
                    rules,
                    WarningCode::DateNotExact,
                    &[
                        ("event", words.events.of(e.event).words.to_string()),
                        ("precision", precision.to_string()),
                        ("date", e.date.to_string()),
                        ("readAs", e.date.last_day().text()),
                    ],
                )
            });
        }
        match e.event {
            EventKind::ImprovementNotice => {
                w.notice.get_or_insert(e);
            }
            EventKind::NoticeLifted => w.notice = None,
            EventKind::StatutoryDirection => {
                // A direction supersedes the notice; a revised direction keeps the first date.
                w.notice = None;
                w.direction.get_or_insert(e);
            }
            EventKind::DirectionRevoked => {
                w.direction = None;
                w.commissioner = None;
                w.adviser = None;
            }
            EventKind::CommissionerAppointed => {
                w.commissioner = Some(e);
                w.adviser = None;
            }
            EventKind::ImprovementAdviserAppointed => {
                w.adviser = Some(e);
                w.commissioner = None;
            }
            EventKind::TrustDirection => w.trust_direction = Some(e),
            EventKind::TrustEstablished => {
                w.trust.get_or_insert(e);
            }
            EventKind::TrustEnded => w.trust = None,
        }
    }
    if let Some(n) = w.notice {
        if let Some(found) = presumed_lifted(n, reports) {
            w.notice = None;
            w.presumed_lifted.push((n, found.0, found.1));
        }
    }
    // A direction under which a trust runs the services is not presumed lifted: the trust
    // rests on it.
    if let (Some(d), None) = (w.direction, w.trust) {
        if let Some(found) = presumed_lifted(d, reports) {
            w.direction = None;
            w.commissioner = None;
            w.adviser = None;
            w.presumed_lifted.push((d, found.0, found.1));
        }
    }
    for (instrument, report, next) in &w.presumed_lifted {
        warn.push(|| {
            let which = match instrument.event {
                EventKind::StatutoryDirection => &rules.instruments.direction_issued,
                _ => &rules.instruments.improvement_notice_issued,
            };
            output::warning(
                rules,
                WarningCode::LiftingPresumed,
                &[
                    ("instrument", which.to_string()),
                    ("issued", instrument.date.to_string()),
                    ("published", report.published.text()),
                    (
                        "grade",
                        report
                            .grade()
                            .map_or_else(String::new, |g| rules.grades.of(g).to_string()),
                    ),
                    ("followedBy", next.published.text()),
                ],
            )
        });
    }
    w
}

/// The report of requires improvement or better that followed `instrument`, and the report
/// that followed that one, if both exist: the lifting was due at the first (SPEC §3.3 row 8).
fn presumed_lifted<'a>(
    instrument: &StatusEvent,
    reports: &[&'a Inspection],
) -> Option<(&'a Inspection, &'a Inspection)> {
    let since = instrument.date.last_day();
    let first = reports
        .iter()
        .position(|r| r.published > since && r.grade().is_some_and(|g| g != Grade::Inadequate))?;
    let next = reports.get(first + 1)?;
    Some((reports[first], next))
}

/// One decision in force on `asOf`, as the answer reports it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct InForce {
    pub event: EventKind,
    /// The date as given (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    #[cfg_attr(feature = "typescript", tsify(type = "string"))]
    pub date: PartialDate,
    pub precision: Precision,
    /// The day the rules read it as: the last day it could be.
    pub read_as: IsoDate,
    pub source: Option<EventSource>,
}

impl InForce {
    fn of(e: &StatusEvent) -> InForce {
        InForce {
            event: e.event,
            date: e.date,
            precision: e.date.precision(),
            read_as: e.date.last_day(),
            source: e.source.clone(),
        }
    }
}

/// A notice or direction not recorded as lifted but presumed lifted (SPEC §3.7).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct PresumedLifting {
    pub instrument: InForce,
    /// The report of requires improvement or better that followed it.
    pub report: IsoDate,
    /// The report that followed that one.
    pub followed_by: IsoDate,
}

/// The status the engine worked out from `status.events` on `asOf` (SPEC §3.7): each
/// decision in force, with its date as given and its source; `null` where none is.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct StatusInForce {
    pub improvement_notice: Option<InForce>,
    pub statutory_direction: Option<InForce>,
    pub commissioner: Option<InForce>,
    /// A DfE improvement adviser in place of a commissioner.
    pub improvement_adviser: Option<InForce>,
    pub trust: Option<InForce>,
    /// Reported only: it changes no row.
    pub trust_direction: Option<InForce>,
    pub presumed_lifted: Vec<PresumedLifting>,
}

impl StatusInForce {
    pub(crate) fn of(w: &Worked) -> StatusInForce {
        let of = |e: Option<&StatusEvent>| e.map(InForce::of);
        StatusInForce {
            improvement_notice: of(w.notice),
            statutory_direction: of(w.direction),
            commissioner: of(w.commissioner),
            improvement_adviser: of(w.adviser),
            trust: of(w.trust),
            trust_direction: of(w.trust_direction),
            presumed_lifted: w
                .presumed_lifted
                .iter()
                .map(|(i, r, n)| PresumedLifting {
                    instrument: InForce::of(i),
                    report: r.published,
                    followed_by: n.published,
                })
                .collect(),
        }
    }
}

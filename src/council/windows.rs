//! The periods the rules looked at for an answer (SPEC §3.5, an addition): the six months to
//! show improvement, the years in which another inadequate report makes failure persistent, and
//! the years with no inadequate report for a high-performing council; each with its dates, worked
//! out with the engine's own calendar arithmetic (SPEC §5), for a page to draw.

use super::facts::Facts;
use crate::date::IsoDate;
use crate::input::Grade;
use crate::output::Intervention;
use crate::ruleset::{value, Decision, Ruleset};

/// Which period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub enum WindowKind {
    /// The months from the latest report's publication to the deadline to show significant
    /// improvement (SPEC §3.2 rows 3–5).
    Improvement,
    /// The years before the latest inadequate report in which another makes failure persistent
    /// (SPEC §3.4).
    Persistent,
    /// The years before `asOf` in which no report may be inadequate for a good or outstanding
    /// council to be high-performing (SPEC §3.4).
    HighPerforming,
}

/// A period the rules looked at, from one date to another (both included).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
pub struct Window {
    pub id: WindowKind,
    pub from: IsoDate,
    pub to: IsoDate,
}

/// The interventions of SPEC §3.2 that turn on the six months to improve: a visit within them
/// (row 3), still in them (row 4), or them run out (row 5).
const TURN_ON_IMPROVEMENT: [Intervention; 3] = [
    Intervention::Monitoring,
    Intervention::ImprovementWindow,
    Intervention::Commissioner,
];

/// The periods the rules looked at for the facts `f` and the intervention that applies.
pub(crate) fn windows(f: &Facts, rs: &Ruleset, intervention: Intervention) -> Vec<Window> {
    let p = &rs.parameters;
    let Some(latest) = f.latest else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if f.grade == Some(Grade::Inadequate) {
        if rs.decision == Decision::Announcement2015 && TURN_ON_IMPROVEMENT.contains(&intervention)
        {
            out.push(Window {
                id: WindowKind::Improvement,
                from: latest.published,
                to: latest
                    .published
                    .add_months(value(&p.improvement_window_months)),
            });
        }
        out.push(Window {
            id: WindowKind::Persistent,
            from: latest
                .published
                .add_years(-value(&p.persistent_window_years)),
            to: latest.published,
        });
    }
    if f.grade.is_some_and(Grade::is_good_or_better) {
        out.push(Window {
            id: WindowKind::HighPerforming,
            from: f.high_performing_since,
            to: f.as_of,
        });
    }
    out
}

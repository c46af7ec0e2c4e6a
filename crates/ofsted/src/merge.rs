//! How Data to Insight's report history ([`crate::d2i`]) is merged into Ofsted's statistics:
//! the lookup's names, codes and neighbours added to every council it knows, then each report
//! of the history matched, added or reported (see [`crate::d2i`]'s notes on merging).

use crate::d2i::{Lookup, ReportHistory, FORMER_CODES};
use crate::history::{CouncilHistory, HistoryRead, OfstedData};
use crate::sheets::{Location, ReadWarning, SheetKind};
use std::collections::{BTreeMap, BTreeSet};
use trust_eligibility::date::Date;
use trust_eligibility::input::Inspection;

/// Adds the lookup's other names, other codes and statistical neighbours to every council it
/// knows, moving a council under a former code ([`FORMER_CODES`]) to its current code.
pub(crate) fn enrich(data: &mut OfstedData, lookup: &Lookup) {
    for c in data
        .councils
        .iter_mut()
        .chain(data.no_longer_exists.iter_mut())
    {
        if lookup.by_code(&c.code).is_none() {
            if let Some((old, new)) = FORMER_CODES.iter().find(|(old, _)| *old == c.code) {
                if !c.other_codes.iter().any(|x| x == old) {
                    c.other_codes.push(old.to_string());
                }
                c.code = new.to_string();
            }
        }
        if let Some(l) = lookup.by_code(&c.code) {
            c.aliases = l.aliases.clone();
            c.neighbours = l.neighbours.clone();
            if l.name != c.name && !c.aliases.contains(&l.name) {
                c.aliases.insert(0, l.name.clone());
            }
        }
    }
}

/// Merges the report history into the statistics (see the module's notes).
pub(crate) fn merge_history(
    data: &mut OfstedData,
    history: ReportHistory,
    lookup: &Lookup,
    warnings: &mut Vec<ReadWarning>,
) -> HistoryRead {
    enrich(data, lookup);
    let mut out = HistoryRead {
        file: history.file.clone(),
        as_at: history.latest,
        reports: history.rows.len(),
        ..HistoryRead::default()
    };
    // The statistics' latest publication per council, before anything is added.
    let stats_latest: BTreeMap<String, Option<Date>> = data
        .councils
        .iter()
        .chain(&data.no_longer_exists)
        .map(|c| {
            (
                c.code.clone(),
                c.inspections.iter().map(|i| i.published).max(),
            )
        })
        .collect();
    let from_stats: BTreeSet<(String, Date)> = data
        .councils
        .iter()
        .chain(&data.no_longer_exists)
        .flat_map(|c| c.inspections.iter().map(|i| (c.code.clone(), i.published)))
        .collect();
    let mut seen: BTreeSet<(String, Date)> = BTreeSet::new();
    let mut not_added_blank: Vec<usize> = Vec::new();
    for row in history.rows {
        let key = (row.code.clone(), row.inspection.published);
        let warn = |warnings: &mut Vec<ReadWarning>, text: String| {
            warnings.push(ReadWarning {
                at: Some(row.at.clone()),
                text,
            })
        };
        if !seen.insert(key.clone()) {
            warn(
                warnings,
                format!(
                    "{}'s report published {} is listed twice; the first is used",
                    row.code, row.inspection.published
                ),
            );
            continue;
        }
        let idx = data.councils.iter().position(|c| c.code == row.code);
        let council: &mut CouncilHistory = match idx {
            Some(i) => &mut data.councils[i],
            None => match data
                .no_longer_exists
                .iter()
                .position(|c| c.code == row.code)
            {
                Some(i) => &mut data.no_longer_exists[i],
                None => {
                    let l = lookup.by_code(&row.code);
                    data.councils.push(CouncilHistory {
                        code: row.code.clone(),
                        name: l.map_or_else(|| row.code.clone(), |l| l.name.clone()),
                        region: l.and_then(|l| l.region.clone()),
                        inspections: Vec::new(),
                        visits: Vec::new(),
                        aliases: l.map(|l| l.aliases.clone()).unwrap_or_default(),
                        other_codes: Vec::new(),
                        neighbours: l.map(|l| l.neighbours.clone()).unwrap_or_default(),
                        events: Vec::new(),
                    });
                    data.councils.last_mut().expect("just pushed")
                }
            },
        };
        if from_stats.contains(&key) {
            out.matched += 1;
            let Some(stat) = council
                .inspections
                .iter_mut()
                .find(|i| i.published == row.inspection.published)
            else {
                continue;
            };
            if let Some(diff) = differences(stat, &row.inspection) {
                let text = format!(
                    "{} ({}): the report published {} differs from Ofsted's statistics ({diff}); the statistics are used",
                    council.name, council.code, row.inspection.published
                );
                out.disagreements.push(format!("{}: {text}", row.at));
                warn(warnings, text);
            }
            if stat.report.is_none() {
                if let Some(link) = &row.inspection.report {
                    stat.report = Some(link.clone());
                    out.linked += 1;
                }
            }
            continue;
        }
        if let Some(why) = row.unusable {
            out.not_added += 1;
            if row.inspection.judgements.is_none() && row.inspection.overall.is_none() {
                not_added_blank.push(row.at.row.unwrap_or_default());
            } else {
                warn(
                    warnings,
                    format!(
                        "{} ({}): the report published {} is not in Ofsted's statistics and has {why}; not added (add it from the report)",
                        council.name, council.code, row.inspection.published
                    ),
                );
            }
            continue;
        }
        if row.inspection.report.is_some() {
            out.linked += 1;
        }
        council.inspections.push(row.inspection);
        out.added += 1;
    }
    if !not_added_blank.is_empty() {
        let lines: Vec<String> = not_added_blank.iter().map(usize::to_string).collect();
        warnings.push(ReadWarning {
            at: Some(Location::line(
                SheetKind::ReportHistory,
                &history.file,
                None,
            )),
            text: format!(
                "{} reports not in Ofsted's statistics give no grade at all (older reports the tool does not read); not added: lines {}",
                lines.len(),
                lines.join(", ")
            ),
        });
    }
    for c in data
        .councils
        .iter_mut()
        .chain(data.no_longer_exists.iter_mut())
    {
        c.inspections.sort_by_key(|i| i.published);
        let before = stats_latest.get(&c.code).copied().flatten();
        if let Some(last) = c.inspections.last() {
            if before.is_none_or(|b| last.published > b)
                && !from_stats.contains(&(c.code.clone(), last.published))
            {
                out.newer_latest.push(c.code.clone());
                if last.overall.is_none() {
                    out.newer_without_overall += 1;
                }
            }
        }
    }
    out.newer_latest.sort();
    data.latest_published = data
        .councils
        .iter()
        .chain(&data.no_longer_exists)
        .flat_map(|c| c.inspections.iter().map(|i| i.published))
        .max();
    out
}

/// Where two readings of one report differ on a grade both give, in words.
fn differences(stat: &Inspection, hist: &Inspection) -> Option<String> {
    let words = crate::history::grade_in_words;
    let mut out = Vec::new();
    if let (Some(a), Some(b)) = (stat.overall, hist.overall) {
        if a != b {
            out.push(format!("overall {} there, {} here", words(a), words(b)));
        }
    }
    if let (Some(ja), Some(jb)) = (&stat.judgements, &hist.judgements) {
        for (what, a, b) in [
            ("leaders", ja.leadership, jb.leadership),
            (
                "help and protection",
                ja.help_and_protection,
                jb.help_and_protection,
            ),
            ("children in care", ja.children_in_care, jb.children_in_care),
            ("care leavers", ja.care_leavers, jb.care_leavers),
        ] {
            if let (Some(a), Some(b)) = (a, b) {
                if a != b {
                    out.push(format!("{what} {} there, {} here", words(a), words(b)));
                }
            }
        }
    }
    (!out.is_empty()).then(|| out.join("; "))
}

//! Finding a council by what a person types (SPEC §7: "a name matched forgivingly"): its name in
//! any everyday form, another name it is known by ("BCP", "Hull"), or its ONS code
//! ("E08000032"), with small typos forgiven. Pure, no dependencies: the command line's
//! `council --name` and the checker's wasm (`matchCouncils`) use the same matcher.
//!
//! Names are compared after [`normalise`]: case, accents-free punctuation and spacing ignored,
//! "&" read as "and", "St" and "St." as "Saint", and the words that say what kind of council it
//! is dropped ("Council", "City of", "County", "Borough", "Metropolitan Borough", "Royal Borough
//! of", "London Borough of"; also "Metropolitan District", "District"). A query matches exactly
//! when its normal form equals a candidate's name's, one of its other names', or (as an ONS
//! code, any case) its code. Otherwise the nearest names are those within a small edit distance
//! (Damerau–Levenshtein: one edit per five letters, at least one), nearest first; a query that
//! has only one such candidate at the least distance is taken as that candidate when the
//! distance is at most 2 ("Bradfrod" is Bradford).
//!
//! ```
//! use trust_eligibility::names::{find, Candidate};
//! let list = [
//!     Candidate { name: "Bradford".into(), code: "E08000032".into(), aliases: vec![] },
//!     Candidate { name: "Bournemouth, Christchurch and Poole".into(), code: "E06000058".into(),
//!                 aliases: vec!["BCP".into()] },
//! ];
//! assert_eq!(find("City of Bradford Metropolitan District Council", &list).exact, Some(0));
//! assert_eq!(find("bcp", &list).exact, Some(1));
//! assert_eq!(find("e08000032", &list).exact, Some(0));
//! assert_eq!(find("Bradfrod", &list).exact, Some(0));
//! let none = find("Bratford-on-Sea", &list);
//! assert_eq!(none.exact, None);
//! ```

/// A council that can be found: its name, code and other names.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Candidate {
    pub name: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What a query found: the candidate it names (its index), and the nearest others, nearest
/// first (indexes), for "Did you mean …?".
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    tsify(missing_as_null)
)]
pub struct Matches {
    pub exact: Option<usize>,
    pub nearest: Vec<usize>,
}

/// How many nearest names are returned at most.
pub const NEAREST: usize = 5;

/// Words (after normalising) that say what kind of council it is, dropped wherever they are.
const DROPPED: [&[&str]; 11] = [
    &["royal", "borough", "of"],
    &["london", "borough", "of"],
    &["metropolitan", "borough", "council"],
    &["metropolitan", "district", "council"],
    &["metropolitan", "borough"],
    &["metropolitan", "district"],
    &["city", "of"],
    &["county", "of"],
    &["council"],
    &["county"],
    &["borough"],
];

/// A name's normal form: lower case, letters and digits only in single-spaced words, "&" as
/// "and", "st" as "saint", and the kind-of-council words dropped. "Kingston upon Hull, City of"
/// and "City of Kingston upon Hull Council" both give "kingston upon hull".
pub fn normalise(s: &str) -> String {
    let mut text = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => text.push_str(" and "),
            '\'' | '\u{2019}' | '.' => {}
            c if c.is_alphanumeric() => text.extend(c.to_lowercase()),
            _ => text.push(' '),
        }
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| if w == "st" { "saint" } else { w })
        .collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    'outer: while i < words.len() {
        for d in DROPPED {
            if words[i..].starts_with(d) && words.len() > d.len() {
                i += d.len();
                continue 'outer;
            }
        }
        out.push(words[i]);
        i += 1;
    }
    // "Durham County" and "County Durham" alike; a name that was nothing but those words keeps them.
    if out.is_empty() {
        return words.join(" ");
    }
    out.join(" ")
}

/// Whether `s` looks like an ONS code (a letter and eight digits).
fn is_code(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 9 && b[0].is_ascii_alphabetic() && b[1..].iter().all(u8::is_ascii_digit)
}

/// Damerau–Levenshtein distance (optimal string alignment) over characters, stopping early
/// once every entry of a row exceeds `limit` (then `limit + 1`).
pub fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            best = best.min(v);
        }
        if best > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(limit + 1)
}

/// Finds the candidate a query names (see the module's notes).
pub fn find(query: &str, candidates: &[Candidate]) -> Matches {
    let q = normalise(query);
    if q.is_empty() {
        return Matches::default();
    }
    if is_code(query) {
        let code = query.trim();
        if let Some(i) = candidates
            .iter()
            .position(|c| c.code.eq_ignore_ascii_case(code))
        {
            return Matches {
                exact: Some(i),
                nearest: Vec::new(),
            };
        }
    }
    let names = |c: &Candidate| -> Vec<String> {
        std::iter::once(normalise(&c.name))
            .chain(c.aliases.iter().map(|a| normalise(a)))
            .filter(|n| !n.is_empty())
            .collect()
    };
    let all: Vec<Vec<String>> = candidates.iter().map(names).collect();
    if let Some(i) = all.iter().position(|ns| ns.contains(&q)) {
        return Matches {
            exact: Some(i),
            nearest: Vec::new(),
        };
    }
    // The nearest by edit distance; then names that start with or contain the query.
    let limit = (q.chars().count() / 5).max(1);
    let mut scored: Vec<(usize, usize)> = Vec::new();
    for (i, ns) in all.iter().enumerate() {
        let d = ns
            .iter()
            .map(|n| {
                let d = distance(&q, n, limit.max(3));
                let shorter = q.chars().count().min(n.chars().count());
                if (n.starts_with(&q) || q.starts_with(n.as_str())) && shorter >= 4 {
                    d.min(limit.max(3))
                } else {
                    d
                }
            })
            .min()
            .unwrap_or(usize::MAX);
        if d <= limit.max(3) {
            scored.push((d, i));
        }
    }
    crate::order::sort_by(&mut scored, |x, y| {
        x.0.cmp(&y.0)
            .then_with(|| candidates[x.1].name.cmp(&candidates[y.1].name))
    });
    let exact = match scored.as_slice() {
        [(d, i), rest @ ..] if *d <= limit.min(2) && rest.first().is_none_or(|r| r.0 > *d) => {
            Some(*i)
        }
        _ => None,
    };
    let nearest = scored
        .iter()
        .map(|&(_, i)| i)
        .filter(|i| Some(*i) != exact)
        .take(NEAREST)
        .collect();
    Matches { exact, nearest }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(name: &str, code: &str, aliases: &[&str]) -> Candidate {
        Candidate {
            name: name.into(),
            code: code.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn normal_forms() {
        assert_eq!(normalise("Stoke-on-Trent"), "stoke on trent");
        assert_eq!(normalise("County Durham"), "durham");
        assert_eq!(normalise("Durham County Council"), "durham");
        assert_eq!(normalise("St. Helens"), "saint helens");
        assert_eq!(normalise("St Helens Council"), "saint helens");
        assert_eq!(normalise("Brighton & Hove"), "brighton and hove");
        assert_eq!(normalise("Royal Borough of Greenwich"), "greenwich");
        assert_eq!(normalise("London Borough of Hackney"), "hackney");
        assert_eq!(normalise("Bristol, City of"), "bristol");
        assert_eq!(normalise("City of London"), "london");
        assert_eq!(normalise("Wigan Metropolitan Borough Council"), "wigan");
        assert_eq!(normalise("  "), "");
    }

    #[test]
    fn typos_codes_and_unknown_names() {
        let list = [
            c("Bradford", "E08000032", &[]),
            c("Bedford", "E06000055", &[]),
            c("Stockport", "E08000007", &[]),
        ];
        assert_eq!(find("Bradfrod", &list).exact, Some(0));
        assert_eq!(find("E08000032", &list).exact, Some(0));
        assert_eq!(find("Stokport", &list).exact, Some(2));
        // Equally near two names: neither is taken, both offered.
        let m = find("Bredford", &list);
        assert_eq!(m.exact, None);
        assert_eq!(m.nearest, vec![1, 0]);
        let m = find("Nowhere", &list);
        assert_eq!(m, Matches::default());
        assert_eq!(find("", &list), Matches::default());
        assert_eq!(distance("bradfrod", "bradford", 3), 1);
        assert_eq!(distance("abc", "xyz", 1), 2);
    }
}

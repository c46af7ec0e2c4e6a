//! The council-name matcher (`src/names.rs`) over every current council of the shipped data
//! (`www/data/councils.json`): each council's everyday forms find it, its code finds it, one
//! typo finds it, and an unknown name finds none but offers the nearest.

use trust_eligibility::names::{find, normalise, Candidate};

fn councils() -> Vec<Candidate> {
    let text = include_str!("../www/data/councils.json");
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["councils"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["former"].as_bool().unwrap())
        .map(|c| Candidate {
            name: c["name"].as_str().unwrap().to_string(),
            code: c["code"].as_str().unwrap().to_string(),
            aliases: c["otherNames"]
                .as_array()
                .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
                .unwrap_or_default(),
        })
        .collect()
}

fn named(list: &[Candidate], query: &str) -> Option<String> {
    find(query, list).exact.map(|i| list[i].name.clone())
}

#[test]
fn every_council_is_found_by_its_everyday_forms_code_and_one_typo() {
    let list = councils();
    assert_eq!(list.len(), 153);
    let mut failures = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let n = &c.name;
        let mut forms = vec![
            n.clone(),
            n.to_uppercase(),
            n.to_lowercase(),
            format!("{n} Council"),
            format!("  {n}  "),
            n.replace(" and ", " & "),
            n.replace('-', " "),
            c.code.clone(),
            c.code.to_lowercase(),
        ];
        // One typo: two letters in the middle of a long name swapped.
        let chars: Vec<char> = n.chars().collect();
        if chars.len() >= 7 {
            let mut t = chars.clone();
            let m = chars.len() / 2;
            if t[m].is_alphabetic() && t[m + 1].is_alphabetic() && t[m] != t[m + 1] {
                t.swap(m, m + 1);
                forms.push(t.into_iter().collect());
            }
        }
        for f in forms {
            if find(&f, &list).exact != Some(i) {
                failures.push(format!("{f:?} did not find {n}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_forms_people_write() {
    let list = councils();
    for (q, want) in [
        ("Stoke on Trent", "Stoke-on-Trent"),
        ("County Durham", "Durham"),
        ("Durham County Council", "Durham"),
        ("BCP", "Bournemouth, Christchurch and Poole"),
        (
            "Bournemouth, Christchurch & Poole",
            "Bournemouth, Christchurch and Poole",
        ),
        ("Hull", "Kingston upon Hull, City of"),
        ("Bristol", "Bristol, City of"),
        ("Bradford Council", "Bradford"),
        ("City of Bradford", "Bradford"),
        ("City of Bradford Metropolitan District Council", "Bradford"),
        ("E08000032", "Bradford"),
        ("Bradfrod", "Bradford"),
        ("St Helens", "St. Helens"),
        ("Saint Helens", "St. Helens"),
        ("Royal Borough of Greenwich", "Greenwich"),
        ("London Borough of Hackney", "Hackney"),
        ("Wigan Metropolitan Borough Council", "Wigan"),
        ("Herefordshire Council", "Herefordshire, County of"),
        ("Barnsley", "Barnsley"),
    ] {
        let got = named(&list, q);
        let ok = got
            .as_deref()
            .is_some_and(|g| normalise(g) == normalise(want));
        assert!(ok, "{q:?} found {got:?}, expected {want:?}");
    }
}

#[test]
fn an_unknown_name_offers_the_nearest() {
    let list = councils();
    let m = find("Bradferd Town", &list);
    assert_eq!(m.exact, None);
    let m = find("Bratford", &list);
    assert!(
        m.exact.map(|i| list[i].name.as_str()) == Some("Bradford")
            || m.nearest.iter().any(|&i| list[i].name == "Bradford")
    );
    let m = find("Bradfordshire", &list);
    assert_eq!(m.exact, None);
    assert_eq!(list[m.nearest[0]].name, "Bradford");
    assert_eq!(find("Atlantis", &list).nearest, Vec::<usize>::new());
}

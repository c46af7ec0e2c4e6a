//! Codes and their words. Every code the engine answers with or reads (a grade, an
//! intervention, a warning, a key date...) is a variant of a Rust enum: the enum's serde name
//! is the code's only spelling, and [`Code::code`] derives the same string (strum's
//! `IntoStaticStr`, `snake_case` like serde's). Its words are ruleset data, read into
//! [`Words`]: a table with one entry for every variant and none besides, so that a code without
//! words, or words without a code, fail when the file is read (and so the build: the wasm
//! crate's `build.rs` reads the embedded file).

use serde::de::{self, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Derives what every code enum has: serde's `snake_case` name, the same string from strum
/// (`Code::code`), the list of its variants, and its TypeScript union.
macro_rules! code_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
            strum::IntoStaticStr, strum::VariantArray, strum::VariantNames,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        #[cfg_attr(feature = "typescript", derive(tsify_next::Tsify))]
        pub enum $name { $($(#[$vmeta])* $variant,)* }
    };
}
pub(crate) use code_enum;

/// An enum whose variants are codes.
pub trait Code:
    Copy + PartialEq + 'static + Into<&'static str> + strum::VariantArray + strum::VariantNames
{
    /// The code as callers see it (`"takeover_target"`).
    fn code(self) -> &'static str {
        self.into()
    }

    /// Every variant, in declaration order.
    fn all() -> &'static [Self] {
        <Self as strum::VariantArray>::VARIANTS
    }

    /// Every code, in declaration order.
    fn codes() -> &'static [&'static str] {
        <Self as strum::VariantNames>::VARIANTS
    }

    /// The variant whose code is `s`.
    fn from_code(s: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.code() == s)
    }

    /// The variant's position in [`Code::all`].
    fn index(self) -> usize {
        Self::all().iter().position(|c| *c == self).unwrap_or(0)
    }
}

impl<C> Code for C where
    C: Copy + PartialEq + 'static + Into<&'static str> + strum::VariantArray + strum::VariantNames
{
}

/// A value for every variant of `C`, read from an object keyed by code: a key that is not a
/// code is an unknown field, a code without a key a missing field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words<C, T> {
    values: Vec<T>,
    code: PhantomData<C>,
}

impl<C: Code, T> Words<C, T> {
    /// The words of `code`.
    pub fn of(&self, code: C) -> &T {
        &self.values[code.index()]
    }

    /// Every code with its words, in the enum's order.
    pub fn iter(&self) -> impl Iterator<Item = (C, &T)> {
        C::all().iter().copied().zip(&self.values)
    }

    /// Builds the table from a function of each code.
    pub fn from_fn(f: impl FnMut(&C) -> T) -> Words<C, T> {
        Words {
            values: C::all().iter().map(f).collect(),
            code: PhantomData,
        }
    }
}

impl<C: Code, T: serde::Serialize> serde::Serialize for Words<C, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(C::codes().iter().zip(&self.values))
    }
}

impl<'de, C: Code, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Words<C, T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Generic in the value's type only: one copy of the reading for every table of the
        // same kind of words, whichever enum keys it (the wasm stays small).
        d.deserialize_map(ByCode {
            codes: C::codes(),
            value: PhantomData,
        })
        .map(|values| Words {
            values,
            code: PhantomData,
        })
    }
}

/// Reads an object keyed by the codes `codes` into their values, in the codes' order.
struct ByCode<T> {
    codes: &'static [&'static str],
    value: PhantomData<T>,
}

impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for ByCode<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object keyed by code")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
        let mut found: Vec<Option<T>> = self.codes.iter().map(|_| None).collect();
        while let Some(key) = map.next_key::<String>()? {
            let at = self
                .codes
                .iter()
                .position(|c| *c == key)
                .ok_or_else(|| de::Error::unknown_field(&key, self.codes))?;
            if found[at].is_some() {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            found[at] = Some(map.next_value()?);
        }
        let mut values = Vec::with_capacity(found.len());
        for (code, value) in self.codes.iter().zip(found) {
            values.push(value.ok_or_else(|| de::Error::missing_field(code))?);
        }
        Ok(values)
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use crate::input::{EventKind, Grade, OrgKind, ProvisionKind};
    use crate::output::{KeyDateKind, WarningCode};
    use crate::value::Value;
    use crate::{ErrorCode, RulesetFile};

    /// strum's name of every variant is serde's.
    fn same_names<C: Code + serde::Serialize>() {
        for c in C::all() {
            assert_eq!(serde_json::to_value(c).unwrap(), c.code());
        }
    }

    #[test]
    fn strum_and_serde_spell_every_code_alike() {
        same_names::<Grade>();
        same_names::<OrgKind>();
        same_names::<EventKind>();
        same_names::<ProvisionKind>();
        same_names::<crate::ErrorCode>();
        same_names::<crate::output::WarningCode>();
        same_names::<crate::output::KeyDateKind>();
        same_names::<crate::output::Intervention>();
        same_names::<crate::input::Framework>();
        same_names::<crate::input::VisitKind>();
        same_names::<crate::input::Progress>();
        same_names::<crate::input::ConcernKind>();
        same_names::<crate::council::NextReport>();
    }

    /// The embedded file with `f` done to the table at `key`.
    fn doctored(
        key: &str,
        f: impl FnOnce(&mut Vec<(String, Value)>),
    ) -> Result<RulesetFile, crate::Error> {
        let mut file = crate::ruleset::embedded_value();
        let Value::Map(top) = &mut file else {
            panic!("the file is an object")
        };
        let Some((_, Value::Map(table))) = top.iter_mut().find(|(k, _)| k == key) else {
            panic!("the file has {key}")
        };
        f(table);
        RulesetFile::read(file)
    }

    /// What `crates/wasm/build.rs` relies on to fail the build: a code of each enum whose words
    /// are data, taken out of the embedded file (or words added for no code), is refused.
    #[test]
    fn the_embedded_file_without_a_code_s_words_is_refused() {
        let codes: [(&str, &str); 3] = [
            ("keyDates", KeyDateKind::TakeoverTarget.code()),
            ("warnings", WarningCode::StatusNotInFile.code()),
            ("grades", Grade::RequiresImprovement.code()),
        ];
        for (key, code) in codes {
            let e = doctored(key, |t| t.retain(|(k, _)| k != code)).unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (ErrorCode::InvalidRuleset, format!("{key}.{code}").as_str())
            );
            assert!(e.detail.starts_with("missing field"), "{e}");
            let e = doctored(key, |t| {
                let words = t[0].1.clone();
                t.push(("mistyped_code".to_string(), words));
            })
            .unwrap_err();
            assert_eq!(e.path, format!("{key}.mistyped_code"));
            assert!(e.detail.starts_with("unknown field"), "{e}");
        }
        assert!(doctored("keyDates", |_| {}).is_ok());
    }

    /// The labels file, as crates/wasm/build.rs checks it: whole, and with a grade's label
    /// taken out or one added for no grade.
    #[test]
    fn the_labels_file_needs_every_code_and_no_other() {
        let text = include_str!("../rulesets/labels.json");
        let labels = crate::ruleset::Labels::check(text).unwrap();
        assert_eq!(
            labels.grades.of(Grade::RequiresImprovement).label,
            "Requires improvement to be good"
        );
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        let grades = value["grades"].as_object_mut().unwrap();
        let ri = grades.remove("requires_improvement").unwrap();
        let e = crate::ruleset::Labels::check(&value.to_string()).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidRuleset, "grades.requires_improvement")
        );
        let grades = value["grades"].as_object_mut().unwrap();
        grades.insert("requires_improvement".into(), ri.clone());
        grades.insert("very_good".into(), ri);
        let e = crate::ruleset::Labels::check(&value.to_string()).unwrap_err();
        assert_eq!(e.path, "grades.very_good");
    }

    #[test]
    fn words_need_every_code_and_no_other() {
        let read = |text: &str| crate::parse::from_json::<Words<Grade, String>>(text);
        let all =
            r#"{"outstanding": "a", "good": "b", "requires_improvement": "c", "inadequate": "d"}"#;
        assert_eq!(read(all).unwrap().of(Grade::Inadequate), "d");
        let missing = read(r#"{"outstanding": "a", "good": "b", "inadequate": "d"}"#).unwrap_err();
        assert_eq!(missing.code, crate::ErrorCode::MissingField);
        assert_eq!(missing.path, "requires_improvement");
        let extra = r#"{"outstanding": "a", "good": "b", "requires_improvement": "c", "inadequate": "d", "poor": "e"}"#;
        let extra = read(extra).unwrap_err();
        assert_eq!(extra.code, crate::ErrorCode::UnknownField);
        assert_eq!(extra.path, "poor");
    }
}

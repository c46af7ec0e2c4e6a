//! Codes and their words. Every code the engine answers with or reads (a grade, an
//! intervention, a warning, a key date...) is a variant of a Rust enum: the enum's serde name
//! is the code's only spelling, and [`Code::code`] derives the same string (strum's
//! `IntoStaticStr`, `snake_case` like serde's). Its words are ruleset data, read into
//! [`Words`]: a table with one entry for every variant and none besides, so that a code without
//! words, or words without a code, fail when the file is read (and so the build: the wasm
//! crate's `build.rs` reads the embedded file). The answers' codes whose words are ruleset data
//! ([`Intervention`], [`KeyDateKind`], [`WarningCode`], [`NextReport`]) are defined here, below
//! the ruleset data and the answers' shapes (`crate::output` re-exports them); the input's codes
//! are in `crate::input`.

use serde::de::{self, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Derives what every code enum has: serde's `snake_case` name, the same string from strum
/// (`Code::code`), the list of its variants, and its TypeScript union. It is written as strum's
/// string (one lookup in a table of names, where serde's derive writes a branch per variant).
macro_rules! code_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            strum::IntoStaticStr, strum::VariantArray, strum::VariantNames,
        )]
        #[strum(serialize_all = "snake_case")]
        #[cfg_attr(feature = "typescript", derive(tsify_next::Tsify), serde(rename_all = "snake_case"))]
        pub enum $name { $($(#[$vmeta])* $variant,)* }

        $crate::codes::code_serde!($name);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                $crate::codes::read_code(d, stringify!($name))
            }
        }
    };
}
pub(crate) use code_enum;

/// A code enum written as its code: strum's name, the same string serde's derive would write,
/// from one table of names (serde's derive writes a branch per variant).
macro_rules! code_serde {
    ($($name:ident),*) => {$(
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(<&'static str>::from(*self))
            }
        }
    )*};
}
pub(crate) use code_serde;

/// Reads a code enum as serde's derive for an enum of unit variants does (the same calls and
/// the same errors: "unknown variant `x`, expected one of ...", "... expected enum Name"),
/// once for every enum rather than once per enum.
#[doc(hidden)]
pub fn read_code<'de, C: Code, D: serde::Deserializer<'de>>(
    d: D,
    name: &'static str,
) -> Result<C, D::Error> {
    let codes = C::codes();
    d.deserialize_enum(name, codes, CodeVisitor { name, codes })
        .map(|i| C::all()[i])
}

/// Reads a code to its position in `codes`.
struct CodeVisitor {
    name: &'static str,
    codes: &'static [&'static str],
}

impl<'de> Visitor<'de> for CodeVisitor {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "enum {}", self.name)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (i, variant) = data.variant_seed(Variant(self.codes))?;
        de::VariantAccess::unit_variant(variant)?;
        Ok(i)
    }
}

/// A variant's name, read to its position in the codes.
struct Variant(&'static [&'static str]);

impl<'de> de::DeserializeSeed<'de> for Variant {
    type Value = usize;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Variant {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|c| *c == v)
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        self.visit_str(&String::from_utf8_lossy(v))
    }
}

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
pub struct Words<C, T: Clone + 'static> {
    values: std::borrow::Cow<'static, [T]>,
    code: PhantomData<C>,
}

impl<C: Code, T: Clone> Words<C, T> {
    /// The words of `code`.
    pub fn of(&self, code: C) -> &T {
        &self.values[code.index()]
    }

    /// Every code with its words, in the enum's order.
    pub fn iter(&self) -> impl Iterator<Item = (C, &T)> {
        C::all().iter().copied().zip(self.values.iter())
    }

    /// The table whose values `crates/wasm/build.rs` baked from a file it read: one value per
    /// code, in the enum's order (a constant: no code builds it).
    #[doc(hidden)]
    pub const fn baked(values: &'static [T]) -> Words<C, T> {
        Words {
            values: std::borrow::Cow::Borrowed(values),
            code: PhantomData,
        }
    }

    /// Builds the table from a function of each code.
    pub fn from_fn(f: impl FnMut(&C) -> T) -> Words<C, T> {
        Words {
            values: std::borrow::Cow::Owned(C::all().iter().map(f).collect()),
            code: PhantomData,
        }
    }
}

/// A table as Rust, its values in the enum's order (the built-in rules baked into the checker's
/// wasm: `crates/wasm/build.rs`, from a file already read, so with a value for every code).
#[cfg(feature = "bake")]
impl<C, T: Clone + databake::Bake> databake::Bake for Words<C, T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("trust_eligibility");
        let values = self.values.iter().map(|v| v.bake(env));
        databake::quote! { trust_eligibility::codes::Words::baked(&[#(#values),*]) }
    }
}

impl<C: Code, T: Clone + serde::Serialize> serde::Serialize for Words<C, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(C::codes().iter().zip(self.values.iter()))
    }
}

impl<'de, C: Code, T: Clone + 'static + serde::Deserialize<'de>> serde::Deserialize<'de>
    for Words<C, T>
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Generic in the value's type only: one copy of the reading for every table of the
        // same kind of words, whichever enum keys it (the wasm stays small).
        d.deserialize_map(ByCode {
            codes: C::codes(),
            value: PhantomData,
        })
        .map(|values| Words {
            values: std::borrow::Cow::Owned(values),
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

// The codes of the answers (re-exported by `crate::output`): defined here, under the ruleset
// data that keys its words by them.

code_enum! {
    /// What applies to a council: the intervention a decision row gives (SPEC §3.2, §3.3).
    /// Its words are the title of each row that gives it, in the ruleset data.
    #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = trust_eligibility::codes))]
    pub enum Intervention {
        NoInspection,
        ImmediateTakeover,
        Commissioner,
        StatutoryDirection,
        ImprovementNotice,
        ImprovementWindow,
        Monitoring,
        EmergencyInspection,
        InterventionLifting,
        ImprovementSupport,
        HighPerforming,
        None,
    }
}

code_enum! {
    /// The kind of a key date (SPEC §3.2, §3.3); its words are the ruleset file's `keyDates`.
    pub enum KeyDateKind {
        ImprovementDeadline,
        TakeoverTarget,
        CommissionerReviewDue,
    }
}

code_enum! {
    /// What a warning is about; its words are the ruleset file's `warnings`.
    pub enum WarningCode {
        NoInspection,
        IgnoredAfterAsOf,
        SystemicNotAssessed,
        StaleInspection,
        RulesetNotInForce,
        OverallReadFromJudgements,
        StatusNotInFile,
        DateNotExact,
        LiftingPresumed,
        LeadershipOnlyInadequate,
    }
}

/// A grade the next report could give (SPEC §3.9).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    strum::IntoStaticStr,
    strum::VariantArray,
    strum::VariantNames,
)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(
    feature = "typescript",
    derive(tsify_next::Tsify),
    serde(rename_all = "snake_case")
)]
pub enum NextReport {
    /// Inadequate on every key judgement.
    InadequateAll,
    /// Inadequate, but not on every key judgement.
    Inadequate,
    RequiresImprovement,
    Good,
}

code_serde!(NextReport);

// The engine's enums and files are tested from above: tests/codes.rs (every enum's codes, the
// labels file) and src/load (the embedded file without a code's words); this layer names no
// other module.
#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;

    code_enum! {
        /// A code enum for the tests.
        pub enum Colour {
            Red,
            DarkGreen,
        }
    }

    #[test]
    fn strum_and_serde_spell_a_code_alike() {
        assert_eq!(Colour::codes(), ["red", "dark_green"]);
        for c in Colour::all() {
            assert_eq!(serde_json::to_value(c).unwrap(), c.code());
            assert_eq!(Colour::from_code(c.code()), Some(*c));
        }
    }

    #[test]
    fn words_need_every_code_and_no_other() {
        let read = |text: &str| serde_json::from_str::<Words<Colour, String>>(text);
        let all = read(r#"{"dark_green": "b", "red": "a"}"#).unwrap();
        assert_eq!(all.of(Colour::DarkGreen), "b");
        assert_eq!(
            serde_json::to_string(&all).unwrap(),
            r#"{"red":"a","dark_green":"b"}"#
        );
        let missing = read(r#"{"red": "a"}"#).unwrap_err().to_string();
        assert!(
            missing.starts_with("missing field `dark_green`"),
            "{missing}"
        );
        let extra = read(r#"{"red": "a", "dark_green": "b", "blue": "c"}"#).unwrap_err();
        assert!(
            extra.to_string().starts_with("unknown field `blue`"),
            "{extra}"
        );
        let twice = read(r#"{"red": "a", "red": "b", "dark_green": "c"}"#).unwrap_err();
        assert!(
            twice.to_string().starts_with("duplicate field `red`"),
            "{twice}"
        );
    }
}

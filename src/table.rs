//! An ordered table of named values: a JSON object whose keys keep the order they were written
//! in (the sources and routes of a ruleset file), and in which a key given twice is an error
//! rather than silently overwritten.
//!
//! Hand-written, not `indexmap`: an `IndexMap<String, T>` (hashbrown and SipHash, once per value
//! type) made the pages' wasm 7,413 B bigger gzip -9 (133,963 B → 141,376 B, raw 338,605 B →
//! 353,994 B), where that module's size gate allows a few hundred; a linear look is enough for
//! tables this short (bench/README.md, size notes).

use serde::de::{self, MapAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// An ordered table of named values (object keys in document order); a constant when baked
/// (`crates/wasm/build.rs`), read into owned entries otherwise.
#[derive(Clone, Debug, PartialEq)]
pub struct Table<T: Clone + 'static>(pub Cow<'static, [(Cow<'static, str>, T)]>);

impl<T: Clone> Default for Table<T> {
    fn default() -> Self {
        Table(Cow::Borrowed(&[]))
    }
}

impl<T: Clone> Table<T> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| &**k)
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

/// A table as Rust (the built-in rules baked into the checker's wasm: `crates/wasm/build.rs`).
#[cfg(feature = "bake")]
impl<T: Clone + databake::Bake> databake::Bake for Table<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("trust_eligibility");
        let entries = self.0.iter().map(|(k, v)| {
            let (k, v) = (&**k, v.bake(env));
            databake::quote! { (std::borrow::Cow::Borrowed(#k), #v) }
        });
        databake::quote! { trust_eligibility::table::Table(std::borrow::Cow::Borrowed(&[#(#entries),*])) }
    }
}

impl<T: Clone + serde::Serialize> serde::Serialize for Table<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, T: Clone + 'static + serde::Deserialize<'de>> serde::Deserialize<'de> for Table<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(PhantomData<T>);
        impl<'de, T: Clone + 'static + serde::Deserialize<'de>> Visitor<'de> for Visit<T> {
            type Value = Table<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Table<T>, A::Error> {
                let mut out: Vec<(Cow<'static, str>, T)> = Vec::new();
                // A linear look: tables are short (inputs hold at most 1,000 items), and a hash
                // set's code is kilobytes of the wasm.
                while let Some(key) = map.next_key::<String>()? {
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
                    }
                    let value = map.next_value()?;
                    out.push((Cow::Owned(key), value));
                }
                Ok(Table(Cow::Owned(out)))
            }
        }
        d.deserialize_map(Visit(PhantomData))
    }
}

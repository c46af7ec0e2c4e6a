//! Embeds rulesets/rulesets.json in the compact encoding of `src/value.rs` (compiled here too),
//! so that no build of the engine carries or runs a JSON parser for its own rules: the engine
//! reads the encoded value with plain serde (`RulesetFile::embedded`). The file is validated
//! when the checker's wasm is built (`crates/wasm/build.rs` fails on an invalid file, naming its
//! path), and natively on first use (`RulesetFile::default_ref`, as every native test does).

#[allow(dead_code)]
#[path = "src/value.rs"]
mod value;

use std::{env, fs, path::Path};
use value::Value;

/// Any JSON value, as a [`Value`]; a key given twice in one object is an error (serde_json's
/// own value would keep the last silently).
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Strict, D::Error> {
        use serde::de::{Error, MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Strict;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Strict, E> {
                Ok(Strict(Value::Bool(b)))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Strict, E> {
                Ok(Strict(Value::Int(i)))
            }
            fn visit_u64<E>(self, u: u64) -> Result<Strict, E> {
                Ok(Strict(
                    i64::try_from(u).map_or(Value::Float(u as f64), Value::Int),
                ))
            }
            fn visit_f64<E>(self, x: f64) -> Result<Strict, E> {
                Ok(Strict(Value::Float(x)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Strict, E> {
                Ok(Strict(Value::Str(s.to_string())))
            }
            fn visit_unit<E>(self) -> Result<Strict, E> {
                Ok(Strict(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
                let mut items = Vec::new();
                while let Some(Strict(v)) = seq.next_element()? {
                    items.push(v);
                }
                Ok(Strict(Value::List(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
                let mut entries: Vec<(String, Value)> = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    if entries.iter().any(|(e, _)| *e == k) {
                        return Err(A::Error::custom(format_args!("key \"{k}\" given twice")));
                    }
                    let Strict(v) = map.next_value()?;
                    entries.push((k, v));
                }
                Ok(Strict(Value::Map(entries)))
            }
        }
        d.deserialize_any(V)
    }
}

fn main() {
    let src = "rulesets/rulesets.json";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/value.rs");
    let text = fs::read_to_string(src).unwrap_or_else(|e| panic!("cannot read {src}: {e}"));
    let Strict(value) =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{src} is not valid: {e}"));
    let mut out = Vec::with_capacity(text.len());
    value.encode(&mut out);
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("rulesets.bin");
    fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

//! A JSON value held in memory, its compact encoding, and the one merge of a ruleset override.
//!
//! This file uses nothing but `std`: `build.rs` compiles it too (`#[path]`), to encode the
//! embedded `rulesets/rulesets.json` in the form [`Value::decode`] reads back at run time, with
//! no JSON parser. Reading a typed value out of a [`Value`], every error naming its path, is
//! [`crate::value_de`].

/// A JSON value. Objects keep their keys in document order (a key is never given twice: every
/// reader of untrusted text refuses that). Whole numbers are `Int`, as JSON readers give them.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
}

// The tags of the compact encoding: a tag byte, then for `Int` 8 bytes, `Float` 8 bytes, `Str`
// a 4-byte length and UTF-8, `List` a 4-byte count and the items, `Map` a 4-byte count and each
// key (as a `Str` without its tag) and value. Little-endian throughout.
const NULL: u8 = 0;
const FALSE: u8 = 1;
const TRUE: u8 = 2;
const INT: u8 = 3;
const FLOAT: u8 = 4;
const STR: u8 = 5;
const LIST: u8 = 6;
const MAP: u8 = 7;

impl Value {
    /// The value in the compact encoding [`Value::decode`] reads.
    pub fn encode(&self, out: &mut Vec<u8>) {
        fn text(s: &str, out: &mut Vec<u8>) {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }
        match self {
            Value::Null => out.push(NULL),
            Value::Bool(false) => out.push(FALSE),
            Value::Bool(true) => out.push(TRUE),
            Value::Int(i) => {
                out.push(INT);
                out.extend_from_slice(&i.to_le_bytes());
            }
            Value::Float(f) => {
                out.push(FLOAT);
                out.extend_from_slice(&f.to_le_bytes());
            }
            Value::Str(s) => {
                out.push(STR);
                text(s, out);
            }
            Value::List(items) => {
                out.push(LIST);
                out.extend_from_slice(&(items.len() as u32).to_le_bytes());
                for item in items {
                    item.encode(out);
                }
            }
            Value::Map(entries) => {
                out.push(MAP);
                out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
                for (k, v) in entries {
                    text(k, out);
                    v.encode(out);
                }
            }
        }
    }

    /// A value from its compact encoding; `None` if the bytes are not one (they are written by
    /// the build from the embedded file, so only a broken build gives `None`).
    pub fn decode(bytes: &[u8]) -> Option<Value> {
        let mut at = bytes;
        let v = read(&mut at)?;
        at.is_empty().then_some(v)
    }

    /// An object's value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Merges a ruleset override `patch` onto `self` (the built-in file): objects key by key
    /// (`null` removes a key); lists whose items are all objects with an `id` or a `row` item
    /// by item, matched on it, new items appended; any other value replaces `self`'s. The one
    /// merge of an override, for the command line and the checker's wasm alike.
    pub fn merge(&mut self, patch: Value) {
        match (self, patch) {
            (Value::Map(base), Value::Map(patch)) => {
                for (k, v) in patch {
                    match (base.iter().position(|(b, _)| *b == k), v) {
                        (Some(i), Value::Null) => {
                            base.remove(i);
                        }
                        (Some(i), v) => base[i].1.merge(v),
                        (None, Value::Null) => {}
                        (None, v) => base.push((k, v)),
                    }
                }
            }
            (Value::List(base), Value::List(patch))
                if !patch.is_empty() && patch.iter().all(|v| v.item_key().is_some()) =>
            {
                for item in patch {
                    let slot = base
                        .iter()
                        .position(|b| b.item_key().is_some() && b.item_key() == item.item_key());
                    match slot {
                        Some(i) => base[i].merge(item),
                        None => base.push(item),
                    }
                }
            }
            (base, patch) => *base = patch,
        }
    }

    /// What a list item of a ruleset file is matched on: its `id`, or else its `row`.
    fn item_key(&self) -> Option<&Value> {
        self.get("id").or_else(|| self.get("row"))
    }
}

fn take<'a>(at: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if at.len() < n {
        return None;
    }
    let (head, tail) = at.split_at(n);
    *at = tail;
    Some(head)
}

fn word<const N: usize>(at: &mut &[u8]) -> Option<[u8; N]> {
    take(at, N)?.try_into().ok()
}

fn count(at: &mut &[u8]) -> Option<usize> {
    Some(u32::from_le_bytes(word(at)?) as usize)
}

fn string(at: &mut &[u8]) -> Option<String> {
    let n = count(at)?;
    String::from_utf8(take(at, n)?.to_vec()).ok()
}

fn read(at: &mut &[u8]) -> Option<Value> {
    let tag = *take(at, 1)?.first()?;
    Some(match tag {
        NULL => Value::Null,
        FALSE => Value::Bool(false),
        TRUE => Value::Bool(true),
        INT => Value::Int(i64::from_le_bytes(word(at)?)),
        FLOAT => Value::Float(f64::from_le_bytes(word(at)?)),
        STR => Value::Str(string(at)?),
        LIST => {
            let n = count(at)?;
            let mut items = Vec::with_capacity(n.min(at.len()));
            for _ in 0..n {
                items.push(read(at)?);
            }
            Value::List(items)
        }
        MAP => {
            let n = count(at)?;
            let mut entries = Vec::with_capacity(n.min(at.len()));
            for _ in 0..n {
                let k = string(at)?;
                entries.push((k, read(at)?));
            }
            Value::Map(entries)
        }
        _ => return None,
    })
}

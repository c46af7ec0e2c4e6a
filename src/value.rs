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

// The tags of the compact encoding: a tag byte, then for `Int` a varint (zigzag), `Float` 8
// bytes little-endian, `Str` a varint length and UTF-8, `List` a varint count and the items,
// `Map` a varint count and each key (as a `Str` without its tag) and value. A varint is 7 bits a
// byte, low bits first, the top bit set on every byte but the last.
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
        fn varint(mut n: u64, out: &mut Vec<u8>) {
            while n >= 0x80 {
                out.push(n as u8 | 0x80);
                n >>= 7;
            }
            out.push(n as u8);
        }
        fn text(s: &str, out: &mut Vec<u8>) {
            varint(s.len() as u64, out);
            out.extend_from_slice(s.as_bytes());
        }
        match self {
            Value::Null => out.push(NULL),
            Value::Bool(false) => out.push(FALSE),
            Value::Bool(true) => out.push(TRUE),
            Value::Int(i) => {
                out.push(INT);
                varint(((i << 1) ^ (i >> 63)) as u64, out);
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
                varint(items.len() as u64, out);
                for item in items {
                    item.encode(out);
                }
            }
            Value::Map(entries) => {
                out.push(MAP);
                varint(entries.len() as u64, out);
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

fn varint(at: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *take(at, 1)?.first()?;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

fn count(at: &mut &[u8]) -> Option<usize> {
    usize::try_from(varint(at)?).ok()
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
        INT => {
            let z = varint(at)?;
            Value::Int((z >> 1) as i64 ^ -((z & 1) as i64))
        }
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

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn the_encoding_reads_back_what_it_wrote() {
        let v = Value::Map(vec![
            (
                "a".into(),
                Value::List(vec![Value::Int(-1), Value::Int(i64::MAX), Value::Int(0)]),
            ),
            ("b".repeat(200), Value::Str("é".repeat(100))),
            ("c".into(), Value::Float(2.5)),
            ("d".into(), Value::Null),
            ("e".into(), Value::Bool(true)),
            ("f".into(), Value::Int(i64::MIN)),
        ]);
        let mut bytes = Vec::new();
        v.encode(&mut bytes);
        assert_eq!(Value::decode(&bytes), Some(v));
        assert_eq!(Value::decode(&bytes[..bytes.len() - 1]), None);
    }
}

//! Writing answers as JSON text: one trait, [`ToJson`], that appends a value to a `String`.
//!
//! Why not serde's `Serialize` with `serde_json`: the generic serializer, its impls for every
//! output type and the formatting machinery it brings were a quarter of the WebAssembly
//! module (BENCHMARKS.md), and writing straight into one buffer is several times faster. The
//! text is exactly what `serde_json` writes: compact by [`to_json`], or laid out by [`pretty`]
//! as `serde_json::to_string_pretty` does (two-space indent).

use crate::order::Table;

/// A value that writes itself as compact JSON text.
pub trait ToJson {
    /// Appends this value as JSON to `out`.
    fn write_json(&self, out: &mut String);
}

/// `value` as compact JSON text.
///
/// ```
/// use trust_eligibility::{assess_council_json, write::{pretty, to_json}};
/// let out = assess_council_json(r#"{"asOf": "2016-03-01", "inspections": []}"#).unwrap();
/// let text = to_json(&out);
/// assert!(text.starts_with(r#"{"ruleset":{"id":"announcement-2015","#));
/// assert!(pretty(&text).starts_with("{\n  \"ruleset\": {\n    \"id\": \"announcement-2015\","));
/// ```
pub fn to_json<T: ToJson + ?Sized>(value: &T) -> String {
    // Room for either assessment's answer (a council's is about 3 KB, a sponsor's about
    // 6.5 KB): one allocation, never grown and copied.
    let mut out = String::with_capacity(8192);
    value.write_json(&mut out);
    out
}

/// Compact JSON text (as [`to_json`] writes it) laid out as `serde_json::to_string_pretty`
/// does: one member per line, two spaces per level, `"key": value`, and `[]` and `{}` for
/// empty lists and objects.
pub fn pretty(compact: &str) -> String {
    let b = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut i = 0;
    let mut plain = 0; // start of the run of bytes copied as they are
    while i < b.len() {
        match b[i] {
            b'"' => {
                // Skip the string, escapes included.
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            c @ (b'{' | b'[') => {
                out.push_str(compact.get(plain..i).unwrap_or_default());
                out.push(char::from(c));
                if matches!(b.get(i + 1), Some(b'}' | b']')) {
                    out.push(char::from(b[i + 1]));
                    i += 2;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                    i += 1;
                }
                plain = i;
                continue;
            }
            c @ (b'}' | b']') => {
                out.push_str(compact.get(plain..i).unwrap_or_default());
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(char::from(c));
            }
            b',' => {
                out.push_str(compact.get(plain..i).unwrap_or_default());
                out.push(',');
                newline(&mut out, depth);
            }
            b':' => {
                out.push_str(compact.get(plain..i).unwrap_or_default());
                out.push_str(": ");
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 1;
        plain = i;
    }
    out.push_str(compact.get(plain..).unwrap_or_default());
    out
}

/// How many bytes of `b` from the start need no escape in a JSON string: the index of the
/// first `"`, `\\` or control character (or the length). Eight bytes at a time.
pub fn plain_len(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        // A byte below 0x20, or equal to '"' or '\\'; bytes of 0x80 and above never match.
        let hit = (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
            | zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')));
        if hit != 0 {
            // A borrow only ever runs upwards, into later bytes: the lowest marked byte is
            // the first that needs an escape.
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if c < 0x20 || c == b'"' || c == b'\\' {
            return i;
        }
        i += 1;
    }
    i
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes it.
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let b = s.as_bytes();
    let mut plain = 0;
    loop {
        let at = plain + plain_len(b.get(plain..).unwrap_or_default());
        out.push_str(s.get(plain..at).unwrap_or_default());
        let Some(&c) = b.get(at) else { break };
        plain = at + 1;
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(c >> 4)]));
                out.push(char::from(HEX[usize::from(c & 15)]));
            }
        }
    }
    out.push('"');
}

/// Appends an integer in decimal, without the formatting machinery.
pub fn write_int(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    // Only ASCII digits.
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

/// An integer as text, without the formatting machinery.
pub fn int_text(n: i64) -> String {
    let mut s = String::new();
    write_int(&mut s, n);
    s
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for std::sync::Arc<str> {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) {
        write_int(out, *self);
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        write_int(out, i64::from(*self));
    }
}

/// Whole numbers below 9·10¹⁵ are written as integers (`10000000`, as JavaScript writes
/// them, so native and wasm output agree); others as `serde_json` writes them (shortest
/// round-trip form); NaN and infinities as `null`.
impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        let v = *self;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            write_int(out, v as i64);
        } else if v.is_finite() {
            // ryu's digits; serde_json (zmij) writes a positive exponent with its sign.
            let mut buf = ryu::Buffer::new();
            let text = buf.format_finite(v);
            match text.split_once('e') {
                Some((digits, exp)) if !exp.starts_with('-') => {
                    out.push_str(digits);
                    out.push_str("e+");
                    out.push_str(exp);
                }
                _ => out.push_str(text),
            }
        } else {
            out.push_str("null");
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson> ToJson for Table<T> {
    fn write_json(&self, out: &mut String) {
        out.push('{');
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_str(out, k);
            out.push(':');
            v.write_json(out);
        }
        out.push('}');
    }
}

/// Implements [`ToJson`] for a struct: its fields in the order given, under the keys given.
#[macro_export]
#[doc(hidden)]
macro_rules! json_out {
    ($ty:ty, { $f0:ident : $k0:literal $(, $field:ident : $key:literal)* $(,)? }) => {
        impl $crate::write::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                out.push_str(concat!("{\"", $k0, "\":"));
                $crate::write::ToJson::write_json(&self.$f0, out);
                $(
                    out.push_str(concat!(",\"", $key, "\":"));
                    $crate::write::ToJson::write_json(&self.$field, out);
                )*
                out.push('}');
            }
        }
    };
}

/// Implements [`ToJson`] for a fieldless enum: each variant as its name, a JSON string.
#[macro_export]
#[doc(hidden)]
macro_rules! json_out_enum {
    ($ty:ty, { $($variant:path => $name:literal),+ $(,)? }) => {
        impl $crate::write::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                out.push_str(match *self { $($variant => concat!("\"", $name, "\""),)+ });
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_numbers_and_layout_are_those_of_serde_json() {
        let mut s = String::new();
        write_str(&mut s, "a\"b\\c\n\u{1}\u{7f}é/\u{8}\u{c}\t\r");
        assert_eq!(s, "\"a\\\"b\\\\c\\n\\u0001\u{7f}é/\\b\\f\\t\\r\"");
        assert_eq!(
            s,
            serde_json::to_string("a\"b\\c\n\u{1}\u{7f}é/\u{8}\u{c}\t\r").unwrap()
        );
        assert_eq!(int_text(i64::MIN), "-9223372036854775808");
        assert_eq!(int_text(0), "0");
        assert_eq!(to_json(&2.5f64), "2.5");
        assert_eq!(to_json(&1e20f64), "1e+20");
        assert_eq!(to_json(&1.5e-7f64), "1.5e-7");
        // Many numbers of every magnitude, as serde_json writes them.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            // (Whole numbers below 9e15 are written as integers, as JavaScript does.)
            if v.is_finite() && !(v.fract() == 0.0 && v.abs() < 9.0e15) {
                assert_eq!(to_json(&v), serde_json::to_string(&v).unwrap(), "{v:e}");
            }
        }
        assert_eq!(to_json(&-3.0f64), "-3");
        assert_eq!(
            pretty(r#"{"a":[],"b":{},"c":[1,{"d":"x,:{["}],"e":null}"#),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"x,:{[\"\n    }\n  ],\n  \"e\": null\n}"
        );
    }
}

//! A small, strict JSON reader and the conversion of its values into typed inputs, tracking
//! the path of every value so that an error names it (`inspections[2].published`).
//!
//! Why not serde's `Deserialize`: generic deserialisation, path tracking and a second
//! deserializer for JavaScript values multiplied the WebAssembly module several times over
//! (see BENCHMARKS.md). One value type and one conversion trait serve the CLI, the library
//! and the browser alike; JavaScript objects arrive as `JSON.stringify` text.

use crate::error::{Error, ErrorCode};
use crate::order::{number, Table};
use std::borrow::Cow;
use std::fmt::Write as _;

/// A parsed JSON value. Object keys keep their order; duplicates are rejected when parsing.
/// Keys and strings without escapes borrow the text they were read from (`'t`), so reading
/// allocates only for lists, objects and the rare escaped string.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'t> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'t, str>),
    Arr(Vec<Json<'t>>),
    Obj(Vec<(Cow<'t, str>, Json<'t>)>),
    /// A number JSON cannot write (NaN, Infinity, a BigInt), as the browser boundary marks it
    /// (see [`NON_FINITE`]); [`parse`] never produces it. Rejected by path wherever it stands.
    NonFinite(String),
}

/// How deeply arrays and objects may nest.
pub const MAX_DEPTH: usize = 64;

/// Marks a number JavaScript cannot write as JSON (NaN, Infinity, a BigInt): the browser
/// boundary sends it as a string starting with this prefix, then turns such strings into
/// [`Json::NonFinite`] with [`mark_non_finite`], so that they are rejected with their path.
pub const NON_FINITE: &str = "\u{0}\u{1}non-finite:";

/// Turns the strings the browser boundary marked with [`NON_FINITE`] into [`Json::NonFinite`].
pub fn mark_non_finite(v: &mut Json<'_>) {
    match v {
        Json::Str(s) => {
            if let Some(n) = s.strip_prefix(NON_FINITE) {
                *v = Json::NonFinite(n.to_string());
            }
        }
        Json::Arr(items) => items.iter_mut().for_each(mark_non_finite),
        Json::Obj(fields) => fields.iter_mut().for_each(|(_, x)| mark_non_finite(x)),
        _ => {}
    }
}

/// Where a value sits in the document. Rendered only when an error needs it.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of a key of this object.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of an item of this array.
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    /// `inspections[2].published`; empty for the document itself.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                let _ = write!(out, "[{i}]");
            }
        }
    }
}

/// Parses JSON text strictly (RFC 8259): no comments, no trailing commas, no NaN, no duplicate
/// keys, at most [`MAX_DEPTH`] levels of nesting. Linear in the length of the text.
///
/// ```
/// use trust_eligibility::json::{parse, Json};
/// assert_eq!(parse(r#"{"a": [1, "x", null]}"#).unwrap(),
///     Json::Obj(vec![("a".into(), Json::Arr(vec![Json::Num(1.0), Json::Str("x".into()), Json::Null]))]));
/// let err = parse(r#"{"a": 1, "a": 2}"#).unwrap_err();
/// assert_eq!((err.code.as_str(), err.path.as_str()), ("duplicate_field", "a"));
/// assert_eq!(parse("[1,]").unwrap_err().code.as_str(), "invalid_json");
/// ```
pub fn parse(text: &str) -> Result<Json<'_>, Error> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        text,
    };
    p.ws();
    let v = p.value(0, &Path::Root)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.syntax("unexpected text after the end of the JSON value"));
    }
    Ok(v)
}

struct Parser<'t> {
    s: &'t [u8],
    i: usize,
    text: &'t str,
}

impl<'t> Parser<'t> {
    fn syntax(&self, what: &str) -> Error {
        let before = &self.text.as_bytes()[..self.i.min(self.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        Error::new(
            ErrorCode::InvalidJson,
            "",
            format_args!("the input is not valid JSON: {what} at line {line} column {col}"),
        )
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn eat_byte(&mut self, c: u8) -> bool {
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn eat(&mut self, lit: &str) -> bool {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize, at: &Path) -> Result<Json<'t>, Error> {
        match self.s.get(self.i) {
            None => Err(self.syntax("unexpected end of input")),
            Some(b'{') => self.object(depth + 1, at),
            Some(b'[') => self.array(depth + 1, at),
            Some(b'"') => Ok(Json::Str(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) if self.eat("true") => Ok(Json::Bool(true)),
            Some(_) if self.eat("false") => Ok(Json::Bool(false)),
            Some(_) if self.eat("null") => Ok(Json::Null),
            Some(_) => Err(self.syntax("expected a value")),
        }
    }

    fn nest(&self, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return Err(self.syntax(&format!("nested more than {MAX_DEPTH} levels deep")));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize, at: &Path) -> Result<Json<'t>, Error> {
        self.nest(depth)?;
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat_byte(b']') {
            return Ok(Json::Arr(items));
        }
        loop {
            self.ws();
            let v = self.value(depth, &at.index(items.len()))?;
            items.push(v);
            self.ws();
            if self.eat_byte(b',') {
                continue;
            }
            if self.eat_byte(b']') {
                return Ok(Json::Arr(items));
            }
            return Err(self.syntax("expected \",\" or \"]\""));
        }
    }

    fn object(&mut self, depth: usize, at: &Path) -> Result<Json<'t>, Error> {
        self.nest(depth)?;
        self.i += 1;
        let mut fields: Vec<(Cow<'t, str>, Json<'t>)> = Vec::new();
        self.ws();
        if self.eat_byte(b'}') {
            return Ok(Json::Obj(fields));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.syntax("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.ws();
            if !self.eat_byte(b':') {
                return Err(self.syntax("expected \":\" after a key"));
            }
            self.ws();
            let v = self.value(depth, &at.key(&key))?;
            fields.push((key, v));
            self.ws();
            if self.eat_byte(b',') {
                continue;
            }
            if self.eat_byte(b'}') {
                if let Some(dup) = duplicate_key(&fields) {
                    return Err(Error::new(
                        ErrorCode::DuplicateField,
                        at.key(dup).render(),
                        "appears more than once",
                    ));
                }
                return Ok(Json::Obj(fields));
            }
            return Err(self.syntax("expected \",\" or \"}\""));
        }
    }

    fn number(&mut self) -> Result<Json<'t>, Error> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while let Some(b'0'..=b'9') = p.s.get(p.i) {
                p.i += 1;
            }
            p.i - from
        };
        self.eat_byte(b'-');
        if self.eat_byte(b'0') {
            // A leading zero stands alone.
        } else if digits(self) == 0 {
            return Err(self.syntax("expected a digit"));
        }
        if self.eat_byte(b'.') && digits(self) == 0 {
            return Err(self.syntax("expected a digit after \".\""));
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.syntax("expected a digit in the exponent"));
            }
        }
        let n = decimal(self.text.get(start..self.i).unwrap_or_default());
        if !n.is_finite() {
            return Err(self.syntax("a number too large"));
        }
        Ok(Json::Num(n))
    }

    fn string(&mut self) -> Result<Cow<'t, str>, Error> {
        self.i += 1;
        // Most strings hold no escape: borrow them from the text, allocating nothing.
        let start = self.i;
        let end = start + crate::write::plain_len(self.s.get(start..).unwrap_or_default());
        if self.s.get(end) == Some(&b'"') {
            self.i = end + 1;
            return Ok(Cow::Borrowed(self.text.get(start..end).unwrap_or_default()));
        }
        let mut out = String::with_capacity(end - start + 16);
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(self.text.get(start..self.i).unwrap_or_default());
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.s.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.eat("\\u") {
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(
                                        self.syntax("an unpaired surrogate in a \\u escape")
                                    );
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).ok_or_else(|| {
                                self.syntax("an unpaired surrogate in a \\u escape")
                            })?);
                            continue;
                        }
                        _ => return Err(self.syntax("an unknown escape in a string")),
                    };
                    out.push(c);
                    self.i += 1;
                }
                Some(_) => return Err(self.syntax("a control character in a string")),
                None => return Err(self.syntax("unexpected end of input in a string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut hex = 0;
        for k in 0..4 {
            let digit = self
                .s
                .get(self.i + k)
                .and_then(|&b| char::from(b).to_digit(16))
                .ok_or_else(|| self.syntax("expected four hex digits after \\u"))?;
            hex = hex * 16 + digit;
        }
        self.i += 4;
        Ok(hex)
    }
}

/// The value of a JSON number already checked against the grammar. Exact (correctly rounded)
/// whenever the digits fit 2^53 and the power of ten is at most 22 — every count, date part,
/// duration and sum of money a person types; otherwise within a rounding step or two. The
/// standard parser is exact everywhere but brings some 20 KB of tables into the wasm module.
///
/// ```
/// use trust_eligibility::json::{parse, Json};
/// assert_eq!(parse("25000000").unwrap(), Json::Num(25_000_000.0));
/// assert_eq!(parse("-2.5e1").unwrap(), Json::Num(-25.0));
/// assert_eq!(parse("0.1").unwrap(), Json::Num(0.1));
/// assert_eq!(parse("1e400").unwrap_err().code.as_str(), "invalid_json");
/// ```
fn decimal(text: &str) -> f64 {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits_part, exp_part) = body.split_once(['e', 'E']).unwrap_or((body, ""));
    let mut mantissa: u64 = 0;
    let mut scale: i64 = 0;
    let mut seen_point = false;
    for b in digits_part.bytes() {
        if b == b'.' {
            seen_point = true;
            continue;
        }
        let d = u64::from(b - b'0');
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + d;
            if seen_point {
                scale -= 1;
            }
        } else if !seen_point {
            scale += 1; // digits beyond 19 significant ones only scale the value
        }
    }
    let exp: i64 = if exp_part.is_empty() {
        0
    } else {
        // Only an exponent too long for i64 fails to parse: it saturates.
        let saturated = if exp_part.starts_with('-') {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        };
        exp_part
            .trim_start_matches('+')
            .parse()
            .unwrap_or(saturated)
    };
    let e = scale.saturating_add(exp);
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if (0..=22).contains(&e) {
        m * POW10[e as usize]
    } else if (-22..0).contains(&e) {
        m / POW10[(-e) as usize]
    } else if e > 0 {
        m * 10f64.powi(e.min(400) as i32)
    } else {
        m / 10f64.powi((-e).min(400) as i32)
    };
    if negative {
        -value
    } else {
        value
    }
}

/// The first key that appears twice, in O(n log n).
fn duplicate_key<'f>(fields: &'f [(Cow<'_, str>, Json<'_>)]) -> Option<&'f str> {
    if fields.len() < 2 {
        return None;
    }
    if fields.len() <= 16 {
        // The objects of every input here are small: compare pairwise, allocating nothing.
        return fields
            .iter()
            .enumerate()
            .find(|(i, (k, _))| fields[..*i].iter().any(|(other, _)| other == k))
            .map(|(_, (k, _))| &**k);
    }
    let mut keys: Vec<&str> = fields.iter().map(|(k, _)| &**k).collect();
    crate::order::sort_by(&mut keys, |a, b| a.cmp(b));
    keys.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
}

/// What a value is, for error messages ("the number 3", "a list").
pub fn describe(v: &Json<'_>) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("{b}"),
        Json::Num(n) => format!("the number {}", number(*n)),
        Json::NonFinite(n) => format!("the number {n}"),
        Json::Str(s) => format!("the text {}", crate::input::quote_short(s)),
        Json::Arr(_) => "a list".into(),
        Json::Obj(_) => "an object".into(),
    }
}

/// A value of the wrong kind.
#[cold]
#[inline(never)]
pub fn wrong_type(v: &Json<'_>, at: &Path, expected: &str) -> Error {
    if let Json::NonFinite(n) = v {
        return Error::new(
            ErrorCode::InvalidValue,
            at.render(),
            format_args!("must be a finite number, not {n}"),
        );
    }
    Error::new(
        ErrorCode::InvalidType,
        at.render(),
        format_args!("expected {expected}, found {}", describe(v)),
    )
}

/// Converts a JSON value into a typed value, naming the path of anything wrong.
pub trait FromJson: Sized {
    /// What is expected, in words ("a date (YYYY-MM-DD)").
    const EXPECTING: &'static str;
    /// Converts `v`, found at `at`.
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error>;
}

impl FromJson for bool {
    const EXPECTING: &'static str = "true or false";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(wrong_type(v, at, Self::EXPECTING)),
        }
    }
}

impl FromJson for f64 {
    const EXPECTING: &'static str = "a number";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        match v {
            Json::Num(n) => Ok(*n + 0.0),
            _ => Err(wrong_type(v, at, Self::EXPECTING)),
        }
    }
}

fn whole(v: &Json<'_>, at: &Path, expecting: &str, lo: f64, hi: f64) -> Result<f64, Error> {
    match v {
        Json::Num(n) if n.fract() != 0.0 => Err(Error::new(
            ErrorCode::InvalidValue,
            at.render(),
            format_args!("{} is not {expecting}", number(*n)),
        )),
        Json::Num(n) if *n < lo || *n > hi => Err(Error::new(
            ErrorCode::InvalidValue,
            at.render(),
            format_args!("{} is out of range (expected {expecting})", number(*n)),
        )),
        Json::Num(n) => Ok(*n),
        _ => Err(wrong_type(v, at, expecting)),
    }
}

impl FromJson for u32 {
    const EXPECTING: &'static str = "a whole number, 0 or more";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        Ok(whole(v, at, Self::EXPECTING, 0.0, f64::from(u32::MAX))? as u32)
    }
}

impl FromJson for i64 {
    const EXPECTING: &'static str = "a whole number";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        Ok(whole(v, at, Self::EXPECTING, -9.0e15, 9.0e15)? as i64)
    }
}

impl FromJson for String {
    const EXPECTING: &'static str = "text";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        match v {
            Json::Str(s) => Ok(String::from(&**s)),
            _ => Err(wrong_type(v, at, Self::EXPECTING)),
        }
    }
}

/// Text shared rather than copied when the value is (see [`crate::ruleset::Source`]).
impl FromJson for std::sync::Arc<str> {
    const EXPECTING: &'static str = "text";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        match v {
            Json::Str(s) => Ok(std::sync::Arc::from(&**s)),
            _ => Err(wrong_type(v, at, Self::EXPECTING)),
        }
    }
}

/// `null` (or, in an object, a missing key) is `None`.
impl<T: FromJson> FromJson for Option<T> {
    const EXPECTING: &'static str = T::EXPECTING;
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        match v {
            Json::Null => Ok(None),
            _ => T::from_json(v, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    const EXPECTING: &'static str = "a list";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        let Json::Arr(items) = v else {
            return Err(wrong_type(v, at, Self::EXPECTING));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(T::from_json(x, &at.index(i))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for Table<T> {
    const EXPECTING: &'static str = "an object";
    fn from_json(v: &Json, at: &Path) -> Result<Self, Error> {
        let Json::Obj(fields) = v else {
            return Err(wrong_type(v, at, Self::EXPECTING));
        };
        let mut out = Vec::with_capacity(fields.len());
        for (k, x) in fields {
            out.push((String::from(&**k), T::from_json(x, &at.key(k))?));
        }
        Ok(Table(out))
    }
}

/// The fields of an object, checked against the keys its type has.
pub struct Fields<'a> {
    fields: &'a [(Cow<'a, str>, Json<'a>)],
    at: &'a Path<'a>,
}

impl<'a> Fields<'a> {
    /// The object at `at`, which may only have `keys` (an unknown key is an error naming it).
    #[inline(never)]
    pub fn new(
        v: &'a Json<'a>,
        at: &'a Path<'a>,
        expecting: &str,
        keys: &[&str],
    ) -> Result<Self, Error> {
        let Json::Obj(fields) = v else {
            return Err(wrong_type(v, at, expecting));
        };
        if let Some((k, _)) = fields.iter().find(|(k, _)| !keys.contains(&&**k)) {
            return Err(unknown_key(at, k, keys));
        }
        Ok(Fields { fields, at })
    }

    #[inline(never)]
    fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        self.fields.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// A required key.
    #[inline(never)]
    pub fn req<T: FromJson>(&self, key: &'static str) -> Result<T, Error> {
        match self.get(key) {
            Some(v) => T::from_json(v, &self.at.key(key)),
            None => Err(missing(self.at, key)),
        }
    }

    /// An optional key: missing or `null` is `None`.
    #[inline(never)]
    pub fn opt<T: FromJson>(&self, key: &'static str) -> Result<Option<T>, Error> {
        match self.get(key) {
            Some(v) => Option::<T>::from_json(v, &self.at.key(key)),
            None => Ok(None),
        }
    }

    /// An optional object of values: missing or `null` is empty.
    #[inline(never)]
    pub fn map<T: FromJson>(&self, key: &'static str) -> Result<Table<T>, Error> {
        Ok(self.opt::<Table<T>>(key)?.unwrap_or_default())
    }

    /// An optional list: missing or `null` is empty.
    #[inline(never)]
    pub fn list<T: FromJson>(&self, key: &'static str) -> Result<Vec<T>, Error> {
        Ok(self.opt::<Vec<T>>(key)?.unwrap_or_default())
    }
}

#[cold]
#[inline(never)]
fn missing(at: &Path, key: &str) -> Error {
    Error::new(
        ErrorCode::MissingField,
        at.key(key).render(),
        "is required but missing",
    )
}

#[cold]
#[inline(never)]
fn unknown_key(at: &Path, key: &str, keys: &[&str]) -> Error {
    let quoted: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    let expected = crate::order::join(&quoted, ", ");
    Error::new(
        ErrorCode::UnknownField,
        at.key(key).render(),
        format_args!(
            "unknown key {} (expected one of {expected})",
            crate::input::quote_short(key)
        ),
    )
}

/// Implements [`FromJson`] for a fieldless enum from its snake_case names, and
/// [`crate::write::ToJson`] writing the same names.
#[macro_export]
#[doc(hidden)]
macro_rules! json_enum {
    ($ty:ty, $what:literal, { $($name:literal => $variant:path),+ $(,)? }) => {
        $crate::json_out_enum!($ty, { $($variant => $name),+ });
        impl $crate::json::FromJson for $ty {
            const EXPECTING: &'static str = $what;
            fn from_json(v: &$crate::json::Json, at: &$crate::json::Path) -> Result<Self, $crate::Error> {
                let $crate::json::Json::Str(s) = v else {
                    return Err($crate::json::wrong_type(v, at, Self::EXPECTING));
                };
                match &**s {
                    $($name => Ok($variant),)+
                    _ => Err($crate::Error::new(
                        $crate::ErrorCode::InvalidValue,
                        at.render(),
                        format_args!("{} is not {}", $crate::input::quote_short(s), Self::EXPECTING),
                    )),
                }
            }
        }
    };
}

/// Implements [`FromJson`] for a struct whose fields are read with [`Fields`]' `req`, `opt` or
/// `list` from the camelCase keys given; any other key is an error.
#[macro_export]
#[doc(hidden)]
macro_rules! json_struct {
    ($ty:ident, $what:literal, { $($field:ident : $how:ident $key:literal),+ $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            const EXPECTING: &'static str = $what;
            fn from_json(v: &$crate::json::Json, at: &$crate::json::Path) -> Result<Self, $crate::Error> {
                let o = $crate::json::Fields::new(v, at, Self::EXPECTING, &[$($key),+])?;
                Ok($ty { $($field: o.$how($key)?),+ })
            }
        }
    };
}

/// Merges `patch` onto `base`: objects key by key (a `null` removes the key), arrays of
/// objects item by item matched on `id` or `row` (new ones appended), anything else replaced.
pub fn merge<'t>(base: &mut Json<'t>, patch: Json<'t>) {
    match (base, patch) {
        (Json::Obj(b), Json::Obj(p)) => {
            for (k, v) in p {
                let slot = b.iter().position(|(bk, _)| *bk == k);
                match (slot, v) {
                    (Some(i), Json::Null) => {
                        b.remove(i);
                    }
                    (Some(i), v) => merge(&mut b[i].1, v),
                    (None, Json::Null) => {}
                    (None, v) => b.push((k, v)),
                }
            }
        }
        (Json::Arr(b), Json::Arr(p))
            if !p.is_empty() && p.iter().all(|v| item_key(v).is_some()) =>
        {
            for item in p {
                let key = item_key(&item).cloned();
                match b.iter_mut().find(|x| item_key(x) == key.as_ref()) {
                    Some(slot) => merge(slot, item),
                    None => b.push(item),
                }
            }
        }
        (b, p) => *b = p,
    }
}

fn item_key<'v, 't>(v: &'v Json<'t>) -> Option<&'v Json<'t>> {
    let Json::Obj(fields) = v else { return None };
    ["id", "row"]
        .into_iter()
        .find_map(|k| fields.iter().find(|(fk, _)| *fk == k).map(|(_, v)| v))
}

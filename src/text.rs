//! Numbers, lists and sentences written as people read them, for the wording of reasons and evidence.

/// A number as people write it: `5`, `2.5`, `-0.25`, `10,000,000`, at most two decimals.
///
/// ```
/// use trust_eligibility::text::number;
/// assert_eq!(number(10_000_000.0), "10,000,000");
/// assert_eq!(number(2.5), "2.5");
/// assert_eq!(number(3.14159), "3.14");
/// assert_eq!(number(-0.0), "0");
/// ```
pub fn number(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if x.abs() >= 1e18 {
        return "a very large number".into();
    }
    let cents = (x.abs() * 100.0 + 0.5) as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    // The digits of the whole part, on the stack.
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut w = whole;
    loop {
        at -= 1;
        buf[at] = b'0' + (w % 10) as u8;
        w /= 10;
        if w == 0 {
            break;
        }
    }
    let digits = &buf[at..];
    let mut out = String::with_capacity(32);
    if x < 0.0 && cents > 0 {
        out.push('-');
    }
    for (i, &ch) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 && digits.len() > 4 {
            out.push(',');
        }
        out.push(char::from(ch));
    }
    if frac > 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 > 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    out
}

/// `items` joined by `sep` (one small copy of the code rather than the standard library's
/// generic join for every element type).
pub fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s.as_ref());
    }
    out
}

/// Capitalises a first ASCII letter, so "the council was..." reads as a sentence. (Names are
/// shown as given; full Unicode case tables would add some 10 KB to the wasm module.)
pub(crate) fn sentence(s: String) -> String {
    let mut out = s;
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

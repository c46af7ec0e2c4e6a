//! Stable sorting and number formatting without the standard library's generic machinery.
//!
//! The standard sorts are fast but instantiate several kilobytes of code per element type and
//! comparator, and float formatting pulls in a large table-driven printer; in a WebAssembly
//! module that a government page loads, those were the largest costs (BENCHMARKS.md). One
//! merge sort over indices serves every list here, in O(n log n), and numbers are written
//! with integer arithmetic.

use std::cmp::Ordering;

/// Whether `n` items are already in order by `cmp` (one copy for every element type).
fn in_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> bool {
    (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater)
}

/// The permutation that sorts `n` items stably by `cmp` (a bottom-up merge sort on indices).
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b = a.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            let k = k + (mid - i);
            b[k..k + (end - j)].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Sorts `items` stably by `cmp`.
///
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// trust_eligibility::order::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T: Clone>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let by_index = |i: usize, j: usize| cmp(&items[i], &items[j]);
    // Histories usually arrive in date order: nothing to do, and nothing to allocate.
    if in_order(items.len(), &by_index) {
        return;
    }
    let order = sorted_indices(items.len(), &by_index);
    let sorted: Vec<T> = order.iter().map(|&i| items[i].clone()).collect();
    items.clone_from_slice(&sorted);
}

/// A number as people write it: `5`, `2.5`, `-0.25`, `10,000,000`, at most two decimals.
///
/// ```
/// use trust_eligibility::order::number;
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
pub(crate) fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s.as_ref());
    }
    out
}

/// An ordered table of named values (object keys in document order).
#[derive(Clone, Debug, PartialEq)]
pub struct Table<T>(pub Vec<(String, T)>);

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table(Vec::new())
    }
}

impl<T> Table<T> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` is present.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(feature = "serde")]
impl<T: serde::Serialize> serde::Serialize for Table<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

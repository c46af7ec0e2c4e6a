// Dates as the user types them (day, month, year) and as the engine takes them (YYYY-MM-DD).

/** Today's date in the UK, YYYY-MM-DD: the page passes it to the engine (which never reads the clock).
 *  UK time is UTC, or UTC+1 (British Summer Time) from 01:00 UTC on the last Sunday in March to
 *  01:00 UTC on the last Sunday in October (the Summer Time Order 2002). Worked out here rather
 *  than with Intl.DateTimeFormat's Europe/London time zone: its first use loads the browser's
 *  time zone data, some 50 ms before the start page can be shown. */
export function todayIso(now = new Date()) {
  const year = now.getUTCFullYear();
  const lastSundayAt1 = (month) => {
    const last = new Date(Date.UTC(year, month + 1, 0)); // the month's last day
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const t = now.getTime();
  const summer = t >= lastSundayAt1(2) && t < lastSundayAt1(9);
  return new Date(t + (summer ? 3_600_000 : 0)).toISOString().slice(0, 10);
}

export function isoToParts(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : {};
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** A month as people write it, as GOV.UK's date input pattern accepts: a number ("6", "06"), its
 *  name or the first three letters of it, any case ("June", "jun", "JUN."; "Sept" too).
 *  Returns the month's number as text, or the text as it was when it is not a month. */
export function monthNumber(text) {
  const t = text.trim().toLowerCase().replace(/\.$/, "");
  if (/^\d+$/.test(t)) return t;
  const k = MONTHS.findIndex((m) => t.length >= 3 && (m === t || m.slice(0, 3) === t || (t === "sept" && m === "september")));
  return k >= 0 ? String(k + 1) : text.trim();
}

/** GOV.UK date validation. `noun` is "the date the report was published".
 *  Returns { iso } (null when optional and empty) or { error, parts }. */
export function parseDateParts(raw, noun, { optional = false } = {}) {
  const v = { day: (raw.day ?? "").trim(), month: monthNumber(raw.month ?? ""), year: (raw.year ?? "").trim() };
  const missing = ["day", "month", "year"].filter((p) => v[p] === "");
  if (missing.length === 3) return optional ? { iso: null } : { error: `Enter ${noun}`, parts: [] };
  if (missing.length) {
    const words = missing.length === 2 ? `${missing[0]} and ${missing[1]}` : missing[0];
    return { error: `${cap(noun)} must include a ${words}`, parts: missing };
  }
  const bad = ["day", "month", "year"].filter((p) => !/^\d+$/.test(v[p]));
  if (bad.length) return { error: `${cap(noun)} must be a real date`, parts: bad };
  if (v.year.length !== 4) return { error: "Year must include 4 numbers", parts: ["year"] };
  const d = Number(v.day), m = Number(v.month), y = Number(v.year);
  if (m < 1 || m > 12) return { error: `${cap(noun)} must be a real date`, parts: ["month"] };
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > last) return { error: `${cap(noun)} must be a real date`, parts: ["day"] };
  return { iso: `${v.year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

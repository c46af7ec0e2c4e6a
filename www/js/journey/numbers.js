// Numbers and amounts of money as people write them, read the way they mean them:
//
//   money:    "12000000", "12,000,000", "£12m", "12.5 million", "£750k", "£1.2bn"
//   counts:   "40", "1,200" (a thousands separator), never "2.5"
//   decimals: "2.5"; never "2,5", which could mean 2.5 or 25 and is refused with a message
//             that says so
//
// Each number question says its range (min, max, unit); the messages follow the GOV.UK pattern
// ("Enter …", "… must be a number, like …", "… must be between … and …").

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** @type {[RegExp, number][]} */
const SCALE = [
  [/^(k|thousand)$/, 1e3],
  [/^(m|mn|million|millions)$/, 1e6],
  [/^(bn|b|billion|billions)$/, 1e9],
];

/** A number written in full with separators: 12500000 -> "12,500,000", 2.5 -> "2.5". */
export function inFull(n, { money = false } = {}) {
  const s = Number(n).toLocaleString("en-GB", { maximumFractionDigits: money ? 2 : 2, minimumFractionDigits: money && !Number.isInteger(n) ? 2 : 0 });
  return money ? `£${s}` : s;
}

/**
 * Reads what was typed. def: { money, integer, min, max, noun, example }.
 * Returns { value, scaled } (scaled: the words or letters after the number multiplied it, so the
 * page should say back what it read) or { error } (empty: { error, empty: true }).
 */
export function readNumber(text, def) {
  const noun = def.noun;
  const example = def.example ?? (def.money ? "£12,000,000 or £12m" : def.integer ? "12" : "2.5");
  let s = String(text ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  if (!s) return { error: `Enter ${noun}`, empty: true };
  const notNumber = { error: `${cap(noun)} must be ${def.money ? "an amount of money" : "a number"}, like ${example}` };
  if (def.money) s = s.replace(/^£\s?/, "").replace(/^gbp\s?/, "").replace(/\s?(pounds|gbp)$/, "");
  if (s.startsWith("-") || s.startsWith("−")) return range(def);
  let scale = 1;
  if (def.money) {
    const m = /^([\d.,]+)\s?([a-z]+)$/.exec(s);
    if (m) {
      const found = SCALE.find(([re]) => re.test(m[2]));
      if (!found) return notNumber;
      [, scale] = found;
      s = m[1];
    }
  }
  // Commas: thousands separators only (1,200 or 12,000,000). "2,5" or "2,50" could be a decimal
  // comma (2.5) or a slip (25): refused, saying why.
  if (s.includes(",")) {
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
    else if (/^\d+,\d{1,2}$/.test(s)) {
      return { error: `${cap(noun)} must use a full stop for a decimal point, like ${s.replace(",", ".")}: “${s}” could mean ${s.replace(",", ".")} or ${s.replace(",", "")}` };
    } else return notNumber;
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return notNumber;
  const n = Math.round(Number(s) * scale * 100) / 100;
  if (!Number.isFinite(n)) return range(def); // digits, too many of them
  if (def.integer && !Number.isInteger(n)) return { error: `${cap(noun)} must be a whole number, like ${def.example ?? "12"}` };
  if (n < (def.min ?? 0) || (def.max !== undefined && n > def.max)) return range(def);
  return { value: n, scaled: scale !== 1 };
}

function range(def) {
  const f = (x) => inFull(x, { money: def.money });
  const unit = def.unit ? ` ${def.unit}` : "";
  return { error: def.max === undefined
    ? `${cap(def.noun)} must be ${f(def.min ?? 0)}${unit} or more`
    : `${cap(def.noun)} must be between ${f(def.min ?? 0)} and ${f(def.max)}${unit}` };
}

/** What the page says back as the user types: "We read this as £12,500,000" (money written
 *  with k, m or million, or with separators), or nothing. */
export function readBack(text, def) {
  const r = readNumber(text, def);
  if (r.error || r.empty) return "";
  const plain = String(text).trim().replace(/^£/, "");
  if (!def.money && plain === String(r.value)) return "";
  if (def.money && plain === String(r.value)) return "";
  return `We read this as ${inFull(r.value, { money: def.money })}${def.unit && !def.money ? ` ${def.unit}` : ""}`;
}

// What a person reads of a page, and the raw placeholders ("[date the trust started]",
// "{trustSince}") and internal references ("SPEC §3.1") in it: used by pages-text.test.mjs on
// the pages the build writes, and by the page tests on what the app shows.
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };
const decode = (s) => s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, e) => {
  if (e[0] === "#") return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  return ENTITIES[e.toLowerCase()] ?? all;
});

/** What a person reads or hears of a page: its text, and the attributes said or shown. */
export function visibleText(html) {
  const attrs = [...html.matchAll(/\s(?:alt|title|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const body = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ");
  return decode(`${body}\n${attrs.join("\n")}`).replace(/\s+/g, " ");
}

/** The placeholders and internal references in a text, each with a little context. */
export function problems(text) {
  const found = [];
  for (const re of [/\[[^\]]{1,80}\]/g, /\{[^}]{1,80}\}/g, /\bSPEC\b[^.]{0,20}/g, /§\s*\d/g]) {
    for (const m of text.matchAll(re)) found.push(text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20).trim());
  }
  return found;
}

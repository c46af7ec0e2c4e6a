// Every council's inspection history from Ofsted's published outcomes file, as council inputs
// (SPEC §3.1), read at run time from data/ofsted/ (Ofsted's published file, shipped with the project):
// the ILACS history and the latest judgements, each inspection once per council.

import { readFileSync } from "node:fs";
import { join } from "node:path";

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.length > 1 || r[0] !== "");
}

function records(path) {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

const J = {
  leadership: "The impact of leaders on social work practice with children and families",
  helpAndProtection: "The experiences and progress of children who need help and protection",
  childrenInCare: "The experiences and progress of children in care",
  careLeavers: "The experiences and progress of care leavers",
};

function inspection(r) {
  const judgements = {};
  for (const [key, col] of Object.entries(J)) judgements[key] = r[col] ? r[col] : null;
  return {
    published: r["Publication date"],
    inspected: r["Inspection date"] || null,
    framework: "ilacs",
    overall: r["Overall effectiveness"],
    judgements,
  };
}

/**
 * The 153 councils of the latest-judgements sheet, each with its whole history, assessed on
 * `asOf` (the file's date, 2025-03-31, by default).
 */
export function councilsFromOfsted(dir, asOf = "2025-03-31") {
  const latest = records(join(dir, "latest_as_at_2025-03-31.csv"));
  const history = records(join(dir, "ilacs_history_2018-2025.csv"));
  const byCode = new Map();
  for (const r of [...history, ...latest]) {
    if (!r["Publication date"] || !r["Overall effectiveness"]) continue;
    const code = r["Local authority area code"];
    if (!byCode.has(code)) byCode.set(code, new Map());
    const seen = byCode.get(code);
    if (!seen.has(r["Publication date"])) seen.set(r["Publication date"], inspection(r));
  }
  return latest.map((r) => ({
    council: { name: r["Local authority name"], code: r["Local authority area code"] },
    asOf,
    inspections: [...byCode.get(r["Local authority area code"]).values()]
      .sort((a, b) => (a.published < b.published ? -1 : 1)),
  }));
}

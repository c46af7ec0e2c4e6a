// Builds the static parts of the site into git-ignored places under www/:
//   www/assets/  GOV.UK Frontend's images (served locally: no request leaves the origin)
//   www/rules.html  the rules page for readers without JavaScript, generated from
//                   rulesets/rulesets.json (the engine's embedded ruleset data)
//   www/dist/    the bundled, minified modules (js.mjs) and the stylesheets: GOV.UK
//                Frontend's Sass for the parts the pages use (www/govuk.scss), with app.css (css.mjs)
// then the npm package (npm.mjs) and, last, the service worker (sw.mjs), all in build/.
// Run by scripts/lib.sh build_release, or by hand: node build/site.mjs
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { writeVocabulary } from "./vocabulary.mjs";
import { html, raw } from "../www/js/govuk/html.js";
import { sourceLink as pageSourceLink } from "../www/js/govuk/sources.js";
import { head, header, phaseBanner, footer } from "../www/js/govuk/chrome.js";
import {
  SERVICE_NAME, fill, parameterValues, inForce, orgKindLabel, LEVELS,
} from "../www/js/engine/wording.js";

// 0. The pages' vocabulary (www/js/engine/vocabulary.js), from the ruleset data: written before
//    anything is bundled. A change means the committed module was stale: commit it.
if (writeVocabulary()) console.warn("www/js/engine/vocabulary.js was out of date and has been rewritten: commit it");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

// 1. GOV.UK Frontend's images. (Its CSS is compiled and written with the app's in step 3; none
//    of its JavaScript is used: see app.js.)
rmSync(join(www, "govuk"), { recursive: true, force: true }); // where earlier builds put it
rmSync(join(www, "assets"), { recursive: true, force: true });
for (const dir of ["images"]) {
  mkdirSync(join(www, "assets", dir), { recursive: true });
  for (const f of readdirSync(join(govuk, "assets", dir))) {
    copyFileSync(join(govuk, "assets", dir, f), join(www, "assets", dir, f));
  }
}

// 2. The rules page, from the same ruleset data the engine embeds.
const data = JSON.parse(readFileSync(join(root, "rulesets", "rulesets.json"), "utf8"));

const PARAMETER_LABELS = {
  improvementWindowMonths: "Time to show significant improvement (months)",
  takeoverTargetMonths: "Time from commissioner to takeover (months)",
  commissionerReviewMonths: "Time for the commissioner's review (months)",
  overallGradeDroppedFrom: "Reports without an overall grade allowed from",
  persistentWindowYears: "Period for persistent failure (years)",
  highPerformingWindowYears: "Period without an inadequate rating to be high-performing (years)",
  staleAfterYears: "Age of the latest report after which a warning is given (years)",
};

function sourceLink(id) {
  const s = data.sources[id];
  if (!s) return html`${id}`;
  return pageSourceLink(s);
}

function card(title, rows, id) {
  return html`<div class="govuk-summary-card"${id ? raw(` id="${id}"`) : ""}>
  <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">${title}</h3></div>
  <div class="govuk-summary-card__content"><dl class="govuk-summary-list">
    ${rows.map(([k, v]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${k}</dt><dd class="govuk-summary-list__value">${v}</dd></div>`)}
  </dl></div>
</div>`;
}

// Values shared by every ruleset fill the definitions; those that differ stay generic.
const shared = {};
for (const [k, v] of Object.entries(parameterValues(data.rulesets[0]))) {
  if (data.rulesets.every((r) => parameterValues(r)[k] === v)) shared[k] = v;
}

// The rules are shown here without a council, so what the engine fills from a council's record
// is said in words that read as part of the sentence (never a bracketed placeholder), and a
// parenthesis that only gives the user's own figures ("(you need {shortfall} more)",
// "({daysRemaining} days from {asOf})") is left out. tests/browser/pages-text.test.mjs checks
// that no page the build writes shows a placeholder.
const IN_WORDS = {
  council: "the council",
  asOf: "the date checked",
  latestPublished: "on the date of the latest report",
  earlierPublished: "on the date of the earlier inadequate report",
  visitDate: "a later date",
  deadline: "the deadline",
  takeoverTarget: "the target date for the takeover",
  triggerCount: "one or more",
  triggers: "each with its kind and date",
  latestGrade: "good or outstanding",
  failureKind: "persistent or systemic failure",
  commissionerReviewDue: "the date set for it",
  trustSince: "the date the trust started",
  eligibleFrom: "the date it stops counting",
  missing: "what is missing",
  unknown: "each of these it has not said it has",
  noticeIssued: "the date given",
  instrument: "notice or direction",
  instrumentIssued: "the date given",
  published: "on its date",
  grade: "the grade read",
  gradeReading: "of how its key judgements read",
  overallGradeDroppedFrom: "the date Ofsted stopped giving one",
  days: "a number of days",
  date: "that date",
  directionIssued: "the date given",
  commissionerAppointed: "the date given",
  adviserAppointed: "the date given",
  title: "the intervention",
  event: "a decision",
  precision: "month or year",
  readAs: "the last day it could be",
  issued: "the date given",
  followedBy: "a later date",
  intervention: "the intervention that would then apply",
  rule: "its row",
};
const PERSONAL = ["shortfall", "daysRemaining", "have"];
/** A template of the ruleset data as this page says it (values: the ruleset's parameters). */
function words(template, values = {}) {
  let t = String(template ?? "");
  for (const name of PERSONAL) t = t.replace(new RegExp(`\\s*\\([^()]*\\{${name}\\}[^()]*\\)`, "g"), "");
  const highPerformingSince = values.highPerformingWindowYears === undefined ? "the start of the period in which an inadequate rating counts"
    : `the date ${values.highPerformingWindowYears} years before the date checked`;
  // Key dates as the ruleset data says each is set (keyDates.*.rule), with this ruleset's
  // parameters (the page has no date to count from).
  const rule = (kind) => fill(data.keyDates[kind].rule, values);
  const when = {
    deadlineWhen: rule("improvement_deadline"),
    takeoverTargetWhen: rule("takeover_target"),
    commissionerReviewWhen: rule("commissioner_review_due"),
  };
  const out = fill(t, { ...IN_WORDS, highPerformingSince, ...when, ...values });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function rulesetSection(r) {
  const values = parameterValues(r);
  return html`<h2 class="govuk-heading-l" id="${r.id}">${r.title}</h2>
<p class="govuk-body">${r.title} (ruleset <code>${r.id}</code>), ${inForce(r)}.</p>
<p class="govuk-body">${r.summary}</p>
<p class="govuk-body">Source: ${sourceLink(r.source)}</p>
<h3 class="govuk-heading-m">Periods and thresholds</h3>
<dl class="govuk-summary-list">
  ${Object.entries(r.parameters).map(([k, p]) => html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${PARAMETER_LABELS[k] ?? k}</dt>
    <dd class="govuk-summary-list__value">${p.value}<br><span class="govuk-body-s">${p.source === "design" ? "Design choice of this checker" : html`Source: ${sourceLink(p.source)}`}</span></dd>
  </div>`)}
</dl>
<h3 class="govuk-heading-m">Interventions, checked in this order</h3>
<p class="govuk-body">The checker looks at each row in turn and gives the first that applies to the council on the date checked.</p>
${r.rows.map((row) => card(`Row ${row.row}: ${row.title}`, [
  ["What the checker says", words(row.text, values)],
  ["Next steps", row.nextSteps.length
    ? html`<ul class="govuk-list govuk-list--bullet">${row.nextSteps.map((s) => html`<li>${words(s, values)}</li>`)}</ul>`
    : "None"],
  ["Source", sourceLink(row.source)],
  ...(row.whenRecorded ? [["When the council's status already records it", html`${row.whenRecorded.title ? html`<p class="govuk-body">${words(row.whenRecorded.title, values)}</p>` : ""}${row.whenRecorded.text ? html`<p class="govuk-body">${words(row.whenRecorded.text, values)}</p>` : ""}<ul class="govuk-list govuk-list--bullet">${row.whenRecorded.nextSteps.map((s) => html`<li>${words(s, values)}</li>`)}</ul>${row.whenRecorded.source ? html`<p class="govuk-body">Source: ${sourceLink(row.whenRecorded.source)}</p>` : ""}`]] : []),
], `${r.id}-row-${row.row}`))}`;
}

/** SPEC §3.7: how a status given as dated public decisions is read, and the warnings it brings. */
function statusSection(st) {
  const sw = data.warnings; // the sourced warnings that go with a status (and SPEC §3.6)
  return html`<h2 class="govuk-heading-l" id="status-events">A council's status from its public decisions</h2>
<p class="govuk-body">${st.summary}</p>
<p class="govuk-body">Source: ${sourceLink(st.source)}</p>
<h3 class="govuk-heading-m">The decisions the checker reads</h3>
<dl class="govuk-summary-list">
  ${Object.entries(st.events).map(([k, e]) => html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key"><code>${k}</code></dt>
    <dd class="govuk-summary-list__value">${words(e.words)}<br><span class="govuk-body-s">Source: ${sourceLink(e.source)}</span></dd>
  </div>`)}
</dl>
<h3 class="govuk-heading-m">What the answer says about them</h3>
${card("Commissioner and adviser", [
  ["Commissioner", words(st.inForce.commissioner.text)],
  ["Source", sourceLink(st.inForce.commissioner.source)],
  ["Adviser in place of a commissioner", words(st.inForce.adviser.text)],
  ["Source", sourceLink(st.inForce.adviser.source)],
  ["Services run by a trust", words(st.trustTitle.text)],
], "status-in-force")}
<h3 class="govuk-heading-m">Warnings</h3>
${card("Warnings about a council's status and reports", [
  ["A date known only to the month or year", words(sw.date_not_exact.text)],
  ["Source", sourceLink(sw.date_not_exact.source)],
  ["A notice or direction presumed lifted", words(sw.lifting_presumed.text)],
  ["Source", sourceLink(sw.lifting_presumed.source)],
  ["Leadership the only inadequate judgement", words(sw.leadership_only_inadequate.text)],
  ["Source", sourceLink(sw.leadership_only_inadequate.source)],
], "status-warnings")}`;
}

function criterionCard(c) {
  const p = c.params ?? {};
  return card(words(c.title, p), [
    ["Applies to", html`<ul class="govuk-list">${c.appliesTo.map((k) => html`<li>${orgKindLabel(k)}</li>`)}</ul>`],
    ["Level", LEVELS[c.level] ?? c.level],
    ["Threshold", words(c.threshold, p)],
    ["Basis", c.basis === "design"
      ? html`<strong class="govuk-tag govuk-tag--yellow">Design choice</strong> ${data.sources.design?.title ?? ""}`
      : "Published rule"],
    ...(c.rationale ? [["What the choice rests on", words(c.rationale, p)]] : []),
    ["Source", sourceLink(c.source)],
    ["What to do if it is not met", words(c.whatToDo, p)],
    ["What to find out if it is not known", words(c.findOut, p)],
  ], `criterion-${c.id}`);
}

const page = html`<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
${head(`The rules this service applies - ${SERVICE_NAME}`)}
</head>
<body class="govuk-template__body">
${header()}
<div class="govuk-width-container">
${phaseBanner()}
<main class="govuk-main-wrapper" id="main-content">
<div class="govuk-grid-row"><div class="govuk-grid-column-full">
<h1 class="govuk-heading-xl">The rules this service applies</h1>
<p class="govuk-body-l">These are the rules the checker applies, with their sources. This page is generated from the checker's own ruleset data, so it always matches what the checker does.</p>
<p class="govuk-body">The checker itself needs JavaScript. It runs on your device: nothing you enter is sent anywhere. <a class="govuk-link" href="./">Start the checker</a>.</p>
<h2 class="govuk-heading-m">Contents</h2>
<ul class="govuk-list">
  ${data.rulesets.map((r) => html`<li><a class="govuk-link" href="#${r.id}">${r.title}</a></li>`)}
  <li><a class="govuk-link" href="#definitions">Definitions</a></li>
  <li><a class="govuk-link" href="#status-events">A council's status from its public decisions</a></li>
  <li><a class="govuk-link" href="#sponsors">Who can sponsor a children's services trust</a></li>
  <li><a class="govuk-link" href="#sources">Sources</a></li>
</ul>
<p class="govuk-body">Which rules apply depends on the date checked: ${data.rulesets.map((r, i) => html`${i ? "; " : ""}${r.title} ${inForce(r)}`)}. You can also ask the checker to apply either set of rules on any date.</p>
${data.rulesets.map(rulesetSection)}
<h2 class="govuk-heading-l" id="definitions">Definitions</h2>
<dl class="govuk-summary-list">
  ${Object.entries(data.definitions).map(([k, d]) => html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${words(d.text, shared).split(":")[0]}</dt>
    <dd class="govuk-summary-list__value">${words(d.text, shared)}<br>Source: ${sourceLink(d.source)}</dd>
  </div>`)}
</dl>
${statusSection(data.statusEvents)}
<h2 class="govuk-heading-l" id="sponsors">Who can sponsor a children's services trust</h2>
<p class="govuk-body">Source: ${sourceLink(data.sponsor.source)}</p>
<p class="govuk-body">Each criterion applies to some kinds of organisation, at one of three levels:</p>
<ul class="govuk-list govuk-list--bullet">
  <li>${LEVELS.gate}: if it is not met, the organisation is not eligible.</li>
  <li>${LEVELS.readiness}: if it is not met, the organisation is not yet ready.</li>
  <li>${LEVELS.condition}: if only conditions are not met, the organisation is eligible with conditions.</li>
</ul>
<p class="govuk-body">A fact not given is not known: it is neither met nor failed. If nothing known fails a requirement or readiness criterion but one of them is not known, the answer is “More to find out”, with what to find out. A condition not known leaves the organisation eligible with conditions.</p>
<p class="govuk-body">Thresholds marked “Design choice” are not published rules: ${data.sources.design?.title ?? ""}.</p>
${data.sponsor.criteria.map(criterionCard)}
<h3 class="govuk-heading-m">What an eligible organisation may do, in the order the answer gives it</h3>
<ul class="govuk-list govuk-list--bullet">${Object.values(data.sponsor.routes).map((r) => html`<li><strong>${r.title}</strong> (${r.appliesTo.map(orgKindLabel).join(", ").toLowerCase()}). ${r.text} Sources: ${r.sources.join(", ")}.</li>`)}</ul>
${Object.values(data.sponsor.notes).map((n) => html`<p class="govuk-body">${n.text} (source: ${n.source})</p>`)}
<h2 class="govuk-heading-l" id="sources">Sources</h2>
<ul class="govuk-list govuk-list--spaced">
  ${Object.entries(data.sources).map(([id, s]) => html`<li id="source-${id}">${id === "design" ? "" : html`${id}: `}${pageSourceLink(s)}</li>`)}
</ul>
<p class="govuk-body-s">Generated from the checker's ruleset data (format ${data.format}).</p>
</div></div>
</main>
</div>
${footer()}
</body>
</html>
`;
writeFileSync(join(www, "rules.html"), String(page));

// 3. The modules, bundled; then the stylesheets (checked against the classes the pages and bundles use).
const { buildScripts } = await import("./js.mjs");
const { buildStyles } = await import("./css.mjs");
const scripts = await buildScripts(www);
const texts = ["index.html", "embed.html", "rules.html", ...scripts].map((f) => readFileSync(join(www, f), "utf8"));
const styles = buildStyles(www, texts);
writeFileSync(join(www, "dist", "checker.css"), styles.page);
writeFileSync(join(www, "dist", "embed.css"), styles.embed);
const gz = (f) => gzipSync(readFileSync(join(www, f)), { level: 9 }).length;
console.error(`==> site: www/assets, www/rules.html (${String(page).length} bytes), www/dist: `
  + [...scripts, "dist/checker.css", "dist/embed.css"].map((f) => `${f.slice(5)} ${gz(f)} B gzip`).join(", "));

// 4. The npm package (pkg-npm/), then the service worker, last: it precaches what is in www/ by
//    then, each file checked against its hash.
const { buildNpmPackage } = await import("./npm.mjs");
const { buildServiceWorker } = await import("./sw.mjs");
const npm = buildNpmPackage(root);
const sw = await buildServiceWorker(www);
console.error(`==> site: ${npm ? `${npm.dir} (${npm.files} files)` : "no npm package (www/pkg not built)"}; `
  + `www/sw.js precaches ${sw.files.length} files, ${sw.bytes} bytes, as trust-eligibility-${sw.version}`);

// Nothing lost: answers saved as the user goes and restored after a reload or a closed tab, the
// back button and back links, download and upload of answers (a bad file changes nothing),
// start again; the page without JavaScript and the rules page; 320px; print; the CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  startServer, launch, openPage, ready, current, typeInto, chooseRadio, tick, typeDate, press, submit, tabTo,
  heading, text, expectErrors, axe, screenshot, noProblems, rules, outDir, fixtures,
} from "./helpers.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function uploadFile(page, path, button = "Upload answers") {
  const chooser = page.waitForEvent("filechooser");
  await tabTo(page, "file input", () => document.activeElement?.type === "file");
  await page.keyboard.press("Space");
  await (await chooser).setFiles(path);
  await press(page, button);
}

test("reload mid-journey, a closed tab, the back button and back links keep every answer", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}?page=choose`);
  await ready(page);
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  await typeInto(page, "name", "Westmere");
  await submit(page);
  await chooseRadio(page, "add", "Yes");
  await submit(page);
  await typeDate(page, "published", "2015-06-10");
  await submit(page);
  assert.equal(await heading(page), "What was the overall effectiveness grade?");

  // Reload: the same page, and the answers behind it.
  await page.reload();
  await ready(page);
  assert.equal(await current(page), "council/inspection/0/overall");
  assert.equal(await heading(page), "What was the overall effectiveness grade?");
  await chooseRadio(page, "overall", "Inadequate");
  await submit(page);

  // The browser's back button, then the page's back link.
  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.page === "council/inspection/0/overall");
  assert.equal(await page.isChecked("input[name=overall][value=inadequate]"), true, "the answer is shown again");
  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.page === "council/inspection/0/published");
  assert.equal(await page.inputValue("#published-day"), "10");
  await page.goForward();
  await page.waitForFunction(() => document.body.dataset.page === "council/inspection/0/overall");
  await press(page, "Back");
  assert.equal(await current(page), "council/inspection/0/published");
  assert.equal(await page.inputValue("#published-year"), "2015");

  // A closed tab: a new page of the same browser profile starts at the start page, which offers
  // to continue where the user left off.
  await page.close();
  const again = await context.newPage();
  again.problems = [];
  await again.goto(server.url);
  await ready(again);
  assert.ok((await text(again, "main")).includes("You have answers saved in this browser."));
  await axe(again, "start with saved answers");
  await press(again, "Continue where you left off");
  assert.equal(await current(again), "council/inspection/0/published");
  assert.equal(await again.inputValue("#published-month"), "6");
  await context.close();
});

test("download answers, start again, upload them back; a bad or foreign file changes nothing", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}?page=choose`);
  await ready(page);
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  await typeInto(page, "name", "Westmere");
  await submit(page);

  const downloading = page.waitForEvent("download");
  await press(page, "download your answers", { wait: false });
  const file = await downloading;
  await mkdir(outDir, { recursive: true });
  const saved = join(outDir, "answers.json");
  await file.saveAs(saved);
  const json = JSON.parse(await readFile(saved, "utf8"));
  assert.equal(json.format, "trust-eligibility-answers");
  assert.equal(json.answers.council.name, "Westmere");

  // Start again clears them.
  await press(page, "start again");
  assert.equal(await heading(page), "Are you sure you want to start again?");
  await axe(page);
  await press(page, "Yes, delete my answers");
  assert.equal(await current(page), "start");
  assert.ok(!(await text(page, "main")).includes("You have answers saved"));
  assert.equal(await page.evaluate(() => localStorage.length), 0);

  // Upload: nothing chosen, not JSON, someone else's JSON, answers that do not fit.
  await page.goto(`${server.url}?page=upload`);
  await ready(page);
  assert.equal(await heading(page), "Upload your answers");
  await axe(page);
  await press(page, "Upload answers");
  await expectErrors(page, ["Select a file of answers"]);
  await axe(page);
  const bad = join(outDir, "bad.json");
  await writeFile(bad, "this is not JSON {");
  await uploadFile(page, bad);
  await expectErrors(page, ["The selected file is not a file of answers from this service: it is not a JSON file"]);
  await uploadFile(page, join(fixtures, "not-councils.json"));
  await expectErrors(page, ["The selected file is not a file of answers from this service"]);
  const wrong = join(outDir, "wrong.json");
  await writeFile(wrong, JSON.stringify({ ...json, answers: { council: { name: "X", inspections: [{ published: "10 June", overall: "good" }] } } }));
  await uploadFile(page, wrong);
  await expectErrors(page, ["The selected file has an answer this service cannot read: ‘council.inspections[0].published’"]);
  const impossible = join(outDir, "impossible.json");
  await writeFile(impossible, JSON.stringify({ ...json, answers: { council: { name: "X", inspections: [{ published: "2015-02-30", overall: "good" }] } } }));
  await uploadFile(page, impossible);
  await expectErrors(page, ["The selected file has a problem: \"2015-02-30\" is not a date (YYYY-MM-DD)"]);
  assert.equal(await page.evaluate(() => localStorage.getItem("trust-eligibility:answers:v1")), null, "nothing was changed");

  // The download page (for a link opened on its own) and a page that does not exist.
  await page.goto(`${server.url}?page=download`);
  await ready(page);
  assert.equal(await heading(page), "Download your answers");
  await axe(page);
  await page.goto(`${server.url}?page=no/such/page`);
  await ready(page);
  assert.equal(await heading(page), "Page not found");
  await axe(page);
  await page.goto(`${server.url}?page=upload`);
  await ready(page);

  // The good file brings the answers back.
  await uploadFile(page, saved);
  assert.equal(await current(page), "council/inspections");
  assert.ok((await text(page, ".govuk-notification-banner")).includes("Your answers from answers.json have been uploaded"));
  await axe(page, "after upload");
  await press(page, "Back");
  assert.equal(await page.inputValue("#name"), "Westmere");

  // A bad file now leaves these answers as they are.
  await page.goto(`${server.url}?page=upload`);
  await ready(page);
  await uploadFile(page, bad);
  await expectErrors(page, ["The selected file is not a file of answers from this service: it is not a JSON file"]);
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  assert.equal(await page.inputValue("#name"), "Westmere");

  // An engine input (as the command line takes) is accepted too.
  await page.goto(`${server.url}?page=upload`);
  await ready(page);
  await uploadFile(page, join(fixtures, "charity-input.json"));
  assert.equal(await current(page), "sponsor/check");
  await press(page, "See the result");
  assert.equal(await heading(page), "Eligible");
  noProblems(page);
  await context.close();
});

test("without JavaScript the page says so and links to the rules page, generated from the ruleset data", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url, { javaScript: false });
  await page.goto(server.url);
  const main = await text(page, "main");
  assert.ok(main.includes("This service needs JavaScript"));
  assert.ok(!(await page.isVisible("#loading")), "no “loading” message without JavaScript");
  await press(page, "the rules this service applies");
  assert.equal(await heading(page), "The rules this service applies");
  const rulesText = await text(page, "main");
  for (const r of rules.rulesets) {
    assert.ok(rulesText.includes(r.title), r.id);
    for (const row of r.rows) assert.ok(rulesText.includes(`Row ${row.row}: ${row.title}`), `${r.id} row ${row.row}`);
  }
  for (const c of rules.sponsor.criteria) assert.ok(rulesText.includes(c.title.replace(/\{\w+\}/g, "").split("  ")[0].trim().slice(0, 20)), c.id);
  for (const s of Object.values(rules.sources)) assert.ok(rulesText.includes(s.title), s.title);
  assert.ok(rulesText.includes("At least 20 qualified social workers"), "thresholds filled from the data");
  await screenshot(page, "rules-page");
  noProblems(page);
  await context.close();

  // axe-core needs JavaScript to run, so it scans these pages in a browser with JavaScript on:
  // the rules page as it is, and the start page as a browser without JavaScript renders it
  // (the <noscript> content shown, the module script left out).
  const js = await openPage(browser, server.url);
  await js.page.route(`${server.url}nojs.html`, async (route) => {
    const html = (await (await fetch(server.url)).text())
      .replace(/<noscript>/g, "<div>").replace(/<\/noscript>/g, "</div>")
      .replace(/<script type="module"[^>]*><\/script>/g, "").replace(/<link rel="modulepreload"[^>]*>/g, "");
    await route.fulfill({ contentType: "text/html", body: html });
  });
  await js.page.goto(`${server.url}nojs.html`);
  assert.ok((await text(js.page, "main")).includes("This service needs JavaScript"));
  await axe(js.page, "start page without JavaScript");
  await js.page.goto(`${server.url}rules.html`);
  await axe(js.page, "rules page");
  await js.context.close();
  // Both pages carry the strict CSP.
  for (const p of ["", "rules.html"]) {
    const html = await (await fetch(server.url + p)).text();
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'">/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i, `${p || "index.html"}: no inline script, style or handlers`);
  }
});

test("pages work at 320px wide, and the result prints with its date and rules", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url, { width: 320, height: 640 });
  const fits = async (label) => {
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 320, `${label}: ${w}px wide at 320px`);
    await axe(page, `${label} at 320px`);
  };
  await page.goto(server.url);
  await ready(page);
  await fits("start");
  await press(page, "Start now");
  await chooseRadio(page, "journey", "Which intervention applies to a council");
  await submit(page);
  await submit(page);
  await fits("question with an error");
  await typeInto(page, "name", "Westmere");
  await submit(page);
  await chooseRadio(page, "add", "Yes");
  await submit(page);
  await typeDate(page, "published", "2015-06-10");
  await submit(page);
  await fits("radios");
  await chooseRadio(page, "overall", "Inadequate");
  await submit(page);
  await fits("judgements");
  await submit(page);
  await fits("add another");
  await chooseRadio(page, "add", "No");
  await submit(page);
  await chooseRadio(page, "add", "No");
  await submit(page);
  await chooseRadio(page, "add", "Yes");
  await submit(page);
  await chooseRadio(page, "kind", "Whistle-blower complaint");
  await submit(page);
  await typeDate(page, "date", "2016-01-20");
  await submit(page);
  await chooseRadio(page, "add", "No");
  await submit(page);
  assert.equal(await current(page), "council/arrangements");
  await fits("checkboxes");
  await tick(page, "arrangements", ["None of these"]);
  await submit(page);
  await chooseRadio(page, "asOfChoice", "Another date");
  await submit(page);
  await typeDate(page, "asOf", "2016-03-01");
  await submit(page);
  await chooseRadio(page, "ruleset", "December 2015 announcement");
  await submit(page);
  await fits("check your answers");
  await press(page, "See the result");
  assert.equal(await text(page, ".govuk-panel__title"), rules.rulesets[0].rows.find((r) => r.row === 5).title);
  await fits("result");
  await screenshot(page, "council-2015-commissioner-320px");
  await page.goto(`${server.url}rules.html`);
  await fits("rules page");

  // Print: the page's controls go, the date and the ruleset stay.
  await page.goBack();
  await ready(page);
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => ({
    buttons: [...document.querySelectorAll(".govuk-button, .govuk-footer, .govuk-back-link")].filter((e) => e.offsetParent !== null).length,
    text: document.querySelector("main").innerText,
  }));
  assert.equal(printed.buttons, 0, "no buttons, back link or footer in print");
  assert.match(printed.text, /Printed on \d+ \w+ \d{4}/);
  assert.match(printed.text, /Date checked\s+1 March 2016/);
  // The rules applied are named in the result's folded details (left out of print unless opened).
  assert.ok((await page.$eval("main", (m) => m.textContent)).includes(rules.rulesets[0].title));
  await screenshot(page, "council-result-print");
  await mkdir(outDir, { recursive: true });
  await page.pdf({ path: join(outDir, "council-result.pdf") });
  noProblems(page);
  await context.close();
});

/** Types a council's name into the picker and chooses it from the suggestions (keyboard). */
async function pickCouncil(page, name) {
  await page.waitForSelector("form[data-picker=ready]");
  await typeInto(page, "name", name);
  await page.waitForSelector(".autocomplete__menu--visible .autocomplete__option");
  const k = (await page.locator(".autocomplete__option").allInnerTexts()).indexOf(name);
  assert.ok(k >= 0, `${name} is offered`);
  for (let n = 0; n <= k; n++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await submit(page);
}
/** The saved record of each council, by name: { name: answers }. */
const savedCouncils = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter((k) => k.startsWith("trust-eligibility:v3:site:council:") && !k.endsWith(":unreadable"))
  .map((k) => JSON.parse(localStorage.getItem(k)).answers).map((a) => [a.name, a])));

test("two councils in two tabs: Devon with a direction recorded by hand, Tameside picked in the other; each tab keeps its own council", { timeout: 180_000 }, async () => {
  const { context, page: a } = await openPage(browser, server.url);
  const b = await context.newPage();
  b.problems = [];
  b.jsEnabled = true;
  b.on("console", (m) => { if (m.type() === "error") b.problems.push(`console: ${m.text()}`); });
  b.on("pageerror", (e) => b.problems.push(`pageerror: ${e.message}`));

  // Tab A: Devon, from Ofsted's data, with a statutory direction recorded by hand, to its result.
  await a.goto(`${server.url}?page=council/name`);
  await ready(a);
  await pickCouncil(a, "Devon");
  assert.equal(await current(a), "council/confirm");
  // The decision recorded by hand: a statutory direction added to the register's decisions.
  await tick(a, "since", ["The government made a decision not shown here"]);
  await submit(a);
  assert.match(await current(a), /^council\/decision\/\d+\/event$/);
  await chooseRadio(a, "event", "Statutory direction issued (or revised)");
  await submit(a);
  await typeInto(a, "date", "14 March 2024");
  await submit(a);
  assert.equal(await current(a), "council/decisions");
  await chooseRadio(a, "add", "No");
  await submit(a);
  assert.equal(await current(a), "council/check");
  await press(a, "See the result");
  assert.equal(await current(a), "council/result");
  await a.locator("#partners").waitFor({ state: "attached" });
  const devonResult = await text(a, "main");

  // Tab B, opened afterwards: it starts on the council saved last (Devon), and picks Tameside.
  await b.goto(`${server.url}?page=council/name`);
  await ready(b);
  await pickCouncil(b, "Tameside");
  assert.equal(await current(b), "council/confirm");
  await tick(b, "since", ["No, nothing else"]);
  // Something typed in B and not yet sent: kept on the page while A works.
  await submit(b);
  assert.equal(await current(b), "council/check");
  await b.goto(`${server.url}?page=council/as-of`);
  await ready(b);
  await chooseRadio(b, "asOfChoice", "Another date");

  // Back in A: nothing was changed "in another tab", and Devon is still Devon, with its direction.
  await a.bringToFront();
  await a.waitForTimeout(300);
  assert.equal(await a.locator("#store-elsewhere-title").count(), 0, "another council saved in B is no change to A's");
  assert.equal(await text(a, "main"), devonResult);
  const both = await savedCouncils(a);
  assert.deepEqual(Object.keys(both).sort(), ["Devon", "Tameside"], "one record per council");
  assert.ok(both.Devon.events.some((e) => e.event === "statutory_direction" && e.date === "2024-03-14"), "Devon keeps the direction added by hand");
  assert.ok(!(both.Tameside.events ?? []).some((e) => e.date === "2024-03-14"), "and Tameside has not got it");
  // B has not repainted its page under the user: the radio chosen is still chosen.
  assert.equal(await b.isChecked("input[name=asOfChoice][value=date]"), true);

  // A reload of each tab: each on its own council, where it was.
  await a.reload();
  await ready(a);
  assert.equal(await current(a), "council/result");
  // On a reload the result is painted first and painted again with the councils that could help
  // once Ofsted's data has arrived (routing.js): the same page as before once it has.
  await a.locator("#partners").waitFor({ state: "attached" });
  assert.equal(await text(a, "main"), devonResult);
  await b.reload();
  await ready(b);
  assert.equal(await current(b), "council/as-of");
  await b.goto(`${server.url}?page=council/check`);
  await ready(b);
  const check = await text(b, "main");
  assert.match(check, /Council\s+Tameside/);
  assert.doesNotMatch(check, /14 March 2024/);
  await a.goto(`${server.url}?page=council/check`);
  await ready(a);
  assert.match(await text(a, "main"), /Council\s+Devon/);
  assert.match(await text(a, "main"), /Statutory direction issued \(or revised\)\s+14 March 2024/);

  // The start page in A names what it resumes and lists both councils; "Go to" Tameside moves A
  // there (B stays where it is), and back to Devon.
  await a.goto(server.url);
  await ready(a);
  const start = await text(a, "main");
  assert.match(start, /You were checking which intervention applies to Devon\./);
  assert.match(start, /Councils you have checked/);
  await axe(a, "start with councils checked");
  await press(a, "Go to Tameside");
  assert.equal(await current(a), "council/check");
  assert.match(await text(a, "main"), /Council\s+Tameside/);
  await a.goto(server.url);
  await ready(a);
  assert.match(await text(a, "main"), /You were checking which intervention applies to Tameside\./);
  await press(a, "Go to Devon");
  assert.equal(await current(a), "council/check", "Devon, on the page A last had open for it");
  assert.match(await text(a, "main"), /Statutory direction issued \(or revised\)\s+14 March 2024/);
  await press(a, "See the result");
  // A new page load: Ofsted's data may arrive after the result's first paint (as after a reload).
  await a.locator("#partners").waitFor({ state: "attached" });
  assert.equal(await text(a, "main"), devonResult);
  await b.reload();
  await ready(b);
  assert.equal(await current(b), "council/check", "B is still where it was (its check answers page, opened above)");
  assert.match(await text(b, "main"), /Council\s+Tameside/, "and still on Tameside");
  assert.deepEqual(Object.keys(await savedCouncils(a)).sort(), ["Devon", "Tameside"]);
  noProblems(a);
  assert.deepEqual(b.problems, []);
  await context.close();
});

test("opening a council from Ofsted's list keeps the council in progress, and a council checked before keeps its answers", { timeout: 120_000 }, async () => {
  const { context, page } = await openPage(browser, server.url);
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  await pickCouncil(page, "Devon");
  await tick(page, "since", ["The government made a decision not shown here"]);
  await submit(page);
  await chooseRadio(page, "event", "Statutory direction issued (or revised)");
  await submit(page);
  await typeInto(page, "date", "14 March 2024");
  await submit(page);
  await chooseRadio(page, "add", "No");
  await submit(page);
  // Picking Devon again (from the picker, as from the Ofsted list) brings back what was saved.
  await page.goto(`${server.url}?page=checked`);
  await ready(page);
  await axe(page, "councils checked");
  await press(page, "Check another council");
  assert.equal(await current(page), "council/name");
  assert.equal(await page.inputValue("#name"), "", "another council starts empty");
  await pickCouncil(page, "Tameside");
  assert.equal(await current(page), "council/confirm");
  await page.goto(`${server.url}?page=council/name`);
  await ready(page);
  await pickCouncil(page, "Devon");
  assert.equal(await current(page), "council/check", "Devon, where it was left");
  assert.match(await text(page, ".govuk-notification-banner"), /You have checked Devon before/);
  assert.match(await text(page, "main"), /Statutory direction issued \(or revised\)\s+14 March 2024/);
  const saved = await savedCouncils(page);
  assert.deepEqual(Object.keys(saved).sort(), ["Devon", "Tameside"]);
  assert.ok(saved.Devon.events.some((e) => e.event === "statutory_direction" && e.date === "2024-03-14"), "nothing overwritten");
  noProblems(page);
  await context.close();
});

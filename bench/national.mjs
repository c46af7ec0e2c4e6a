// The national picture (?page=councils, www/js national.js) on the mobile profile's CPU: every
// current council of the shipped data at each year end from 2016, and today, in headless
// Chromium with Emulation.setCPUThrottlingRate { rate 4 } (bench/mobile.mjs's PROFILE). Side by
// side in one page and one run, with the same engine module:
//   - "full answers": assessCouncils for every date (each answer with its words, key dates and
//     the §3.9 outlook), as the page did before interventionsOn;
//   - "codes over time": interventionsOn for every date (the intervention code of each council on
//     each date: the chart) and assessCouncils for today only (the table shows today's full
//     answers), as the page does now, each timed apart ("years", "today");
// and the page's own figure, on its first (cold) calls: the engine time it reports
// (#national-status data-ms, and data-ms-steps: the codes, then today's answers) once it has
// drawn the chart. Medians over runs. After a release build of www/:
//   node bench/national.mjs [--runs N]
import { PROFILE, startServerProcess } from "./mobile.mjs";

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };

/** Runs in the page: both ways of working out every council at each date, `reps` times each. */
async function sideBySide(reps) {
  const engine = await import("/www/pkg/trust_eligibility.js");
  await engine.default();
  const { inputOf, yearEnds } = await import("/www/js/council/national.js");
  const data = await (await fetch("/www/data/councils.json")).json();
  const current = data.councils.filter((c) => !c.former);
  const today = new Date().toISOString().slice(0, 10);
  const dates = yearEnds(today);
  const full = [], codes = [], years = [], todays = [];
  for (let k = 0; k < reps; k++) {
    let t0 = performance.now();
    for (const asOf of dates) engine.assessCouncils(current.map((c) => inputOf(c, asOf)));
    full.push(performance.now() - t0);
    t0 = performance.now();
    engine.interventionsOn(current.map((c) => inputOf(c, today)), dates);
    const t1 = performance.now();
    engine.assessCouncils(current.map((c) => inputOf(c, today)));
    const t2 = performance.now();
    codes.push(t2 - t0);
    years.push(t1 - t0);
    todays.push(t2 - t1);
  }
  return { councils: current.length, dates: dates.length, full, codes, years, todays };
}

export async function nationalPicture(browser, server, runs, say = () => {}) {
  const out = { page: [], full: [], codes: [] };
  for (let r = 0; r < runs; r++) {
    const ctx = await browser.newContext({ viewport: PROFILE.viewport });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuRate });
    await page.goto(`${server.origin}/www/index.html?page=councils`, { waitUntil: "load", timeout: 120000 });
    const status = page.locator("#national-status[data-state=done]");
    await status.waitFor({ timeout: 120000 });
    out.page.push(Number(await status.getAttribute("data-ms")));
    out.pageSteps = [...(out.pageSteps ?? []), await status.getAttribute("data-ms-steps")];
    const side = await page.evaluate(sideBySide, 3);
    out.full.push(median(side.full));
    out.codes.push(median(side.codes));
    out.councils = side.councils;
    out.dates = side.dates;
    out.years = [...(out.years ?? []), median(side.years)];
    out.todays = [...(out.todays ?? []), median(side.todays)];
    say(`run ${r + 1}: page ${out.page.at(-1)} ms (${out.pageSteps.at(-1)}); full answers ${side.full.map(Math.round)} ms; codes over time ${side.codes.map(Math.round)} ms (year ends ${side.years.map(Math.round)}, today ${side.todays.map(Math.round)})`);
    await ctx.close();
  }
  return { ...out, median: { page: median(out.page), full: median(out.full), codes: median(out.codes), years: median(out.years), today: median(out.todays) } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import("playwright-core");
  const i = process.argv.indexOf("--runs");
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 5;
  const server = await startServerProcess();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const res = await nationalPicture(browser, server, runs, (s) => process.stderr.write(`==> ${s}\n`));
    process.stdout.write(`${JSON.stringify(res, null, 1)}\n`);
  } finally {
    await browser.close();
    server.close();
  }
}

// The page works out today's UK date itself (www/js/journey/dates.js, todayIso), without Intl's
// Europe/London time zone, whose first use costs the start page some 50 ms: it must agree with
// Intl at every hour, and around every change of the clocks, from 1997 to 2040.
import { test } from "node:test";
import assert from "node:assert/strict";
import { todayIso } from "../../www/js/journey/dates.js";

test("todayIso agrees with Intl's Europe/London date, 1997 to 2040", () => {
  const london = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
  let checked = 0;
  for (let t = Date.UTC(1997, 0, 1); t < Date.UTC(2040, 0, 1); t += 3_600_000) {
    // Each hour, a minute after it and a minute before the next: the clocks change at 01:00 UTC.
    for (const d of [t, t + 59 * 60_000, t + 60_000]) {
      const at = new Date(d);
      assert.equal(todayIso(at), london.format(at), at.toISOString());
      checked++;
    }
  }
  assert.ok(checked > 1_000_000);
});

test("months as GOV.UK's date input accepts them: a number, the name or its first three letters, any case", async () => {
  const { parseDateParts } = await import("../../www/js/journey/dates.js");
  const at = (month) => parseDateParts({ day: "14", month, year: "2024" }, "the date");
  for (const m of ["6", "06", "June", "june", "JUNE", "Jun", "jun", "jun.", " June "]) assert.deepEqual(at(m), { iso: "2024-06-14" }, m);
  for (const [m, iso] of [["Sept", "2024-09-14"], ["sep", "2024-09-14"], ["may", "2024-05-14"], ["dec", "2024-12-14"]]) assert.deepEqual(at(m), { iso }, m);
  for (const m of ["ju", "Juno", "13", "0", "jun2", "the sixth"]) {
    assert.deepEqual(at(m), { error: "The date must be a real date", parts: ["month"] }, m);
  }
  // A day that month does not have is still an error about the day.
  assert.deepEqual(parseDateParts({ day: "31", month: "June", year: "2024" }, "the date"), { error: "The date must be a real date", parts: ["day"] });
});

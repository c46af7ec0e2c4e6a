// The page works out today's UK date itself (www/js/dates.js, todayIso), without Intl's
// Europe/London time zone, whose first use costs the start page some 50 ms: it must agree with
// Intl at every hour, and around every change of the clocks, from 1997 to 2040.
import { test } from "node:test";
import assert from "node:assert/strict";
import { todayIso } from "../../www/js/dates.js";

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

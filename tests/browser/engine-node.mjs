// The site's engine (www/pkg, the build the pages load) in Node, for tests that compare what a
// page shows with the engine's own answer, and for the modules that take the engine's batch.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./helpers.mjs";
import { initSync, assessCouncil, assessCouncils, rulesets } from "../../www/pkg/trust_eligibility.js";

initSync({ module: readFileSync(join(root, "www", "pkg", "trust_eligibility_bg.wasm")) });
export { assessCouncil, assessCouncils, rulesets };

/** Whether this engine knows the council status fields and reports without an overall grade
 *  (SPEC §3.1 and §3.6, new on 2026-12-02). Asked of the engine itself: the tests of the front
 *  end's parts that need them run once it does. */
export const engineKnowsNewStatus = (() => {
  try {
    assessCouncil({ asOf: "2026-12-02", inspections: [{ published: "2026-06-15", judgements: { helpAndProtection: "inadequate" } }],
      status: { improvementNoticeIssued: "2026-01-01", directionIssued: null } });
    return true;
  } catch {
    return false;
  }
})();
export const NEEDS_ENGINE = "needs the lead's engine: status.improvementNoticeIssued and reports without an overall grade (SPEC 3.1, 3.6)";

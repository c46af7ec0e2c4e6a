// Councils that could help (www/js/results/partners.js): the high-performing councils of a region, as
// the engine's batch finds them over Ofsted's data, and the result page's section.
import { test } from "node:test";
import assert from "node:assert/strict";
import { possiblePartners, partnersSection } from "../../www/js/results/partners.js";
import { assessCouncil, assessCouncils } from "./engine-node.mjs";
import { councils, council } from "./councils-fixture.mjs";

const AS_OF = "2026-12-02";
const inputOf = (c) => ({ council: { name: c.name, code: c.code }, asOf: AS_OF, inspections: c.inspections, visits: c.visits });

test("possiblePartners: exactly the current councils of the region that the engine finds high-performing, but the council itself", () => {
  const bradford = council("Bradford");
  const got = possiblePartners(councils, assessCouncils, AS_OF, bradford.region, bradford.code);
  assert.ok(got.length > 0, "the region has high-performing councils");
  // Each council of the region asked of the engine on its own.
  const want = councils.councils
    .filter((c) => !c.former && c.region === bradford.region && c.code !== bradford.code)
    .filter((c) => assessCouncil(inputOf(c)).findings.highPerforming === true)
    .map((c) => c.name).sort((x, y) => x.localeCompare(y, "en-GB"));
  assert.deepEqual(got.map((p) => p.name), want);
  for (const p of got) {
    assert.equal(p.region, bradford.region);
    assert.ok(["good", "outstanding"].includes(p.latest.overall), `${p.name}'s latest report is good or outstanding`);
  }
  assert.ok(!got.some((p) => p.code === bradford.code), "not the council itself");
  // A former council is never offered (they no longer exist).
  for (const c of councils.councils.filter((x) => x.former)) {
    assert.ok(!possiblePartners(councils, assessCouncils, AS_OF, c.region, null).some((p) => p.code === c.code), `${c.name} (former) not listed`);
  }
});

test("possiblePartners: the engine's batch wrapped as the page has it ({ ok, value }) gives the same; its error is said", () => {
  const devon = council("Devon");
  const plain = possiblePartners(councils, assessCouncils, AS_OF, devon.region, devon.code);
  const wrapped = possiblePartners(councils, (inputs) => ({ ok: true, value: assessCouncils(inputs) }), AS_OF, devon.region, devon.code);
  assert.deepEqual(wrapped, plain);
  assert.throws(() => possiblePartners({ ...councils }, () => ({ ok: false, error: { path: "[3].asOf", message: "bad" } }), AS_OF, devon.region, devon.code), /\[3\]\.asOf bad/);
  assert.deepEqual(possiblePartners(councils, assessCouncils, AS_OF, null, devon.code), [], "no region, no list");
  assert.deepEqual(possiblePartners(null, assessCouncils, AS_OF, devon.region, devon.code), [], "no data, no list");
});

test("the section says the DfE chooses partners and this is a starting list, with the named examples and the data's source", () => {
  const bradford = council("Bradford");
  const partners = possiblePartners(councils, assessCouncils, AS_OF, bradford.region, bradford.code);
  const s = String(partnersSection({ partners, councilName: "Bradford", region: bradford.region, asOf: AS_OF, source: councils.source }));
  assert.match(s, /Department for Education chooses/);
  assert.match(s, /starting list/);
  assert.match(s, /Leeds as the partner for Kirklees, Camden for Croydon, and Essex for Worcestershire/);
  for (const p of partners) assert.ok(s.includes(p.name), p.name);
  assert.ok(s.includes(councils.source.licence));
  const none = String(partnersSection({ partners: [], councilName: "X", region: "Nowhere", asOf: AS_OF, source: councils.source }));
  assert.match(none, /No other council in the Nowhere region is high-performing/);
  // Whether a council is in intervention is the engine's answer (inIntervention, SPEC §3.5): a
  // notice, a direction, a commissioner or a takeover; not a window, a visit or a lifting.
  const on = (asOf, inspections) => assessCouncil({ asOf, inspections });
  assert.equal(on("2016-01-01", [{ published: "2015-09-01", overall: "inadequate" }]).inIntervention, false, "the six months to improve");
  assert.equal(on("2016-04-01", [{ published: "2015-09-01", overall: "inadequate" }]).inIntervention, true, "a commissioner");
  assert.equal(on("2017-01-01", [{ published: "2016-09-01", overall: "inadequate" }]).inIntervention, true, "an improvement notice");
  assert.equal(on("2017-01-01", [{ published: "2016-09-01", overall: "requires_improvement" }]).inIntervention, false, "support");
});

test("statistical neighbours first, in the lookup's order, then the rest of the region by name", () => {
  const bradford = council("Bradford");
  const region = possiblePartners(councils, assessCouncils, AS_OF, bradford.region, bradford.code);
  const far = councils.councils.filter((c) => !c.former && c.region !== bradford.region
    && assessCouncil(inputOf(c)).findings.highPerforming === true).slice(0, 2);
  const neighbours = [far[1].code, region[0].code, far[0].code, bradford.code];
  const got = possiblePartners(councils, assessCouncils, AS_OF, bradford.region, bradford.code, { neighbours });
  assert.deepEqual(got.slice(0, 3).map((p) => p.code), [far[1].code, region[0].code, far[0].code]);
  assert.ok(got.slice(0, 3).every((p) => p.neighbour));
  assert.deepEqual(got.slice(3).map((p) => p.code), region.slice(1).map((p) => p.code));
  const s = String(partnersSection({ partners: got, councilName: "Bradford", region: bradford.region, asOf: AS_OF, source: councils.source }));
  assert.match(s, /Statistical neighbours of Bradford/);
  assert.ok(s.indexOf(far[1].name) < s.indexOf(region[1]?.name ?? "\u0000") || !region[1]);
});

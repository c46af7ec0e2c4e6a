// Councils that could help a council in intervention: the high-performing councils of its Ofsted
// region, from Ofsted's data (SPEC: "Councils that could help"; issue 15 item 4). The engine
// decides who is high-performing (findings.highPerforming); this module only picks the region.
//
// NOTE for the lead: a local implementation written against the signature the council-picker
// helper's www/js/partners.js gives; reconcile the two when merging (keep one).

/**
 * councilsData: the shipped data's shape ({ councils: [{ name, code, region, former, inspections,
 * visits }] }); assessCouncils: the engine's batch function (throws on invalid input); asOf: the
 * date checked; region: the Ofsted region; exceptCode: the council itself, left out.
 * Returns the councils of `councilsData` (as given) in that region that the engine finds
 * high-performing on `asOf`, in the data's order (by name).
 */
export function possiblePartners(councilsData, assessCouncils, asOf, region, exceptCode) {
  const candidates = (councilsData?.councils ?? []).filter((c) => !c.former && c.region === region && c.code !== exceptCode);
  if (!candidates.length) return [];
  const input = (c) => ({ council: { name: c.name, code: c.code }, asOf, inspections: c.inspections ?? [], visits: c.visits ?? [] });
  let answers;
  try {
    answers = assessCouncils(candidates.map(input));
  } catch {
    // One record the engine refuses: ask about each on its own, leaving that one out.
    answers = candidates.map((c) => { try { return assessCouncils([input(c)])[0]; } catch { return null; } });
  }
  return candidates.filter((c, i) => answers[i]?.findings?.highPerforming === true);
}

// A minimal page: loads the wasm engine and shows one council's result.
import init, { assessCouncil } from "./pkg/trust_eligibility.js";

const $ = (id) => document.getElementById(id);
await init();
$("council").addEventListener("submit", (event) => {
  event.preventDefault();
  const out = $("result");
  out.replaceChildren();
  try {
    const r = assessCouncil({
      council: { name: $("name").value },
      asOf: $("asOf").value,
      inspections: [{ published: $("published").value, overall: $("overall").value }],
    });
    const h = document.createElement("h2");
    h.textContent = r.interventionTitle;
    out.append(h);
    for (const d of r.dates) {
      const p = document.createElement("p");
      p.textContent = `${d.kind.replaceAll("_", " ")}: ${d.date} (${d.daysFromAsOf} days from ${r.asOf})`;
      out.append(p);
    }
    for (const reason of r.reasons) {
      const p = document.createElement("p");
      p.textContent = reason.text;
      out.append(p);
    }
  } catch (e) {
    const p = document.createElement("p");
    p.textContent = `There is a problem: ${e.message}`;
    out.append(p);
  }
});
document.body.dataset.ready = "true";

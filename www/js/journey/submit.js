// Submitting a page: what was typed or chosen is read and checked on the page (flow.js), then
// the engine checks the answers so far (an error about this page's answer is shown on it, by
// code and path: engine-errors.js), the answers are saved and the next page shown. Also the
// check answers page, uploading answers and a file of council histories.
import * as engine from "../engine/engine.js";
import * as files from "./files.js";
import { readForm, parseAnswer } from "./flow.js";
import { href } from "./common.js";
import { saveList } from "./store.js";
import { pathParts, engineMessage } from "../engine/engine-errors.js";
import { problemView } from "./views.js";

const call = (v, ctx) => (typeof v === "function" ? v(ctx) : v);

export async function onSubmit(A, ev) {
  ev.preventDefault();
  if (A.busy) return;
  A.busy = true;
  const form = ev.currentTarget; // (gone once the event has been dispatched)
  try {
    // Every page after the choice of journey needs the engine: started, if it is not yet.
    if (!engine.isReady()) await A.startEngine();
    await submit(A, form);
  } catch (e) {
    console.error(e);
    A.paint(problemView(), { focus: true });
  } finally {
    A.busy = false;
  }
}

async function submit(A, form) {
  const { page, change } = A.route();
  if (page === "choose") {
    const v = new FormData(form).get("journey");
    if (v === "ofsted" && !A.embed) return A.go("ofsted");
    if (v !== "council" && v !== "sponsor") return A.showErrors(page, [{ field: "journey", text: "Select what you want to check" }]);
    A.state = { ...A.state, journey: v };
    A.store.save(A.state);
    const ctx = A.ctxFor(v, "", false);
    return A.go(Object.keys(ctx.a).length ? A.J[v].journey.resume(ctx) : A.J[v].journey.path(ctx)[0]);
  }
  if (page === "start-again") {
    A.store.clear();
    A.state = A.store.load();
    A.flash = null;
    return A.go("start");
  }
  if (page === "upload") return submitUpload(A, form);
  if (page === "council/file") return submitCouncilFile(A, form);
  if (page === "ofsted") return A.ofstedPage.submit(form, A.ofstedApi);

  const jid = page.split("/")[0];
  const journey = A.J[jid].journey;
  const ctx = A.ctxFor(jid, page, change);
  if (page === journey.check) return submitCheck(A, jid, ctx);

  const found = journey.def(page);
  const def = A.resolveDef(found.def, ctx);
  let a, raw, next, keepChange = false, noProbe = false;
  if (def.custom) {
    const r = await def.submit(form, ctx, journey);
    if (r.errors) return A.showErrors(page, r.errors, r.raw);
    ({ a, go: next } = r);
    raw = r.raw;
    keepChange = !!r.keepChange;
    noProbe = !!r.noProbe;
  } else {
    raw = readForm(def, form);
    const parsed = parseAnswer(def, raw, ctx);
    if (parsed.errors) return A.showErrors(page, parsed.errors, raw);
    // A date after the date to check: said at the question; Continue again confirms it.
    const warned = `${page}|${JSON.stringify(parsed.value)}`;
    if (parsed.warning && A.warned !== warned) {
      A.warned = warned;
      A.pending.set(page, { raw, warning: parsed.warning });
      return A.render();
    }
    a = structuredClone(ctx.a);
    def.set({ ...ctx, a }, parsed.value);
  }
  // The engine checks the answers so far; an error about this page's answer is shown here.
  const res = A.assess(jid, a, { probe: true });
  if (!res.ok && !noProbe) {
    const e = A.errorFor(jid, res, { ...ctx, a });
    if (e.page === page) return A.showErrors(page, [{ field: e.field, text: e.text }], raw);
  }
  const nctx = { ...ctx, a };
  if (!next) next = journey.next(page, nctx, change);
  if (jid === "sponsor" && !change && res.ok && A.J.sponsor.settled(nctx, res.value)) next = journey.result;
  // A council (or organisation) checked before: its own saved answers, where it was left.
  // Saved once, with the page the user goes to as the last seen (not again when it is shown).
  if (!A.saveAnswers(jid, a, next)) return A.go(A.state.last?.[jid] ?? journey.check);
  A.go(next, { change: (change || (keepChange && change)) && next !== journey.check && next !== journey.result });
}

function submitCheck(A, jid, ctx) {
  const journey = A.J[jid].journey;
  const open = journey.resume(ctx);
  if (open !== journey.check) {
    const f = journey.def(open);
    const title = f ? call(A.resolveDef(f.def, { ...ctx, i: f.i }).title, { ...ctx, i: f.i }) : open;
    return A.showErrors(journey.check, [{ href: href(open, true), text: `Answer the question ‘${title}’` }]);
  }
  const res = A.assess(jid, ctx.a);
  if (!res.ok) {
    const e = A.errorFor(jid, res, ctx);
    if (!e.page) return A.showErrors(journey.check, [{ text: e.text }]);
    A.pending.set(e.page, { errors: [{ field: e.field, text: e.text }] });
    return A.go(e.page, { change: true });
  }
  return A.go(journey.result);
}

async function fileText(form, id, noneText, maxBytes, tooBig) {
  const file = form.querySelector(`#${id}`)?.files?.[0];
  if (!file) return { error: noneText };
  if (file.size > maxBytes) return { error: tooBig };
  try { return { file, text: await file.text() }; } catch { return { error: "The selected file could not be read. Try again." }; }
}

async function submitUpload(A, form) {
  const f = await fileText(form, "answers-file", "Select a file of answers", 2_000_000, "The selected file must be smaller than 2 MB");
  if (f.error) return A.showErrors("upload", [{ field: "answers-file", text: f.error }]);
  const r = files.readAnswersFile(f.text, {
    fromCouncil: (x) => A.J.council.fromInput(x, { withDate: true }),
    fromSponsor: (x) => A.J.sponsor.fromInput(x),
  });
  if (r.error) return A.showErrors("upload", [{ field: "answers-file", text: r.error }]);
  let next;
  if (r.engineInput) {
    const res = r.journey === "council" ? engine.council(r.engineInput) : engine.sponsor(r.engineInput);
    if (!res.ok) return A.showErrors("upload", [{ field: "answers-file", text: `The selected file has a problem: ${engineMessage(res.error, null, { input: r.engineInput, data: A.rules() })} (at ‘${res.error.path}’)` }]);
    next = { ...A.state, journey: r.journey, [r.journey]: r.answers };
  } else {
    for (const j of ["council", "sponsor"]) {
      if (!Object.keys(r.state[j]).length) continue;
      const res = A.assess(j, r.state[j], { probe: true });
      if (!res.ok) return A.showErrors("upload", [{ field: "answers-file", text: `The selected file has a problem: ${engineMessage(res.error, null, { input: A.input(j, r.state[j], { probe: true }), data: A.rules() })}` }]);
    }
    next = { ...A.state, ...r.state };
  }
  A.state = { ...next, last: {} };
  A.store.save(A.state);
  A.flash = `Your answers from ${f.file.name} have been uploaded`;
  const jid = A.state.journey;
  const ctx = A.ctxFor(jid, "", false);
  const resume = A.J[jid].journey.resume(ctx);
  return A.go(Object.keys(ctx.a).length ? resume : A.J[jid].journey.path(ctx)[0]);
}

async function submitCouncilFile(A, form) {
  const page = "council/file";
  const f = await fileText(form, "file", "Select a file of council histories", 5_000_000, "The selected file must be smaller than 5 MB");
  if (f.error) return A.showErrors(page, [{ field: "file", text: f.error }]);
  const r = files.readCouncilList(f.text);
  if (r.error) return A.showErrors(page, [{ field: "file", text: r.error }]);
  const res = engine.councils(r.councils.map((x) => ({ ...x, asOf: x.asOf ?? A.today })));
  if (!res.ok) {
    const first = pathParts(res.error.path)[0];
    const k = typeof first === "number" ? first : null;
    const name = k !== null ? r.councils[k]?.council?.name : null;
    const where = k !== null ? `council ${k + 1}${name ? ` (${name})` : ""}` : "it";
    return A.showErrors(page, [{ field: "file", text: `The selected file has a problem in ${where}: ${engine.cleanMessage(res.error)}` }]);
  }
  const councils = r.councils.map((input, k) => ({
    label: input.council?.name ? `${input.council.name}${input.council.code ? ` (${input.council.code})` : ""}` : `Council ${k + 1} (no name)`,
    input,
  })).sort((x, y) => x.label.localeCompare(y.label, "en-GB"));
  saveList({ fileName: f.file.name, councils });
  return A.go("council/pick");
}

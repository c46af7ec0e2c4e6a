// Timing loops shared by the browser page and the Node runs (plain ESM, no Node imports).
// A "pass" calls one contender once on every input and gives the mean time per call; passes of
// the contenders are interleaved (the order rotates each pass) so drift hits all alike.

let sink = 0;

/** Mean microseconds per call of `fn` over `inputs` (fn returns a string). */
export function timeCalls(fn, inputs) {
  const t0 = performance.now();
  for (let i = 0; i < inputs.length; i++) sink += fn(inputs[i]).length;
  const t1 = performance.now();
  return ((t1 - t0) * 1000) / inputs.length;
}

/** The same for an async `fn`, awaited call by call (as a caller of that API must). */
export async function timeCallsAsync(fn, inputs) {
  const t0 = performance.now();
  for (let i = 0; i < inputs.length; i++) sink += (await fn(inputs[i])).length;
  const t1 = performance.now();
  return ((t1 - t0) * 1000) / inputs.length;
}

/**
 * Runs `passes` interleaved passes of every contender after one warm-up pass each.
 * @param contenders [{ name, fn, inputs, async? }]
 * @returns { [name]: number[] } microseconds per call, one value per pass
 */
export async function interleaved(contenders, passes) {
  const out = Object.fromEntries(contenders.map((c) => [c.name, []]));
  const one = (c) => (c.async ? timeCallsAsync(c.fn, c.inputs) : timeCalls(c.fn, c.inputs));
  for (const c of contenders) await one(c);
  for (let p = 0; p < passes; p++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(k + p) % contenders.length];
      out[c.name].push(await one(c));
    }
  }
  return out;
}

/** Milliseconds of `fn()` repeated `reps` times, one value per repetition. */
export async function repeat(fn, reps) {
  const out = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const r = fn();
    if (r && typeof r.then === "function") await r;
    out.push(performance.now() - t0);
  }
  return out;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** How many of `ours` equal `theirs` (same length), and the first few that differ. */
export function agreement(ours, theirs, label = (i) => i) {
  let same = 0;
  const differ = [];
  for (let i = 0; i < ours.length; i++) {
    if (ours[i] === theirs[i]) same++;
    else if (differ.length < 5) differ.push({ at: label(i), ours: ours[i], theirs: theirs[i] });
  }
  return { same, total: ours.length, differ };
}

export const keep = () => sink;

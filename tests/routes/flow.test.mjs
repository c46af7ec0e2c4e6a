// The journey machinery's routing (www/js/journey/flow.js) on a journey made up here: page addresses
// with an item index, "add another" lists, the main path given the answers, Continue (also in
// change mode), Back, resume and which pages can be opened.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Journey, matchId, withIndex, itemsOf, itemStepId, firstOpenStep, itemComplete, isAnswered } from "../../www/js/journey/flow.js";

test("matchId and withIndex: an address against a pattern with :i", () => {
  assert.deepEqual(matchId("j/item/:i/name", "j/item/2/name"), { i: 2 });
  assert.deepEqual(matchId("j/start", "j/start"), { i: null });
  assert.equal(matchId("j/item/:i/name", "j/item/x/name"), null);
  assert.equal(matchId("j/item/:i/name", "j/item/12345/name"), null, "at most four digits");
  assert.equal(matchId("j/item/:i/name", "j/item/2/name/more"), null);
  assert.equal(matchId("j/start", "j/other"), null);
  assert.equal(withIndex("j/item/:i/name", 3), "j/item/3/name");
});

const item = (ctx) => ctx.a.items?.[ctx.i] ?? {};
const list = { key: "items", done: "itemsDone", hub: "j/items", prefix: "j/item", steps: ["name", "size"] };
const field = (id, key, extra = {}) => ({ id, type: "text", field: key, get: (ctx) => ctx.a[key], ...extra });
const j = new Journey({
  id: "j", lists: [list], check: "j/check", result: "j/result", before: "choose",
  pages: [
    field("j/colour", "colour"),
    field("j/shade", "shade"),
    { id: "j/items", type: "hub", list },
    { id: "j/item/:i/name", type: "text", field: "name", get: (ctx) => item(ctx).name },
    { id: "j/item/:i/size", type: "number", field: "size", get: (ctx) => item(ctx).size },
    { id: "j/item/:i/remove", side: true, custom: true },
    field("j/extra", "extra", { side: true, available: (ctx) => ctx.a.colour === "red", prev: () => "j/colour" }),
    field("j/flags", "flags", { answered: (ctx) => "flags" in ctx.a }),
    { id: "j/check" }, { id: "j/result" },
  ],
  // The shade is asked only for red.
  path: (ctx) => ["j/colour", ...(ctx.a.colour === "red" ? ["j/shade"] : []), "j/items", "j/flags", "j/check"],
});
const ctx = (a) => ({ a, i: null });

test("the path follows the answers: Continue, Back and change mode", () => {
  const blue = ctx({ colour: "blue" });
  assert.equal(j.next("j/colour", blue), "j/items");
  assert.equal(j.prev("j/items", blue), "j/colour");
  assert.equal(j.prev("j/colour", blue), "choose");
  assert.equal(j.prev("j/result", blue), "j/check");
  assert.equal(j.prev("j/nowhere", blue), "start");
  const red = ctx({ colour: "red", items: [], itemsDone: true });
  assert.equal(j.next("j/colour", red), "j/shade");
  assert.equal(j.prev("j/items", red), "j/shade");
  // Change mode: the next unanswered page, else the check page.
  assert.equal(j.next("j/colour", red, true), "j/shade");
  assert.equal(j.next("j/colour", ctx({ ...red.a, shade: "dark", flags: [] }), true), "j/check");
  assert.equal(j.next("j/flags", red), "j/check");
});

test("resume: the first page not answered, items of the list included", () => {
  assert.equal(j.resume(ctx({})), "j/colour");
  assert.equal(j.resume(ctx({ colour: "blue" })), "j/items");
  assert.equal(j.resume(ctx({ colour: "blue", items: [{ name: "a" }], itemsDone: true })), "j/item/0/size");
  assert.equal(j.resume(ctx({ colour: "blue", items: [{ name: "a", size: 1 }], itemsDone: false })), "j/items");
  assert.equal(j.resume(ctx({ colour: "blue", items: [{ name: "a", size: 1 }], itemsDone: true })), "j/flags");
  assert.equal(j.resume(ctx({ colour: "blue", items: [], itemsDone: true, flags: [] })), "j/check",
    "an empty list is an answer when answered() says so");
});

test("available: main pages once those before are answered; items in turn; side pages by their rule", () => {
  const c = ctx({ colour: "blue", items: [{ name: "a", size: 1 }] });
  assert.ok(j.available("j/colour", c));
  assert.ok(j.available("j/items", c));
  assert.ok(!j.available("j/flags", c), "the list is not done");
  assert.ok(!j.available("j/shade", c), "not on this route");
  assert.ok(j.available("j/item/0/size", c));
  assert.ok(j.available("j/item/1/name", c), "the next new item, from its first step");
  assert.ok(!j.available("j/item/1/size", c));
  assert.ok(!j.available("j/item/2/name", c));
  assert.ok(j.available("j/result", c));
  assert.ok(!j.available("j/extra", c));
  assert.ok(j.available("j/extra", ctx({ colour: "red" })));
  assert.equal(j.prev("j/extra", c), "j/colour");
});

test("items: steps in order, back to the hub, the first open step", () => {
  const c = ctx({ items: [{ name: "a" }, { name: "b", size: 2 }] });
  assert.deepEqual(itemsOf(c, list), c.a.items);
  assert.deepEqual(itemsOf(ctx({ items: "no" }), list), []);
  assert.equal(itemStepId(list, 1, "size"), "j/item/1/size");
  assert.equal(firstOpenStep(list, j, c, 0), "size");
  assert.equal(firstOpenStep(list, j, c, 1), null);
  assert.ok(!itemComplete(list, j, c, 0));
  assert.ok(itemComplete(list, j, c, 1));
  assert.equal(j.next("j/item/0/name", { ...c, i: 0 }), "j/item/0/size");
  assert.equal(j.next("j/item/0/size", { ...c, i: 0 }), "j/items");
  assert.equal(j.prev("j/item/0/size", c), "j/item/0/name");
  assert.equal(j.prev("j/item/0/name", c), "j/items");
  assert.equal(j.prev("j/item/0/remove", c), "j/items");
  assert.ok(!j.answered("j/items", c), "not done");
  assert.ok(j.answered("j/items", ctx({ ...c.a, itemsDone: true, items: [{ name: "b", size: 2 }] })));
  assert.ok(j.answered("j/unknown", c), "an address with no page holds nothing to answer");
});

test("isAnswered: empty strings, empty lists, null and undefined are not answers; false and 0 are", () => {
  const def = { get: (c) => c.a.v };
  for (const v of ["", [], null, undefined]) assert.equal(isAnswered(def, ctx({ v })), false, JSON.stringify(v));
  for (const v of [false, 0, "x", ["y"]]) assert.equal(isAnswered(def, ctx({ v })), true, JSON.stringify(v));
});

// The page inside the iframe embed (embed.html?journey=council|sponsor): the custom element,
// for the journey in the address, with nothing around it; it tells the parent page its height
// whenever that changes (embed/frame.js on the host's side sets the frame's height).
import "./trust-eligibility-check.js";
import { registerServiceWorker } from "../js/journey/offline.js";

const params = new URLSearchParams(location.search);
const journey = params.get("journey");
const el = document.createElement("trust-eligibility-check");
if (journey === "council" || journey === "sponsor") el.setAttribute("journey", journey);
// The level of the checker's main heading (?heading-level=2, or the host's data-heading-level
// through frame.js below), so that the host page keeps one h1.
if (params.has("heading-level")) el.setAttribute("heading-level", params.get("heading-level"));
// This frame's answers are its own: named by its address and the iframe's name (store.js).
el.setAttribute("data-store-scope", `frame:${location.pathname}${location.search}:${window.name}`);
(document.querySelector("main") ?? document.body).append(el);

// Only a height is sent, to the parent's origin when the browser says what it is.
const ancestor = location.ancestorOrigins?.[0];
let referrer = null;
try { referrer = document.referrer ? new URL(document.referrer).origin : null; } catch { /* none */ }
const target = ancestor ?? referrer ?? "*";
if (window.parent !== window) {
  let last = -1;
  const send = (always) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    window.parent.postMessage({ type: "trust-eligibility:height", height }, target);
  };
  new ResizeObserver(() => send(false)).observe(document.documentElement);
  // The host's frame.js asks once it listens (it may have missed the first heights: it is
  // deferred, and this page can be done before the host's is).
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent) return;
    if (event.data?.type === "trust-eligibility:height?") send(true);
    if (event.data?.type === "trust-eligibility:heading-level") el.setAttribute("heading-level", String(event.data.level));
  });
}
registerServiceWorker(new URL("../", import.meta.url), { afterLoad: true });

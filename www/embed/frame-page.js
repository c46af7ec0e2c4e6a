// The page inside the iframe embed (embed.html?journey=council|sponsor): the custom element,
// for the journey in the address, with nothing around it; it tells the parent page its height
// whenever that changes (embed/frame.js on the host's side sets the frame's height).
import "./trust-eligibility-check.js";
import { registerServiceWorker } from "../js/offline.js";

const journey = new URLSearchParams(location.search).get("journey");
const el = document.createElement("trust-eligibility-check");
if (journey === "council" || journey === "sponsor") el.setAttribute("journey", journey);
// This frame's answers are its own: named by its address and the iframe's name (store.js).
el.setAttribute("data-store-scope", `frame:${location.pathname}${location.search}:${window.name}`);
document.body.append(el);

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
    if (event.source === window.parent && event.data?.type === "trust-eligibility:height?") send(true);
  });
}
registerServiceWorker(new URL("../", import.meta.url), { afterLoad: true });

// Offline after the first visit: registers the service worker (sw.js at the site's root, written
// by build/sw.mjs with the list of files to precache). Called by the checker's own pages only
// (index.html, embed.html), never by the custom element on a host's page: the host's origin and
// its service workers are the host's business.

/** base: the URL of the site's root (where sw.js is). afterLoad: wait for the page's load event,
 *  so that what the page fetched is in the HTTP cache before the worker precaches it, and then
 *  for the page to be idle (requestIdleCallback, or a few seconds where there is none), so the
 *  precache never competes with the first view or the engine. */
export function registerServiceWorker(base, { afterLoad = false } = {}) {
  if (!("serviceWorker" in navigator) || new URL(base).origin !== location.origin) return;
  const register = () => navigator.serviceWorker.register(new URL("sw.js", base), { scope: base.href }).catch((e) => {
    // Without it the checker still works, only not offline: say so in the console, nothing more.
    console.warn(`The checker will not work offline: ${e.message}`);
  });
  if (!afterLoad) { register(); return; }
  const idle = () => (typeof requestIdleCallback === "function"
    ? requestIdleCallback(register, { timeout: 5_000 })
    : setTimeout(register, 3_000));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}

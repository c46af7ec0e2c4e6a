// For a host page that shows the checker in an iframe: sizes each such frame to its content.
//
//   <iframe src="https://CHECKER/embed.html?journey=council" data-trust-eligibility
//           title="Check which intervention applies to a council"></iframe>
//   <script src="https://CHECKER/embed/frame.js" defer></script>
//
// The frame posts { type: "trust-eligibility:height", height } whenever its content changes
// size, and when this script asks ({ type: "trust-eligibility:height?" }, once it listens). A message is used only if it comes from one of these frames' windows (event.source)
// and from that frame's origin (event.origin): no other page or frame can resize anything.
// A classic script with no globals of its own; it works as type="module" too.
(() => {
  const MAX = 100_000;
  window.addEventListener("message", (event) => {
    if (event.data?.type !== "trust-eligibility:height") return;
    for (const frame of document.querySelectorAll("iframe[data-trust-eligibility]")) {
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, document.baseURI).origin) return;
      const height = Number(event.data.height);
      if (!Number.isFinite(height) || height <= 0 || height > MAX) return;
      frame.style.height = `${Math.ceil(height)}px`; // CSSOM: allowed under style-src 'self'
      return;
    }
  });
  // A frame may have sent its height before this (deferred) script listened: ask again. Only a
  // frame at the checker's origin gets the question (postMessage drops it otherwise).
  for (const frame of document.querySelectorAll("iframe[data-trust-eligibility]")) {
    frame.contentWindow?.postMessage({ type: "trust-eligibility:height?" }, new URL(frame.src, document.baseURI).origin);
  }
})();

// For a host page that shows the checker in an iframe: sizes each such frame to its content.
//
//   <iframe src="https://CHECKER/embed.html?journey=council" data-trust-eligibility
//           title="Check which intervention applies to a council"></iframe>
//   <script src="https://CHECKER/embed/frame.js" defer></script>
//
// Each such frame is made as wide as its container (an iframe is 300px wide by default) unless
// the host gives it a width attribute, and told its data-heading-level (the level of its main
// heading, 1 to 6, so that the host page keeps its own h1; the frame's address can say the same
// with ?heading-level=2).
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
    // CSSOM, as the height; less the frame's own borders and margins, which 100% would push past
    // its container (scrolling the host sideways at 320px).
    if (!frame.hasAttribute("width")) {
      const cs = getComputedStyle(frame);
      const edges = ["borderLeftWidth", "borderRightWidth", "marginLeft", "marginRight"].reduce((n, k) => n + (parseFloat(cs[k]) || 0), 0);
      frame.style.width = edges ? `calc(100% - ${edges}px)` : "100%";
    }
    const origin = new URL(frame.src, document.baseURI).origin;
    const level = Number(frame.dataset.headingLevel);
    const tell = () => {
      frame.contentWindow?.postMessage({ type: "trust-eligibility:height?" }, origin);
      if (Number.isInteger(level) && level >= 1 && level <= 6) frame.contentWindow?.postMessage({ type: "trust-eligibility:heading-level", level }, origin);
    };
    tell();
    frame.addEventListener("load", tell);
  }
})();

// The custom element's address for host pages (see README, "Embedding"): it loads the element's
// build, dist/trust-eligibility-check.js (bundled from embed/element.js by build/js.mjs), and
// the code it shares with the full page (dist/shared.js).
export { TrustEligibilityCheck } from "../dist/trust-eligibility-check.js";

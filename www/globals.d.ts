// What the bundler defines for the pages' modules (build/js.mjs, esbuild's `define`), for the
// type-check of www/js (tsconfig.json).
/** The rulesets' titles and dates for the start page (rulesets/rulesets.json), when bundled. */
declare const TRUST_ELIGIBILITY_RULESETS: { id: string; title: string; [key: string]: unknown }[];

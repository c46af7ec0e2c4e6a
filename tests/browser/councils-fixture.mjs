// Ofsted's data for the council picker in the browser tests: the site's own www/data/councils.json
// when the build has it, else a fixture of the same shape (tests/browser/fixtures/ofsted-councils.json:
// three regions and the former councils, from Ofsted's "as at 31 March 2025" file), served at the
// same address (helpers.mjs startServer). Tests read expected values from whichever is served, never restate them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root, fixtures } from "./helpers.mjs";

const site = join(root, "www", "data", "councils.json");
export const councilsFromSite = existsSync(site);
export const councilsText = readFileSync(councilsFromSite ? site : join(fixtures, "ofsted-councils.json"), "utf8");
export const councils = JSON.parse(councilsText);
export const council = (name) => councils.councils.find((c) => c.name === name && !c.former);

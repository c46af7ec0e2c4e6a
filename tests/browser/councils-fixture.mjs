// Ofsted's data for the council picker, as the site serves it (www/data/councils.json, built
// from Ofsted's file by the checker's own code): tests read expected values from it, never
// restate them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./helpers.mjs";

export const councils = JSON.parse(readFileSync(join(root, "www", "data", "councils.json"), "utf8"));
export const council = (name) => councils.councils.find((c) => c.name === name && !c.former);

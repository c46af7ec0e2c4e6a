// GOV.UK's accessible-autocomplete on its own: build/js.mjs bundles it into
// dist/autocomplete.js, which the council picker (picker.js) imports when the journey's first
// page is shown, so the start page does not load it (it is some 19 KB gzip, with its Preact).
export { default } from "accessible-autocomplete";

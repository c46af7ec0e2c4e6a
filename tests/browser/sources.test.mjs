// Source links: the one function the pages and the rules page render them with (www/js/govuk/sources.js)
// links only an address on the web; anything else is the source named in words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sourceHref, sourceLink } from "../../www/js/govuk/sources.js";

test("only https: and http: addresses become links; any other is the title alone", () => {
  const s = (url) => String(sourceLink({ title: "The notice", url }));
  assert.equal(s("https://www.gov.uk/x"), '<a class="govuk-link" href="https://www.gov.uk/x" rel="noreferrer">The notice</a>');
  assert.match(s("http://www.education.gov.uk/old"), /^<a class="govuk-link" href="http:\/\/www\.education\.gov\.uk\/old"/);
  for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "/rules.html", "www.gov.uk/x", "ftp://x.org/a", "mailto:a@b.c", "", null, undefined, 42]) {
    assert.equal(sourceHref(bad), null, String(bad));
    assert.equal(s(bad), "The notice", String(bad));
  }
  assert.equal(String(sourceLink({ title: "<b>", url: "javascript:x" })), "&lt;b&gt;", "the title escaped");
  assert.equal(String(sourceLink({ title: "Long title, 2016", url: "https://a.example/" }, "Long title")), '<a class="govuk-link" href="https://a.example/" rel="noreferrer">Long title</a>');
});

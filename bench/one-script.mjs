// The one-script page's only script (bench/out/one-script.html, written by run.mjs): sets a flag.
window.benchFlag = true;

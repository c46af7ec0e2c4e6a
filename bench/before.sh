#!/usr/bin/env bash
# The pages of another commit (default: main), built into bench/out/before/ beside this tree's,
# with this tree's wasm (www/pkg, www/pkg-ofsted), so that the journeys can be timed on both in one
# run, alternating: node bench/mobile.mjs --compare /bench/out/before/www/index.html --runs 5
#   bash bench/before.sh [COMMIT]        (after build_release: the wasm is copied from www/pkg)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-main}
out=bench/out/before
rm -rf "$out" && mkdir -p "$out"
# The build scripts are in build/ (www/build*.mjs in older commits).
git archive "$rev" $(git ls-tree --name-only "$rev" www build rulesets Cargo.toml) | tar -x -C "$out"
ln -s "$PWD/node_modules" "$out/node_modules"
rm -rf "$out/www/pkg" "$out/www/pkg-ofsted"
cp -r www/pkg www/pkg-ofsted "$out/www/"
if [ -f "$out/build/site.mjs" ]; then node "$out/build/site.mjs" >/dev/null; else node "$out/www/build.mjs" >/dev/null; fi
echo "bench/out/before: the pages of $(git rev-parse --short "$rev") ($rev), served as /bench/out/before/www/index.html"

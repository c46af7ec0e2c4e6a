# Shared by scripts/serve and scripts/test: install what the build needs, idempotently, each
# step skipped when already present, then build the release wasm into www/pkg and smoke-load it.
# Sourced, not run. Assumes the current directory is the repository root.

set -euo pipefail
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

WASM_PACK_VERSION=0.15.1
say() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1; fi
}

ensure_tools() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
    say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
    cargo install wasm-pack --locked --version "$WASM_PACK_VERSION"
  fi
  # wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly. Without --locked:
  # its lockfile wants a webpki-roots release the registry here does not serve.
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # npm packages: binaryen (wasm-opt; Debian's silently breaks wasm-bindgen output),
  # playwright-core, axe-core, govuk-frontend. Reinstall when package-lock.json changed.
  # A node_modules that is a link to a shared install is never reinstalled from here: npm ci
  # empties the link's target, every checkout sharing it included.
  if [ -L node_modules ]; then
    if [ package-lock.json -nt node_modules/.package-lock.json ] && ! cmp -s package-lock.json "$(readlink -f node_modules)/../package-lock.json"; then
      say "node_modules links to a shared install ($(readlink node_modules)) that may not match package-lock.json: not reinstalling it"
    fi
  elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [ "$(command -v wasm-opt)" != "$PWD/node_modules/.bin/wasm-opt" ]; then
    say "wasm-opt on PATH is $(command -v wasm-opt || echo missing), not npm binaryen's"; return 1
  fi
}

# Release build of the wasm package into www/pkg, then the site, then a smoke load in Node:
# tests do not run wasm-opt, so only loading the optimised module catches a broken optimiser.
build_release() {
  say "building the release wasm (wasm-pack build --target web --release)"
  # The checker's module (crates/wasm): the engine without serde_json, values crossing as
  # JavaScript values; it never holds the Ofsted reader.
  rm -rf www/pkg
  wasm-pack --log-level warn build crates/wasm --target web --release --mode no-install --out-dir ../../www/pkg --out-name trust_eligibility
  rm -f www/pkg/.gitignore
  # The same crate with ruleset overrides (SPEC §2: an override read, merged and validated), into
  # www/pkg-rules: loaded only when a page or an npm user gives an override (the module above
  # refuses one). Same target dir and engine build: only the wasm crate, the link and wasm-opt run.
  say "building the checker with ruleset overrides (crates/wasm --features overrides, into www/pkg-rules)"
  rm -rf www/pkg-rules
  wasm-pack --log-level warn build crates/wasm --target web --release --mode no-install --out-dir ../../www/pkg-rules --out-name trust_eligibility -- --features overrides
  rm -f www/pkg-rules/.gitignore
  say "building the Ofsted reader's wasm (crates/ofsted-wasm/ into www/pkg-ofsted; loaded only by the page that reads Ofsted's file)"
  rm -rf www/pkg-ofsted
  wasm-pack --log-level warn build crates/ofsted-wasm --target web --release --mode no-install --out-dir ../../www/pkg-ofsted --out-name ofsted
  rm -f www/pkg-ofsted/.gitignore
  if [ -f build/site.mjs ]; then
    say "building the site (build/site.mjs)"
    node build/site.mjs
  fi
  node scripts/smoke.mjs
  node scripts/smoke-ofsted.mjs
}

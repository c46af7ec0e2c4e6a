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

# wasm-pack build of one crate into a www/ directory, skipped when that directory already holds
# what this build would write: cargo (which decides, as always, whether the module must be
# compiled again) builds the raw module as wasm-pack does, and a stamp under target/ records the
# hash of that module, of what else wasm-pack reads (the crate's top-level files, the workspace's
# Cargo.toml, its own, wasm-bindgen's and wasm-opt's versions, these arguments) and of the
# directory it wrote. Any difference, or a changed output directory, runs wasm-pack again.
# Usage: wasm_pack_build CRATE_DIR OUT_DIR OUT_NAME [cargo arguments, e.g. --features overrides]
wasm_pack_build() {
  local crate=$1 out=$2 name=$3; shift 3
  local lib stamp key
  lib=$(awk -F'"' '/^name = / { gsub(/-/, "_", $2); print $2; exit }' "$crate/Cargo.toml")
  local target=${CARGO_TARGET_DIR:-$PWD/target}
  stamp="$target/wasm-pack-stamps/$(basename "$out")"
  (cd "$crate" && cargo build --quiet --lib --release --target wasm32-unknown-unknown "$@")
  key=$( { printf '%s\n' "$crate $out $name $*"; wasm-pack --version; wasm-bindgen --version; wasm-opt --version
    sha256sum "$target/wasm32-unknown-unknown/release/$lib.wasm" Cargo.toml $(find "$crate" -maxdepth 1 -type f | sort); } | sha256sum)
  if [ -f "$stamp" ] && [ -d "$out" ] && [ "$(cat "$stamp")" = "$key $(dir_hash "$out")" ]; then
    say "$out is up to date (wasm-pack skipped: the same module, tools and arguments as its last build)"
    return
  fi
  rm -rf "$out"
  local extra=()
  [ $# -gt 0 ] && extra=(-- "$@")
  wasm-pack --log-level warn build "$crate" --target web --release --mode no-install --out-dir "$PWD/$out" --out-name "$name" "${extra[@]}"
  rm -f "$out/.gitignore"
  mkdir -p "$(dirname "$stamp")"
  echo "$key $(dir_hash "$out")" > "$stamp"
}
dir_hash() { (cd "$1" && find . -type f | sort | xargs sha256sum | sha256sum); }

# Release build of the wasm packages into www/, then the site, then a smoke load in Node:
# tests do not run wasm-opt, so only loading the optimised module catches a broken optimiser.
build_release() {
  say "building the release wasm (wasm-pack build --target web --release)"
  # The checker's module (crates/wasm): the engine without serde_json, values crossing as
  # JavaScript values; it never holds the Ofsted reader.
  wasm_pack_build crates/wasm www/pkg trust_eligibility
  # The same crate with ruleset overrides (SPEC §2: an override read, merged and validated), into
  # www/pkg-rules: loaded only when a page or an npm user gives an override (the module above
  # refuses one). Same target dir and engine build: only the wasm crate, the link and wasm-opt run.
  say "building the checker with ruleset overrides (crates/wasm --features overrides, into www/pkg-rules)"
  wasm_pack_build crates/wasm www/pkg-rules trust_eligibility --features overrides
  say "building the Ofsted reader's wasm (crates/ofsted-wasm/ into www/pkg-ofsted; loaded only by the page that reads Ofsted's file)"
  wasm_pack_build crates/ofsted-wasm www/pkg-ofsted ofsted
  if [ -f build/site.mjs ]; then
    say "building the site (build/site.mjs)"
    node build/site.mjs
  fi
  node scripts/smoke.mjs
  node scripts/smoke-ofsted.mjs
}

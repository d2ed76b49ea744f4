#!/usr/bin/env bash
# Times `vitae render` against `resumed render` with jsonresume-theme-even on the
# official sample resume, whole process each run, and prints a Markdown table.
#
#   bench/render-peers.sh [RUNS]          (default 20 runs each)
#
# Needs node/npm (the peers are installed from npm into a temporary folder) and a
# release build of vitae (built here if missing). Uses hyperfine when it is installed,
# else a plain loop (mean of RUNS runs).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-20}"
SAMPLE="$PWD/fixtures/jsonresume/sample.resume.json"
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
VITAE="$TARGET/release/vitae"

if [[ ! -x "$VITAE" ]]; then
  echo "building vitae (release)…" >&2
  cargo build --release --locked >&2
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "installing resumed and jsonresume-theme-even from npm into $WORK…" >&2
(cd "$WORK" && npm init -y >/dev/null && \
  npm install --no-audit --no-fund --silent resumed jsonresume-theme-even >/dev/null)
RESUMED="$WORK/node_modules/.bin/resumed"
RESUMED_VERSION="$(cd "$WORK" && node -p "require('resumed/package.json').version")"
EVEN_VERSION="$(cd "$WORK" && node -p "require('jsonresume-theme-even/package.json').version")"
VITAE_VERSION="$("$VITAE" --version | awk '{print $2}')"

# Sanity: both produce a page with the sample's name.
(cd "$WORK" && "$RESUMED" render "$SAMPLE" --theme jsonresume-theme-even -o "$WORK/even.html" >/dev/null)
"$VITAE" render "$SAMPLE" --theme modern -o "$WORK/modern.html"
grep -q "Richard Hendriks" "$WORK/even.html"
grep -q "Richard Hendriks" "$WORK/modern.html"

# mean_ms CMD… : mean wall time of RUNS runs, in milliseconds (3 warm-up runs first).
mean_ms() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --runs "$RUNS" --warmup 3 --export-json "$WORK/h.json" -N "$*" >/dev/null 2>&1 \
      || hyperfine --runs "$RUNS" --warmup 3 --export-json "$WORK/h.json" "$*" >/dev/null
    node -p "(require('$WORK/h.json').results[0].mean * 1000).toFixed(2)"
    return
  fi
  for _ in 1 2 3; do "$@" >/dev/null 2>&1; done
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$RUNS"); do "$@" >/dev/null 2>&1; done
  end=$(date +%s%N)
  node -p "((($end - $start) / 1e6) / $RUNS).toFixed(2)"
}

cd "$WORK"
T_RESUMED=$(mean_ms "$RESUMED" render "$SAMPLE" --theme jsonresume-theme-even -o "$WORK/even.html")
T_HTML=$(mean_ms "$VITAE" render "$SAMPLE" --theme modern -o "$WORK/modern.html")
T_CLASSIC=$(mean_ms "$VITAE" render "$SAMPLE" --theme classic -o "$WORK/classic.html")
T_MD=$(mean_ms "$VITAE" render "$SAMPLE" --format md -o "$WORK/out.md")
T_PDF=$(mean_ms "$VITAE" render "$SAMPLE" --format pdf -o "$WORK/out.pdf")

ratio() { node -p "($1 / $2).toFixed(1)"; }

echo
echo "Rendering the official sample resume (mean of $RUNS whole-process runs, $(nproc) cores):"
echo
echo "| command | output | time (ms) | vs resumed |"
echo "|---|---|---:|---:|"
echo "| resumed $RESUMED_VERSION render --theme jsonresume-theme-even ($EVEN_VERSION) | HTML | $T_RESUMED | 1.0× |"
echo "| vitae $VITAE_VERSION render --theme modern | HTML | $T_HTML | $(ratio "$T_RESUMED" "$T_HTML")× faster |"
echo "| vitae render --theme classic | HTML | $T_CLASSIC | $(ratio "$T_RESUMED" "$T_CLASSIC")× faster |"
echo "| vitae render --format md | Markdown | $T_MD | $(ratio "$T_RESUMED" "$T_MD")× faster |"
echo "| vitae render --format pdf (Typst, in-process) | PDF | $T_PDF | $(ratio "$T_RESUMED" "$T_PDF")× |"

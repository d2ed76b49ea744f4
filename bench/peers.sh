#!/usr/bin/env bash
# Whole-process timings of vitae next to the tools people use today.
#
#   bench/peers.sh              # install peers into a temp folder, time, print Markdown
#   KEEP=1 bench/peers.sh       # keep the temp folder (its path is printed)
#   RUNS=10 BATCH=1000 bench/peers.sh
#   BENCH="render" bench/peers.sh   # only some groups (default: validate render)
#
# Peers (installed into a temporary folder, nothing global):
#   npm:  ajv-cli + ajv-formats (JSON Schema CLI), @jsonresume/schema (the official
#         validator library, driven by a small Node script), resumed (a resume CLI)
#         with jsonresume-theme-even (its default theme) for the render timings
#   PyPI: check-jsonschema
# Next to them, the floor under a batch: a process that only reads the files and parses
# them with serde_json (examples/batch_floor.rs), no schema, no lint rules.
# Each tool checks one document, then a batch of $BATCH documents (copies of the sample
# resume with a different name each). Times are medians of $RUNS runs (hyperfine when
# it is installed or installable with apt, else a loop around `date +%s%N`). Tools that
# take one file per process (resumed) are timed as a loop over the batch, once.
#
# Layout: one function per group of timings (`group_validate`, …) calling `time_case`,
# then `print_table GROUP`. To add a group (e.g. render timings), write a function
# `group_render` that calls `setup_*` helpers and `time_case render TOOL CASE CMD`, and
# add it to BENCH_GROUPS at the bottom.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-10}"
BATCH="${BATCH:-1000}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vitae-peers.XXXXXX")"
RESULTS="$WORK/results.tsv"
: >"$RESULTS"

cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then
        echo "kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

log() { echo "peers: $*" >&2; }

# --- setup -------------------------------------------------------------------------

setup_hyperfine() {
    if ! command -v hyperfine >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 \
        && [ "$(id -u)" = 0 ]; then
        log "installing hyperfine with apt"
        apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
    fi
    if command -v hyperfine >/dev/null 2>&1; then
        TIMER="hyperfine $(hyperfine --version | cut -d' ' -f2)"
    else
        TIMER="date +%s%N loop"
    fi
}

setup_vitae() {
    local target
    target="${CARGO_TARGET_DIR:-$ROOT/target}"
    VITAE="${VITAE:-$target/release/vitae}"
    if [ ! -x "$VITAE" ]; then
        log "building vitae (release)"
        (cd "$ROOT" && cargo build --release --quiet)
    fi
    VITAE_VERSION="$("$VITAE" --version | cut -d' ' -f2)"
    # The floor under a batch: read the files and parse them with serde_json, on one
    # thread per core, nothing else (examples/batch_floor.rs).
    FLOOR="${FLOOR:-$target/release/examples/batch_floor}"
    if [ ! -x "$FLOOR" ]; then
        log "building the batch floor (release example)"
        (cd "$ROOT" && cargo build --release --quiet --example batch_floor)
    fi
}

setup_node_peers() {
    log "installing ajv-cli, ajv-formats, @jsonresume/schema, resumed into $WORK/node"
    mkdir -p "$WORK/node"
    (cd "$WORK/node" && npm init -y >/dev/null &&
        npm install --silent --no-audit --no-fund \
            ajv-cli ajv-formats @jsonresume/schema resumed jsonresume-theme-even >/dev/null)
    NODE_BIN="$WORK/node/node_modules/.bin"
    # The official validator is a library: a script checks every file named, in one
    # process, the way a build step would.
    cat >"$WORK/node/jsonresume-validate.js" <<'JS'
const fs = require("fs");
const path = require("path");
const { validate } = require("@jsonresume/schema");
let files = process.argv.slice(2);
if (files.length === 1 && fs.statSync(files[0]).isDirectory()) {
  const dir = files[0];
  files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(dir, f));
}
let invalid = 0;
for (const file of files) {
  validate(JSON.parse(fs.readFileSync(file, "utf8")), (err) => { if (err) invalid++; });
}
process.exitCode = invalid ? 1 : 0;
JS
    AJV_VERSION="$(node -p "require('$WORK/node/node_modules/ajv-cli/package.json').version")"
    SCHEMA_PKG_VERSION="$(node -p "require('$WORK/node/node_modules/@jsonresume/schema/package.json').version")"
    RESUMED_VERSION="$(node -p "require('$WORK/node/node_modules/resumed/package.json').version")"
    EVEN_VERSION="$(node -p "require('$WORK/node/node_modules/jsonresume-theme-even/package.json').version")"
}

setup_python_peers() {
    log "installing check-jsonschema into $WORK/venv"
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema
    CHECK_JSONSCHEMA="$WORK/venv/bin/check-jsonschema"
    CJS_VERSION="$("$WORK/venv/bin/pip" show check-jsonschema | sed -n 's/^Version: //p')"
}

setup_documents() {
    SCHEMA="$ROOT/schema/official/v1.3.1.json"
    ONE="$WORK/docs/one/resume.json"
    mkdir -p "$WORK/docs/one" "$WORK/docs/batch"
    cp "$ROOT/fixtures/valid/sample.resume.json" "$ONE"
    python3 - "$ONE" "$WORK/docs/batch" "$BATCH" <<'PY'
import json, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
doc = json.load(open(src))
for i in range(n):
    doc["basics"]["name"] = f"Person {i}"
    with open(f"{out}/{i:04d}.resume.json", "w") as f:
        json.dump(doc, f, indent=2)
PY
    BATCH_DIR="$WORK/docs/batch"
}

# --- timing ------------------------------------------------------------------------

# time_case GROUP TOOL CASE CMD [RUNS]: records the median wall time in seconds and,
# with hyperfine, the mean CPU time (user + system, all threads and child processes):
# wall time on a shared machine includes waiting for a core, CPU time does not.
time_case() {
    local group="$1" tool="$2" case="$3" cmd="$4" runs="${5:-$RUNS}" median cpu=""
    log "$group / $tool / $case ($runs runs)"
    if [ "$runs" -ge 2 ] && command -v hyperfine >/dev/null 2>&1; then
        hyperfine --style none --warmup 1 --runs "$runs" -i \
            --export-json "$WORK/h.json" "$cmd" >/dev/null 2>&1
        median="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$WORK/h.json")"
        cpu="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["user"] + r["system"])' "$WORK/h.json")"
    else
        local times=() start end i
        for ((i = 0; i < runs; i++)); do
            start=$(date +%s%N)
            bash -c "$cmd" >/dev/null 2>&1 || true
            end=$(date +%s%N)
            times+=("$((end - start))")
        done
        median="$(printf '%s\n' "${times[@]}" | sort -n | python3 -c 'import sys; v=[int(x) for x in sys.stdin]; print(v[len(v)//2]/1e9)')"
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$group" "$tool" "$case" "$median" "$cpu" >>"$RESULTS"
}

# print_table GROUP BASE_TOOL: one row per tool, medians per case and ratio to BASE_TOOL,
# then the same for CPU time where it was measured.
print_table() {
    python3 - "$RESULTS" "$1" "$2" <<'PY'
import sys
from collections import OrderedDict
path, group, base = sys.argv[1], sys.argv[2], sys.argv[3]
wall, cpu, cases = OrderedDict(), OrderedDict(), []
for line in open(path):
    g, tool, case, median, used = line.rstrip("\n").split("\t")
    if g != group:
        continue
    wall.setdefault(tool, {})[case] = float(median)
    cpu.setdefault(tool, {})
    if used:
        cpu[tool][case] = float(used)
    if case not in cases:
        cases.append(case)
def fmt(s):
    return f"{s * 1000:.1f} ms" if s < 10 else f"{s:.1f} s"
def table(rows, what):
    head = ["tool"] + [f"{c} ({what})" for c in cases] + [f"{c}: × vitae" for c in cases]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" + "---:|" * (len(head) - 1))
    for tool, times in rows.items():
        cells = [tool]
        cells += [fmt(times[c]) if c in times else "–" for c in cases]
        for c in cases:
            b = rows.get(base, {}).get(c)
            cells.append(f"{times[c] / b:.1f}×" if c in times and b else "–")
        print("| " + " | ".join(cells) + " |")
table(wall, "median wall")
if any(cpu[t] for t in cpu):
    print()
    table(cpu, "mean CPU, user + system")
PY
}

# --- groups ------------------------------------------------------------------------

group_validate() {
    local one="1 document" many="$BATCH documents"
    time_case validate "vitae $VITAE_VERSION" "$one" "$VITAE validate --format concise $ONE"
    time_case validate "vitae $VITAE_VERSION" "$many" "$VITAE validate --format concise $BATCH_DIR"
    time_case validate "floor: read + serde_json parse, no checks" "$many" "$FLOOR $BATCH_DIR"
    time_case validate "ajv-cli $AJV_VERSION + ajv-formats" "$one" \
        "cd $WORK/node && $NODE_BIN/ajv validate -s $SCHEMA -d $ONE -c ajv-formats --strict=false"
    time_case validate "ajv-cli $AJV_VERSION + ajv-formats" "$many" \
        "cd $WORK/node && $NODE_BIN/ajv validate -s $SCHEMA -d '$BATCH_DIR/*.json' -c ajv-formats --strict=false"
    time_case validate "@jsonresume/schema $SCHEMA_PKG_VERSION (node script)" "$one" \
        "node $WORK/node/jsonresume-validate.js $ONE"
    time_case validate "@jsonresume/schema $SCHEMA_PKG_VERSION (node script)" "$many" \
        "node $WORK/node/jsonresume-validate.js $BATCH_DIR"
    time_case validate "check-jsonschema $CJS_VERSION" "$one" \
        "$CHECK_JSONSCHEMA --schemafile $SCHEMA $ONE"
    time_case validate "check-jsonschema $CJS_VERSION" "$many" \
        "$CHECK_JSONSCHEMA --schemafile $SCHEMA $BATCH_DIR/*.json" "$(( RUNS < 3 ? RUNS : 3 ))"
    # resumed checks one file per process: the batch is a loop, timed once.
    time_case validate "resumed $RESUMED_VERSION" "$one" \
        "cd $WORK/docs/one && $NODE_BIN/resumed validate resume.json"
    time_case validate "resumed $RESUMED_VERSION" "$many" \
        "for f in $BATCH_DIR/*.json; do $NODE_BIN/resumed validate \$f >/dev/null || true; done" 1
    echo
    echo "### validate: one document and a batch of $BATCH"
    echo
    echo "Median wall time of the whole process ($RUNS runs; $TIMER; $(nproc) cores; load"
    echo "average $(cut -d' ' -f1-3 /proc/loadavg)), then mean CPU time."
    echo
    print_table validate "vitae $VITAE_VERSION"
}

group_render() {
    local html="HTML" md="Markdown" pdf="PDF"
    # Sanity first: both tools produce a page with the sample's name.
    (cd "$WORK/node" && "$NODE_BIN/resumed" render "$ONE" --theme jsonresume-theme-even \
        -o "$WORK/even.html" >/dev/null)
    "$VITAE" render "$ONE" -o "$WORK/vitae.html"
    grep -q "Richard Hendriks" "$WORK/even.html"
    grep -q "Richard Hendriks" "$WORK/vitae.html"
    time_case render "resumed $RESUMED_VERSION + jsonresume-theme-even $EVEN_VERSION" "$html" \
        "cd $WORK/node && $NODE_BIN/resumed render $ONE --theme jsonresume-theme-even -o $WORK/even.html"
    time_case render "vitae $VITAE_VERSION" "$html" "$VITAE render $ONE -o $WORK/vitae.html"
    time_case render "vitae $VITAE_VERSION" "$md" "$VITAE render $ONE --format md -o $WORK/vitae.md"
    if "$VITAE" render "$ONE" --format pdf -o "$WORK/vitae.pdf" >/dev/null 2>&1; then
        time_case render "vitae $VITAE_VERSION" "$pdf" "$VITAE render $ONE --format pdf -o $WORK/vitae.pdf"
    fi
    echo
    echo "### render: the official sample"
    echo
    echo "Median wall time of the whole process ($RUNS runs; $TIMER; $(nproc) cores; load"
    echo "average $(cut -d' ' -f1-3 /proc/loadavg)), then mean CPU time. resumed renders HTML"
    echo "only (PDF needs a headless browser, not timed)."
    echo
    print_table render "vitae $VITAE_VERSION"
}

read -r -a BENCH_GROUPS <<<"${BENCH:-validate render}"

main() {
    setup_hyperfine
    setup_vitae
    setup_node_peers
    case " ${BENCH_GROUPS[*]} " in
        *" validate "*) setup_python_peers ;;
    esac
    setup_documents
    echo "## Benchmarks against peers"
    for g in "${BENCH_GROUPS[@]}"; do
        "group_$g"
    done
}

main "$@"

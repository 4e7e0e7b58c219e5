#!/usr/bin/env bash
# run_benchmarks.sh runs civicpact's Go benchmarks (go test -bench, with
# allocations) and prints one markdown table: median ns/op over COUNT runs
# with the spread (min–max), B/op, allocs/op, then how the per-size
# benchmarks grow from 10k to 60k to 240k words, and the peak RSS of the
# redline and PDF commands on each size (/usr/bin/time -v).
#
# Usage: bench/run_benchmarks.sh [COUNT]     (from anywhere; COUNT default 3)
# Needs: go, python3, /usr/bin/time (apt-get install -y time). The 240k-word
# corpus is generated into a temporary directory with gen_contract.py.
# Set BENCH_FILTER to a go test -bench regexp to run a subset.
set -euo pipefail
count=${1:-3}
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${CIVICPACT_SHARED_BENCH:-$repo/../shared/bench}"
[ -d "$shared/corpus" ] || { echo "corpus not found at $shared/corpus" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "generating w240k ..." >&2
python3 "$shared/gen_contract.py" --words 240000 --seed 7 --out "$tmp/w240k" >/dev/null
export CIVICPACT_BENCH_W240K="$tmp/w240k"

filter="${BENCH_FILTER:-.}"
run() { # run PKG REGEXP
  echo "go test -bench '$2' $1 ..." >&2
  (cd "$repo" && go test -run '^$' -bench "$2" -benchmem -count "$count" "$1") | grep -E '^Benchmark' | grep -E "$filter" >>"$tmp/bench.txt" || true
}
: >"$tmp/bench.txt"
run ./clauses 'LibrarySearch5000'
run ./negotiation 'Replay5000|Load5000SQLite|DiffDocument|Merge3'
run ./templates 'Assemble300Clauses'
run ./render/pdf 'Render'

(cd "$repo" && CGO_ENABLED=0 go build -o "$tmp/redline" ./bench/cmd/redline && CGO_ENABLED=0 go build -o "$tmp/renderpdf" ./bench/cmd/renderpdf)
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }
: >"$tmp/rss.txt"
for size in w10k w60k w240k; do
  d="$shared/corpus/$size"
  [ "$size" = w240k ] && d="$tmp/w240k"
  echo "redline $size $(rss "$tmp/redline" "$d/contract_v1.json" "$d/contract_v2.json")" >>"$tmp/rss.txt"
  echo "renderpdf $size $(rss "$tmp/renderpdf" -in "$d/contract_v1.json" -out "$tmp/out.pdf")" >>"$tmp/rss.txt"
done

python3 - "$tmp/bench.txt" "$tmp/rss.txt" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r'^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op\s+([\d.]+) B/op\s+([\d.]+) allocs/op', line)
    if m:
        runs.setdefault(m[1], []).append(tuple(float(x) for x in m.groups()[1:]))
def human(ns):
    for unit, div in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= div:
            return f"{ns/div:.3g} {unit}"
    return f"{ns:.0f} ns"
print(f"| benchmark | runs | median time/op | spread (min–max) | B/op | allocs/op |")
print("|---|---|---|---|---|---|")
med = {}
for name, rs in runs.items():
    ns = [r[0] for r in rs]
    med[name] = statistics.median(ns)
    spread = (max(ns) - min(ns)) / med[name] * 100
    print(f"| {name} | {len(rs)} | {human(med[name])} | {human(min(ns))}–{human(max(ns))} (±{spread/2:.0f}%) "
          f"| {statistics.median(r[1] for r in rs)/1e6:.1f} MB | {statistics.median(r[2] for r in rs):,.0f} |")
words = {"w10k": 9549, "w60k": 60002, "w240k": 243217}
print("\nGrowth with contract size (time ratio against w10k; words grow 1 : 6.3 : 25.5):\n")
print("| benchmark | w10k | w60k | w240k | ×60k/10k | ×240k/10k |")
print("|---|---|---|---|---|---|")
for fam in sorted({n.rsplit('/', 1)[0] for n in med if n.endswith(('/w10k', '/w60k', '/w240k'))}):
    t = {s: med.get(f"{fam}/{s}") for s in words}
    if not t["w10k"]:
        continue
    r = lambda s: f"{t[s]/t['w10k']:.1f}" if t[s] else "–"
    print(f"| {fam} | {human(t['w10k'])} | {human(t['w60k']) if t['w60k'] else '–'} | "
          f"{human(t['w240k']) if t['w240k'] else '–'} | {r('w60k')} | {r('w240k')} |")
print("\nPeak RSS of one command run (/usr/bin/time -v):\n")
print("| command | w10k | w60k | w240k |")
print("|---|---|---|---|")
rss = {}
for line in open(sys.argv[2]):
    cmd, size, kb = line.split()
    rss.setdefault(cmd, {})[size] = f"{int(kb)/1024:.0f} MB"
for cmd, by in rss.items():
    print(f"| {cmd} | {by.get('w10k','–')} | {by.get('w60k','–')} | {by.get('w240k','–')} |")
PY

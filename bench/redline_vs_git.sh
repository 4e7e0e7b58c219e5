#!/usr/bin/env bash
# redline_vs_git.sh times civicpact's clause-aware redline (bench/cmd/redline)
# against `git diff --no-index --word-diff=porcelain` and `wdiff` on the
# benchmark corpus, in one run, and prints time ratios and changed-word
# counts (ours from the command, the peers' via count_edits.py).
#
# Usage: bench/redline_vs_git.sh [--no-240k]
# Needs: go, python3, git, wdiff; hyperfine if installed
# (apt-get install -y hyperfine wdiff). The 240k-word corpus is generated
# into a temporary directory and also used for the Go benchmarks.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${CIVICPACT_SHARED_BENCH:-$repo/../shared/bench}"
[ -d "$shared/corpus" ] || { echo "corpus not found at $shared/corpus" >&2; exit 1; }
command -v wdiff >/dev/null || { echo "wdiff missing: apt-get install -y wdiff" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

sizes=(w10k w60k)
declare -A dirs=([w10k]="$shared/corpus/w10k" [w60k]="$shared/corpus/w60k")
if [ "${1:-}" != "--no-240k" ]; then
  echo "generating w240k ..." >&2
  python3 "$shared/gen_contract.py" --words 240000 --seed 7 --out "$tmp/w240k" >/dev/null
  dirs[w240k]="$tmp/w240k"
  sizes+=(w240k)
fi

(cd "$repo" && CGO_ENABLED=0 go build -o "$tmp/redline" ./bench/cmd/redline)

# mean_seconds CMD: mean wall time of CMD over runs, with hyperfine when
# available (peers exit 1 when files differ, hence -i).
mean_seconds() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 2 --min-runs 10 --export-json "$tmp/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$tmp/h.json"
  else
    python3 - "$1" <<'PY'
import shlex, subprocess, sys, time
cmd = shlex.split(sys.argv[1]); ts = []
for _ in range(12):
    t = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL); ts.append(time.perf_counter() - t)
print(sum(sorted(ts)[1:-1]) / 10)
PY
  fi
}

printf '%-6s | %-28s | %-28s | %-28s | %s\n' size "ours: time / changed words" "git word-diff: time / words" "wdiff: time / words" "time ratio ours:git ours:wdiff"
for size in "${sizes[@]}"; do
  d="${dirs[$size]}"
  ours_cmd="$tmp/redline $d/contract_v1.json $d/contract_v2.json"
  git_cmd="git diff --no-index --word-diff=porcelain $d/contract_v1.txt $d/contract_v2.txt"
  wdiff_cmd="wdiff $d/contract_v1.txt $d/contract_v2.txt"
  t_ours=$(mean_seconds "$ours_cmd"); t_git=$(mean_seconds "$git_cmd"); t_wdiff=$(mean_seconds "$wdiff_cmd")
  w_ours=$($ours_cmd | python3 -c 'import json,sys; print(json.load(sys.stdin)["edit"])')
  $git_cmd >"$tmp/git.out" || true
  $wdiff_cmd >"$tmp/wdiff.out" || true
  w_git=$(python3 "$shared/count_edits.py" git-porcelain "$tmp/git.out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["edit"])')
  w_wdiff=$(python3 "$shared/count_edits.py" wdiff "$tmp/wdiff.out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["edit"])')
  python3 - "$size" "$t_ours" "$w_ours" "$t_git" "$w_git" "$t_wdiff" "$w_wdiff" <<'PY'
import sys
s, to, wo, tg, wg, tw, ww = sys.argv[1], *map(float, sys.argv[2:])
cell = lambda t, w: f"{t*1000:8.1f} ms / {int(w):6d} words"
print(f"{s:<6} | {cell(to, wo):<28} | {cell(tg, wg):<28} | {cell(tw, ww):<28} | {to/tg:5.2f}x  {to/tw:5.2f}x")
PY
done

echo
echo "Go benchmarks (in-process, JSON already parsed):"
(cd "$repo" && CIVICPACT_BENCH_W240K="${dirs[w240k]:-}" go test -run '^$' -bench 'DiffDocument|Merge3' -benchtime 2s ./negotiation | grep -E '^Benchmark')

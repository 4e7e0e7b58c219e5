#!/usr/bin/env bash
# compare.sh measures civicpact against its peers side by side, in one run
# on the same inputs, and prints ratios (not part of CI):
#   - redline: ours vs `git diff --no-index --word-diff=porcelain` and wdiff
#     on w10k, w60k and w240k (bench/redline_vs_git.sh: time, changed words);
#   - PDF: ours vs Chromium --print-to-pdf and wkhtmltopdf on w60k and w240k
#     (bench/pdf_vs_peers.sh: wall and CPU time, peak RSS, pages, pdfcheck).
# It installs the peers from Debian when they are missing, and repeats the
# whole comparison ROUNDS times so that the spread on a shared machine shows.
#
# Usage: bench/compare.sh [ROUNDS] [PDF_RUNS]    (defaults 2 and 5)
set -euo pipefail
rounds=${1:-2}
pdf_runs=${2:-5}
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${CIVICPACT_SHARED_BENCH:-$repo/../shared/bench}"
need=()
for pair in git:git wdiff:wdiff chromium:chromium wkhtmltopdf:wkhtmltopdf hyperfine:hyperfine \
  pdfinfo:poppler-utils /usr/bin/time:time; do
  command -v "${pair%%:*}" >/dev/null || need+=("${pair##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "generating w240k ..." >&2
python3 "$shared/gen_contract.py" --words 240000 --seed 7 --out "$tmp/w240k" >/dev/null

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
for round in $(seq 1 "$rounds"); do
  echo
  echo "=== round $round of $rounds: redline (ratio < 1: ours faster) ==="
  CIVICPACT_SHARED_BENCH="$shared" "$repo/bench/redline_vs_git.sh"
  for size in w60k w240k; do
    dir="$shared/corpus/$size"
    [ "$size" = w240k ] && dir="$tmp/w240k"
    echo
    echo "=== round $round of $rounds: PDF $size (x wall, x cpu: the peer's time over ours) ==="
    CORPUS="$dir" BENCH_DIR="$shared" "$repo/bench/pdf_vs_peers.sh" "$pdf_runs"
  done
done

#!/usr/bin/env bash
# Renders a benchmark contract (corpus/w60k unless CORPUS names another
# directory of gen_contract.py output) in one run with render/pdf (bench/cmd/renderpdf), Chromium
# --print-to-pdf and wkhtmltopdf, and reports time ratios (wall and CPU), peak
# RSS, page counts and shared/bench/pdfcheck.py results for all three.
# Needs: apt-get install -y chromium wkhtmltopdf hyperfine poppler-utils time
# Usage: bench/pdf_vs_peers.sh [RUNS]   (from the repository root)
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH_DIR:-$root/../shared/bench}
corpus=${CORPUS:-$bench/corpus/w60k}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for tool in chromium wkhtmltopdf hyperfine pdfinfo /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
(cd "$root" && CGO_ENABLED=0 go build -o "$out/renderpdf" ./bench/cmd/renderpdf)

ours="$out/renderpdf -in $corpus/contract_v1.json -out $out/ours.pdf"
chrome="chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
--disable-component-update --disable-sync --no-pdf-header-footer --user-data-dir=$out/chrome-profile \
--print-to-pdf=$out/chromium.pdf $corpus/contract_v1.html"
wk="wkhtmltopdf -q -s Letter -T 25mm -B 25mm -L 22mm -R 22mm $corpus/contract_v1.html $out/wk.pdf"

hyperfine -N -w 2 -r "$runs" --export-json "$out/times.json" \
  -n civicpact "$ours" -n chromium "$chrome" -n wkhtmltopdf "$wk" >&2

rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }
{
  echo "civicpact $(rss $ours)"
  echo "chromium $(rss $chrome)"
  echo "wkhtmltopdf $(rss $wk)"
} >"$out/rss.txt"
for name in ours chromium wk; do
  python3 "$bench/pdfcheck.py" "$corpus/contract_v1.txt" "$out/$name.pdf" >"$out/$name.check.json"
done

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
t = {r["command"]: r for r in json.load(open(f"{out}/times.json"))["results"]}
rss = dict(l.split() for l in open(f"{out}/rss.txt"))
files = {"civicpact": "ours", "chromium": "chromium", "wkhtmltopdf": "wk"}
us = t["civicpact"]
print(f"{'tool':12} {'wall ms':>9} {'median':>8} {'cpu ms':>8} {'x wall':>7} {'x cpu':>7} {'RSS MB':>7} "
      f"{'pages':>5} {'recall':>8} {'heads':>8} {'accents':>7} {'lig':>3} {'PageXofY':>8}")
for name, f in files.items():
    r, c = t[name], json.load(open(f"{out}/{f}.check.json"))
    cpu = (r["user"] + r["system"]) * 1000
    ucpu = (us["user"] + us["system"]) * 1000
    print(f"{name:12} {r['mean']*1000:9.0f} {r['median']*1000:8.0f} {cpu:8.0f} "
          f"{r['median']/us['median']:7.1f} {cpu/ucpu:7.1f} {int(rss[name])/1024:7.0f} "
          f"{c['pages']:5} {c['word_recall']:8.5f} {c['clause_headings_with_number']:>8} "
          f"{str(c['accents_ok']):>7} {c['ligature_codepoints']:3} {c['footer_page_x_of_y']:8}")
PY

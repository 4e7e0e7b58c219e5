#!/usr/bin/env bash
# The whole test suite: vet, every package's tests (unit, storage conformance
# on SQLite and embedded FerretDB, end-to-end, browser), then a short run of
# every fuzz target. FUZZTIME=0 skips fuzzing; FUZZTIME=5m fuzzes longer.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
fuzztime="${FUZZTIME:-8s}"

echo "== go vet"
go vet ./...
echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt needed:"; echo "$unformatted"; exit 1; fi

echo "== go test"
go test -count=1 -timeout 20m ./...

if [ "$fuzztime" != "0" ]; then
  echo "== fuzz ($fuzztime per target)"
  for pkg in $(go list ./...); do
    for target in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
      echo "-- $pkg $target"
      go test -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" "$pkg" >/tmp/civicpact-fuzz.log 2>&1 || { cat /tmp/civicpact-fuzz.log; exit 1; }
    done
  done
fi
echo "all tests passed"

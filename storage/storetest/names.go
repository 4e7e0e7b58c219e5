package storetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// oddStreams are names an adapter must either refuse with apperr.Invalid or
// store literally: operator- and pattern-looking names, SQL, NUL and other
// control bytes, invalid UTF-8, very long names.
var oddStreams = []string{
	"a", "ab", "$where", "$gt", ".*", "a.*", "^a", "{\"$ne\":null}", "a'b\"; DROP TABLE records;--",
	"a\x00b", "a\nb", "a\x7fb", "\xff\xfe", "a\U0010FFFF", "日本/契約", " a ", strings.Repeat("s", 300),
}

// testStreamNames checks that odd stream names are either refused as
// Invalid (with nothing stored) or kept exactly, never colliding with,
// matching or leaking into other streams. The empty name is always Invalid.
func testStreamNames(t *testing.T, l records.Log) {
	empty := mustNext(t, records.Record{}, "", 0, "x")
	checkKind(t, "Append to the empty stream", l.Append(mustCtx(t), empty), apperr.Invalid)
	stored := make(map[string]records.Record)
	for i, s := range oddStreams {
		r := mustNext(t, records.Record{}, s, i, map[string]string{"stream": s})
		err := l.Append(mustCtx(t), r)
		if err != nil {
			checkKind(t, "Append to stream "+quote(s), err, apperr.Invalid)
			continue
		}
		stored[s] = r
	}
	t.Logf("accepted %d of %d odd stream names", len(stored), len(oddStreams))
	for s, r := range stored {
		checkSame(t, "Read "+quote(s), []records.Record{r}, mustRead(t, l, s, 0))
		checkPrefixScan(t, l, s, stored)
	}
	if got := mustScan(t, l, records.Query{}); len(got) != len(stored) {
		t.Errorf("Scan all returned %d records, want the %d accepted", len(got), len(stored))
	}
}

// checkPrefixScan checks that scanning by prefix p (unless refused as
// Invalid) yields exactly the stored streams that start with p.
func checkPrefixScan(t *testing.T, l records.Log, p string, stored map[string]records.Record) {
	t.Helper()
	var want, got []records.Record
	for s, r := range stored {
		if strings.HasPrefix(s, p) {
			want = append(want, r)
		}
	}
	sortRecords(want)
	err := l.Scan(mustCtx(t), records.Query{Prefix: p}, func(r records.Record) error {
		got = append(got, r)
		return nil
	})
	if err != nil {
		checkKind(t, "Scan prefix "+quote(p), err, apperr.Invalid)
		return
	}
	checkSame(t, "Scan prefix "+quote(p), want, got)
}

// quote prints a stream name for a message, cut short when long.
func quote(s string) string {
	if len(s) > 40 {
		s = s[:40]
	}
	return fmt.Sprintf("%q", s)
}

package storetest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// oddStreams are names that look like query operators, patterns, SQL,
// or carry bytes a naive adapter mishandles. records.CheckStream decides
// which are valid; an adapter must refuse the rest with apperr.Invalid
// before they reach the database, and store the valid ones literally.
var oddStreams = []string{
	"a", "ab", "a.", "a..", "a-", "a:b", "a_", "a__", ".", "..", "-", "A", "a/b",
	strings.Repeat("s", records.MaxStreamName), strings.Repeat("s", records.MaxStreamName+1),
	"", "$where", "$gt", ".*", "a.*", "^a", "a%", "a%b", "a[b]", "{\"$ne\":null}", "a'b\";--",
	"a\x00b", "a\nb", "a\x7fb", "\xff\xfe", "a\U0010FFFF", "日本/契約", "été", " a", "a b",
}

// testStreamNames checks that every operation refuses an invalid stream
// name with Invalid, and that valid names, however odd, are stored exactly
// and never collide with, match or leak into other streams.
func testStreamNames(t *testing.T, l records.Log) {
	stored := make(map[string]records.Record)
	for i, s := range oddStreams {
		r := mustNext(t, records.Record{}, s, i, map[string]string{"stream": s})
		err := l.Append(mustCtx(t), r)
		if records.CheckStream(s) != nil {
			checkInvalidName(t, l, s, err)
			continue
		}
		if err != nil {
			t.Fatalf("Append to valid stream %s: %v", quote(s), err)
		}
		stored[s] = r
	}
	for s, r := range stored {
		checkSame(t, "Read "+quote(s), []records.Record{r}, mustRead(t, l, s, 0))
		var want []records.Record
		for s2, r2 := range stored {
			if strings.HasPrefix(s2, s) {
				want = append(want, r2)
			}
		}
		sortRecords(want)
		checkSame(t, "Scan prefix "+quote(s), want, mustScan(t, l, records.Query{Prefix: s}))
	}
	if got := mustScan(t, l, records.Query{}); len(got) != len(stored) {
		t.Errorf("Scan all returned %d records, want the %d valid ones", len(got), len(stored))
	}
}

// checkInvalidName checks that Append (whose error is appendErr), Read,
// Last and Scan all refuse the invalid name s as Invalid.
func checkInvalidName(t *testing.T, l records.Log, s string, appendErr error) {
	t.Helper()
	checkKind(t, "Append to invalid stream "+quote(s), appendErr, apperr.Invalid)
	_, err := l.Read(mustCtx(t), s, 0)
	checkKind(t, "Read of invalid stream "+quote(s), err, apperr.Invalid)
	_, err = l.Last(mustCtx(t), s)
	checkKind(t, "Last of invalid stream "+quote(s), err, apperr.Invalid)
	if s == "" {
		return // the empty prefix is valid: it selects everything
	}
	err = l.Scan(mustCtx(t), records.Query{Prefix: s}, func(records.Record) error { return nil })
	checkKind(t, "Scan of invalid prefix "+quote(s), err, apperr.Invalid)
}

// quote prints a stream name for a message, cut short when long.
func quote(s string) string {
	if len(s) > 40 {
		s = s[:40]
	}
	return fmt.Sprintf("%q", s)
}

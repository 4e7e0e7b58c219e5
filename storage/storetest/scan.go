package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/records"
)

// testReadFromSeq checks Read's order (numeric, so 10 follows 9) and its
// fromSeq bound.
func testReadFromSeq(t *testing.T, l records.Log) {
	const stream = "contract/read"
	all := mustAppendChain(t, l, stream, 11)
	mustAppendChain(t, l, "contract/read2", 2)
	tests := []struct {
		from int64
		want []records.Record
	}{
		{0, all}, {1, all}, {3, all[2:]}, {10, all[9:]}, {11, all[10:]}, {12, nil},
	}
	for _, tt := range tests {
		checkSame(t, fmt.Sprintf("Read from %d", tt.from), tt.want, mustRead(t, l, stream, tt.from))
	}
}

// prefixStreams are valid stream names whose prefixes trip naive
// implementations: SQL LIKE's '_' wildcard and case folding, regex '.',
// names that extend other names, and bytes that sort around '/'.
var prefixStreams = []string{
	"audit", "clause/x", "contract/a", "contract/ab", "contract/a-b", "contract/a/b", "contract/a.b",
	"contract/A", "contract/b", "contractor/x", "contract:x", "a_b/1", "axb/1", "aXb/1", "a.b", "azb",
	"z", "zz", "Z",
}

// testScanPrefix checks that a prefix selects exactly the streams that start
// with it, byte for byte.
func testScanPrefix(t *testing.T, l records.Log) {
	var all []records.Record
	for _, s := range prefixStreams {
		all = append(all, mustAppendChain(t, l, s, 2)...)
	}
	sortRecords(all)
	for _, p := range []string{"", "contract/", "contract", "contract/a", "contract/ab", "contract/A", "a_b/", "a_", "a.", "z", "Z", "nothing"} {
		var want []records.Record
		for _, r := range all {
			if strings.HasPrefix(r.Stream, p) {
				want = append(want, r)
			}
		}
		checkSame(t, "Scan prefix "+p, want, mustScan(t, l, records.Query{Prefix: p}))
	}
	for _, s := range []string{"contract/a", "a_b/1", "a.b"} {
		want := slices.DeleteFunc(slices.Clone(all), func(r records.Record) bool { return r.Stream != s })
		checkSame(t, "Read "+s, want, mustRead(t, l, s, 0))
	}
}

// testScanSeq checks the Seq filter together with a prefix.
func testScanSeq(t *testing.T, l records.Log) {
	a := mustAppendChain(t, l, "contract/a", 3)
	mustAppendChain(t, l, "contract/b", 1)
	c := mustAppendChain(t, l, "contract/c", 2)
	x := mustAppendChain(t, l, "template/x", 2)
	checkSame(t, "Scan seq 2 of contract/", []records.Record{a[1], c[1]}, mustScan(t, l, records.Query{Prefix: "contract/", Seq: 2}))
	checkSame(t, "Scan seq 2 of all", []records.Record{a[1], c[1], x[1]}, mustScan(t, l, records.Query{Seq: 2}))
	checkSame(t, "Scan seq 3", a[2:], mustScan(t, l, records.Query{Seq: 3}))
	checkSame(t, "Scan seq 4", nil, mustScan(t, l, records.Query{Seq: 4}))
}

// testScanOrder appends to several streams interleaved and checks that Scan
// returns (stream, seq) order: streams by bytes, seq numerically.
func testScanOrder(t *testing.T, l records.Log) {
	streams := []string{"contract/b", "contract/a", "contract/Z", "contract/_", "contract/a-b", "contract/a/b", "contract/a.b", "contract/0"}
	heads := make(map[string]records.Record)
	var all []records.Record
	for i := range 12 {
		for j, s := range streams {
			if (i+j)%3 == 0 && i > 0 {
				continue // uneven lengths
			}
			r := mustNext(t, heads[s], s, i*10+j, map[string]int{"i": i, "j": j})
			mustAppend(t, l, r)
			heads[s] = r
			all = append(all, r)
		}
	}
	sortRecords(all)
	checkSame(t, "Scan all", all, mustScan(t, l, records.Query{}))
}

// testScanStops checks that Scan stops at fn's first error and returns it.
func testScanStops(t *testing.T, l records.Log) {
	mustAppendChain(t, l, "contract/a", 3)
	mustAppendChain(t, l, "contract/b", 3)
	stop := errors.New("enough")
	calls := 0
	err := l.Scan(mustCtx(t), records.Query{Prefix: "contract/"}, func(records.Record) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 {
		t.Errorf("Scan with fn failing on call 2: err %v after %d calls, want %v after 2", err, calls, stop)
	}
}

// sortRecords sorts by (stream, seq), streams compared as bytes.
func sortRecords(rs []records.Record) {
	slices.SortStableFunc(rs, func(a, b records.Record) int {
		if c := strings.Compare(a.Stream, b.Stream); c != 0 {
			return c
		}
		return int(a.Seq - b.Seq)
	})
}

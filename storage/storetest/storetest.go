// Package storetest is the conformance suite every records.Log adapter must
// pass. An adapter's test calls Run with a function that opens a fresh,
// empty Log; the suite exercises the contract documented on records.Log,
// including the race that the unique (stream, seq) key must decide.
package storetest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// opTimeout bounds every store call the suite makes, so a hung adapter fails
// a subtest instead of the whole binary.
const opTimeout = 60 * time.Second

// epoch is the suite's fixed clock origin; record i of a test is stamped
// epoch + i ms plus a sub-millisecond part the store must drop.
var epoch = time.Date(2025, 3, 14, 15, 9, 26, 535_897_932, time.UTC)

// Run runs the conformance suite. open must return a new, empty Log each
// time it is called; Run closes every Log it opens and fails the subtest
// when Close returns an error.
func Run(t *testing.T, open func(t *testing.T) records.Log) {
	tests := []struct {
		name string
		fn   func(t *testing.T, l records.Log)
	}{
		{"RoundTrip", testRoundTrip},
		{"LastEmpty", testLastEmpty},
		{"DuplicateConflicts", testDuplicateConflicts},
		{"ReadFromSeq", testReadFromSeq},
		{"ScanPrefix", testScanPrefix},
		{"ScanSeq", testScanSeq},
		{"ScanOrder", testScanOrder},
		{"ScanStops", testScanStops},
		{"StreamNames", testStreamNames},
		{"LargeBody", testLargeBody},
		{"TooLarge", testTooLarge},
		{"CanceledContext", testCanceledContext},
		{"ConcurrentWriters", testConcurrentWriters},
		{"Ping", testPing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := open(t)
			t.Cleanup(func() {
				if err := l.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, l)
		})
	}
}

// mustCtx returns a context bounded by opTimeout that ends with the test.
func mustCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), opTimeout)
	t.Cleanup(cancel)
	return ctx
}

// mustNext builds the record after prev in stream, stamped i ms after epoch.
func mustNext(t *testing.T, prev records.Record, stream string, i int, body any) records.Record {
	t.Helper()
	r, err := records.Next(prev, stream, epoch.Add(time.Duration(i)*time.Millisecond), body)
	if err != nil {
		t.Fatalf("records.Next(%q): %v", stream, err)
	}
	return r
}

// mustAppendChain appends n records to stream and returns them.
func mustAppendChain(t *testing.T, l records.Log, stream string, n int) []records.Record {
	t.Helper()
	var out []records.Record
	prev := records.Record{}
	for i := range n {
		r := mustNext(t, prev, stream, i, map[string]any{"stream": stream, "i": i})
		mustAppend(t, l, r)
		out = append(out, r)
		prev = r
	}
	return out
}

func mustAppend(t *testing.T, l records.Log, r records.Record) {
	t.Helper()
	if err := l.Append(mustCtx(t), r); err != nil {
		t.Fatalf("Append(%s#%d): %v", r.Stream, r.Seq, err)
	}
}

func mustRead(t *testing.T, l records.Log, stream string, fromSeq int64) []records.Record {
	t.Helper()
	got, err := l.Read(mustCtx(t), stream, fromSeq)
	if err != nil {
		t.Fatalf("Read(%q, %d): %v", stream, fromSeq, err)
	}
	return got
}

// mustScan collects what Scan yields for q.
func mustScan(t *testing.T, l records.Log, q records.Query) []records.Record {
	t.Helper()
	var got []records.Record
	err := l.Scan(mustCtx(t), q, func(r records.Record) error {
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Scan(%+v): %v", q, err)
	}
	return got
}

// checkSame fails the test unless got holds exactly want, in order, field
// for field (At compared as an instant and required to be in UTC).
func checkSame(t *testing.T, what string, want, got []records.Record) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d records %v, want %d %v", what, len(got), keys(got), len(want), keys(want))
	}
	for i := range want {
		if d := recordDiff(want[i], got[i]); d != "" {
			t.Errorf("%s: record %d (-want +got):\n%s", what, i, d)
		}
	}
}

// recordDiff describes every field where got differs from want.
func recordDiff(want, got records.Record) string {
	var b strings.Builder
	field := func(name string, w, g any) {
		fmt.Fprintf(&b, "  %s: -%v +%v\n", name, w, g)
	}
	if got.Stream != want.Stream {
		field("Stream", fmt.Sprintf("%q", want.Stream), fmt.Sprintf("%q", got.Stream))
	}
	if got.Seq != want.Seq {
		field("Seq", want.Seq, got.Seq)
	}
	if !got.At.Equal(want.At) || got.At.Location() != time.UTC {
		field("At", want.At.Format(time.RFC3339Nano), got.At.Format(time.RFC3339Nano)+" "+got.At.Location().String())
	}
	if !bytes.Equal(got.Body, want.Body) {
		field("Body", abbrev(want.Body), abbrev(got.Body))
	}
	if got.Prev != want.Prev {
		field("Prev", want.Prev, got.Prev)
	}
	if got.Hash != want.Hash {
		field("Hash", want.Hash, got.Hash)
	}
	return b.String()
}

func abbrev(b []byte) string {
	if len(b) > 80 {
		return fmt.Sprintf("%q… (%d bytes)", b[:80], len(b))
	}
	return fmt.Sprintf("%q", b)
}

// keys lists records as stream#seq, for failure messages.
func keys(rs []records.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s#%d", r.Stream, r.Seq)
	}
	return out
}

// checkKind fails the test unless err has kind k.
func checkKind(t *testing.T, what string, err error, k apperr.Kind) {
	t.Helper()
	if !apperr.Is(err, k) {
		t.Fatalf("%s: got error %v (kind %v), want kind %v", what, err, apperr.KindOf(err), k)
	}
}

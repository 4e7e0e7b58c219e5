package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// testRoundTrip checks that what Append stores, Read and Last return
// unchanged: body bytes (whitespace, key order, escapes and operator-like
// keys included), At at millisecond precision in UTC, Prev and Hash.
func testRoundTrip(t *testing.T, l records.Log) {
	const stream = "contract/ctr_roundtrip"
	first := mustNext(t, records.Record{}, stream, 0, map[string]any{"title": "Smart poles"})
	// The second record is built by hand: an At outside UTC must come back
	// as the same instant in UTC, and the body's bytes must not be
	// normalised (spacing, key order, escapes, operator-like keys).
	second := records.Record{Stream: stream, Seq: 2, Prev: first.Hash}
	second.At = epoch.Add(1500 * time.Millisecond).Truncate(time.Millisecond).In(time.FixedZone("EST", -5*3600))
	second.Body = []byte(` {"z":1, "a":"\u00e9t\u00e9 \"q\"", "$gt":{"$where":"1"}, "k.x":[null,true,1.50]} `)
	second.Hash = second.ComputeHash()
	mustAppend(t, l, first)
	mustAppend(t, l, second)
	want := []records.Record{first, second}
	checkSame(t, "Read", want, mustRead(t, l, stream, 0))
	last, err := l.Last(mustCtx(t), stream)
	if err != nil {
		t.Fatalf("Last: %v", err)
	}
	checkSame(t, "Last", want[1:], []records.Record{last})
	if b := records.Verify(mustRead(t, l, stream, 1)); b != nil {
		t.Errorf("Verify after round trip: %+v", b)
	}
}

// testLastEmpty checks that an empty stream has no last record and reads
// as no records, even when a stream with a longer name exists.
func testLastEmpty(t *testing.T, l records.Log) {
	mustAppendChain(t, l, "contract/ab", 1)
	_, err := l.Last(mustCtx(t), "contract/a")
	checkKind(t, "Last on an empty stream", err, apperr.NotFound)
	if got := mustRead(t, l, "contract/a", 0); len(got) != 0 {
		t.Errorf("Read of an empty stream returned %v", keys(got))
	}
}

// testDuplicateConflicts checks that a second record with an existing
// (stream, seq) fails with Conflict and leaves the original as it was.
func testDuplicateConflicts(t *testing.T, l records.Log) {
	const stream = "clause/SCL-IP-01"
	orig := mustAppendChain(t, l, stream, 2)
	for _, seq := range []int64{1, 2} {
		prev := records.Record{}
		if seq == 2 {
			prev = orig[0]
		}
		dup := mustNext(t, prev, stream, 99, map[string]string{"overwrite": "attempt"})
		checkKind(t, "Append of a duplicate", l.Append(mustCtx(t), dup), apperr.Conflict)
	}
	checkSame(t, "Read after conflicts", orig, mustRead(t, l, stream, 0))
	other := mustAppendChain(t, l, "clause/SCL-IP-02", 1)
	checkSame(t, "same seq in another stream", other, mustRead(t, l, "clause/SCL-IP-02", 0))
}

// testLargeBody round-trips a body just under records.MaxBody.
func testLargeBody(t *testing.T, l records.Log) {
	const stream = "contract/large"
	text := strings.Repeat("Ab9 ", (records.MaxBody-64)/4)
	r := mustNext(t, records.Record{}, stream, 0, map[string]string{"text": text})
	if len(r.Body) > records.MaxBody || len(r.Body) < records.MaxBody-128 {
		t.Fatalf("test body is %d bytes, want just under %d", len(r.Body), records.MaxBody)
	}
	mustAppend(t, l, r)
	checkSame(t, "Read of a large record", []records.Record{r}, mustRead(t, l, stream, 1))
}

// testTooLarge checks that the adapter itself refuses a body over
// records.MaxBody (a caller may build a Record without records.Next).
func testTooLarge(t *testing.T, l records.Log) {
	const stream = "contract/too-large"
	r := records.Record{Stream: stream, Seq: 1, At: epoch.Truncate(time.Millisecond)}
	r.Body = []byte(`"` + strings.Repeat("x", records.MaxBody-1) + `"`)
	r.Hash = r.ComputeHash()
	checkKind(t, "Append over MaxBody", l.Append(mustCtx(t), r), apperr.TooLarge)
	_, err := l.Last(mustCtx(t), stream)
	checkKind(t, "Last after a refused append", err, apperr.NotFound)
}

// testCanceledContext checks that an Append under a canceled context fails
// and stores nothing.
func testCanceledContext(t *testing.T, l records.Log) {
	const stream = "contract/canceled"
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	r := mustNext(t, records.Record{}, stream, 0, "late")
	if err := l.Append(ctx, r); err == nil {
		t.Fatal("Append under a canceled context succeeded")
	}
	_, err := l.Last(mustCtx(t), stream)
	checkKind(t, "Last after a canceled append", err, apperr.NotFound)
}

// testPing checks that a freshly opened store is ready.
func testPing(t *testing.T, l records.Log) {
	if err := l.Ping(mustCtx(t)); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}

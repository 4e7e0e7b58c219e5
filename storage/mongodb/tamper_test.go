package mongodb

import (
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/civicpact/civicpact/internal/ferrettest"
	"github.com/civicpact/civicpact/records"
)

// TestTamperDetected edits a stored record behind the adapter's back with a
// raw driver update and checks that records.Verify over Read names it.
func TestTamperDetected(t *testing.T) {
	uri, _ := ferrettest.Start(t)
	tests := []struct {
		name       string
		edit       func(r records.Record) bson.D // the $set applied to record 2
		wantSeq    int64
		wantReason string
	}{
		{"body edited", func(records.Record) bson.D {
			return bson.D{{Key: "body", Value: []byte(`{"cap_multiple":10}`)}}
		}, 2, "content does not match its hash (edited after it was written)"},
		{"body and hash rewritten", func(r records.Record) bson.D {
			r.Body = []byte(`{"cap_multiple":10}`)
			return bson.D{{Key: "body", Value: r.Body}, {Key: "hash", Value: r.ComputeHash()}}
		}, 3, "previous-hash link does not match the record before it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := mustOpen(t, uri)
			defer func() { _ = l.Close() }()
			chain := mustChain(t, l, "contract/tamper", 3)
			filter := bson.D{{Key: "stream", Value: "contract/tamper"}, {Key: "seq", Value: int64(2)}}
			res, err := l.coll.UpdateOne(t.Context(), filter, bson.D{{Key: "$set", Value: tt.edit(chain[1])}})
			if err != nil || res.ModifiedCount != 1 {
				t.Fatalf("raw update: %+v, %v", res, err)
			}
			got, err := l.Read(t.Context(), "contract/tamper", 1)
			if err != nil {
				t.Fatal(err)
			}
			b := records.Verify(got)
			if b == nil || b.Seq != tt.wantSeq || b.Reason != tt.wantReason {
				t.Errorf("Verify = %+v, want seq %d: %s", b, tt.wantSeq, tt.wantReason)
			}
		})
	}
}

// mustChain appends n valid records to stream.
func mustChain(t *testing.T, l *Log, stream string, n int) []records.Record {
	t.Helper()
	var out []records.Record
	prev := records.Record{}
	for i := range n {
		r, err := records.Next(prev, stream, time.UnixMilli(1e12+int64(i)), map[string]int{"cap_multiple": i + 1})
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Append(t.Context(), r); err != nil {
			t.Fatalf("Append %s#%d: %v", stream, r.Seq, err)
		}
		out = append(out, r)
		prev = r
	}
	return out
}

package mongodb

import (
	"bytes"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/civicpact/civicpact/internal/ferrettest"
)

// TestBodyStoredOpaque checks the stored shape: the body is BSON binary
// holding the JSON bytes verbatim, so a user's "$gt" or "a.b" key never
// becomes a field name or an operator, and at is a BSON date.
func TestBodyStoredOpaque(t *testing.T) {
	uri, _ := ferrettest.Start(t)
	l := mustOpen(t, uri)
	defer func() { _ = l.Close() }()
	r := mustChain(t, l, "contract/shape", 1)[0]
	r.Seq, r.Prev = 2, r.Hash
	r.Body = []byte(`{"$gt":"", "a.b":{"$where":"sleep(1)"}}`)
	r.Hash = r.ComputeHash()
	if err := l.Append(t.Context(), r); err != nil {
		t.Fatal(err)
	}
	var raw bson.M
	err := l.coll.FindOne(t.Context(), bson.D{{Key: "stream", Value: r.Stream}, {Key: "seq", Value: int64(2)}}).Decode(&raw)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := raw["body"].(bson.Binary)
	if !ok || !bytes.Equal(body.Data, r.Body) {
		t.Errorf("stored body = %T %v, want binary %q", raw["body"], raw["body"], r.Body)
	}
	if _, ok := raw["at"].(bson.DateTime); !ok {
		t.Errorf("stored at = %T, want a BSON date", raw["at"])
	}
}

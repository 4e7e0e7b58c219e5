package server_test

import (
	"bytes"
	"context"
	"database/sql"
	"strings"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	_ "modernc.org/sqlite" // the raw driver, to edit the database behind the adapter's back

	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/internal/ferrettest"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/mongodb"
)

// rawEdit overwrites a stored record's body (and, if hash is not empty, its
// hash) directly in the database, as an attacker with database access would.
type rawEdit func(t *testing.T, stream string, seq int64, body []byte, hash string)

// adapter opens a fresh store and the raw editor of its database.
type adapter struct {
	name string
	open func(t *testing.T) (records.Log, rawEdit)
}

func tamperAdapters() []adapter {
	return []adapter{{"sqlite", openSQLiteRaw}, {"mongodb", openMongoRaw}}
}

func openSQLiteRaw(t *testing.T) (records.Log, rawEdit) {
	store := testenv.MustSQLite(t)
	db, err := sql.Open("sqlite", "file:"+store.(interface{ Path() string }).Path()+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return store, func(t *testing.T, stream string, seq int64, body []byte, hash string) {
		t.Helper()
		res, err := db.Exec(`UPDATE records SET body = ?, hash = COALESCE(NULLIF(?, ''), hash) WHERE stream = ? AND seq = ?`, body, hash, stream, seq)
		if n, _ := res.RowsAffected(); err != nil || n != 1 {
			t.Fatalf("raw UPDATE of %s#%d: %d rows, %v", stream, seq, n, err)
		}
	}
}

func openMongoRaw(t *testing.T) (records.Log, rawEdit) {
	uri, _ := ferrettest.Start(t)
	store, err := mongodb.Open(context.Background(), uri, "civicpact", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	client, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = client.Disconnect(context.Background()) })
	coll := client.Database("civicpact").Collection("records")
	return store, func(t *testing.T, stream string, seq int64, body []byte, hash string) {
		t.Helper()
		set := bson.D{{Key: "body", Value: body}}
		if hash != "" {
			set = append(set, bson.E{Key: "hash", Value: hash})
		}
		filter := bson.D{{Key: "stream", Value: stream}, {Key: "seq", Value: seq}}
		res, err := coll.UpdateOne(context.Background(), filter, bson.D{{Key: "$set", Value: set}})
		if err != nil || res.ModifiedCount != 1 {
			t.Fatalf("raw update of %s#%d: %+v, %v", stream, seq, res, err)
		}
	}
}

// tamperCase edits one record and names the record verification must
// point at.
type tamperCase struct {
	name     string
	stream   func(f fixture) string
	seq      int64
	old, new string // the edit to the stored body
	rehash   bool   // also store the edited record's correct hash
	wantSeq  int64
	reason   string
	contract bool // the contract's own verification breaks too
}

func tamperCases() []tamperCase {
	contract := func(f fixture) string { return "contract/" + f.contract }
	trail := func(fixture) string { return audit.Stream }
	return []tamperCase{
		{"redline rationale edited", contract, 3, "Weather delays.", "Any delays at all.", false, 3, "content does not match", true},
		{"opening actor rewritten with its hash", contract, 2, `"name":"legal"`, `"name":"admin"`, true, 3, "previous-hash link", true},
		{"audit entry edited", trail, 1, "/comments", "/signoffs", false, 1, "content does not match", false},
	}
}

// TestTamperDetected edits a stored record directly in the database, on
// both storage adapters, and checks that GET /api/v1/audit/verify and the
// contract's audit/verify name that record.
func TestTamperDetected(t *testing.T) {
	for _, a := range tamperAdapters() {
		for _, tc := range tamperCases() {
			t.Run(a.name+"/"+tc.name, func(t *testing.T) {
				store, edit := a.open(t)
				e := mustEnvOver(t, store)
				f := mustFixture(e)
				if r := e.do("vendor", "POST", "/api/v1/contracts/"+f.contract+"/comments", map[string]any{"text": "See the site plan."}); r.Status != 201 {
					t.Fatalf("comment: %d %s", r.Status, r.Body)
				}
				mustVerify(t, e, "/api/v1/audit/verify", nil)
				stream := tc.stream(f)
				body, hash := mustEdited(t, e, stream, tc)
				edit(t, stream, tc.seq, body, hash)
				want := &records.Break{Stream: stream, Seq: tc.wantSeq, Reason: tc.reason}
				mustVerify(t, e, "/api/v1/audit/verify", want)
				if !tc.contract {
					want = nil
				}
				mustVerify(t, e, "/api/v1/contracts/"+f.contract+"/audit/verify", want)
			})
		}
	}
}

// mustEdited returns the edited body of the record and, when the case
// rehashes, the hash that matches it.
func mustEdited(t *testing.T, e *env, stream string, tc tamperCase) ([]byte, string) {
	t.Helper()
	recs, err := e.store.Read(context.Background(), stream, tc.seq)
	if err != nil || len(recs) == 0 {
		t.Fatalf("read %s#%d: %v", stream, tc.seq, err)
	}
	r := recs[0]
	if !bytes.Contains(r.Body, []byte(tc.old)) {
		t.Fatalf("%s#%d does not contain %q: %s", stream, tc.seq, tc.old, r.Body)
	}
	r.Body = bytes.Replace(r.Body, []byte(tc.old), []byte(tc.new), 1)
	if !tc.rehash {
		return r.Body, ""
	}
	return r.Body, r.ComputeHash()
}

// mustVerify calls a verification endpoint as admin and compares its first
// break with want (nil: the chain must verify).
func mustVerify(t *testing.T, e *env, path string, want *records.Break) {
	t.Helper()
	r := e.do("admin", "GET", path, nil)
	var got audit.Report
	mustDecode(t, r.Body, &got)
	switch {
	case r.Status != 200:
		t.Fatalf("%s: %d %s", path, r.Status, r.Body)
	case want == nil && (!got.OK || got.Break != nil):
		t.Errorf("%s: %+v, want ok", path, got)
	case want != nil && (got.OK || got.Break == nil || got.Break.Stream != want.Stream || got.Break.Seq != want.Seq || !strings.HasPrefix(got.Break.Reason, want.Reason)):
		t.Errorf("%s: %+v (break %+v), want a break at %s#%d: %s…", path, got, got.Break, want.Stream, want.Seq, want.Reason)
	}
}

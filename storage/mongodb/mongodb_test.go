package mongodb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"os"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/civicpact/civicpact/internal/ferrettest"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/storage/storetest"
)

// envMongoURI names a real MongoDB to run the suite against as well.
const envMongoURI = "CIVICPACT_TEST_MONGODB_URI"

func TestConformanceFerretDB(t *testing.T) {
	uri, _ := ferrettest.Start(t)
	storetest.Run(t, func(t *testing.T) records.Log { return mustOpen(t, uri) })
}

func TestConformanceMongoDB(t *testing.T) {
	uri := os.Getenv(envMongoURI)
	if uri == "" {
		t.Skipf("set %s to run the suite against a real MongoDB", envMongoURI)
	}
	storetest.Run(t, func(t *testing.T) records.Log { return mustOpen(t, uri) })
}

// mustOpen opens a Log on a fresh database at uri and drops the database
// when the test ends (after the suite has closed the Log).
func mustOpen(t *testing.T, uri string) *Log {
	t.Helper()
	db := freshDBName(t)
	t.Cleanup(func() { dropDatabase(t, uri, db) })
	return mustOpenDB(t, uri, db)
}

// mustOpenDB opens a Log on database db at uri.
func mustOpenDB(t *testing.T, uri, db string) *Log {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	l, err := Open(ctx, uri, db, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("Open(%s, %s): %v", uri, db, err)
	}
	return l
}

// freshDBName returns a database name no other test uses.
func freshDBName(t *testing.T) string {
	t.Helper()
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return "cptest_" + hex.EncodeToString(b)
}

// dropDatabase removes a test database with a client of its own, since the
// Log under test is closed by then. A server that is already gone is fine.
func dropDatabase(t *testing.T, uri, db string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		t.Errorf("drop %s: %v", db, err)
		return
	}
	defer func() { _ = c.Disconnect(ctx) }()
	_ = c.Database(db).Drop(ctx)
}

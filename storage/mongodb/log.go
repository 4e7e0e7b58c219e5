// Package mongodb stores civicpact's append-only records in MongoDB or a
// MongoDB-compatible server (FerretDB). It only moves bytes: one collection,
// one unique index on (stream, seq) that decides every write race, and no
// reliance on update atomicity or multi-document transactions.
package mongodb

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
	"go.mongodb.org/mongo-driver/v2/mongo/writeconcern"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// collectionName is the one collection the adapter uses.
const collectionName = "records"

// serverSelectionTimeout bounds how long an operation whose context has no
// deadline waits for a reachable server before failing as Unavailable.
const serverSelectionTimeout = 10 * time.Second

// closeTimeout bounds Close, which has no context of its own.
const closeTimeout = 10 * time.Second

// Log is a records.Log on a MongoDB collection. It is safe for concurrent
// use; the driver pools connections.
type Log struct {
	client *mongo.Client
	coll   *mongo.Collection
	logger *slog.Logger
}

var _ records.Log = (*Log)(nil)

// Open connects to the server at uri, uses database dbName, and ensures the
// unique (stream, seq) index exists. Writes are acknowledged with write
// concern majority and journaling. A nil logger discards messages. Open fails
// with apperr.Unavailable when the server cannot be reached before ctx ends.
func Open(ctx context.Context, uri, dbName string, logger *slog.Logger) (*Log, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	journal := true
	opts := options.Client().ApplyURI(uri).
		SetServerSelectionTimeout(serverSelectionTimeout).
		SetWriteConcern(&writeconcern.WriteConcern{W: "majority", Journal: &journal})
	client, err := mongo.Connect(opts)
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "mongodb connection settings are invalid")
	}
	l := &Log{client: client, coll: client.Database(dbName).Collection(collectionName), logger: logger}
	if err := l.ensureIndex(ctx); err != nil {
		_ = l.Close()
		return nil, err
	}
	logger.InfoContext(ctx, "mongodb record log open", "database", dbName)
	return l, nil
}

// ensureIndex creates the unique (stream, seq) index that decides races. It
// is idempotent: creating an identical index again is a no-op.
func (l *Log) ensureIndex(ctx context.Context) error {
	_, err := l.coll.Indexes().CreateOne(ctx, mongo.IndexModel{
		Keys:    bson.D{{Key: "stream", Value: 1}, {Key: "seq", Value: 1}},
		Options: options.Index().SetUnique(true).SetName("stream_seq_unique"),
	})
	if err != nil {
		return translate(ctx, err, "create the records index")
	}
	return nil
}

// Ping reports whether the server answers, for readiness checks.
func (l *Log) Ping(ctx context.Context) error {
	if err := l.client.Ping(ctx, readpref.Primary()); err != nil {
		return translate(ctx, err, "ping the database")
	}
	return nil
}

// Close disconnects from the server, waiting up to closeTimeout for
// in-flight operations.
func (l *Log) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	if err := l.client.Disconnect(ctx); err != nil {
		return fmt.Errorf("mongodb: close: %w", err)
	}
	return nil
}

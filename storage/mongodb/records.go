package mongodb

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// document is a record as stored. Body is BSON binary holding the JSON
// bytes verbatim, never a nested document, so keys a user typed (say
// "$gt") never become field names or operators, and the bytes come back
// identical for the hash chain.
type document struct {
	Stream string        `bson:"stream"`
	Seq    int64         `bson:"seq"`
	At     bson.DateTime `bson:"at"`
	Body   []byte        `bson:"body"`
	Prev   string        `bson:"prev"`
	Hash   string        `bson:"hash"`
}

func toDocument(r records.Record) document {
	return document{
		Stream: r.Stream, Seq: r.Seq, At: bson.NewDateTimeFromTime(r.At),
		Body: r.Body, Prev: r.Prev, Hash: r.Hash,
	}
}

func (d document) record() records.Record {
	return records.Record{
		Stream: d.Stream, Seq: d.Seq, At: time.UnixMilli(int64(d.At)).UTC(),
		Body: d.Body, Prev: d.Prev, Hash: d.Hash,
	}
}

// Append inserts r. The unique (stream, seq) index turns a second record
// with the same key into apperr.Conflict; nothing is ever overwritten.
func (l *Log) Append(ctx context.Context, r records.Record) error {
	if err := records.CheckRecord(r); err != nil {
		return err
	}
	if _, err := l.coll.InsertOne(ctx, toDocument(r)); err != nil {
		return translate(ctx, err, "append to "+r.Stream)
	}
	return nil
}

// Read returns stream's records with Seq >= fromSeq in order; an empty or
// unknown stream gives an empty slice.
func (l *Log) Read(ctx context.Context, stream string, fromSeq int64) ([]records.Record, error) {
	if err := records.CheckStream(stream); err != nil {
		return nil, err
	}
	filter := bson.D{{Key: "stream", Value: stream}, {Key: "seq", Value: bson.D{{Key: "$gte", Value: fromSeq}}}}
	var out []records.Record
	err := l.find(ctx, filter, bson.D{{Key: "seq", Value: 1}}, func(r records.Record) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// Last returns stream's record with the highest Seq, or apperr.NotFound.
func (l *Log) Last(ctx context.Context, stream string) (records.Record, error) {
	if err := records.CheckStream(stream); err != nil {
		return records.Record{}, err
	}
	opts := options.FindOne().SetSort(bson.D{{Key: "seq", Value: -1}})
	var d document
	err := l.coll.FindOne(ctx, bson.D{{Key: "stream", Value: stream}}, opts).Decode(&d)
	if err != nil {
		return records.Record{}, translate(ctx, err, "read the head of "+stream)
	}
	return d.record(), nil
}

// Scan calls fn for every record selected by q in (stream, seq) order and
// stops at fn's first error, which it returns unchanged.
func (l *Log) Scan(ctx context.Context, q records.Query, fn func(records.Record) error) error {
	if err := records.CheckPrefix(q.Prefix); err != nil {
		return err
	}
	if q.Seq < 0 {
		return apperr.New(apperr.Invalid, "query sequence %d is negative", q.Seq)
	}
	// A range on the stream, never a regex: with records.CheckStream's
	// alphabet, [Prefix, PrefixEnd(Prefix)) holds exactly the names that
	// start with Prefix.
	filter := bson.D{}
	if end := records.PrefixEnd(q.Prefix); end != "" {
		filter = append(filter, bson.E{Key: "stream", Value: bson.D{
			{Key: "$gte", Value: q.Prefix}, {Key: "$lt", Value: end},
		}})
	}
	if q.Seq != 0 {
		filter = append(filter, bson.E{Key: "seq", Value: q.Seq})
	}
	sort := bson.D{{Key: "stream", Value: 1}, {Key: "seq", Value: 1}}
	return l.find(ctx, filter, sort, fn)
}

// find streams the documents matching filter, in sort order, to fn.
func (l *Log) find(ctx context.Context, filter, sort bson.D, fn func(records.Record) error) error {
	cur, err := l.coll.Find(ctx, filter, options.Find().SetSort(sort))
	if err != nil {
		return translate(ctx, err, "read records")
	}
	defer func() { _ = cur.Close(ctx) }()
	for cur.Next(ctx) {
		var d document
		if err := cur.Decode(&d); err != nil {
			return apperr.Wrap(apperr.Internal, err, "a stored record is unreadable")
		}
		if err := fn(d.record()); err != nil {
			return err
		}
	}
	if err := cur.Err(); err != nil {
		return translate(ctx, err, "read records")
	}
	return nil
}

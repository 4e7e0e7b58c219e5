// Package records defines the append-only log that every civicpact store is
// built on, and the hash chain that makes it tamper-evident.
//
// Everything civicpact keeps is a record in a named stream: the versions of a
// clause ("clause/SCL-IP-01"), the events of a contract ("contract/ctr_…"),
// the global audit trail ("audit"). A record is never updated or deleted.
// Writers read a stream's last sequence number, validate against the state
// derived from the stream, and append Seq+1; a concurrent writer that read the
// same head loses on the store's unique (stream, seq) key and gets Conflict.
// That one rule gives no lost updates on SQLite, MongoDB and
// MongoDB-compatible servers alike, without multi-document transactions.
//
// Storage adapters (storage/sqlite, storage/mongodb) implement Log and only
// move bytes; the domain packages own the JSON inside Body.
package records

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/civicpact/civicpact/apperr"
)

// MaxBody is the largest body a record may carry. Real MongoDB rejects
// documents over 16 MiB and FerretDB does not, so the limit is enforced here,
// for every adapter, well below that.
const MaxBody = 8 << 20

// Record is one immutable entry of a stream.
type Record struct {
	Stream string          // the stream's name, e.g. "contract/ctr_01H…"
	Seq    int64           // 1, 2, 3 … without gaps
	At     time.Time       // when it was appended (injected clock, UTC, ms precision)
	Body   json.RawMessage // the domain's payload
	Prev   string          // hex SHA-256 of the previous record (empty for Seq 1)
	Hash   string          // hex SHA-256 over Prev, Stream, Seq, At and Body
}

// Query selects records for Scan.
type Query struct {
	Prefix string // streams whose name starts with Prefix ("" = all)
	Seq    int64  // only records with this Seq (0 = every record)
}

// Log is the storage contract. Implementations must:
//   - make Append fail with apperr.Conflict when (Stream, Seq) already
//     exists, decided by a unique key in the database, and never overwrite;
//   - acknowledge an Append only once the record is durable;
//   - return apperr.NotFound from Last for an empty stream;
//   - return apperr.Unavailable when the database cannot be reached;
//   - return records in (Stream, Seq) ascending order from Read and Scan.
type Log interface {
	Append(ctx context.Context, r Record) error
	Read(ctx context.Context, stream string, fromSeq int64) ([]Record, error)
	Last(ctx context.Context, stream string) (Record, error)
	Scan(ctx context.Context, q Query, fn func(Record) error) error
	Ping(ctx context.Context) error
	Close() error
}

// Next builds the record that follows prev (the zero Record for an empty
// stream) in stream, with its hash computed. body is the domain payload.
func Next(prev Record, stream string, at time.Time, body any) (Record, error) {
	raw, err := json.Marshal(body)
	if err != nil {
		return Record{}, apperr.Wrap(apperr.Internal, err, "encode record")
	}
	if len(raw) > MaxBody {
		return Record{}, apperr.New(apperr.TooLarge, "record of %d bytes is over the %d-byte limit", len(raw), MaxBody)
	}
	r := Record{Stream: stream, Seq: prev.Seq + 1, At: at.UTC().Truncate(time.Millisecond), Body: raw, Prev: prev.Hash}
	r.Hash = r.ComputeHash()
	return r, nil
}

// ComputeHash returns the hash the record should carry. The encoding is
// length-prefixed so no two different records hash the same input.
func (r Record) ComputeHash() string {
	h := sha256.New()
	var n [8]byte
	field := func(b []byte) {
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	field([]byte(r.Prev))
	field([]byte(r.Stream))
	binary.BigEndian.PutUint64(n[:], uint64(r.Seq))
	h.Write(n[:])
	binary.BigEndian.PutUint64(n[:], uint64(r.At.UnixMilli()))
	h.Write(n[:])
	field(r.Body)
	return hex.EncodeToString(h.Sum(nil))
}

// Break describes the first record of a stream whose chain does not verify.
type Break struct {
	Stream string `json:"stream"`
	Seq    int64  `json:"seq"`
	Reason string `json:"reason"`
}

// Verify recomputes the chain of one stream's records (in order from Seq 1)
// and returns the first break, or nil when every record matches.
func Verify(recs []Record) *Break {
	prev := Record{}
	for _, r := range recs {
		if b := CheckLink(prev, r); b != nil {
			return b
		}
		prev = r
	}
	return nil
}

// CheckLink checks r as the record that follows prev in its stream (the
// zero Record when r should be the first): its sequence number, its link to
// prev's hash and its own hash. It lets a caller verify a whole store while
// streaming it, one record at a time.
func CheckLink(prev, r Record) *Break {
	switch {
	case r.Seq != prev.Seq+1:
		return &Break{r.Stream, r.Seq, fmt.Sprintf("sequence gap: expected %d", prev.Seq+1)}
	case r.Prev != prev.Hash:
		return &Break{r.Stream, r.Seq, "previous-hash link does not match the record before it"}
	case r.ComputeHash() != r.Hash:
		return &Break{r.Stream, r.Seq, "content does not match its hash (edited after it was written)"}
	}
	return nil
}

// Decode unmarshals a record's body into v, reporting a corrupt body as
// Internal (the store holds something the program did not write).
func Decode(r Record, v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return apperr.Wrap(apperr.Internal, err, "stored record %s#%d is unreadable", r.Stream, r.Seq)
	}
	return nil
}

// Append builds the record that follows prev in stream and appends it. For a
// new stream pass the zero Record: a stream that already exists then answers
// Conflict, which is how unique names (usernames, clause keys) are claimed.
func Append(ctx context.Context, log Log, prev Record, stream string, at time.Time, body any) (Record, error) {
	r, err := Next(prev, stream, at, body)
	if err != nil {
		return Record{}, err
	}
	if err := log.Append(ctx, r); err != nil {
		return Record{}, err
	}
	return r, nil
}

// LastOrZero is Last that answers the zero Record for an empty stream.
func LastOrZero(ctx context.Context, log Log, stream string) (Record, error) {
	r, err := log.Last(ctx, stream)
	if apperr.Is(err, apperr.NotFound) {
		return Record{}, nil
	}
	return r, err
}

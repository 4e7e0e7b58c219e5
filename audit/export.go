package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"io"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// Line is one record of an export. Body holds the record's bytes as JSON
// when they are compact JSON (everything civicpact writes); any other bytes
// (a body edited in the database) go to BodyBytes, so every line keeps the
// exact bytes its hash was computed over.
type Line struct {
	Stream    string          `json:"stream"`
	Seq       int64           `json:"seq"`
	At        time.Time       `json:"at"`
	Body      json.RawMessage `json:"body,omitempty"`
	BodyBytes []byte          `json:"body_bytes,omitempty"`
	Prev      string          `json:"prev"`
	Hash      string          `json:"hash"`
}

// Digest is an export's final line. Digest is "sha256:" and the hex
// SHA-256 over every record's hex hash followed by a newline, in export
// order, so it can be recomputed with standard tools:
//
//	head -n -1 export.jsonl | jq -r .hash | sha256sum
//
// An operator keeps it outside the database: a store rewritten with
// consistent new hashes still verifies on its own, but no longer matches.
type Digest struct {
	Digest  string `json:"digest"`
	Records int    `json:"records"`
	Streams int    `json:"streams"`
	Report  Report `json:"verification"`
}

// digester accumulates the export digest.
type digester struct{ h hash.Hash }

func newDigester() digester { return digester{sha256.New()} }

func (d digester) add(recordHash string) { io.WriteString(d.h, recordHash+"\n") }

func (d digester) sum() string { return "sha256:" + hex.EncodeToString(d.h.Sum(nil)) }

// Export writes every record of log to w as JSON Lines in (stream, seq)
// order, then the Digest line, and returns the Digest. The chains are
// verified on the way; a break is reported in Digest.Report, and the
// records are exported as they are.
func Export(ctx context.Context, log records.Log, w io.Writer) (Digest, error) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	d, c := newDigester(), chain{}
	err := log.Scan(ctx, records.Query{}, func(r records.Record) error {
		c.add(r)
		d.add(r.Hash)
		if err := enc.Encode(lineOf(r)); err != nil {
			return apperr.Wrap(apperr.Unavailable, err, "write the export")
		}
		return nil
	})
	if err != nil {
		return Digest{}, err
	}
	rep := c.report()
	out := Digest{Digest: d.sum(), Records: rep.Records, Streams: rep.Streams, Report: rep}
	if err := enc.Encode(out); err != nil {
		return Digest{}, apperr.Wrap(apperr.Unavailable, err, "write the export")
	}
	return out, nil
}

func lineOf(r records.Record) Line {
	l := Line{Stream: r.Stream, Seq: r.Seq, At: r.At, Prev: r.Prev, Hash: r.Hash}
	var compact bytes.Buffer
	if json.Compact(&compact, r.Body) == nil && bytes.Equal(compact.Bytes(), r.Body) && len(r.Body) > 0 {
		l.Body = r.Body
	} else {
		l.BodyBytes = append([]byte{}, r.Body...)
	}
	return l
}

func (l Line) record() records.Record {
	body := []byte(l.Body)
	if l.BodyBytes != nil {
		body = l.BodyBytes
	}
	return records.Record{Stream: l.Stream, Seq: l.Seq, At: l.At.UTC(), Body: body, Prev: l.Prev, Hash: l.Hash}
}

package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// ExportCheck is what CheckExport found.
type ExportCheck struct {
	Records  int            `json:"records"`            // records in the export
	File     Report         `json:"file"`               // the export's own chains, recomputed
	Mismatch *records.Break `json:"mismatch,omitempty"` // first exported record the store no longer holds as exported
}

// OK reports whether the export is intact and the store still holds every
// exported record unchanged.
func (c ExportCheck) OK() bool { return c.File.OK && c.Mismatch == nil }

// CheckExport reads an export written by Export, checks its final digest
// and its chains, and checks that log still holds every exported record
// with the same hash (records appended since are fine). A file that is not
// an export, or whose digest does not match its lines, is Invalid.
func CheckExport(ctx context.Context, log records.Log, r io.Reader) (ExportCheck, error) {
	lines, err := readExport(r)
	if err != nil {
		return ExportCheck{}, err
	}
	c := chain{}
	want := make(map[string]string, len(lines))
	for _, l := range lines {
		c.add(l.record())
		want[key(l.Stream, l.Seq)] = l.Hash
	}
	out := ExportCheck{Records: len(lines), File: c.report()}
	err = log.Scan(ctx, records.Query{}, func(r records.Record) error {
		h, ok := want[key(r.Stream, r.Seq)]
		if ok && h != r.Hash && out.Mismatch == nil {
			out.Mismatch = &records.Break{Stream: r.Stream, Seq: r.Seq, Reason: "differs from the exported record"}
		}
		delete(want, key(r.Stream, r.Seq))
		return nil
	})
	for _, l := range lines {
		if _, gone := want[key(l.Stream, l.Seq)]; gone && out.Mismatch == nil {
			out.Mismatch = &records.Break{Stream: l.Stream, Seq: l.Seq, Reason: "exported but no longer in the store"}
		}
	}
	return out, err
}

func key(stream string, seq int64) string { return fmt.Sprintf("%s#%d", stream, seq) }

// readExport decodes an export's lines and checks them against its digest.
func readExport(r io.Reader) ([]Line, error) {
	dec := json.NewDecoder(r)
	var lines []Line
	d := newDigester()
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, apperr.Wrap(apperr.Invalid, err, "line %d of the export is not JSON", len(lines)+1)
		}
		var final Digest
		if json.Unmarshal(raw, &final) == nil && final.Digest != "" {
			if dec.More() {
				return nil, apperr.New(apperr.Invalid, "the export has lines after its digest")
			}
			if got := d.sum(); got != final.Digest || final.Records != len(lines) {
				return nil, apperr.New(apperr.Invalid, "the export's digest %s does not match its %d records (%s): the file was altered", final.Digest, len(lines), got)
			}
			return lines, nil
		}
		var l Line
		if err := json.Unmarshal(raw, &l); err != nil || l.Hash == "" {
			return nil, apperr.New(apperr.Invalid, "line %d of the export is not a record", len(lines)+1)
		}
		d.add(l.Hash)
		lines = append(lines, l)
	}
	return nil, apperr.New(apperr.Invalid, "the export has no final digest line: it was cut short")
}

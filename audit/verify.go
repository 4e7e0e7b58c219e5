package audit

import (
	"context"

	"github.com/civicpact/civicpact/records"
)

// Report is the result of recomputing hash chains.
type Report struct {
	OK      bool           `json:"ok"`
	Streams int            `json:"streams"`
	Records int            `json:"records"`
	Break   *records.Break `json:"first_break,omitempty"`
}

// chain verifies records one at a time, in (stream, seq) order, keeping
// only the previous record: a whole store is checked in constant memory.
type chain struct {
	rep  Report
	prev records.Record
}

func (c *chain) add(r records.Record) {
	if c.rep.Records == 0 || r.Stream != c.prev.Stream {
		c.rep.Streams++
		c.prev = records.Record{}
	}
	c.rep.Records++
	if c.rep.Break == nil {
		c.rep.Break = records.CheckLink(c.prev, r)
	}
	c.prev = r
}

func (c *chain) report() Report {
	c.rep.OK = c.rep.Break == nil
	return c.rep
}

// VerifyStore recomputes every stream's chain in log and names the first
// record (in stream order) that does not match. A broken chain is a
// finding in the Report, not an error; the error is the store's.
func VerifyStore(ctx context.Context, log records.Log) (Report, error) {
	var c chain
	err := log.Scan(ctx, records.Query{}, func(r records.Record) error {
		c.add(r)
		return nil
	})
	return c.report(), err
}

package records

import "context"

// ScanStreams scans the streams whose name starts with prefix and calls fn
// once per stream with all its records in order, streams in name order:
// how a library folds every one of its entries (clauses, templates).
func ScanStreams(ctx context.Context, log Log, prefix string, fn func([]Record) error) error {
	var cur []Record
	err := log.Scan(ctx, Query{Prefix: prefix}, func(r Record) error {
		if len(cur) > 0 && cur[0].Stream != r.Stream {
			if err := fn(cur); err != nil {
				return err
			}
			cur = nil
		}
		cur = append(cur, r)
		return nil
	})
	if err != nil || len(cur) == 0 {
		return err
	}
	return fn(cur)
}

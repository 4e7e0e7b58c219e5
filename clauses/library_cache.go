package clauses

import (
	"context"
	"sync"
	"time"
)

// ListTTL is how long List may answer from the in-process copy of the
// library. Writes through this Library drop the copy at once; another
// replica's writes (MongoDB mode) show in lists within ListTTL. Reads of
// one clause (Get, Version) always go to the store.
const ListTTL = 2 * time.Second

// listCache is a rebuildable copy of the whole library, with the text
// full-text search looks at already folded. It is derived data: dropping
// it costs one scan of the clause streams, never a fact.
type listCache struct {
	mu      sync.Mutex
	at      time.Time
	entries []indexed
}

// indexed is a clause with its folded search text per language ("" for
// both languages).
type indexed struct {
	Entry
	text map[Lang]string
}

// indexedEntries returns the library from the copy, rebuilding it when it
// is missing or older than ListTTL.
func (l *Library) indexedEntries(ctx context.Context) ([]indexed, error) {
	l.list.mu.Lock()
	defer l.list.mu.Unlock()
	now := l.Now()
	if l.list.entries != nil && now.Sub(l.list.at) < ListTTL && !now.Before(l.list.at) {
		return l.list.entries, nil
	}
	all, err := l.All(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]indexed, len(all))
	for i, e := range all {
		out[i] = indexed{Entry: e, text: map[Lang]string{
			"": foldText(searchable(e, "")), EN: foldText(searchable(e, EN)), FR: foldText(searchable(e, FR)),
		}}
	}
	l.list.entries, l.list.at = out, now
	return out, nil
}

// invalidate drops the copy after a write through this Library.
func (l *Library) invalidate() {
	l.list.mu.Lock()
	l.list.entries = nil
	l.list.mu.Unlock()
}

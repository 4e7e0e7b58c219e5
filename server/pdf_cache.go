package server

import (
	"container/list"
	"sync"
)

// pdfCache keeps recently rendered contract PDFs. A contract's PDF is a
// pure function of its revision and language (rendering is deterministic
// and library versions never change), so a cached copy is always the
// right bytes; the cache is per process and rebuildable, and bounded in
// both entries and bytes.
type pdfCache struct {
	mu       sync.Mutex
	order    *list.List // most recent first; values are *pdfEntry
	byKey    map[string]*list.Element
	bytes    int
	maxBytes int
}

type pdfEntry struct {
	key  string
	data []byte
}

func newPDFCache(maxBytes int) *pdfCache {
	return &pdfCache{order: list.New(), byKey: map[string]*list.Element{}, maxBytes: maxBytes}
}

// get returns the cached bytes for key.
func (c *pdfCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*pdfEntry).data, true
}

// put stores data under key, evicting the least recently used entries
// past the byte bound. A document larger than the bound is not kept.
func (c *pdfCache) put(key string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(data) > c.maxBytes {
		return
	}
	if el, ok := c.byKey[key]; ok {
		c.bytes -= len(el.Value.(*pdfEntry).data)
		c.order.Remove(el)
	}
	c.byKey[key] = c.order.PushFront(&pdfEntry{key: key, data: data})
	c.bytes += len(data)
	for c.bytes > c.maxBytes {
		last := c.order.Back()
		e := last.Value.(*pdfEntry)
		c.order.Remove(last)
		delete(c.byKey, e.key)
		c.bytes -= len(e.data)
	}
}

package negotiation

import (
	"sort"
	"strings"
)

// Conflict is a region of a three-way merge where both sides edited the
// same words differently. Base, Ours and Theirs are the three versions of
// the region; BaseOffset is where it starts in the base text and Offset
// where it starts in MergeResult.Text, which holds Ours there.
type Conflict struct {
	Base       string `json:"base"`
	Ours       string `json:"ours"`
	Theirs     string `json:"theirs"`
	BaseOffset int    `json:"base_offset"`
	Offset     int    `json:"offset"`
}

// MergeResult is the outcome of Merge3. Text is the merged text, with our
// version of each conflicting region; Clean is true when there is no
// conflict.
type MergeResult struct {
	Text      string     `json:"text"`
	Conflicts []Conflict `json:"conflicts,omitempty"`
	Clean     bool       `json:"clean"`
}

// Merge3 merges two redlines of the same clause, word by word: edits that
// touch different words of base both apply, an edit made identically on
// both sides applies once, and edits that overlap (or insert at the same
// place) differently are a Conflict. Merge3(base, base, theirs) is theirs
// and Merge3(base, ours, base) is ours, both clean.
func Merge3(base, ours, theirs string) MergeResult {
	edits := append(editsFrom(base, ours, false), editsFrom(base, theirs, true)...)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	var res MergeResult
	pos := 0
	for _, c := range clusterEdits(edits) {
		b.WriteString(base[pos:c.start])
		o, t := c.apply(base, false), c.apply(base, true)
		if o != t && c.twoSided() {
			res.Conflicts = append(res.Conflicts, Conflict{
				Base: base[c.start:c.end], Ours: o, Theirs: t, BaseOffset: c.start, Offset: b.Len(),
			})
		}
		if !c.twoSided() && c.edits[0].theirs {
			o = t
		}
		b.WriteString(o)
		pos = c.end
	}
	b.WriteString(base[pos:])
	res.Text = b.String()
	res.Clean = len(res.Conflicts) == 0
	return res
}

// edit replaces base[start:end] with text; theirs says which side made it.
type edit struct {
	start, end int
	text       string
	theirs     bool
}

// editsFrom lists the edits that turn base into other, at token
// granularity and without the readability cleanup, so that edits stay as
// small as possible and conflict only when they must.
func editsFrom(base, other string, theirs bool) []edit {
	if base == other {
		return nil
	}
	a, b := tokenize(base), tokenize(other)
	runs := normalizeScript(differ{timeout: defaultDiffTimeout}.tokenScript(a, b), a, b)
	var edits []edit
	i, j, off := 0, 0, 0
	for _, r := range runs {
		switch r.op {
		case OpEqual:
			n := tokenBytes(a[i:], r.n)
			i, j, off = i+r.n, j+r.n, off+n
		case OpDelete:
			n := tokenBytes(a[i:], r.n)
			edits = appendEdit(edits, edit{start: off, end: off + n, theirs: theirs})
			i, off = i+r.n, off+n
		case OpInsert:
			edits = appendEdit(edits, edit{start: off, end: off, text: strings.Join(b[j:j+r.n], ""), theirs: theirs})
			j += r.n
		}
	}
	return edits
}

// tokenBytes is the length in bytes of the first n tokens.
func tokenBytes(tokens []string, n int) int {
	size := 0
	for _, t := range tokens[:n] {
		size += len(t)
	}
	return size
}

// appendEdit appends e, joining it to the previous edit when they meet (a
// delete followed by the insert that replaces it).
func appendEdit(edits []edit, e edit) []edit {
	if last := len(edits) - 1; last >= 0 && edits[last].end == e.start {
		edits[last].end = e.end
		edits[last].text += e.text
		return edits
	}
	return append(edits, e)
}

// cluster is a group of edits, from one side or both, that must be decided
// together; it covers base[start:end].
type cluster struct {
	start, end int
	edits      []edit
}

// clusterEdits groups edits sorted by start: an edit joins the current
// cluster when it overlaps it, or when it starts where an edit of the other
// side in the cluster starts (two insertions at one place, or an insertion
// before a replaced word, have no natural order).
func clusterEdits(edits []edit) []cluster {
	var out []cluster
	for _, e := range edits {
		if n := len(out); n > 0 && out[n-1].joins(e) {
			c := &out[n-1]
			c.edits = append(c.edits, e)
			c.end = max(c.end, e.end)
			continue
		}
		out = append(out, cluster{start: e.start, end: e.end, edits: []edit{e}})
	}
	return out
}

// joins reports whether e must be decided together with the cluster.
func (c cluster) joins(e edit) bool {
	if e.start < c.end {
		return true
	}
	for _, x := range c.edits {
		if x.theirs != e.theirs && x.start == e.start {
			return true
		}
	}
	return false
}

// twoSided reports whether both sides edited within the cluster.
func (c cluster) twoSided() bool {
	for _, e := range c.edits[1:] {
		if e.theirs != c.edits[0].theirs {
			return true
		}
	}
	return false
}

// apply returns base[c.start:c.end] with one side's edits applied.
func (c cluster) apply(base string, theirs bool) string {
	var b strings.Builder
	pos := c.start
	for _, e := range c.edits {
		if e.theirs != theirs {
			continue
		}
		b.WriteString(base[pos:e.start])
		b.WriteString(e.text)
		pos = e.end
	}
	b.WriteString(base[pos:c.end])
	return b.String()
}

package docx

import (
	"strings"
	"time"
)

// Group is the paragraphs of one civicpact bookmark (a clause heading, a
// clause body, an article heading or the front matter), or, with Anchor
// empty, paragraphs outside every bookmark that follow the bookmark After.
//
// A paragraph belongs to the bookmark that starts in it, else to the
// innermost one still open. A paragraph outside every bookmark whose text
// is all tracked as inserted, or that has no text, belongs to the clause
// body before it: LibreOffice marks a new paragraph typed at a clause's end
// that way, outside the bookmark.
type Group struct {
	Anchor     string      `json:"anchor"`
	After      string      `json:"after,omitempty"`
	Paragraphs []Paragraph `json:"-"`
	// Original is the "reject all" text and Result the "accept all" text,
	// one line per paragraph.
	Original string   `json:"original"`
	Result   string   `json:"result"`
	Changes  []Change `json:"changes"`
	// FormatChanges, Comments and Tables count what an import reports
	// but does not take.
	FormatChanges int `json:"format_changes,omitempty"`
	Comments      int `json:"comments,omitempty"`
	Tables        int `json:"tables,omitempty"`
}

// Change is one tracked change as the file records it. Mark is set for a
// paragraph mark inserted or deleted (a split, merge, new or removed
// paragraph).
type Change struct {
	Kind   RevKind   `json:"kind"`
	Text   string    `json:"text"`
	Author string    `json:"author,omitempty"`
	Date   time.Time `json:"date,omitzero"`
	Mark   bool      `json:"mark,omitempty"`
}

// group assigns paragraphs to bookmarks.
func group(ps []Paragraph) []Group {
	var out []Group
	var open []string
	last := ""
	for _, p := range ps {
		anchor := ""
		if len(p.Starts) > 0 {
			anchor = p.Starts[0]
		} else if len(open) > 0 {
			anchor = open[len(open)-1]
		}
		open = append(open, p.Starts...)
		open = without(open, p.Ends)
		switch {
		case anchor != "":
			last = anchor
		case strings.HasPrefix(last, prefixBody) && (p.onlyInserted() || strings.TrimSpace(p.text(RevKind.inResult)+p.text(RevKind.inOriginal)) == ""):
			anchor = last
		}
		if n := len(out); n > 0 && out[n-1].Anchor == anchor && (anchor != "" || out[n-1].After == last) {
			out[n-1].Paragraphs = append(out[n-1].Paragraphs, p)
			continue
		}
		g := Group{Anchor: anchor, Paragraphs: []Paragraph{p}}
		if anchor == "" {
			g.After = last
		}
		out = append(out, g)
	}
	for i := range out {
		out[i].summarise()
	}
	return out
}

func without(xs, drop []string) []string {
	out := xs[:0]
	for _, x := range xs {
		keep := true
		for _, d := range drop {
			keep = keep && x != d
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

// summarise fills the views, the changes and the counts.
func (g *Group) summarise() {
	g.Original, g.Result = View(g.Paragraphs, false), View(g.Paragraphs, true)
	g.Changes = nil
	for _, p := range g.Paragraphs {
		joined := false
		for _, s := range p.Segments {
			g.addChange(Change{Kind: s.Rev.Kind, Text: s.Text, Author: s.Rev.Author, Date: s.Rev.Date}, joined)
			joined = s.Rev.Kind != RevNone
		}
		g.addChange(Change{Kind: p.Mark.Kind, Text: "¶", Author: p.Mark.Author, Date: p.Mark.Date, Mark: true}, false)
		g.FormatChanges += p.FormatChanges
		g.Comments += p.Comments
		if p.InTable {
			g.Tables++
		}
	}
}

// addChange appends a tracked change, merging it with the previous one
// when it directly follows it (joined) and kind, author and date agree: runs
// split only by formatting.
func (g *Group) addChange(c Change, joined bool) {
	if c.Kind == RevNone {
		return
	}
	if n := len(g.Changes); n > 0 && joined {
		p := &g.Changes[n-1]
		if p.Kind == c.Kind && p.Author == c.Author && p.Date.Equal(c.Date) {
			p.Text += c.Text
			return
		}
	}
	g.Changes = append(g.Changes, c)
}

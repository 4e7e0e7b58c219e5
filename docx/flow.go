package docx

import (
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// flow is a clause body as text: each block's text followed by "\n", with
// per-byte boldness and per-block level, so that a word diff of two flows
// can be mapped back onto formatted runs and paragraph marks.
type flow struct {
	text   []byte
	bold   []bool
	levels []int // one per block, in order
	marks  []int // byte offset of each block's "\n"
}

// clauseFlow parses clause markup and lays it out as the document shows it:
// defined terms bold, cross-references as the contract numbers them,
// unresolved variables and references in square brackets, French spacing
// as in the PDF.
func clauseFlow(markup string, c *templates.Contract, lang clauses.Lang) (*flow, error) {
	f := &flow{}
	if strings.TrimSpace(markup) == "" {
		return f, nil
	}
	doc, err := clauses.Parse(markup)
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "parse clause text")
	}
	for _, b := range resolveRefs(doc, c, lang).Blocks {
		for _, in := range b.Inlines {
			f.add(inlineText(in, lang), in.Kind == clauses.InlineTerm)
		}
		f.marks = append(f.marks, len(f.text))
		f.add("\n", false)
		f.levels = append(f.levels, b.Level)
	}
	return f, nil
}

// resolveRefs replaces cross-references with "section 7.2" / « article 7.2 ».
func resolveRefs(doc *clauses.Doc, c *templates.Contract, lang clauses.Lang) *clauses.Doc {
	refs := func(key string) (string, bool) { return c.RefLabel(key, lang) }
	out, _ := doc.Resolve(func(string) (string, bool) { return "", false }, refs)
	return out
}

// inlineText is the printed text of one resolved inline.
func inlineText(in clauses.Inline, lang clauses.Lang) string {
	switch in.Kind {
	case clauses.InlineVar, clauses.InlineRef:
		return "[" + in.Name + "]"
	}
	return clauses.Typeset(in.Text, lang)
}

func (f *flow) add(s string, bold bool) {
	f.text = append(f.text, s...)
	for range len(s) {
		f.bold = append(f.bold, bold)
	}
}

// levelAt returns the level of the block whose mark is at byte off.
func (f *flow) levelAt(off int) int {
	for i, m := range f.marks {
		if m >= off {
			return f.levels[i]
		}
	}
	return 0
}

// paragraphs lays out the change from old to shown as paragraphs: text and
// marks only in old are deleted, only in shown inserted, both tagged with
// rev's author and date. Equal old and shown give untracked paragraphs.
func paragraphs(old, shown *flow, rev Rev) []Paragraph {
	e := &emitter{}
	if string(old.text) == string(shown.text) {
		e.emit(old, shown, 0, 0, len(old.text), RevNone, rev)
		return e.out
	}
	d := negotiation.DiffText(string(old.text), string(shown.text))
	for _, ch := range d.Changes {
		switch ch.Op {
		case negotiation.OpEqual:
			e.emit(old, shown, ch.OldOffset, ch.NewOffset, len(ch.Text), RevNone, rev)
		case negotiation.OpDelete:
			e.emit(old, old, ch.OldOffset, ch.OldOffset, len(ch.Text), RevDel, rev)
		case negotiation.OpInsert:
			e.emit(shown, shown, ch.NewOffset, ch.NewOffset, len(ch.Text), RevIns, rev)
		}
	}
	return e.out
}

// emitter accumulates paragraphs while a diff is walked.
type emitter struct {
	cur Paragraph
	out []Paragraph
}

// emit appends n bytes of f from off as segments of kind; a "\n" closes
// the paragraph, taking its level from the shown side (g at goff).
func (e *emitter) emit(f, g *flow, off, goff, n int, kind RevKind, rev Rev) {
	tag := Rev{}
	if kind != RevNone {
		tag = Rev{Kind: kind, Author: rev.Author, Date: rev.Date}
	}
	for i := off; i < off+n; {
		if f.text[i] == '\n' {
			e.cur.Mark, e.cur.Level = tag, g.levelAt(goff+i-off)
			e.cur.Style = levelStyle(e.cur.Level)
			e.out = append(e.out, e.cur)
			e.cur = Paragraph{}
			i++
			continue
		}
		j := i
		for j < off+n && f.text[j] != '\n' && f.bold[j] == f.bold[i] {
			j++
		}
		e.cur.Segments = append(e.cur.Segments, Segment{Text: string(f.text[i:j]), Bold: f.bold[i], Rev: tag})
		i = j
	}
}

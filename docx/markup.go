package docx

import (
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/templates"
)

// acceptBlock is one paragraph of a clause body in the "accept all" view.
type acceptBlock struct {
	level int
	segs  []Segment
}

// acceptBlocks splits a group's paragraphs at the marks the "accept all"
// view keeps; a block takes its level from the paragraph whose mark ends it.
func acceptBlocks(ps []Paragraph) []acceptBlock {
	var out []acceptBlock
	var cur []Segment
	for _, p := range ps {
		for _, s := range p.Segments {
			if s.Rev.Kind.inResult() {
				cur = append(cur, s)
			}
		}
		if p.Mark.Kind.inResult() {
			out = append(out, acceptBlock{level: p.Level, segs: cur})
			cur = nil
		}
	}
	if len(cur) > 0 && len(ps) > 0 {
		out = append(out, acceptBlock{level: ps[len(ps)-1].Level, segs: cur})
	}
	return out
}

// rebuilder turns accepted Word paragraphs back into clause markup. A
// paragraph whose text is one the clause already had keeps that block's
// markup exactly (terms, references); a new or edited one is rebuilt: bold
// runs become defined terms, the contract's cross-reference labels the
// clause used ("section 7.2") become references again, and the typography
// typeset added is undone.
type rebuilder struct {
	lang  clauses.Lang
	known map[string]clauses.Block
	refs  map[string]string // printed label → clause key
}

func newRebuilder(c *templates.Contract, lang clauses.Lang, sources ...string) *rebuilder {
	r := &rebuilder{lang: lang, known: map[string]clauses.Block{}, refs: map[string]string{}}
	for _, src := range sources {
		doc, err := clauses.Parse(src)
		if err != nil {
			continue
		}
		printed := resolveRefs(doc, c, lang)
		for i, b := range doc.Blocks {
			var t strings.Builder
			for _, in := range printed.Blocks[i].Inlines {
				t.WriteString(inlineText(in, lang))
			}
			r.known[normalize(t.String())] = b
		}
		for _, key := range doc.Refs() {
			if label, ok := c.RefLabel(key, lang); ok {
				r.refs[label] = key
			}
		}
	}
	return r
}

// markup returns the canonical clause markup of the accepted blocks.
func (r *rebuilder) markup(blocks []acceptBlock) (string, error) {
	doc := &clauses.Doc{}
	for _, ab := range blocks {
		var t strings.Builder
		for _, s := range ab.segs {
			t.WriteString(s.Text)
		}
		key := normalize(t.String())
		if key == "" {
			continue
		}
		b, ok := r.known[key]
		if !ok {
			b = clauses.Block{Level: ab.level, Inlines: r.inlines(ab.segs)}
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	if len(doc.Blocks) == 0 {
		return "", nil
	}
	if err := relabel(doc); err != nil {
		return "", err
	}
	parsed, err := clauses.Parse(doc.String())
	if err != nil {
		return "", apperr.Wrap(apperr.Invalid, err, "the new text is not valid clause text")
	}
	return parsed.String(), nil
}

// inlines rebuilds a block's inlines from Word runs.
func (r *rebuilder) inlines(segs []Segment) []clauses.Inline {
	var out []clauses.Inline
	for i, s := range segs {
		text := clauses.Untypeset(s.Text, r.lang)
		if i == 0 {
			text = strings.TrimLeft(text, " \t\u00a0")
		}
		if i == len(segs)-1 {
			text = strings.TrimRight(text, " \t\u00a0")
		}
		core := strings.TrimSpace(text)
		if !s.Bold || core == "" {
			out = append(out, r.refInlines(text)...)
			continue
		}
		lead, trail := text[:strings.Index(text, core)], text[strings.Index(text, core)+len(core):]
		out = append(out, r.refInlines(lead)...)
		out = append(out, clauses.Inline{Kind: clauses.InlineTerm, Text: core})
		out = append(out, r.refInlines(trail)...)
	}
	return out
}

// refInlines splits text at the cross-reference labels the clause used.
func (r *rebuilder) refInlines(text string) []clauses.Inline {
	var out []clauses.Inline
	for text != "" {
		at, label := -1, ""
		for l := range r.refs {
			if i := strings.Index(text, l); i >= 0 && (at < 0 || i < at || i == at && len(l) > len(label)) {
				at, label = i, l
			}
		}
		if at < 0 {
			return append(out, clauses.Inline{Kind: clauses.InlineText, Text: text})
		}
		if at > 0 {
			out = append(out, clauses.Inline{Kind: clauses.InlineText, Text: text[:at]})
		}
		out = append(out, clauses.Inline{Kind: clauses.InlineRef, Name: r.refs[label]})
		text = text[at+len(label):]
	}
	return out
}

// relabel numbers items as the markup requires: (a), (b) … restarting after
// a paragraph, (i), (ii) … restarting under each (a).
func relabel(doc *clauses.Doc) error {
	items, subs := 0, 0
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		switch b.Level {
		case 0:
			b.Kind, b.Label, items, subs = clauses.BlockPara, "", 0, 0
		case 1:
			items, subs = items+1, 0
			b.Kind, b.Label = clauses.BlockItem, "("+clauses.ItemLabel(1, items)+")"
		default:
			if items == 0 {
				return apperr.New(apperr.Invalid, "an (i) item must follow an (a) item")
			}
			subs++
			b.Kind, b.Level, b.Label = clauses.BlockItem, 2, "("+clauses.ItemLabel(2, subs)+")"
		}
	}
	return nil
}

package pdf

import (
	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/templates"
)

// markupBlocks parses clause markup into blocks: (a) and (i) items keep
// their labels and levels, defined terms are bold, and each cross-reference
// reads as the contract numbers it ("section 7.2", « article 7.2 ») or, for
// a clause the contract does not have, as templates.RefText's neutral
// phrase. A variable left unresolved is printed in square brackets rather
// than silently dropped.
func markupBlocks(src string, c *templates.Contract, lang clauses.Lang) ([]Block, error) {
	doc, err := clauses.Parse(src)
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "parse clause text")
	}
	refs := func(key string) (string, bool) { return c.RefText(key, lang), true }
	resolved, _ := doc.Resolve(func(string) (string, bool) { return "", false }, refs)
	out := make([]Block, 0, len(resolved.Blocks))
	for _, b := range resolved.Blocks {
		blk := Block{Level: b.Level, Label: b.Label}
		for _, in := range b.Inlines {
			blk.Runs = append(blk.Runs, inlineRun(in, lang))
		}
		out = append(out, blk)
	}
	return out, nil
}

// inlineRun is one resolved inline as a run.
func inlineRun(in clauses.Inline, lang clauses.Lang) Run {
	switch in.Kind {
	case clauses.InlineTerm:
		return Run{Text: clauses.Typeset(in.Text, lang), Style: Term}
	case clauses.InlineVar:
		return Run{Text: "[" + in.Name + "]"}
	case clauses.InlineRef:
		return Run{Text: "[" + in.Name + "]"}
	}
	return Run{Text: clauses.Typeset(in.Text, lang)}
}

// paragraphs parses markup (a recital) into plain paragraphs.
func paragraphs(src string, c *templates.Contract, lang clauses.Lang) ([]Paragraph, error) {
	blocks, err := markupBlocks(src, c, lang)
	if err != nil {
		return nil, err
	}
	out := make([]Paragraph, 0, len(blocks))
	for _, b := range blocks {
		runs := b.Runs
		if b.Label != "" {
			runs = append([]Run{{Text: b.Label + " "}}, runs...)
		}
		out = append(out, Paragraph{Runs: runs})
	}
	return out, nil
}

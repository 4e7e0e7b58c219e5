package clauses

// Vars returns the distinct variable names used in d, in order of first use.
func (d *Doc) Vars() []string { return d.names(InlineVar) }

// Refs returns the distinct clause keys d cross-references, in order of
// first use.
func (d *Doc) Refs() []string { return d.names(InlineRef) }

func (d *Doc) names(kind InlineKind) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range d.Blocks {
		for _, in := range b.Inlines {
			if in.Kind == kind && !seen[in.Name] {
				seen[in.Name] = true
				out = append(out, in.Name)
			}
		}
	}
	return out
}

// Resolve returns a copy of d in which each variable is replaced by the text
// vars gives for it (its formatted value) and each cross-reference by the
// text refs gives for its key ("section 7.2"). Adjacent text runs are
// merged; terms stay terms. Names that vars or refs cannot resolve stay as
// they are and are reported, each once, in order of first use: a variable
// by its name, a reference as "ref:KEY". d is not changed.
func (d *Doc) Resolve(vars func(name string) (string, bool), refs func(key string) (string, bool)) (*Doc, []string) {
	out := &Doc{Blocks: make([]Block, len(d.Blocks))}
	var missing []string
	seen := map[string]bool{}
	miss := func(name string) {
		if !seen[name] {
			seen[name] = true
			missing = append(missing, name)
		}
	}
	for i, b := range d.Blocks {
		nb := b
		nb.Inlines = nil
		for _, in := range b.Inlines {
			nb.Inlines = appendResolved(nb.Inlines, in, vars, refs, miss)
		}
		out.Blocks[i] = nb
	}
	return out, missing
}

func appendResolved(dst []Inline, in Inline, vars, refs func(string) (string, bool), miss func(string)) []Inline {
	switch in.Kind {
	case InlineVar:
		if s, ok := vars(in.Name); ok {
			return appendText(dst, s)
		}
		miss(in.Name)
	case InlineRef:
		if s, ok := refs(in.Name); ok {
			return appendText(dst, s)
		}
		miss("ref:" + in.Name)
	case InlineText:
		return appendText(dst, in.Text)
	}
	return append(dst, in)
}

// appendText appends s as text, merging it into a preceding text run.
func appendText(dst []Inline, s string) []Inline {
	if s == "" {
		return dst
	}
	if n := len(dst); n > 0 && dst[n-1].Kind == InlineText {
		dst[n-1].Text += s
		return dst
	}
	return append(dst, Inline{Kind: InlineText, Text: s})
}

package clauses

import "strings"

// String returns the canonical markup of d: one line per block, blocks
// separated by a blank line, no trailing newline, and only the escapes
// needed. For a Doc returned by Parse, Parse(d.String()) returns an equal
// Doc.
func (d *Doc) String() string {
	parts := make([]string, len(d.Blocks))
	for i, b := range d.Blocks {
		parts[i] = b.markup()
	}
	return strings.Join(parts, "\n\n")
}

// PlainText returns the text of d without markup: items keep their labels,
// terms lose their asterisks, unresolved variables and references stay as
// {{name}} and {{ref:KEY}}, and blocks are separated by a blank line.
func (d *Doc) PlainText() string {
	parts := make([]string, len(d.Blocks))
	for i, b := range d.Blocks {
		var s strings.Builder
		if b.Label != "" {
			s.WriteString(b.Label + " ")
		}
		for _, in := range b.Inlines {
			s.WriteString(in.plain())
		}
		parts[i] = s.String()
	}
	return strings.Join(parts, "\n\n")
}

func (in Inline) plain() string {
	switch in.Kind {
	case InlineVar:
		return "{{" + in.Name + "}}"
	case InlineRef:
		return "{{ref:" + in.Name + "}}"
	default:
		return in.Text
	}
}

func (b Block) markup() string {
	var s strings.Builder
	for _, in := range b.Inlines {
		s.WriteString(in.markup())
	}
	body := escapeEdges(s.String(), b.Kind == BlockPara)
	switch {
	case b.Kind == BlockPara:
		return body
	case b.Level == 2:
		return "    " + b.Label + " " + body
	default:
		return b.Label + " " + body
	}
}

func (in Inline) markup() string {
	switch in.Kind {
	case InlineVar:
		return "{{" + in.Name + "}}"
	case InlineRef:
		return "{{ref:" + in.Name + "}}"
	case InlineTerm:
		return "**" + termEscaper.Replace(in.Text) + "**"
	default:
		return textEscaper.Replace(in.Text)
	}
}

var (
	textEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `{`, `\{`)
	termEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`)
)

// escapeEdges escapes what the parser would otherwise read as layout: blanks
// at either end of a block, and at a paragraph's start a "#" or a "(x)"
// that would look like an item label.
func escapeEdges(body string, para bool) string {
	if n := len(body); n > 0 && (body[n-1] == ' ' || body[n-1] == '\t') {
		body = body[:n-1] + `\` + body[n-1:]
	}
	if body == "" {
		return body
	}
	if body[0] == ' ' || body[0] == '\t' {
		return `\` + body
	}
	if _, isLabel := labelAt(body, 0); para && (body[0] == '#' || isLabel) {
		return `\` + body
	}
	return body
}

// alphaLabel returns the n-th level-1 label letter(s): a … z, aa, bb … zz,
// aaa …
func alphaLabel(n int) string {
	return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
}

// romanLabel returns n in lower-case Roman numerals.
func romanLabel(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var s strings.Builder
	for i, v := range vals {
		for n >= v {
			s.WriteString(syms[i])
			n -= v
		}
	}
	return s.String()
}

// isRoman reports whether label, such as "(iv)", is written in Roman
// numeral letters.
func isRoman(label string) bool {
	inner := strings.Trim(label, "()")
	return inner != "" && strings.Trim(inner, "ivxlcdm") == ""
}

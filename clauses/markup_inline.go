package clauses

import (
	"strings"
	"unicode/utf8"
)

// joined is a block's lines joined with one space, remembering where each
// line came from so that errors point at the source line and column.
type joined struct {
	text string
	segs []segment
}

type segment struct {
	start     int // byte offset in joined.text
	line, col int // where the segment starts in the source
}

func newJoined() *joined { return &joined{} }

// add appends a line's text, which starts at col of source line num.
func (j *joined) add(text string, num, col int) {
	if text == "" {
		return
	}
	if j.text != "" {
		j.text += " "
	}
	j.segs = append(j.segs, segment{start: len(j.text), line: num, col: col})
	j.text += text
}

// pos returns the source line and column of byte offset off.
func (j *joined) pos(off int) (int, int) {
	seg := j.segs[0]
	for _, s := range j.segs {
		if s.start <= off {
			seg = s
		}
	}
	end := min(off, len(j.text))
	if end < seg.start {
		end = seg.start
	}
	return seg.line, seg.col + utf8.RuneCountInString(j.text[seg.start:end])
}

// isJoin reports whether off is the space inserted between two lines.
func (j *joined) isJoin(off int) bool {
	for _, s := range j.segs[1:] {
		if s.start == off+1 {
			return true
		}
	}
	return false
}

func (j *joined) errAt(off int, msg string) *ParseError {
	l, c := j.pos(off)
	return &ParseError{Line: l, Col: c, Msg: msg}
}

// inlineParser turns a block's joined text into inlines.
type inlineParser struct {
	j   *joined
	s   string
	i   int
	buf strings.Builder
	out []Inline
}

func parseInlines(j *joined) ([]Inline, error) {
	p := &inlineParser{j: j, s: j.text}
	for p.i < len(p.s) {
		var err error
		switch {
		case p.s[p.i] == '\\':
			err = p.escape(&p.buf)
		case strings.HasPrefix(p.s[p.i:], "{{"):
			err = p.placeholder()
		case strings.HasPrefix(p.s[p.i:], "**"):
			err = p.term()
		default:
			p.buf.WriteByte(p.s[p.i])
			p.i++
		}
		if err != nil {
			return nil, err
		}
	}
	p.flush()
	return p.out, nil
}

func (p *inlineParser) flush() {
	if p.buf.Len() > 0 {
		p.out = append(p.out, Inline{Kind: InlineText, Text: p.buf.String()})
		p.buf.Reset()
	}
}

// escape copies the character after a backslash literally into b.
func (p *inlineParser) escape(b *strings.Builder) error {
	next := p.i + 1
	if next >= len(p.s) || p.j.isJoin(next) {
		return p.j.errAt(p.i, `a backslash must be followed, on the same line, by the character it escapes (write "\\" for a backslash)`)
	}
	_, size := utf8.DecodeRuneInString(p.s[next:])
	b.WriteString(p.s[next : next+size])
	p.i = next + size
	return nil
}

// placeholder parses {{name}} or {{ref:KEY}}.
func (p *inlineParser) placeholder() error {
	end := strings.Index(p.s[p.i+2:], "}}")
	if end < 0 {
		return p.j.errAt(p.i, `"{{" is not closed by "}}" (write "\{" for a literal brace)`)
	}
	inner := p.s[p.i+2 : p.i+2+end]
	var in Inline
	switch key, isRef := strings.CutPrefix(inner, "ref:"); {
	case isRef && ValidKey(key):
		in = Inline{Kind: InlineRef, Name: key}
	case isRef:
		return p.j.errAt(p.i, `"{{`+inner+`}}": a cross-reference names a clause key such as {{ref:SCL-DATA-01}}`)
	case ValidVarName(inner):
		in = Inline{Kind: InlineVar, Name: inner}
	default:
		return p.j.errAt(p.i, `"{{`+inner+`}}" is not a variable name (lower-case snake_case, such as {{cap_multiple}})`)
	}
	p.flush()
	p.out = append(p.out, in)
	p.i += 2 + end + 2
	return nil
}

// term parses **Term**, where the term may contain escapes.
func (p *inlineParser) term() error {
	start := p.i
	var t strings.Builder
	p.i += 2
	for {
		switch {
		case p.i >= len(p.s):
			return p.j.errAt(start, `"**" is not closed: a defined term is written **Term** (write "\*" for a literal asterisk)`)
		case strings.HasPrefix(p.s[p.i:], "**"):
			if t.Len() == 0 {
				return p.j.errAt(start, `empty defined term "****"`)
			}
			p.flush()
			p.out = append(p.out, Inline{Kind: InlineTerm, Text: t.String()})
			p.i += 2
			return nil
		case p.s[p.i] == '\\':
			if err := p.escape(&t); err != nil {
				return err
			}
		default:
			t.WriteByte(p.s[p.i])
			p.i++
		}
	}
}

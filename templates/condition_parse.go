package templates

import (
	"strconv"
)

// maxConditionDepth bounds nesting (parentheses and "not"), so a hostile
// condition cannot exhaust the stack.
const maxConditionDepth = 64

// ParseCondition parses a slot condition. Errors are *ConditionError values
// carrying the column of the problem.
func ParseCondition(src string) (Expr, error) {
	if len(src) > MaxConditionLen {
		return Expr{}, &ConditionError{Col: 1, Msg: "condition is longer than " + strconv.Itoa(MaxConditionLen) + " bytes"}
	}
	toks, err := lex(src)
	if err != nil {
		return Expr{}, err
	}
	p := &parser{src: src, toks: toks}
	if toks[0].kind == tokEOF {
		return Expr{}, p.errAt(toks[0], "empty condition")
	}
	root, err := p.or(0)
	if err != nil {
		return Expr{}, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return Expr{}, p.errAt(t, "unexpected %s", describe(t))
	}
	return Expr{src: src, root: root}, nil
}

type parser struct {
	src  string
	toks []token
	i    int
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) advance() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

func (p *parser) errAt(t token, format string, args ...any) error {
	return Expr{src: p.src}.errAt(t.pos, format, args...)
}

func isKeyword(t token, kw string) bool { return t.kind == tokIdent && t.text == kw }

func describe(t token) string {
	switch t.kind {
	case tokEOF:
		return "end of condition"
	case tokString:
		return "string " + strconv.Quote(t.text)
	}
	return strconv.Quote(t.text)
}

func (p *parser) or(depth int) (node, error) {
	return p.chain(depth, "or", p.and)
}

func (p *parser) and(depth int) (node, error) {
	return p.chain(depth, "and", p.not)
}

// chain parses next { kw next }, folding to the left.
func (p *parser) chain(depth int, kw string, next func(int) (node, error)) (node, error) {
	l, err := next(depth)
	if err != nil {
		return nil, err
	}
	for isKeyword(p.peek(), kw) {
		op := p.advance()
		r, err := next(depth)
		if err != nil {
			return nil, err
		}
		l = &binNode{op: kw, l: l, r: r, at: op.pos}
	}
	return l, nil
}

func (p *parser) not(depth int) (node, error) {
	if depth > maxConditionDepth {
		return nil, p.errAt(p.peek(), "condition nested more than %d deep", maxConditionDepth)
	}
	if t := p.peek(); isKeyword(t, "not") {
		p.advance()
		x, err := p.not(depth + 1)
		if err != nil {
			return nil, err
		}
		return &notNode{x: x, at: t.pos}, nil
	}
	return p.compare(depth)
}

func (p *parser) compare(depth int) (node, error) {
	l, err := p.operand(depth)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokOp {
		p.advance()
		r, err := p.operand(depth)
		if err != nil {
			return nil, err
		}
		return &binNode{op: t.text, l: l, r: r, at: t.pos}, nil
	}
	return l, nil
}

func (p *parser) operand(depth int) (node, error) {
	t := p.advance()
	switch {
	case t.kind == tokLParen:
		x, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if c := p.advance(); c.kind != tokRParen {
			return nil, p.errAt(c, "expected ) to close the ( at column %d, found %s", columnAt(p.src, t.pos), describe(c))
		}
		return x, nil
	case t.kind == tokMinus:
		n := p.advance()
		if n.kind != tokNumber {
			return nil, p.errAt(n, "expected a number after -, found %s", describe(n))
		}
		return p.number(n, -1)
	case t.kind == tokNumber:
		return p.number(t, 1)
	case t.kind == tokString:
		return &litNode{val: value{kind: KindString, s: t.text}, at: t.pos}, nil
	case isKeyword(t, "true") || isKeyword(t, "false"):
		return &litNode{val: value{kind: KindBool, b: t.text == "true"}, at: t.pos}, nil
	case isKeyword(t, "and") || isKeyword(t, "or") || isKeyword(t, "not"):
		return nil, p.errAt(t, "expected a value, found the keyword %q", t.text)
	case t.kind == tokIdent:
		return &identNode{name: t.text, at: t.pos}, nil
	}
	return nil, p.errAt(t, "expected a value, found %s", describe(t))
}

func (p *parser) number(t token, sign float64) (node, error) {
	f, err := strconv.ParseFloat(t.text, 64)
	if err != nil {
		return nil, p.errAt(t, "number %s is out of range", t.text)
	}
	return &litNode{val: value{kind: KindNumber, n: sign * f}, at: t.pos}, nil
}

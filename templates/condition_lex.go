package templates

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxConditionLen is the longest condition source accepted, in bytes. Slot
// conditions are one-liners; the limit keeps the parser's work bounded.
const MaxConditionLen = 1000

// ConditionError is a syntax, type or evaluation error in a condition. Col
// is the 1-based column (in characters) where the problem starts.
type ConditionError struct {
	Col int
	Msg string
}

// Error returns "column N: message".
func (e *ConditionError) Error() string { return fmt.Sprintf("column %d: %s", e.Col, e.Msg) }

type tokKind int

const (
	tokEOF tokKind = iota
	tokIdent
	tokNumber
	tokString
	tokOp     // == != < <= > >=
	tokLParen // (
	tokRParen // )
	tokMinus  // unary minus before a number
)

type token struct {
	kind tokKind
	text string // identifier, operator or keyword text; decoded string value
	pos  int    // byte offset in the source
}

// lexer turns a condition into tokens; pos is a byte offset.
type lexer struct {
	src  string
	pos  int
	toks []token
}

// columnAt converts a byte offset into a 1-based character column.
func columnAt(src string, pos int) int {
	if pos > len(src) {
		pos = len(src)
	}
	return utf8.RuneCountInString(src[:pos]) + 1
}

func (l *lexer) errAt(pos int, format string, args ...any) error {
	return &ConditionError{Col: columnAt(l.src, pos), Msg: fmt.Sprintf(format, args...)}
}

func lex(src string) ([]token, error) {
	l := &lexer{src: src}
	for {
		l.skipSpace()
		if l.pos >= len(src) {
			l.toks = append(l.toks, token{kind: tokEOF, pos: l.pos})
			return l.toks, nil
		}
		if err := l.next(); err != nil {
			return nil, err
		}
	}
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.src) && strings.IndexByte(" \t\r\n", l.src[l.pos]) >= 0 {
		l.pos++
	}
}

func (l *lexer) emit(k tokKind, text string, start int) {
	l.toks = append(l.toks, token{kind: k, text: text, pos: start})
}

func (l *lexer) next() error {
	c, start := l.src[l.pos], l.pos
	switch {
	case isIdentStart(c):
		for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
			l.pos++
		}
		l.emit(tokIdent, l.src[start:l.pos], start)
	case c >= '0' && c <= '9':
		return l.number()
	case c == '"':
		return l.str()
	case c == '(':
		l.pos++
		l.emit(tokLParen, "(", start)
	case c == ')':
		l.pos++
		l.emit(tokRParen, ")", start)
	case c == '-':
		l.pos++
		l.emit(tokMinus, "-", start)
	case strings.IndexByte("=!<>", c) >= 0:
		return l.operator()
	default:
		r, _ := utf8.DecodeRuneInString(l.src[l.pos:])
		return l.errAt(start, "unexpected character %q", r)
	}
	return nil
}

func isIdentStart(c byte) bool { return c == '_' || (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isIdentPart(c byte) bool  { return isIdentStart(c) || c >= '0' && c <= '9' }

func (l *lexer) number() error {
	start := l.pos
	digits := func() int {
		n := 0
		for l.pos < len(l.src) && l.src[l.pos] >= '0' && l.src[l.pos] <= '9' {
			l.pos++
			n++
		}
		return n
	}
	digits()
	if l.pos < len(l.src) && l.src[l.pos] == '.' {
		l.pos++
		if digits() == 0 {
			return l.errAt(l.pos, "expected a digit after the decimal point")
		}
	}
	if l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
		return l.errAt(l.pos, "unexpected character %q after a number", l.src[l.pos])
	}
	l.emit(tokNumber, l.src[start:l.pos], start)
	return nil
}

func (l *lexer) str() error {
	start := l.pos
	l.pos++ // opening quote
	var b strings.Builder
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '"':
			l.pos++
			l.emit(tokString, b.String(), start)
			return nil
		case c == '\\' && l.pos+1 < len(l.src) && (l.src[l.pos+1] == '"' || l.src[l.pos+1] == '\\'):
			b.WriteByte(l.src[l.pos+1])
			l.pos += 2
		case c == '\\':
			return l.errAt(l.pos, `only \" and \\ may be escaped in a string`)
		default:
			b.WriteByte(c)
			l.pos++
		}
	}
	return l.errAt(start, "unterminated string")
}

func (l *lexer) operator() error {
	start := l.pos
	two := ""
	if l.pos+1 < len(l.src) {
		two = l.src[l.pos : l.pos+2]
	}
	switch {
	case two == "==" || two == "!=" || two == "<=" || two == ">=":
		l.pos += 2
		l.emit(tokOp, two, start)
	case l.src[l.pos] == '<' || l.src[l.pos] == '>':
		l.pos++
		l.emit(tokOp, l.src[start:l.pos], start)
	case l.src[l.pos] == '=':
		return l.errAt(start, "use == to compare")
	default:
		return l.errAt(start, "use != or not")
	}
	return nil
}

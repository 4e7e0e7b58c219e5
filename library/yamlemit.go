package library

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// yamlWriter writes the front matter's YAML by hand, so that the layout
// (key order, block style, indentation, quoting) is fixed and the output
// is byte-stable.
type yamlWriter struct {
	b bytes.Buffer
}

// line writes one "key: value" line at indent; an empty value writes "key:".
func (w *yamlWriter) line(indent int, key, value string) {
	w.b.WriteString(strings.Repeat(" ", indent))
	w.b.WriteString(key)
	w.b.WriteByte(':')
	if value != "" {
		w.b.WriteByte(' ')
		w.b.WriteString(value)
	}
	w.b.WriteByte('\n')
}

// str writes a string field, as a literal block when it spans lines.
func (w *yamlWriter) str(indent int, key, s string) {
	if lit, ok := literalBlock(s, indent+2); ok {
		w.line(indent, key, lit)
		return
	}
	w.line(indent, key, scalar(s))
}

var (
	datePattern     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?$`)
	reservedScalars = map[string]bool{
		"null": true, "~": true, "true": true, "false": true, "yes": true, "no": true,
		"on": true, "off": true, "y": true, "n": true,
	}
)

// scalar returns s as a one-line YAML scalar: plain when that reads back
// as the same string, double-quoted otherwise.
func scalar(s string) string {
	if plainSafe(s) {
		return s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// plainSafe reports whether s can be written as a plain scalar: no
// indicator at its start, no ": " or " #", nothing YAML would read as
// another type (numbers, booleans, null), except dates and UTC
// timestamps, which this package always reads into strings.
func plainSafe(s string) bool {
	if s == "" || !utf8.ValidString(s) || reservedScalars[strings.ToLower(s)] {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`.+0123456789 \t") && !datePattern.MatchString(s) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(last) {
		return false
	}
	for _, r := range s {
		if r == '\t' || (!unicode.IsPrint(r) && !unicode.Is(unicode.Zs, r)) || r == '\uFEFF' {
			return false
		}
	}
	return true
}

// literalBlock returns s as a "|-" literal block indented by indent, when
// s spans lines and a literal block keeps it exactly.
func literalBlock(s string, indent int) (string, bool) {
	if !strings.Contains(s, "\n") || strings.HasSuffix(s, "\n") || strings.HasPrefix(s, " ") {
		return "", false
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	b.WriteString("|-")
	for _, l := range strings.Split(s, "\n") {
		if l != strings.TrimRight(l, " \t") || strings.HasPrefix(l, "\t") || strings.TrimSpace(l) == "" && l != "" {
			return "", false
		}
		for _, r := range l {
			if !unicode.IsPrint(r) && !unicode.Is(unicode.Zs, r) {
				return "", false
			}
		}
		b.WriteString("\n")
		if l != "" {
			b.WriteString(pad + l)
		}
	}
	return b.String(), true
}

package negotiation

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isSubstantive reports whether an edit changes more than white space,
// punctuation or letter case. The unchanged tokens on either side take part,
// so that "1.5" -> "15" (a dropped decimal point) still counts: punctuation
// between two digits is kept.
func isSubstantive(h hunk) bool {
	old := substanceKey(h.before + h.delText + h.after)
	new := substanceKey(h.before + h.insText + h.after)
	return old != new
}

// substanceKey folds s to what a reader would call its wording: letters in
// lower case, digits, symbols, and punctuation only between two digits.
func substanceKey(s string) string {
	var b strings.Builder
	prev := rune(-1)
	for i, r := range s {
		switch {
		case isSpace(r):
		case unicode.IsPunct(r):
			_, size := utf8.DecodeRuneInString(s[i:])
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if unicode.IsDigit(prev) && unicode.IsDigit(next) {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		prev = r
	}
	return b.String()
}

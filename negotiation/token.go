package negotiation

import (
	"unicode"
	"unicode/utf8"
)

// tokenKind classifies a token for cleanup and for telling substantive
// changes from cosmetic ones.
type tokenKind uint8

const (
	tokenWord  tokenKind = iota // a run of letters, digits and combining marks
	tokenSpace                  // a run of white space, including U+00A0 and U+202F
	tokenPunct                  // one other rune, or one invalid UTF-8 byte
)

// tokenize splits s into words, runs of white space and single punctuation
// runes. The tokens are substrings of s and concatenate back to exactly s,
// invalid UTF-8 included (each invalid byte is a token of its own).
func tokenize(s string) []string {
	tokens := make([]string, 0, len(s)/4+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		kind := runeKind(r, size)
		j := i + size
		if kind != tokenPunct {
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if runeKind(r2, size2) != kind {
					break
				}
				j += size2
			}
		}
		tokens = append(tokens, s[i:j])
		i = j
	}
	return tokens
}

// runeKind is the kind of token a rune belongs to; size tells a genuine
// U+FFFD (size 3) from an invalid byte (size 1).
func runeKind(r rune, size int) tokenKind {
	if r < utf8.RuneSelf {
		return asciiKind(byte(r))
	}
	switch {
	case r == utf8.RuneError && size <= 1:
		return tokenPunct
	case isSpace(r):
		return tokenSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		return tokenWord
	default:
		return tokenPunct
	}
}

// asciiKind is runeKind for ASCII, without the Unicode tables.
func asciiKind(c byte) tokenKind {
	switch {
	case c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f):
		return tokenSpace
	case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'):
		return tokenWord
	default:
		return tokenPunct
	}
}

// kindOf returns the kind of a token produced by tokenize.
func kindOf(tok string) tokenKind {
	r, size := utf8.DecodeRuneInString(tok)
	return runeKind(r, size)
}

// isSpace reports whether r separates words. It matches Python's
// str.isspace, which count_edits.py (the benchmark's word counter) relies
// on: Unicode white space, including U+00A0 and U+202F, plus the ASCII
// information separators U+001C–U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// countWords counts the white-space-separated words in s, as Python's
// str.split() with no argument does.
func countWords(s string) int {
	n := 0
	inWord := false
	for _, r := range s {
		if isSpace(r) {
			inWord = false
			continue
		}
		if !inWord {
			n++
			inWord = true
		}
	}
	return n
}

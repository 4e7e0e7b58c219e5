package docx

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/civicpact/civicpact/clauses"
)

// typeset applies the PDF's typography so that both documents show the
// same text: a word ending in a hyphen is bound to the next word, and in
// French « guillemets » and colons get no-break spaces. It mirrors
// render/pdf's typeset; untypeset undoes it on import.
func typeset(s string, lang clauses.Lang) string {
	if strings.Contains(s, "- ") {
		s = bindTrailingHyphens(s)
	}
	if lang != clauses.FR {
		return s
	}
	return frSpacing.Replace(s)
}

var (
	frSpacing   = strings.NewReplacer("« ", "«\u00a0", " »", "\u00a0»", " :", "\u00a0:")
	frUnspacing = strings.NewReplacer("«\u00a0", "« ", "\u00a0»", " »", "\u00a0:", " :",
		"«\u202f", "« ", "\u202f»", " »", "\u202f:", " :", "\u202f;", " ;", "\u00a0;", " ;")
)

// untypeset turns text typed in Word back into library spelling: the
// no-break spaces typeset (or Word's French AutoCorrect) adds become plain
// spaces; other no-break spaces are kept.
func untypeset(s string, lang clauses.Lang) string {
	s = strings.ReplaceAll(s, "-\u00a0", "- ")
	if lang != clauses.FR {
		return s
	}
	return frUnspacing.Replace(s)
}

// bindTrailingHyphens replaces the space after a word ending in "-" with a
// no-break space; a lone dash between spaces is left alone.
func bindTrailingHyphens(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i >= 2 && s[i-1] == '-' && s[i-2] != ' ' {
			b.WriteString("\u00a0")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// maxBookmark is the longest bookmark name Word keeps.
const maxBookmark = 40

// bookmarkName returns prefix+id with every character other than ASCII
// letters and digits replaced by "_"; a name over 40 characters becomes
// prefix plus the first hex digits of the ID's SHA-256.
func bookmarkName(prefix, id string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range id {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	if b.Len() <= maxBookmark {
		return b.String()
	}
	sum := sha256.Sum256([]byte(id))
	return prefix + hex.EncodeToString(sum[:])[:maxBookmark-len(prefix)]
}

// normalize is the comparison policy for "is this the text we sent": runs
// of Unicode white space (NBSP and NNBSP included) become one space, lines
// are trimmed, empty lines dropped, and curly quotes and apostrophes
// compare equal to straight ones (Word's AutoFormat changes them).
func normalize(s string) string {
	var lines []string
	for _, l := range strings.Split(quotes.Replace(s), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

var quotes = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "\u2011", "-")

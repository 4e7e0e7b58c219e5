package clauses

import "strings"

// Typeset prepares clause text for a printed page — the PDF and the Word
// file show exactly the same text. A word that ends in a hyphen ("a rating
// of A- by …") is bound to the next word, since a hyphen at a line's end
// reads as a word split in two; French also gets the no-break spaces the
// library's plain spaces leave out: no line may break inside « guillemets »
// or before a colon. Untypeset undoes it.
func Typeset(s string, lang Lang) string {
	if strings.Contains(s, "- ") {
		s = bindTrailingHyphens(s)
	}
	if lang != FR {
		return s
	}
	return frSpacing.Replace(s)
}

// Untypeset turns printed text (or text typed in Word, whose French
// AutoCorrect adds the same spaces) back into library spelling: the
// no-break spaces Typeset adds become plain spaces; other no-break spaces
// are kept.
func Untypeset(s string, lang Lang) string {
	s = strings.ReplaceAll(s, "-\u00a0", "- ")
	if lang != FR {
		return s
	}
	return frUnspacing.Replace(s)
}

var (
	frSpacing   = strings.NewReplacer("« ", "«\u00a0", " »", "\u00a0»", " :", "\u00a0:")
	frUnspacing = strings.NewReplacer("«\u00a0", "« ", "\u00a0»", " »", "\u00a0:", " :",
		"«\u202f", "« ", "\u202f»", " »", "\u202f:", " :", "\u202f;", " ;", "\u00a0;", " ;")
)

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

// ItemLabel returns the bare label of the n-th item (from 1) at a level:
// a … z, aa … at level 1; i, ii, iii … at level 2. Markup writes it in
// parentheses.
func ItemLabel(level, n int) string {
	if level == 2 {
		return romanLabel(n)
	}
	return alphaLabel(n)
}

package docx

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

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

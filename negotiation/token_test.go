package negotiation

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{}},
		{"words and spaces", "the  City shall", []string{"the", "  ", "City", " ", "shall"}},
		{"punctuation is one token per rune", "days.)", []string{"days", ".", ")"}},
		{"french guillemets and apostrophe", "« l’équipement »", []string{"«", " ", "l", "’", "équipement", " ", "»"}},
		{"no-break spaces are spaces", "10\u00a0000\u202f$", []string{"10", "\u00a0", "000", "\u202f", "$"}},
		{"combining accent stays in the word", "re\u0301sume\u0301", []string{"re\u0301sume\u0301"}},
		{"invalid byte is its own token", "ab\xffcd", []string{"ab", "\xff", "cd"}},
		{"digits and letters form one word", "RFP2024 v2", []string{"RFP2024", " ", "v2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokenize(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.Join(got, "") != tt.in {
				t.Errorf("tokens do not concatenate back to the input")
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   ", 0},
		{"one", 1},
		{" two  words ", 2},
		{", provided that", 3},
		{"10\u00a0000 $", 3}, // Python's str.split() splits on U+00A0
		{"a\u202fb\x1fc", 3}, // and on U+202F and the ASCII separators
		{"l’équipement", 1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := countWords(tt.in); got != tt.want {
				t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

// TestASCIIKindMatchesUnicode checks the ASCII fast path against the
// Unicode classification it stands in for.
func TestASCIIKindMatchesUnicode(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		r := rune(c)
		want := tokenPunct
		switch {
		case isSpace(r):
			want = tokenSpace
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			want = tokenWord
		}
		if got := asciiKind(byte(c)); got != want {
			t.Errorf("asciiKind(%q) = %d, want %d", r, got, want)
		}
	}
}

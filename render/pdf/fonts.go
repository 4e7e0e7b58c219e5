package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-pdf/fpdf"
)

// Font families registered with fpdf.
const (
	serif = "serif"
	mono  = "mono"
)

// face is one of the four serif faces.
type face int

const (
	regular face = iota
	bold
	italic
	boldItalic
)

// fpdfStyle is the fpdf style string of a face.
func (fc face) fpdfStyle() string {
	return [...]string{"", "B", "I", "BI"}[fc]
}

// widthRunes is how many code points the width tables cover: Latin, general
// punctuation and the symbols a contract uses.
const widthRunes = 0x2200

// metrics holds per-face advance widths in 1/1000 em, so words can be
// measured without selecting fonts (which would write to the page).
type metrics struct {
	widths [4][]uint16
}

// registerFonts adds the Liberation faces to f and reads their widths. It
// must run before the first page so that selecting fonts writes nothing.
func registerFonts(f *fpdf.Fpdf) metrics {
	ttfs := [...][]byte{liberationserifregular.TTF, liberationserifbold.TTF,
		liberationserifitalic.TTF, liberationserifbolditalic.TTF}
	var m metrics
	for i, ttf := range ttfs {
		fc := face(i)
		f.AddUTF8FontFromBytes(serif, fc.fpdfStyle(), ttf)
		f.SetFont(serif, fc.fpdfStyle(), 1000)
		m.widths[i] = readWidths(f)
	}
	f.AddUTF8FontFromBytes(mono, "", liberationmonoregular.TTF)
	return m
}

func readWidths(f *fpdf.Fpdf) []uint16 {
	w := make([]uint16, widthRunes)
	var buf [4]byte
	for r := rune(0x20); r < widthRunes; r++ {
		n := utf8.EncodeRune(buf[:], r)
		w[r] = uint16(f.GetStringSymbolWidth(string(buf[:n])))
	}
	return w
}

// width returns the advance of s in fc at size points.
func (m *metrics) width(s string, fc face, size float64) float64 {
	tab := m.widths[fc]
	total := 0
	for _, r := range s {
		if r < widthRunes {
			total += int(tab[r])
		} else {
			total += 1000
		}
	}
	return float64(total) * size / 1000
}

// safeText replaces code points the Liberation faces cannot draw, or that
// would hurt text extraction, by visible equivalents. U+00A0 and U+202F
// have glyphs in Liberation Serif and are kept, so French spacing such as
// « mot » and 10 000 $ renders and extracts as spaces.
func safeText(s string) string {
	if strings.IndexFunc(s, needsSubstitute) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\u2011': // non-breaking hyphen: no glyph
			b.WriteByte('-')
		case r == '\u00ad', r == '\u200b', r == '\u2060', r == '\ufeff':
			// soft hyphen, zero-width space, word joiner, BOM: invisible
		case r >= 0xfb00 && r <= 0xfb06:
			b.WriteString([...]string{"ff", "fi", "fl", "ffi", "ffl", "ft", "st"}[r-0xfb00])
		case r == '\t', r == '\n', r == '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsSubstitute(r rune) bool {
	switch {
	case r == '\u2011', r == '\u00ad', r == '\u200b', r == '\u2060', r == '\ufeff':
		return true
	case r >= 0xfb00 && r <= 0xfb06, r == '\t', r == '\n', r == '\r':
		return true
	}
	return false
}

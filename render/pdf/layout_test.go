package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
)

func TestSafeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"10\u202f000\u00a0$", "10\u202f000\u00a0$"}, // Liberation draws both spaces
		{"non\u2011breaking", "non-breaking"},
		{"soft\u00adhyphen", "softhyphen"},
		{"\ufb01nal \ufb02ow", "final flow"},
		{"tab\there", "tab here"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := safeText(tt.in); got != tt.want {
				t.Errorf("safeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFrenchSpacesHaveGlyphs(t *testing.T) {
	r := newRenderer("fr")
	for _, c := range []rune{'\u00a0', '\u202f', 'é', '«', '»', '’'} {
		if w := r.m.widths[regular][c]; w == 0 {
			t.Errorf("%U has no width in Liberation Serif", c)
		}
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		lang string
		date time.Time
		want string
	}{
		{"en", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), "March 1, 2025"},
		{"fr", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), "1er\u00a0mars 2025"},
		{"fr", time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC), "15\u00a0août 2025"},
		{"en", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.lang+tt.want, func(t *testing.T) {
			if got := labelsFor(tt.lang).formatDate(tt.date, tt.lang); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBreakLinesFitsWidth(t *testing.T) {
	r := newRenderer("en")
	ts := bodyText()
	text := strings.Repeat("The Contractor shall maintain complete and accurate records. ", 20) +
		strings.Repeat("x", 200) // longer than a line: must be cut, not overflow
	lines := r.breakLines(r.splitWords([]Run{{Text: text}}, ts), 200, ts)
	if len(lines) < 10 {
		t.Fatalf("got %d lines, want at least 10", len(lines))
	}
	var all strings.Builder
	for i, ln := range lines {
		if w := lineWidth(ln, r.spaceWidth(ts)); w > 200.01 {
			t.Errorf("line %d is %.1f pt wide, over 200", i, w)
		}
		for _, w := range ln {
			all.WriteString(w.pieces[0].text)
		}
	}
	if want := strings.ReplaceAll(text, " ", ""); all.String() != want {
		t.Errorf("lines lose or reorder text:\n got %q\nwant %q", all.String(), want)
	}
}

func TestSplitWordsKeepsStyledSuffixInWord(t *testing.T) {
	r := newRenderer("en")
	ws := r.splitWords([]Run{{Text: "Deliverable"}, {Text: "s", Style: Inserted}, {Text: " due"}}, bodyText())
	if len(ws) != 2 || len(ws[0].pieces) != 2 || ws[0].pieces[1].style != Inserted {
		t.Errorf("got %+v, want two words, the first in two pieces", ws)
	}
}

func TestLinesThatFit(t *testing.T) {
	tests := []struct {
		name string
		y    float64
		n    int
		want int
	}{
		{"all fit", bodyTop, 3, 3},
		{"one line left: move paragraph", bodyBot - 14.5, 5, 0},
		{"no widow: keep two for next page", bodyBot - 4*14.5, 5, 3},
		{"split", bodyBot - 3*14.5, 10, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &renderer{y: tt.y}
			if got := r.linesThatFit(tt.n, 14.5); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestShareWidth(t *testing.T) {
	got := shareWidth([]float64{100, 400, 100}, []float64{40, 80, 40}, 300)
	sum := got[0] + got[1] + got[2]
	if sum < 299.9 || sum > 300.1 {
		t.Errorf("widths %v add up to %.1f, want 300", got, sum)
	}
	if got[1] <= got[0] || got[0] < 40 {
		t.Errorf("widths %v: want the long column widest and none under its minimum", got)
	}
}

func TestTOCLayoutReservesEnoughPages(t *testing.T) {
	levels := make([]int, 300)
	for i := range levels {
		if i%15 == 0 {
			levels[i] = 0
		} else {
			levels[i] = 1
		}
	}
	slots, pages := tocLayout(levels)
	if last := slots[len(slots)-1]; last.page != pages-1 || last.y > bodyBot {
		t.Errorf("last slot %+v does not fit %d pages", last, pages)
	}
	if pages < 6 || pages > 9 {
		t.Errorf("300 entries took %d pages, want 6 to 9", pages)
	}
}

func TestWatermarkGlyphOutlines(t *testing.T) {
	font, err := parseTTF(liberationserifbold.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range "DRAFTPROJET" {
		if cs := contours(font.glyph(font.glyphID(c))); len(cs) == 0 {
			t.Errorf("%c: no outline", c)
		}
	}
}

func TestCompressStreamsRejectsOtherLayouts(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.3\n", "%PDF-1.3\nstartxref\n5\n%%EOF\n"} {
		if _, err := compressStreams([]byte(in)); err == nil {
			t.Errorf("compressStreams(%q): want an error", in)
		}
	}
}

func TestCompressStreamsShrinksAndKeepsObjects(t *testing.T) {
	r := newRenderer("en")
	r.newPage()
	r.paragraph([]Run{{Text: strings.Repeat("Compressible text. ", 200)}}, marginL, textW, bodyText(), true)
	var raw bytes.Buffer
	if err := r.f.Output(&raw); err != nil {
		t.Fatal(err)
	}
	out, err := compressStreams(raw.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= raw.Len() {
		t.Errorf("compressed %d bytes into %d", raw.Len(), len(out))
	}
	if got, want := bytes.Count(out, []byte(" 0 obj\n")), bytes.Count(raw.Bytes(), []byte(" 0 obj\n")); got != want {
		t.Errorf("%d objects after, %d before", got, want)
	}
}

// TestTOCLayoutAvoidsStrayPage checks that a contents list that would spill
// a line or two onto a page of its own is tightened onto fewer pages, and
// one that spills a fuller page is left at normal spacing.
func TestTOCLayoutAvoidsStrayPage(t *testing.T) {
	n := 0
	for {
		levels := make([]int, n+1)
		if _, pages := tocLayoutScaled(levels, 1); pages > 1 {
			break
		}
		n++
	}
	// n level-0 entries fill one page exactly at normal spacing.
	tests := []struct {
		extra, wantPages int
	}{{1, 1}, {tocMinLastPage - 1, 1}, {tocMinLastPage, 2}}
	for _, tc := range tests {
		levels := make([]int, n+tc.extra)
		slots, pages := tocLayout(levels)
		if pages != tc.wantPages {
			t.Errorf("%d+%d entries: %d pages, want %d", n, tc.extra, pages, tc.wantPages)
		}
		if last := slots[len(slots)-1]; last.y+tocArticleH*0.82 > bodyBot+0.01 {
			t.Errorf("%d+%d entries: last entry at %.1f overflows the page", n, tc.extra, last.y)
		}
	}
}

package pdf_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/bench/corpus"
	"github.com/civicpact/civicpact/render/pdf"
)

// corpusDir is shared/bench/corpus seen from this package's directory.
const corpusDir = "../../../shared/bench/corpus"

func mustRender(t testing.TB, doc pdf.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Render(&buf, doc); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// sourceText is the text of doc in reading order, one paragraph a line,
// as a reader would copy it: the reference for word recall.
func sourceText(doc pdf.Document) (text string, headings []string) {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	runs := func(rs []pdf.Run) string {
		var s strings.Builder
		for _, r := range rs {
			s.WriteString(r.Text)
		}
		return s.String()
	}
	line(doc.Title)
	for _, p := range doc.Preamble {
		line(runs(p.Runs))
	}
	for _, a := range doc.Articles {
		h := "ARTICLE " + a.Number + " — " + strings.ToUpper(a.Title)
		line(h)
		headings = append(headings, h)
		for _, c := range a.Clauses {
			line(c.Number + " " + c.Title)
			headings = append(headings, c.Number+" "+c.Title)
			for _, bl := range c.Blocks {
				line(strings.TrimSpace(bl.Label + " " + runs(bl.Runs)))
			}
		}
	}
	for _, s := range doc.Schedules {
		for _, p := range s.Intro {
			line(runs(p.Runs))
		}
		for _, tb := range s.Tables {
			line(strings.Join(tb.Columns, " "))
			for _, row := range tb.Rows {
				line(strings.Join(row, " "))
			}
		}
	}
	for _, d := range doc.Deviations {
		line(strings.Join([]string{d.ClauseNumber, d.ClauseRef, d.Summary, d.Party, d.ApprovedBy, d.Rationale}, " "))
	}
	for _, s := range doc.Signatories {
		line(s.Organisation + " " + s.Name + " " + s.Title + " " + s.Authority)
	}
	line(doc.Fingerprint)
	return b.String(), headings
}

// checkExtraction asserts what pdfcheck.py measures: every source word
// recovered in order, accented letters and French quotes intact, every
// numbered heading present, no ligature code points, and a correct
// "Page X of Y" on every page.
func checkExtraction(t *testing.T, src, got string, headings []string, lang string) {
	t.Helper()
	if miss := missingInOrder(tokens(src), tokens(got)); miss != nil {
		t.Errorf("word recall below 100%%: first unmatched source words %q", miss)
	}
	for _, c := range "éèêàâçôîûùÉÀÇ«»’“”" {
		if s, g := strings.Count(src, string(c)), strings.Count(got, string(c)); g < s {
			t.Errorf("%q: source has %d, extracted text %d", c, s, g)
		}
	}
	for c := rune(0xfb00); c <= 0xfb06; c++ {
		if strings.ContainsRune(got, c) {
			t.Errorf("ligature code point %U in extracted text", c)
		}
	}
	flat := strings.Join(strings.Fields(got), " ")
	for _, h := range headings {
		if !strings.Contains(flat, strings.Join(strings.Fields(h), " ")) {
			t.Errorf("heading %q not found", h)
		}
	}
	checkPageNumbers(t, got, lang)
}

func checkPageNumbers(t *testing.T, got, lang string) {
	t.Helper()
	pages := strings.Split(strings.TrimSuffix(got, "\f"), "\f")
	of := map[string]string{"en": "of", "fr": "de"}[lang]
	for i, p := range pages {
		want := fmt.Sprintf("Page %d %s %d", i+1, of, len(pages))
		if !strings.Contains(p, want) {
			t.Errorf("page %d: %q missing", i+1, want)
		}
	}
}

func TestSampleQuality(t *testing.T) {
	requireTools(t, "pdftotext", "qpdf")
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			doc := sampleDocument(lang)
			path := mustWritePDF(t, mustRender(t, doc))
			mustQPDFCheck(t, path)
			src, headings := sourceText(doc)
			checkExtraction(t, src, mustPdftotext(t, path), headings, lang)
		})
	}
}

// TestCorpusQuality checks the 60,000-word benchmark contract against the
// generator's own plain text. The two signature lines of the text
// ("ORG — Per: ____ Name: NAME, TITLE") are laid out as signature blocks,
// so they are checked field by field instead of word by word.
func TestCorpusQuality(t *testing.T) {
	requireTools(t, "pdftotext", "qpdf")
	dir := filepath.Join(corpusDir, "w60k")
	doc, err := corpus.Load(filepath.Join(dir, "contract_v1.json"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("benchmark corpus not found at %s", dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "contract_v1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(raw)
	src = src[:strings.LastIndex(src, "IN WITNESS WHEREOF")]
	path := mustWritePDF(t, mustRender(t, doc))
	mustQPDFCheck(t, path)
	got := mustPdftotext(t, path)
	var headings []string
	for _, a := range doc.Articles {
		headings = append(headings, "ARTICLE "+a.Number+" — "+strings.ToUpper(a.Title))
		for _, c := range a.Clauses {
			headings = append(headings, c.Number+" "+c.Title)
		}
	}
	checkExtraction(t, src+doc.Witness, got, headings, "en")
	for _, s := range doc.Signatories {
		for _, field := range []string{s.Organisation, s.Name, s.Title} {
			if !strings.Contains(got, field) {
				t.Errorf("signature block field %q not found", field)
			}
		}
	}
}

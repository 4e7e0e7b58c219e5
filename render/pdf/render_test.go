package pdf_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/render/pdf"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGoldenText pins the pdftotext projection of the sample contract.
func TestGoldenText(t *testing.T) {
	requireTools(t, "pdftotext")
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			got := mustPdftotext(t, mustWritePDF(t, mustRender(t, sampleDocument(lang))))
			golden := filepath.Join("testdata", "sample_"+lang+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("text of the sample PDF changed; diff against %s (go test -update to accept):\n%s",
					golden, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n-%s\n+%s", i+1, wl, gl)
		}
	}
	return ""
}

func TestRenderIsDeterministic(t *testing.T) {
	for _, draft := range []bool{false, true} {
		doc := sampleDocument("fr")
		doc.Draft = draft
		a, b := mustRender(t, doc), mustRender(t, doc)
		if !bytes.Equal(a, b) {
			t.Errorf("draft=%v: two renders of the same document differ", draft)
		}
		if !bytes.Contains(a, []byte("/CreationDate (D:20250301000000")) {
			t.Errorf("draft=%v: creation date is not the contract date", draft)
		}
	}
}

func TestRenderRejectsInvalidDocuments(t *testing.T) {
	tests := []struct {
		name string
		edit func(*pdf.Document)
	}{
		{"no date", func(d *pdf.Document) { d.Date = time.Time{} }},
		{"unknown language", func(d *pdf.Document) { d.Lang = "de" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := sampleDocument("en")
			tt.edit(&doc)
			err := pdf.Render(&bytes.Buffer{}, doc)
			if !apperr.Is(err, apperr.Invalid) {
				t.Errorf("Render: got %v, want an Invalid error", err)
			}
		})
	}
}

func TestRenderProperties(t *testing.T) {
	requireTools(t, "pdfinfo")
	path := mustWritePDF(t, mustRender(t, sampleDocument("en")))
	info := mustRun(t, "pdfinfo", path)
	for _, want := range []string{
		"Title:           Smart Streetlight Services Agreement",
		"Author:          City of Port-Royal",
		"Creator:         civicpact",
		"Keywords:        SCL-GEN-01, SCL-GEN-02, SCL-DATA-01, SCL-PRIV-01",
		"Page size:       612 x 792 pts (letter)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

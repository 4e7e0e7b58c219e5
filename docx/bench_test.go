package docx

import (
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
)

// BenchmarkExport writes the French RFP contract (about 340 paragraphs).
func BenchmarkExport(b *testing.B) {
	env := testenv.New(b, testenv.MustSQLite(b))
	st := mustCaseState(b, env, exportCases[2])
	for b.Loop() {
		if err := Export(io.Discard, st, Options{Lang: exportCases[2].lang}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportReconcile reads the LibreOffice-edited French file and
// compares it with its export.
func BenchmarkImportReconcile(b *testing.B) {
	env := testenv.New(b, testenv.MustSQLite(b))
	st := mustCaseState(b, env, exportCases[2])
	data, err := os.ReadFile("testdata/vendor_fr.docx")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rep, err := Import(bytes.NewReader(data), int64(len(data)), DefaultLimits)
		if err != nil {
			b.Fatal(err)
		}
		mustReconcile(b, st, rep)
	}
}

package pdf_test

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/civicpact/civicpact/bench/corpus"
	"github.com/civicpact/civicpact/render/pdf"
)

// BenchmarkRenderW60k renders the 60,000-word benchmark contract.
func BenchmarkRenderW60k(b *testing.B) {
	doc, err := corpus.Load(filepath.Join(corpusDir, "w60k", "contract_v1.json"))
	if err != nil {
		b.Skipf("benchmark corpus: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := pdf.Render(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

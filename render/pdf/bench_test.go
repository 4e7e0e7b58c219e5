package pdf_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/bench/corpus"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/render/pdf"
)

// benchSizes lists the corpus directories by size. The 240k-word contract
// is not shipped: bench/run_benchmarks.sh generates it and points
// CIVICPACT_BENCH_W240K at it.
func benchSizes() [][2]string {
	sizes := [][2]string{{"w10k", filepath.Join(corpusDir, "w10k")}, {"w60k", filepath.Join(corpusDir, "w60k")}}
	if d := os.Getenv("CIVICPACT_BENCH_W240K"); d != "" {
		sizes = append(sizes, [2]string{"w240k", d})
	}
	return sizes
}

// BenchmarkRender renders the city draft of each benchmark contract.
func BenchmarkRender(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size[0], func(b *testing.B) {
			doc, err := corpus.Load(filepath.Join(size[1], "contract_v1.json"))
			if err != nil {
				b.Skipf("benchmark corpus: %v", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := pdf.Render(io.Discard, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderRedline renders the vendor redline (v1 → v2) of each
// benchmark contract: the clause-aware diff is computed once, outside the
// timed loop, and every changed clause is printed with its marks.
func BenchmarkRenderRedline(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size[0], func(b *testing.B) {
			rl := mustCorpusRedline(b, size[1])
			b.ReportAllocs()
			for b.Loop() {
				if err := pdf.RenderRedline(io.Discard, rl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// mustCorpusRedline diffs contract_v1 and contract_v2 of dir and maps the
// changed clauses onto a pdf.Redline.
func mustCorpusRedline(b *testing.B, dir string) pdf.Redline {
	b.Helper()
	old, err := corpus.LoadClauses(filepath.Join(dir, "contract_v1.json"))
	if err != nil {
		b.Skipf("benchmark corpus: %v", err)
	}
	new, err := corpus.LoadClauses(filepath.Join(dir, "contract_v2.json"))
	if err != nil {
		b.Fatal(err)
	}
	rl := pdf.Redline{Lang: "en", Title: "Master Technology Services Agreement", ContractID: "PR-2024-117-MTSA",
		From: "City draft v1", To: "Vendor redline v2", Date: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), Author: "City of Port-Royal"}
	for _, c := range negotiation.DiffDocument(old, new).Clauses {
		num := c.ToNumber
		if num == "" {
			num = c.FromNumber
		}
		words := c.Diff.WordsInserted + c.Diff.WordsDeleted
		rl.Summary = append(rl.Summary, pdf.RedlineRow{Clause: num, Party: "Vendor", Status: c.Kind, Words: words})
		rl.Clauses = append(rl.Clauses, pdf.RedlineClause{Clause: pdf.Clause{Number: num, Ref: c.ID, Blocks: redlineBlocks(c.Diff)}})
	}
	return rl
}

// redlineBlocks turns a text diff into paragraphs of marked runs, starting
// a new paragraph at each line break.
func redlineBlocks(d negotiation.TextDiff) []pdf.Block {
	style := map[negotiation.Op]pdf.RunStyle{negotiation.OpEqual: pdf.Normal, negotiation.OpInsert: pdf.Inserted, negotiation.OpDelete: pdf.Deleted}
	blocks := []pdf.Block{{}}
	for _, ch := range d.Changes {
		for i, part := range strings.Split(ch.Text, "\n") {
			if i > 0 {
				blocks = append(blocks, pdf.Block{})
			}
			if part != "" {
				last := &blocks[len(blocks)-1]
				last.Runs = append(last.Runs, pdf.Run{Text: part, Style: style[ch.Op]})
			}
		}
	}
	return blocks
}

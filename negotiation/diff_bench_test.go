package negotiation_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/negotiation"
)

// BenchmarkDiffDocument diffs the benchmark contracts. The 240k-word one is
// not shipped: bench/redline_vs_git.sh generates it and points
// CIVICPACT_BENCH_W240K at it.
func BenchmarkDiffDocument(b *testing.B) {
	dirs := map[string]string{
		"w10k": filepath.Join(corpusDir, "w10k"),
		"w60k": filepath.Join(corpusDir, "w60k"),
	}
	if d := os.Getenv("CIVICPACT_BENCH_W240K"); d != "" {
		dirs["w240k"] = d
	}
	for _, size := range []string{"w10k", "w60k", "w240k"} {
		dir, ok := dirs[size]
		if !ok {
			continue
		}
		b.Run(size, func(b *testing.B) {
			old, new, _ := mustLoadCorpus(b, dir)
			b.ReportAllocs()
			for b.Loop() {
				negotiation.DiffDocument(old, new)
			}
		})
	}
}

// BenchmarkMerge3 merges two redlines of one long clause that touch
// different sentences.
func BenchmarkMerge3(b *testing.B) {
	base := strings.Repeat("The Contractor shall deliver the Services to the City within thirty (30) days. ", 20)
	ours := strings.Replace(base, "thirty (30)", "sixty (60)", 1)
	theirs := strings.Replace(base, "the Services", "les Services", 20)[:len(base)-10] + "promptly."
	b.ReportAllocs()
	for b.Loop() {
		negotiation.Merge3(base, ours, theirs)
	}
}

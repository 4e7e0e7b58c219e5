package clauses

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// benchClauses × benchVersions is the size of the generated library.
const (
	benchClauses  = 1000
	benchVersions = 5
)

// benchTopics vary the wording so that searches match some clauses only.
var benchTopics = []struct{ en, fr string }{
	{"data residency", "résidence des données"},
	{"limitation of liability", "limitation de responsabilité"},
	{"intellectual property", "propriété intellectuelle"},
	{"accessibility", "accessibilité"},
	{"termination for convenience", "résiliation pour convenance"},
	{"privacy breach notification", "avis d'atteinte à la vie privée"},
	{"open data licence", "licence de données ouvertes"},
	{"insurance", "assurance"},
}

// mustBenchLibrary imports benchClauses clauses of benchVersions approved
// versions each (5,000 versions) into a fresh SQLite store.
func mustBenchLibrary(b *testing.B) *Library {
	b.Helper()
	l := mustLibrary(b)
	approvedAt := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	items := make([]ImportItem, 0, benchClauses)
	for i := range benchClauses {
		key := fmt.Sprintf("SCL-BK%c%c-%02d", 'A'+i/100/26, 'A'+i/100%26, i%100)
		topic := benchTopics[i%len(benchTopics)]
		c := Clause{Key: key, Category: "liability", Title: Text{"Clause on " + topic.en, "Clause sur " + topic.fr}}
		it := ImportItem{File: key + ".md", Clause: c}
		for n := 1; n <= benchVersions; n++ {
			v := validVersion()
			v.Key, v.N, v.Title = key, n, c.Title
			v.Guidance = Text{fmt.Sprintf("Version %d on %s.", n, topic.en), fmt.Sprintf("Version %d sur %s.", n, topic.fr)}
			it.Versions = append(it.Versions, VersionState{Version: v, Status: StatusApproved, ApprovedBy: "marc", ApprovedAt: &approvedAt})
		}
		items = append(items, it)
	}
	if _, err := l.Import(context.Background(), items); err != nil {
		b.Fatal(err)
	}
	return l
}

// BenchmarkLibrarySearch5000 lists and searches a library of 1,000 clauses
// with 5 versions each on the embedded SQLite store, as GET /api/v1/clauses
// does: every query folds every clause stream.
func BenchmarkLibrarySearch5000(b *testing.B) {
	l := mustBenchLibrary(b)
	ctx := context.Background()
	queries := []struct {
		name  string
		q     Query
		total int
	}{
		{"list-first-page", Query{}, benchClauses},
		{"search-common-word", Query{Text: "liability"}, benchClauses},
		{"search-one-topic", Query{Text: "residency"}, benchClauses / len(benchTopics)},
		{"search-fr-accents", Query{Text: "propriete intellectuelle", Lang: FR}, benchClauses / len(benchTopics)},
		{"search-no-match", Query{Text: "zeppelin"}, 0},
	}
	for _, qq := range queries {
		b.Run(qq.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := l.List(ctx, qq.q)
				if err != nil || p.Total != qq.total {
					b.Fatalf("List(%+v) total %d, %v; want %d", qq.q, p.Total, err, qq.total)
				}
			}
		})
	}
}

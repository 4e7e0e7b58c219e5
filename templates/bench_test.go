package templates

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
)

const benchCorpus = "/work/shared/bench/corpus/w60k/contract_v1.json"

var markupEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `{`, `\{`)

// corpusMarkup converts a corpus clause's blocks into clause markup, with a
// variable in the first paragraph so that substitution is measured too.
func corpusMarkup(blocks []byte) (string, error) {
	var bs []struct {
		Type, Text, Term, Intro string
		Items                   []struct {
			Text string
			Sub  []struct{ Text string }
		}
	}
	if err := json.Unmarshal(blocks, &bs); err != nil {
		return "", err
	}
	var parts []string
	para := func(s string) {
		s = markupEscaper.Replace(s)
		if strings.HasPrefix(s, "(") || strings.HasPrefix(s, "#") {
			s = `\` + s
		}
		parts = append(parts, s)
	}
	for _, b := range bs {
		switch b.Type {
		case "def":
			parts = append(parts, "**"+b.Term+"** "+markupEscaper.Replace(b.Text))
		case "list":
			para(b.Intro)
			for i, it := range b.Items {
				parts = append(parts, fmt.Sprintf("(%c) %s", 'a'+i%26, markupEscaper.Replace(it.Text)))
				for j, sub := range it.Sub {
					parts = append(parts, "    ("+strings.Repeat("i", j%3+1)+") "+markupEscaper.Replace(sub.Text))
				}
			}
		default:
			para(b.Text)
		}
	}
	parts[0] += " Notice is given within {{notice_days}} days."
	return strings.Join(parts, "\n\n"), nil
}

// mustCorpusLibrary turns the 300 clauses of the 60k-word corpus into
// fixture versions and a template with one slot per clause.
func mustCorpusLibrary(b *testing.B) templateLibrary {
	b.Helper()
	raw, err := os.ReadFile(benchCorpus)
	if err != nil {
		b.Skipf("benchmark corpus: %v", err)
	}
	var doc struct {
		Articles []struct {
			Title   string
			Clauses []struct {
				Title  string
				Blocks json.RawMessage
			}
		}
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		b.Fatal(err)
	}
	lib := templateLibrary{&fixtureLibrary{versions: map[string]clauses.Version{}, templates: map[string]*Template{}}}
	tpl := &Template{Key: "TPL-BENCH", Version: 1, Route: clauses.RouteRFP, Title: clauses.Text{EN: "Bench", FR: "Banc"}}
	for i, a := range doc.Articles {
		spec := ArticleSpec{Title: clauses.Text{EN: a.Title, FR: a.Title}}
		for j, c := range a.Clauses {
			key := fmt.Sprintf("SCL-BK%c-%02d", 'A'+i, j+1)
			text, err := corpusMarkup(c.Blocks)
			if err != nil {
				b.Fatal(err)
			}
			lib.versions[key] = clauses.Version{
				Key: key, N: 1, Effective: "2026-01-15", Title: clauses.Text{EN: c.Title, FR: c.Title},
				Variables: []clauses.Variable{{Name: "notice_days", Type: clauses.TypeInteger, Default: float64(30)}},
				Positions: []clauses.Position{{ID: "A", Stance: clauses.StancePreferred, Body: clauses.Text{EN: text, FR: text}}},
			}
			spec.Slots = append(spec.Slots, Slot{ClauseKey: key, Required: true})
		}
		tpl.Articles = append(tpl.Articles, spec)
	}
	if err := ValidateTemplate(tpl); err != nil {
		b.Fatal(err)
	}
	lib.templates[tpl.Key] = tpl
	return lib
}

func BenchmarkAssemble300Clauses(b *testing.B) {
	lib := mustCorpusLibrary(b)
	in := Input{
		Template: Ref{Key: "TPL-BENCH"}, Province: "ON", Languages: []clauses.Lang{clauses.EN, clauses.FR},
		ProcurementRef: "RFP-2024-117", Parties: []Party{city(), vendor("Northwind Civic Systems Inc.")},
		Variables: map[string]any{"notice_days": 15},
	}
	c, err := Assemble(in, lib, testNow, sequentialIDs())
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, a := range c.Articles {
		n += len(a.Clauses)
	}
	if n != 300 {
		b.Fatalf("%d clauses assembled, want 300", n)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Assemble(in, lib, testNow, sequentialIDs()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssemblePilot(b *testing.B) {
	lib := mustFixtureLibrary(b)
	in := baseInput("TPL-PILOT", "ON", clauses.EN, clauses.FR)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Assemble(in, lib, testNow, sequentialIDs()); err != nil {
			b.Fatal(err)
		}
	}
}

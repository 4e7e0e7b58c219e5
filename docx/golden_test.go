package docx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/internal/testenv"
)

// goldenText renders a document's paragraphs readably: style, bookmarks,
// **bold**, [-deleted-], {+inserted+}, and a ¶ mark change.
func goldenText(ps []Paragraph) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Style)
		for _, s := range p.Starts {
			b.WriteString(" <" + s + ">")
		}
		b.WriteString(": ")
		for _, s := range p.Segments {
			text := s.Text
			if s.Bold {
				text = "**" + text + "**"
			}
			switch s.Rev.Kind {
			case RevIns:
				text = "{+" + text + "+}"
			case RevDel:
				text = "[-" + text + "-]"
			}
			b.WriteString(text)
		}
		if p.Mark.Kind != RevNone {
			b.WriteString(" ¶" + string(p.Mark.Kind) + " by " + p.Mark.Author)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestGoldenText compares what each export says, read back through Import,
// with testdata/<case>.golden (rewrite with -update).
func TestGoldenText(t *testing.T) {
	for _, ec := range exportCases {
		t.Run(ec.name, func(t *testing.T) {
			env := testenv.New(t, testenv.MustSQLite(t))
			rep := mustImport(t, mustExport(t, mustCaseState(t, env, ec), Options{Lang: ec.lang, WithProposals: ec.proposals}))
			got := goldenText(rep.Paragraphs)
			path := filepath.Join("testdata", ec.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs (run with -update and review the diff)", path)
			}
		})
	}
}

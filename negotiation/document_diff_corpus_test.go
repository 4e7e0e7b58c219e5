package negotiation_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/civicpact/civicpact/bench/corpus"
	"github.com/civicpact/civicpact/negotiation"
)

// corpusDir is the benchmark corpus shipped beside the repository
// (shared/bench/corpus next to the repo root).
const corpusDir = "../../shared/bench/corpus"

// groundTruth is the part of edits_v2.json the corpus test checks against.
type groundTruth struct {
	MovedClause struct {
		ID string `json:"id"`
	} `json:"moved_clause"`
	DeletedClause struct {
		ID string `json:"id"`
	} `json:"deleted_clause"`
	PerClause []struct {
		ClauseID string `json:"clause_id"`
		Status   string `json:"status"`
	} `json:"per_clause"`
	MaxEditWords int `json:"intended_edit_size_with_move_detection"`
}

// TestDiffDocumentCorpus diffs the benchmark contracts and checks the
// result against the generator's ground truth: the moved clause is a move,
// the deleted clause a deletion, every edited clause and no other is
// reported, and the changed words stay within the exact minimum with moves
// recognised (which also counts the renumbered headings we ignore).
func TestDiffDocumentCorpus(t *testing.T) {
	for _, size := range []string{"w10k", "w60k"} {
		t.Run(size, func(t *testing.T) {
			old, new, truth := mustLoadCorpus(t, filepath.Join(corpusDir, size))
			dd := negotiation.DiffDocument(old, new)
			want := map[string]string{truth.MovedClause.ID: negotiation.ClauseMoved, truth.DeletedClause.ID: negotiation.ClauseDeleted}
			for _, p := range truth.PerClause {
				if p.Status == "edited" {
					want[p.ClauseID] = negotiation.ClauseModified
				}
			}
			for _, c := range dd.Clauses {
				if want[c.ID] != c.Kind {
					t.Errorf("clause %s reported %q, want %q", c.ID, c.Kind, want[c.ID])
				}
				delete(want, c.ID)
			}
			for id, kind := range want {
				t.Errorf("clause %s not reported (want %q)", id, kind)
			}
			total := dd.WordsInserted + dd.WordsDeleted
			t.Logf("%s: %d clause changes, %d words deleted + %d inserted = %d (limit %d)",
				size, len(dd.Clauses), dd.WordsDeleted, dd.WordsInserted, total, truth.MaxEditWords)
			if total > truth.MaxEditWords {
				t.Errorf("%d changed words, more than the %d of an exact diff with moves", total, truth.MaxEditWords)
			}
		})
	}
}

// mustLoadCorpus loads contract_v1.json, contract_v2.json and
// edits_v2.json from dir, skipping the test if the corpus is absent.
func mustLoadCorpus(tb testing.TB, dir string) (old, new []negotiation.ClauseText, truth groundTruth) {
	tb.Helper()
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("benchmark corpus not found at %s (expected shared/bench/corpus beside the repository): %v", dir, err)
	}
	var err error
	if old, err = corpus.LoadClauses(filepath.Join(dir, "contract_v1.json")); err != nil {
		tb.Fatal(err)
	}
	if new, err = corpus.LoadClauses(filepath.Join(dir, "contract_v2.json")); err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "edits_v2.json"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		tb.Fatal(err)
	}
	return old, new, truth
}

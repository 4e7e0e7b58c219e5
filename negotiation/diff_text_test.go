package negotiation

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/apperr"
)

func TestDiffText(t *testing.T) {
	tests := []struct {
		name, old, new string
		html           string
		substantive    bool
		del, ins       int
	}{
		{"identical", "same text", "same text", "same text", false, 0, 0},
		{"both empty", "", "", "", false, 0, 0},
		{"word replaced", "the Contractor shall", "the Vendor shall",
			"the <del>Contractor</del><ins>Vendor</ins> shall", true, 1, 1},
		{"words inserted", "within ten days", "within ten Business days",
			"within ten <ins>Business </ins>days", true, 0, 1},
		{"case only", "the City shall", "the city shall",
			`the <del class="minor">City</del><ins class="minor">city</ins> shall`, false, 1, 1},
		{"punctuation only", "days, and", "days; and",
			`days<del class="minor">,</del><ins class="minor">;</ins> and`, false, 1, 1},
		{"whitespace only", "a  b", "a b", `a<del class="minor">  </del><ins class="minor"> </ins>b`, false, 0, 0},
		{"decimal point is substantive", "1.5% per month", "15% per month",
			"<del>1.5</del><ins>15</ins>% per month", true, 1, 1},
		{"escaped", "a < b", "a > b", "a <del>&lt;</del><ins>&gt;</ins> b", true, 1, 1},
		{"from empty", "", "new text", "<ins>new text</ins>", true, 0, 2},
		{"to empty", "old text", "", "<del>old text</del>", true, 2, 0},
		{"french", "Le Fournisseur doit « livrer » l’équipement.", "Le Fournisseur doit « installer » l’équipement.",
			"Le Fournisseur doit « <del>livrer</del><ins>installer</ins> » l’équipement.", true, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := DiffText(tt.old, tt.new)
			if got := d.HTML(); got != tt.html {
				t.Errorf("HTML:\n got %s\nwant %s", got, tt.html)
			}
			if d.Substantive != tt.substantive {
				t.Errorf("Substantive = %v, want %v", d.Substantive, tt.substantive)
			}
			if d.WordsDeleted != tt.del || d.WordsInserted != tt.ins {
				t.Errorf("words -%d +%d, want -%d +%d", d.WordsDeleted, d.WordsInserted, tt.del, tt.ins)
			}
			mustApply(t, d, tt.old, tt.new)
		})
	}
}

func TestDiffTextOffsets(t *testing.T) {
	old, new := "one two three four", "one 2 three four five"
	d := DiffText(old, new)
	for _, c := range d.Changes {
		if c.Op != OpInsert && old[c.OldOffset:c.OldOffset+len(c.Text)] != c.Text {
			t.Errorf("change %+v: old text at OldOffset is %q", c, old[c.OldOffset:])
		}
		if c.Op != OpDelete && new[c.NewOffset:c.NewOffset+len(c.Text)] != c.Text {
			t.Errorf("change %+v: new text at NewOffset is %q", c, new[c.NewOffset:])
		}
	}
}

func TestApplyRejectsOtherBase(t *testing.T) {
	d := DiffText("the Contractor shall", "the Vendor shall")
	for _, base := range []string{"the Supplier shall", "the Contractor shall not", ""} {
		_, err := d.Apply(base)
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Kind != apperr.Invalid {
			t.Errorf("Apply(%q) error = %v, want an Invalid error", base, err)
		}
	}
}

// TestDiffTextTimeoutFallsBack checks that a diff cut short by the timeout
// is coarser but still turns old into new.
func TestDiffTextTimeoutFallsBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	old := randomText(rng, 5000)
	new := editText(rng, old, 0.2)
	d := differ{timeout: time.Nanosecond}.diff(old, new)
	mustApply(t, d, old, new)
	if !d.Substantive {
		t.Error("a 20% rewrite was not flagged substantive")
	}
}

// TestDiffTextLargeInputs covers what go-diff's character mode does badly:
// large texts with many edits must not collapse to "delete all, insert all",
// and texts with nothing in common must still diff correctly.
func TestDiffTextLargeInputs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	old := randomText(rng, 20000)
	t.Run("ten percent edited", func(t *testing.T) {
		new := editText(rng, old, 0.10)
		d := DiffText(old, new)
		mustApply(t, d, old, new)
		if total := countWords(old); d.WordsDeleted > total/3 {
			t.Errorf("%d of %d words reported deleted: the diff collapsed", d.WordsDeleted, total)
		}
	})
	t.Run("nothing in common", func(t *testing.T) {
		new := strings.ToUpper(randomText(rng, 20000))
		mustApply(t, DiffText(old, new), old, new)
	})
}

func mustApply(t *testing.T, d TextDiff, old, new string) {
	t.Helper()
	got, err := d.Apply(old)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if got != new {
		t.Fatalf("Apply(old) = %q, want %q", got, new)
	}
}

var lexicon = strings.Fields(`the City Contractor shall may not provide deliver maintain all any
	Services Deliverables data records notice days within thirty (30) prior written consent of
	and or to in for by with agreement Schedule Section l’entente la Ville doit « livrer » équipement
	fournisseur délai jours ouvrables, ; . : —`)

// randomText returns n words drawn from a legal-sounding lexicon.
func randomText(rng *rand.Rand, n int) string {
	words := make([]string, n)
	for i := range words {
		words[i] = lexicon[rng.IntN(len(lexicon))]
	}
	return strings.Join(words, " ")
}

// editText replaces, deletes or inserts a fraction of the words of s.
func editText(rng *rand.Rand, s string, fraction float64) string {
	var out []string
	for _, w := range strings.Fields(s) {
		if rng.Float64() >= fraction {
			out = append(out, w)
			continue
		}
		switch rng.IntN(3) {
		case 0:
			out = append(out, fmt.Sprintf("new%d", rng.IntN(1000)))
		case 1:
			out = append(out, w, "inserted")
		}
	}
	return strings.Join(out, " ")
}

package negotiation

import (
	"cmp"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestMerge3(t *testing.T) {
	const base = "The City shall pay each invoice within thirty (30) days of receipt."
	tests := []struct {
		name, ours, theirs string
		want               string
		conflicts          []Conflict // only Base, Ours and Theirs are compared
		base               string     // the clause above when empty
	}{
		{"only ours", "The Town shall pay each invoice within thirty (30) days of receipt.", base,
			"The Town shall pay each invoice within thirty (30) days of receipt.", nil, ""},
		{"disjoint edits merge",
			"The Town shall pay each invoice within thirty (30) days of receipt.",
			"The City shall pay each invoice within sixty (60) days of receipt.",
			"The Town shall pay each invoice within sixty (60) days of receipt.", nil, ""},
		{"adjacent words merge",
			"The City shall promptly pay each invoice within thirty (30) days of receipt.",
			"The City must pay each invoice within thirty (30) days of receipt.",
			"The City must promptly pay each invoice within thirty (30) days of receipt.", nil, ""},
		{"identical edits are not a conflict",
			"The City shall pay each invoice within sixty (60) days of receipt.",
			"The City shall pay each invoice within sixty (60) days of receipt.",
			"The City shall pay each invoice within sixty (60) days of receipt.", nil, ""},
		{"same word changed differently",
			"The City shall pay each invoice within sixty (30) days of receipt.",
			"The City shall pay each invoice within ninety (30) days of receipt.",
			"The City shall pay each invoice within sixty (30) days of receipt.",
			[]Conflict{{Base: "thirty", Ours: "sixty", Theirs: "ninety"}}, ""},
		{"insertions at the same place",
			"The City shall pay each invoice within thirty (30) days of receipt, net.",
			"The City shall pay each invoice within thirty (30) days of receipt, gross.",
			"The City shall pay each invoice within thirty (30) days of receipt, net.",
			[]Conflict{{Base: "", Ours: ", net", Theirs: ", gross"}}, ""},
		{"french, one conflict and one clean edit",
			"La Ville doit payer chaque facture dans les soixante (30) jours suivant sa réception.",
			"La Ville doit régler chaque facture dans les quarante-cinq (30) jours suivant sa réception.",
			"La Ville doit régler chaque facture dans les soixante (30) jours suivant sa réception.",
			[]Conflict{{Base: "trente", Ours: "soixante", Theirs: "quarante-cinq"}},
			"La Ville doit payer chaque facture dans les trente (30) jours suivant sa réception."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := cmp.Or(tt.base, base)
			r := Merge3(b, tt.ours, tt.theirs)
			if r.Text != tt.want {
				t.Errorf("Text:\n got %q\nwant %q", r.Text, tt.want)
			}
			if r.Clean != (len(tt.conflicts) == 0) {
				t.Errorf("Clean = %v with conflicts %+v", r.Clean, r.Conflicts)
			}
			mustMatchConflicts(t, r, b, tt.conflicts)
		})
	}
}

func mustMatchConflicts(t *testing.T, r MergeResult, base string, want []Conflict) {
	t.Helper()
	if len(r.Conflicts) != len(want) {
		t.Fatalf("conflicts = %+v, want %+v", r.Conflicts, want)
	}
	for i, c := range r.Conflicts {
		if c.Base != want[i].Base || c.Ours != want[i].Ours || c.Theirs != want[i].Theirs {
			t.Errorf("conflict %d = %+v, want base/ours/theirs %q/%q/%q", i, c, want[i].Base, want[i].Ours, want[i].Theirs)
		}
		if r.Text[c.Offset:c.Offset+len(c.Ours)] != c.Ours || base[c.BaseOffset:c.BaseOffset+len(c.Base)] != c.Base {
			t.Errorf("conflict %d offsets do not point at its text", i)
		}
	}
}

// TestMerge3Properties edits random clauses on both sides, ours in the
// first half of the words and theirs in the second, with an untouched word
// between: the merge must be clean and equal to applying both edits.
func TestMerge3Properties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 200; i++ {
		words := strings.Fields(randomText(rng, 10+rng.IntN(60)))
		mid := len(words) / 2
		head := strings.Fields(editText(rng, strings.Join(words[:mid], " "), 0.3))
		tail := strings.Fields(editText(rng, strings.Join(words[mid+1:], " "), 0.3))
		base := joinWords(words)
		o, th := joinWords(head, words[mid:]), joinWords(words[:mid+1], tail)
		want := joinWords(head, words[mid:mid+1], tail)

		r := Merge3(base, o, th)
		if !r.Clean || r.Text != want {
			t.Fatalf("Merge3(%q, %q, %q) = %+v, want clean %q", base, o, th, r, want)
		}
		swapped := Merge3(base, th, o)
		if !swapped.Clean || swapped.Text != want {
			t.Fatalf("swapping sides changed the merge: %+v", swapped)
		}
	}
}

// TestMerge3ConflictsAreSymmetric checks that swapping ours and theirs
// swaps the sides of each conflict and nothing else.
func TestMerge3ConflictsAreSymmetric(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 200; i++ {
		base := randomText(rng, 30)
		ours, theirs := editText(rng, base, 0.2), editText(rng, base, 0.2)
		a, b := Merge3(base, ours, theirs), Merge3(base, theirs, ours)
		if len(a.Conflicts) != len(b.Conflicts) {
			t.Fatalf("%d conflicts one way, %d the other", len(a.Conflicts), len(b.Conflicts))
		}
		for k := range a.Conflicts {
			x, y := a.Conflicts[k], b.Conflicts[k]
			if x.Base != y.Base || x.Ours != y.Theirs || x.Theirs != y.Ours {
				t.Fatalf("conflict %d: %+v vs %+v", k, x, y)
			}
		}
	}
}

// joinWords joins the words of all parts with single spaces.
func joinWords(parts ...[]string) string {
	var all []string
	for _, p := range parts {
		all = append(all, p...)
	}
	return strings.Join(all, " ")
}

package negotiation

import (
	"slices"
	"testing"
)

// clause is a shorthand for a ClauseText in article "1".
func clause(id, number, text string) ClauseText {
	return ClauseText{ID: id, Number: number, Title: "Title " + id, Text: text, Article: "1"}
}

func TestDiffDocument(t *testing.T) {
	a := clause("a", "1.1", "The City shall pay.")
	b := clause("b", "1.2", "The Contractor shall deliver.")
	c := clause("c", "1.3", "Each Party shall keep records.")
	d := clause("d", "1.4", "Notices shall be in writing.")
	renumber := func(cl ClauseText, n string) ClauseText { cl.Number = n; return cl }
	retext := func(cl ClauseText, s string) ClauseText { cl.Text = s; return cl }
	inArticle := func(cl ClauseText, art string) ClauseText { cl.Article = art; return cl }

	type summary struct{ ID, Kind, From, To string }
	tests := []struct {
		name     string
		old, new []ClauseText
		want     []summary
	}{
		{"unchanged", []ClauseText{a, b, c}, []ClauseText{a, b, c}, nil},
		{"deletion renumbers the rest without changing them",
			[]ClauseText{a, b, c, d}, []ClauseText{a, renumber(c, "1.2"), renumber(d, "1.3")},
			[]summary{{"b", ClauseDeleted, "1.2", ""}}},
		{"insertion", []ClauseText{a, c}, []ClauseText{a, b, c},
			[]summary{{"b", ClauseInserted, "", "1.2"}}},
		{"text edited", []ClauseText{a, b}, []ClauseText{a, retext(b, "The Contractor shall install.")},
			[]summary{{"b", ClauseModified, "1.2", "1.2"}}},
		{"moved later in the same article",
			[]ClauseText{a, b, c, d}, []ClauseText{renumber(b, "1.1"), renumber(c, "1.2"), renumber(a, "1.3"), d},
			[]summary{{"a", ClauseMoved, "1.1", "1.3"}}},
		{"moved to another article and edited",
			[]ClauseText{a, b, c}, []ClauseText{a, c, inArticle(retext(renumber(b, "2.1"), "The Contractor must deliver."), "2")},
			[]summary{{"b", ClauseMovedModified, "1.2", "2.1"}}},
		{"title changed", []ClauseText{a}, []ClauseText{{ID: "a", Number: "1.1", Title: "Payment", Text: a.Text, Article: "1"}},
			[]summary{{"a", ClauseModified, "1.1", "1.1"}}},
		{"deleted clause is reported where it was",
			[]ClauseText{a, b, c, d}, []ClauseText{b, renumber(d, "1.2"), renumber(a, "1.3")},
			[]summary{{"c", ClauseDeleted, "1.3", ""}, {"a", ClauseMoved, "1.1", "1.3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dd := DiffDocument(tt.old, tt.new)
			var got []summary
			for _, c := range dd.Clauses {
				got = append(got, summary{c.ID, c.Kind, c.FromNumber, c.ToNumber})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("changes:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDiffDocumentWordCounts(t *testing.T) {
	old := []ClauseText{clause("a", "1", "one two three"), clause("b", "2", "four five")}
	new := []ClauseText{clause("a", "1", "one 2 three"), clause("c", "2", "six seven eight")}
	dd := DiffDocument(old, new)
	// a: -1 +1; b deleted: -2 text words, -2 title words; c inserted: +3, +2.
	if dd.WordsDeleted != 5 || dd.WordsInserted != 6 {
		t.Errorf("words -%d +%d, want -5 +6", dd.WordsDeleted, dd.WordsInserted)
	}
	for _, c := range dd.Clauses {
		if c.Kind == ClauseDeleted {
			mustApply(t, c.Diff, "four five", "")
		}
	}
}

func TestDiffDocumentRepeatedIDs(t *testing.T) {
	old := []ClauseText{clause("x", "1", "first"), clause("x", "2", "second")}
	new := []ClauseText{clause("x", "1", "first"), clause("x", "2", "second, edited")}
	dd := DiffDocument(old, new)
	if len(dd.Clauses) != 1 || dd.Clauses[0].Kind != ClauseModified || dd.Clauses[0].FromNumber != "2" {
		t.Errorf("changes = %+v, want only the second x modified", dd.Clauses)
	}
}

func TestLongestIncreasing(t *testing.T) {
	tests := []struct {
		in   []int
		want []bool
	}{
		{nil, []bool{}},
		{[]int{0, 1, 2}, []bool{true, true, true}},
		{[]int{1, 2, 0, 3}, []bool{true, true, false, true}},
		{[]int{3, 0, 1, 2}, []bool{false, true, true, true}},
	}
	for _, tt := range tests {
		if got := longestIncreasing(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("longestIncreasing(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

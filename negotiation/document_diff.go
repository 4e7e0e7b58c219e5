package negotiation

// ClauseText is one clause of a contract as the redline engine sees it. ID
// is stable across versions; Number, Title and Article (the article the
// clause sits in) are how the clause is presented and may change.
type ClauseText struct {
	ID      string `json:"id"`
	Number  string `json:"number"`
	Title   string `json:"title"`
	Text    string `json:"text"`
	Article string `json:"article"`
}

// The kinds of ClauseChange.
const (
	ClauseModified      = "modified"
	ClauseInserted      = "inserted"
	ClauseDeleted       = "deleted"
	ClauseMoved         = "moved"
	ClauseMovedModified = "moved+modified"
)

// ClauseChange is what happened to one clause between two versions. Diff is
// the redline of the clause text (all inserted or all deleted for an
// inserted or deleted clause, empty for a pure move); TitleDiff is set when
// the title changed, or was inserted or deleted with its clause.
type ClauseChange struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	FromNumber string    `json:"from_number,omitempty"`
	ToNumber   string    `json:"to_number,omitempty"`
	Diff       TextDiff  `json:"diff"`
	TitleDiff  *TextDiff `json:"title_diff,omitempty"`
}

// DocumentDiff is a clause-by-clause redline of a contract. Clauses lists
// only clauses that changed, in the new version's order, each deleted
// clause after the clause that preceded it in the old version.
type DocumentDiff struct {
	Clauses       []ClauseChange `json:"clauses"`
	WordsInserted int            `json:"words_inserted"`
	WordsDeleted  int            `json:"words_deleted"`
}

// DiffDocument compares two versions of a contract clause by clause, keyed
// by clause ID: a clause that was only renumbered is not a change, and a
// clause that moved to another article or out of order is a move, not a
// delete plus an insert. Only clauses whose text or title differ are
// diffed. IDs should be unique within a version; a repeated ID is matched
// with the same occurrence of that ID in the other version.
func DiffDocument(old, new []ClauseText) DocumentDiff {
	oldKeys, newKeys := clauseKeys(old), clauseKeys(new)
	oldIndex := indexKeys(oldKeys)
	moved := movedClauses(oldKeys, newKeys, oldIndex, old, new)
	deletedAfter := deletedByPredecessor(oldKeys, indexKeys(newKeys), moved)

	var dd DocumentDiff
	dd.addDeleted(deletedAfter[-1], old)
	for n, key := range newKeys {
		o, ok := oldIndex[key]
		if !ok {
			dd.add(ClauseChange{ID: new[n].ID, Kind: ClauseInserted, ToNumber: new[n].Number,
				Diff: DiffText("", new[n].Text), TitleDiff: titleDiff("", new[n].Title)})
			continue
		}
		if c, changed := compareClause(old[o], new[n], moved[key]); changed {
			dd.add(c)
		}
		dd.addDeleted(deletedAfter[o], old)
	}
	return dd
}

// compareClause diffs one clause present in both versions.
func compareClause(o, n ClauseText, moved bool) (ClauseChange, bool) {
	c := ClauseChange{ID: n.ID, FromNumber: o.Number, ToNumber: n.Number}
	modified := false
	if o.Text != n.Text {
		c.Diff = DiffText(o.Text, n.Text)
		modified = true
	}
	if o.Title != n.Title {
		c.TitleDiff = titleDiff(o.Title, n.Title)
		modified = true
	}
	switch {
	case moved && modified:
		c.Kind = ClauseMovedModified
	case moved:
		c.Kind = ClauseMoved
	case modified:
		c.Kind = ClauseModified
	default:
		return c, false
	}
	return c, true
}

// add appends a change and adds its words to the totals.
func (dd *DocumentDiff) add(c ClauseChange) {
	dd.Clauses = append(dd.Clauses, c)
	dd.WordsInserted += c.Diff.WordsInserted
	dd.WordsDeleted += c.Diff.WordsDeleted
	if c.TitleDiff != nil {
		dd.WordsInserted += c.TitleDiff.WordsInserted
		dd.WordsDeleted += c.TitleDiff.WordsDeleted
	}
}

// addDeleted appends the deleted clauses with the given old indexes.
func (dd *DocumentDiff) addDeleted(indexes []int, old []ClauseText) {
	for _, o := range indexes {
		dd.add(ClauseChange{ID: old[o].ID, Kind: ClauseDeleted, FromNumber: old[o].Number,
			Diff: DiffText(old[o].Text, ""), TitleDiff: titleDiff(old[o].Title, "")})
	}
}

// titleDiff is the redline of a clause title, or nil if it did not change.
func titleDiff(old, new string) *TextDiff {
	if old == new {
		return nil
	}
	td := DiffText(old, new)
	return &td
}

package negotiation

import (
	"fmt"
	"sort"

	"github.com/civicpact/civicpact/clauses"
)

// Level is where an amendment stands against the library's playbook.
type Level string

// The levels, from harmless to needing an approver's sign-off.
const (
	LevelNonSubstantive Level = "non_substantive" // whitespace, punctuation or case only
	LevelPreferred      Level = "preferred"       // an approved position or value the city prefers
	LevelFallback       Level = "fallback"        // acceptable: legal may agree
	LevelCustom         Level = "custom"          // wording outside the library: legal review
	LevelWalkAway       Level = "walk_away"       // crosses the walk-away line: approver sign-off
)

var levelRank = map[Level]int{LevelNonSubstantive: 0, LevelPreferred: 1, LevelFallback: 2, LevelCustom: 3, LevelWalkAway: 4}

// Verdict is the playbook's judgement of one amendment.
type Verdict struct {
	Level    Level          `json:"level"`
	Position string         `json:"position,omitempty"` // the library position the result matches
	Reasons  []clauses.Text `json:"reasons"`
}

// NeedsSignOff reports whether agreeing to the amendment needs an
// approver's recorded sign-off.
func (v Verdict) NeedsSignOff() bool { return v.Level == LevelWalkAway }

func (v *Verdict) raise(l Level, reason clauses.Text) {
	if v.Level == "" || levelRank[l] > levelRank[v.Level] {
		v.Level = l
	}
	v.Reasons = append(v.Reasons, reason)
}

// judgeText judges a free-text amendment.
func judgeText(before, after string) Verdict {
	var v Verdict
	if !DiffText(before, after).Substantive {
		v.raise(LevelNonSubstantive, clauses.Text{
			EN: "Only whitespace, punctuation or letter case change.",
			FR: "Seuls des espaces, la ponctuation ou la casse changent."})
		return v
	}
	v.raise(LevelCustom, clauses.Text{
		EN: "New wording outside the library's approved positions: legal must review it.",
		FR: "Nouveau libellé hors des positions approuvées de la bibliothèque : le service juridique doit l’examiner."})
	return v
}

// judgePosition judges a switch to position p.
func judgePosition(p clauses.Position) Verdict {
	v := Verdict{Position: p.ID}
	switch p.Stance {
	case clauses.StancePreferred:
		v.raise(LevelPreferred, clauses.Text{EN: "Matches approved position " + p.ID + ", which the city prefers.", FR: "Correspond à la position approuvée " + p.ID + ", que la Ville privilégie."})
	case clauses.StanceFallback:
		v.raise(LevelFallback, clauses.Text{EN: "Matches approved fallback position " + p.ID + ": legal may agree.", FR: "Correspond à la position de repli approuvée " + p.ID + " : le service juridique peut y consentir."})
	default:
		v.raise(LevelWalkAway, clauses.Text{EN: "Position " + p.ID + " is a walk-away position: an approver must sign off.", FR: "La position " + p.ID + " est une position de rupture : une approbation est requise."})
	}
	return v
}

// judgeValues judges new variable values against the playbook ranges.
func judgeValues(ver clauses.Version, vals map[string]clauses.Value) Verdict {
	v := Verdict{}
	names := make([]string, 0, len(vals))
	for n := range vals {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		d, ok := ver.Variable(name)
		x, numeric := vals[name].Float()
		if !ok || !numeric {
			v.raise(LevelFallback, clauses.Text{EN: fmt.Sprintf("%s changes: legal must agree.", name), FR: fmt.Sprintf("%s change : le service juridique doit y consentir.", name)})
			continue
		}
		en, fr := vals[name].Format(clauses.EN), vals[name].Format(clauses.FR)
		switch {
		case d.Fallback != nil && !d.Fallback.Contains(x):
			v.raise(LevelWalkAway, clauses.Text{
				EN: fmt.Sprintf("%s = %s is outside the fallback range: walk-away, an approver must sign off.", d.Label.EN, en),
				FR: fmt.Sprintf("%s = %s est hors de la plage de repli : rupture, une approbation est requise.", d.Label.FR, fr)})
		case d.Preferred != nil && !d.Preferred.Contains(x):
			v.raise(LevelFallback, clauses.Text{
				EN: fmt.Sprintf("%s = %s is within the fallback range: legal may agree.", d.Label.EN, en),
				FR: fmt.Sprintf("%s = %s est dans la plage de repli : le service juridique peut y consentir.", d.Label.FR, fr)})
		default:
			v.raise(LevelPreferred, clauses.Text{
				EN: fmt.Sprintf("%s = %s is within the city's preferred range.", d.Label.EN, en),
				FR: fmt.Sprintf("%s = %s est dans la plage privilégiée par la Ville.", d.Label.FR, fr)})
		}
	}
	return v
}

// judgeDelete judges removing a clause.
func judgeDelete(required bool) Verdict {
	var v Verdict
	if required {
		v.raise(LevelWalkAway, clauses.Text{EN: "The template requires this clause: removing it needs an approver's sign-off.", FR: "Le modèle exige cet article : le retirer requiert une approbation."})
	} else {
		v.raise(LevelCustom, clauses.Text{EN: "Removes an optional clause: legal must review.", FR: "Retire un article facultatif : le service juridique doit l’examiner."})
	}
	return v
}

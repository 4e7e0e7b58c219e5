package pdf

import (
	"fmt"
	"slices"
	"strings"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// excerptWords is how many words of changed text a deviation quotes at
// most.
const excerptWords = 24

// deviations maps the deviation report onto the schedule of deviations:
// the clause as now numbered, "KEY vN", a summary of the departure in lang,
// who asked for it, who agreed it and why. Sign-offs and verdicts are
// city-internal and stay out (see FromState).
func deviations(st *negotiation.State, agreed *templates.Contract, devs []negotiation.Deviation, lang clauses.Lang) []Deviation {
	l := domainLabelsFor(lang)
	out := make([]Deviation, 0, len(devs))
	for _, d := range devs {
		number := d.Number + " (" + l.deleted + ")"
		if in, ok := agreed.Clause(d.ClauseKey); ok {
			number = in.Number
		}
		dev := Deviation{ClauseNumber: number, ClauseRef: d.ClauseKey + " v" + fmt.Sprint(d.Version),
			Summary: deviationSummary(st, agreed, d, lang)}
		dev.Party, dev.ApprovedBy, dev.Rationale = deviationPeople(d.Amendments)
		if len(d.Amendments) == 0 {
			dev.Party, dev.Rationale = cityName(agreed), l.atAssembly
		}
		out = append(out, dev)
	}
	return out
}

// deviationSummary says what departs from the standard: the position, the
// deletion, or the changed words quoted.
func deviationSummary(st *negotiation.State, agreed *templates.Contract, d negotiation.Deviation, lang clauses.Lang) string {
	l := domainLabelsFor(lang)
	var parts []string
	for _, k := range d.Kinds {
		switch k {
		case "position":
			parts = append(parts, fmt.Sprintf(l.position, d.AgreedPosition, d.DefaultPosition))
		case "deleted":
			parts = append(parts, l.deletedClause)
		}
	}
	cs, ok := st.Clause(d.ClauseID)
	if ok && !cs.Deleted && (slices.Contains(d.Kinds, "wording") || slices.Contains(d.Kinds, "values")) {
		label := l.wording
		if slices.Contains(d.Kinds, "values") {
			label = l.values
		}
		parts = append(parts, label+" — "+changeExcerpt(cs.Original.In(lang), cs.Text.In(lang), agreed, lang))
	}
	return strings.Join(parts, ". ")
}

// changeExcerpt quotes the words that differ between the standard and the
// agreed text, from the first differing word to the last: "“B” in place of
// “A”", or "added “B”" or "removed “A”" when one side is empty.
func changeExcerpt(standard, agreed string, c *templates.Contract, lang clauses.Lang) string {
	l := domainLabelsFor(lang)
	old := strings.Fields(plainMarkup(standard, c, lang))
	cur := strings.Fields(plainMarkup(agreed, c, lang))
	p := 0
	for p < len(old) && p < len(cur) && old[p] == cur[p] {
		p++
	}
	q := 0
	for q < len(old)-p && q < len(cur)-p && old[len(old)-1-q] == cur[len(cur)-1-q] {
		q++
	}
	removed, added := old[p:len(old)-q], cur[p:len(cur)-q]
	switch {
	case len(added) > 0 && len(removed) > 0:
		return quoteIn(clip(added), lang) + " " + l.inPlaceOf + " " + quoteIn(clip(removed), lang)
	case len(added) > 0:
		return l.added + " " + quoteIn(clip(added), lang)
	case len(removed) > 0:
		return l.removed + " " + quoteIn(clip(removed), lang)
	}
	return ""
}

// clip joins at most excerptWords words, with an ellipsis when cut.
func clip(ws []string) string {
	if len(ws) > excerptWords {
		return strings.Join(ws[:excerptWords], " ") + " …"
	}
	return strings.Join(ws, " ")
}

// quoteIn puts s in the quotation marks of lang.
func quoteIn(s string, lang clauses.Lang) string {
	if lang == clauses.FR {
		return "«\u00a0" + s + "\u00a0»"
	}
	return "“" + s + "”"
}

// deviationPeople lists, over the accepted amendments behind a deviation,
// the organisations that proposed them, the people who agreed them and the
// rationales given, each once.
func deviationPeople(steps []negotiation.DeviationStep) (party, agreedBy, rationale string) {
	var orgs, people, whys []string
	add := func(list *[]string, s string) {
		if s != "" && !slices.Contains(*list, s) {
			*list = append(*list, s)
		}
	}
	for _, s := range steps {
		add(&orgs, s.ProposedBy.Org)
		if s.AgreedBy != nil {
			add(&people, s.AgreedBy.Name+" ("+s.AgreedBy.Org+")")
		}
		add(&whys, s.Rationale)
	}
	return strings.Join(orgs, "; "), strings.Join(people, "; "), strings.Join(whys, " ")
}

// cityName is the name of the city party.
func cityName(c *templates.Contract) string {
	for _, p := range c.Parties {
		if p.Role == templates.RoleCity {
			return p.Name
		}
	}
	return ""
}

// plainMarkup turns a piece of clause markup into reading text: term
// markers and escapes dropped, cross-references numbered, line breaks as
// spaces. It works on fragments (diff runs) that need not parse on their own.
func plainMarkup(s string, c *templates.Contract, lang clauses.Lang) string {
	var b strings.Builder
	for s != "" {
		switch {
		case strings.HasPrefix(s, "{{ref:"):
			end := strings.Index(s, "}}")
			if end < 0 {
				b.WriteString(s)
				s = ""
				continue
			}
			key := s[len("{{ref:"):end]
			b.WriteString(c.RefText(key, lang))
			s = s[end+2:]
		case strings.HasPrefix(s, "**"):
			s = s[2:]
		case s[0] == '\\' && len(s) > 1:
			b.WriteByte(s[1])
			s = s[2:]
		case s[0] == '\n':
			b.WriteByte(' ')
			s = s[1:]
		default:
			b.WriteByte(s[0])
			s = s[1:]
		}
	}
	return clauses.Typeset(b.String(), lang)
}

package templates

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// slotRef is a template slot with its place, its clause version (nil when
// the library lacks it) and whether its condition includes it.
type slotRef struct {
	art, idx int
	slot     Slot
	version  *clauses.Version
	included bool
}

func (sr *slotRef) path() string {
	return fmt.Sprintf("template.articles[%d].slots[%d]", sr.art, sr.idx)
}

// includedSlots evaluates every slot's condition and loads every slot's
// clause version; a missing version is a problem only for an included slot.
func (a *assembler) includedSlots() []slotRef {
	var out []slotRef
	for i, art := range a.tpl.Articles {
		for j, s := range art.Slots {
			sr := slotRef{art: i, idx: j, slot: s}
			sr.included = a.condition(s.Condition, sr.path()+".condition")
			ver, err := a.lib.Version(s.ClauseKey, s.Pin)
			switch {
			case err == nil:
				sr.version = &ver
			case !sr.included:
			case apperr.Is(err, apperr.NotFound):
				a.problems.Add("clauses."+s.ClauseKey, "%s version %s is not in the library", s.ClauseKey, pinText(s.Pin))
			default:
				a.internal = err
			}
			out = append(out, sr)
		}
	}
	return out
}

func pinText(pin int) string {
	if pin == 0 {
		return "latest approved"
	}
	return strconv.Itoa(pin)
}

// condition evaluates a slot or schedule condition; an empty one is true.
func (a *assembler) condition(src, path string) bool {
	if src == "" {
		return true
	}
	e, err := ParseCondition(src)
	if err == nil && slices.ContainsFunc(e.Vars(), func(name string) bool { return a.badVars[name] }) {
		return false // the bad value is already reported at its variable
	}
	if err == nil {
		var ok bool
		ok, err = e.Eval(a.condVars)
		if err == nil {
			return ok
		}
	}
	a.problems.Add(path, "condition %q: %v", src, err)
	return false
}

// articles builds and numbers the contract's articles; an article without
// an included clause is left out.
func (a *assembler) articles(slots []slotRef) []Article {
	var out []Article
	for i, spec := range a.tpl.Articles {
		art := Article{Number: len(out) + 1, Title: spec.Title}
		for k := range slots {
			sr := &slots[k]
			if sr.art != i || !sr.included || sr.version == nil {
				continue
			}
			if in, ok := a.instance(sr); ok {
				in.Number = fmt.Sprintf("%d.%d", art.Number, len(art.Clauses)+1)
				art.Clauses = append(art.Clauses, in)
			}
		}
		if len(art.Clauses) > 0 {
			out = append(out, art)
		}
	}
	return out
}

func (a *assembler) instance(sr *slotRef) (Instance, bool) {
	key, ver := sr.slot.ClauseKey, sr.version
	pos, ok := a.position(sr)
	if !ok {
		return Instance{}, false
	}
	a.positionRules(key, pos)
	text, ok := a.clauseText(key, ver, pos)
	return Instance{
		ID: strings.ToLower(key), ClauseKey: key, Version: ver.N, Position: pos.ID, Required: sr.slot.Required,
		Title: ver.Title, Text: text, LibrarySHA: LibrarySHA(pos),
	}, ok
}

// position returns the chosen position: the input's choice, else the
// template's default (Template.DefaultPosition).
func (a *assembler) position(sr *slotRef) (clauses.Position, bool) {
	key, ver := sr.slot.ClauseKey, sr.version
	id, path := a.in.Positions[key], "positions."+key
	if id == "" {
		id, path = a.tpl.DefaultPosition(*ver), sr.path()+".position"
	}
	p, ok := ver.Position(id)
	if !ok {
		var ids []string
		for _, p := range ver.Positions {
			ids = append(ids, p.ID)
		}
		a.problems.Add(path, "position %q is not offered by %s v%d (offered: %s)", id, key, ver.N, strings.Join(ids, ", "))
	}
	return p, ok
}

// positionRules applies the province's position rules and the playbook
// stance of the chosen position.
func (a *assembler) positionRules(key string, pos clauses.Position) {
	path := "positions." + key
	for _, r := range rulesFor(key, pos.ID, a.in.Province) {
		switch r.Effect {
		case EffectBlock:
			a.problems.Add(path, "position %s is not allowed in %s: %s [%s]", pos.ID, a.in.Province, a.reason(r.Reason), r.Authority)
		default:
			a.warn("position_rule", path, r.Effect == EffectSignOff, r.Reason)
		}
	}
	if pos.Stance == clauses.StanceWalkAway {
		a.warn("walk_away_position", path, true, clauses.Text{
			EN: fmt.Sprintf("%s position %s (%s) is a walk-away position in the playbook: an approver must sign off.", key, pos.ID, pos.Label.EN),
			FR: fmt.Sprintf("La position %s de %s (%s) est un motif de rupture selon le guide de négociation : une approbation est requise.", pos.ID, key, pos.Label.FR),
		})
	}
}

// reason renders a bilingual reason in the contract's languages.
func (a *assembler) reason(t clauses.Text) string {
	var parts []string
	for _, lang := range clauses.Langs {
		if s := t.In(lang); s != "" && slices.Contains(a.in.Languages, lang) {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return t.EN
	}
	return strings.Join(parts, " / ")
}

// clauseText resolves the position's text in each contract language.
// It may be called on an assembler built outside Assemble (ResolveClause
// does), so it makes the bookkeeping maps it writes to.
func (a *assembler) clauseText(key string, ver *clauses.Version, pos clauses.Position) (clauses.Text, bool) {
	a.ensureMaps()
	docs := map[clauses.Lang]*clauses.Doc{}
	var names []string
	ok := true
	for _, lang := range a.in.Languages {
		path := fmt.Sprintf("clauses.%s.text.%s", key, lang)
		body := pos.Body.In(lang)
		if strings.TrimSpace(body) == "" {
			a.problems.Add(path, "%s v%d position %s has no %s text", key, ver.N, pos.ID, langName(lang))
			ok = false
			continue
		}
		doc, err := clauses.Parse(body)
		if err != nil {
			a.problems.Add(path, "the library text does not parse: %v", err)
			ok = false
			continue
		}
		docs[lang] = doc
		names = appendNew(names, doc.Vars())
		a.refs[key] = appendNew(a.refs[key], doc.Refs())
	}
	vals := a.clauseValues(key, ver, pos.ID, names)
	var out clauses.Text
	for lang, doc := range docs {
		s := a.resolve(doc, lang, func(name string) (string, bool) {
			v, ok := vals[name]
			if !ok {
				return "", false
			}
			return formatValue(v, lang), true
		})
		setText(&out, lang, s)
	}
	return out, ok
}

// ensureMaps makes the maps an assembly writes to, where they are missing.
func (a *assembler) ensureMaps() {
	if a.values == nil {
		a.values = map[string]clauses.Value{}
	}
	if a.usedJur == nil {
		a.usedJur = map[string]bool{}
	}
	if a.refs == nil {
		a.refs = map[string][]string{}
	}
}

// resolve substitutes variables (values first, then the jurisdiction pack)
// and keeps cross-references for render-time numbering.
func (a *assembler) resolve(doc *clauses.Doc, lang clauses.Lang, values func(string) (string, bool)) string {
	vars := func(name string) (string, bool) {
		if s, ok := values(name); ok {
			return s, true
		}
		s, ok := a.pack.Text(name, lang)
		if ok {
			a.usedJur[name] = true
		}
		return s, ok
	}
	keepRefs := func(string) (string, bool) { return "", false }
	resolved, _ := doc.Resolve(vars, keepRefs)
	return resolved.String()
}

func setText(t *clauses.Text, lang clauses.Lang, s string) {
	if lang == clauses.FR {
		t.FR = s
	} else {
		t.EN = s
	}
}

func appendNew(dst, src []string) []string {
	for _, s := range src {
		if !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// recitals resolves the template's recitals in each contract language.
func (a *assembler) recitals() []clauses.Text {
	out := make([]clauses.Text, 0, len(a.tpl.Recitals))
	for i, r := range a.tpl.Recitals {
		var t clauses.Text
		for _, lang := range a.in.Languages {
			doc, err := clauses.Parse(r.In(lang))
			if err != nil {
				a.problems.Add(fmt.Sprintf("template.recitals[%d].%s", i, lang), "%v", err)
				continue
			}
			setText(&t, lang, a.resolve(doc, lang, func(name string) (string, bool) {
				return a.recitalValue(name, lang)
			}))
		}
		out = append(out, t)
	}
	return out
}

func (a *assembler) recitalValue(name string, lang clauses.Lang) (string, bool) {
	if name == "procurement_ref" {
		return a.in.ProcurementRef, a.in.ProcurementRef != ""
	}
	if v, ok := a.values[name]; ok {
		return formatValue(v, lang), true
	}
	return "", false
}

// schedules returns the template's schedules whose condition holds; labels
// are kept as the template sets them, since recitals cite them.
func (a *assembler) schedules() []Schedule {
	var out []Schedule
	for i, s := range a.tpl.Schedules {
		if a.condition(s.Condition, fmt.Sprintf("template.schedules[%d].condition", i)) {
			out = append(out, Schedule{Label: s.Label, Title: s.Title})
		}
	}
	return out
}

package templates

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

var (
	templateKeyRe = regexp.MustCompile(`^TPL-[A-Z]{2,12}$`)
	scheduleRe    = regexp.MustCompile(`^[A-Z]$`)
)

// reservedName reports whether name is filled by the engine and so cannot
// be a template variable.
func reservedName(name string) bool {
	return name == "province" || name == "route" || name == "procurement_ref" ||
		slices.Contains(clauses.JurisdictionVars, name) || slices.Contains(clauses.ContractVars, name)
}

// ValidateTemplate checks a template and reports every problem at once, as
// an apperr.Invalid error whose fields carry paths such as
// "articles[2].slots[0].condition". It returns nil for a valid template.
func ValidateTemplate(t *Template) error {
	var l apperr.FieldList
	if !templateKeyRe.MatchString(t.Key) {
		l.Add("key", "%q is not a template key (TPL-NAME, 2 to 12 capital letters)", t.Key)
	}
	if t.Version < 1 {
		l.Add("version", "must be 1 or more")
	}
	if !slices.Contains(clauses.Routes, t.Route) {
		l.Add("route", "%q is not a procurement route (one of %v)", t.Route, clauses.Routes)
	}
	checkText(&l, "title", t.Title)
	for i, r := range t.Recitals {
		checkRecital(&l, fmt.Sprintf("recitals[%d]", i), r, t)
	}
	checkTemplateVariables(&l, t.Variables)
	kinds := t.conditionKinds()
	checkArticles(&l, t.Articles, kinds)
	checkSchedules(&l, t.Schedules, kinds)
	return l.Err("invalid template " + t.Key)
}

// ValidateSuccessor checks that next may follow prev as a new version of
// the same template: same key and route, version prev+1, and valid itself.
// Approved versions are never edited, so every change goes through here.
// Every problem is reported at once, succession and content alike.
func ValidateSuccessor(prev, next *Template) error {
	var l apperr.FieldList
	if next.Key != prev.Key {
		l.Add("key", "a new version keeps the key %s", prev.Key)
	}
	if next.Route != prev.Route {
		l.Add("route", "a new version keeps the route %s", prev.Route)
	}
	if next.Version != prev.Version+1 {
		l.Add("version", "the version after %d is %d", prev.Version, prev.Version+1)
	}
	if e, ok := apperr.As(ValidateTemplate(next)); ok {
		l = append(l, e.Fields...)
	}
	return l.Err("invalid template version " + next.Key)
}

func checkText(l *apperr.FieldList, path string, t clauses.Text) {
	if t.EN == "" {
		l.Add(path+".en", "missing English text")
	}
	if t.FR == "" {
		l.Add(path+".fr", "missing French text")
	}
}

// checkRecital checks a recital's markup in both languages and that every
// variable it uses is a template variable or one the engine fills.
func checkRecital(l *apperr.FieldList, path string, r clauses.Text, t *Template) {
	checkText(l, path, r)
	for _, lang := range clauses.Langs {
		doc, err := clauses.Parse(r.In(lang))
		if err != nil {
			l.Add(path+"."+string(lang), "%v", err)
			continue
		}
		for _, name := range doc.Vars() {
			if _, ok := t.Variable(name); !ok && !reservedName(name) {
				l.Add(path+"."+string(lang), "unknown variable {{%s}}", name)
			}
		}
	}
}

func checkTemplateVariables(l *apperr.FieldList, vars []clauses.Variable) {
	seen := map[string]bool{}
	for i, v := range vars {
		path := fmt.Sprintf("variables[%d]", i)
		switch {
		case !clauses.ValidVarName(v.Name):
			l.Add(path+".name", "%q is not a snake_case name", v.Name)
		case reservedName(v.Name):
			l.Add(path+".name", "%q is filled by the engine and cannot be a template variable", v.Name)
		case seen[v.Name]:
			l.Add(path+".name", "%q is declared twice", v.Name)
		}
		seen[v.Name] = true
		if v.Source != "" && v.Source != clauses.SourceUser {
			l.Add(path+".source", "template variables are filled by the user")
		}
		if v.Type == clauses.TypeEnum && len(v.Values) == 0 {
			l.Add(path+".values", "an enum needs its values")
		}
		if v.Default != nil {
			if _, err := checkValue(v, v.Default); err != nil {
				l.Add(path+".default", "%v", err)
			}
		}
		checkText(l, path+".label", v.Label)
	}
}

func checkArticles(l *apperr.FieldList, arts []ArticleSpec, kinds map[string]ValueKind) {
	if len(arts) == 0 {
		l.Add("articles", "a template needs at least one article")
	}
	seen := map[string]string{}
	for i, a := range arts {
		path := fmt.Sprintf("articles[%d]", i)
		checkText(l, path+".title", a.Title)
		if len(a.Slots) == 0 {
			l.Add(path+".slots", "an article needs at least one slot")
		}
		for j, s := range a.Slots {
			sp := fmt.Sprintf("%s.slots[%d]", path, j)
			checkSlot(l, sp, s, kinds)
			if prev, dup := seen[s.ClauseKey]; dup {
				l.Add(sp+".clause", "%s is already placed at %s", s.ClauseKey, prev)
			}
			seen[s.ClauseKey] = sp
		}
	}
}

func checkSlot(l *apperr.FieldList, path string, s Slot, kinds map[string]ValueKind) {
	if !clauses.ValidKey(s.ClauseKey) {
		l.Add(path+".clause", "%q is not a clause key (SCL-TOPIC-nn)", s.ClauseKey)
	}
	if s.Position != "" && !slices.Contains(clauses.PositionIDs, s.Position) {
		l.Add(path+".position", "%q is not a position (A to D, or O)", s.Position)
	}
	if s.Pin < 0 {
		l.Add(path+".pin", "must be 0 (latest approved) or a version number")
	}
	checkCondition(l, path+".condition", s.Condition, kinds)
}

func checkCondition(l *apperr.FieldList, path, src string, kinds map[string]ValueKind) {
	if src == "" {
		return
	}
	e, err := ParseCondition(src)
	if err == nil {
		err = e.Check(kinds)
	}
	if err != nil {
		l.Add(path, "%v", err)
	}
}

func checkSchedules(l *apperr.FieldList, scheds []ScheduleSpec, kinds map[string]ValueKind) {
	seen := map[string]bool{}
	for i, s := range scheds {
		path := fmt.Sprintf("schedules[%d]", i)
		if !scheduleRe.MatchString(s.Label) {
			l.Add(path+".label", "%q is not a schedule label (one capital letter)", s.Label)
		} else if seen[s.Label] {
			l.Add(path+".label", "schedule %s is declared twice", s.Label)
		}
		seen[s.Label] = true
		checkText(l, path+".title", s.Title)
		checkCondition(l, path+".condition", s.Condition, kinds)
	}
}

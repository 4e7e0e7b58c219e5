package server

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// templatesBody is the templates page: one template per procurement route,
// with what it includes and why.
type templatesBody struct {
	Templates   []templateView
	CanAssemble bool
}

type templateView struct {
	Key, Title, Route string
	Version           int
	Recitals          []markupView // why: the recitals, placeholders shown by label
	Variables         []variableView
	Articles          []templateArticle
	Schedules         []templateSchedule
}

type templateArticle struct {
	Title string
	Slots []templateSlot
}

type templateSlot struct {
	Key, Title, Guidance, Position, PositionLabel string
	Version                                       int
	Required, Missing                             bool
	Condition                                     *conditionView
}

type templateSchedule struct {
	Label, Title, Description string
	Condition                 *conditionView
}

// conditionView is a slot's or schedule's condition: the expression and
// the labels of the questions it depends on.
type conditionView struct {
	Expr   string
	Labels []string
}

func (s *Server) getTemplatesPage(c echo.Context) error {
	p, err := s.allow(c, authz.ReadInternal)
	if err != nil {
		return err
	}
	blanks, err := s.deps.Contracts.Blanks(c.Request().Context())
	if err != nil {
		return err
	}
	lang := clauses.Lang(uiLang(c))
	body := templatesBody{CanAssemble: authz.Can(p, authz.Assemble)}
	for i := range blanks {
		body.Templates = append(body.Templates, viewTemplate(&blanks[i], lang))
	}
	return c.Render(http.StatusOK, "templates", s.page(c, "templates.title", "templates", body))
}

func viewTemplate(b *negotiation.Blank, lang clauses.Lang) templateView {
	t := &b.Template
	v := templateView{Key: t.Key, Title: t.Title.In(lang), Route: string(t.Route), Version: t.Version}
	labels := contractVarLabels(string(lang))
	for _, d := range t.Variables {
		labels[d.Name] = d.Label.In(lang)
		v.Variables = append(v.Variables, viewVariable(d, lang))
	}
	for _, r := range t.Recitals {
		if doc, err := clauses.Parse(r.In(lang)); err == nil {
			v.Recitals = append(v.Recitals, viewMarkup(doc, labels))
		}
	}
	for i, a := range t.Articles {
		art := templateArticle{Title: a.Title.In(lang)}
		for _, bs := range b.Slots {
			if bs.Article == i {
				art.Slots = append(art.Slots, viewSlot(t, bs, lang))
			}
		}
		v.Articles = append(v.Articles, art)
	}
	for _, sc := range t.Schedules {
		v.Schedules = append(v.Schedules, templateSchedule{Label: sc.Label, Title: sc.Title.In(lang),
			Description: sc.Description.In(lang), Condition: viewCondition(t, sc.Condition, lang)})
	}
	return v
}

func viewSlot(t *templates.Template, bs negotiation.BlankSlot, lang clauses.Lang) templateSlot {
	s := templateSlot{Key: bs.ClauseKey, Required: bs.Required, Missing: bs.Missing, Condition: viewCondition(t, bs.Condition, lang)}
	if bs.Missing {
		return s
	}
	s.Title, s.Guidance, s.Version, s.Position = bs.Version.Title.In(lang), bs.Version.Guidance.In(lang), bs.Version.N, bs.DefaultPosition
	if p, ok := bs.Version.Position(bs.DefaultPosition); ok {
		s.PositionLabel = p.Label.In(lang)
	}
	return s
}

// viewCondition shows a condition with the labels of the template
// variables it tests; nil when the slot always applies.
func viewCondition(t *templates.Template, src string, lang clauses.Lang) *conditionView {
	if src == "" {
		return nil
	}
	cv := &conditionView{Expr: src}
	if e, err := templates.ParseCondition(src); err == nil {
		for _, name := range e.Vars() {
			if d, ok := t.Variable(name); ok {
				cv.Labels = append(cv.Labels, d.Label.In(lang))
			}
		}
	}
	return cv
}

// contractVarLabels names the placeholders the engine fills from the
// contract itself, for showing recitals before assembly.
func contractVarLabels(lang string) map[string]string {
	m := map[string]string{}
	for _, name := range []string{"city_name", "vendor_name", "procurement_ref"} {
		m[name] = translate(lang, "cvar."+name)
	}
	return m
}

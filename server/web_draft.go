package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
)

// draftBody is the new-version form: everything the editor may change,
// prefilled from the newest version; the rest (labels, rationales,
// variables, remarks, provenance, route defaults) is carried over.
type draftBody struct {
	Key        string
	N, Base    int
	Effective  string
	ChangeNote clauses.Text
	Guidance   clauses.Text
	Positions  []draftPosition
	Errors     []string
}

type draftPosition struct {
	ID, Label string
	Texts     []draftText
}

type draftText struct {
	Field, Lang, LangName, Text string
}

func (s *Server) getDraftPage(c echo.Context) error {
	if _, err := s.allow(c, authz.DraftLibrary); err != nil {
		return err
	}
	e, err := s.deps.Library.Get(c.Request().Context(), c.Param("key"))
	if err != nil {
		return err
	}
	base := e.Latest().Version
	base.ChangeNote, base.Effective = clauses.Text{}, "" // the editor states both
	return s.renderDraft(c, http.StatusOK, e, base, nil)
}

func (s *Server) renderDraft(c echo.Context, status int, e clauses.Entry, v clauses.Version, errs []string) error {
	lang := clauses.Lang(uiLang(c))
	b := draftBody{Key: e.Clause.Key, N: len(e.Versions) + 1, Base: e.Latest().N, Effective: v.Effective,
		ChangeNote: v.ChangeNote, Guidance: v.Guidance, Errors: errs}
	for _, p := range v.Positions {
		b.Positions = append(b.Positions, draftPosition{ID: p.ID, Label: p.Label.In(lang), Texts: []draftText{
			{Field: "text_" + p.ID + "_en", Lang: "en", LangName: "English", Text: p.Body.EN},
			{Field: "text_" + p.ID + "_fr", Lang: "fr", LangName: "français", Text: p.Body.FR}}})
	}
	d := s.page(c, "draft.crumb", "library", b)
	d.Title = e.Clause.Key + " · " + d.Title
	return c.Render(status, "draft", d)
}

// postDraft records the form as a new draft version; invalid input shows
// the form again with every problem listed.
func (s *Server) postDraft(c echo.Context) error {
	p, err := s.allow(c, authz.DraftLibrary)
	if err != nil {
		return err
	}
	e, err := s.deps.Library.Get(c.Request().Context(), c.Param("key"))
	if err != nil {
		return err
	}
	v := draftFromForm(c, e.Latest().Version)
	saved, err := s.deps.Library.Draft(c.Request().Context(), e.Clause, v, p.User.ID)
	if ae, ok := apperr.As(err); ok && ae.Kind == apperr.Invalid {
		return s.renderDraft(c, http.StatusUnprocessableEntity, e, v, fieldMessages(ae))
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/library/"+e.Clause.Key+"?v="+strconv.Itoa(saved.N))
}

// draftFromForm is base with the form's fields applied.
func draftFromForm(c echo.Context, base clauses.Version) clauses.Version {
	v := base
	v.Effective = c.FormValue("effective")
	v.ChangeNote = clauses.Text{EN: c.FormValue("change_note_en"), FR: c.FormValue("change_note_fr")}
	v.Guidance = clauses.Text{EN: c.FormValue("guidance_en"), FR: c.FormValue("guidance_fr")}
	v.Positions = make([]clauses.Position, len(base.Positions))
	for i, pos := range base.Positions {
		pos.Body = clauses.Text{EN: normaliseNewlines(c.FormValue("text_" + pos.ID + "_en")), FR: normaliseNewlines(c.FormValue("text_" + pos.ID + "_fr"))}
		v.Positions[i] = pos
	}
	return v
}

// normaliseNewlines turns a browser's CRLF line ends into LF.
func normaliseNewlines(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

func fieldMessages(ae *apperr.Error) []string {
	if len(ae.Fields) == 0 {
		return []string{ae.Message}
	}
	out := make([]string, len(ae.Fields))
	for i, f := range ae.Fields {
		out[i] = f.Path + ": " + f.Message
	}
	return out
}

func (s *Server) postApprove(c echo.Context) error {
	p, err := s.allow(c, authz.ApproveLibrary)
	if err != nil {
		return err
	}
	n, err := intParam(c, "n")
	if err != nil {
		return err
	}
	v, err := s.deps.Library.Approve(c.Request().Context(), c.Param("key"), n, p.User.ID)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/library/"+v.Key+"?v="+strconv.Itoa(v.N))
}

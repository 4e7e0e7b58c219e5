package server

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// assembleBody is the assembly form: without a chosen template, only the
// template chooser; with one, every question the template and its clauses
// ask, the position of each clause with its guidance, the parties, and
// after Preview the assembled text or every problem next to its input.
type assembleBody struct {
	Templates    []formOption
	Chosen       bool
	TemplateKey  string
	Title, Route string
	General      []formField
	Langs        []formField
	LangError    string
	TemplateVars []formField
	Articles     []formArticle
	Parties      []formParty
	Errors       []summaryError
	Preview      *docView
	Warnings     []warningView
}

type summaryError struct{ Href, Label, Message string }

type warningView struct {
	Message string
	SignOff bool
}

type formArticle struct {
	Title   string
	Clauses []formClause
}

type formClause struct {
	Key, Title, Guidance, Name, ID, Error string
	Version                               int
	Required, Missing                     bool
	Condition                             *conditionView
	Positions                             []formPosition
	Fields                                []formField
}

type formPosition struct {
	ID, InputID, Label, Rationale, Stance string
	Checked                               bool
}

type formParty struct {
	Role        string
	Fields      []formField
	Signatories [][]formField
}

func (s *Server) getAssemblePage(c echo.Context) error {
	p, err := s.allow(c, authz.Assemble)
	if err != nil {
		return err
	}
	key := c.QueryParam("template")
	if key == "" {
		return s.renderAssemble(c, http.StatusOK, nil, nil, nil, nil)
	}
	b, err := s.deps.Contracts.Blank(c.Request().Context(), templates.Ref{Key: key})
	if err != nil {
		return err
	}
	defaults := func(name string) (string, bool) {
		switch name {
		case "province":
			return p.Org.Province, p.Org.Province != ""
		case "parties[0].name":
			return p.Org.Name, true
		}
		return "", false
	}
	return s.renderAssemble(c, http.StatusOK, b, defaults, []string{uiLang(c)}, nil)
}

// postAssemble previews or creates the contract the form describes; any
// problem shows the form again with each message next to its input.
func (s *Server) postAssemble(c echo.Context) error {
	p, err := s.allow(c, authz.Assemble)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if c.FormValue("template") == "" {
		return apperr.Fields("invalid form", []apperr.FieldError{{Path: "template", Message: "choose a template"}})
	}
	b, err := s.deps.Contracts.Blank(ctx, templates.Ref{Key: c.FormValue("template")})
	if err != nil {
		return err
	}
	form, _ := c.FormParams()
	vals := func(name string) (string, bool) { return form.Get(name), true }
	in := assemblyInput(b, vals, form["languages"])
	vendorErr := s.checkVendorOrg(ctx, form.Get("vendor_org_id"), "vendor_org_id")
	if form.Get("action") == "create" && vendorErr == nil {
		st, err := s.deps.Contracts.Assemble(ctx, in, actorOf(p), form.Get("vendor_org_id"))
		if err == nil {
			return c.Redirect(http.StatusSeeOther, "/contracts/"+url.PathEscape(st.Contract.ID)+"?done=assembled")
		}
		if !apperr.Is(err, apperr.Invalid) {
			return err
		}
	}
	preview, err := s.deps.Contracts.Preview(ctx, in)
	if err != nil && !apperr.Is(err, apperr.Invalid) {
		return err
	}
	errs := fieldErrors(err)
	for path, msg := range fieldErrors(vendorErr) {
		if errs == nil {
			errs = map[string]string{}
		}
		errs[path] = msg
	}
	status := http.StatusOK
	if errs != nil {
		status, preview = http.StatusUnprocessableEntity, nil
	}
	return s.renderAssemble(c, status, b, vals, form["languages"], &assembleResult{errs: errs, contract: preview})
}

// assembleResult is what a Preview or Create produced.
type assembleResult struct {
	errs     map[string]string
	contract *templates.Contract
}

func (s *Server) renderAssemble(c echo.Context, status int, b *negotiation.Blank, vals formValues, langs []string, res *assembleResult) error {
	lang := clauses.Lang(uiLang(c))
	all, err := s.deps.Contracts.TemplateList(c.Request().Context())
	if err != nil {
		return err
	}
	body := assembleBody{}
	for _, t := range all {
		body.Templates = append(body.Templates, formOption{Value: t.Key, Label: translate(string(lang), "route."+string(t.Route)) + " — " + t.Title.In(lang),
			Selected: b != nil && t.Key == b.Template.Key})
	}
	if b != nil {
		orgs, err := s.deps.Directory.Orgs(c.Request().Context())
		if err != nil {
			return err
		}
		if res == nil {
			res = &assembleResult{}
		}
		body = assembleForm(body, b, vals, langs, vendorOptions(orgs), res.errs, lang)
		if res.contract != nil {
			doc := contractDoc(res.contract, res.contract.Languages[0])
			body.Preview = &doc
			for _, w := range res.contract.Warnings {
				body.Warnings = append(body.Warnings, warningView{Message: w.Message.In(lang), SignOff: w.SignOff})
			}
		}
	}
	return c.Render(status, "assemble", s.page(c, "assemble.title", "contracts", body))
}

func vendorOptions(orgs []identity.Org) []formOption {
	var out []formOption
	for _, o := range orgs {
		if o.Kind == identity.OrgVendor {
			out = append(out, formOption{Value: o.ID, Label: o.Name})
		}
	}
	return out
}

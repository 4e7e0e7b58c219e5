package server

import (
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/server/web"
)

// webRoutes lists the web UI's routes (Tag "web") and the live-preview API
// call the draft form uses. It also installs the page templates as echo's
// Renderer, parsed once here; a template that does not parse stops the
// program at start-up, not at the first request.
func (s *Server) webRoutes() []route {
	p, err := newPages()
	if err != nil {
		panic("server: web templates: " + err.Error())
	}
	s.echo.Renderer = p
	static, _ := fs.Sub(web.Static, "static")
	assets := echo.WrapHandler(http.StripPrefix("/static/", cacheAssets(http.FileServerFS(static))))
	return []route{
		{Method: http.MethodGet, Path: "/", Handler: s.getHome, Summary: "Web UI: home (redirects to the library)", Tag: "web", Public: true},
		{Method: http.MethodGet, Path: "/static/*", Handler: assets, Summary: "Web UI: stylesheet, script and icon", Tag: "web", Public: true},
		{Method: http.MethodGet, Path: "/signin", Handler: s.getSignIn, Summary: "Web UI: sign-in page", Tag: "web", Public: true},
		{Method: http.MethodPost, Path: "/signin", Handler: s.postSignIn, Summary: "Web UI: sign in with username and password (form; throttled)", Tag: "web", Public: true},
		{Method: http.MethodPost, Path: "/signout", Handler: s.postSignOut, Summary: "Web UI: sign out (form, CSRF token)", Tag: "web"},
		{Method: http.MethodPost, Path: "/lang", Handler: s.postLang, Summary: "Web UI: switch the interface language (form)", Tag: "web", Public: true},
		{Method: http.MethodGet, Path: "/library", Handler: s.getLibraryPage, Summary: "Web UI: clause library with search and filters", Tag: "web"},
		{Method: http.MethodGet, Path: "/library/:key", Handler: s.getClausePage, Summary: "Web UI: a clause (?v=N, ?text=en|fr, ?from=&to= redline)", Tag: "web"},
		{Method: http.MethodGet, Path: "/library/:key/draft", Handler: s.getDraftPage, Summary: "Web UI: draft a new version (library_editor)", Tag: "web"},
		{Method: http.MethodPost, Path: "/library/:key/versions", Handler: s.postDraft, Summary: "Web UI: record the drafted version (form, CSRF token)", Tag: "web"},
		{Method: http.MethodPost, Path: "/library/:key/versions/:n/approve", Handler: s.postApprove, Summary: "Web UI: approve a draft version (approver; form, CSRF token)", Tag: "web"},
		{Method: http.MethodGet, Path: "/library/:key/impact", Handler: s.getImpactPage, Summary: "Web UI: contracts pinning an older version of the clause, with one-click upgrade or keep (city users)", Tag: "web"},
		{Method: http.MethodGet, Path: "/templates", Handler: s.getTemplatesPage, Summary: "Web UI: templates per procurement route, what each includes and why (city users)", Tag: "web"},
		{Method: http.MethodGet, Path: "/contracts", Handler: s.getContractsPage, Summary: "Web UI: contracts the user may see (?phase=, ?mine=1 needs my action)", Tag: "web"},
		{Method: http.MethodGet, Path: "/contracts/new", Handler: s.getAssemblePage, Summary: "Web UI: assemble a contract (?template=KEY; legal)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/new", Handler: s.postAssemble, Summary: "Web UI: preview or create the assembled contract (form, CSRF token; legal)", Tag: "web"},
		{Method: http.MethodGet, Path: "/contracts/:id", Handler: s.getWorkspace, Summary: "Web UI: negotiation workspace (?clause=, ?mine=1, ?lang=)", Tag: "web"},
		{Method: http.MethodGet, Path: "/contracts/:id/history", Handler: s.getHistoryPage, Summary: "Web UI: the contract's history timeline", Tag: "web"},
		{Method: http.MethodGet, Path: "/contracts/:id/deviations", Handler: s.getDeviationsPage, Summary: "Web UI: deviation report (city users)", Tag: "web"},
		{Method: http.MethodGet, Path: "/rounds/:ref", Handler: s.getRoundPage, Summary: "Web UI: every shortlisted vendor's redlines side by side, clause by clause (?lang=; city users)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/:id/open", Handler: s.postOpenForm, Summary: "Web UI: open the draft to its vendor (form; legal)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/:id/finalize", Handler: s.postFinalizeForm, Summary: "Web UI: finalise (form with base revision; legal)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/:id/redlines", Handler: s.postRedlineForm, Summary: "Web UI: propose new wording, another position or new values for a clause (form with base revision; kind=text|position|variables)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/:id/decisions", Handler: s.postDecisionForm, Summary: "Web UI: accept, reject or counter the other side's change (form with base revision)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/:id/comments", Handler: s.postCommentForm, Summary: "Web UI: comment or reply; internal for city users only (form)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/:id/signoffs", Handler: s.postSignOffForm, Summary: "Web UI: sign off a walk-away change (form; approver)", Tag: "web"},
		{Method: http.MethodPost, Path: "/contracts/:id/docx", Handler: s.postWordForm, Summary: "Web UI: upload a Word redline (multipart form, CSRF token); shows the import report", Tag: "web", MaxBody: maxDocxUpload},
		{Method: http.MethodPost, Path: "/contracts/:id/upgrade", Handler: s.postUpgradeForm, Summary: "Web UI: upgrade a clause or keep its version with a rationale (form; legal)", Tag: "web"},
		{Method: http.MethodPost, Path: "/api/v1/clauses/preview", Handler: s.previewClause, Summary: "Render clause markup as HTML, or the line and column of its first error (library_editor)", Tag: "library", Body: previewRequest{}},
	}
}

// cacheAssets lets browsers keep the embedded assets for an hour.
func cacheAssets(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

func (s *Server) getHome(c echo.Context) error {
	return c.Redirect(http.StatusSeeOther, "/library")
}

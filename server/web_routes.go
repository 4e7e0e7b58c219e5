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

package server

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/server/web"
)

// pages is the web UI's echo.Renderer: one template set per page, each the
// shared layout and partials plus the page's own file. Parsed once, when
// the routes are registered.
type pages struct {
	base *template.Template // layout and partials only
	sets map[string]*template.Template
}

// shared lists the template files every page set includes.
var sharedTemplates = []string{"templates/layout.html", "templates/partials.html"}

func newPages() (*pages, error) {
	base, err := template.New("layout").Funcs(templateFuncs()).ParseFS(web.Templates, sharedTemplates...)
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(web.Templates, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{base: base, sets: map[string]*template.Template{}}
	for _, f := range files {
		if isShared(f) {
			continue
		}
		set, err := template.Must(base.Clone()).ParseFS(web.Templates, f)
		if err != nil {
			return nil, err
		}
		p.sets[strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")] = set
	}
	return p, nil
}

func isShared(f string) bool {
	for _, s := range sharedTemplates {
		if f == s {
			return true
		}
	}
	return false
}

// Render writes page name with data (a pageData) inside the layout; the
// name "markup" renders only the clause-markup partial (for previews).
func (p *pages) Render(w io.Writer, name string, data any, _ echo.Context) error {
	if name == "markup" {
		return p.base.ExecuteTemplate(w, "markup", data)
	}
	set, ok := p.sets[name]
	if !ok {
		return fmt.Errorf("no page template %q", name)
	}
	return set.ExecuteTemplate(w, "layout", data)
}

func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"t":     translate,
		"tf":    func(lang, key string, args ...any) string { return fmt.Sprintf(translate(lang, key), args...) },
		"tn":    countPhrase,
		"badge": func(lang string, s any) badge { return badge{Lang: lang, S: fmt.Sprint(s)} },
	}
}

// badge is the argument of the "status" and "stance" partials.
type badge struct{ Lang, S string }

// pageData is what every page template receives: the layout's needs and
// the page's own Body.
type pageData struct {
	Lang  string // UI language, "en" or "fr"
	Title string
	Nav   string // active navigation section
	User  *identity.Principal
	CSRF  string // the session's synchroniser token, for forms
	Path  string // this page's URL (path and query), for the language switch
	Body  any
}

// page builds the pageData of the current request.
func (s *Server) page(c echo.Context, titleKey, nav string, body any) pageData {
	lang := uiLang(c)
	d := pageData{Lang: lang, Title: translate(lang, titleKey), Nav: nav, CSRF: csrfFor(c), Path: c.Request().URL.RequestURI(), Body: body}
	if p, err := principal(c); err == nil {
		d.User = &p
	}
	return d
}

// countPhrase formats a count with the singular message (key + ".one") for
// one in English, and for zero and one in French, as French grammar has it.
func countPhrase(lang, key string, n int) string {
	if n == 1 || n == 0 && lang == "fr" {
		key += ".one"
	}
	return fmt.Sprintf(translate(lang, key), n)
}

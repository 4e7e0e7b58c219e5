// Package archtest enforces the dependency rules of ARCHITECTURE.md with
// `go list`, so the first import of echo or a driver into a domain package
// fails the build's tests rather than a review.
package archtest

import (
	"encoding/json"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/civicpact/civicpact/"

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
	Standard   bool
}

func mustList(t *testing.T) map[string]pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", "-deps=false", "../../...")
	cmd.Dir = "."
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(out)
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[strings.TrimPrefix(p.ImportPath, module)] = p
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// domain packages may import nothing outside the standard library and the
// module packages listed; thirdParty lists what else a package may import
// directly (by module path prefix).
var rules = map[string]struct {
	internal   []string
	thirdParty []string
}{
	"apperr":            {},
	"records":           {internal: []string{"apperr"}},
	"identity":          {internal: []string{"apperr", "records"}},
	"audit":             {internal: []string{"apperr", "records"}},
	"authz":             {internal: []string{"apperr", "identity"}},
	"clauses":           {internal: []string{"apperr", "records"}},
	"templates":         {internal: []string{"apperr", "records", "clauses"}},
	"negotiation":       {internal: []string{"apperr", "records", "clauses", "templates"}, thirdParty: []string{"github.com/sergi/go-diff"}},
	"library":           {internal: []string{"apperr", "clauses", "templates"}, thirdParty: []string{"github.com/goccy/go-yaml"}},
	"docx":              {internal: []string{"apperr", "clauses", "templates", "negotiation"}},
	"render/pdf":        {internal: []string{"apperr", "clauses", "templates", "negotiation"}, thirdParty: []string{"github.com/go-pdf/fpdf", "github.com/go-fonts/liberation"}},
	"render/pdfsign":    {thirdParty: []string{"github.com/digitorus/pdfsign", "github.com/digitorus/pdf"}},
	"storage/sqlite":    {internal: []string{"apperr", "records"}, thirdParty: []string{"modernc.org/sqlite"}},
	"storage/mongodb":   {internal: []string{"apperr", "records"}, thirdParty: []string{"go.mongodb.org/mongo-driver/v2"}},
	"storage/storetest": {internal: []string{"apperr", "records"}},
	"internal/password": {thirdParty: []string{"golang.org/x/crypto"}},
}

// onlyImporter names the one package allowed to import each heavy dependency.
var onlyImporter = map[string]string{
	"github.com/labstack/echo/v4":    "server",
	"go.mongodb.org/mongo-driver/v2": "storage/mongodb",
	"github.com/go-pdf/fpdf":         "render/pdf",
	"modernc.org/sqlite":             "storage/sqlite",
	"github.com/sergi/go-diff":       "negotiation",
	module + "docx":                  "server", // the Word round trip: one reader and writer, one user
	"github.com/digitorus/":          "render/pdfsign",
	module + "render/pdfsign":        "cmd/civicpact", // main loads the certifier; the server sees only its Signer interface
}

func TestDependencyRules(t *testing.T) {
	pkgs := mustList(t)
	for name, rule := range rules {
		p, ok := pkgs[name]
		if !ok {
			continue // not written yet
		}
		for _, imp := range p.Imports {
			if !allowed(imp, rule.internal, rule.thirdParty) {
				t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow", name, imp)
			}
		}
	}
	for name, p := range pkgs {
		for _, imp := range p.Imports {
			for dep, owner := range onlyImporter {
				if strings.HasPrefix(imp, dep) && !strings.HasPrefix(name, owner) {
					t.Errorf("%s imports %s; only %s may", name, imp, owner)
				}
			}
		}
		if strings.HasPrefix(name, "server") {
			for _, imp := range p.Imports {
				if strings.HasPrefix(imp, module+"storage/") {
					t.Errorf("server imports the storage adapter %s; main passes stores in", imp)
				}
			}
		}
	}
}

func allowed(imp string, internal, thirdParty []string) bool {
	if !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
		return true // standard library
	}
	if rest, ok := strings.CutPrefix(imp, module); ok {
		return slices.Contains(internal, rest)
	}
	for _, tp := range thirdParty {
		if strings.HasPrefix(imp, tp) {
			return true
		}
	}
	return false
}

// TestBinaryLinksNoTestServer keeps FerretDB (a test-time MongoDB stand-in)
// out of the production binary.
func TestBinaryLinksNoTestServer(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../../cmd/civicpact").Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "github.com/FerretDB/") {
		t.Fatal("cmd/civicpact links FerretDB; import it only from _test.go files")
	}
}

package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/server"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// webPassword is every web test user's password.
const webPassword = "correct-horse-battery"

// webEnv is a running server over a fresh SQLite store with the library
// seeded (seedLibrary) and one user per role: username = role with "_"
// written "-" ("library-editor"), password webPassword.
type webEnv struct {
	t     *testing.T
	srv   *httptest.Server
	dir   *identity.Directory
	lib   *clauses.Library
	users map[identity.Role]identity.User
	// Set by mustContractWebEnv only.
	contracts     *negotiation.Service
	vendor, rival identity.Org
	store         records.Log
}

func mustWebEnv(t *testing.T) *webEnv {
	t.Helper()
	return buildWebEnv(t, func(lib *clauses.Library) *negotiation.Service { seedLibrary(t, lib); return nil })
}

// buildWebEnv makes the store, the users and the server; seed fills the
// library and may return a negotiation service for the contract pages.
func buildWebEnv(t *testing.T, seed func(*clauses.Library) *negotiation.Service) *webEnv {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var n atomic.Int64
	start := time.Now().UTC().Add(-time.Hour) // sessions are checked against a clock near real time
	now := func() time.Time { return start.Add(time.Duration(n.Add(1)) * time.Millisecond) }
	dir := &identity.Directory{Log: store, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}, Now: now,
		NewID: func(p string) string { return p + "_" + strings.Repeat("0", 4) + itoa(n.Add(1)) }}
	lib := &clauses.Library{Log: store, Now: now}
	e := &webEnv{t: t, dir: dir, lib: lib, users: map[identity.Role]identity.User{}, store: store}
	city := mustOrg(t, dir, "City of Port-Royal", identity.OrgMunicipality)
	vendor := mustOrg(t, dir, "Curbside Labs", identity.OrgVendor)
	e.vendor, e.rival = vendor, mustOrg(t, dir, "Northwind Civic Systems", identity.OrgVendor)
	for _, role := range identity.Roles {
		org := city
		if role == identity.RoleVendor {
			org = vendor
		}
		u, err := dir.CreateUser(ctx, identity.User{OrgID: org.ID, Username: strings.ReplaceAll(string(role), "_", "-"),
			Name: roleNames[role], Role: role}, webPassword)
		if err != nil {
			t.Fatal(err)
		}
		e.users[role] = u
	}
	e.contracts = seed(lib)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	s := server.New(server.Config{MaxBody: 1 << 20, Version: "test"}, server.Deps{Store: store, Log: store, Directory: dir, Library: lib, Contracts: e.contracts, Now: now}, logger)
	e.srv = httptest.NewServer(s.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

var roleNames = map[identity.Role]string{
	identity.RoleAdmin: "Ada Admin", identity.RoleLibraryEditor: "Amira Haddad", identity.RoleLegal: "Luc Gagnon",
	identity.RoleApprover: "Marc Tremblay", identity.RoleVendor: "Jordan Okafor", identity.RoleViewer: "Priya Nair",
}

// seedLibrary drafts and approves SCL-DATA-01 (v1 superseded by v2, a v3
// draft pending), SCL-LOL-01 (v1) and SCL-IP-01 (v1 draft only).
func seedLibrary(t *testing.T, lib *clauses.Library) {
	t.Helper()
	data := clauses.Clause{Key: "SCL-DATA-01", Category: "data", Title: clauses.Text{EN: "Data Residency", FR: "Résidence des données"}}
	mustSeed(t, lib, data, residency("2026-01-15", "Canada and nowhere else", "le Canada et nulle part ailleurs", "First publication.", "Première publication."), true)
	mustSeed(t, lib, data, residency("2026-06-01", "Canada, with backups in the same province", "le Canada, avec des sauvegardes dans la même province",
		"Backups must stay in the province.", "Les sauvegardes restent dans la province."), true)
	mustSeed(t, lib, data, residency("2026-09-01", "Canada or a country the City approves in writing", "le Canada ou un pays que la Ville approuve par écrit",
		"Allows approved countries.", "Permet des pays approuvés."), false)
	lol := clauses.Clause{Key: "SCL-LOL-01", Category: "liability", Title: clauses.Text{EN: "Limitation of Liability", FR: "Limitation de responsabilité"}}
	mustSeed(t, lib, lol, liability(), true)
	ip := clauses.Clause{Key: "SCL-IP-01", Category: "ip", Title: clauses.Text{EN: "Background Intellectual Property", FR: "Propriété intellectuelle préexistante"}}
	v := liability()
	v.Title = ip.Title
	v.Variables = nil
	for i := range v.Positions {
		v.Positions[i].Body = clauses.Text{EN: "Each party keeps its **Background IP**.", FR: "Chaque partie conserve sa **Propriété intellectuelle préexistante**."}
	}
	mustSeed(t, lib, ip, v, false)
}

func mustSeed(t *testing.T, lib *clauses.Library, c clauses.Clause, v clauses.Version, approve bool) {
	t.Helper()
	got, err := lib.Draft(context.Background(), c, v, clauses.SystemActor)
	if err != nil {
		t.Fatalf("seed %s: %v", c.Key, err)
	}
	if approve {
		if _, err := lib.Approve(context.Background(), c.Key, got.N, clauses.SystemActor); err != nil {
			t.Fatalf("approve %s v%d: %v", c.Key, got.N, err)
		}
	}
}

func residency(effective, whereEN, whereFR, noteEN, noteFR string) clauses.Version {
	pos := func(id string, stance clauses.Stance, en, fr string) clauses.Position {
		return clauses.Position{ID: id, Stance: stance, Label: clauses.Text{EN: "Position " + id, FR: "Position " + id},
			Rationale: clauses.Text{EN: "Why " + id + ".", FR: "Pourquoi " + id + "."}, Body: clauses.Text{EN: en, FR: fr}}
	}
	return clauses.Version{Effective: effective, ChangeNote: clauses.Text{EN: noteEN, FR: noteFR},
		Guidance:   clauses.Text{EN: "Keeps the City's data in Canada so Canadian privacy law applies.", FR: "Garde les données de la Ville au Canada pour que le droit canadien s'applique."},
		Remarks:    clauses.Text{EN: "Check the provincial privacy statute.", FR: "Vérifier la loi provinciale sur la vie privée."},
		Provenance: clauses.Provenance{Source: "civicpact", Licence: "CC-BY-4.0"},
		Positions: []clauses.Position{
			pos("A", clauses.StancePreferred, "The **Vendor** stores all **City Data** in "+whereEN+".\n\n(a) no copy leaves it;\n\n(b) access from abroad is logged:\n\n    (i) by user;\n\n    (ii) by date.",
				"Le **Prestataire** conserve toutes les **Données de la Ville** dans "+whereFR+".\n\n(a) aucune copie n'en sort;\n\n(b) tout accès depuis l'étranger est journalisé :\n\n    (i) par utilisateur;\n\n    (ii) par date."),
			pos("B", clauses.StanceFallback, "The Vendor stores City Data in "+whereEN+" unless the City agrees otherwise; see {{ref:SCL-LOL-01}}.",
				"Le Prestataire conserve les données dans "+whereFR+", sauf accord de la Ville; voir {{ref:SCL-LOL-01}}."),
			pos("C", clauses.StanceWalkAway, "The Vendor may store City Data anywhere.", "Le Prestataire peut conserver les données n'importe où."),
		}}
}

func liability() clauses.Version {
	one, five, two := 1.0, 5.0, 2.0
	return clauses.Version{Effective: "2026-01-15", ChangeNote: clauses.Text{EN: "First publication.", FR: "Première publication."},
		Guidance:   clauses.Text{EN: "Caps what the vendor pays if things go wrong.", FR: "Plafonne ce que paie le prestataire en cas de problème."},
		Provenance: clauses.Provenance{Source: "civicpact", Licence: "CC-BY-4.0"},
		Variables: []clauses.Variable{{Name: "cap_multiple", Type: clauses.TypeDecimal, Required: true, Default: 2.0,
			Label:  clauses.Text{EN: "Cap multiple of fees", FR: "Multiple des honoraires pour le plafond"},
			Bounds: clauses.Range{Min: &one, Max: &five}, Preferred: &clauses.Range{Min: &two}, Fallback: &clauses.Range{Min: &one}}},
		Positions: []clauses.Position{
			{ID: "A", Stance: clauses.StancePreferred, Label: clauses.Text{EN: "Capped at a multiple", FR: "Plafond multiple"},
				Rationale: clauses.Text{EN: "Insurable.", FR: "Assurable."},
				Body:      clauses.Text{EN: "Liability is capped at {{cap_multiple}} times the fees.", FR: "La responsabilité est plafonnée à {{cap_multiple}} fois les honoraires."}},
			{ID: "B", Stance: clauses.StanceFallback, Label: clauses.Text{EN: "Capped at the fees", FR: "Plafond des honoraires"},
				Rationale: clauses.Text{EN: "Common.", FR: "Courant."},
				Body:      clauses.Text{EN: "Liability is capped at the fees, and {{cap_multiple}} does not apply.", FR: "La responsabilité est plafonnée aux honoraires, et {{cap_multiple}} ne s'applique pas."}},
		}}
}

// browser is an HTTP client with a cookie jar that does not follow
// redirects, so tests see each 303.
type browser struct {
	e      *webEnv
	client *http.Client
}

func (e *webEnv) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{e: e, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// get fetches a page as a browser would (Accept: text/html).
func (b *browser) get(path string) response {
	b.e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.e.srv.URL+path, nil)
	req.Header.Set("Accept", "text/html")
	return b.do(req)
}

// post submits a form.
func (b *browser) post(path string, form url.Values) response {
	b.e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "text/html")
	return b.do(req)
}

func (b *browser) do(req *http.Request) response {
	b.e.t.Helper()
	res, err := b.client.Do(req)
	if err != nil {
		b.e.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return response{Status: res.StatusCode, Header: res.Header, Body: raw}
}

// mustSignIn signs the browser in as role and returns the page's CSRF token.
func (b *browser) mustSignIn(role identity.Role) string {
	b.e.t.Helper()
	r := b.post("/signin", url.Values{"username": {b.e.users[role].Username}, "password": {webPassword}})
	if r.Status != http.StatusSeeOther {
		b.e.t.Fatalf("sign in as %s: status %d: %s", role, r.Status, r.Body)
	}
	return csrfOf(b.e.t, b.get("/library"))
}

// csrfOf extracts the CSRF token from a page's forms.
func csrfOf(t *testing.T, r response) string {
	t.Helper()
	_, rest, ok := strings.Cut(string(r.Body), `name="csrf" value="`)
	if !ok {
		t.Fatalf("no CSRF field in the page: %s", r.Body)
	}
	tok, _, _ := strings.Cut(rest, `"`)
	return tok
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/password"
	"github.com/civicpact/civicpact/storage/sqlite"
)

// demoLogin is one row of the credentials table printed at start-up.
type demoLogin struct {
	Username, Role, Password, Token, Org string
}

// parseCredentials reads the table `serve -demo` prints once: the rows
// under the USERNAME header, organisation last (it has spaces).
func parseCredentials(t *testing.T, out string) map[string]demoLogin {
	t.Helper()
	logins := map[string]demoLogin{}
	rows := false
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "USERNAME":
			rows = true
		case rows && strings.HasPrefix(line, "  ") && len(f) >= 5:
			token := f[3]
			if token == "$CIVICPACT_ADMIN_TOKEN" {
				token = testAdminToken
			}
			logins[f[0]] = demoLogin{f[0], f[1], f[2], token, strings.Join(f[4:], " ")}
		default:
			rows = false
		}
	}
	if len(logins) == 0 {
		t.Fatalf("no credentials table in the output:\n%s", out)
	}
	return logins
}

// mustGet GETs path with token, expects 200 and decodes the body into v.
func mustGet(t *testing.T, base, path, token string, v any) {
	t.Helper()
	status, body := call(t, "GET", base+path, token, nil)
	if status != 200 {
		t.Fatalf("GET %s = %d %s", path, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

type contractList struct {
	Items []struct {
		ID             string   `json:"id"`
		ProcurementRef string   `json:"procurement_ref"`
		VendorOrg      string   `json:"vendor_org"`
		Phase          string   `json:"phase"`
		Languages      []string `json:"languages"`
		Fingerprint    string   `json:"fingerprint"`
	} `json:"items"`
}

func mustContracts(t *testing.T, base, token, query string) contractList {
	t.Helper()
	var l contractList
	mustGet(t, base, "/api/v1/contracts"+query, token, &l)
	return l
}

type me struct {
	User struct{ ID, Username, Role, Lang string } `json:"user"`
	Org  struct{ ID, Name string }                 `json:"org"`
}

// TestDemo starts the real program with -demo on an empty directory, then
// checks over HTTP, with the printed tokens, what PRODUCT.md's demo data
// promises; a second start on the same directory seeds nothing.
func TestDemo(t *testing.T) {
	dir := t.TempDir()
	var logins map[string]demoLogin
	var pilot string
	t.Run("first start seeds", func(t *testing.T) {
		var out bytes.Buffer
		base := mustServeTo(t, &out, dir, "-demo")
		logins = parseCredentials(t, out.String())
		pilot = checkDemo(t, base, logins)
	})
	t.Run("printed passwords sign in", func(t *testing.T) {
		store, err := sqlite.Open(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		d := &identity.Directory{Log: store, Hasher: password.Argon2id{Memory: 64, Time: 1, Threads: 1}}
		for name, l := range logins {
			if _, err := d.Login(context.Background(), name, l.Password); err != nil {
				t.Errorf("%s with the printed password: %v", name, err)
			}
		}
	})
	t.Run("second start seeds nothing", func(t *testing.T) {
		var out bytes.Buffer
		base := mustServeTo(t, &out, dir, "-demo")
		if strings.Contains(out.String(), "USERNAME") {
			t.Fatalf("credentials printed again:\n%s", out.String())
		}
		var users struct{ Items []any }
		mustGet(t, base, "/api/v1/users", testAdminToken, &users)
		if len(users.Items) != len(logins) {
			t.Errorf("%d users after a restart, want %d", len(users.Items), len(logins))
		}
		if got := mustContracts(t, base, logins["amira"].Token, "?procurement_ref=PR-2026-014").Items; len(got) != 1 || got[0].ID != pilot {
			t.Errorf("pilots after a restart: %+v", got)
		}
	})
}

// checkDemo runs the checks on a freshly seeded server and returns the
// pilot's ID.
func checkDemo(t *testing.T, base string, logins map[string]demoLogin) string {
	t.Helper()
	users := checkLogins(t, base, logins)
	amira := logins["amira"].Token
	pilot := checkPilot(t, base, logins)
	t.Run("vendors see only their own contracts", func(t *testing.T) {
		for _, vendor := range []string{"jordan", "sofia", "catherine", "etienne"} {
			for _, c := range mustContracts(t, base, logins[vendor].Token, "").Items {
				if c.VendorOrg != users[vendor].Org.ID {
					t.Errorf("%s sees %s of another vendor", vendor, c.ID)
				}
			}
		}
		if cs := mustContracts(t, base, logins["jordan"].Token, "").Items; len(cs) != 1 || cs[0].ID != pilot {
			t.Errorf("Curbside sees %+v, want only the pilot %s", cs, pilot)
		}
		nw := mustContracts(t, base, logins["catherine"].Token, "").Items
		if len(nw) != 1 || nw[0].ProcurementRef != "AO-2026-031" || strings.Join(nw[0].Languages, ",") != "fr" {
			t.Errorf("Northwind sees %+v, want only its French contract of AO-2026-031", nw)
		}
		if got := mustContracts(t, base, logins["luc"].Token, "?procurement_ref=AO-2026-031").Items; len(got) != 2 {
			t.Errorf("Saint-Laurent sees %d contracts in its round, want 2", len(got))
		}
	})
	t.Run("a finalised contract with its fingerprint", func(t *testing.T) {
		final := mustContracts(t, base, amira, "?phase=final").Items
		if len(final) != 1 || !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(final[0].Fingerprint) {
			t.Fatalf("final contracts: %+v", final)
		}
	})
	t.Run("the draft pinning SCL-DATA-03 v1 is in the upgrade impact", func(t *testing.T) {
		checkImpact(t, base, amira)
	})
	t.Run("SCL-DATA-03 v2 drafted by the library editor, approved by Marc", func(t *testing.T) {
		var entry struct {
			Versions []struct {
				Status     string                  `json:"status"`
				DraftedBy  string                  `json:"drafted_by"`
				ApprovedBy string                  `json:"approved_by"`
				ChangeNote struct{ EN, FR string } `json:"change_note"`
			} `json:"versions"`
		}
		mustGet(t, base, "/api/v1/clauses/SCL-DATA-03", amira, &entry)
		if len(entry.Versions) != 2 {
			t.Fatalf("%d versions, want 2", len(entry.Versions))
		}
		v2 := entry.Versions[1]
		if v2.Status != "approved" || v2.DraftedBy != users["owen"].User.ID || v2.ApprovedBy != users["marc"].User.ID ||
			!strings.Contains(v2.ChangeNote.EN, "Statute change") || !strings.Contains(v2.ChangeNote.FR, "Modification législative") {
			t.Errorf("version 2: %+v", v2)
		}
	})
	return pilot
}

// checkLogins signs every printed user in with their token and returns
// who each one is.
func checkLogins(t *testing.T, base string, logins map[string]demoLogin) map[string]me {
	t.Helper()
	users := map[string]me{}
	passwords := map[string]bool{}
	for name, l := range logins {
		var m me
		mustGet(t, base, "/api/v1/me", l.Token, &m)
		if m.User.Username != name || m.User.Role != l.Role || m.Org.Name != l.Org {
			t.Errorf("token of %s signs in as %+v", name, m)
		}
		if len(l.Password) < 20 || passwords[l.Password] {
			t.Errorf("password of %s is short or shared: %q", name, l.Password)
		}
		passwords[l.Password] = true
		users[name] = m
	}
	for _, name := range []string{"amira", "marc", "priya", "luc", "admin", "owen", "jordan", "sofia", "catherine", "etienne", "genevieve"} {
		if _, ok := logins[name]; !ok {
			t.Errorf("no credentials printed for %s", name)
		}
	}
	if users["catherine"].Org.ID == users["etienne"].Org.ID || users["jordan"].Org.ID != users["sofia"].Org.ID {
		t.Errorf("vendor organisations: %+v", users)
	}
	return users
}

type pilotState struct {
	Clauses map[string]struct {
		Status string `json:"status"`
	} `json:"clauses"`
	Amendments map[string]struct {
		Status    string `json:"status"`
		Verdict   struct{ Level string }
		SignedOff json.RawMessage `json:"signed_off_by"`
	} `json:"amendments"`
}

// checkPilot checks journey 1's pilot: a history of at least ten events,
// an open conflict, a walk-away waiting for sign-off, and a vendor view
// without the city's internal comments and verdicts.
func checkPilot(t *testing.T, base string, logins map[string]demoLogin) string {
	t.Helper()
	amira := logins["amira"].Token
	list := mustContracts(t, base, amira, "?procurement_ref=PR-2026-014").Items
	if len(list) != 1 || list[0].Phase != "negotiation" {
		t.Fatalf("pilot: %+v", list)
	}
	id := list[0].ID
	var events struct{ Items []any }
	mustGet(t, base, "/api/v1/contracts/"+id+"/events", amira, &events)
	if len(events.Items) < 10 {
		t.Errorf("pilot history has %d events, want at least 10", len(events.Items))
	}
	var st pilotState
	mustGet(t, base, "/api/v1/contracts/"+id, amira, &st)
	if st.Clauses["scl-pilot-04"].Status != "conflict" {
		t.Errorf("restoration clause is %q, want an open conflict", st.Clauses["scl-pilot-04"].Status)
	}
	waiting := 0
	for _, a := range st.Amendments {
		if a.Status == "pending" && a.Verdict.Level == "walk_away" && (len(a.SignedOff) == 0 || string(a.SignedOff) == "null") {
			waiting++
		}
	}
	if waiting != 1 {
		t.Errorf("%d pending walk-aways awaiting sign-off, want 1", waiting)
	}
	_, vendorView := call(t, "GET", base+"/api/v1/contracts/"+id, logins["jordan"].Token, nil)
	for _, secret := range []string{"Privacy review", "walk_away", "Marc, Sofia"} {
		if bytes.Contains(vendorView, []byte(secret)) {
			t.Errorf("Curbside's view of the pilot contains %q", secret)
		}
	}
	return id
}

func checkImpact(t *testing.T, base, token string) {
	t.Helper()
	var impact struct {
		Latest int `json:"latest_version"`
		Items  []struct {
			ContractID string `json:"contract_id"`
			Phase      string `json:"phase"`
			Pinned     int    `json:"pinned_version"`
		} `json:"items"`
	}
	mustGet(t, base, "/api/v1/clauses/SCL-DATA-03/impact", token, &impact)
	drafts := mustContracts(t, base, token, "?phase=draft").Items
	if impact.Latest != 2 || len(drafts) != 1 || len(impact.Items) != 1 {
		t.Fatalf("impact %+v, drafts %+v: want version 2 and the one draft", impact, drafts)
	}
	if it := impact.Items[0]; it.ContractID != drafts[0].ID || it.Pinned != 1 || it.Phase != "draft" {
		t.Errorf("impact lists %+v, want draft %s pinning version 1", it, drafts[0].ID)
	}
}

package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/identity"
)

func TestWebSignIn(t *testing.T) {
	e := mustWebEnv(t)
	tests := []struct {
		name, user, pass string
		status           int
		want             string
	}{
		{"wrong password", "legal", "not-the-password", http.StatusUnauthorized, "Wrong username or password."},
		{"unknown user", "nobody", "not-the-password", http.StatusUnauthorized, "Wrong username or password."},
		{"empty form", "", "", http.StatusUnauthorized, "Wrong username or password."},
		{"right password", "legal", webPassword, http.StatusSeeOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.browser().post("/signin", url.Values{"username": {tt.user}, "password": {tt.pass}, "next": {"/library?q=data"}})
			if r.Status != tt.status || !strings.Contains(string(r.Body), tt.want) {
				t.Fatalf("status %d, want %d with %q: %s", r.Status, tt.status, tt.want, r.Body)
			}
			if tt.status != http.StatusSeeOther {
				return
			}
			if loc := r.Header.Get("Location"); loc != "/library?q=data" {
				t.Errorf("Location = %q, want the next page", loc)
			}
			ck := r.Header.Get("Set-Cookie")
			for _, attr := range []string{"civicpact_session=cvs_", "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=604800"} {
				if !strings.Contains(ck, attr) {
					t.Errorf("session cookie %q lacks %s", ck, attr)
				}
			}
		})
	}
}

func TestWebSignInLockout(t *testing.T) {
	e := mustWebEnv(t)
	b := e.browser()
	for _, user := range []string{"legal", "nobody"} {
		for range identity.LoginFailures {
			b.post("/signin", url.Values{"username": {user}, "password": {"wrong-password"}})
		}
		r := b.post("/signin", url.Values{"username": {user}, "password": {webPassword}})
		if r.Status != http.StatusTooManyRequests || !strings.Contains(string(r.Body), "Too many failed attempts") || r.Header.Get("Retry-After") == "" {
			t.Fatalf("%s after %d failures: status %d: %s", user, identity.LoginFailures, r.Status, r.Body)
		}
	}
}

func TestWebSessionAndCSRF(t *testing.T) {
	e := mustWebEnv(t)
	anon := e.browser()
	if r := anon.get("/library?q=x"); r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/signin?next=%2Flibrary%3Fq%3Dx" {
		t.Fatalf("anonymous page: %d %q, want a redirect to sign-in", r.Status, r.Header.Get("Location"))
	}
	b := e.browser()
	token := b.mustSignIn(identity.RoleLibraryEditor)
	tests := []struct {
		name   string
		send   func() response
		status int
		want   string
	}{
		{"form without token", func() response { return b.post("/signout", nil) }, http.StatusForbidden, "This form has expired"},
		{"form with a wrong token", func() response { return b.post("/signout", url.Values{"csrf": {strings.Repeat("0", 64)}}) }, http.StatusForbidden, "This form has expired"},
		{"script without header", func() response { return b.postJSON("/api/v1/clauses/preview", "", `{"text":"x"}`) }, http.StatusForbidden, "CSRF token"},
		{"script with header", func() response { return b.postJSON("/api/v1/clauses/preview", token, `{"text":"x"}`) }, http.StatusOK, `"html"`},
		{"page still signed in", func() response { return b.get("/library") }, http.StatusOK, "Amira Haddad"},
		{"sign out with token", func() response { return b.post("/signout", url.Values{"csrf": {token}}) }, http.StatusSeeOther, ""},
		{"signed out", func() response { return b.get("/library") }, http.StatusSeeOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.send()
			if r.Status != tt.status || !strings.Contains(string(r.Body), tt.want) {
				t.Fatalf("status %d, want %d with %q: %s", r.Status, tt.status, tt.want, r.Body)
			}
		})
	}
}

func (b *browser) postJSON(path, token, body string) response {
	b.e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.e.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("X-CSRF-Token", token)
	}
	return b.do(req)
}

func TestWebSignInRefusesCrossSitePostsAndOpenRedirects(t *testing.T) {
	e := mustWebEnv(t)
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+"/signin", strings.NewReader(url.Values{"username": {"legal"}, "password": {webPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://evil.example")
	if r := e.browser().do(req); r.Status != http.StatusForbidden {
		t.Fatalf("cross-origin sign-in: %d, want 403", r.Status)
	}
	for _, next := range []string{"//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"} {
		r := e.browser().post("/signin", url.Values{"username": {"legal"}, "password": {webPassword}, "next": {next}})
		if loc := r.Header.Get("Location"); loc != "/library" {
			t.Errorf("next=%q redirected to %q, want /library", next, loc)
		}
	}
}

func TestWebLibraryList(t *testing.T) {
	e := mustWebEnv(t)
	b := e.browser()
	b.mustSignIn(identity.RoleLegal)
	tests := []struct {
		query      string
		want, skip []string
	}{
		{"", []string{"SCL-DATA-01", "SCL-LOL-01", "SCL-IP-01", "3 clauses found"}, nil},
		{"q=donnees", []string{"SCL-DATA-01"}, []string{"SCL-LOL-01"}},
		{"category=liability", []string{"SCL-LOL-01", "1 clause found"}, []string{"SCL-DATA-01"}},
		{"status=draft", []string{"SCL-IP-01"}, []string{"SCL-LOL-01"}},
		{"lang=fr&q=plafonn%C3%A9e", []string{"SCL-LOL-01", "Limitation de responsabilité"}, []string{"SCL-DATA-01"}},
		{"q=%3Cscript%3E", []string{"&lt;script&gt;", "0 clauses found"}, []string{"<script>"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := b.get("/library?" + tt.query)
			mustContain(t, r, http.StatusOK, tt.want, tt.skip)
		})
	}
}

func mustContain(t *testing.T, r response, status int, want, skip []string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	for _, w := range want {
		if !strings.Contains(string(r.Body), w) {
			t.Errorf("page lacks %q", w)
		}
	}
	for _, s := range skip {
		if strings.Contains(string(r.Body), s) {
			t.Errorf("page shows %q", s)
		}
	}
}

func TestWebClausePage(t *testing.T) {
	e := mustWebEnv(t)
	city, vendor := e.browser(), e.browser()
	city.mustSignIn(identity.RoleApprover)
	vendor.mustSignIn(identity.RoleVendor)
	tests := []struct {
		name       string
		b          *browser
		path       string
		status     int
		want, skip []string
	}{
		{"approved version by default", city, "/library/SCL-DATA-01", 200, []string{
			"Data Residency (2026-06-01) SCL-DATA-01 v2", "version 2 of 3", `id="pos-A"`, `id="pos-C"`, "Walk-away",
			`<strong class="term">Vendor</strong>`, `<ol class="items sub">`, `<a class="ref" href="/library/SCL-LOL-01">SCL-LOL-01</a>`,
			"Approve v3", "Keeps the City", "Check the provincial privacy statute"}, nil},
		{"vendors do not see the playbook", vendor, "/library/SCL-DATA-01", 200, []string{"Position A"}, []string{"Walk-away", "Preferred", "Approve v3"}},
		{"variables and placeholders", city, "/library/SCL-LOL-01", 200, []string{`<mark class="var" title="cap_multiple">[Cap multiple of fees]</mark>`, "1 – 5", "≥ 2"}, nil},
		{"French text", city, "/library/SCL-LOL-01?text=fr", 200, []string{"Limitation de responsabilité (2026-01-15) SCL-LOL-01 v1", "[Multiple des honoraires pour le plafond]"}, nil},
		{"redline", city, "/library/SCL-DATA-01?from=1&to=2", 200, []string{"<ins>", "backups", "<del>"}, nil},
		{"draft version", city, "/library/SCL-DATA-01?v=3", 200, []string{"Data Residency (2026-09-01) SCL-DATA-01 v3", "see the approved version"}, nil},
		{"no such version", city, "/library/SCL-DATA-01?v=9", 404, []string{"no version 9", "Back to the library"}, nil},
		{"no such clause", city, "/library/SCL-NOPE-01", 404, []string{"Not found"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustContain(t, tt.b.get(tt.path), tt.status, tt.want, tt.skip)
		})
	}
}

func TestWebDraftAndApprove(t *testing.T) {
	e := mustWebEnv(t)
	editor, approver := e.browser(), e.browser()
	etok := editor.mustSignIn(identity.RoleLibraryEditor)
	atok := approver.mustSignIn(identity.RoleApprover)
	form := editor.get("/library/SCL-LOL-01/draft")
	mustContain(t, form, 200, []string{"Draft version 2", `name="text_A_en"`, `name="text_B_fr"`, "{{cap_multiple}} times the fees"}, nil)
	mustContain(t, approver.get("/library/SCL-LOL-01/draft"), 403, []string{"may not"}, nil)
	fields := url.Values{"csrf": {etok}, "effective": {"2026-07-01"}, "change_note_en": {"Raises the cap."}, "change_note_fr": {"Relève le plafond."},
		"guidance_en": {"Caps what the vendor pays."}, "guidance_fr": {"Plafonne ce que paie le prestataire."},
		"text_A_en": {"Liability is capped at {{cap_multiple}} times the annual fees."}, "text_A_fr": {"La responsabilité est plafonnée à {{cap_multiple}} fois les honoraires annuels."},
		"text_B_en": {"Liability is capped at the fees; {{cap_multiple}} does not apply."}, "text_B_fr": {"Plafonnée aux honoraires; {{cap_multiple}} ne s'applique pas."}}
	bad := url.Values{}
	for k, v := range fields {
		bad[k] = v
	}
	bad.Set("text_A_en", "Broken {{cap_multiple")
	mustContain(t, editor.post("/library/SCL-LOL-01/versions", bad), http.StatusUnprocessableEntity, []string{"positions", "Broken {{cap_multiple"}, nil)
	r := editor.post("/library/SCL-LOL-01/versions", fields)
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/library/SCL-LOL-01?v=2" {
		t.Fatalf("draft: %d %q: %s", r.Status, r.Header.Get("Location"), r.Body)
	}
	mustContain(t, editor.get("/library/SCL-LOL-01?v=2"), 200, []string{"Draft", "annual fees"}, []string{"Approve v2"})
	if r := approver.post("/library/SCL-LOL-01/versions/2/approve", url.Values{"csrf": {atok}}); r.Status != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", r.Status, r.Body)
	}
	mustContain(t, approver.get("/library/SCL-LOL-01"), 200, []string{"(2026-07-01) SCL-LOL-01 v2", "Superseded"}, nil)
}

func TestWebLanguageIsRemembered(t *testing.T) {
	e := mustWebEnv(t)
	b := e.browser()
	tok := b.mustSignIn(identity.RoleLegal)
	if r := b.post("/lang", url.Values{"csrf": {tok}, "lang": {"fr"}, "next": {"/library/SCL-LOL-01"}}); r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/library/SCL-LOL-01" {
		t.Fatalf("switch: %d %q", r.Status, r.Header.Get("Location"))
	}
	mustContain(t, b.get("/library"), 200, []string{`<html lang="fr">`, "Bibliothèque de clauses", "Se déconnecter"}, []string{"Sign out"})
	// A new browser (no language cookie) gets French from the user's preference.
	other := e.browser()
	other.mustSignIn(identity.RoleLegal)
	mustContain(t, other.get("/library"), 200, []string{"Bibliothèque de clauses"}, nil)
}

func TestWebPreview(t *testing.T) {
	e := mustWebEnv(t)
	b := e.browser()
	tok := b.mustSignIn(identity.RoleLibraryEditor)
	tests := []struct {
		body string
		want *regexp.Regexp
	}{
		{`{"text":"The **Vendor** pays {{cap_multiple}}.","key":"SCL-LOL-01","lang":"en"}`, regexp.MustCompile(`<strong class=\\?"term\\?">Vendor</strong> pays <mark class=\\?"var\\?" title=\\?"cap_multiple\\?">\[Cap multiple of fees\]</mark>`)},
		{`{"text":"<script>alert(1)</script>"}`, regexp.MustCompile(`&lt;script&gt;alert\(1\)&lt;/script&gt;`)},
		{`{"text":"ok\n\n(b) wrong label"}`, regexp.MustCompile(`"error":\{"line":3,"column":1,"message":"found item \(b\)`)},
	}
	for _, tt := range tests {
		r := b.postJSON("/api/v1/clauses/preview", tok, tt.body)
		if r.Status != 200 || !tt.want.Match(r.Body) {
			t.Errorf("preview %s: %d %s, want %s", tt.body, r.Status, r.Body, tt.want)
		}
		var v map[string]any
		if err := json.Unmarshal(r.Body, &v); err != nil {
			t.Errorf("preview answer is not JSON: %v", err)
		}
	}
}

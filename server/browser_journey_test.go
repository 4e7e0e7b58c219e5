package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLibraryJourney walks the library in headless Chromium: sign in
// (a wrong password first), search, open a clause, see its positions side
// by side and a redline, switch to French (remembered after a reload),
// check that a form post without its CSRF token is refused, sign out.
func TestBrowserLibraryJourney(t *testing.T) {
	e := mustWebEnv(t)
	b := mustTab(t, e, "journey")

	b.open("/library")
	if loc := b.location(); loc != "/signin?next=%2Flibrary" {
		t.Fatalf("anonymous visit landed on %s, want the sign-in page", loc)
	}
	b.signIn("approver", "not-my-password")
	b.run("wrong password", chromedp.WaitVisible(chromedp.CSS("#signin-error")))
	if msg := b.text("#signin-error"); msg != "Wrong username or password." {
		t.Errorf("wrong-password message %q", msg)
	}
	b.screenshot("wrong password")
	b.signIn("approver", webPassword)
	b.waitLocation("/library")
	if h1 := b.text("h1"); h1 != "Clause library" {
		t.Fatalf("after sign-in: %q", h1)
	}
	b.screenshot("library")

	b.run("search", chromedp.SendKeys(chromedp.CSS("#q"), "residency"), chromedp.Submit(chromedp.CSS("#q")))
	b.waitLocation("/library?q=residency")
	if got := b.text(".results"); strings.Contains(got, "SCL-LOL-01") || !strings.Contains(got, "Data Residency") {
		t.Errorf("search results: %q", got)
	}
	b.screenshot("search results")

	b.run("open the clause", chromedp.Click(chromedp.CSS(`.results a[href="/library/SCL-DATA-01"]`)))
	b.waitLocation("/library/SCL-DATA-01")
	if got := b.text(".citation"); !strings.HasSuffix(got, "Data Residency (2026-06-01) SCL-DATA-01 v2") {
		t.Errorf("citation %q", got)
	}
	// Side by side: A, B and C share a row, A leftmost (municipality side).
	tops := eval[[]float64](b, `["A","B","C"].map(id => document.getElementById("pos-" + id).getBoundingClientRect()).flatMap(r => [r.top, r.left])`)
	if tops[0] != tops[2] || tops[2] != tops[4] || !(tops[1] < tops[3] && tops[3] < tops[5]) {
		t.Errorf("positions are not side by side from A to C: top/left %v", tops)
	}
	b.screenshot("clause")

	b.run("redline v1 → v2", chromedp.SetValue(chromedp.CSS("#from"), "1"), chromedp.SetValue(chromedp.CSS("#to"), "2"),
		chromedp.Click(chromedp.CSS(`#redline button[type="submit"]`)))
	b.waitLocation("/library/SCL-DATA-01?v=2&text=en&from=1&to=2")
	deco := eval[[]string](b, `[".redline ins", ".redline del"].map(s => { const c = getComputedStyle(document.querySelector(s)); return c.textDecorationLine + " " + c.color; })`)
	if !strings.HasPrefix(deco[0], "underline ") || !strings.HasPrefix(deco[1], "line-through ") || deco[0][10:] == deco[1][13:] {
		t.Errorf("insertions must be underlined and deletions struck, in different colours: %v", deco)
	}
	if got := b.text(".redline ins"); !strings.Contains(got, "backups") {
		t.Errorf("first insertion %q, want the backups wording", got)
	}
	b.run("scroll to the redline", chromedp.ScrollIntoView(chromedp.CSS("#redline")))
	b.screenshot("redline")

	b.run("switch to French", chromedp.Click(chromedp.CSS(`button[name="lang"][value="fr"]`)), chromedp.WaitVisible(chromedp.CSS(`button[name="lang"][value="en"]`)))
	b.run("reload", chromedp.Reload())
	b.waitLocation("/library/SCL-DATA-01")
	lang := eval[[]string](b, `[document.documentElement.lang, document.querySelector(".skip").textContent, document.querySelector("#h-guidance").textContent]`)
	if lang[0] != "fr" || lang[1] != "Passer au contenu principal" || lang[2] != "Ce que prévoit cette clause" {
		t.Errorf("after switching to French and reloading: %q", lang)
	}
	if b.open("/library/SCL-DATA-01"); b.text("h1") != "Résidence des données" {
		t.Errorf("the clause text does not follow the interface language: %q", b.text("h1"))
	}
	b.screenshot("clause in French")

	status := get(b, "post without a token", chromedp.Evaluate[float64](`fetch("/signout", {method: "POST"}).then(r => r.status)`, chromedp.EvalAwaitPromise))
	if status != 403 {
		t.Errorf("a sign-out post without the CSRF token answered %v, want 403", status)
	}
	if b.open("/library"); b.location() != "/library" {
		t.Fatalf("the refused post signed the user out anyway")
	}
	b.run("sign out", chromedp.Click(chromedp.CSS(".usermenu summary")), chromedp.WaitVisible(chromedp.CSS(`form[action="/signout"] button`)))
	b.screenshot("user menu")
	b.run("sign out", chromedp.Click(chromedp.CSS(`form[action="/signout"] button`)))
	b.waitLocation("/signin")
	b.screenshot("signed out")
	if b.open("/library/SCL-DATA-01"); !strings.HasPrefix(b.location(), "/signin") {
		t.Errorf("after sign-out the library is still open: %s", b.location())
	}
}

// TestBrowserDraftPreviewAndApprove drafts a version with the live preview
// as the library editor and approves it as the approver.
func TestBrowserDraftPreviewAndApprove(t *testing.T) {
	e := mustWebEnv(t)
	b := mustTab(t, e, "draft")
	b.open("/signin")
	b.signIn("library-editor", webPassword)
	b.waitLocation("/library")
	b.open("/library/SCL-LOL-01/draft")
	b.run("preview renders", chromedp.WaitVisible(chromedp.CSS("#text_A_en-preview mark.var")))
	b.run("type a broken placeholder", b.typeAtEnd("#text_A_en", " See {{cap"),
		chromedp.WaitVisible(chromedp.CSS("#text_A_en-preview .error")))
	if got := b.text("#text_A_en-preview .error"); !strings.HasPrefix(got, "Line 1, column") {
		t.Errorf("preview error %q, want a line and column", got)
	}
	b.screenshot("preview error")
	b.run("fix it", b.typeAtEnd("#text_A_en", "_multiple}}."),
		chromedp.WaitNotPresent(chromedp.CSS("#text_A_en-preview .error")))
	b.run("fill the form", chromedp.SetValue(chromedp.CSS("#effective"), "2026-07-01"),
		chromedp.SendKeys(chromedp.CSS("#change_note_en"), "Cross-reference added."), chromedp.SendKeys(chromedp.CSS("#change_note_fr"), "Renvoi ajouté."),
		b.typeAtEnd("#text_A_fr", " Voir {{cap_multiple}}."))
	b.screenshot("draft form")
	b.run("save", chromedp.Click(chromedp.CSS(`form.draft button.primary`)))
	b.waitLocation("/library/SCL-LOL-01?v=2")
	b.screenshot("draft saved")

	a := mustTab(t, e, "approve")
	a.open("/signin")
	a.signIn("approver", webPassword)
	a.waitLocation("/library")
	a.open("/library/SCL-LOL-01?v=2")
	a.run("approve", chromedp.Click(chromedp.CSS(`form[action$="/versions/2/approve"] button`)), chromedp.WaitNotPresent(chromedp.CSS(`form[action$="/approve"]`)))
	a.waitLocation("/library/SCL-LOL-01?v=2")
	if got := a.text("tr.current"); !strings.Contains(got, "Approved") {
		t.Errorf("version 2 after approval: %q", got)
	}
	a.screenshot("approved")
}

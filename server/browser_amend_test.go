package server_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/civicpact/civicpact/identity"
)

// proposeValue changes one value of a clause from the "Change values"
// form: first a value the server refuses (the error must show at the
// input), then the value wanted.
func (b *tab) proposeValue(contract, clause, name, bad, good, why string) {
	b.t.Helper()
	input := "#f-var-" + name
	b.open("/contracts/" + contract + "?clause=" + clause)
	b.run("open the values form", chromedp.Click(chromedp.CSS(`details:has(#values-form) summary`)), chromedp.WaitVisible(chromedp.CSS(input)))
	b.shotAt("values form "+clause, "#values-form")
	b.run("type a bad value", chromedp.SetValue(chromedp.CSS(input), bad), chromedp.SendKeys(chromedp.CSS("#values-why"), why),
		chromedp.Click(chromedp.CSS(`#values-form button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS(input+"-error")))
	if got := b.text(input + "-error"); got == "" {
		b.t.Errorf("no inline error at %s", input)
	}
	b.mustBeAccessible("values form with an error")
	b.shotAt("values form error "+clause, input)
	b.run("fix the value", chromedp.SetValue(chromedp.CSS(input), good), chromedp.Click(chromedp.CSS(`#values-form button[type="submit"]`)))
	b.waitLocation("/contracts/" + contract + "?clause=" + clause + "&lang=en&done=proposed")
}

// TestBrowserWordUpload uploads a Word redline through the workspace form:
// the vendor's file (the contract exported for Word, with one tracked
// insertion and one untracked edit) gives a report that shows the imported
// clause's redline and the untracked edit's expected and found text.
func TestBrowserWordUpload(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	hc := e.browser()
	hc.mustSignIn(identity.RoleVendor)
	r := hc.get("/api/v1/contracts/" + st.Contract.ID + "/docx?lang=en")
	if r.Status != 200 {
		t.Fatalf("export: %d", r.Status)
	}
	edited := mustEditDocx(t, r.Body, func(doc string) string {
		doc = mustReplace(t, doc, "using qualified persons and", `using qualified persons</w:t></w:r>`+
			`<w:ins w:id="9001" w:author="Author" w:date="2026-03-05T10:00:00Z"><w:r><w:t xml:space="preserve"> and trained staff</w:t></w:r></w:ins>`+
			`<w:r><w:t xml:space="preserve"> and`)
		return mustReplace(t, doc, "Within 30 days after the Pilot ends", "Within 60 days after the Pilot ends")
	})
	file := filepath.Join(t.TempDir(), "redline.docx")
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	b := mustTab(t, e, "word")
	b.open("/signin")
	b.signIn("vendor", webPassword)
	b.waitLocation("/library")
	b.open("/contracts/" + st.Contract.ID)
	b.mustBeAccessible("workspace with the Word forms")
	b.shotAt("word forms", ".downloads")
	b.run("upload", chromedp.SetUploadFiles(chromedp.CSS("#word-file"), []string{file}),
		chromedp.Click(chromedp.CSS(`form.word-upload button[type="submit"]`)))
	b.waitLocation("/contracts/" + st.Contract.ID + "/docx")
	if h1 := b.text("h1"); h1 != "Word import report" {
		t.Fatalf("after the upload: %q", h1)
	}
	report := b.text("main")
	for _, want := range []string{"Imported: 1", "Not imported: 1", "trained staff", "Edited without Track Changes", "[-30-]{+60+}"} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	deco := eval[[]string](b, `[".imported .redline-text ins", ".not-imported .redline-text del"].map(s => getComputedStyle(document.querySelector(s)).textDecorationLine)`)
	if deco[0] != "underline" || deco[1] != "line-through" {
		t.Errorf("the report's redlines must underline insertions and strike deletions: %v", deco)
	}
	b.mustBeAccessible("Word import report")
	b.screenshot("import report")
	b.run("back to the contract", chromedp.Click(chromedp.CSS(`main a.button`)))
	b.waitLocation("/contracts/" + st.Contract.ID)
}

// TestBrowserSignInFrench switches the sign-in page to French before
// signing in: the page, its error message and the page after sign-in are
// in French.
func TestBrowserSignInFrench(t *testing.T) {
	e := mustWebEnv(t)
	b := mustTab(t, e, "signin-fr")
	b.open("/signin")
	b.run("switch to French", chromedp.Click(chromedp.CSS(`button[name="lang"][value="fr"]`)), chromedp.WaitVisible(chromedp.CSS(`button[name="lang"][value="en"]`)))
	got := eval[[]string](b, `[document.documentElement.lang, document.querySelector("h1").textContent, document.querySelector("label[for=username]").textContent,
	  document.querySelector("label[for=password]").textContent, document.querySelector("form[action='/signin'] button").textContent.trim()]`)
	if strings.Join(got, "|") != "fr|Connexion|Nom d’utilisateur|Mot de passe|Se connecter" {
		t.Errorf("the sign-in page in French: %q", got)
	}
	b.mustBeAccessible("sign-in (fr)")
	b.signIn("approver", "pas-le-bon")
	b.run("wrong password", chromedp.WaitVisible(chromedp.CSS("#signin-error")))
	if msg := b.text("#signin-error"); msg != "Nom d’utilisateur ou mot de passe incorrect." {
		t.Errorf("wrong-password message %q", msg)
	}
	b.screenshot("mauvais mot de passe")
	b.signIn("approver", webPassword)
	b.waitLocation("/library")
	if h1 := b.text("h1"); h1 != "Bibliothèque de clauses" {
		t.Errorf("after signing in in French: %q", h1)
	}
	b.screenshot("bibliotheque")
}

package server_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDemoWalk signs in to a running demo server as each persona and
// screenshots what they see: the library, the contracts list and every
// contract's workspace. It is a tool for looking at the product by hand,
// not part of the suite: it runs only when CIVICPACT_DEMO_URL names the
// server and CIVICPACT_DEMO_PASSWORDS a file of "username password" lines
// (the table `civicpact serve -demo` prints).
func TestBrowserDemoWalk(t *testing.T) {
	base, file := os.Getenv("CIVICPACT_DEMO_URL"), os.Getenv("CIVICPACT_DEMO_PASSWORDS")
	if base == "" || file == "" {
		t.Skip("set CIVICPACT_DEMO_URL and CIVICPACT_DEMO_PASSWORDS to walk a running demo")
	}
	pw := mustPasswords(t, file)
	for _, user := range []string{"amira", "sofia", "jordan", "marc", "luc", "catherine"} {
		t.Run(user, func(t *testing.T) {
			lang := "en-CA"
			if user == "luc" || user == "catherine" {
				lang = "fr-CA"
			}
			b := mustTabAt(t, base, "demo-"+user, lang)
			b.open("/signin")
			b.screenshot("signin")
			b.signIn(user, pw[user])
			b.waitLocation("/library")
			b.screenshot("library")
			b.open("/contracts")
			b.screenshot("contracts")
			links := eval[[]string](b, `[...document.querySelectorAll("main a[href^='/contracts/ctr_']")].map(a => a.getAttribute("href"))`)
			seen := map[string]bool{}
			for _, href := range links {
				id := strings.SplitN(strings.TrimPrefix(href, "/contracts/"), "?", 2)[0]
				if seen[id] || strings.Contains(id, "/") {
					continue
				}
				seen[id] = true
				b.open("/contracts/" + id)
				b.run("wait for the workspace", chromedp.WaitVisible(chromedp.CSS("#panel")))
				b.shotAt("workspace "+id, "h1")
				for _, sel := range []string{"#panel", ".walkaway", "#h-pending", ".conflict", "details.propose", "#h-comments"} {
					if eval[bool](b, `!!document.querySelector("`+sel+`")`) {
						b.shotAt(sel+" "+id, sel)
					}
				}
			}
		})
	}
}

func mustPasswords(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) >= 2 {
			out[fields[0]] = fields[1]
		}
	}
	return out
}

package server_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// artifactDir is where browser tests write their screenshots (gitignored).
const artifactDir = "../test-artifacts/browser"

// mustChromium returns the path of Debian's Chromium. Without it the test
// skips with the install command, except under CI=true, where it fails.
func mustChromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed and CI=true: browser tests must run (apt-get install -y chromium)")
	}
	t.Skip("chromium is not installed; browser tests skipped (apt-get install -y chromium, or set CHROMIUM=/path)")
	return ""
}

// tab is one headless Chromium tab against a web test server.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	shot int
	name string
}

// mustTab starts headless Chromium with a fresh profile and no background
// networking (the network here is closed) and opens a tab.
func mustTab(t *testing.T, e *webEnv, name string) *tab {
	t.Helper()
	return mustTabAt(t, e.srv.URL, name, "en-CA")
}

// mustTabAt opens a tab against the server at base, with the browser's
// language set to lang (what it sends as Accept-Language).
func mustTabAt(t *testing.T, base, name, lang string) *tab {
	t.Helper()
	path := mustChromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true), chromedp.Flag("lang", lang), chromedp.Flag("accept-lang", lang),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser, bound to ctx (no timeout here)
		t.Fatalf("start chromium: %v", err)
	}
	if err := os.MkdirAll(artifactDir, 0o755); err != nil {
		t.Fatal(err)
	}
	return &tab{t: t, ctx: ctx, base: base, name: name}
}

// stepTimeout bounds one step, so a missing element fails the test
// instead of hanging it.
const stepTimeout = 15 * time.Second

// run performs actions, failing the test with what was being done.
func (b *tab) run(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.screenshot("failed-" + what)
		b.t.Fatalf("%s: %v", what, err)
	}
}

// get runs one action that returns a value.
func get[T any](b *tab, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.screenshot("failed-" + what)
		b.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// open navigates to path and waits for the main landmark.
func (b *tab) open(path string) {
	b.t.Helper()
	b.run("open "+path, chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("main")))
}

// screenshot writes the whole page as NN-name.png under artifactDir.
func (b *tab) screenshot(step string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(90))
	if err != nil {
		b.t.Logf("screenshot %s: %v", step, err)
		return
	}
	b.shot++
	file := filepath.Join(artifactDir, fmt.Sprintf("%s-%02d-%s.png", b.name, b.shot, strings.Map(safeRune, step)))
	if err := os.WriteFile(file, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// text returns the text content of the first element matching sel.
func (b *tab) text(sel string) string {
	b.t.Helper()
	return get(b, "read "+sel, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
}

// eval runs a JavaScript expression and returns its value.
func eval[T any](b *tab, js string) T {
	b.t.Helper()
	return get(b, "evaluate "+js[:min(len(js), 40)], chromedp.Evaluate[T](js))
}

// location returns the path and query of the current page.
func (b *tab) location() string {
	b.t.Helper()
	return eval[string](b, `location.pathname + location.search`)
}

// signIn fills and submits the sign-in form; the caller waits for what
// should follow.
func (b *tab) signIn(user, pass string) {
	b.t.Helper()
	b.run("sign in as "+user,
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.Clear(chromedp.CSS("#username")), chromedp.SendKeys(chromedp.CSS("#username"), user),
		chromedp.SendKeys(chromedp.CSS("#password"), pass),
		chromedp.Click(chromedp.CSS(`form[action="/signin"] button[type="submit"]`)))
}

// typeAtEnd types keys at the end of a text field's current value.
func (b *tab) typeAtEnd(sel, keys string) chromedp.Action[chromedp.Void] {
	js := `(() => { const e = document.querySelector(` + "`" + sel + "`" + `); e.focus(); e.setSelectionRange(e.value.length, e.value.length); return null; })()`
	return chromedp.Steps(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](js)(ctx, t)
		return err
	}), chromedp.KeyEvent(keys))
}

// waitLocation waits until the page's path and query start with want
// (a click that navigates returns before the new page is there), then for
// its main landmark.
func (b *tab) waitLocation(want string) {
	b.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	got := ""
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, time.Second)
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === "complete" ? location.pathname + location.search : ""`))
		cancel()
		if got = loc; err == nil && strings.HasPrefix(loc, want) {
			b.run("wait for "+want, chromedp.WaitReady(chromedp.CSS("main")))
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.screenshot("failed-wait-" + want)
	b.t.Fatalf("the page never reached %s (last at %q)", want, got)
}

// safeRune keeps letters and digits of a step name for a file name.
func safeRune(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		return r
	}
	return '-'
}

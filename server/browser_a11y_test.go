package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// a11yScript checks the rendered page the way an automated WCAG 2.1 AA
// audit would, for what can be decided from the DOM: the page language,
// a label for every form control, alt text on images, a name for every
// button and link, one main landmark, and a contrast of at least 4.5:1 for
// every visible text run (computed from getComputedStyle, over the first
// opaque background behind it). It returns the problems found.
const a11yScript = `(() => {
  const problems = [];
  const lang = document.documentElement.getAttribute("lang");
  if (!lang) problems.push("html has no lang");
  if (document.querySelectorAll("main").length !== 1) problems.push("page needs exactly one main landmark");
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.display !== "none"; };
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden" || el.type === "submit" || el.type === "button") continue;
    const named = (el.labels && el.labels.length > 0) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) problems.push("form control without a label: " + (el.id || el.name));
  }
  for (const img of document.querySelectorAll("img")) {
    if (!img.hasAttribute("alt")) problems.push("image without alt: " + img.src);
  }
  for (const el of document.querySelectorAll("button, a[href], summary")) {
    if (!el.textContent.trim() && !el.getAttribute("aria-label") && !el.querySelector("img[alt]:not([alt=''])")) problems.push("control without a name: " + el.outerHTML.slice(0, 80));
  }
  const rgb = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    const fg = rgb(s.color), bg = background(el);
    const alpha = fg.a * parseFloat(s.opacity || 1);
    const mix = { r: fg.r * alpha + bg.r * (1 - alpha), g: fg.g * alpha + bg.g * (1 - alpha), b: fg.b * alpha + bg.b * (1 - alpha) };
    const l1 = lum(mix), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) problems.push("contrast " + ratio.toFixed(2) + ":1 for <" + el.tagName.toLowerCase() + " class='" + el.className + "'> " + JSON.stringify(n.textContent.trim().slice(0, 30)));
  }
  return problems;
})()`

// mustBeAccessible runs a11yScript on the current page.
func (b *tab) mustBeAccessible(page string) {
	b.t.Helper()
	problems := eval[[]string](b, a11yScript)
	for _, p := range problems {
		b.t.Errorf("%s: %s", page, p)
	}
}

// activeElement describes document.activeElement as "tag#id.class text".
func (b *tab) activeElement() string {
	b.t.Helper()
	return eval[string](b, `(() => { const e = document.activeElement; return e.tagName.toLowerCase() + "#" + e.id + "." + e.className + " " + (e.getAttribute("href") || e.textContent.trim().slice(0, 30)); })()`)
}

// tabTo presses Tab until the focused element's description contains want,
// at most limit times, and returns how many presses it took.
func (b *tab) tabTo(want string, limit int) int {
	b.t.Helper()
	var path []string
	for i := 1; i <= limit; i++ {
		b.run("press Tab", chromedp.KeyEvent(kb.Tab))
		got := b.activeElement()
		path = append(path, got)
		if strings.Contains(got, want) {
			return i
		}
	}
	b.t.Fatalf("%d Tab presses never reached %q; focus went: %s", limit, want, strings.Join(path, " → "))
	return 0
}

// mustHaveVisibleFocus checks the focused element draws a focus indicator.
func (b *tab) mustHaveVisibleFocus() {
	b.t.Helper()
	outline := eval[string](b, `(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + " " + s.outlineWidth; })()`)
	if strings.HasPrefix(outline, "none") || strings.HasSuffix(outline, " 0px") {
		b.t.Errorf("focused %s has no visible outline (%s)", b.activeElement(), outline)
	}
}

func TestBrowserKeyboardAndAccessibility(t *testing.T) {
	e := mustWebEnv(t)
	b := mustTab(t, e, "a11y")
	b.open("/signin")
	b.mustBeAccessible("sign-in")
	b.signIn("library-editor", webPassword)
	b.waitLocation("/library")
	b.open("/library")
	// The first Tab reaches the skip link, which jumps to the main content.
	b.tabTo(".skip", 1)
	b.mustHaveVisibleFocus()
	b.screenshot("skip link focused")
	b.run("follow the skip link", chromedp.KeyEvent(kb.Enter))
	b.tabTo("#q.", 1)
	b.mustHaveVisibleFocus()
	b.run("type a search", chromedp.KeyEvent("residency"), chromedp.KeyEvent(kb.Enter))
	b.waitLocation("/library?q=residency&category=&status=&lang=")
	eval[any](b, `document.activeElement.blur(), null`)
	n := b.tabTo("/library/SCL-DATA-01", 20)
	b.mustHaveVisibleFocus()
	b.screenshot("first result focused")
	t.Logf("the first result is %d Tab presses from the top of the results page", n)
	b.run("open it by keyboard", chromedp.KeyEvent(kb.Enter))
	b.waitLocation("/library/SCL-DATA-01")
	b.mustBeAccessible("library")
	for _, page := range []string{"/library", "/library/SCL-DATA-01?from=1&to=2", "/library/SCL-LOL-01?text=fr", "/library/SCL-LOL-01/draft"} {
		b.open(page)
		b.mustBeAccessible(page)
	}
	// The checker itself catches what it claims to: a low-contrast text,
	// an unlabelled input and an image without alt.
	eval[any](b, `document.querySelector("main").insertAdjacentHTML("beforeend", '<p id="faint">faint</p><input id="nolabel"><img src="/static/icon.svg">'), document.getElementById("faint").style.color = "#aaa", null`)
	problems := strings.Join(eval[[]string](b, a11yScript), "\n")
	for _, want := range []string{"contrast 2.32:1", "without a label: nolabel", "image without alt"} {
		if !strings.Contains(problems, want) {
			t.Errorf("the accessibility check missed %q; it found:\n%s", want, problems)
		}
	}
}

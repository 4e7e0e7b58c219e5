package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

const langCookie = "civicpact_lang"

// uiLang is the request's interface language: the language cookie, then
// the signed-in user's preference, then the browser's Accept-Language,
// then English.
func uiLang(c echo.Context) string {
	if ck, err := c.Cookie(langCookie); err == nil && validLang(ck.Value) {
		return ck.Value
	}
	if p, err := principal(c); err == nil && validLang(p.User.Lang) {
		return p.User.Lang
	}
	for _, part := range strings.Split(c.Request().Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		switch {
		case strings.HasPrefix(tag, "fr"):
			return "fr"
		case strings.HasPrefix(tag, "en"):
			return "en"
		}
	}
	return "en"
}

func validLang(l string) bool { return l == "en" || l == "fr" }

// setLangCookie remembers the interface language in this browser.
func setLangCookie(c echo.Context, lang string) {
	c.SetCookie(&http.Cookie{Name: langCookie, Value: lang, Path: "/", HttpOnly: true, Secure: c.Request().TLS != nil,
		SameSite: http.SameSiteLaxMode, MaxAge: int(365 * 24 * time.Hour / time.Second)})
}

// translate returns the message key in lang; a missing key shows itself in
// brackets (a test checks every key used by a template exists in both).
func translate(lang, key string) string {
	m, ok := lookupMessage(key)
	if !ok {
		return "[" + key + "]"
	}
	if lang == "fr" {
		return m.fr
	}
	return m.en
}

// lookupMessage finds a message key in the catalogues.
func lookupMessage(key string) (message, bool) {
	for _, cat := range []map[string]message{messages, contractMessages, workspaceMessages, amendMessages, roundMessages} {
		if m, ok := cat[key]; ok {
			return m, true
		}
	}
	return message{}, false
}

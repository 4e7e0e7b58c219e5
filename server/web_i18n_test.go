package server

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/server/web"
)

// TestMessagesComplete checks that every message key a template names, and
// every key built from a domain value (role, category, status, stance,
// variable type and source, redline status), exists in English and French.
func TestMessagesComplete(t *testing.T) {
	used := map[string]bool{}
	literal := regexp.MustCompile(`\{\{-?\s*(?:t|tf|tn)\s+\$?\.Lang\s+"([^"]+)"`)
	files, _ := fs.Glob(web.Templates, "templates/*.html")
	for _, f := range files {
		src, err := fs.ReadFile(web.Templates, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d message keys in the templates; is the pattern stale?", len(used))
	}
	for _, r := range identity.Roles {
		used["role."+string(r)] = true
	}
	for _, c := range clauses.Categories {
		used["cat."+string(c)] = true
	}
	for _, s := range []string{"draft", "approved", "superseded", "retired"} {
		used["status."+s] = true
	}
	for _, s := range []clauses.Stance{clauses.StancePreferred, clauses.StanceFallback, clauses.StanceWalkAway} {
		used["stance."+string(s)] = true
	}
	for _, v := range []clauses.VarType{clauses.TypeString, clauses.TypeText, clauses.TypeInteger, clauses.TypeDecimal, clauses.TypeMoney,
		clauses.TypePercent, clauses.TypeDate, clauses.TypeDuration, clauses.TypeBoolean, clauses.TypeEnum, clauses.TypeParty} {
		used["type."+string(v)] = true
	}
	for _, s := range []string{"source.user", "source.jurisdiction", "source.contract", "change.changed", "change.unchanged", "change.added", "change.removed", "library.count.one", "signin.wrong", "signin.locked", "error.csrf", "error.other", "error.404"} {
		used[s] = true
	}
	for key := range used {
		m, ok := messages[key]
		if !ok || m.en == "" || m.fr == "" {
			t.Errorf("message %q is missing or not in both languages", key)
		}
	}
}

func TestCountPhrase(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 clauses found"}, {"en", 1, "1 clause found"}, {"en", 2, "2 clauses found"},
		{"fr", 0, "0 clause trouvée"}, {"fr", 1, "1 clause trouvée"}, {"fr", 2, "2 clauses trouvées"},
	}
	for _, tt := range tests {
		if got := countPhrase(tt.lang, "library.count", tt.n); got != tt.want {
			t.Errorf("countPhrase(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

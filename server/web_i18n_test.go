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
	for _, key := range contractPageKeys() {
		used[key] = true
	}
	for key := range used {
		m, ok := lookupMessage(key)
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

// contractPageKeys lists the message keys the contract pages build from
// domain values.
func contractPageKeys() []string {
	keys := []string{"assemble.problems.one", "contracts.count.one", "contracts.todo.one", "contracts.blockers.one", "dev.count.one", "impact.count.one",
		"cvar.city_name", "cvar.vendor_name", "cvar.procurement_ref", "dl.text", "dl.draft", "dl.final", "dl.redline", "dl.deviations",
		"amend.position", "amend.delete", "amend.values", "history.oncontract", "history.kept", "stale.message", "sig.authority.city", "sig.authority.vendor",
		"dl.word", "dl.wordproposals", "ws.checkvalues", "word.title"}
	groups := map[string][]string{
		"cstatus.":  {"open", "proposed", "countered", "agreed", "conflict", "deleted", "walk_away"},
		"astatus.":  {"pending", "accepted", "rejected", "countered", "superseded"},
		"level.":    {"non_substantive", "preferred", "fallback", "custom", "walk_away"},
		"phase.":    {"draft", "negotiation", "final"},
		"route.":    {"rfp", "challenge", "pilot", "grant", "sole_source"},
		"side.":     {"city", "vendor"},
		"party.":    {"city", "vendor"},
		"lang.":     {"en", "fr"},
		"event.":    {"assembled", "opened", "redline", "decision", "comment", "sign_off", "upgrade", "finalized"},
		"kind.":     {"text", "position", "variables", "delete"},
		"action.":   {"accept", "reject", "counter"},
		"devkind.":  {"position", "wording", "values", "deleted"},
		"done.":     {"assembled", "opened", "proposed", "accept", "reject", "counter", "commented", "signedoff", "finalized", "upgraded", "kept"},
		"hint.":     {"string", "text", "integer", "decimal", "money", "percent", "date", "duration", "boolean", "enum", "party"},
		"wstatus.":  {"unchanged", "untracked_edit", "missing_bookmark", "invalid_text"},
		"rev.":      {"ins", "del", "ins>del", "moveFrom", "moveTo"},
		"province.": {"AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"},
	}
	for prefix, names := range groups {
		for _, n := range names {
			keys = append(keys, prefix+n)
		}
	}
	return keys
}

// TestCataloguesDoNotOverlap: a key defined twice would show whichever
// catalogue lookupMessage reads first.
func TestCataloguesDoNotOverlap(t *testing.T) {
	seen := map[string]int{}
	for i, cat := range []map[string]message{messages, contractMessages, workspaceMessages, amendMessages, roundMessages} {
		for key := range cat {
			if j, ok := seen[key]; ok {
				t.Errorf("message %q is in catalogues %d and %d", key, j, i)
			}
			seen[key] = i
		}
	}
}

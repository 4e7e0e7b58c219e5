package templates

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// starterDirs are where the starter clause files may be: the repository's
// library/starter, or the main worktree while they are being written.
var starterDirs = []string{"../library/starter", "/work/main/library/starter"}

var (
	sectionRe = regexp.MustCompile(`(?m)^# v(\d+) ([A-DO]) en$`)
)

// starterPositions reads the position IDs of each starter clause's latest
// version from its section headings (the full file is parsed by the
// library package; this test needs only the IDs).
func starterPositions(t *testing.T) map[string][]string {
	t.Helper()
	for _, dir := range starterDirs {
		files, _ := filepath.Glob(filepath.Join(dir, "SCL-*.md"))
		if len(files) == 0 {
			continue
		}
		out := map[string][]string{}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			latest, ids := "", []string{}
			for _, m := range sectionRe.FindAllStringSubmatch(string(raw), -1) {
				if m[1] != latest {
					latest, ids = m[1], nil
				}
				ids = append(ids, m[2])
			}
			out[filepath.Base(f[:len(f)-len(".md")])] = ids
		}
		return out
	}
	t.Skip("no starter clause files")
	return nil
}

// TestTemplatesAgainstStarterLibrary checks that every default position a
// built-in template names, and every position a rule names, is offered by
// the starter clause, for the clause files that exist.
func TestTemplatesAgainstStarterLibrary(t *testing.T) {
	positions := starterPositions(t)
	for _, tpl := range mustBuiltin(t) {
		for _, s := range tpl.Slots() {
			ids, ok := positions[s.ClauseKey]
			if ok && s.Position != "" && !slices.Contains(ids, s.Position) {
				t.Errorf("%s: %s default position %s not in starter positions %v", tpl.Key, s.ClauseKey, s.Position, ids)
			}
		}
	}
	for _, r := range PositionRules() {
		ids, ok := positions[r.ClauseKey]
		for _, p := range r.Positions {
			if ok && !slices.Contains(ids, p) {
				t.Errorf("rule on %s/%s: the starter clause offers %v", r.ClauseKey, p, ids)
			}
		}
	}
	t.Logf("%d starter clauses checked", len(positions))
}

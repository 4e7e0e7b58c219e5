package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: io.Discard, Env: func(string) string { return "" }}
	if err := m.Run(context.Background(), args); err != nil {
		t.Fatalf("civicpact %s: %v", strings.Join(args, " "), err)
	}
	return out.String()
}

func mustReadDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// TestLibraryAsCode is journey 5: export the library, edit clauses as a
// legal team would in git, import; a broken file is rejected with its file
// and line and nothing changes; export → import → export is byte-identical.
func TestLibraryAsCode(t *testing.T) {
	data, first, second := t.TempDir(), t.TempDir(), t.TempDir()
	mustRun(t, "library", "export", first, "-data", data)
	files := mustReadDir(t, first)
	if len(files) < 45 {
		t.Fatalf("exported %d files", len(files))
	}
	if out := mustRun(t, "library", "import", first, "-data", data); !strings.Contains(out, "0 version changes") {
		t.Fatalf("re-importing the export changed something: %s", out)
	}
	mustRun(t, "library", "export", second, "-data", data)
	for name, body := range mustReadDir(t, second) {
		if files[name] != body {
			t.Fatalf("%s differs between two exports", name)
		}
	}

	broken := t.TempDir()
	for name, body := range files {
		if name == "SCL-FM-01.md" {
			body = strings.Replace(body, "{{fm_notice_days}}", "{{fm_notice_dayz}}", 1)
		}
		os.WriteFile(filepath.Join(broken, name), []byte(body), 0o644)
	}
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: io.Discard, Env: func(string) string { return "" }}
	err := m.Run(context.Background(), []string{"library", "import", broken, "-data", data})
	if err == nil || !regexpLine.MatchString(err.Error()) {
		t.Fatalf("broken import: %v; want SCL-FM-01.md:<line>", err)
	}
	mustRun(t, "library", "export", second, "-data", data)
	if got := mustReadDir(t, second)["SCL-FM-01.md"]; got != files["SCL-FM-01.md"] {
		t.Fatal("a rejected import changed the library")
	}
}

var regexpLine = regexp.MustCompile(`SCL-FM-01\.md:\d+`)

package library

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/good/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mustDecode(t testing.TB, name string, data []byte) (clauses.Clause, []VersionFile) {
	t.Helper()
	c, vs, err := DecodeFile(name, data)
	if err != nil {
		t.Fatalf("DecodeFile(%s): %v", name, err)
	}
	return c, vs
}

var goodFiles = []string{"SCL-DATA-01.md", "SCL-IND-01.md", "SCL-LOL-01.md"}

func TestRoundTripByteIdentical(t *testing.T) {
	for _, name := range goodFiles {
		t.Run(name, func(t *testing.T) {
			data := mustRead(t, name)
			c, vs := mustDecode(t, name, data)
			if out := EncodeFile(c, vs); !bytes.Equal(out, data) {
				t.Errorf("encode(decode(file)) differs:\n%s", out)
			}
		})
	}
}

func TestDecodeValues(t *testing.T) {
	c, vs := mustDecode(t, "SCL-LOL-01.md", mustRead(t, "SCL-LOL-01.md"))
	if c.Category != "liability" || c.Title.FR != "Limitation de responsabilité" || len(vs) != 2 {
		t.Fatalf("clause %+v with %d versions", c, len(vs))
	}
	v1, v2 := vs[0], vs[1]
	if v1.Status != clauses.StatusSuperseded || v2.Status != clauses.StatusApproved || v2.ApprovedBy != "u-legal-2" {
		t.Errorf("statuses %s, %s", v1.Status, v2.Status)
	}
	if got := v1.Positions[1].Body.EN; !strings.Contains(got, "\n\n    (i) bodily injury;") {
		t.Errorf("v1 B en = %q", got)
	}
	floor, _ := v2.Variable("cap_floor")
	val, err := floor.Check(floor.Default)
	if cents, _ := val.Cents(); err != nil || cents != 100_000_000 {
		t.Errorf("cap_floor default = %v cents, %v", cents, err)
	}
	if v1.Variables[0].Fallback == nil || *v1.Variables[0].Fallback.Min != 0.5 {
		t.Errorf("fallback = %+v", v1.Variables[0].Fallback)
	}
	if v2.RouteDefaults[clauses.RouteSoleSource] != "B" || v1.Title != c.Title || v1.Key != c.Key {
		t.Errorf("version header %+v", v2.Version)
	}
}

func TestEncodeIsCanonical(t *testing.T) {
	data := mustRead(t, "SCL-IND-01.md")
	messy := strings.Replace(string(data), "{{indemnifier}} shall indemnify the other party", "{{indemnifier}} shall indemnify\n  the other party", 1)
	messy = strings.Replace(messy, "        default: \"30 days\"", "        default: 30 days", 1)
	messy = strings.Replace(messy, "status: draft", "status: draft # not yet approved", 1)
	c, vs := mustDecode(t, "SCL-IND-01.md", []byte(messy))
	if out := EncodeFile(c, vs); !bytes.Equal(out, data) {
		t.Errorf("messy input did not encode canonically:\n%s", out)
	}
}

// lineOf returns the 1-based line of the first line containing s.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%q not in text", s)
	return 0
}

// lastLineOf returns the 1-based line of the last line containing s.
func lastLineOf(t *testing.T, text, s string) int {
	t.Helper()
	lines := strings.Split(text, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], s) {
			return i + 1
		}
	}
	t.Fatalf("%q not in text", s)
	return 0
}

func TestBrokenFiles(t *testing.T) {
	base := string(mustRead(t, "SCL-LOL-01.md"))
	tests := []struct {
		name string
		repl []string // old, new pairs for strings.NewReplacer
		at   string   // the expected line holds this text
		msg  string
	}{
		{"bad yaml", []string{"category: liability", "category: [liability"}, "title:", "front matter: ',' or ']' must be specified"},
		{"yaml type", []string{"  - version: 2", "  - version: two"}, "version: two", `front matter: "two" is not a whole number`},
		{"yaml list", []string{"        default: 2.5", "        default: [2.5]"}, "default: [2.5]", "default: must be a number"},
		{"unknown field", []string{"    non_substantive: false\n    change_note:\n      en: Adds", "    non_substantive: false\n    colour: red\n    change_note:\n      en: Adds"}, "colour: red", `unknown field "colour"`},
		{"markup", []string{"(b) the indemnities of", "(c) the indemnities of"}, "(c) the indemnities", `# v1 B en, column 1: found item (c) where (b) was expected`},
		{"markup column", []string{"The Vendor's total liability to {{city_name}}", "The Vendor's total liability to {{City}}"}, "{{City}}", "column 33"},
		{"undeclared variable", []string{"fois les honoraires payés et de {{cap_floor}}", "fois les honoraires payés et de {{cap_floor}} {{late_fee}}"}, "{{late_fee}}", "{{late_fee}} is not declared"},
		{"unused variable", []string{"      - name: city_name\n", "      - name: unused_thing\n        type: string\n        label:\n          en: U\n          fr: U\n      - name: city_name\n"}, "- name: unused_thing", "no position's text uses {{unused_thing}}"},
		{"bad default", []string{`default: "1000000"`, `default: "1000000.005"`}, `default: "1000000.005"`, "versions[1].variables[1].default: must be an amount"},
		{"bad bound", []string{"        max: 5\n      - name: cap_floor", "        max: five\n      - name: cap_floor"}, "max: five", "must be a number"},
		{"bad heading", []string{"\n# v2 B fr\n", "\n# v2 B de\n"}, "# v2 B de", "malformed section heading"},
		{"missing language", []string{"# v1 A fr\n", "# v1 A en\n"}, "  - id: A", `no "# v1 A fr" section`},
		{"out of order", []string{"# v1 A en", "# v1 A fr", "# v1 A fr", "# v1 A en"}, "# v1 A en", "is out of order"},
		{"repeated section", []string{"# v2 B en", "# v1 B fr\n\nagain\n\n# v2 B en"}, "# v1 B fr", "repeats the one at line"},
		{"unknown position", []string{"# v2 B en", "# v2 C en"}, "# v2 C en", "no matching version and position"},
		{"text outside", []string{"---\n\n# v1 A en", "---\nstray words\n\n# v1 A en"}, "stray words", "text outside a section"},
		{"status", []string{"status: superseded", `status: "approved"`}, `status: "approved"`, "make it superseded"},
		{"version numbering", []string{"  - version: 2", "  - version: 3"}, "  - version: 3", "expected 2, got 3"},
		{"category", []string{"category: liability", "category: liabilities"}, "category: liabilities", `unknown category "liabilities"`},
		{"route", []string{"      sole_source: B", "      sole_source: Z"}, "sole_source: Z", `position "Z"`},
		{"timestamp", []string{"drafted_at: 2026-02-10T14:30:00Z", "drafted_at: 2026-02-10"}, "drafted_at: 2026-02-10", "must be a timestamp"},
		{"no front matter", []string{"---\nkey:", "key:"}, "", "must start with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.NewReplacer(tt.repl...).Replace(base)
			if src == base {
				t.Fatalf("mutation %q did not apply", tt.repl)
			}
			c, vs, err := DecodeFile("SCL-LOL-01.md", []byte(src))
			if err == nil || c != (clauses.Clause{}) || vs != nil {
				t.Fatalf("DecodeFile accepted the broken file or returned a partial result: %v", err)
			}
			want := "SCL-LOL-01.md:1"
			if tt.at != "" {
				want = "SCL-LOL-01.md:" + strconv.Itoa(lastLineOf(t, src, tt.at))
			}
			mustHaveField(t, err, want, tt.msg)
		})
	}
}

func mustHaveField(t *testing.T, err error, path, msg string) {
	t.Helper()
	e, ok := apperr.As(err)
	if !ok || e.Kind != apperr.Invalid {
		t.Fatalf("error %v is not an apperr Invalid", err)
	}
	for _, f := range e.Fields {
		if (path == "" || f.Path == path) && strings.Contains(f.Message, msg) {
			return
		}
	}
	t.Errorf("want %s: …%s…; got:\n%s", path, msg, strings.ReplaceAll(err.Error(), "; ", "\n"))
}

func TestReadDir(t *testing.T) {
	files, err := ReadDir(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if !reflect.DeepEqual(names, goodFiles) {
		t.Errorf("files = %v", names)
	}
	for _, p := range CheckCoverage(files) {
		if !strings.HasPrefix(p, "category ") {
			t.Errorf("unexpected coverage problem: %s", p)
		}
	}
	if got := CheckCoverage(files); len(got) != len(clauses.Categories)-3 {
		t.Errorf("coverage = %v", got)
	}
}

func TestReadDirReportsEveryFile(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, n := range goodFiles {
		fsys[n] = &fstest.MapFile{Data: mustRead(t, n)}
	}
	ind := strings.Replace(string(fsys["SCL-IND-01.md"].Data), "category: indemnity", "category: nope", 1)
	fsys["SCL-IND-01.md"] = &fstest.MapFile{Data: []byte(ind)}
	lol := strings.ReplaceAll(string(fsys["SCL-LOL-01.md"].Data), "{{ref:SCL-DATA-01}}", "{{ref:SCL-PRIV-09}}")
	fsys["SCL-LOL-01.md"] = &fstest.MapFile{Data: []byte(lol)}
	fsys["notes.txt"] = &fstest.MapFile{Data: []byte("ignored")}

	files, err := ReadDir(fsys)
	if files != nil {
		t.Errorf("partial result: %d files", len(files))
	}
	mustHaveField(t, err, "SCL-IND-01.md:3", `unknown category "nope"`)
	mustHaveField(t, err, "SCL-LOL-01.md:"+strconv.Itoa(lineOf(t, lol, "{{ref:SCL-PRIV-09}}")), "{{ref:SCL-PRIV-09}} refers to no clause")
	if e, _ := apperr.As(err); len(e.Fields) != 3 {
		t.Errorf("want exactly 3 problems (category, English and French reference), got %v", err)
	}
}

func TestDeriveStatus(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	vs := []VersionFile{
		{ApprovedAt: day(1)},                    // superseded by v3
		{ApprovedAt: day(2), RetiredAt: day(9)}, // retired
		{ApprovedAt: day(3)},                    // current
		{},                                      // draft
	}
	want := []clauses.Status{clauses.StatusSuperseded, clauses.StatusRetired, clauses.StatusApproved, clauses.StatusDraft}
	for i, w := range want {
		if got := DeriveStatus(vs, i); got != w {
			t.Errorf("DeriveStatus(v%d) = %s, want %s", i+1, got, w)
		}
	}
}

func starterFiles(t testing.TB) fs.FS {
	t.Helper()
	fsys := Starter()
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) == 0 {
		t.Skip("library/starter holds no clause file yet")
	}
	return fsys
}

func TestStarterCoverage(t *testing.T) {
	files, err := ReadDir(starterFiles(t))
	if err != nil {
		t.Fatalf("starter library: %s", strings.ReplaceAll(err.Error(), "; ", "\n"))
	}
	for _, p := range CheckCoverage(files) {
		t.Error(p)
	}
	for _, f := range files {
		c, vs := mustDecode(t, f.Name, EncodeFile(f.Clause, f.Versions))
		if !reflect.DeepEqual(c, f.Clause) || !reflect.DeepEqual(vs, f.Versions) {
			t.Errorf("%s: decode(encode(x)) != x", f.Name)
		}
	}
}

func BenchmarkReadStarter(b *testing.B) {
	fsys := starterFiles(b)
	for b.Loop() {
		if _, err := ReadDir(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadTestdata(b *testing.B) {
	fsys := os.DirFS("testdata/good")
	for b.Loop() {
		if _, err := ReadDir(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzDecodeFile(f *testing.F) {
	for _, n := range goodFiles {
		f.Add(mustRead(f, n))
	}
	f.Add([]byte("---\nkey: SCL-IP-01\n---\n# v1 A en\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, vs, err := DecodeFile("SCL-LOL-01.md", data)
		if err != nil {
			if e, ok := apperr.As(err); !ok || len(e.Fields) == 0 {
				t.Fatalf("error without fields: %v", err)
			}
			return
		}
		out := EncodeFile(c, vs)
		c2, vs2, err := DecodeFile("SCL-LOL-01.md", out)
		if err != nil {
			t.Fatalf("encoded file does not decode: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(c2, c) || !reflect.DeepEqual(vs2, vs) {
			t.Fatalf("decode(encode(x)) != x")
		}
		if again := EncodeFile(c2, vs2); !bytes.Equal(again, out) {
			t.Fatalf("encoding is not stable:\n%s\n---\n%s", out, again)
		}
	})
}

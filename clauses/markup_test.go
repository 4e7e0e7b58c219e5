package clauses

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mustParse(t *testing.T, src string) *Doc {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return d
}

func text(s string) Inline { return Inline{Kind: InlineText, Text: s} }

func TestParseStructure(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Block
	}{
		{"paragraph joined", "a\n  b  \nc", []Block{{Kind: BlockPara, Inlines: []Inline{text("a b c")}}}},
		{"inlines", "The **City** pays {{fee}} under {{ref:SCL-PAY-01}}.", []Block{{Kind: BlockPara, Inlines: []Inline{
			text("The "), {Kind: InlineTerm, Text: "City"}, text(" pays "), {Kind: InlineVar, Name: "fee"},
			text(" under "), {Kind: InlineRef, Name: "SCL-PAY-01"}, text("."),
		}}}},
		{"items", "Intro:\n\n(a) one\n\n    (i) sub\n\n(b) two", []Block{
			{Kind: BlockPara, Inlines: []Inline{text("Intro:")}},
			{Kind: BlockItem, Level: 1, Label: "(a)", Inlines: []Inline{text("one")}},
			{Kind: BlockItem, Level: 2, Label: "(i)", Inlines: []Inline{text("sub")}},
			{Kind: BlockItem, Level: 1, Label: "(b)", Inlines: []Inline{text("two")}},
		}},
		{"label alone then text", "(a)\ntext", []Block{{Kind: BlockItem, Level: 1, Label: "(a)", Inlines: []Inline{text("text")}}}},
		{"escapes", `\(a) \{\{x\}\} \*\* \\`, []Block{{Kind: BlockPara, Inlines: []Inline{text(`(a) {{x}} ** \`)}}}},
		{"single star and brace", "a * b { c }", []Block{{Kind: BlockPara, Inlines: []Inline{text("a * b { c }")}}}},
		{"escaped trailing space", "a\\ \n", []Block{{Kind: BlockPara, Inlines: []Inline{text("a ")}}}},
		{"nbsp kept", "10\u00a0%\u00a0", []Block{{Kind: BlockPara, Inlines: []Inline{text("10\u00a0%\u00a0")}}}},
		{"blank", " \n\t\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, tt.src)
			if !reflect.DeepEqual(got.Blocks, tt.want) {
				t.Errorf("blocks\n got %#v\nwant %#v", got.Blocks, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"out of order", "(a) one\n\n(c) three", 3, 1, "(c) where (b) was expected"},
		{"first item not a", "Intro\n\n(b) two", 3, 1, `write "\("`},
		{"roman at column 1", "(a) one\n\n(i) two", 3, 1, "indented by four spaces"},
		{"sub without item", "Intro\n\n    (i) sub", 3, 5, "must follow a level-1 item"},
		{"sub out of order", "(a) x\n\n    (ii) y", 3, 5, "(ii) where (i) was expected"},
		{"bad indent", "  text", 1, 1, "only level-2 items are indented"},
		{"unclosed var", "ok\n\nThe {{fee is due", 3, 5, "not closed"},
		{"bad var name", "pay {{Fee}}", 1, 5, "not a variable name"},
		{"bad ref", "see {{ref:data}}", 1, 5, "cross-reference"},
		{"unclosed term", "a **term\nand more", 1, 3, `"**" is not closed`},
		{"empty term", "x ****", 1, 3, "empty defined term"},
		{"error on continuation line", "first\nsecond {{x", 2, 8, "not closed"},
		{"column counts characters", "é à {{X}}", 1, 5, "not a variable name"},
		{"trailing backslash", "a \\\nb", 1, 3, "backslash"},
		{"heading", "ok\n# v1 A en", 2, 1, "new section"},
		{"control char", "a\x01", 1, 2, "U+0001"},
		{"invalid utf8", "ab\xff", 1, 3, "UTF-8"},
		{"empty item", "(a)", 1, 1, "no text"},
		{"item without blank line", "(a) x\n    (i) y", 2, 5, "preceded by a blank line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.src)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want *ParseError", tt.src, err)
			}
			if pe.Line != tt.line || pe.Col != tt.col || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got %v, want line %d, column %d containing %q", pe, tt.line, tt.col, tt.msg)
			}
			if !strings.HasPrefix(pe.Error(), "line ") {
				t.Errorf("Error() = %q", pe.Error())
			}
		})
	}
}

func TestLabels(t *testing.T) {
	alpha := map[int]string{1: "a", 26: "z", 27: "aa", 28: "bb", 53: "aaa"}
	for n, want := range alpha {
		if got := alphaLabel(n); got != want {
			t.Errorf("alphaLabel(%d) = %q, want %q", n, got, want)
		}
	}
	roman := map[int]string{1: "i", 4: "iv", 9: "ix", 14: "xiv", 40: "xl", 1994: "mcmxciv"}
	for n, want := range roman {
		if got := romanLabel(n); got != want {
			t.Errorf("romanLabel(%d) = %q, want %q", n, got, want)
		}
	}
	var src []string
	for n := 1; n <= 30; n++ {
		src = append(src, "("+alphaLabel(n)+") item")
	}
	if d := mustParse(t, strings.Join(src, "\n\n")); d.Blocks[29].Label != "(dd)" {
		t.Errorf("30th label = %q", d.Blocks[29].Label)
	}
}

func TestVarsRefs(t *testing.T) {
	d := mustParse(t, "{{b}} {{a}} {{ref:SCL-IP-01}}\n\n(a) {{b}} {{c}} {{ref:SCL-IP-02}} {{ref:SCL-IP-01}}")
	if got, want := d.Vars(), []string{"b", "a", "c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Vars() = %v, want %v", got, want)
	}
	if got, want := d.Refs(), []string{"SCL-IP-01", "SCL-IP-02"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Refs() = %v, want %v", got, want)
	}
}

func TestResolve(t *testing.T) {
	d := mustParse(t, "Pay {{fee}} within {{days}} under {{ref:SCL-PAY-01}} and {{ref:SCL-XY-01}}; **Fee** {{fee}} {{gone}}.")
	src := d.String()
	vals := map[string]string{"fee": "$1,250.50"}
	got, missing := d.Resolve(
		func(n string) (string, bool) { v, ok := vals[n]; return v, ok },
		func(k string) (string, bool) { return "section 7.2", k == "SCL-PAY-01" },
	)
	if want := []string{"days", "ref:SCL-XY-01", "gone"}; !reflect.DeepEqual(missing, want) {
		t.Errorf("missing = %v, want %v", missing, want)
	}
	want := "Pay $1,250.50 within {{days}} under section 7.2 and {{ref:SCL-XY-01}}; Fee $1,250.50 {{gone}}."
	if pt := got.PlainText(); pt != want {
		t.Errorf("PlainText() = %q\nwant %q", pt, want)
	}
	if got.Blocks[0].Inlines[0] != text("Pay $1,250.50 within ") {
		t.Errorf("text runs not merged: %#v", got.Blocks[0].Inlines[0])
	}
	if d.String() != src {
		t.Error("Resolve changed its receiver")
	}
}

func TestRoundTripEdges(t *testing.T) {
	docs := []*Doc{
		{Blocks: []Block{{Kind: BlockPara, Inlines: []Inline{text(" lead and trail\t")}}}},
		{Blocks: []Block{{Kind: BlockPara, Inlines: []Inline{text("(a) looks like an item")}}}},
		{Blocks: []Block{{Kind: BlockPara, Inlines: []Inline{text("# looks like a heading")}}}},
		{Blocks: []Block{{Kind: BlockPara, Inlines: []Inline{text("  ")}}}},
		{Blocks: []Block{{Kind: BlockPara, Inlines: []Inline{text("a{"), {Kind: InlineVar, Name: "x"}, text("*"), {Kind: InlineTerm, Text: "t*\\"}}}}},
		{Blocks: []Block{{Kind: BlockItem, Level: 1, Label: "(a)", Inlines: []Inline{text(" x")}}}},
	}
	for _, d := range docs {
		got := mustParse(t, d.String())
		if !reflect.DeepEqual(got, d) {
			t.Errorf("round trip of %q:\n got %#v\nwant %#v", d.String(), got, d)
		}
	}
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/markup/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := mustParse(t, string(src))
			got := d.String() + "\n--- plain text ---\n" + d.PlainText() + "\n"
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s:\n%s", golden, got)
			}
			if again := mustParse(t, d.String()); !reflect.DeepEqual(again, d) {
				t.Errorf("canonical form does not round-trip")
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "plain", "(a) x\n\n    (i) y\n\n(b) z", `\(a) \# \{ \* \\`, "**T** {{v}} {{ref:SCL-IP-01}}",
		"a\\ \n", "x\r\ny", "(a)\n  (b) c", "**a****b**", "***a***", "{{x}}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Parse(src)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1 {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		again, err := Parse(d.String())
		if err != nil {
			t.Fatalf("canonical %q does not parse: %v", d.String(), err)
		}
		if !reflect.DeepEqual(again, d) {
			t.Fatalf("round trip:\n src %q\n out %q\n got %#v\nwant %#v", src, d.String(), again, d)
		}
		_ = d.PlainText()
	})
}

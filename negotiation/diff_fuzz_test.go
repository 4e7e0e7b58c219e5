package negotiation

import (
	"strings"
	"testing"
)

// FuzzDiffText checks that any pair of strings, invalid UTF-8 included,
// diffs without panicking into a redline that turns old into new.
func FuzzDiffText(f *testing.F) {
	f.Add("the Contractor shall", "the Vendor shall")
	f.Add("Le Fournisseur doit « livrer »", "Le fournisseur doit « installer » !")
	f.Add("10\u00a0000 $", "10\u202f000 $")
	f.Add("ab\xffcd\xc3", "ab\xfecd")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, old, new string) {
		d := DiffText(old, new)
		got, err := d.Apply(old)
		if err != nil || got != new {
			t.Fatalf("Apply(%q) = %q, %v; want %q", old, got, err, new)
		}
		if old == new && (d.Substantive || d.WordsDeleted+d.WordsInserted > 0) {
			t.Fatalf("identical texts reported as changed: %+v", d)
		}
		_ = d.HTML()
	})
}

// FuzzMerge3 checks Merge3's laws on arbitrary texts: a one-sided change
// merges to that side, identical changes merge cleanly, and a merge never
// panics and puts every conflict where it says.
func FuzzMerge3(f *testing.F) {
	f.Add("the City shall pay within thirty days", "the City shall pay within sixty days", "the Town shall pay within thirty days")
	f.Add("a b c", "a x c", "a y c")
	f.Add("l’équipement « x »", "l’équipement « y »", "\xff")
	f.Fuzz(func(t *testing.T, base, ours, theirs string) {
		if r := Merge3(base, base, theirs); !r.Clean || r.Text != theirs {
			t.Fatalf("Merge3(base, base, theirs) = %+v, want clean %q", r, theirs)
		}
		if r := Merge3(base, ours, base); !r.Clean || r.Text != ours {
			t.Fatalf("Merge3(base, ours, base) = %+v, want clean %q", r, ours)
		}
		if r := Merge3(base, ours, ours); !r.Clean || r.Text != ours {
			t.Fatalf("Merge3(base, ours, ours) = %+v, want clean %q", r, ours)
		}
		r := Merge3(base, ours, theirs)
		for _, c := range r.Conflicts {
			if !strings.HasPrefix(r.Text[c.Offset:], c.Ours) || !strings.HasPrefix(base[c.BaseOffset:], c.Base) {
				t.Fatalf("conflict %+v is not where it says in %q", c, r.Text)
			}
		}
	})
}

package records

import (
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
)

func TestCheckStream(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"contract/ctr_01H8", true},
		{"clause/SCL-IP-01", true},
		{"audit", true},
		{"a:b.c-d_e/F9", true},
		{strings.Repeat("a", MaxStreamName), true},
		{"", false},
		{strings.Repeat("a", MaxStreamName+1), false},
		{"$where", false},
		{"contract/{\"$gt\":\"\"}", false},
		{"a\x00b", false},
		{"contrat/é", false},
		{"a b", false},
		{"a.*", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckStream(tt.name)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckStream(%q) = %v, want ok=%v", tt.name, err, tt.ok)
			}
			if err != nil && !apperr.Is(err, apperr.Invalid) {
				t.Errorf("error kind: %v, want Invalid", err)
			}
		})
	}
}

// FuzzCheckStream checks that an accepted stream name can never carry a
// MongoDB operator, a regex or wildcard character, a NUL or a non-ASCII
// byte into an adapter, and that CheckPrefix agrees with CheckStream.
func FuzzCheckStream(f *testing.F) {
	f.Add("contract/ctr_01H8")
	f.Add("$where")
	f.Fuzz(func(t *testing.T, name string) {
		err := CheckStream(name)
		if perr := CheckPrefix(name); (perr == nil) != (err == nil) && name != "" {
			t.Fatalf("CheckPrefix(%q) = %v but CheckStream = %v", name, perr, err)
		}
		if err != nil {
			if !apperr.Is(err, apperr.Invalid) {
				t.Fatalf("CheckStream(%q) = %v, want Invalid", name, err)
			}
			return
		}
		if name == "" || len(name) > MaxStreamName {
			t.Fatalf("accepted a name of %d bytes", len(name))
		}
		if strings.ContainsAny(name, "${}[]()*+?^|\\\"' \x00") {
			t.Fatalf("accepted %q, which holds an operator or pattern character", name)
		}
		for i := 0; i < len(name); i++ {
			if name[i] >= 0x80 || name[i] < 0x20 {
				t.Fatalf("accepted non-printable or non-ASCII byte %#x in %q", name[i], name)
			}
		}
	})
}

// FuzzPrefixEnd checks that [prefix, PrefixEnd(prefix)) holds exactly the
// strings that start with prefix, which is what lets the adapters scan a
// prefix with a range instead of a regex.
func FuzzPrefixEnd(f *testing.F) {
	f.Add("contract/", "contract/ctr_1")
	f.Add("zz\xff", "zz\xff\xff")
	f.Add("\xff\xff", "\xff")
	f.Fuzz(func(t *testing.T, prefix, s string) {
		end := PrefixEnd(prefix)
		inRange := s >= prefix && (end == "" || s < end)
		if inRange != strings.HasPrefix(s, prefix) {
			t.Fatalf("prefix %q, end %q: %q in range = %v, has prefix = %v", prefix, end, s, inRange, !inRange)
		}
		if end != "" && (end <= prefix || len(end) > len(prefix)) {
			t.Fatalf("PrefixEnd(%q) = %q is not a short upper bound", prefix, end)
		}
		if CheckPrefix(prefix) == nil && prefix != "" && end == "" {
			t.Fatalf("valid prefix %q has no upper bound", prefix)
		}
	})
}

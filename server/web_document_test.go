package server

import "testing"

func TestFoldRedline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one changed paragraph among many", "a\n\nb <ins>x</ins>\n\nc\n\nd", "[…]\n\nb <ins>x</ins>\n\n[…]"},
		{"every paragraph changes", "<del>a</del>\n\n<ins>b</ins>", "<del>a</del>\n\n<ins>b</ins>"},
		{"a change spanning a blank line is never cut", "a\n\n<ins>b\n\nc</ins>\n\nd", "[…]\n\n<ins>b\n\nc</ins>\n\n[…]"},
		{"nothing changes", "a\n\nb", "[…]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := foldRedline(tt.in); got != tt.want {
				t.Errorf("foldRedline(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

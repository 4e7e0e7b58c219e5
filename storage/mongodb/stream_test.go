package mongodb

import (
	"fmt"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
)

func TestCheckStream(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"contract/ctr_01HZX", true},
		{"clause/SCL-IP-01", true},
		{"audit", true},
		{"$where", true},
		{".*", true},
		{"日本/契約", true},
		{strings.Repeat("s", maxStreamLen), true},
		{"", false},
		{strings.Repeat("s", maxStreamLen+1), false},
		{"a\x00b", false},
		{"a\nb", false},
		{"a\u0085b", false}, // C1 control
		{"\xff", false},
		{"a\U0010FFFF", false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%.24q", tt.name), func(t *testing.T) {
			err := checkStream(tt.name)
			if tt.ok != (err == nil) || (err != nil && !apperr.Is(err, apperr.Invalid)) {
				t.Errorf("checkStream(%q) = %v, want ok=%v", tt.name, err, tt.ok)
			}
		})
	}
}

package main

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/render/pdfsign/pdfsigtest"
)

// TestSigningConfig: the certificate and key load together or the program
// refuses to start with one line naming the variables.
func TestSigningConfig(t *testing.T) {
	now := time.Now()
	key, other := pdfsigtest.MustRSAKey(t), pdfsigtest.MustECKey(t)
	cert, keyFile := pdfsigtest.MustPEMFiles(t, pdfsigtest.MustSelfSigned(t, key, "Port-Royal", now), key)
	_, otherKey := pdfsigtest.MustPEMFiles(t, pdfsigtest.MustSelfSigned(t, other, "other", now), other)
	old, oldKey := pdfsigtest.MustPEMFiles(t, pdfsigtest.MustSelfSigned(t, key, "old", now.AddDate(-10, 0, 0)), key)
	tests := []struct {
		name      string
		cert, key string
		want      string // "" = loads
	}{
		{"neither", "", "", ""},
		{"both", cert, keyFile, ""},
		{"cert only", cert, "", "go together"},
		{"key only", "", keyFile, "go together"},
		{"unreadable cert", cert + ".missing", keyFile, "CIVICPACT_SIGN_CERT/CIVICPACT_SIGN_KEY: certificate: open"},
		{"mismatched key", cert, otherKey, "does not match the certificate"},
		{"key as cert", keyFile, keyFile, "no PEM CERTIFICATE block"},
		{"expired", old, oldKey, "is valid only from"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"CIVICPACT_SIGN_CERT": tt.cert, "CIVICPACT_SIGN_KEY": tt.key}
			cfg, err := parseConfig("civicpact serve", nil, func(k string) string { return env[k] }, io.Discard)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v, want none", err)
			case tt.want == "" && (cfg.pdfSigner() != nil) != (tt.cert != ""):
				t.Fatalf("signer configured = %v, want %v", cfg.pdfSigner() != nil, tt.cert != "")
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n")):
				t.Fatalf("err = %v, want one line containing %q", err, tt.want)
			}
		})
	}
}

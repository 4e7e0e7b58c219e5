package pdfsign_test

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/render/pdf"
	"github.com/civicpact/civicpact/render/pdfsign"
	"github.com/civicpact/civicpact/render/pdfsign/pdfsigtest"
)

var finalised = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

// mustUnsigned renders a small final contract.
func mustUnsigned(t testing.TB) []byte {
	t.Helper()
	para := func(s string) []pdf.Block { return []pdf.Block{{Runs: []pdf.Run{{Text: s}}}} }
	doc := pdf.Document{Lang: "en", Title: "Smart Curbside Pilot Agreement", ContractID: "ctr_0001",
		Fingerprint: strings.Repeat("ab", 32), Date: finalised, Author: "City of Port-Royal",
		Parties: []pdf.Party{{Name: "City of Port-Royal", Role: "City"}, {Name: "Curbside Labs Inc.", Role: "Vendor"}},
		Articles: []pdf.Article{{Number: "1", Title: "Term", Clauses: []pdf.Clause{
			{Number: "1.1", Title: "Pilot term", Blocks: para("The Pilot runs for six months from the Effective Date.")},
		}}},
		Signatories: []pdf.Signatory{{Name: "Jeanne Tremblay", Title: "City Clerk", Organisation: "City of Port-Royal"}},
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSignVerifies signs a rendered contract with RSA and ECDSA keys and
// checks the result with poppler's pdfsig and qpdf: the signature is
// valid, its byte range covers the whole original, and the original is
// the exact prefix of the signed file.
func TestSignVerifies(t *testing.T) {
	pdfsigtest.RequireTools(t)
	unsigned := mustUnsigned(t)
	for _, tc := range []struct {
		name string
		key  crypto.Signer
	}{
		{"rsa-2048", pdfsigtest.MustRSAKey(t)},
		{"ecdsa-p256", pdfsigtest.MustECKey(t)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pdfsign.New([]*x509.Certificate{pdfsigtest.MustSelfSigned(t, tc.key, "civicpact test "+tc.name, finalised)}, tc.key)
			if err != nil {
				t.Fatal(err)
			}
			signed, err := c.Sign(unsigned, finalised)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(signed[:len(unsigned)], unsigned) {
				t.Fatal("the signed file does not start with the unsigned PDF")
			}
			v := pdfsigtest.MustVerify(t, signed)
			if !v.Valid || v.Signatures != 1 {
				t.Errorf("pdfsig: valid=%v signatures=%d\n%s", v.Valid, v.Signatures, v.Output)
			}
			if !v.CoversAll {
				t.Errorf("pdfsig: the signed ranges do not cover the whole file\n%s", v.Output)
			}
			if !strings.Contains(v.Output, "civicpact test "+tc.name) {
				t.Errorf("pdfsig does not name the signer\n%s", v.Output)
			}
		})
	}
}

// TestSignDate: the signature dictionary's /M is the given time, not the
// wall clock.
func TestSignDate(t *testing.T) {
	key := pdfsigtest.MustRSAKey(t)
	c, err := pdfsign.New([]*x509.Certificate{pdfsigtest.MustSelfSigned(t, key, "date", finalised)}, key)
	if err != nil {
		t.Fatal(err)
	}
	signed, err := c.Sign(mustUnsigned(t), finalised)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(signed, []byte("/M (D:20260314150926")) {
		t.Errorf("no /M with the finalisation time in the signature dictionary")
	}
	if !bytes.Contains(signed, []byte(pdfsign.Reason)) {
		t.Errorf("no /Reason %q", pdfsign.Reason)
	}
}

// TestSignRejectsNonPDF: garbage in, an error out (no panic, no bytes).
func TestSignRejectsNonPDF(t *testing.T) {
	key := pdfsigtest.MustECKey(t)
	c, err := pdfsign.New([]*x509.Certificate{pdfsigtest.MustSelfSigned(t, key, "x", finalised)}, key)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range [][]byte{nil, []byte("not a pdf"), []byte("%PDF-1.7\n%%EOF\n")} {
		if out, err := c.Sign(in, finalised); err == nil {
			t.Errorf("Sign(%q) = %d bytes, want an error", in, len(out))
		}
	}
}

// TestLoadFiles: matching PEM files load; a mismatched key, a missing
// file and a file that is not PEM are refused with a message naming it.
func TestLoadFiles(t *testing.T) {
	key, other := pdfsigtest.MustRSAKey(t), pdfsigtest.MustECKey(t)
	cert := pdfsigtest.MustSelfSigned(t, key, "load", finalised)
	cp, kp := pdfsigtest.MustPEMFiles(t, cert, key)
	_, otherKey := pdfsigtest.MustPEMFiles(t, pdfsigtest.MustSelfSigned(t, other, "other", finalised), other)
	c, err := pdfsign.LoadFiles(cp, kp)
	if err != nil {
		t.Fatalf("LoadFiles: %v", err)
	}
	if !strings.Contains(c.Subject(), "CN=load") {
		t.Errorf("Subject %q", c.Subject())
	}
	for _, tc := range []struct{ name, cert, key, want string }{
		{"mismatched key", cp, otherKey, "does not match"},
		{"missing cert", cp + ".nope", kp, "no such file"},
		{"key given as cert", kp, kp, "no PEM CERTIFICATE"},
		{"cert given as key", cp, cp, "no unencrypted PEM private key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pdfsign.LoadFiles(tc.cert, tc.key)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("LoadFiles: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func BenchmarkSign(b *testing.B) {
	unsigned := mustUnsigned(b)
	key := pdfsigtest.MustRSAKey(b)
	c, err := pdfsign.New([]*x509.Certificate{pdfsigtest.MustSelfSigned(b, key, "bench", finalised)}, key)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(unsigned)))
	for b.Loop() {
		if _, err := c.Sign(unsigned, finalised); err != nil {
			b.Fatal(err)
		}
	}
}

// TestVerifyCatchesTampering keeps the checker honest: one byte changed in
// the signed range, and pdfsig no longer calls the signature valid.
func TestVerifyCatchesTampering(t *testing.T) {
	pdfsigtest.RequireTools(t)
	key := pdfsigtest.MustECKey(t)
	c, err := pdfsign.New([]*x509.Certificate{pdfsigtest.MustSelfSigned(t, key, "tamper", finalised)}, key)
	if err != nil {
		t.Fatal(err)
	}
	unsigned := mustUnsigned(t)
	signed, err := c.Sign(unsigned, finalised)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(signed, []byte("/Title"))
	if i < 0 {
		t.Fatal("no /Title in the document information")
	}
	signed[i+1] ^= 0x01 // /Title becomes /Uitle: still a well-formed PDF
	if v := pdfsigtest.MustVerify(t, signed); v.Valid {
		t.Errorf("pdfsig accepts a tampered file\n%s", v.Output)
	}
}

// Package pdfsign certifies rendered PDFs with the operator's certificate:
// a CMS (PKCS #7) detached signature appended as an incremental update, so
// the unsigned bytes stay the exact prefix of the signed file and their
// hash stays valid. It is the only importer of github.com/digitorus/pdfsign;
// the server is its only user, and it never imports the renderer.
package pdfsign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"github.com/digitorus/pdf"
	"github.com/digitorus/pdfsign/sign"
)

// Reason is written into every signature dictionary.
const Reason = "Certified copy of the agreed contract"

// Certifier signs PDFs with one certificate (and its chain) and the
// matching private key. It holds no mutable state and is safe for
// concurrent use.
type Certifier struct {
	chain []*x509.Certificate // leaf first
	key   crypto.Signer
}

// New returns a Certifier for chain (leaf first) and key, or an error when
// the chain is empty, the key is not RSA or ECDSA, or the key does not
// belong to the leaf certificate.
func New(chain []*x509.Certificate, key crypto.Signer) (*Certifier, error) {
	if len(chain) == 0 {
		return nil, errors.New("no certificate")
	}
	if err := checkKey(chain[0], key); err != nil {
		return nil, err
	}
	return &Certifier{chain: chain, key: key}, nil
}

// Subject is the leaf certificate's subject, for logs.
func (c *Certifier) Subject() string { return c.chain[0].Subject.String() }

// NotBefore is when the leaf certificate becomes valid.
func (c *Certifier) NotBefore() time.Time { return c.chain[0].NotBefore }

// NotAfter is when the leaf certificate expires.
func (c *Certifier) NotAfter() time.Time { return c.chain[0].NotAfter }

// Sign returns unsigned followed by an incremental update that carries a
// certification signature (DocMDP: later form filling and signatures by
// the parties stay allowed) over the whole original. when becomes the
// signature dictionary's /M. The CMS signing-time attribute is the wall
// clock: digitorus/pkcs7 sets it from time.Now and offers no way to
// inject it, so two signings of the same bytes differ unless they fall
// in the same second.
func (c *Certifier) Sign(unsigned []byte, when time.Time) ([]byte, error) {
	rdr, err := pdf.NewReader(bytes.NewReader(unsigned), int64(len(unsigned)))
	if err != nil {
		return nil, fmt.Errorf("pdfsign: read the unsigned PDF: %w", err)
	}
	var out bytes.Buffer
	out.Grow(len(unsigned) + 16<<10)
	err = sign.Sign(bytes.NewReader(unsigned), &out, rdr, int64(len(unsigned)), sign.SignData{
		Signature: sign.SignDataSignature{
			CertType:   sign.CertificationSignature,
			DocMDPPerm: sign.AllowFillingExistingFormFieldsAndSignaturesPerms,
			Info: sign.SignDataSignatureInfo{
				Name:   c.chain[0].Subject.CommonName,
				Reason: Reason,
				Date:   when.UTC(),
			},
		},
		Signer:            c.key,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       c.chain[0],
		CertificateChains: [][]*x509.Certificate{c.chain},
	})
	if err != nil {
		return nil, fmt.Errorf("pdfsign: sign: %w", err)
	}
	if !bytes.HasPrefix(out.Bytes(), unsigned) {
		return nil, errors.New("pdfsign: the signed file does not start with the unsigned bytes")
	}
	return out.Bytes(), nil
}

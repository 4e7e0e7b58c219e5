package main

import (
	"fmt"
	"time"

	"github.com/civicpact/civicpact/render/pdfsign"
	"github.com/civicpact/civicpact/server"
)

// loadSigner reads the signing certificate and key, when configured, into
// c.signer. An unreadable file, a key that does not match, or a
// certificate outside its validity at now is a startup error naming the
// variables to fix.
func (c *Config) loadSigner(now time.Time) error {
	if c.SignCert == "" {
		return nil
	}
	s, err := pdfsign.LoadFiles(c.SignCert, c.SignKey)
	if err != nil {
		return fmt.Errorf("CIVICPACT_SIGN_CERT/CIVICPACT_SIGN_KEY: %w", err)
	}
	if now.After(s.NotAfter()) || now.Before(s.NotBefore()) {
		return fmt.Errorf("CIVICPACT_SIGN_CERT %s is valid only from %s to %s", c.SignCert,
			s.NotBefore().UTC().Format(time.DateOnly), s.NotAfter().UTC().Format(time.DateOnly))
	}
	c.signer = s
	return nil
}

// pdfSigner is the server's view of the configured certifier: nil (an
// untyped nil interface, not a typed nil pointer) when none is configured.
func (c Config) pdfSigner() server.Signer {
	if c.signer == nil {
		return nil
	}
	return c.signer
}

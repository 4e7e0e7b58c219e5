package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/render/pdf"
	"github.com/civicpact/civicpact/templates"
)

// pdfRoutes are the PDF exports.
//
// Headers: ETag is the SHA-256 fingerprint of the agreed content (hex, as
// printed on the title and signature pages), strong for a final contract,
// whose bytes never change, and weak for a draft, whose date moves with
// every event while its agreed content may not. Digest (RFC 3230) is the
// SHA-256 of the PDF bytes themselves, as that header is defined, so any
// client can check the download; a final PDF is byte-deterministic, so its
// Digest is as stable as its fingerprint.
//
// When the operator configures a signer, a final contract's PDF is served
// certified: the deterministic PDF followed by an incremental update with
// the signature. X-Unsigned-Digest (same format as Digest) and
// X-Unsigned-Length then name the deterministic prefix, whose hash never
// changes; the signed bytes carry the signer's wall-clock signing time, so
// the ETag becomes weak (still the fingerprint).
func (s *Server) pdfRoutes() []route {
	return []route{
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/pdf", Handler: s.getContractPDF, Tag: "pdf", Produces: "application/pdf",
			Summary: "The contract as a PDF (?lang=en|fr): signature-ready once final; before that 409 naming the open clauses, or with ?draft=1 a PDF watermarked DRAFT/PROJET. ETag: the agreed-content fingerprint; Digest: SHA-256 of the bytes; when the operator configures a certificate, the final PDF is certified (incremental update) and X-Unsigned-Digest/X-Unsigned-Length name the unsigned prefix"},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/redline.pdf", Handler: s.getRedlinePDF, Tag: "pdf", Produces: "application/pdf",
			Summary: "Redline between two revisions as a PDF (?from=&to=&lang=), with a summary table of changes; vendors get their view (no playbook verdicts)"},
	}
}

// getContractPDF renders the agreed contract.
func (s *Server) getContractPDF(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	lang, err := contractLang(c, st)
	if err != nil {
		return err
	}
	draftParam, err := oneOf(c, "draft", "0", "1")
	if err != nil {
		return err
	}
	draft := st.Final == nil
	if draft && draftParam != "1" {
		return notFinal(view(p, st))
	}
	name := st.Contract.ID + "-" + string(lang)
	if draft {
		name += "-draft"
	}
	key := name + "@" + strconv.FormatInt(st.Revision, 10)
	signed := !draft && s.deps.Signer != nil
	return sendPDF(c, name+".pdf", pdfETag(st, draft || signed), func(w *bytes.Buffer) error {
		body, err := s.contractPDF(c.Request().Context(), st, lang, draft, key)
		if err == nil && signed {
			h := c.Response().Header()
			h.Set("X-Unsigned-Digest", sha256Digest(body))
			h.Set("X-Unsigned-Length", strconv.Itoa(len(body)))
			body, err = s.certifiedPDF(st, body, key)
		}
		if err != nil {
			return err
		}
		_, err = w.Write(body)
		return err
	})
}

// contractPDF returns the contract's unsigned PDF from the cache, or
// renders and caches it.
func (s *Server) contractPDF(ctx context.Context, st *negotiation.State, lang clauses.Lang, draft bool, key string) ([]byte, error) {
	if cached, ok := s.pdfs.get(key); ok {
		return cached, nil
	}
	devs, err := s.deps.Contracts.Deviations(ctx, st)
	if err != nil {
		return nil, err
	}
	doc, err := pdf.FromState(st, devs, lang, draft)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Render(&buf, doc); err != nil {
		return nil, err
	}
	s.pdfs.put(key, buf.Bytes())
	return buf.Bytes(), nil
}

// certifiedPDF returns the final contract's PDF certified by the
// operator's signer, signed at the finalisation time (a final contract
// takes no further events, so its UpdatedAt is that time). The signer's
// CMS signing-time attribute is the wall clock (digitorus/pkcs7 offers no
// way to set it), so the signed copy is not byte-stable across processes:
// it is cached beside the unsigned one so that one process serves the
// same bytes for a revision, X-Unsigned-Digest carries the stable hash,
// and the ETag is weak.
func (s *Server) certifiedPDF(st *negotiation.State, unsigned []byte, key string) ([]byte, error) {
	key += "+signed"
	if cached, ok := s.pdfs.get(key); ok {
		return cached, nil
	}
	signed, err := s.deps.Signer.Sign(unsigned, st.UpdatedAt)
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "the contract PDF could not be certified")
	}
	s.pdfs.put(key, signed)
	return signed, nil
}

// sha256Digest is the RFC 3230 Digest value of b.
func sha256Digest(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha-256=" + base64.StdEncoding.EncodeToString(sum[:])
}

// pdfETag is the fingerprint of the agreed content: strong for a final
// contract's byte-stable PDF, weak for a draft (its watermark and date move
// with each event) and for a certified copy (its signing time moves).
func pdfETag(st *negotiation.State, weak bool) string {
	if st.Final != nil {
		if weak {
			return `W/"` + st.Final.Fingerprint + `"`
		}
		return `"` + st.Final.Fingerprint + `"`
	}
	agreed := st.AgreedContract()
	return `W/"` + templates.Fingerprint(&agreed) + `"`
}

// notFinal is the 409 for a contract that is not final: it names what
// stands in the way, as the caller may see it (a vendor is not told about
// walk-away sign-offs).
func notFinal(st *negotiation.State) error {
	blockers := st.Blockers()
	msg := "the contract is not finalised yet; ask for ?draft=1 for a watermarked draft"
	if len(blockers) > 0 {
		var open []string
		for _, b := range blockers {
			open = append(open, b.Message.EN)
		}
		msg = "the contract is not finalised: " + strings.Join(open, "; ")
	}
	return &apperr.Error{Kind: apperr.Conflict, Message: msg,
		Current: map[string]any{"phase": st.Phase(), "revision": st.Revision, "blockers": blockers}}
}

// getRedlinePDF renders the redline between two revisions.
func (s *Server) getRedlinePDF(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	from, to, lang, err := redlineQuery(c, st)
	if err != nil {
		return err
	}
	diff, err := s.deps.Contracts.RevisionDiff(c.Request().Context(), st.Contract.ID, from, to, lang)
	if err != nil {
		return err
	}
	at, err := s.deps.Contracts.StateAt(c.Request().Context(), st.Contract.ID, to)
	if err != nil {
		return err
	}
	rl := pdf.RedlineOf(view(p, at), diff, from, to, lang, !p.IsCity())
	name := st.Contract.ID + "-redline-" + strconv.FormatInt(from, 10) + "-" + strconv.FormatInt(to, 10) + "-" + string(lang) + ".pdf"
	return sendPDF(c, name, "", func(w *bytes.Buffer) error { return pdf.RenderRedline(w, rl) })
}

// redlineQuery reads ?from= (default 1), ?to= (default the current
// revision) and ?lang=.
func redlineQuery(c echo.Context, st *negotiation.State) (from, to int64, lang clauses.Lang, err error) {
	f, err := intQuery(c, "from", 1)
	if err != nil {
		return 0, 0, "", err
	}
	t, err := intQuery(c, "to", int(st.Revision))
	if err != nil {
		return 0, 0, "", err
	}
	lang, err = contractLang(c, st)
	return int64(f), int64(t), lang, err
}

// sendPDF renders with render and answers with the PDF as an attachment.
// When etag is set and the request's If-None-Match names it, it answers
// 304 without rendering.
func sendPDF(c echo.Context, filename, etag string, render func(*bytes.Buffer) error) error {
	h := c.Response().Header()
	if etag != "" {
		h.Set("ETag", etag)
		if matchesETag(c.Request().Header.Get("If-None-Match"), etag) {
			return c.NoContent(http.StatusNotModified)
		}
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	h.Set("Digest", sha256Digest(buf.Bytes()))
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "private, no-cache")
	return c.Blob(http.StatusOK, "application/pdf", buf.Bytes())
}

// matchesETag reports whether an If-None-Match header names etag, with the
// weak comparison RFC 9110 prescribes for it.
func matchesETag(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

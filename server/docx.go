package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/docx"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
)

// maxDocxUpload bounds a Word upload (the request body, multipart framing
// included).
const maxDocxUpload = 20 << 20

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// docxRoutes are the Word round-trip routes.
func (s *Server) docxRoutes() []route {
	return []route{
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/docx", Handler: s.exportDocx,
			Summary: "The contract as a Word document (?lang=en|fr&with=proposals shows pending amendments as tracked changes)", Tag: "negotiation"},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/docx", Handler: s.importDocx,
			Summary: "Upload a Word redline (multipart field \"file\"): each clause's tracked changes become one amendment; the report lists what was not imported", Tag: "negotiation", MaxBody: maxDocxUpload},
	}
}

// exportDocx answers the contract as a .docx in the asked language.
func (s *Server) exportDocx(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	lang, err := oneOf(c, "lang", "en", "fr")
	if err != nil {
		return err
	}
	with, err := oneOf(c, "with", "proposals")
	if err != nil {
		return err
	}
	if lang == "" {
		lang = string(st.Contract.Languages[0])
	}
	var buf bytes.Buffer
	if err := docx.Export(&buf, view(p, st), docx.Options{Lang: clauses.Lang(lang), WithProposals: with == "proposals"}); err != nil {
		return err
	}
	name := safeName.ReplaceAllString(st.Contract.ID, "_") + "-r" + strconv.FormatInt(st.Revision, 10) + "-" + lang + ".docx"
	c.Response().Header().Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	return c.Blob(http.StatusOK, docxType, buf.Bytes())
}

var safeName = regexp.MustCompile(`[^A-Za-z0-9_-]`)

// importDocx reads a returned Word file and proposes, as the uploader, one
// text amendment per clause with tracked changes.
func (s *Server) importDocx(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Propose)
	if err != nil {
		return err
	}
	data, err := formFile(c, "file")
	if err != nil {
		return err
	}
	res, err := s.importWord(c.Request().Context(), p, st, data)
	if err != nil {
		return err
	}
	code := http.StatusOK
	if res.Redline != "" {
		code = http.StatusCreated
	}
	return respond(c, code, res)
}

// importWord is the Word import both the API and the web form run: find
// the export the file came from, reconcile it with the contract as it was
// then, and propose each clause's tracked changes as the uploader.
func (s *Server) importWord(ctx context.Context, p identity.Principal, st *negotiation.State, data []byte) (importResult, error) {
	rep, err := docx.Import(bytes.NewReader(data), int64(len(data)), docx.DefaultLimits)
	if err != nil {
		return importResult{}, err
	}
	src, err := rep.Source()
	if err != nil {
		return importResult{}, err
	}
	if src.ContractID != st.Contract.ID || src.Revision > st.Revision {
		return importResult{}, apperr.Fields("invalid upload", []apperr.FieldError{{Path: "file", Message: "was exported from another contract or revision: download this contract for Word again"}})
	}
	at, err := s.deps.Contracts.StateAt(ctx, st.Contract.ID, src.Revision)
	if err != nil {
		return importResult{}, err
	}
	rec, err := docx.Reconcile(view(p, at), rep, src)
	if err != nil {
		return importResult{}, err
	}
	res := s.proposeImport(ctx, st, actorOf(p), rec)
	return res, res.err
}

// formFile reads one file field of a multipart body. A web form's body
// was already parsed (its CSRF token is a form field): the file is then
// taken from the parsed form.
func formFile(c echo.Context, field string) ([]byte, error) {
	if mf := c.Request().MultipartForm; mf != nil {
		return parsedFile(mf, field)
	}
	mr, err := c.Request().MultipartReader()
	if err != nil {
		return nil, apperr.Fields("invalid upload", []apperr.FieldError{{Path: field, Message: "send the .docx as multipart/form-data field \"" + field + "\""}})
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, uploadErr(err, field)
		}
		if part.FormName() == field {
			return readUpload(part, field)
		}
	}
}

// parsedFile reads a file field of an already parsed multipart form.
func parsedFile(mf *multipart.Form, field string) ([]byte, error) {
	if len(mf.File[field]) == 0 || mf.File[field][0].Size == 0 {
		return nil, uploadErr(io.EOF, field)
	}
	f, err := mf.File[field][0].Open()
	if err != nil {
		return nil, uploadErr(err, field)
	}
	defer f.Close()
	return readUpload(f, field)
}

func readUpload(r io.Reader, field string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDocxUpload+1))
	if err != nil {
		return nil, uploadErr(err, field)
	}
	if len(data) > maxDocxUpload {
		return nil, apperr.New(apperr.TooLarge, "the file is over %d MiB", maxDocxUpload>>20)
	}
	return data, nil
}

func uploadErr(err error, field string) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return apperr.New(apperr.TooLarge, "the upload is over %d MiB", maxDocxUpload>>20)
	}
	return apperr.Fields("invalid upload", []apperr.FieldError{{Path: field, Message: "no file in field \"" + field + "\" of the multipart body"}})
}

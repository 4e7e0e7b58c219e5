package server

import (
	"archive/zip"
	"bytes"
	"net/http"
	"sort"
	"testing/fstest"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/library"
)

// maxLibraryUpload bounds a library import: the whole library as files.
const maxLibraryUpload = 32 << 20

// exportLibrary answers a zip of the library, one Markdown file per clause
// (library/FORMAT.md). The archive is deterministic: sorted names, a fixed
// timestamp.
func (s *Server) exportLibrary(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	entries, err := s.deps.Library.All(c.Request().Context())
	if err != nil {
		return err
	}
	files := library.FilesOf(entries)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "library/" + f.Name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := w.Write(library.EncodeFile(f.Clause, f.Versions)); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="civicpact-library.zip"`)
	return c.Blob(http.StatusOK, "application/zip", buf.Bytes())
}

type importLibraryRequest struct {
	Files map[string]string `json:"files"` // file name → content
}

// importLibrary applies a library folder sent as {"files": {name: text}}:
// every file is validated first and nothing changes when any is invalid.
// Because files carry approvals, only an admin may import.
func (s *Server) importLibrary(c echo.Context) error {
	if _, err := s.allow(c, authz.ImportLibrary); err != nil {
		return err
	}
	var req importLibraryRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	fsys := fstest.MapFS{}
	for name, body := range req.Files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	files, err := library.ReadDir(fsys)
	if err != nil {
		return err
	}
	rep, err := s.deps.Library.Import(c.Request().Context(), library.ImportItems(files))
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, rep)
}

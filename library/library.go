// Package library reads and writes the clause library as files ("clauses
// as code", library/FORMAT.md): one Markdown file per clause, YAML front
// matter for the metadata of every version, and one section per position
// and language holding the legal text in clause markup. Decoding reports
// every problem with its file and line; encoding is canonical, so that
// decode → encode is byte-identical for canonical input.
package library

import (
	"embed"
	"io/fs"
	"time"

	"github.com/civicpact/civicpact/clauses"
)

// VersionFile is a clause version as a file holds it: the version itself
// plus its life-cycle metadata, which the store keeps as separate records.
type VersionFile struct {
	clauses.Version
	// Status is derived from the metadata on export (see DeriveStatus) and
	// checked against it on import.
	Status     clauses.Status
	ApprovedBy string    // empty for drafts
	ApprovedAt time.Time // zero for drafts
	RetiredBy  string    // empty unless retired
	RetiredAt  time.Time // zero unless retired
}

// ClauseFile is one decoded clause file.
type ClauseFile struct {
	Name     string // the file name, "SCL-IP-01.md"
	Clause   clauses.Clause
	Versions []VersionFile
}

//go:embed all:starter
var starter embed.FS

// Starter returns the starter library shipped with the binary: the *.md
// files of library/starter. It may hold no clause file at all.
func Starter() fs.FS {
	sub, err := fs.Sub(starter, "starter")
	if err != nil {
		panic(err) // "starter" is a valid, embedded directory name
	}
	return sub
}

// DeriveStatus returns the status of versions[i] from the metadata:
// retired when it has a retirement, draft without an approval, superseded
// when a later version is approved, approved otherwise.
func DeriveStatus(versions []VersionFile, i int) clauses.Status {
	v := versions[i]
	switch {
	case !v.RetiredAt.IsZero():
		return clauses.StatusRetired
	case v.ApprovedAt.IsZero():
		return clauses.StatusDraft
	}
	for _, later := range versions[i+1:] {
		if !later.ApprovedAt.IsZero() {
			return clauses.StatusSuperseded
		}
	}
	return clauses.StatusApproved
}

package library

import (
	"time"

	"github.com/civicpact/civicpact/clauses"
)

// ImportItems turns decoded files into what clauses.Library.Import applies.
func ImportItems(files []ClauseFile) []clauses.ImportItem {
	out := make([]clauses.ImportItem, 0, len(files))
	for _, f := range files {
		it := clauses.ImportItem{File: f.Name, Clause: f.Clause}
		for _, v := range f.Versions {
			vs := clauses.VersionState{Version: v.Version, Status: v.Status, ApprovedBy: v.ApprovedBy, RetiredBy: v.RetiredBy}
			vs.ApprovedAt = timePtr(v.ApprovedAt)
			vs.RetiredAt = timePtr(v.RetiredAt)
			it.Versions = append(it.Versions, vs)
		}
		out = append(out, it)
	}
	return out
}

// FilesOf turns library entries into files for export.
func FilesOf(entries []clauses.Entry) []ClauseFile {
	out := make([]ClauseFile, 0, len(entries))
	for _, e := range entries {
		f := ClauseFile{Name: e.Clause.Key + ".md", Clause: e.Clause}
		for _, v := range e.Versions {
			vf := VersionFile{Version: v.Version, Status: v.Status, ApprovedBy: v.ApprovedBy, RetiredBy: v.RetiredBy}
			if v.ApprovedAt != nil {
				vf.ApprovedAt = v.ApprovedAt.UTC()
			}
			if v.RetiredAt != nil {
				vf.RetiredAt = v.RetiredAt.UTC()
			}
			f.Versions = append(f.Versions, vf)
		}
		out = append(out, f)
	}
	return out
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

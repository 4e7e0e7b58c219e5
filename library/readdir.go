package library

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
)

// ReadDir decodes and validates every *.md file at the root of fsys, then
// checks the rules that span files: keys are unique and every
// {{ref:KEY}} names a clause of the set. It returns the files sorted by
// name, or, when anything is wrong anywhere, no files and one apperr
// Invalid listing every problem of every file, each with Path "file:line".
func ReadDir(fsys fs.FS) ([]ClauseFile, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "listing clause files")
	}
	slices.Sort(names)
	var files []ClauseFile
	var layouts []*layout
	var fields []apperr.FieldError
	keys := map[string]string{} // key → file name
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, apperr.Wrap(apperr.Internal, err, "reading %s", name)
		}
		cf, lay, probs := decode(name, data)
		fields = append(fields, probs.fields(name)...)
		key := strings.TrimSuffix(path.Base(name), ".md")
		if len(probs) == 0 {
			key = cf.Clause.Key
			files, layouts = append(files, cf), append(layouts, lay)
		}
		if first, dup := keys[key]; dup {
			fields = append(fields, apperr.FieldError{Path: name, Message: fmt.Sprintf("clause %s is also defined in %s", key, first)})
		}
		keys[key] = name
	}
	for i, cf := range files {
		fields = append(fields, unknownRefs(cf, layouts[i], keys)...)
	}
	if len(fields) > 0 {
		return nil, apperr.Fields("invalid clause library", fields)
	}
	return files, nil
}

// unknownRefs reports each cross-reference to a key outside the set, at
// the line of its first use in each section.
func unknownRefs(cf ClauseFile, lay *layout, keys map[string]string) []apperr.FieldError {
	var probs problems
	for _, v := range cf.Versions {
		for _, p := range v.Positions {
			for _, lang := range clauses.Langs {
				d, err := clauses.Parse(p.Body.In(lang))
				if err != nil {
					continue
				}
				for _, ref := range d.Refs() {
					if _, ok := keys[ref]; !ok {
						s := lay.sections[sectionKey{v.N, p.ID, lang}]
						tok := "{{ref:" + ref + "}}"
						line, _ := findLine(s, tok)
						probs.add(line, "# v%d %s %s: %s refers to no clause of the library", v.N, p.ID, lang, tok)
					}
				}
			}
		}
	}
	return probs.fields(cf.Name)
}

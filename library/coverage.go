package library

import (
	"fmt"
	"slices"

	"github.com/civicpact/civicpact/clauses"
)

// CheckCoverage reports what a complete library lacks: a category without
// a clause, a position without text in a language, a variable used but
// not declared or declared but not used, a cross-reference to a key
// outside files. It returns the problems sorted, or nil.
func CheckCoverage(files []ClauseFile) []string {
	var out []string
	keys := map[string]bool{}
	cats := map[clauses.Category]bool{}
	for _, f := range files {
		keys[f.Clause.Key] = true
		cats[f.Clause.Category] = true
	}
	for _, c := range clauses.Categories {
		if !cats[c] {
			out = append(out, fmt.Sprintf("category %s has no clause", c))
		}
	}
	for _, f := range files {
		for _, v := range f.Versions {
			out = append(out, versionCoverage(f.Clause.Key, v.Version, keys)...)
		}
	}
	slices.Sort(out)
	return out
}

func versionCoverage(key string, v clauses.Version, keys map[string]bool) []string {
	var out []string
	at := fmt.Sprintf("%s v%d", key, v.N)
	used := map[string]bool{}
	for _, p := range v.Positions {
		for _, lang := range clauses.Langs {
			d, err := clauses.Parse(p.Body.In(lang))
			if err != nil || len(d.Blocks) == 0 {
				out = append(out, fmt.Sprintf("%s position %s has no valid %s text", at, p.ID, lang))
				continue
			}
			for _, name := range d.Vars() {
				used[name] = true
				if _, ok := v.Variable(name); !ok {
					out = append(out, fmt.Sprintf("%s position %s %s uses undeclared {{%s}}", at, p.ID, lang, name))
				}
			}
			for _, ref := range d.Refs() {
				if !keys[ref] {
					out = append(out, fmt.Sprintf("%s position %s %s refers to unknown clause %s", at, p.ID, lang, ref))
				}
			}
		}
	}
	for _, d := range v.Variables {
		if !used[d.Name] {
			out = append(out, fmt.Sprintf("%s declares %s but no text uses it", at, d.Name))
		}
	}
	return out
}

package library

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// DecodeFile decodes and validates one clause file called name. It returns
// nothing but an error when anything is wrong: an apperr Invalid with one
// field per problem, whose path is "name:line" ("SCL-IP-01.md:42") and
// whose message says what is wrong and, for text, in which section and
// column. Position texts are returned in canonical markup.
func DecodeFile(name string, data []byte) (clauses.Clause, []VersionFile, error) {
	cf, _, probs := decode(name, data)
	if len(probs) > 0 {
		return clauses.Clause{}, nil, apperr.Fields("invalid clause file "+name, probs.fields(name))
	}
	return cf.Clause, cf.Versions, nil
}

// decode decodes a file and returns its layout for locating later,
// library-level problems. The result is meaningful only without problems.
func decode(name string, data []byte) (ClauseFile, *layout, problems) {
	var probs problems
	if !utf8.Valid(data) {
		probs.add(bytes.Count(data[:invalidAt(data)], []byte("\n"))+1, "the file is not valid UTF-8")
		return ClauseFile{}, nil, probs
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	front, rest, restLine, ok := splitFrontMatter(text, &probs)
	if !ok {
		return ClauseFile{}, nil, probs
	}
	file, doc, err := decodeYAML(front)
	if err != nil {
		line, msg := yamlProblem(err)
		probs.add(line+1, "front matter: %s", msg)
		return ClauseFile{}, nil, probs
	}
	lay := &layout{file: file, frontLine: 2, doc: doc}
	lay.sections = indexSections(splitSections(rest, restLine, &probs), doc, lay, &probs)
	cf := build(name, doc, lay, &probs)
	return cf, lay, probs
}

// decodeYAML parses the front matter once, keeping the syntax tree for
// locating problems, and decodes it rejecting unknown keys. go-yaml
// v1.19.2 panics on some malformed input (a tag on an empty sequence, found
// by FuzzDecodeFile); that is reported as an error, not a crash.
func decodeYAML(front string) (file *ast.File, doc fileYAML, err error) {
	defer func() {
		if r := recover(); r != nil {
			file, err = nil, fmt.Errorf("the front matter could not be decoded (%v); check its tags and structure", r)
		}
	}()
	file, err = parser.ParseBytes([]byte(front), 0)
	if err != nil {
		return nil, doc, err
	}
	if len(file.Docs) != 1 || file.Docs[0].Body == nil {
		return nil, doc, errors.New("the front matter must be one YAML mapping")
	}
	err = yaml.NodeToValue(file.Docs[0].Body, &doc, yaml.DisallowUnknownField())
	return file, doc, err
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// splitFrontMatter returns the YAML between the opening and closing "---"
// lines, the text after them and that text's first line number.
func splitFrontMatter(text string, probs *problems) (string, string, int, bool) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		probs.add(1, `the file must start with a "---" line opening the YAML front matter`)
		return "", "", 0, false
	}
	if strings.HasPrefix(rest, "---\n") || rest == "---" {
		probs.add(2, "the front matter is empty")
		return "", "", 0, false
	}
	end := strings.Index(rest, "\n---\n")
	if end < 0 {
		if !strings.HasSuffix(rest, "\n---") {
			probs.add(1, `the front matter is not closed by a "---" line`)
			return "", "", 0, false
		}
		end = len(rest) - len("\n---")
	}
	front := rest[:end+1]
	after := strings.TrimPrefix(rest[end+1:], "---")
	after = strings.TrimPrefix(after, "\n")
	return front, after, strings.Count(front, "\n") + 3, true
}

// yamlProblem returns the front-matter line and message of a YAML error.
func yamlProblem(err error) (int, string) {
	var te *yaml.TypeError
	if errors.As(err, &te) && te.Token != nil {
		return te.Token.Position.Line, fmt.Sprintf("%q is not %s", te.Token.Value, kindName(te.DstType))
	}
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		return ye.GetToken().Position.Line, ye.GetMessage()
	}
	return 0, err.Error()
}

// kindName names a Go type as a YAML author thinks of it.
func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64:
		return "a whole number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a single value"
	case reflect.Slice:
		return "a list"
	}
	return "a mapping of keys to values"
}

// build converts the front matter and sections to a ClauseFile, adding
// every problem found, including those of clauses.ValidateVersion.
func build(name string, doc fileYAML, lay *layout, probs *problems) ClauseFile {
	c := clauses.Clause{Key: doc.Key, Category: clauses.Category(doc.Category), Title: doc.Title.text()}
	if base := path.Base(name); base != doc.Key+".md" {
		probs.add(lay.line("key"), "the file of clause %s must be called %s.md, not %s", doc.Key, doc.Key, base)
	}
	if len(doc.Versions) == 0 {
		probs.add(lay.line("versions"), "versions: at least one version is required")
		for _, f := range clauses.ValidateClause(c) {
			line, msg := lay.locate(0, f)
			probs.add(line, "%s", msg)
		}
	}
	cf := ClauseFile{Name: path.Base(name), Clause: c}
	for i, vy := range doc.Versions {
		cf.Versions = append(cf.Versions, buildVersion(c, i, vy, lay, probs))
	}
	checkStatuses(cf.Versions, lay, probs)
	for i, vf := range cf.Versions {
		for _, f := range clauses.ValidateVersion(c, vf.Version) {
			line, msg := lay.locate(i, f)
			probs.add(line, "%s", msg)
		}
	}
	return cf
}

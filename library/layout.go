package library

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
)

// layout maps what a validator reports (field paths, markup lines) back to
// lines of the file.
type layout struct {
	file      *ast.File // the front matter's syntax tree
	frontLine int       // file line of the front matter's first line
	doc       fileYAML
	sections  map[sectionKey]section
}

// line returns the file line of the YAML node at path ("versions[0].
// variables[1].type"), or of its nearest ancestor that exists.
func (l *layout) line(path string) int {
	for p := path; p != ""; p = parentPath(p) {
		if n := l.node(p); n != nil && n.GetToken() != nil {
			return l.frontLine - 1 + n.GetToken().Position.Line
		}
	}
	return max(l.frontLine-1, 1)
}

func (l *layout) node(path string) ast.Node {
	if l.file == nil {
		return nil
	}
	p, err := yaml.PathString("$." + path)
	if err != nil {
		return nil
	}
	n, err := p.FilterFile(l.file)
	if err != nil {
		return nil
	}
	return n
}

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

var (
	textPath      = regexp.MustCompile(`^positions\[(\d+)\]\.text\.(en|fr)$`)
	markupLineCol = regexp.MustCompile(`^line (\d+), column (\d+): `)
	placeholder   = regexp.MustCompile(`\{\{[^{}]*\}\}`)
)

// locate returns the file line and message of a problem that
// clauses.ValidateVersion reported for versions[vi].
func (l *layout) locate(vi int, f apperr.FieldError) (int, string) {
	if f.Path == "key" || f.Path == "category" || strings.HasPrefix(f.Path, "title.") {
		return l.line(f.Path), f.Path + ": " + f.Message
	}
	if m := textPath.FindStringSubmatch(f.Path); m != nil {
		pi, _ := strconv.Atoi(m[1])
		return l.textLine(vi, pi, clauses.Lang(m[2]), f.Message)
	}
	path := fmt.Sprintf("versions[%d].%s", vi, f.Path)
	return l.line(path), path + ": " + f.Message
}

// textLine places a problem in a position's section: a markup error at its
// line, a problem naming a {{placeholder}} at the placeholder's first use,
// anything else at the heading.
func (l *layout) textLine(vi, pi int, lang clauses.Lang, msg string) (int, string) {
	v := l.doc.Versions[vi]
	id := v.Positions[pi].ID
	s, ok := l.sections[sectionKey{v.Version, id, lang}]
	where := fmt.Sprintf("# v%d %s %s", v.Version, id, lang)
	if !ok {
		return l.line(fmt.Sprintf("versions[%d].positions[%d]", vi, pi)), where + ": " + msg
	}
	if m := markupLineCol.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return s.bodyLine + n - 1, fmt.Sprintf("%s, column %s: %s", where, m[2], msg[len(m[0]):])
	}
	if tok := placeholder.FindString(msg); tok != "" {
		if line, ok := findLine(s, tok); ok {
			return line, where + ": " + msg
		}
	}
	return s.heading, where + ": " + msg
}

// findLine returns the file line where tok first occurs in the section.
func findLine(s section, tok string) (int, bool) {
	for i, l := range strings.Split(s.body, "\n") {
		if strings.Contains(l, tok) {
			return s.bodyLine + i, true
		}
	}
	return 0, false
}

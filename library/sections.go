package library

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/clauses"
)

// section is one "# v<version> <position> <lang>" section of a file.
type section struct {
	version  int
	id       string
	lang     clauses.Lang
	heading  int    // line of the heading
	bodyLine int    // line of the body's first line
	body     string // the body without leading and trailing blank lines
}

func (s section) key() sectionKey { return sectionKey{s.version, s.id, s.lang} }

func (s section) title() string { return fmt.Sprintf("# v%d %s %s", s.version, s.id, s.lang) }

type sectionKey struct {
	version int
	id      string
	lang    clauses.Lang
}

var headingPattern = regexp.MustCompile(`^# v([1-9][0-9]{0,5}) ([A-Z]) (en|fr)$`)

// splitSections splits the text after the front matter, whose first line
// is line first, into sections.
func splitSections(text string, first int, probs *problems) []section {
	var out []section
	var body []string
	flush := func() {
		if len(out) > 0 {
			s := &out[len(out)-1]
			s.body, s.bodyLine = trimBlankLines(body, s.heading+1)
		}
		body = nil
	}
	for i, l := range strings.Split(text, "\n") {
		num := first + i
		if !strings.HasPrefix(l, "# ") {
			if len(out) == 0 && strings.TrimSpace(l) != "" {
				probs.add(num, "text outside a section: every text follows a heading such as \"# v1 A en\"")
			}
			body = append(body, l)
			continue
		}
		m := headingPattern.FindStringSubmatch(l)
		if m == nil {
			probs.add(num, "malformed section heading %q: write \"# v<version> <position> <lang>\", such as \"# v1 A en\"", l)
			continue
		}
		flush()
		n, _ := strconv.Atoi(m[1])
		out = append(out, section{version: n, id: m[2], lang: clauses.Lang(m[3]), heading: num})
	}
	flush()
	return out
}

// trimBlankLines joins lines without the leading and trailing blank ones
// and returns the line number of the first kept line (first is the number
// of lines[0]).
func trimBlankLines(lines []string, first int) (string, int) {
	start, end := 0, len(lines)
	for start < end && strings.TrimSpace(lines[start]) == "" {
		start++
	}
	for end > start && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	return strings.Join(lines[start:end], "\n"), first + start
}

// indexSections checks the sections against the front matter's versions and
// positions (each once, in order, nothing unknown) and indexes them.
func indexSections(secs []section, doc fileYAML, lay *layout, probs *problems) map[sectionKey]section {
	rank := map[sectionKey]int{}
	for _, v := range doc.Versions {
		for _, p := range v.Positions {
			for _, lang := range clauses.Langs {
				rank[sectionKey{v.Version, p.ID, lang}] = len(rank)
			}
		}
	}
	index := map[sectionKey]section{}
	last := -1
	for _, s := range secs {
		r, known := rank[s.key()]
		prev, dup := index[s.key()]
		switch {
		case !known:
			probs.add(s.heading, "section %q has no matching version and position in the front matter", s.title())
		case dup:
			probs.add(s.heading, "section %q repeats the one at line %d", s.title(), prev.heading)
		case r < last:
			probs.add(s.heading, "section %q is out of order: sections follow the versions, then their positions as listed, then en before fr", s.title())
		}
		if known && !dup {
			index[s.key()] = s
			last = max(last, r)
		}
	}
	for i, v := range doc.Versions {
		for j, p := range v.Positions {
			for _, lang := range clauses.Langs {
				if _, ok := index[sectionKey{v.Version, p.ID, lang}]; !ok {
					probs.add(lay.line(fmt.Sprintf("versions[%d].positions[%d]", i, j)),
						"position %s of version %d has no \"# v%d %s %s\" section", p.ID, v.Version, v.Version, p.ID, lang)
				}
			}
		}
	}
	return index
}

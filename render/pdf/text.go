package pdf

import "strings"

// piece is part of a word in one style; most words have a single piece.
type piece struct {
	text  string
	style RunStyle
}

// word is the unit of line breaking: text between breaking spaces.
type word struct {
	pieces []piece
	w      float64
}

// textStyle is the typesetting of a paragraph: size, leading and the face
// used for normal runs.
type textStyle struct {
	size, leading float64
	base          face
}

// faceOf returns the face a run style is set in.
func (ts textStyle) faceOf(s RunStyle) face {
	switch s {
	case Term:
		if ts.base == italic {
			return boldItalic
		}
		return bold
	case Emphasis, Moved:
		if ts.base == bold {
			return boldItalic
		}
		return italic
	}
	return ts.base
}

// splitWords cuts runs into words at ASCII spaces. Other spaces (U+00A0,
// U+202F) do not break and stay inside words.
func (r *renderer) splitWords(runs []Run, ts textStyle) []word {
	var ws []word
	var cur word
	open := false
	flush := func() {
		if open {
			ws = append(ws, cur)
		}
		cur, open = word{}, false
	}
	for _, run := range runs {
		text := safeText(run.Text)
		for text != "" {
			i := strings.IndexByte(text, ' ')
			if i == 0 {
				flush()
				text = text[1:]
				continue
			}
			part := text
			if i > 0 {
				part, text = text[:i], text[i:]
			} else {
				text = ""
			}
			cur.pieces = append(cur.pieces, piece{part, run.Style})
			cur.w += r.m.width(part, ts.faceOf(run.Style), ts.size)
			open = true
		}
	}
	flush()
	return ws
}

// breakLines fills lines greedily up to width. A word wider than a line is
// cut at characters so that nothing is ever clipped.
func (r *renderer) breakLines(ws []word, width float64, ts textStyle) [][]word {
	space := r.spaceWidth(ts)
	var lines [][]word
	start, lineW := 0, 0.0
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w.w > width {
			ws = r.cutWord(ws, i, width, ts)
			w = ws[i]
		}
		next := lineW + w.w
		if i > start {
			next += space
		}
		if i > start && next > width {
			lines = append(lines, ws[start:i])
			start, next = i, w.w
		}
		lineW = next
	}
	if start < len(ws) {
		lines = append(lines, ws[start:])
	}
	return lines
}

// cutWord splits the over-long word ws[i] at the last character that fits.
func (r *renderer) cutWord(ws []word, i int, width float64, ts textStyle) []word {
	p := ws[i].pieces[0]
	fc := ts.faceOf(p.style)
	cut, acc := 0, 0.0
	for j, ch := range p.text {
		cw := r.m.width(string(ch), fc, ts.size)
		if acc+cw > width && j > 0 {
			break
		}
		acc += cw
		cut = j + len(string(ch))
	}
	if cut >= len(p.text) {
		return ws // one piece wider than a line: cannot do better
	}
	head := word{pieces: []piece{{p.text[:cut], p.style}}, w: acc}
	tail := word{pieces: append([]piece{{p.text[cut:], p.style}}, ws[i].pieces[1:]...)}
	tail.w = ws[i].w - acc
	out := make([]word, 0, len(ws)+1)
	out = append(append(append(out, ws[:i]...), head, tail), ws[i+1:]...)
	return out
}

func (r *renderer) spaceWidth(ts textStyle) float64 {
	return r.m.width(" ", regular, ts.size)
}

// segment is a stretch of one line in one style, drawn with one text
// operator; spaces counts the spaces inside it.
type segment struct {
	style  RunStyle
	text   strings.Builder
	spaces int
	w      float64
}

// drawLine draws one line of words at (x, y), stretching the spaces to fill
// width when justify is set. Each style change starts a new segment; the
// space between two segments is drawn on its own in the base face.
func (r *renderer) drawLine(line []word, x, y, width float64, ts textStyle, justify bool) {
	space := r.spaceWidth(ts)
	extra := 0.0
	if justify && len(line) > 1 {
		natural := float64(len(line)-1) * space
		for _, w := range line {
			natural += w.w
		}
		extra = (width - natural) / float64(len(line)-1)
	}
	var seg segment
	open := false
	for i, w := range line {
		for j, p := range w.pieces {
			gap := i > 0 && j == 0
			if open && p.style == seg.style {
				if gap {
					seg.text.WriteByte(' ')
					seg.spaces++
					seg.w += space
				}
			} else {
				if open {
					x = r.drawSegment(&seg, x, y, extra, ts)
				}
				if gap {
					x = r.drawGap(x, y, space+extra, ts)
				}
				seg.text.Reset()
				seg.style, seg.spaces, seg.w, open = p.style, 0, 0, true
			}
			seg.text.WriteString(p.text)
			seg.w += r.m.width(p.text, ts.faceOf(p.style), ts.size)
		}
	}
	if open {
		r.drawSegment(&seg, x, y, extra, ts)
	}
}

func (r *renderer) drawSegment(seg *segment, x, y, extra float64, ts textStyle) float64 {
	w := seg.w + float64(seg.spaces)*extra
	align := "L"
	if extra > 0 && seg.spaces > 0 {
		align = "J"
	}
	r.useStyle(seg.style, ts)
	r.f.SetXY(x, y)
	r.f.CellFormat(w, ts.leading, seg.text.String(), "", 0, align, false, 0, "")
	r.plainColour()
	return x + w
}

func (r *renderer) drawGap(x, y, w float64, ts textStyle) float64 {
	r.f.SetFont(serif, ts.base.fpdfStyle(), ts.size)
	r.f.SetXY(x, y)
	r.f.CellFormat(w, ts.leading, " ", "", 0, "L", false, 0, "")
	return x + w
}

// useStyle selects the face, decoration and colour of a run style.
func (r *renderer) useStyle(s RunStyle, ts textStyle) {
	deco := ""
	switch s {
	case Inserted:
		deco = "U"
		r.f.SetTextColor(0, 70, 180)
	case Deleted:
		deco = "S"
		r.f.SetTextColor(190, 20, 20)
	case Moved:
		r.f.SetTextColor(0, 120, 60)
	}
	r.f.SetFont(serif, ts.faceOf(s).fpdfStyle()+deco, ts.size)
}

func (r *renderer) plainColour() { r.f.SetTextColor(0, 0, 0) }

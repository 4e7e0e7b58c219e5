package pdf

import (
	"encoding/binary"
	"errors"
)

// Drawing the watermark as glyph outlines (filled paths) rather than text
// keeps it out of text extraction: pdftotext would otherwise scatter its
// rotated letters through the page's words.

// ttf gives access to the glyph outlines of a TrueType font.
type ttf struct {
	data             []byte
	cmap, loca, glyf []byte
	longLoca         bool
	unitsPerEm       float64
}

var errTTF = errors.New("pdf: unreadable TrueType font")

func parseTTF(data []byte) (*ttf, error) {
	if len(data) < 12 {
		return nil, errTTF
	}
	t := &ttf{data: data}
	n := int(binary.BigEndian.Uint16(data[4:]))
	var head []byte
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errTTF
		}
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		ln := int(binary.BigEndian.Uint32(data[rec+12:]))
		if off+ln > len(data) {
			return nil, errTTF
		}
		tab := data[off : off+ln]
		switch string(data[rec : rec+4]) {
		case "head":
			head = tab
		case "cmap":
			t.cmap = t.unicodeCmap(tab)
		case "loca":
			t.loca = tab
		case "glyf":
			t.glyf = tab
		}
	}
	if len(head) < 54 || t.cmap == nil || t.loca == nil || t.glyf == nil {
		return nil, errTTF
	}
	t.unitsPerEm = float64(binary.BigEndian.Uint16(head[18:]))
	t.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	return t, nil
}

// unicodeCmap returns the format 4 subtable for Windows Unicode BMP.
func (t *ttf) unicodeCmap(tab []byte) []byte {
	if len(tab) < 4 {
		return nil
	}
	for i := 0; i < int(binary.BigEndian.Uint16(tab[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(tab) {
			return nil
		}
		pid, eid := binary.BigEndian.Uint16(tab[rec:]), binary.BigEndian.Uint16(tab[rec+2:])
		off := int(binary.BigEndian.Uint32(tab[rec+4:]))
		if pid == 3 && eid == 1 && off+2 <= len(tab) && binary.BigEndian.Uint16(tab[off:]) == 4 {
			return tab[off:]
		}
	}
	return nil
}

// glyphID maps a BMP rune through the format 4 cmap; 0 means missing.
func (t *ttf) glyphID(r rune) int {
	c := t.cmap
	u16 := func(i int) int {
		if i+2 > len(c) {
			return 0
		}
		return int(binary.BigEndian.Uint16(c[i:]))
	}
	segs := u16(6) / 2
	for i := 0; i < segs; i++ {
		end, start := u16(14+2*i), u16(16+2*segs+2*i)
		if int(r) > end || int(r) < start {
			continue
		}
		delta := u16(16 + 4*segs + 2*i)
		roPos := 16 + 6*segs + 2*i
		if ro := u16(roPos); ro != 0 {
			g := u16(roPos + ro + 2*(int(r)-start))
			if g == 0 {
				return 0
			}
			return (g + delta) & 0xffff
		}
		return (int(r) + delta) & 0xffff
	}
	return 0
}

// glyph returns the outline data of glyph g.
func (t *ttf) glyph(g int) []byte {
	at := func(i int) int {
		if t.longLoca {
			if 4*i+4 > len(t.loca) {
				return -1
			}
			return int(binary.BigEndian.Uint32(t.loca[4*i:]))
		}
		if 2*i+2 > len(t.loca) {
			return -1
		}
		return 2 * int(binary.BigEndian.Uint16(t.loca[2*i:]))
	}
	a, b := at(g), at(g+1)
	if a < 0 || b <= a || b > len(t.glyf) {
		return nil
	}
	return t.glyf[a:b]
}

package pdf

import (
	"testing"

	"github.com/go-fonts/liberation/liberationserifbold"
)

// FuzzCompressStreams feeds arbitrary files to the stream compressor: it
// must return an error or a file, never panic.
func FuzzCompressStreams(f *testing.F) {
	f.Add([]byte("%PDF-1.3\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\n" +
		"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<>>\nstartxref\n62\n%%EOF\n"))
	f.Add([]byte("xref\n0 1\nstartxref\n0\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		_, _ = compressStreams(in)
	})
}

// FuzzParseTTF checks the glyph outline reader on damaged fonts.
func FuzzParseTTF(f *testing.F) {
	f.Add(liberationserifbold.TTF[:2048])
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, in []byte) {
		font, err := parseTTF(in)
		if err != nil {
			return
		}
		for _, c := range "DRAFT" {
			_ = contours(font.glyph(font.glyphID(c)))
		}
	})
}

package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// fpdf compresses each stream with a new zlib writer, which allocates about
// a megabyte per page and made compression three quarters of the render
// time. Render therefore asks fpdf for an uncompressed file and compresses
// its streams here with one reused writer, rewriting lengths and the cross
// reference table. Output stays deterministic.

var errLayout = errors.New("pdf: unexpected file layout")

// pdfObject is an indirect object's number and its byte span in the file.
type pdfObject struct {
	num, start, end int
}

// compressStreams returns the file with every unfiltered stream deflated.
func compressStreams(in []byte) ([]byte, error) {
	xrefPos, err := startXref(in)
	if err != nil {
		return nil, err
	}
	objs, trailer, err := readXref(in, xrefPos)
	if err != nil {
		return nil, err
	}
	out := bytes.NewBuffer(make([]byte, 0, len(in)/3))
	out.Write(in[:objs[0].start])
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	offsets := make([]int, len(objs)+1)
	for _, o := range objs {
		offsets[o.num] = out.Len()
		if err := deflateObject(out, in[o.start:o.end], zw); err != nil {
			return nil, fmt.Errorf("object %d: %w", o.num, err)
		}
	}
	newXref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(out, "%010d 00000 n \n", off)
	}
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

func startXref(in []byte) (int, error) {
	i := bytes.LastIndex(in, []byte("startxref\n"))
	if i < 0 {
		return 0, errLayout
	}
	rest := in[i+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return 0, errLayout
	}
	n, err := strconv.Atoi(string(rest[:end]))
	if err != nil || n <= 0 || n >= i {
		return 0, errLayout
	}
	return n, nil
}

// readXref reads a single-section table "xref\n0 N\n" of 20-byte entries
// in which objects 1..N-1 are all in use, and returns the objects in file
// order with their spans, and the trailer up to "startxref".
func readXref(in []byte, pos int) ([]pdfObject, []byte, error) {
	var n int
	head := in[pos:]
	if _, err := fmt.Sscanf(string(head[:min(len(head), 32)]), "xref\n0 %d\n", &n); err != nil || n < 2 {
		return nil, nil, errLayout
	}
	first := pos + len(fmt.Sprintf("xref\n0 %d\n", n))
	end := first + 20*n
	tr := bytes.LastIndex(in, []byte("startxref\n"))
	if end > tr {
		return nil, nil, errLayout
	}
	objs := make([]pdfObject, 0, n-1)
	for k := 1; k < n; k++ {
		e := in[first+20*k : first+20*k+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' || off <= 0 || off >= pos {
			return nil, nil, errLayout
		}
		objs = append(objs, pdfObject{num: k, start: off})
	}
	slices.SortFunc(objs, func(a, b pdfObject) int { return a.start - b.start })
	for i := range objs {
		objs[i].end = pos
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		}
		if objs[i].end <= objs[i].start {
			return nil, nil, errLayout
		}
	}
	return objs, in[end:tr], nil
}

// deflateObject copies one object, compressing its stream if it has one
// without a filter.
func deflateObject(out *bytes.Buffer, obj []byte, zw *zlib.Writer) error {
	const marker = ">>\nstream\n"
	i := bytes.Index(obj, []byte(marker))
	dict := obj[:max(i, 0)]
	if i < 0 || bytes.Contains(dict, []byte("/Filter")) {
		out.Write(obj)
		return nil
	}
	li := bytes.Index(dict, []byte("/Length "))
	if li < 0 {
		return errLayout
	}
	digits := li + len("/Length ")
	de := digits
	for de < len(dict) && dict[de] >= '0' && dict[de] <= '9' {
		de++
	}
	n, err := strconv.Atoi(string(dict[digits:de]))
	data := i + len(marker)
	if err != nil || data+n > len(obj) || !bytes.HasPrefix(obj[data+n:], []byte("\nendstream")) {
		return errLayout
	}
	var z bytes.Buffer
	zw.Reset(&z)
	zw.Write(obj[data : data+n])
	if err := zw.Close(); err != nil {
		return err
	}
	out.Write(dict[:li])
	fmt.Fprintf(out, "/Filter /FlateDecode /Length %d", z.Len())
	out.Write(dict[de:])
	out.WriteString(marker)
	out.Write(z.Bytes())
	out.Write(obj[data+n:])
	return nil
}

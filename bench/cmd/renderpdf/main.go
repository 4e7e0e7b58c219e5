// Command renderpdf renders a benchmark corpus contract (contract_v1.json)
// to PDF, for comparing render/pdf with HTML-to-PDF peers.
//
//	renderpdf -in corpus/w60k/contract_v1.json -out out.pdf
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/civicpact/civicpact/bench/corpus"
	"github.com/civicpact/civicpact/render/pdf"
)

func main() {
	in := flag.String("in", "", "corpus JSON file")
	out := flag.String("out", "out.pdf", "PDF file to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "renderpdf:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	doc, err := corpus.Load(in)
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	if err := pdf.Render(w, doc); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

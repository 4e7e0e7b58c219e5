package pdf

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
)

// Render writes doc as a PDF contract: title page, table of contents,
// preamble, articles, schedules, schedule of deviations and signature page.
// The same Document always gives the same bytes.
func Render(w io.Writer, doc Document) error {
	if err := validate(doc.Lang, doc.Date.IsZero()); err != nil {
		return err
	}
	r := newRenderer(doc.Lang)
	r.setInfo(info{title: doc.Title, subject: doc.Subtitle, author: doc.Author,
		keywords: doc.Keywords, lang: doc.Lang, date: doc.Date, id: doc.ContractID})
	r.page = pageDecor{header: doc.Title, contractID: doc.ContractID,
		fingerprint: doc.Fingerprint, draft: doc.Draft}
	for _, p := range doc.Parties {
		r.page.parties = append(r.page.parties, p.Role)
	}
	r.titlePage(doc)
	levels := tocLevels(doc)
	first := r.reserveTOC(levels)
	r.newPage()
	r.heading(doc.Title, bold, 14, true)
	r.y += 10
	for _, p := range doc.Preamble {
		r.paragraph(p.Runs, marginL, textW, bodyText(), true)
	}
	r.articles(doc.Articles)
	r.schedules(doc.Schedules)
	r.deviations(doc.Deviations)
	r.signatures(doc)
	if err := r.fillTOC(first, levels); err != nil {
		return apperr.Wrap(apperr.Internal, err, "render contract")
	}
	return r.output(w)
}

// validate rejects what would make output unstable or unlabelled.
func validate(lang string, noDate bool) error {
	if lang != "en" && lang != "fr" {
		return apperr.New(apperr.Invalid, "pdf: language %q is not en or fr", lang)
	}
	if noDate {
		return apperr.New(apperr.Invalid, "pdf: the document has no date")
	}
	return nil
}

// tocLevels lists the outline levels of the contents entries in the order
// Render lays them out.
func tocLevels(doc Document) []int {
	var levels []int
	for _, a := range doc.Articles {
		levels = append(levels, 0)
		for range a.Clauses {
			levels = append(levels, 1)
		}
	}
	for range doc.Schedules {
		levels = append(levels, 0)
	}
	return append(levels, 0, 0) // deviations, signatures
}

// info is what goes into the document properties.
type info struct {
	title, subject, author, lang, id string
	keywords                         []string
	date                             time.Time
}

// setInfo fills the document properties; dates come from the contract.
func (r *renderer) setInfo(in info) {
	if in.subject == "" {
		in.subject = in.id
	}
	r.f.SetTitle(in.title, true)
	r.f.SetSubject(in.subject, true)
	r.f.SetAuthor(in.author, true)
	r.f.SetKeywords(strings.Join(in.keywords, ", "), true)
	r.f.SetCreationDate(in.date)
	r.f.SetModificationDate(in.date)
	r.f.SetLang(in.lang)
}

// output finishes every page and writes the file.
func (r *renderer) output(w io.Writer) error {
	if err := r.finishPages(); err != nil {
		return apperr.Wrap(apperr.Internal, err, "draw watermark")
	}
	var raw bytes.Buffer
	if err := r.f.Output(&raw); err != nil {
		return apperr.Wrap(apperr.Internal, err, "lay out pdf")
	}
	packed, err := compressStreams(raw.Bytes())
	if err != nil {
		return apperr.Wrap(apperr.Internal, err, "compress pdf")
	}
	if _, err := w.Write(packed); err != nil {
		return apperr.Wrap(apperr.Internal, err, "write pdf")
	}
	return nil
}

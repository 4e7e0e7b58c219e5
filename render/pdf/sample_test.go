package pdf_test

import (
	"time"

	"github.com/civicpact/civicpact/render/pdf"
)

// sampleDocument is a small bilingual contract that exercises every part of
// the layout: accents, French spacing (U+00A0, U+202F), defined terms,
// sub-clauses, a schedule table with long cells and deviations.
func sampleDocument(lang string) pdf.Document {
	run := func(s string) pdf.Run { return pdf.Run{Text: s} }
	term := func(s string) pdf.Run { return pdf.Run{Text: s, Style: pdf.Term} }
	para := func(rs ...pdf.Run) pdf.Block { return pdf.Block{Runs: rs} }
	sub := func(level int, label, s string) pdf.Block {
		return pdf.Block{Level: level, Label: label, Runs: []pdf.Run{run(s)}}
	}
	return pdf.Document{
		Lang:           lang,
		Title:          "Smart Streetlight Services Agreement",
		Subtitle:       "Entente de services d’éclairage intelligent",
		ContractID:     "PR-2025-0042",
		ProcurementRef: "RFP-2024-117",
		Route:          "Request for Proposals",
		TemplateRef:    "TPL-RFP v3",
		LibraryRef:     "Library 2025.2",
		Parties: []pdf.Party{
			{Name: "City of Port-Royal", Role: "City", Address: "1 Place de l’Hôtel-de-Ville, Port-Royal"},
			{Name: "Northwind Civic Systems Inc.", Role: "Vendor", Address: "400 Bay Street, Toronto"},
		},
		Fingerprint: "3f2a9c0e5b7d41a8c6e2f90d7b13a5c4e8f60b2d9a7c31e5f4b8d02a6c9e1f73",
		Date:        time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Preamble: []pdf.Paragraph{
			pdf.Text("THIS AGREEMENT is made between the CITY OF PORT-ROYAL (the “City”) and NORTHWIND CIVIC SYSTEMS INC. (the “Vendor”)."),
			pdf.Text("ATTENDU QUE la Ville souhaite moderniser l’éclairage des rues ; la présente entente est rédigée en français et en anglais."),
		},
		Articles: []pdf.Article{
			{Number: "1", Title: "Definitions and Interpretation", Clauses: []pdf.Clause{
				{Number: "1.1", Title: "Definitions", Ref: "SCL-GEN-01 v2 · A", Blocks: []pdf.Block{
					para(run("In this Agreement:")),
					para(term("“City Data”"), run(" means all data collected by the Streetlight Network, including data about the use of public spaces.")),
					para(term("« Données de la Ville »"), run(" désigne l’ensemble des données recueillies par le réseau d’éclairage, y compris les données relatives à l’usage des espaces publics.")),
				}},
				{Number: "1.2", Title: "Interpretation", Ref: "SCL-GEN-02 v1 · B", Blocks: []pdf.Block{
					para(run("Headings are for convenience only. The words “including” and “includes” mean including without limitation, and references to a Party include its permitted successors and assigns.")),
				}},
			}},
			{Number: "2", Title: "Data and Privacy", Clauses: []pdf.Clause{
				{Number: "2.1", Title: "Ownership of City Data", Ref: "SCL-DATA-01 v3 · A", Blocks: []pdf.Block{
					para(run("The City owns all "), term("City Data"), run(". The Vendor shall:")),
					sub(1, "(a)", "store City Data only in data centres located in Canada;"),
					sub(1, "(b)", "return all City Data within thirty (30) days after termination, in an open format that the City can read without proprietary software, and then:"),
					sub(2, "(i)", "securely delete every copy it holds; and"),
					sub(2, "(ii)", "certify the deletion in writing to the City Project Manager."),
				}},
				{Number: "2.2", Title: "Protection des renseignements personnels", Ref: "SCL-PRIV-01 v1 · C", Blocks: []pdf.Block{
					para(run("Le fournisseur protège les renseignements personnels conformément à la Loi sur l’accès à l’information. Les frais de 10\u202f000\u00a0$ sont payables à l’échéance ; l’« avis » doit être remis à la Ville.")),
					para(run("Façade, garçon, élève, où, déjà, crème brûlée : ces mots doivent être extraits tels quels.")),
				}},
			}},
		},
		Schedules: []pdf.Schedule{{
			Title: "Fees",
			Intro: []pdf.Paragraph{pdf.Text("The Fees are set out below, in Canadian dollars, excluding applicable taxes.")},
			Tables: []pdf.Table{{
				Columns: []string{"Item", "Description", "Amount"},
				Rows: [][]string{
					{"1", "Installation of 1,200 connected luminaires across the downtown core, including removal and recycling of the existing fixtures.", "$1,450,000"},
					{"2", "Annual hosting and support", "$96,000"},
				},
			}},
		}},
		Deviations: []pdf.Deviation{{
			ClauseNumber: "2.1", ClauseRef: "SCL-DATA-01 v3",
			Summary: "Return period extended from 15 to 30 days.", Party: "Vendor",
			ApprovedBy: "City Solicitor", Rationale: "Volume of historical sensor data.",
		}},
		Signatories: []pdf.Signatory{
			{Name: "Élodie Gagné-Françoeur", Title: "Directrice des technologies de l’information", Organisation: "City of Port-Royal", Authority: "By-law 2024-117, s. 4"},
			{Name: "Marc-André Bélanger", Title: "Vice-President, Public Sector", Organisation: "Northwind Civic Systems Inc.", Authority: "Board resolution of 12 February 2025"},
		},
		Keywords: []string{"SCL-GEN-01", "SCL-GEN-02", "SCL-DATA-01", "SCL-PRIV-01"},
		Author:   "City of Port-Royal",
		Draft:    true,
	}
}

package pdf

import (
	"fmt"
	"time"
)

// labels holds every fixed string printed in one language.
type labels struct {
	contents, page, pageOf, article, schedule, deviations, signatures string
	initials, between, and, contractID, procurement, route, template  string
	library, date, fingerprint, draft, witness, per, name, title      string
	authority, noDeviations, clause, ref, summary, party, approvedBy  string
	rationale, fingerprintNote, redline, changes, status, verdict     string
	words, unchanged, redlineNote, noChanges, partyCol                string
	months                                                            [12]string
}

func labelsFor(lang string) labels {
	if lang == "fr" {
		return frLabels()
	}
	return enLabels()
}

func enLabels() labels {
	return labels{
		contents: "Table of Contents", page: "Page", pageOf: "of", article: "Article",
		schedule: "Schedule", deviations: "Schedule of Deviations", signatures: "Signatures",
		initials: "Initials", between: "BETWEEN", and: "AND", contractID: "Contract ID",
		procurement: "Procurement reference", route: "Procurement route", template: "Template",
		library: "Clause library", date: "Date", fingerprint: "SHA-256 fingerprint",
		draft: "DRAFT",
		witness: "IN WITNESS WHEREOF the Parties have executed this Agreement by their " +
			"duly authorized representatives.",
		per: "Per", name: "Name", title: "Title", authority: "Signing authority",
		noDeviations: "This Agreement contains no deviations from the standard clause library.",
		clause:       "Clause", ref: "Library clause", summary: "Deviation", party: "Requested by",
		approvedBy: "Approved by", rationale: "Rationale",
		fingerprintNote: "These signatures apply to the document whose SHA-256 fingerprint is:",
		redline:         "Redline", changes: "Summary of Changes", status: "Status", verdict: "Verdict",
		words: "Words", unchanged: "unchanged", partyCol: "Party",
		redlineNote: "Insertions are underlined in blue, deletions struck through in red, " +
			"moved text is shown in green. Unchanged clauses are listed by heading only.",
		noChanges: "No clause was changed.",
		months: [12]string{"January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December"},
	}
}

func frLabels() labels {
	return labels{
		contents: "Table des matières", page: "Page", pageOf: "de", article: "Article",
		schedule: "Annexe", deviations: "Annexe des dérogations", signatures: "Signatures",
		initials: "Paraphes", between: "ENTRE", and: "ET", contractID: "Numéro de contrat",
		procurement: "Référence d’approvisionnement", route: "Mode d’approvisionnement",
		template: "Gabarit", library: "Bibliothèque de clauses", date: "Date",
		fingerprint: "Empreinte SHA-256", draft: "PROJET",
		witness: "EN FOI DE QUOI, les Parties ont signé la présente entente par " +
			"l’entremise de leurs représentants dûment autorisés.",
		per: "Par", name: "Nom", title: "Titre", authority: "Pouvoir de signature",
		noDeviations: "La présente entente ne comporte aucune dérogation à la bibliothèque " +
			"de clauses normalisées.",
		clause: "Clause", ref: "Clause type", summary: "Dérogation", party: "Demandée par",
		approvedBy: "Approuvée par", rationale: "Justification",
		fingerprintNote: "Ces signatures s’appliquent au document dont l’empreinte SHA-256 est :",
		redline:         "Version annotée", changes: "Sommaire des modifications", status: "Statut",
		verdict: "Décision", words: "Mots", unchanged: "inchangée", partyCol: "Partie",
		redlineNote: "Les ajouts sont soulignés en bleu, les suppressions barrées en rouge, " +
			"le texte déplacé figure en vert. Les clauses inchangées ne sont citées que par leur titre.",
		noChanges: "Aucune clause n’a été modifiée.",
		months: [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
			"août", "septembre", "octobre", "novembre", "décembre"},
	}
}

// pageLabel returns "Page 3 of 12" or "Page 3 de 12".
func (l labels) pageLabel(n, total int) string {
	return fmt.Sprintf("%s %d %s %d", l.page, n, l.pageOf, total)
}

// formatDate writes a date the way each language writes it in contracts:
// "March 3, 2025" and "3 mars 2025" ("1er mars 2025" on the first).
func (l labels) formatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	month := l.months[t.Month()-1]
	if lang == "fr" {
		day := fmt.Sprint(t.Day())
		if t.Day() == 1 {
			day = "1er"
		}
		return day + "\u00a0" + month + " " + fmt.Sprint(t.Year())
	}
	return fmt.Sprintf("%s %d, %d", month, t.Day(), t.Year())
}

package testenv

import (
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/templates"
)

// PilotInput is journey 1's living-lab pilot for the City of Port-Royal,
// Ontario, in English, with Curbside Labs.
func PilotInput() templates.Input {
	return templates.Input{
		Template: templates.Ref{Key: "TPL-PILOT", Version: 1}, Province: "ON", Languages: []clauses.Lang{clauses.EN},
		ProcurementRef: "PR-2026-014",
		Parties: []templates.Party{
			{Role: "city", Name: "City of Port-Royal", Address: "100 Harbour Street, Port-Royal, Ontario",
				Signatories: []templates.Signatory{{Name: "Amira Haddad", Title: "Senior Solicitor", AuthorityRef: "By-law 2024-117, s. 4"}}},
			{Role: "vendor", Name: "Curbside Labs Inc.", Address: "44 King Street West, Port-Royal, Ontario",
				Signatories: []templates.Signatory{{Name: "Jordan Okafor", Title: "Chief Executive Officer"}}},
		},
		Variables: map[string]any{
			"contract_value_cad":    "90000",
			"venue":                 "Port-Royal",
			"pilot_purpose":         "to test whether curbside occupancy sensors reduce the time drivers spend looking for parking and the double-parking of delivery vehicles",
			"sites":                 "three curbside sites on Harbour Street, Market Square and Station Road",
			"data_feeds":            "the City's on-street parking inventory and anonymised pay-station transaction counts",
			"success_criteria":      "sensor occupancy accuracy of at least 95 % against manual counts, and a 15 % drop in average search time at the three sites",
			"start_date":            "2026-05-01",
			"code_of_conduct_ref":   "the City of Port-Royal Supplier Code of Conduct (2025)",
			"city_notice_address":   "City Solicitor, City of Port-Royal, 100 Harbour Street, Port-Royal, Ontario",
			"vendor_notice_address": "Chief Executive Officer, Curbside Labs Inc., 44 King Street West, Port-Royal, Ontario",
			"authority_ref":         "By-law 2024-117, section 4",
		},
		Positions: map[string]string{},
	}
}

// RFPQuebecInput is journey 2's traditional RFP for the Ville de
// Saint-Laurent-des-Rives, Québec, in French only. The vendor party is
// filled per shortlisted vendor.
func RFPQuebecInput() templates.Input {
	return templates.Input{
		Template: templates.Ref{Key: "TPL-RFP", Version: 1}, Province: "QC", Languages: []clauses.Lang{clauses.FR},
		ProcurementRef: "AO-2026-031",
		Parties: []templates.Party{
			{Role: "city", Name: "Ville de Saint-Laurent-des-Rives", Address: "1, place de l’Hôtel-de-Ville, Saint-Laurent-des-Rives (Québec)",
				Signatories: []templates.Signatory{{Name: "Luc Gagnon", Title: "Directeur de l’approvisionnement", AuthorityRef: "Résolution CM-2026-044"}}},
			{Role: "vendor", Name: "Lumière Analytique inc.", Address: "300, rue Saint-Paul, Québec (Québec)",
				Signatories: []templates.Signatory{{Name: "Élodie Brassard", Title: "Présidente"}}},
		},
		Variables: map[string]any{
			"contract_value_cad":     "480000",
			"venue":                  "Saint-Laurent-des-Rives",
			"start_date":             "2026-06-01",
			"code_of_conduct_ref":    "le Code d’éthique des fournisseurs de la Ville (2025)",
			"city_notice_address":    "Greffe de la Ville, 1, place de l’Hôtel-de-Ville, Saint-Laurent-des-Rives (Québec)",
			"vendor_notice_address":  "Présidence, 300, rue Saint-Paul, Québec (Québec)",
			"authority_ref":          "la résolution CM-2026-044 du conseil municipal",
			"change_authority":       "le Règlement de délégation de pouvoirs no 2024-12, article 6",
			"escrow_agent":           "un agent de dépôt indépendant choisi par la Ville",
			"privacy_contact_vendor": "la responsable de la protection des renseignements personnels du Prestataire",
			"lobbying_regime":        "la Loi sur la transparence et l’éthique en matière de lobbyisme et le registre québécois des lobbyistes",
		},
		Positions: map[string]string{},
	}
}

// RFPOntarioInput is a traditional RFP services agreement for the City of
// Port-Royal, Ontario, in English.
func RFPOntarioInput() templates.Input {
	in := PilotInput()
	in.Template = templates.Ref{Key: "TPL-RFP", Version: 1}
	in.ProcurementRef = "RFP-2026-117"
	in.Variables = map[string]any{
		"contract_value_cad":     "750000",
		"venue":                  "Port-Royal",
		"start_date":             "2026-07-01",
		"code_of_conduct_ref":    "the City of Port-Royal Supplier Code of Conduct (2025)",
		"city_notice_address":    in.Variables["city_notice_address"],
		"vendor_notice_address":  in.Variables["vendor_notice_address"],
		"authority_ref":          in.Variables["authority_ref"],
		"change_authority":       "By-law 2024-117, section 6 (signing limits)",
		"escrow_agent":           "an independent escrow agent chosen by the City",
		"privacy_contact_vendor": "the Vendor's privacy officer",
		"lobbying_regime":        "the City of Port-Royal Lobbyist Registry By-law",
	}
	return in
}

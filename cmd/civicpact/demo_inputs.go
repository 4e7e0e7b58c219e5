package main

import (
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/templates"
)

// The assembly inputs of the demo contracts: what a city's legal staff
// type into the assembly form. start is the first day of service.

func portRoyal() templates.Party {
	return templates.Party{Role: templates.RoleCity, Name: "City of Port-Royal", Address: "100 Harbour Street, Port-Royal, Ontario",
		Signatories: []templates.Signatory{
			{Name: "Helen Achterberg", Title: "General Manager, Transportation and Mobility", AuthorityRef: "Delegation of Authority By-law 2024-117, s. 4"},
			{Name: "Thomas Ng", Title: "City Clerk", AuthorityRef: "Delegation of Authority By-law 2024-117, s. 4"},
		}}
}

func portRoyalNotices() map[string]any {
	return map[string]any{
		"venue":               "Port-Royal",
		"city_notice_address": "City Solicitor, City of Port-Royal, 100 Harbour Street, Port-Royal, Ontario; legal.notices@portroyal.example",
		"authority_ref":       "Delegation of Authority By-law 2024-117, section 4",
		"code_of_conduct_ref": "City of Port-Royal Supplier Code of Conduct (2025)",
	}
}

// pilotInput is journey 1: a six-month living-lab pilot of curbside
// occupancy sensors at three sites, no personal information, Curbside Labs
// keeping its foreground IP with a perpetual municipal licence (SCL-IP-01
// position C) and co-owning de-identified data (SCL-DATA-01 position C).
func pilotInput(start string) templates.Input {
	vars := portRoyalNotices()
	for k, v := range map[string]any{
		"contract_value_cad":      "25000",
		"pilot_fee_cad":           "25000",
		"pilot_fee":               "25000",
		"processes_personal_info": false,
		"pilot_duration":          "6 months",
		"start_date":              start,
		"pilot_purpose":           "to test whether curbside occupancy sensors, with a public real-time availability feed, reduce the time drivers spend looking for parking and the double-parking of delivery vehicles",
		"sites":                   "three curbside sites: Harbour Street between Front and Water Streets, the Market Square loading zone, and Station Road east of the GO station",
		"data_feeds":              "the City's on-street parking inventory and hourly pay-station transaction counts, aggregated by block face",
		"success_criteria":        "sensor occupancy accuracy of at least 95% against weekly manual counts at each site; a 15% reduction in average search time, measured by floating-car surveys before and during the Pilot; and sensor availability of at least 98% over the Pilot",
		"permitted_purposes":      "to calibrate and improve its occupancy-detection models, and to publish aggregate curbside-occupancy indicators that identify neither a vehicle nor a person",
		"vendor_notice_address":   "Chief Executive Officer, Curbside Labs Inc., 44 King Street West, Suite 210, Port-Royal, Ontario; legal@curbsidelabs.example",
	} {
		vars[k] = v
	}
	return templates.Input{
		Template: templates.Ref{Key: "TPL-PILOT", Version: 1}, Province: "ON", Languages: []clauses.Lang{clauses.EN},
		ProcurementRef: "PR-2026-014",
		Parties: []templates.Party{portRoyal(), {Role: templates.RoleVendor, Name: "Curbside Labs Inc.", Address: "44 King Street West, Suite 210, Port-Royal, Ontario",
			Signatories: []templates.Signatory{{Name: "Jordan Okafor", Title: "Founder and Chief Executive Officer"}}}},
		Variables: vars,
		Positions: map[string]string{"SCL-DATA-01": "C"},
	}
}

// roundInput is journey 2: Saint-Laurent-des-Rives's call for tenders
// AO-2026-031, in French only, for a platform counting pedestrians and
// cyclists. Both shortlisted vendors get a contract from these same
// inputs; only the vendor party differs (see roundVendors).
func roundInput(start string) templates.Input {
	return templates.Input{
		Template: templates.Ref{Key: "TPL-RFP", Version: 1}, Province: "QC", Languages: []clauses.Lang{clauses.FR},
		ProcurementRef: "AO-2026-031",
		Parties: []templates.Party{{Role: templates.RoleCity, Name: "Ville de Saint-Laurent-des-Rives", Address: "1200, rue Principale, Saint-Laurent-des-Rives (Québec)",
			Signatories: []templates.Signatory{
				{Name: "Isabelle Martel", Title: "Mairesse", AuthorityRef: "Résolution no CM-2026-047 du conseil municipal"},
				{Name: "Geneviève Bouchard", Title: "Greffière", AuthorityRef: "Résolution no CM-2026-047 du conseil municipal"},
			}}},
		Variables: map[string]any{
			"contract_value_cad":     "480000",
			"start_date":             start,
			"change_authority":       "Règlement no 2023-05 sur la gestion contractuelle, article 9",
			"code_of_conduct_ref":    "Règlement no 2023-05 sur la gestion contractuelle de la Ville de Saint-Laurent-des-Rives",
			"escrow_agent":           "Fiducie Logiciel Laurentides inc.",
			"privacy_contact_vendor": "la personne responsable de la protection des renseignements personnels désignée dans la soumission du Prestataire",
			"lobbying_regime":        "la Loi sur la transparence et l’éthique en matière de lobbyisme et le registre des lobbyistes du Québec",
			"venue":                  "district judiciaire de Terrebonne",
			"city_notice_address":    "Greffière, Ville de Saint-Laurent-des-Rives, 1200, rue Principale, Saint-Laurent-des-Rives (Québec); greffe@saint-laurent-des-rives.example",
			"vendor_notice_address":  "la personne-ressource et l’adresse indiquées dans la soumission du Prestataire",
			"authority_ref":          "Résolution no CM-2026-047 du conseil municipal",
		},
		Positions: map[string]string{},
	}
}

// roundVendors are the two shortlisted bidders of AO-2026-031, by org key.
func roundVendors() map[string]templates.Party {
	return map[string]templates.Party{
		"northwind": {Role: templates.RoleVendor, Name: "Northwind Civic Systems Inc.", Address: "250, rue Albert, bureau 400, Ottawa (Ontario)",
			Signatories: []templates.Signatory{{Name: "Catherine Lavoie", Title: "Directrice des contrats"}}},
		"lumiere": {Role: templates.RoleVendor, Name: "Lumière Analytique inc.", Address: "4200, boulevard Saint-Laurent, bureau 710, Montréal (Québec)",
			Signatories: []templates.Signatory{{Name: "Étienne Pelletier", Title: "Président"}}},
	}
}

// signalsInput is a draft Port-Royal has not yet opened: a traditional RFP
// agreement with Northwind for adaptive traffic-signal control. It pins
// version 1 of the data-residency clause.
func signalsInput(start string) templates.Input {
	vars := portRoyalNotices()
	for k, v := range map[string]any{
		"contract_value_cad":     "1450000",
		"start_date":             start,
		"change_authority":       "Purchasing By-law 2021-042, section 18",
		"escrow_agent":           "Harbourside Software Escrow Ltd.",
		"privacy_contact_vendor": "Privacy Officer, Northwind Civic Systems Inc., privacy@northwindcivic.example",
		"lobbying_regime":        "the City of Port-Royal Lobbyist Registry By-law 2019-088",
		"vendor_notice_address":  "Director of Contracts, Northwind Civic Systems Inc., 250 Albert Street, Suite 400, Ottawa, Ontario; contracts@northwindcivic.example",
	} {
		vars[k] = v
	}
	return templates.Input{
		Template: templates.Ref{Key: "TPL-RFP", Version: 1}, Province: "ON", Languages: []clauses.Lang{clauses.EN},
		ProcurementRef: "PR-2026-022",
		Parties: []templates.Party{portRoyal(), {Role: templates.RoleVendor, Name: "Northwind Civic Systems Inc.", Address: "250 Albert Street, Suite 400, Ottawa, Ontario",
			Signatories: []templates.Signatory{{Name: "Catherine Lavoie", Title: "Director of Contracts"}}}},
		Variables: vars,
		Positions: map[string]string{},
	}
}

// countsInput is the contract the demo finalises: a direct award to
// Lumière Analytique extending its pedestrian-count analytics to twelve
// more intersections.
func countsInput(start string) templates.Input {
	vars := portRoyalNotices()
	for k, v := range map[string]any{
		"contract_value_cad":        "74000",
		"start_date":                start,
		"sole_source_justification": "Lumière Analytique's pedestrian-count models are already calibrated on the City's fourteen intersection cameras under contract PR-2024-088; a new supplier would need a twelve-month calibration before producing comparable counts. The value is below the trade-agreement thresholds and Purchasing By-law 2021-042, s. 12(b), permits a direct award.",
		"trade_exception":           "below_threshold",
		"change_authority":          "Purchasing By-law 2021-042, section 18",
		"escrow_agent":              "Harbourside Software Escrow Ltd.",
		"privacy_contact_vendor":    "Étienne Pelletier, President, Lumière Analytique inc., vie.privee@lumiere-analytique.example",
		"lobbying_regime":           "the City of Port-Royal Lobbyist Registry By-law 2019-088",
		"vendor_notice_address":     "President, Lumière Analytique inc., 4200 Saint-Laurent Boulevard, Suite 710, Montréal, Quebec; contrats@lumiere-analytique.example",
	} {
		vars[k] = v
	}
	return templates.Input{
		Template: templates.Ref{Key: "TPL-SOLE", Version: 1}, Province: "ON", Languages: []clauses.Lang{clauses.EN},
		ProcurementRef: "PR-2026-009",
		Parties: []templates.Party{portRoyal(), {Role: templates.RoleVendor, Name: "Lumière Analytique inc.", Address: "4200 Saint-Laurent Boulevard, Suite 710, Montréal, Quebec",
			Signatories: []templates.Signatory{{Name: "Étienne Pelletier", Title: "President"}}}},
		Variables: vars,
		Positions: map[string]string{},
	}
}

package templates

import "github.com/civicpact/civicpact/clauses"

// The jurisdiction packs. Statute citations follow each province's own
// style; for provinces whose statutes exist only in English the French text
// keeps the English title and explains it in parentheses, as Quebec
// practice does. Verified follows DOMAIN.md §5: true where it cites the
// source [V], false where it marks the fact [R] or does not cite it.

// packs returns a fresh copy of every pack, keyed by code, so that no caller
// can change another's data.
func packs() map[string]Pack {
	return map[string]Pack{
		"ON": ontario(),
		"QC": quebec(),
		"BC": britishColumbia(),
		"AB": alberta(),
		"CA": federalDefault(),
	}
}

func verified(en, fr string) PackValue {
	return PackValue{Text: clauses.Text{EN: en, FR: fr}, Verified: true}
}

func unverified(en, fr, note string) PackValue {
	return PackValue{Text: clauses.Text{EN: en, FR: fr}, Note: note}
}

func ontario() Pack {
	mfippa := unverified(
		"Municipal Freedom of Information and Protection of Privacy Act, R.S.O. 1990, c. M.56",
		"Loi sur l’accès à l’information municipale et la protection de la vie privée, L.R.O. 1990, chap. M.56",
		"DOMAIN.md §5.1 marks MFIPPA's application [R]; check the citation.")
	return Pack{
		Province: "ON", Name: clauses.Text{EN: "Ontario", FR: "Ontario"}, LegalSystem: CommonLaw,
		Values: map[string]PackValue{
			"province_name":   verified("Ontario", "Ontario"),
			"privacy_statute": mfippa,
			"access_statute":  mfippa,
			"privacy_regulator": unverified("the Information and Privacy Commissioner of Ontario",
				"le Commissaire à l’information et à la protection de la vie privée de l’Ontario",
				"Not cited in DOMAIN.md."),
			"arbitration_act": unverified("Arbitration Act, 1991, S.O. 1991, c. 17",
				"Loi de 1991 sur l’arbitrage, L.O. 1991, chap. 17", "DOMAIN.md §3.13 marks it [R]."),
			"accessibility_law": verified(
				"Accessibility for Ontarians with Disabilities Act, 2005, S.O. 2005, c. 11, and the Integrated Accessibility Standards, O. Reg. 191/11",
				"Loi de 2005 sur l’accessibilité pour les personnes handicapées de l’Ontario, L.O. 2005, chap. 11, et les Normes d’accessibilité intégrées, Règl. de l’Ont. 191/11"),
			"ecommerce_statute": unverified("Electronic Commerce Act, 2000, S.O. 2000, c. 17",
				"Loi de 2000 sur le commerce électronique, L.O. 2000, chap. 17", "DOMAIN.md §3.19 marks it [R]."),
			"courts": unverified("the Ontario Superior Court of Justice",
				"la Cour supérieure de justice de l’Ontario", "Not cited in DOMAIN.md."),
		},
	}
}

func quebec() Pack {
	access := verified(
		"Act respecting access to documents held by public bodies and the protection of personal information, CQLR, c. A-2.1",
		"Loi sur l’accès aux documents des organismes publics et sur la protection des renseignements personnels, RLRQ, c. A-2.1")
	return Pack{
		Province: "QC", Name: clauses.Text{EN: "Québec", FR: "Québec"}, LegalSystem: CivilLaw,
		RequiredLangs: []clauses.Lang{clauses.FR}, Prevailing: clauses.FR,
		Note: "Charter of the French Language: contracts of the civil administration, which includes municipalities, are drawn up in French; the French version prevails (DOMAIN.md §5.3 [V]).",
		Values: map[string]PackValue{
			"province_name":   verified("Québec", "Québec"),
			"privacy_statute": access,
			"access_statute":  access,
			"privacy_regulator": verified("the Commission d’accès à l’information du Québec",
				"la Commission d’accès à l’information du Québec"),
			"arbitration_act": unverified("Code of Civil Procedure, CQLR, c. C-25.01, Book VII",
				"Code de procédure civile, RLRQ, c. C-25.01, livre VII", "DOMAIN.md §3.13 marks it [R]."),
			"accessibility_law": unverified(
				"Act to secure handicapped persons in the exercise of their rights with a view to achieving social, school and workplace integration, CQLR, c. E-20.1",
				"Loi assurant l’exercice des droits des personnes handicapées en vue de leur intégration scolaire, professionnelle et sociale, RLRQ, c. E-20.1",
				"Not cited in DOMAIN.md."),
			"ecommerce_statute": unverified("Act to establish a legal framework for information technology, CQLR, c. C-1.1",
				"Loi concernant le cadre juridique des technologies de l’information, RLRQ, c. C-1.1", "DOMAIN.md §3.19 marks it [R]."),
			"courts": unverified("the competent courts of Québec", "les tribunaux compétents du Québec",
				"Not cited in DOMAIN.md; name the judicial district in the venue variable."),
		},
	}
}

func britishColumbia() Pack {
	fippa := verified("Freedom of Information and Protection of Privacy Act, RSBC 1996, c. 165",
		"Freedom of Information and Protection of Privacy Act, RSBC 1996, c. 165 (loi de la Colombie-Britannique sur l’accès à l’information et la protection de la vie privée)")
	return Pack{
		Province: "BC", Name: clauses.Text{EN: "British Columbia", FR: "Colombie-Britannique"}, LegalSystem: CommonLaw,
		Values: map[string]PackValue{
			"province_name":   verified("British Columbia", "Colombie-Britannique"),
			"privacy_statute": fippa,
			"access_statute":  fippa,
			"privacy_regulator": unverified("the Information and Privacy Commissioner for British Columbia",
				"le commissaire à l’information et à la protection de la vie privée de la Colombie-Britannique",
				"Not cited in DOMAIN.md."),
			"arbitration_act": unverified("Arbitration Act, SBC 2020, c. 2",
				"Arbitration Act, SBC 2020, c. 2 (loi de la Colombie-Britannique sur l’arbitrage)", "DOMAIN.md §3.13 marks it [R]."),
			"accessibility_law": unverified("Accessible British Columbia Act, SBC 2021, c. 19",
				"Accessible British Columbia Act, SBC 2021, c. 19 (loi de la Colombie-Britannique sur l’accessibilité)",
				"DOMAIN.md §5.2 marks it [R]."),
			"ecommerce_statute": unverified("Electronic Transactions Act, SBC 2001, c. 10",
				"Electronic Transactions Act, SBC 2001, c. 10 (loi de la Colombie-Britannique sur les opérations électroniques)",
				"DOMAIN.md §3.19 marks it [R]."),
			"courts": unverified("the Supreme Court of British Columbia", "la Cour suprême de la Colombie-Britannique",
				"Not cited in DOMAIN.md."),
		},
	}
}

func alberta() Pack {
	reform := "DOMAIN.md §5.1 says only that Alberta's public-sector privacy law is being reformed [R]; these Acts are recalled as replacing the FOIP Act (RSA 2000, c. F-25) in 2025. Verify before use."
	return Pack{
		Province: "AB", Name: clauses.Text{EN: "Alberta", FR: "Alberta"}, LegalSystem: CommonLaw,
		Values: map[string]PackValue{
			"province_name": verified("Alberta", "Alberta"),
			"privacy_statute": unverified("Protection of Privacy Act, SA 2024, c. P-28.5",
				"Protection of Privacy Act, SA 2024, c. P-28.5 (loi de l’Alberta sur la protection de la vie privée)", reform),
			"access_statute": unverified("Access to Information Act, SA 2024, c. A-1.4",
				"Access to Information Act, SA 2024, c. A-1.4 (loi de l’Alberta sur l’accès à l’information)", reform),
			"privacy_regulator": unverified("the Information and Privacy Commissioner of Alberta",
				"le commissaire à l’information et à la protection de la vie privée de l’Alberta", "Not cited in DOMAIN.md."),
			"arbitration_act": unverified("Arbitration Act, RSA 2000, c. A-43",
				"Arbitration Act, RSA 2000, c. A-43 (loi de l’Alberta sur l’arbitrage)", "Not cited in DOMAIN.md."),
			"accessibility_law": unverified("Alberta Human Rights Act, RSA 2000, c. A-25.5",
				"Alberta Human Rights Act, RSA 2000, c. A-25.5 (loi de l’Alberta sur les droits de la personne)",
				"Alberta has no general accessibility statute; the duty to accommodate applies. Not cited in DOMAIN.md."),
			"ecommerce_statute": unverified("Electronic Transactions Act, SA 2001, c. E-5.5",
				"Electronic Transactions Act, SA 2001, c. E-5.5 (loi de l’Alberta sur les opérations électroniques)",
				"DOMAIN.md §3.19 marks it [R]."),
			"courts": unverified("the Court of King’s Bench of Alberta", "la Cour du Banc du Roi de l’Alberta",
				"Not cited in DOMAIN.md."),
		},
	}
}

// federalDefault names no statute: it describes the applicable law
// generically, for provinces and territories without their own pack.
func federalDefault() Pack {
	return Pack{
		Province: "CA", Name: clauses.Text{EN: "Canada (other provinces and territories)", FR: "Canada (autres provinces et territoires)"},
		LegalSystem: CommonLaw,
		Note:        "Generic wording for provinces and territories without a pack; name the statutes in a pack before relying on it.",
		Values: map[string]PackValue{
			"province_name": verified("the province or territory in which the City is located",
				"la province ou le territoire où est située la Ville"),
			"privacy_statute": verified("the legislation on the protection of personal information that applies to the City",
				"la loi sur la protection des renseignements personnels applicable à la Ville"),
			"access_statute": verified("the legislation on access to information that applies to the City",
				"la loi sur l’accès à l’information applicable à la Ville"),
			"privacy_regulator": verified("the information and privacy commissioner or ombudsperson having jurisdiction over the City",
				"le commissaire à l’information et à la protection de la vie privée ou l’ombudsman compétent à l’égard de la Ville"),
			"arbitration_act": verified("the arbitration legislation of the province or territory in which the City is located",
				"la loi sur l’arbitrage de la province ou du territoire où est située la Ville"),
			"accessibility_law": verified("the accessibility legislation that applies to the City, and the Accessible Canada Act, S.C. 2019, c. 10, as a benchmark",
				"la loi sur l’accessibilité applicable à la Ville et, à titre de référence, la Loi canadienne sur l’accessibilité, L.C. 2019, ch. 10"),
			"ecommerce_statute": verified("the electronic commerce legislation of the province or territory in which the City is located",
				"la loi sur le commerce électronique de la province ou du territoire où est située la Ville"),
			"courts": verified("the courts of the province or territory in which the City is located",
				"les tribunaux de la province ou du territoire où est située la Ville"),
		},
	}
}

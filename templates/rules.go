package templates

import (
	"slices"

	"github.com/civicpact/civicpact/clauses"
)

// Effect is what a position rule does to a contract that chooses the
// position.
type Effect string

// The effects, from hardest to softest.
const (
	// EffectBlock refuses the contract: the position is unlawful or void in
	// the province.
	EffectBlock Effect = "block"
	// EffectSignOff lets the contract through with a warning that an
	// approver (legal) must sign off before it is offered to a vendor.
	EffectSignOff Effect = "sign_off"
	// EffectWarn lets the contract through with a warning to read.
	EffectWarn Effect = "warn"
)

// PositionRule forbids or flags clause positions, everywhere or in some
// provinces. Rules are data so that counsel can review them as a table.
type PositionRule struct {
	ClauseKey string
	Positions []string
	Provinces []string // empty: every province
	Effect    Effect
	Reason    clauses.Text
	Authority string // the statute or case a reviewer will look for
}

// applies reports whether the rule covers position pos of key in province.
func (r PositionRule) applies(key, pos, province string) bool {
	return r.ClauseKey == key && slices.Contains(r.Positions, pos) &&
		(len(r.Provinces) == 0 || slices.Contains(r.Provinces, province))
}

// PositionRules returns the rules, in review order.
//
// SCL-LOL-01 in Quebec: CCQ art. 1474 forbids excluding or limiting
// liability for material injury caused by intentional or gross fault, and
// any exclusion or limitation for bodily or moral injury. Positions A to C
// of the starter clause carve those heads out of any cap; D caps everything,
// indemnities included, so it is blocked. B and C are still capped, and a
// cap that empties the essential obligation is unenforceable (Prelco), so
// they carry a warning.
func PositionRules() []PositionRule {
	return []PositionRule{
		{
			ClauseKey: "SCL-LOL-01", Positions: []string{"D"}, Provinces: []string{"QC"}, Effect: EffectBlock,
			Authority: "Civil Code of Québec, art. 1474",
			Reason: clauses.Text{
				EN: "In Québec, liability cannot be limited for material injury caused by intentional or gross fault, nor excluded or limited for bodily or moral injury (Civil Code of Québec, art. 1474); position D caps every claim without those carve-outs.",
				FR: "Au Québec, on ne peut limiter la responsabilité pour le préjudice matériel causé par une faute intentionnelle ou lourde, ni exclure ou limiter la responsabilité pour le préjudice corporel ou moral (Code civil du Québec, art. 1474); la position D plafonne toute réclamation sans ces exceptions.",
			},
		},
		{
			ClauseKey: "SCL-LOL-01", Positions: []string{"B", "C"}, Provinces: []string{"QC"}, Effect: EffectWarn,
			Authority: "Prelco Inc. v. 9130-9130 Québec Inc., 2021 SCC 39",
			Reason: clauses.Text{
				EN: "In Québec, a cap that would empty the vendor's essential obligation of its substance is unenforceable (Prelco, 2021 SCC 39): check that the cap amount is meaningful against the contract value.",
				FR: "Au Québec, un plafond qui viderait de sa substance l’obligation essentielle du Prestataire est inopposable (Prelco, 2021 CSC 39) : vérifiez que le montant du plafond est significatif par rapport à la valeur du contrat.",
			},
		},
		{
			ClauseKey: "SCL-LANG-01", Positions: []string{"C", "D"}, Provinces: []string{"QC"}, Effect: EffectBlock,
			Authority: "Charter of the French Language, CQLR c. C-11, ss. 21 and 21.6",
			Reason: clauses.Text{
				EN: "In Québec, a municipality's contracts must be drawn up in French, on pain of absolute nullity (Charter of the French Language, ss. 21 and 21.6); an English contract position is not available.",
				FR: "Au Québec, les contrats d’une municipalité sont rédigés en français, sous peine de nullité absolue (Charte de la langue française, art. 21 et 21.6); une position prévoyant un contrat en anglais n’est pas offerte.",
			},
		},
		{
			ClauseKey: "SCL-PILOT-05", Positions: []string{"D"}, Effect: EffectSignOff,
			Authority: "CFTA and CETA procurement chapters; the municipal procurement by-law",
			Reason: clauses.Text{
				EN: "Position D commits the City to buy at scale without a competition; this is usually incompatible with the trade agreements and the procurement by-law and needs legal sign-off.",
				FR: "La position D engage la Ville à acquérir à grande échelle sans mise en concurrence; elle est généralement incompatible avec les accords de libéralisation des marchés publics et le règlement sur la gestion contractuelle et exige l’approbation du service juridique.",
			},
		},
		{
			ClauseKey: "SCL-DISP-01", Positions: []string{"D"}, Effect: EffectSignOff,
			Authority: "DOMAIN.md §3.13",
			Reason: clauses.Text{
				EN: "Position D sends disputes to the vendor's home jurisdiction or to foreign arbitration, which is unsuitable for a municipality; it needs legal sign-off.",
				FR: "La position D soumet les différends au ressort du Prestataire ou à un arbitrage à l’étranger, ce qui ne convient pas à une municipalité; elle exige l’approbation du service juridique.",
			},
		},
		{
			ClauseKey: "SCL-CONF-01", Positions: []string{"D"}, Effect: EffectSignOff,
			Authority: "Provincial access-to-information legislation",
			Reason: clauses.Text{
				EN: "Position D promises blanket confidentiality, which the City cannot give under access-to-information law; it needs legal sign-off.",
				FR: "La position D promet une confidentialité générale que la Ville ne peut accorder en vertu de la loi sur l’accès à l’information; elle exige l’approbation du service juridique.",
			},
		},
	}
}

// rulesFor returns the rules that apply to a position in a province.
func rulesFor(key, pos, province string) []PositionRule {
	var out []PositionRule
	for _, r := range PositionRules() {
		if r.applies(key, pos, province) {
			out = append(out, r)
		}
	}
	return out
}

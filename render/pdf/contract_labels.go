package pdf

import (
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// routeName is a procurement route as a contract names it.
func routeName(k clauses.Route, lang clauses.Lang) string {
	switch k {
	case clauses.RouteRFP:
		return clauses.Text{EN: "Request for Proposals", FR: "Demande de propositions"}.In(lang)
	case clauses.RouteChallenge:
		return clauses.Text{EN: "Challenge-based procurement", FR: "Approvisionnement par défi"}.In(lang)
	case clauses.RoutePilot:
		return clauses.Text{EN: "Pilot project (living lab)", FR: "Projet pilote (laboratoire vivant)"}.In(lang)
	case clauses.RouteGrant:
		return clauses.Text{EN: "Grant-funded project", FR: "Projet financé par une subvention"}.In(lang)
	case clauses.RouteSoleSource:
		return clauses.Text{EN: "Sole source (non-competitive)", FR: "Fournisseur unique (non concurrentiel)"}.In(lang)
	}
	return string(k)
}

// roleTerm is the defined term the templates' recitals give a party.
func roleTerm(k string, lang clauses.Lang) string {
	switch k {
	case templates.RoleCity:
		return clauses.Text{EN: "City", FR: "Ville"}.In(lang)
	case templates.RoleVendor:
		return clauses.Text{EN: "Vendor", FR: "Prestataire"}.In(lang)
	}
	return string(k)
}

// statusName is a clause status as a redline's summary table shows it.
func statusName(k negotiation.ClauseStatus, lang clauses.Lang) string {
	switch k {
	case negotiation.StatusOpen:
		return clauses.Text{EN: "Standing", FR: "Inchangée"}.In(lang)
	case negotiation.StatusProposed:
		return clauses.Text{EN: "Proposed", FR: "Proposée"}.In(lang)
	case negotiation.StatusCountered:
		return clauses.Text{EN: "Countered", FR: "Contre-proposée"}.In(lang)
	case negotiation.StatusAgreed:
		return clauses.Text{EN: "Agreed", FR: "Convenue"}.In(lang)
	case negotiation.StatusConflict:
		return clauses.Text{EN: "Conflict", FR: "En conflit"}.In(lang)
	case negotiation.StatusDeleted:
		return clauses.Text{EN: "Deleted", FR: "Supprimée"}.In(lang)
	}
	return string(k)
}

// verdictName is a playbook level as the city reads it.
func verdictName(k negotiation.Level, lang clauses.Lang) string {
	switch k {
	case negotiation.LevelNonSubstantive:
		return clauses.Text{EN: "Non-substantive", FR: "Non substantielle"}.In(lang)
	case negotiation.LevelPreferred:
		return clauses.Text{EN: "Preferred", FR: "Privilégiée"}.In(lang)
	case negotiation.LevelFallback:
		return clauses.Text{EN: "Fallback", FR: "Position de repli"}.In(lang)
	case negotiation.LevelCustom:
		return clauses.Text{EN: "Custom: legal review", FR: "Hors bibliothèque : examen juridique"}.In(lang)
	case negotiation.LevelWalkAway:
		return clauses.Text{EN: "Walk-away: sign-off", FR: "Seuil de rupture : approbation"}.In(lang)
	}
	return string(k)
}

// domainLabels holds the sentences the mapping from the domain writes.
type domainLabels struct {
	scheduleIntro, libraryRef, revision, atAssembly, deleted, movedFrom string
	position, wording, values, added, removed, deletedClause, inPlaceOf string
	bindsCorporation                                                    string
}

func domainLabelsFor(lang clauses.Lang) domainLabels {
	if lang == clauses.FR {
		return domainLabels{
			scheduleIntro: "La présente annexe est jointe à l’entente et en fait partie intégrante.",
			libraryRef:    "%d versions de clauses approuvées, citées en marge de chaque clause",
			revision:      "Révision %d", atAssembly: "Choisie à l’assemblage du contrat",
			deleted: "supprimée", movedFrom: "Déplacée depuis l’article %s.",
			position: "Position %s au lieu de la position normalisée %s",
			wording:  "Libellé modifié", values: "Valeurs modifiées",
			added: "ajout de", removed: "retrait de", deletedClause: "Clause supprimée", inPlaceOf: "au lieu de",
			bindsCorporation: "J’ai le pouvoir de lier la société.",
		}
	}
	return domainLabels{
		scheduleIntro: "This Schedule is attached to and forms part of the Agreement.",
		libraryRef:    "%d approved clause versions, each cited beside its clause",
		revision:      "Revision %d", atAssembly: "Chosen when the contract was assembled",
		deleted: "deleted", movedFrom: "Moved from section %s.",
		position: "Position %s instead of the standard position %s",
		wording:  "Wording amended", values: "Values changed",
		added: "added", removed: "removed", deletedClause: "Clause deleted", inPlaceOf: "in place of",
		bindsCorporation: "I have authority to bind the corporation.",
	}
}

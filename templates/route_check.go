package templates

import (
	"fmt"
	"time"

	"github.com/civicpact/civicpact/clauses"
)

// CheckRoute compares a contract's estimated total value (options and
// renewals included, in cents) with the procurement thresholds in force in
// province on onDate (YYYY-MM-DD), and warns when the route does not fit:
//
//   - a sole-source award at or above the CFTA threshold must record the
//     limited-tendering exception relied on (sign-off);
//   - a pilot at or above it must itself be competitively procured, and a
//     committed scale-up at or above it must have been disclosed in an open
//     solicitation (sign-off);
//   - in Québec, a sole-source or pilot contract at or above the ministerial
//     threshold needs a public call for tenders (Cities and Towns Act
//     s. 573), between $25,000 and that threshold a written invitation to at
//     least two suppliers unless the contract-management by-law allows a
//     direct award (s. 573.1), and at or above the CETA threshold the call
//     must be open to Canadian and EU suppliers.
//
// A figure the table marks unverified, or taken from a period that does not
// cover onDate, adds a warning saying so. CheckRoute never fails: a bad
// date is itself a warning.
func CheckRoute(route clauses.Route, province string, valueCents int64, onDate string, scaleUpCommitted bool) []Warning {
	if _, err := time.Parse(time.DateOnly, onDate); err != nil {
		return []Warning{{Code: "invalid_date", Path: "date", Message: clauses.Text{
			EN: fmt.Sprintf("%q is not a date (YYYY-MM-DD); the procurement route was not checked.", onDate),
			FR: fmt.Sprintf("« %s » n’est pas une date (AAAA-MM-JJ); le mode de sollicitation n’a pas été vérifié.", onDate),
		}}}
	}
	c := &routeCheck{route: route, province: province, value: valueCents, date: onDate, noted: map[string]bool{}}
	c.checkCFTA(scaleUpCommitted)
	if province == "QC" {
		c.checkQuebec()
	}
	return c.out
}

type routeCheck struct {
	route    clauses.Route
	province string
	value    int64
	date     string
	noted    map[string]bool // rules whose figure was already qualified
	out      []Warning
}

// over returns the row of rule and whether the value reaches it.
func (c *routeCheck) over(rule string) (limit, bool) {
	t, exact, found := thresholdFor(rule, c.province, c.date)
	return limit{t, exact}, found && c.value >= t.Cents
}

// limit is the threshold row a warning relies on, and whether its period
// covers the date checked.
type limit struct {
	Threshold
	exact bool
}

// warn adds a warning that relies on l, followed, once per rule, by the
// qualifications of l's figure.
func (c *routeCheck) warn(l limit, code string, signOff bool, en, fr string) {
	c.add(code, signOff, en, fr)
	if !c.noted[l.Rule] {
		c.noted[l.Rule] = true
		c.qualify(l.Rule, l.Threshold, l.exact)
	}
}

func (c *routeCheck) qualify(rule string, t Threshold, exact bool) {
	if !exact {
		c.add("threshold_out_of_period", false,
			fmt.Sprintf("No %s threshold is recorded for %s; the figure for %s (%s) was used. Check the current figure.", rule, c.date, t.period(clauses.EN), formatCAD(t.Cents, clauses.EN)),
			fmt.Sprintf("Aucun seuil %s n’est consigné pour le %s; le montant applicable %s (%s) a été utilisé. Vérifiez le montant en vigueur.", rule, c.date, t.period(clauses.FR), formatCAD(t.Cents, clauses.FR)))
	}
	if !t.Verified {
		c.add("threshold_unverified", false,
			fmt.Sprintf("The %s figure of %s is not verified against its source (%s).", rule, formatCAD(t.Cents, clauses.EN), t.Source),
			fmt.Sprintf("Le montant de %s pour %s n’a pas été vérifié auprès de sa source (%s).", formatCAD(t.Cents, clauses.FR), rule, t.Source))
	}
}

func (c *routeCheck) add(code string, signOff bool, en, fr string) {
	c.out = append(c.out, Warning{Code: code, Path: "variables.contract_value_cad", SignOff: signOff, Message: clauses.Text{EN: en, FR: fr}})
}

func (c *routeCheck) checkCFTA(scaleUp bool) {
	t, reached := c.over("CFTA")
	if !reached || (c.route != clauses.RouteSoleSource && c.route != clauses.RoutePilot && !scaleUp) {
		return
	}
	en, fr := formatCAD(t.Cents, clauses.EN), formatCAD(t.Cents, clauses.FR)
	switch c.route {
	case clauses.RouteSoleSource:
		c.warn(t, "sole_source_over_threshold", true,
			"A sole-source award at or above the CFTA threshold of "+en+" is lawful only under a limited-tendering exception: record it in sole_source_justification and trade_exception.",
			"Un contrat de gré à gré d’une valeur égale ou supérieure au seuil de l’ALEC de "+fr+" n’est permis qu’en vertu d’une exception d’appel d’offres limité : consignez-la dans sole_source_justification et trade_exception.")
	case clauses.RoutePilot:
		c.warn(t, "pilot_over_threshold", true,
			"A pilot worth "+en+" or more reaches the CFTA threshold: it must itself be competitively procured unless an exception applies.",
			"Un projet pilote d’une valeur de "+fr+" ou plus atteint le seuil de l’ALEC : il doit lui-même faire l’objet d’une mise en concurrence, sauf exception.")
	}
	if scaleUp {
		c.warn(t, "scale_up_over_threshold", true,
			"A committed scale-up at or above the CFTA threshold of "+en+" is lawful only if the open solicitation disclosed the option; otherwise it is a non-competitive award.",
			"Une mise à l’échelle promise d’une valeur égale ou supérieure au seuil de l’ALEC de "+fr+" n’est permise que si l’appel d’offres public annonçait l’option; sinon, il s’agit d’une attribution sans mise en concurrence.")
	}
}

func (c *routeCheck) checkQuebec() {
	direct := c.route == clauses.RouteSoleSource || c.route == clauses.RoutePilot
	public, overPublic := c.over("QC-LCV-573")
	invitation, overInvitation := c.over("QC-LCV-573.1")
	switch {
	case direct && overPublic:
		c.warn(public, "qc_public_tender_required", true,
			"In Québec a contract of "+formatCAD(public.Cents, clauses.EN)+" or more requires a public call for tenders (Cities and Towns Act s. 573) unless a statutory exception applies.",
			"Au Québec, un contrat de "+formatCAD(public.Cents, clauses.FR)+" ou plus exige une demande de soumissions publique (Loi sur les cités et villes, art. 573), sauf exception prévue par la loi.")
	case direct && overInvitation:
		c.warn(invitation, "qc_invitation_required", false,
			"In Québec a contract of $25,000 or more below the public-tender threshold requires a written invitation to at least two suppliers (Cities and Towns Act s. 573.1), unless the contract-management by-law allows a direct award.",
			"Au Québec, un contrat de 25\u00a0000\u00a0$ ou plus, mais inférieur au seuil de la demande de soumissions publique, exige une demande de soumissions par voie d’invitation écrite auprès d’au moins deux fournisseurs (Loi sur les cités et villes, art. 573.1), à moins que le règlement sur la gestion contractuelle ne permette le gré à gré.")
	}
	if ceta, over := c.over("CETA"); over && c.route != clauses.RouteGrant {
		c.warn(ceta, "qc_ceta_open_tender", direct,
			"At "+formatCAD(ceta.Cents, clauses.EN)+" or more the call for tenders must be open to Canadian and European Union suppliers (CETA).",
			"À partir de "+formatCAD(ceta.Cents, clauses.FR)+", l’appel d’offres doit être ouvert aux fournisseurs canadiens et de l’Union européenne (AECG).")
	}
}

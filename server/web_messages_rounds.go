package server

// roundMessages is the catalogue of the competitive round page and the
// links to it from the contract list and the workspace.
var roundMessages = map[string]message{
	"round.title": {"Vendors side by side", "Prestataires côte à côte"},
	"round.lede": {"Every shortlisted vendor’s contract for this procurement, clause by clause: where each vendor stands and the change it proposes. Only City staff see this page.",
		"Le contrat de chaque prestataire retenu pour cet appel, article par article : où en est chaque prestataire et la modification qu’il propose. Seul le personnel de la Ville voit cette page."},
	"round.ref":   {"Procurement reference:", "Référence de l’appel :"},
	"round.count": {"%d vendors", "%d prestataires"}, "round.count.one": {"%d vendor", "%d prestataire"},
	"round.caption":   {"Each vendor’s status and pending change, by clause", "État et modification en attente de chaque prestataire, par article"},
	"round.clause":    {"Clause", "Article"},
	"round.workspace": {"workspace", "espace de négociation"},
	"round.pending":   {"Pending change:", "Modification en attente :"},
	"round.agreed":    {"Agreed change:", "Modification convenue :"},
	"round.nochange":  {"no change", "aucune modification"},
	"round.absent":    {"not in this contract", "absent de ce contrat"},
	"round.compare":   {"Compare the vendors side by side", "Comparer les prestataires côte à côte"},
	"round.group":     {"Procurement %s", "Appel %s"},
}

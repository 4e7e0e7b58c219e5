package clauses

// VarType is the type of a clause variable. Values are carried as JSON and
// checked by (Variable).Check; money is int64 cents, never a float or a
// Decimal128.
type VarType string

// The variable types of library/FORMAT.md.
const (
	TypeString   VarType = "string"
	TypeText     VarType = "text"
	TypeInteger  VarType = "integer"
	TypeDecimal  VarType = "decimal"
	TypeMoney    VarType = "money"
	TypePercent  VarType = "percent"
	TypeDate     VarType = "date"
	TypeDuration VarType = "duration"
	TypeBoolean  VarType = "boolean"
	TypeEnum     VarType = "enum"
	TypeParty    VarType = "party"
)

// VarSource says who fills a variable.
type VarSource string

// Variable sources.
const (
	SourceUser         VarSource = "user"         // the parties, through the assembly form or a redline
	SourceJurisdiction VarSource = "jurisdiction" // the province's jurisdiction pack
	SourceContract     VarSource = "contract"     // the contract's parties (city_name, vendor_name)
)

// Range is an inclusive numeric range; a nil bound is open.
type Range struct {
	Min *float64 `json:"min,omitempty" yaml:"min,omitempty"`
	Max *float64 `json:"max,omitempty" yaml:"max,omitempty"`
}

// Contains reports whether x lies in the range.
func (r Range) Contains(x float64) bool {
	return (r.Min == nil || x >= *r.Min) && (r.Max == nil || x <= *r.Max)
}

// Variable is a typed blank in a clause's text.
type Variable struct {
	Name     string    `json:"name"`
	Type     VarType   `json:"type"`
	Label    Text      `json:"label"`
	Source   VarSource `json:"source,omitempty"` // empty means SourceUser
	Required bool      `json:"required,omitempty"`
	Default  any       `json:"default,omitempty"` // a JSON value of the type, as written in FORMAT.md
	Values   []string  `json:"values,omitempty"`  // allowed values of an enum
	Bounds   Range     `json:"bounds"`            // hard bounds: outside is invalid input
	// Preferred and Fallback are the playbook's ranges: inside Preferred the
	// city is content; inside Fallback legal may agree; outside Fallback is a
	// walk-away that needs an approver's sign-off.
	Preferred *Range `json:"preferred,omitempty"`
	Fallback  *Range `json:"fallback,omitempty"`
}

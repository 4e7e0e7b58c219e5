package identity

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// TokenPrefix starts every API token, so a leaked one is easy to recognise
// (and to scan for in repositories).
const TokenPrefix = "cvp_"

// Directory is the identity service over a record log.
type Directory struct {
	Log    records.Log
	Hasher Hasher
	Now    func() time.Time
	NewID  func(prefix string) string
}

// CreateOrg records a new organisation.
func (d *Directory) CreateOrg(ctx context.Context, o Org) (Org, error) {
	var fl apperr.FieldList
	if strings.TrimSpace(o.Name) == "" {
		fl.Add("name", "is required")
	}
	if o.Kind != OrgMunicipality && o.Kind != OrgVendor {
		fl.Add("kind", "must be %q or %q", OrgMunicipality, OrgVendor)
	}
	if err := fl.Err("invalid organisation"); err != nil {
		return Org{}, err
	}
	if o.ID == "" {
		o.ID = d.NewID("org")
	}
	o.Created = d.Now().UTC()
	_, err := records.Append(ctx, d.Log, records.Record{}, "org/"+o.ID, o.Created, o)
	return o, err
}

// Org returns the organisation with id.
func (d *Directory) Org(ctx context.Context, id string) (Org, error) {
	var o Org
	err := d.last(ctx, "org/"+id, "organisation", &o)
	return o, err
}

// Orgs lists every organisation by name.
func (d *Directory) Orgs(ctx context.Context) ([]Org, error) {
	var out []Org
	err := d.Log.Scan(ctx, records.Query{Prefix: "org/", Seq: 1}, func(r records.Record) error {
		var o Org
		if err := records.Decode(r, &o); err != nil {
			return err
		}
		out = append(out, o)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// CreateUser claims the username and records the user. An empty password
// leaves the user able to use tokens only.
func (d *Directory) CreateUser(ctx context.Context, u User, password string) (User, error) {
	u.Username = strings.ToLower(strings.TrimSpace(u.Username))
	var fl apperr.FieldList
	if err := checkUsername(u.Username); err != nil {
		fl.Add("username", "%s", err.(*apperr.Error).Message)
	}
	if strings.TrimSpace(u.Name) == "" {
		fl.Add("name", "is required")
	}
	if !u.Role.Valid() {
		fl.Add("role", "must be one of admin, library_editor, legal, approver, vendor, viewer")
	}
	if password != "" && len(password) < 10 {
		fl.Add("password", "must be at least 10 characters")
	}
	if err := fl.Err("invalid user"); err != nil {
		return User{}, err
	}
	org, err := d.Org(ctx, u.OrgID)
	if err != nil {
		return User{}, apperr.Fields("invalid user", []apperr.FieldError{{Path: "org_id", Message: "no such organisation"}})
	}
	if (u.Role == RoleVendor) != (org.Kind == OrgVendor) {
		return User{}, apperr.Fields("invalid user", []apperr.FieldError{{Path: "role", Message: "vendor organisations have vendor users only, and vendor users belong to vendor organisations"}})
	}
	if password != "" {
		if u.PasswordHash, err = d.Hasher.Hash(password); err != nil {
			return User{}, apperr.Wrap(apperr.Internal, err, "hash password")
		}
	}
	u.ID = d.NewID("usr")
	u.Created = d.Now().UTC()
	if _, err := records.Append(ctx, d.Log, records.Record{}, "username/"+u.Username, u.Created, map[string]string{"user_id": u.ID}); err != nil {
		if apperr.Is(err, apperr.Conflict) {
			return User{}, apperr.New(apperr.Conflict, "username %q is taken", u.Username)
		}
		return User{}, err
	}
	_, err = records.Append(ctx, d.Log, records.Record{}, "user/"+u.ID, u.Created, u)
	return u, err
}

// User returns the user with id.
func (d *Directory) User(ctx context.Context, id string) (User, error) {
	var u User
	err := d.last(ctx, "user/"+id, "user", &u)
	return u, err
}

// UserByName returns the user who claimed username.
func (d *Directory) UserByName(ctx context.Context, username string) (User, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	if checkUsername(username) != nil {
		return User{}, apperr.New(apperr.NotFound, "no such user")
	}
	var claim struct {
		UserID string `json:"user_id"`
	}
	if err := d.last(ctx, "username/"+username, "user", &claim); err != nil {
		return User{}, err
	}
	return d.User(ctx, claim.UserID)
}

// Users lists every user by username.
func (d *Directory) Users(ctx context.Context) ([]User, error) {
	latest := map[string]User{}
	err := d.Log.Scan(ctx, records.Query{Prefix: "user/"}, func(r records.Record) error {
		var u User
		if err := records.Decode(r, &u); err != nil {
			return err
		}
		latest[u.ID] = u
		return nil
	})
	out := make([]User, 0, len(latest))
	for _, u := range latest {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Username < out[j].Username })
	return out, err
}

// HasUsers reports whether any user exists (an empty store is bootstrapped).
func (d *Directory) HasUsers(ctx context.Context) (bool, error) {
	found := false
	err := d.Log.Scan(ctx, records.Query{Prefix: "user/", Seq: 1}, func(records.Record) error {
		found = true
		return errStop
	})
	if err == errStop {
		err = nil
	}
	return found, err
}

var errStop = apperr.New(apperr.Internal, "stop")

// CreateToken issues an API token for userID. The secret is returned once
// and never stored; secret may be given (the operator's
// CIVICPACT_ADMIN_TOKEN) or empty to generate one.
func (d *Directory) CreateToken(ctx context.Context, userID, name, secret string) (string, Token, error) {
	if _, err := d.User(ctx, userID); err != nil {
		return "", Token{}, err
	}
	if secret == "" {
		var b [24]byte
		if _, err := rand.Read(b[:]); err != nil {
			return "", Token{}, apperr.Wrap(apperr.Internal, err, "generate token")
		}
		secret = TokenPrefix + hex.EncodeToString(b[:])
	} else if len(secret) < 20 {
		return "", Token{}, apperr.New(apperr.Invalid, "a token must be at least 20 characters")
	}
	t := Token{Hash: HashToken(secret), UserID: userID, Name: name, Created: d.Now().UTC()}
	if _, err := records.Append(ctx, d.Log, records.Record{}, "token/"+t.Hash, t.Created, t); err != nil {
		return "", Token{}, err
	}
	return secret, t, nil
}

// RevokeToken revokes the token with the given hash. Revoking a revoked
// token changes nothing and succeeds (DELETE is idempotent).
func (d *Directory) RevokeToken(ctx context.Context, hash string) error {
	recs, err := d.Log.Read(ctx, "token/"+hash, 1)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return apperr.New(apperr.NotFound, "no such token")
	}
	var t Token
	if err := records.Decode(recs[len(recs)-1], &t); err != nil {
		return err
	}
	if t.Revoked {
		return nil
	}
	t.Revoked = true
	_, err = records.Append(ctx, d.Log, recs[len(recs)-1], "token/"+hash, d.Now(), t)
	return err
}

// Token returns the token with the given hash.
func (d *Directory) Token(ctx context.Context, hash string) (Token, error) {
	var t Token
	err := d.last(ctx, "token/"+hash, "token", &t)
	return t, err
}

// Tokens lists the tokens of userID (every user's when userID is empty).
func (d *Directory) Tokens(ctx context.Context, userID string) ([]Token, error) {
	latest := map[string]Token{}
	err := d.Log.Scan(ctx, records.Query{Prefix: "token/"}, func(r records.Record) error {
		var t Token
		if err := records.Decode(r, &t); err != nil {
			return err
		}
		if userID == "" || t.UserID == userID {
			latest[t.Hash] = t
		}
		return nil
	})
	out := make([]Token, 0, len(latest))
	for _, t := range latest {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Created.Before(out[j].Created) })
	return out, err
}

// HashToken returns the stored form of a token secret.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// Authenticate resolves a bearer secret to its principal. Every failure is
// the same Unauthenticated error, so a caller learns nothing about why.
func (d *Directory) Authenticate(ctx context.Context, secret string) (Principal, error) {
	fail := apperr.New(apperr.Unauthenticated, "invalid or revoked token")
	if len(secret) < 20 || len(secret) > 200 {
		return Principal{}, fail
	}
	var t Token
	if err := d.last(ctx, "token/"+HashToken(secret), "token", &t); err != nil {
		if apperr.Is(err, apperr.NotFound) {
			return Principal{}, fail
		}
		return Principal{}, err
	}
	if t.Revoked {
		return Principal{}, fail
	}
	return d.principal(ctx, t.UserID, fail)
}

// Login checks a username and password. Unknown users and wrong passwords
// give the same error and take comparable time.
func (d *Directory) Login(ctx context.Context, username, password string) (Principal, error) {
	fail := apperr.New(apperr.Unauthenticated, "wrong username or password")
	u, err := d.UserByName(ctx, username)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		return Principal{}, err
	}
	if err != nil || u.PasswordHash == "" {
		d.Hasher.Verify(dummyHash, password)
		return Principal{}, fail
	}
	if !d.Hasher.Verify(u.PasswordHash, password) {
		return Principal{}, fail
	}
	return d.principal(ctx, u.ID, fail)
}

// dummyHash is verified against when the user does not exist, so that the
// response time does not reveal it. Any well-formed hash will do; the
// Hasher treats a malformed one as a mismatch after doing the work.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$2lV6c0y4F2mUqkq9CkW0cQ6m8u1Gm7k9w3hY9C0xQ2k"

func (d *Directory) principal(ctx context.Context, userID string, fail error) (Principal, error) {
	u, err := d.User(ctx, userID)
	if err != nil || u.Disabled {
		return Principal{}, fail
	}
	o, err := d.Org(ctx, u.OrgID)
	if err != nil {
		return Principal{}, err
	}
	return Principal{User: u, Org: o}, nil
}

func (d *Directory) last(ctx context.Context, stream, what string, v any) error {
	if records.CheckStream(stream) != nil {
		return apperr.New(apperr.NotFound, "no such %s", what)
	}
	r, err := d.Log.Last(ctx, stream)
	if apperr.Is(err, apperr.NotFound) {
		return apperr.New(apperr.NotFound, "no such %s", what)
	}
	if err != nil {
		return err
	}
	return records.Decode(r, v)
}

package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/records"
)

// hostile is one request body a write route must refuse.
type hostile struct {
	name        string
	contentType string // "" sends no Content-Type
	body        []byte
}

func jsonBody(name string, body []byte) hostile {
	return hostile{name: name, contentType: "application/json", body: body}
}

// genericHostile lists bodies that are wrong for every route, whatever its
// request type.
func genericHostile() []hostile {
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	huge := "[" + strings.Repeat("0,", 100000) + "0]"
	return []hostile{
		jsonBody("malformed: cut short", []byte(`{"name":`)),
		jsonBody("malformed: stray comma", []byte(`{,}`)),
		jsonBody("malformed: two values", []byte(`{} {}`)),
		jsonBody("malformed: single quotes", []byte(`{'name':'x'}`)),
		jsonBody("wrong type: array", []byte(`[]`)),
		jsonBody("wrong type: string", []byte(`"contract"`)),
		jsonBody("wrong type: number", []byte(`42`)),
		jsonBody("wrong type: null", []byte(`null`)),
		jsonBody("invalid UTF-8", []byte("{\"name\":\"\xff\xfe\xc3\"}")),
		jsonBody("10 MB string", []byte(`{"name":"`+strings.Repeat("a", 10<<20)+`"}`)),
		jsonBody("deeply nested arrays", []byte(deep)),
		jsonBody("deeply nested in a field", []byte(`{"amendments":`+deep+`}`)),
		jsonBody("huge array", []byte(huge)),
		jsonBody("huge array in a field", []byte(`{"amendments":`+huge+`}`)),
		jsonBody("unknown field only", []byte(`{"is_admin":true}`)),
		jsonBody("operator key $where", []byte(`{"$where":"sleep(1000) || true"}`)),
		jsonBody("operator value $gt", []byte(`{"name":{"$gt":""}}`)),
		jsonBody("operator value $ne in id", []byte(`{"org_id":{"$ne":null},"user_id":{"$ne":null},"base":{"$gt":0}}`)),
		jsonBody("raw NUL byte", []byte("{\"name\":\"a\x00b\"}")),
		jsonBody("escaped NUL", []byte(`{"name":"a\u0000b"}`)),
		jsonBody("empty body", nil),
		jsonBody("whitespace body", []byte(" \n")),
	}
}

// routeHostile derives hostile bodies from the route's valid body: every
// field replaced by a value of the wrong type, an unknown field, operator
// keys in every object, NUL in every string, and the valid body sent with
// the wrong content type.
func routeHostile(valid any) []hostile {
	if valid == nil {
		return nil
	}
	v := mustRoundTrip(valid)
	obj, _ := v.(map[string]any)
	if len(obj) == 0 {
		return nil // not a JSON body (an upload): the generic bodies apply
	}
	var out []hostile
	for _, k := range sortedKeys(obj) {
		out = append(out, jsonBody("wrong type: "+k, mustJSON(withField(obj, k, wrongType(obj[k])))))
	}
	out = append(out,
		jsonBody("unknown field beside valid ones", mustJSON(withField(obj, "owner_org", "org_0001"))),
		jsonBody("$where in every object", mustJSON(inEveryObject(v, "$where", "1 == 1"))),
		jsonBody("$gt in every object", mustJSON(inEveryObject(v, "$gt", ""))),
		jsonBody("NUL in every string", mustJSON(inEveryString(v, "\x00"))),
		hostile{"text/plain", "text/plain", mustJSON(v)},
		hostile{"form encoded", "application/x-www-form-urlencoded", []byte("name=x&kind=vendor")},
		hostile{"no content type", "", mustJSON(v)},
		hostile{"JSON as multipart", "multipart/form-data; boundary=x", mustJSON(v)},
	)
	return slices.DeleteFunc(out, func(h hostile) bool { // a mutation that changed nothing is the valid request
		return h.contentType == "application/json" && bytes.Equal(h.body, mustJSON(v))
	})
}

// TestHostileInput sends every hostile body to every API write route as a
// caller allowed to use it: each answer is a 4xx problem+json and the store
// is unchanged. A write route without a case in the authorization table (and
// so without an authorised caller here) fails the test. Web UI form routes
// (outside /api/) take forms, not JSON, and are left to the web tests.
func TestHostileInput(t *testing.T) {
	cases := mustWriteCases(t)
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			t.Parallel()
			e := mustEnv(t)
			f := mustFixture(e)
			caller := authorisedCaller(expect(c.want))
			valid := c.body(e, f)
			bodies := append(genericHostile(), routeHostile(valid)...)
			before := mustStoreDigest(t, e.store)
			for _, h := range bodies {
				if valid == nil && len(bytes.TrimSpace(h.body)) == 0 {
					continue // an empty body is the valid request of a body-less route
				}
				r := e.send(caller, c.method, c.resolve(f), h.contentType, bytes.NewReader(h.body))
				checkRefused(t, h.name, r)
			}
			if after := mustStoreDigest(t, e.store); after != before {
				t.Errorf("the store changed under hostile input:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// mustWriteCases returns the authorization table's case for every write
// route the server serves, failing on a write route the table lacks.
func mustWriteCases(t *testing.T) []authCase {
	t.Helper()
	byRoute := map[string]authCase{}
	for _, c := range authTable() {
		byRoute[c.method+" "+c.template()] = c
	}
	probe := mustEnv(t)
	var out []authCase
	var missing []string
	for _, r := range probe.app.Routes() {
		if !isWrite(r.Method) || !strings.HasPrefix(r.Path, "/api/") {
			continue
		}
		c, ok := byRoute[r.Method+" "+r.Path]
		if !ok || authorisedCaller(expect(c.want)) == "" {
			missing = append(missing, r.Method+" "+r.Path)
			continue
		}
		out = append(out, c)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Fatalf("write routes without a hostile-input case (add them to the authorization table):\n%s", strings.Join(missing, "\n"))
	}
	if len(out) == 0 {
		t.Fatal("no write routes found")
	}
	return out
}

func isWrite(method string) bool {
	return method == http.MethodPost || method == http.MethodPut || method == http.MethodDelete || method == http.MethodPatch
}

// authorisedCaller picks the first caller the table lets through to the
// handler's decoding: any answer but 401, 403 and 404 (a success, or a 400
// or 409 from the handler's or the domain's own checks).
func authorisedCaller(want map[string]int) string {
	for _, c := range callers {
		switch want[c] {
		case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		default:
			return c
		}
	}
	return ""
}

func checkRefused(t *testing.T, name string, r response) {
	t.Helper()
	if r.Status < 400 || r.Status > 499 {
		t.Errorf("%s: status %d, want 4xx: %s", name, r.Status, truncate(r.Body))
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("%s: Content-Type %q, want application/problem+json", name, ct)
		return
	}
	var p struct{ Status int }
	if err := json.Unmarshal(r.Body, &p); err != nil || p.Status != r.Status {
		t.Errorf("%s: problem body %s does not carry status %d (%v)", name, truncate(r.Body), r.Status, err)
	}
}

// mustStoreDigest scans the whole log and returns a SHA-256 over every
// record (stream, seq, hash and body), with the record count.
func mustStoreDigest(t *testing.T, log records.Log) string {
	t.Helper()
	h := sha256.New()
	n := 0
	err := log.Scan(context.Background(), records.Query{}, func(r records.Record) error {
		n++
		var seq, size [8]byte
		binary.BigEndian.PutUint64(seq[:], uint64(r.Seq))
		for _, b := range [][]byte{[]byte(r.Stream), seq[:], []byte(r.Hash), r.Body} {
			binary.BigEndian.PutUint64(size[:], uint64(len(b)))
			h.Write(size[:])
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil)) + " over " + itoa(int64(n)) + " records"
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// client calls the API with bearer tokens.
type client struct {
	base string
	http *http.Client
}

func newClient(base string, timeout time.Duration, conns int) *client {
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns,
		IdleConnTimeout: 30 * time.Second, DisableCompression: true}
	return &client{base: base, http: &http.Client{Timeout: timeout, Transport: tr}}
}

// reply is an answer: status 0 with err set when no answer came.
type reply struct {
	status int
	body   []byte
	header http.Header
}

// do sends one request; body, when not nil, is encoded as JSON.
func (c *client) do(ctx context.Context, method, path, token string, body any) (reply, error) {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return reply{}, err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return reply{}, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := c.http.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	return reply{status: res.StatusCode, body: raw, header: res.Header}, err
}

// call is do that wants status want and decodes the body into out.
func (c *client) call(ctx context.Context, method, path, token string, body any, want int, out any) error {
	r, err := c.do(ctx, method, path, token, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if r.status != want {
		return fmt.Errorf("%s %s: %d %s", method, path, r.status, r.body)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(r.body, out); err != nil {
		return fmt.Errorf("%s %s: decode: %w", method, path, err)
	}
	return nil
}

package api

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// tokenCookie carries a token for the console, which cannot send an
// Authorization header: GET /?token=… sets it (HttpOnly, SameSite=Strict,
// so no other site's page sends it) and it is accepted for ad-hoc queries
// only, never for writes.
const tokenCookie = "newsgraph_token"

// loopbackHost reports whether host (no port) names this machine.
func loopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// hostOnly strips the port from a Host header or address.
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return strings.Trim(hostport, "[]")
}

// hostAllowed guards against DNS rebinding: a page of evil.example whose
// name is made to resolve to 127.0.0.1 reaches the server with
// "Host: evil.example". A server on a loopback address answers only to
// loopback names; any server answers to the names in api.allowed_hosts.
// A server on another address with no allowed hosts configured answers
// to any name (it is reachable by name anyway).
func (s *Server) hostAllowed(r *http.Request) bool {
	host := strings.ToLower(hostOnly(r.Host))
	if slices.ContainsFunc(s.cfg.AllowedHosts, func(h string) bool { return strings.EqualFold(h, host) }) {
		return true
	}
	if s.loopback() {
		return loopbackHost(host)
	}
	return len(s.cfg.AllowedHosts) == 0
}

// loopback reports whether the server listens on a loopback address only.
func (s *Server) loopback() bool {
	addr := s.cfg.Addr
	if a := s.listenAddr.Load(); a != nil {
		addr = *a
	}
	return loopbackHost(hostOnly(addr))
}

// crossSite reports a request sent by another site's page: its Origin is
// neither the server's own (same scheme-less host and port as Host) nor
// one of api.cors_origins; or, without Origin, the browser says
// Sec-Fetch-Site: cross-site (a no-cors GET such as <img src>).
// Navigations to the console are not cross-site requests to the API.
func (s *Server) crossSite(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		if r.Header.Get("Sec-Fetch-Site") != "cross-site" {
			return false
		}
		return r.Header.Get("Sec-Fetch-Mode") != "navigate" || isAPIPath(r.URL.Path)
	}
	if slices.Contains(s.cfg.CORSOrigins, "*") || slices.Contains(s.cfg.CORSOrigins, origin) {
		return false
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return true // "null" (sandboxed frames, file://) and garbage
	}
	return !strings.EqualFold(u.Host, r.Host)
}

func isAPIPath(p string) bool {
	return strings.HasPrefix(p, "/api/") || p == "/healthz" || p == "/metrics"
}

// tokensConfigured reports whether any token guards the server.
func (s *Server) tokensConfigured() bool { return s.cfg.Token != "" || s.cfg.QueryToken != "" }

// adHocOpen reports whether ad-hoc queries need no token: on a public
// read-only deployment (api.public_queries), or by the local default: a
// server on a loopback address with no token configured at all, whose
// callers are the local user's own programs (other sites' pages are kept
// out by the Host and Origin checks and POST-only query routes).
func (s *Server) adHocOpen() bool {
	return s.cfg.PublicQueries || (!s.tokensConfigured() && s.loopback())
}

// queryGate decides whether a request may run an ad-hoc query (arbitrary
// JavaScript, GraphQL or MQL): the query token or the write token, as a
// bearer token or, from the console, the token cookie.
func (s *Server) queryGate(r *http.Request) error {
	if s.adHocOpen() {
		return nil
	}
	if !s.tokensConfigured() {
		return errorf(http.StatusForbidden, CodeQueriesDisabled, "ad-hoc queries are off on a server that is not on a loopback address: configure api.query_token (NEWSGRAPH_QUERY_TOKEN), or api.public_queries for a public read-only deployment; saved queries (/api/queries) stay open")
	}
	tok := ""
	if scheme, t, ok := strings.Cut(r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		tok = strings.TrimSpace(t)
	} else if c, err := r.Cookie(tokenCookie); err == nil {
		tok = c.Value
	}
	if tok == "" {
		return errorf(http.StatusUnauthorized, CodeUnauthorized, "ad-hoc queries need Authorization: Bearer <api.query_token or api.token>; saved queries (/api/queries) need none")
	}
	if !s.queryTokenOK(tok) {
		return errorf(http.StatusUnauthorized, CodeUnauthorized, "wrong bearer token")
	}
	return nil
}

// queryTokenOK compares in constant time with both tokens.
func (s *Server) queryTokenOK(tok string) bool {
	ok := 0
	for _, want := range []string{s.cfg.QueryToken, s.cfg.Token} {
		if want != "" {
			ok |= subtle.ConstantTimeCompare([]byte(tok), []byte(want))
		}
	}
	return ok == 1
}

// consoleLogin handles GET /?token=…: a right token becomes the token
// cookie and the browser is sent to the same page without it in the URL.
func (s *Server) consoleLogin(w http.ResponseWriter, r *http.Request) bool {
	tok := r.URL.Query().Get("token")
	if r.Method != http.MethodGet || tok == "" {
		return false
	}
	if !s.queryTokenOK(tok) {
		writeError(w, errorf(http.StatusUnauthorized, CodeUnauthorized, "wrong token"))
		return true
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: tok, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: int((30 * 24 * time.Hour).Seconds())})
	q := r.URL.Query()
	q.Del("token")
	u := *r.URL
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
	return true
}

// idleWriter gives every write of a response its own deadline, so that a
// client that stops reading is cut off after writeIdle however long the
// response legitimately is (an export of the whole store).
type idleWriter struct {
	http.ResponseWriter
	rc   *http.ResponseController
	idle time.Duration
}

// writeIdle is how long one write of a response may wait for the client.
const writeIdle = 30 * time.Second

func (w idleWriter) Write(p []byte) (int, error) {
	_ = w.rc.SetWriteDeadline(time.Now().Add(w.idle))
	return w.ResponseWriter.Write(p)
}

func (w idleWriter) Flush() {
	_ = w.rc.SetWriteDeadline(time.Now().Add(w.idle))
	_ = w.rc.Flush()
}

func (w idleWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

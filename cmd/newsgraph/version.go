package main

import (
	"runtime/debug"
	"strings"
)

// version is the module version the binary was built from: a tag for
// `go install ...@v1.2.3`, a pseudo-version for a commit, "dev" for a
// build from a work tree.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		return moduleVersion(bi)
	}
	return "dev"
}

func moduleVersion(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	return "dev"
}

// versionString is what --version prints: the module version, the VCS
// revision and time the build recorded (go build stamps them unless
// -buildvcs=false, as .ci/run sets), and the Go version.
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev (no build information)"
	}
	return describeBuild(bi)
}

func describeBuild(bi *debug.BuildInfo) string {
	s := map[string]string{}
	for _, kv := range bi.Settings {
		s[kv.Key] = kv.Value
	}
	parts := []string{moduleVersion(bi)}
	if rev := s["vcs.revision"]; rev != "" {
		r := "revision " + rev
		if s["vcs.modified"] == "true" {
			r += " (modified)"
		}
		if t := s["vcs.time"]; t != "" {
			r += " of " + t
		}
		parts = append(parts, r)
	} else {
		parts = append(parts, "revision unknown (built without VCS stamping, e.g. -buildvcs=false or go run)")
	}
	parts = append(parts, bi.GoVersion)
	return strings.Join(parts, ", ")
}

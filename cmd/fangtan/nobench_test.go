package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestProductCarriesNoBenchmarkCode: the benchmark harness and the peers'
// analyzers it registers live in cmd/fangtan-bench, never in fangtan.
func TestProductCarriesNoBenchmarkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "fangtan/internal/bench" || strings.Contains(pkg, "blevesearch/bleve/v2/analysis/lang/cjk") {
			t.Errorf("fangtan depends on %s", pkg)
		}
	}
	var stdout, stderr strings.Builder
	if code := run(t.Context(), []string{"bench"}, &stdout, &stderr); code == 0 {
		t.Errorf("'fangtan bench' still runs")
	}
}

# fangtan: `make run` serves the sample corpus, `make test` runs every test.
GO       ?= go
BIN      := bin/fangtan
BENCHBIN := bin/fangtan-bench
INDEX    ?= data/sample.index
ADDR     ?= 127.0.0.1:8080
CORPUS   ?= ../shared/corpus/xwlb.jsonl
FUZZTIME ?= 60s
FUZZTIME_BRIEF ?= 200x
LOADTIME ?= 30s

.PHONY: all build test vet fmt-check bench bench-build bench-scale bench-smoke run clean fuzz loadtest panels relevance

all: build

build:
	$(GO) build -o $(BIN) ./cmd/fangtan

# Every test, with the race detector, plus vet, a gofmt check and a brief
# run of every fuzz target (make fuzz runs them longer). Under -race the
# conformance suite checks the sample corpus only (internal/conformance/
# race.go); the second line runs it on 2,000 xwlb items without -race.
CONFORMANCE_PKGS := ./index/ ./postgres/ ./internal/conformance/
test: vet fmt-check
	$(GO) test -race -timeout 9m ./...
	$(GO) test -count=1 -timeout 5m -run 'Conformance|BackendsAgree' $(CONFORMANCE_PKGS)
	$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME_BRIEF)

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Builds the sample index when it is missing, or when it no longer opens
# (built by an older fangtan), then serves it. Another INDEX is never
# rebuilt from the sample corpus: serve then says what is wrong with it.
SAMPLE_INDEX := data/sample.index
run: build
	@if [ ! -d "$(INDEX)" ]; then ./$(BIN) index --index $(INDEX); \
	elif [ "$(INDEX)" = "$(SAMPLE_INDEX)" ] && ! ./$(BIN) search --index $(INDEX) --size 1 的 >/dev/null 2>&1; then \
		echo "rebuilding $(INDEX): it does not open with this fangtan"; ./$(BIN) index --index $(INDEX); fi
	./$(BIN) serve --index $(INDEX) --addr $(ADDR)

# The benchmark harness is a command of its own, never part of bin/fangtan.
bench-build:
	$(GO) build -o $(BENCHBIN) ./cmd/fangtan-bench

# Go benchmarks beside the code, then the corpus benchmark: fangtan against
# peer A (bleve cjk) and peer B (gojieba adapter); updates docs/benchmarks.md
# and docs/benchmarks.json. BENCHFLAGS adds flags, e.g. BENCHFLAGS=--limit=2000.
bench: build bench-build
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./$(BENCHBIN) --fangtan $(BIN) --corpus $(CORPUS) $(BENCHFLAGS)

# Scale runs: xwlb + hkcnews together, then 1×, 2× and 4× xwlb (fangtan only
# unless BENCHFLAGS=--configs=fangtan,peerA-cjk,peerB-jieba).
bench-scale: build bench-build
	./$(BENCHBIN) --fangtan $(BIN) --scale --corpus $(CORPUS) $(BENCHFLAGS)

# Every facet panel of testdata/facets (the uniform samples, whose first
# line says "facetpanel sample") scored against indexes of both archives
# built by this code: the precision of each facet's counts as labelled,
# which right pairs the code lost and which wrong ones it still counts.
# About three minutes; PANELDIR=DIR keeps the indexes there.
panels: build
	@dir="$(PANELDIR)"; [ -n "$$dir" ] || dir=$$(mktemp -d); \
	./$(BIN) index --quiet --index $$dir/xwlb ../shared/corpus/xwlb.jsonl || exit 1; \
	./$(BIN) index --quiet --index $$dir/hkcnews ../shared/corpus/hkcnews-10k.jsonl || exit 1; \
	for f in testdata/facets/*.tsv; do \
		head -1 $$f | grep -q '^# facetpanel sample' || continue; \
		case $$(basename $$f) in hkcnews-*) ix=hkcnews;; *) ix=xwlb;; esac; \
		echo "== $$f"; $(GO) run ./internal/bench/facetpanel score -index $$dir/$$ix $$f || exit 1; \
	done

# Ranking quality: nDCG@10 of article and quote search on the readers'
# relevance grades in testdata/relevance, on indexes of both archives built
# by this code. RELDIR=DIR keeps the indexes there and reuses them when
# present (a PANELDIR of `make panels` will do).
relevance: build
	@dir="$(RELDIR)"; [ -n "$$dir" ] || dir=$$(mktemp -d); \
	[ -d $$dir/xwlb ] || ./$(BIN) index --quiet --index $$dir/xwlb ../shared/corpus/xwlb.jsonl || exit 1; \
	[ -d $$dir/hkcnews ] || ./$(BIN) index --quiet --index $$dir/hkcnews ../shared/corpus/hkcnews-10k.jsonl || exit 1; \
	$(GO) run ./internal/bench/relevance score -xwlb $$dir/xwlb -hkcnews $$dir/hkcnews testdata/relevance/*.tsv

# The harness smoke test at the issue's --limit 2000, without the race detector.
bench-smoke:
	$(GO) test -count=1 -run TestSmoke -v ./internal/bench/

# Each fuzz target for $(FUZZTIME) (go test -fuzz takes one package and one
# target per run); make test runs each for $(FUZZTIME_BRIEF). A failing input
# is saved under the package's testdata/fuzz/ and fails the run.
FUZZ_TARGETS := analyzer:FuzzAnalyzers analyzer:FuzzFold corpus:FuzzLoad extract:FuzzExtract \
	corpus:FuzzDocuments query:FuzzParse query:FuzzHighlight index:FuzzQuery web:FuzzSanitizeMarked
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz ./$$pkg $$name for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) ./$$pkg/ || exit 1; \
	done

# The long reliability runs (docs/reliability.md): 30 s of load with -race,
# the 100,000-file directory, and the loopback attack on an index of
# $(CORPUS) (ATTACKTIME of one client's flood beside a well-behaved one;
# skipped when the corpus is missing).
ATTACKTIME ?= 20s
loadtest:
	FANGTAN_LOADTEST=$(LOADTIME) $(GO) test -race -timeout 20m -count=1 -run '^TestLoad$$' -v ./web/
	FANGTAN_LONG=1 $(GO) test -timeout 20m -count=1 -run '^TestIndexBadFiles$$' -v ./cmd/fangtan/
	FANGTAN_ATTACK=1 FANGTAN_ATTACK_TIME=$(ATTACKTIME) FANGTAN_ATTACK_CORPUS=$(abspath $(CORPUS)) \
		$(GO) test -timeout 20m -count=1 -run '^TestLoadAttack$$' -v ./cmd/fangtan/

clean:
	rm -rf bin data

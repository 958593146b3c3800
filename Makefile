# dxnews — build, demo and test. Every target installs what it needs.
GO      ?= go
BIN     := bin/dxnews
# Debian packages the pipeline runs (speech) and the browser tests drive.
RUN_DEBS  := espeak-ng lame
TEST_DEBS := $(RUN_DEBS) chromium valgrind

.PHONY: all build demo test test-short crash soak bench bench-search loadtest loadtest-instr fuzz lint deps-run deps-test clean

# SOAK is how long make soak runs dxnews run against a loopback site.
SOAK ?= 1h

all: build

# install-debs installs the Debian packages named in $(1) whose command is missing.
define install-debs
	@missing=""; for p in $(1); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi
	@command -v $(GO) >/dev/null 2>&1 || { echo "Go 1.26 is required: https://go.dev/dl/" >&2; exit 1; }
endef

deps-run:
	$(call install-debs,$(RUN_DEBS))

deps-test:
	$(call install-debs,$(TEST_DEBS))

build: deps-run
	$(GO) build -o $(BIN) ./cmd/dxnews

demo: build
	./$(BIN) demo

# The whole demo end to end runs without -race: under the race detector the
# loudness analysis of its 56 readings alone takes minutes.
test: deps-test lint
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run '^TestDemoEndToEnd$$' ./cmd/dxnews/

# test-short is the inner loop: every package's tests without the race
# detector, skipping the ones that take seconds end to end (crash harness,
# disk full, demo, real servers); make test still runs everything.
test-short: deps-run
	$(GO) test -short -count=1 ./...

# crash SIGKILLs the real binary at 24 or more random moments over crawl,
# extraction, indexing, speech and audio assembly (make test does 6).
crash: deps-run
	$(GO) test -count=1 -v -timeout 30m -run TestCrashAnywhere ./cmd/dxnews/ -crash.kills=24

# soak runs dxnews run, speech on, against a loopback site publishing an
# article every 5 s, and prints RSS, goroutines, open files and latency.
soak: deps-run
	$(GO) test -count=1 -v -timeout 0 -run TestSoak ./cmd/dxnews/ -soak=$(SOAK)

# fuzz runs every fuzz target for FUZZTIME, one after the other (seed
# corpora in each package's testdata/fuzz; findings are written there too).
FUZZTIME ?= 2m
FUZZ_TARGETS := \
	crawler:FuzzParseArticle crawler:FuzzParseVisibleDate crawler:FuzzParseMachineDate \
	crawler:FuzzNormalizeURL crawler:FuzzSitemap crawler:FuzzFeed crawler:FuzzRobots \
	tts/normalize:FuzzText extract:FuzzEntities web:FuzzParams store:FuzzChangeLog \
	tts/mp3:FuzzStripMP3 index:FuzzFold

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; \
		echo "fuzz $$name in ./$$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) ./$$pkg; \
	done

# staticcheck is pinned here and fetched through the Go module proxy on
# first use; it is a tool, not a dependency of the module.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint:
	$(GO) vet ./...
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) run $(STATICCHECK) ./...

bench: deps-run
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Search at scale: synthetic archives of each size, indexed on disk, then
# p50/p95/p99 of each kind of query. 100k takes minutes; not part of test.
BENCH_SIZES ?= 10000,30000,100000
bench-search:
	$(GO) build -buildmode=pie -o bin/dxbench ./cmd/dxbench
	./bin/dxbench search -n $(BENCH_SIZES)

# Serving under load on loopback: rps and p50/p99 at concurrency 1, 16 and
# 64. Without LOADTEST_N the data is the demo pipeline's (real MP3s); with
# LOADTEST_N=100000 a synthetic archive of that size.
LOADTEST_DIR ?= bin/loadtest-data
LOADTEST_N   ?=
LOADTEST_D   ?= 5s
# LOADTEST_MEMLIMIT=300M runs the server in a memory cgroup of that size
# (root needed) and reports its peak charge and any OOM kill.
LOADTEST_MEMLIMIT ?=
# dxbench is position-independent so that its baseline file server does not
# run at the load generator's code addresses (cmd/dxbench/pie.go).
loadtest: build
	$(GO) build -buildmode=pie -o bin/dxbench ./cmd/dxbench
	rm -rf $(LOADTEST_DIR)
	@if [ -n "$(LOADTEST_N)" ]; then \
		./bin/dxbench gen -n $(LOADTEST_N) -data $(LOADTEST_DIR); \
	else \
		./$(BIN) demo -serve=false -data $(LOADTEST_DIR) >/dev/null; \
	fi
	./bin/dxbench load -server ./$(BIN) -data $(LOADTEST_DIR) -d $(LOADTEST_D) $(if $(LOADTEST_MEMLIMIT),-memlimit $(LOADTEST_MEMLIMIT))

# User-space instructions per audio Range request, the server's against the
# plain file server's, counted under callgrind on the demo data: a figure
# the machine's load does not move, where requests per second do.
loadtest-instr: build
	$(call install-debs,valgrind)
	$(GO) build -buildmode=pie -o bin/dxbench ./cmd/dxbench
	rm -rf $(LOADTEST_DIR)
	./$(BIN) demo -serve=false -data $(LOADTEST_DIR) >/dev/null
	./bin/dxbench instr -server ./$(BIN) -data $(LOADTEST_DIR)

clean:
	rm -rf bin dxnews-data

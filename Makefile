# The reoffending analytics pipeline. `make run` and `make test` do all set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := run

INPUT    ?= sample-inputs
OUTPUT   ?= out
AS_OF    ?= $(shell date +%F)
KEY_FILE ?=
CONF     ?= conf
PEOPLE   ?= 20000
SCALE    ?= $(PEOPLE)
# People generated for the linkage benchmark: 256,000 give about a million staged records (0 skips it).
LINK_PEOPLE ?= 256000
# Rounds of the side by side (peer and nightly run alternately, each round on a fresh output).
REPEAT ?= 1
URIS ?= both
BENCHMARKS ?= ../shared/linkage-benchmarks
# The DuckDB peer run side by side with the nightly run in make bench.
PEER_DIR ?= ../shared/peer
# Extra JVM options for runs (heap etc.); the Spark module flags come from pom.xml, their one home.
# The parallel collector: a nightly batch wants throughput, not short pauses (linkage of a million records took
# 70-75 s against G1's 79-84 s on this machine; see README, Benchmark).
JAVA_OPTS ?= -Xmx8g -XX:+UseParallelGC

MVN      := mvn -B -ntp
COMMIT   := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
SPARK_JVM_ARGS = $(shell sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' pom.xml)
CLASSPATH_FILE := tools/target/classpath.txt
SOURCES := $(shell find pom.xml */pom.xml pipeline/src/main jobs/src/main reports/src/main testkit/src/main tools/src/main -type f 2>/dev/null)
KEY_ARG  = $(if $(KEY_FILE),--key-file $(abspath $(KEY_FILE)))
# The launcher (bin/reoffending) runs every command; it returns the CLI's exit status unchanged, but make reports any
# failure as 2: the schedule (conf/schedule/) calls the launcher itself so that systemd and cron see 3 for rejected input.
RUN_JAVA = JAVA_OPTS="$(JAVA_OPTS)" REOFFENDING_SCRATCH="$(OUTPUT)" bin/reoffending

.PHONY: run test bench sample clean build dist linkage-eval pack-pdf pack-scan cluster-test fault-test help deps format

help:
	@echo "make run [INPUT=dir OUTPUT=dir AS_OF=yyyy-MM-dd KEY_FILE=file]  whole nightly run (default: sample-inputs -> out/)"
	@echo "make test                     every test"
	@echo "make build                    compile; bin/reoffending COMMAND runs the dev CLI (product commands plus the tools module's"
	@echo "                              generate, bench, linkage-eval, diff-published)"
	@echo "make format                   format the Java sources (Spotless, palantir-java-format); make test fails on an unformatted file"
	@echo "make bench [SCALE=people] [LINK_PEOPLE=people] [REPEAT=n]  linkage alone on ~1M records, then the nightly run side by side with the DuckDB peer (data kept in bench-data/)"
	@echo "make sample                   regenerate sample-inputs/ (the generator, testkit module)"
	@echo "make linkage-eval             precision/recall/F1 on the public linkage benchmarks (tools module)"
	@echo "make dist                     jobs/target/reoffending-app.jar (spark-submit, the product only) and"
	@echo "                              tools/target/reoffending-all.jar (java -jar, Spark and the dev tools inside)"
	@echo "make fault-test               the crash-at-every-point test alone (make test runs it too)"
	@echo "make cluster-test             standalone Spark master+worker on 127.0.0.1, run, compare with local"
	@echo "make pack-pdf [PNG=1]         convert the latest panel pack (.xlsx and .ods) to PDF with LibreOffice (headless)"
	@echo "make pack-scan                the disclosure scan of the latest panel pack (no count of people from 1 to 4)"
	@echo "make clean"

deps:
	@command -v java >/dev/null && command -v mvn >/dev/null || { echo "Installing JDK 17 and Maven (apt)"; \
	  apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null; }

# Compile once and record the runtime classpath of the development CLI (tools: the product plus generate, bench,
# linkage-eval, diff-published; bin/reoffending runs it); rebuilt only when a source or pom changes. -am resolves the modules
# in the reactor, so a SNAPSHOT another worktree installed in ~/.m2 meanwhile cannot change the classpath.
$(CLASSPATH_FILE): $(SOURCES) | deps
	$(MVN) -q install -DskipTests -Dgit.commit=$(COMMIT)
	$(MVN) -q -pl tools -am dependency:build-classpath -Dmdep.outputFile=$(abspath $(CLASSPATH_FILE)) -Dmdep.includeScope=runtime -Dmdep.excludeGroupIds=org.lcjp.reoffending
	@touch $(CLASSPATH_FILE)

build: $(CLASSPATH_FILE)

run: build
	$(RUN_JAVA) run --input $(INPUT) --output $(OUTPUT) --as-of $(AS_OF) --conf $(CONF) $(KEY_ARG)

test: deps
	$(MVN) install -Dgit.commit=$(COMMIT)

# Formats every module's main and test Java sources in place; `make test` checks the same (spotless:check, verify phase).
format: deps
	$(MVN) -q spotless:apply

# The linkage benchmark first (input generated and ingested once, kept in bench-data/; then the link stage alone in a
# fresh JVM, first and second night), then the nightly run side by side with the DuckDB peer on the same inputs: the
# sample, PEOPLE (20,000) and, when SCALE differs from PEOPLE, SCALE/4 and SCALE people (with the 4x scaling ratio).
# SCALE=0 skips the side by side, LINK_PEOPLE=0 the linkage benchmark; STEPS=1 adds the in-process run at SCALE with
# each stage's costliest Spark job groups.
BENCH_SIZES = sample $(PEOPLE) $(if $(filter-out $(PEOPLE),$(SCALE)),$(shell echo $$(( $(SCALE) / 4 ))) $(SCALE))
bench: build
	$(if $(filter-out 0,$(LINK_PEOPLE)),$(RUN_JAVA) bench --linkage-people $(LINK_PEOPLE) --prepare-only --conf $(CONF))
	$(if $(filter-out 0,$(LINK_PEOPLE)),$(RUN_JAVA) bench --linkage-people $(LINK_PEOPLE) --linkage-only --conf $(CONF))
	$(if $(filter-out 0,$(SCALE)),JAVA_OPTS="$(JAVA_OPTS)" REPEAT=$(REPEAT) PEER_DIR=$(abspath $(PEER_DIR)) bash conf/bench/side-by-side.sh $(BENCH_SIZES))
	$(if $(and $(filter 1,$(STEPS)),$(filter-out 0,$(SCALE))),$(RUN_JAVA) bench --people $(SCALE) --conf $(CONF))

sample: build
	rm -rf sample-inputs
	$(RUN_JAVA) generate --output sample-inputs --truth $(OUTPUT)/sample-truth --people 2000 --from 2014 --to 2019 --seed 42 --rj-referral-share 0.4

linkage-eval: build
	$(RUN_JAVA) linkage-eval --benchmarks $(BENCHMARKS) --scratch $(OUTPUT)/linkage-eval

dist: deps
	$(MVN) -q package -Pdist -DskipTests -Dgit.commit=$(COMMIT)
	@ls -lh jobs/target/reoffending-app.jar tools/target/reoffending-all.jar

# Converts the newest pack, .xlsx and .ods, to PDF outside published/ (published folders are immutable); PNG=1 also
# renders each page to PNG for a look page by page.
pack-pdf:
	bash reports/check-pack-pdf.sh $$(ls -t $(OUTPUT)/published/*/panel-pack-*.xlsx | head -1) $(OUTPUT)/pack-check
	bash reports/check-pack-pdf.sh $$(ls -t $(OUTPUT)/published/*/panel-pack-*.ods | head -1) $(OUTPUT)/pack-check

# The disclosure scan of the newest pack (every cell, text and chart: no count of people from 1 to 4), as the test
# suite scans its own packs; CI runs it on the sample run's pack.
pack-scan: build
	$(MVN) -q -pl reports test -Dtest=PackFileScanTest -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dpack.scan=$(abspath $(shell ls -t $(OUTPUT)/published/*/panel-pack-*.xlsx | head -1))

# URIS=plain|file|both: the cluster run's INPUT and OUTPUT as paths, as file:// URIs, or both (default).
# The fault-injection test alone (crash at every named point, rerun, compare with a clean night); `make test` runs it
# too, and NightlyRunEndToEndTest holds its whole-night point.
fault-test: deps
	$(MVN) install -DskipTests -Dgit.commit=$(COMMIT)
	$(MVN) test -pl tools -Dtest=CrashRecoveryTest -Dsurefire.failIfNoSpecifiedTests=false

cluster-test: build dist
	URIS=$(URIS) bash conf/cluster/cluster-test.sh

clean:
	$(MVN) -q clean || true
	rm -rf out bench-data spark-home spark-work

#!/usr/bin/env bash
# make bench, side by side: on the same input, the DuckDB peer (../shared/peer/run.sh) and the nightly run, one after
# the other (REPEAT times, alternating), each in a fresh JVM under GNU time. Prints wall and CPU seconds, peak
# resident memory, the nightly/peer wall ratio, the nightly run's per-stage lines (seconds, CPU, peak heap, Spark
# jobs, stages and tasks) and, when a size and a quarter of it are both run, the scaling ratio.
#
#   side-by-side.sh SIZE...        SIZE: `sample` (sample-inputs/) or a number of generated people (seed 42, 2014-2019,
#                                  generated once into bench-data/people-N/input)
# Environment: JAVA_OPTS (nightly JVM), REPEAT (default 1), PEER_DIR (default ../shared/peer), BENCH_DATA (bench-data),
# AS_OF (default 2021-12-31: two years after the generated events, as the in-process bench uses).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DATA=${BENCH_DATA:-$ROOT/bench-data}
PEER_DIR=${PEER_DIR:-$ROOT/../shared/peer}
REPEAT=${REPEAT:-1}
AS_OF=${AS_OF:-2021-12-31}
JAVA_OPTS=${JAVA_OPTS:--Xmx8g -XX:+UseParallelGC}
JVM_FLAGS=$(sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' pom.xml)
CP="tools/target/classes:testkit/target/classes:jobs/target/classes:pipeline/target/classes:reports/target/classes:$(cat tools/target/classpath.txt)"
DUCKDB_JAR=${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/1.4.1.0/duckdb_jdbc-1.4.1.0.jar}
export DUCKDB_JAR
[ -f "$DUCKDB_JAR" ] || { echo "bench: fetching the peer's DuckDB JDBC jar (its README's command)";
  mvn -B -q -ntp dependency:get -Dartifact=org.duckdb:duckdb_jdbc:1.4.1.0; }
[ -x "$PEER_DIR/run.sh" ] || [ -f "$PEER_DIR/run.sh" ] || { echo "bench: no peer at $PEER_DIR (set PEER_DIR)"; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)"; exit 2; }
[ $# -gt 0 ] || set -- sample 20000

mkdir -p "$DATA"
KEY=$DATA/bench.key
# Owner-only, as the pipeline demands of any key file (run.allow_readable_key); also mends a key made before.
[ -f "$KEY" ] || (umask 077; head -c 48 /dev/urandom | base64 > "$KEY")
chmod 600 "$KEY"
export KEY_FILE=$KEY PEER_REF=$ROOT/conf/reference

reoffending() { # args... (a fresh JVM, as make run starts one)
  local tmp=$DATA/tmp; mkdir -p "$tmp"
  SPARK_LOCAL_IP=127.0.0.1 java $JAVA_OPTS $JVM_FLAGS -Djava.io.tmpdir="$tmp" \
    -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" -cp "$CP" org.lcjp.reoffending.cli.DevCommand "$@"
}
# GNU time runs programs, not functions: the nightly run goes through bash with the function exported.
export -f reoffending
export DATA JAVA_OPTS JVM_FLAGS ROOT CP

input_of() { # size -> input folder (generated once)
  if [ "$1" = sample ]; then echo "$ROOT/sample-inputs"; return; fi
  local dir=$DATA/people-$1
  if [ ! -f "$dir/generated.ok" ]; then
    rm -rf "$dir/input" "$dir/truth"
    reoffending generate --output "$dir/input" --truth "$dir/truth" --people "$1" --from 2014 --to 2019 --seed 42 >&2
    touch "$dir/generated.ok"
  fi
  echo "$dir/input"
}

timed() { # label log command... -> "wall cpu rss_kib" on stdout, output into log
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$t" "${@:3}" > "$2" 2>&1 || { echo "bench: $1 failed, see $2" >&2; tail -20 "$2" >&2; rm -f "$t"; exit 1; }
  awk '{ printf "%.1f %.1f %d\n", $1, $2 + $3, $4 }' "$t"; rm -f "$t"
}

declare -A NIGHTLY_WALL
summary=()
echo "bench: side by side with the peer on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); as-of $AS_OF; nightly JAVA_OPTS: $JAVA_OPTS"
for size in "$@"; do
  input=$(input_of "$size")
  rows=$(find "$input" -name '*.csv' -exec cat {} + | wc -l)
  files=$(find "$input" -name '*.csv' | wc -l)
  work=$DATA/side-by-side/$size
  for round in $(seq 1 "$REPEAT"); do
    rm -rf "$work" && mkdir -p "$work"
    read -r pw pc pm < <(timed peer "$work/peer.log" bash "$PEER_DIR/run.sh" "$input" "$work/peer" "$AS_OF")
    read -r nw nc nm < <(timed nightly "$work/nightly.log" bash -c 'reoffending "$@"' reoffending run --input "$input" --output "$work/nightly" \
        --as-of "$AS_OF" --conf "$ROOT/conf" --key-file "$KEY")
    ratio=$(awk -v a="$nw" -v b="$pw" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
    echo
    echo "== $size: $files files, $rows lines (headers included), round $round of $REPEAT"
    printf "%-8s %9s %9s %12s\n" tool "wall s" "CPU s" "peak RSS MiB"
    printf "%-8s %9s %9s %12d\n" peer "$pw" "$pc" $((pm / 1024))
    printf "%-8s %9s %9s %12d\n" nightly "$nw" "$nc" $((nm / 1024))
    echo "ratio nightly/peer: wall ${ratio}x, CPU $(awk -v a="$nc" -v b="$pc" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')x"
    echo "nightly per stage (seconds, CPU seconds, peak heap MiB, Spark jobs, stages and tasks):"
    grep -E '^(ingest|link|measure|sensitivity|compare|services|research|report) ' "$work/nightly.log" \
      | awk '{ cpu="?"; heap="?"; jobs="?"; st="?"; tasks="?";
               for (i = 8; i <= NF; i++) { if ($i == "cpu_seconds") cpu=$(i+1); if ($i == "peak_heap_mb") heap=$(i+1);
                                           if ($i == "spark_jobs") jobs=$(i+1); if ($i == "spark_stages") st=$(i+1);
                                           if ($i == "spark_tasks") tasks=$(i+1) }
               printf "  %-11s %8s s %8s CPU s %7s MiB %5s jobs %5s stages %5s tasks  (rows in %s)\n", $1, $7, cpu, heap, jobs, st, tasks, $4 }'
    grep -E '^peer_total_s=|^stage ' "$work/peer.log" | sed 's/^/  peer /' || true
    NIGHTLY_WALL[$size]=$nw
    summary+=("$(printf "%-10s %9s %9s %7sx %9s %9s" "$size" "$pw" "$nw" "$ratio" "$pc" "$nc")")
  done
done
echo
echo "== summary (last round of each size)"
printf "%-10s %9s %9s %8s %9s %9s\n" size "peer s" "nightly s" ratio "peer CPU" "nightly CPU"
printf '%s\n' "${summary[@]}"
for size in "$@"; do
  [ "$size" = sample ] && continue
  quarter=$((size / 4))
  if [ -n "${NIGHTLY_WALL[$quarter]:-}" ]; then
    echo "scaling: $size people against $quarter: $(awk -v a="${NIGHTLY_WALL[$size]}" -v b="${NIGHTLY_WALL[$quarter]}" \
      'BEGIN { printf "%.2f", a / b }')x the nightly wall time for 4x the people (target: at most 4.5x)"
  fi
done

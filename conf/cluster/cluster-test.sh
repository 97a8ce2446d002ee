#!/usr/bin/env bash
# A real Spark cluster on this machine: a standalone master and one worker on 127.0.0.1, started from the Spark
# jars Maven resolves; spark-submit the application jar (Spark provided) for the nightly run on the sample
# inputs, run the same with local[*], check the published figures are equal, and stop both by their PIDs.
# URIS=plain|file|both (default both): INPUT and OUTPUT of the cluster run as plain paths, as file:// URIs
# (read and written through Hadoop's FileSystem like hdfs:// or s3a://), or one run of each.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/out/cluster-test
SPARK_HOME=$ROOT/spark-home
AS_OF=${AS_OF:-$(date +%F)}
URIS=${URIS:-both}
case "$URIS" in plain|file|both) ;; *) echo "URIS must be plain, file or both ($URIS)"; exit 2;; esac
MASTER_PORT=${MASTER_PORT:-17077}
JVM_FLAGS=$(sed -n 's:.*<spark.jvm.args>\(.*\)</spark.jvm.args>.*:\1:p' pom.xml)
LOG=-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties
APP_JAR=$ROOT/jobs/target/reoffending-app.jar
# The development jar (tools module): the local run to compare with, and diff-published.
ALL_JAR=$ROOT/tools/target/reoffending-all.jar
[ -f "$APP_JAR" ] && [ -f "$ALL_JAR" ] || { echo "Run make dist first"; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK/tmp" "$SPARK_HOME/conf"
if [ ! -f "$SPARK_HOME/jars/.complete" ]; then
  rm -rf "$SPARK_HOME/jars"
  # Spark and its dependencies only: our own libraries must come from the application jar.
  mvn -B -q -ntp -pl jobs dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$SPARK_HOME/jars" \
      -DexcludeGroupIds=org.lcjp.reoffending,info.picocli,org.apache.poi,org.apache.xmlbeans
  touch "$SPARK_HOME/jars/.complete"
fi
cp conf/log4j2.properties "$SPARK_HOME/conf/log4j2.properties"

export SPARK_HOME SPARK_CONF_DIR=$SPARK_HOME/conf SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_DIRS=$WORK/tmp
CP="$SPARK_HOME/conf:$SPARK_HOME/jars/*"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

java -Xmx512m $JVM_FLAGS -cp "$CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MASTER_PORT" \
     --webui-port 18080 > "$WORK/master.log" 2>&1 &
pids+=($!); echo $! > "$WORK/master.pid"
sleep 3
java -Xmx512m $JVM_FLAGS -cp "$CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 17078 --webui-port 18081 \
     --cores 2 --memory 4g --work-dir "$WORK/spark-work" "spark://127.0.0.1:$MASTER_PORT" > "$WORK/worker.log" 2>&1 &
pids+=($!); echo $! > "$WORK/worker.pid"
sleep 3

submit() { # input output
  echo "== spark-submit to spark://127.0.0.1:$MASTER_PORT: --input $1 --output $2"
  java -Xmx2g $JVM_FLAGS $LOG -Djava.io.tmpdir="$WORK/tmp" -cp "$CP" org.apache.spark.deploy.SparkSubmit \
       --master "spark://127.0.0.1:$MASTER_PORT" --deploy-mode client \
       --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
       --conf spark.executor.memory=2g --conf "spark.local.dir=$WORK/tmp" \
       --class org.lcjp.reoffending.cli.ReoffendingCommand "$APP_JAR" \
       run --input "$1" --output "$2" --as-of "$AS_OF" --conf "$ROOT/conf"
}

echo "== the nightly run with embedded local[*]"
java -Xmx4g $JVM_FLAGS $LOG -Djava.io.tmpdir="$WORK/tmp" -jar "$ALL_JAR" \
     run --input "$ROOT/sample-inputs" --output "$WORK/local" --as-of "$AS_OF" --conf "$ROOT/conf"

compare() { # published folder of a cluster run
  echo "== compare published figures with the local run's"
  java -Xmx2g $JVM_FLAGS $LOG -Djava.io.tmpdir="$WORK/tmp" -jar "$ALL_JAR" \
       diff-published "$1" "$WORK/local/published/$AS_OF"
}

if [ "$URIS" != file ]; then
  submit "$ROOT/sample-inputs" "$WORK/cluster"
  compare "$WORK/cluster/published/$AS_OF"
  echo "cluster-test: PASS with plain paths (published figures of the cluster run equal the local run's)"
fi
if [ "$URIS" != plain ]; then
  submit "file://$ROOT/sample-inputs" "file://$WORK/cluster-uri"
  compare "file://$WORK/cluster-uri/published/$AS_OF"
  echo "cluster-test: PASS with file:// URIs (published figures of the cluster run equal the local run's)"
fi

#!/usr/bin/env bash
# Cold-start cost of the first parse per format, each in a fresh JVM, against a JVM that only reads the bytes.
# Build first: ./mvnw -q -B -pl functions/processor -am package -DskipTests && ./mvnw -q -B -pl shared/parsing -am test-compile
# Usage: shared/parsing/coldstart.sh [rounds]   (prints medians in ms)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
CP="functions/processor/target/processor.jar:shared/parsing/target/test-classes"
PROBE=io.sanctionsmonitor.parsing.tools.ColdStartProbe
DIR="$(mktemp -d)"
ROUNDS="${1:-5}"
"$JAVA" -cp "$CP" "$PROBE" write "$DIR"
for _ in $(seq "$ROUNDS"); do
  "$JAVA" -cp "$CP" "$PROBE" read "$DIR/sample.txt"
  for f in txt md html pdf docx odt rtf; do "$JAVA" -cp "$CP" "$PROBE" parse "$DIR/sample.$f"; done
  "$JAVA" -cp "$CP" "$PROBE" warm-parse "$DIR/sample.docx"
done | python3 -c '
import sys, statistics, collections
runs = collections.defaultdict(lambda: ([], []))
for line in sys.stdin:
    mode, path, first, since, _ = line.split()
    key = mode + " " + path.rsplit("/", 1)[-1]
    runs[key][0].append(int(first.split("=")[1])); runs[key][1].append(int(since.split("=")[1]))
for key, (first, since) in sorted(runs.items()):
    print(f"{key:20} first call {statistics.median(first):6.0f} ms   since JVM start {statistics.median(since):6.0f} ms (median of {len(first)})")
'
rm -rf "$DIR"

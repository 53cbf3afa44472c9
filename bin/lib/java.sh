# Sourced by the bin/ commands: finds a JDK >= 21 and the project root.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }

find_java_home() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

JAVA_HOME="$(find_java_home)" || { echo "error: a JDK 21 or newer is needed; set JAVA_HOME to one" >&2; exit 1; }
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
LOCAL_JAR="$ROOT/local/target/sanctions-local.jar"

require_build() {
  if [ ! -f "$LOCAL_JAR" ]; then
    echo "building (first run): ./mvnw -q -B package -DskipTests" >&2
    (cd "$ROOT" && ./mvnw -q -B package -DskipTests) || exit 1
  fi
}

# Sourced by ./fixmo and .ci/run: sets JAVA_HOME to a JDK 21 or newer, or fails saying so.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm is taken.

fixmo_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

fixmo_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] \
      && [ "$(fixmo_java_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(fixmo_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"
      best_major="$major"
    fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "FixMo needs a JDK 21 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}

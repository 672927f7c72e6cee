# Sourced by the bench scripts: how the server under test is started. Sets `war`, `server` (the JVM command) and
# `deployment` (Payara Micro's options for the application).
#   LAYOUT=run-command (default)  the Payara Micro layout with the README run command's JVM options
#   LAYOUT=whole-war              the self-contained openenvelope.war, -Xmx768m and the JVM's default collector
#   WAR=/path/to/other/openenvelope.war   another build (e.g. before a change); implies LAYOUT=whole-war
#   MICRO=/path/to/other/openenvelope-micro   another build's Payara Micro layout (a copy of web/target/openenvelope-micro)
layout="${LAYOUT:-$([ -n "${WAR:-}" ] && echo whole-war || echo run-command)}"
case "$layout" in
    whole-war)
        war="$(realpath "${WAR:-web/target/openenvelope.war}")"
        server=(java -Xmx768m)
        deployment=(--deploy "$war") ;;
    run-command)
        war="$(realpath "${MICRO:-web/target/openenvelope-micro}/openenvelope.war")"
        server=(env MALLOC_ARENA_MAX=2 java -XX:+UseSerialGC -Xms128m -Xmx512m)
        deployment=(--addlibs "$(dirname "$war")/lib" --deploy "$war") ;;
    *) echo "LAYOUT must be run-command or whole-war, not $layout" >&2; exit 2 ;;
esac

# Shared by bin/bench, bin/bench-ssh and bin/bench-demo (sourced, not run): GNU time, the jar run with
# bin/auditor's JVM options, and the median of a set of runs.

# Stops with a message unless GNU time is there: it measures wall time and peak RSS.
bench_need_time() {
    [[ -x /usr/bin/time ]] || { echo "$(basename "$0"): needs GNU time (apt-get install time)" >&2; exit 2; }
}

# Builds the jar (and its class archive) outside the measurement and sets bench_java: the command that runs
# it with bin/auditor's JVM options. Running the jar directly means a source file touched during the
# benchmark cannot make bin/auditor rebuild inside a measured run.
bench_build() {
    local root="$1"
    "$root/bin/auditor" --version >/dev/null
    bench_java=("${JAVA:-java}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
    [[ -f "$root/auditor/target/auditor.jsa" ]] && bench_java+=(-XX:SharedArchiveFile="$root/auditor/target/auditor.jsa" \
        -Xlog:cds=off -Xlog:cds+dynamic=off)
    bench_java+=(-jar "$root/auditor/target/auditor.jar")
}

# bench_median LABEL FILE...: each FILE's last line is GNU time's "%e %M"; prints the median run's time and RSS.
bench_median() {
    local label="$1"; shift
    for f in "$@"; do tail -n 1 "$f"; done | sort -n | awk -v n="$#" -v l="$label" '
        { t[NR] = $1; m[NR] = $2 }
        END { mid = int((n + 1) / 2); printf "%s: median of %d: %s s (peak RSS of that run %d MiB)\n", l, n, t[mid], m[mid] / 1024 }'
}

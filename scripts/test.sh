#!/usr/bin/env bash
# `make test`: install, lint, then the test stages in two lanes at once, each stage with its time.
# `scripts/test.sh fast` (`make test-fast`): lint and the suites without a browser.
#
# The Dash 4 browser stage is the long one, and it leaves most of two cores idle (it waits on the browser,
# gunicorn and the platform in turn). The other stages run beside it, one after another: the suites without
# a browser on both Dash lines, the tests that start servers of their own (`servers`: deployment, Dash 4
# only), the runs of the benchmark and screenshot scripts, and Dash 2.18's `core` browser tests. That lane's
# output is printed when the browser stage is done.
#
# Environment (from the Makefile): BIN and DASH2_BIN (the virtualenvs' bin/), PYTEST_ARGS.
set -uo pipefail
cd "$(dirname "$0")/.."
stage=scripts/stage.sh
eval "extra=(${PYTEST_ARGS:-})"  # as the shell would split them: PYTEST_ARGS="-k 'brws002 or brws003'"
start=$(date +%s)
workers=${BROWSER_SESSIONS:-2}

unit() { $stage "$1: unit and Flask client" "$2/python" -m pytest -q -m "not browser and not servers" "${extra[@]}"; }
unit_dash4() { unit "Dash 4" "$BIN"; }
unit_dash2() { unit "Dash 2.18" "$DASH2_BIN"; }

if [ "${1:-}" = fast ]; then  # `make test-fast`: lint and the suites without a browser, one after the other
    $stage "lint (ruff)" make --no-print-directory lint && unit_dash4 && unit_dash2 || exit 1
    echo "== make test-fast: passed in $(( $(date +%s) - start )) s =="
    exit 0
fi

$stage "install: both virtualenvs, Chromium, nginx, wrk" make --no-print-directory setup || exit 1
$stage "lint (ruff)" make --no-print-directory lint || exit 1

beside() {
    unit_dash4 &&
    unit_dash2 &&
    $stage "Dash 2.18: browser, core" "$DASH2_BIN/python" -m pytest -q -m "browser and core" "${extra[@]}"
}

mkdir -p test-results
beside_log=test-results/beside-the-browser-stage.log
beside > "$beside_log" 2>&1 &
beside_pid=$!
echo "== running beside the Dash 4 browser stage (printed after it): the other stages, in $beside_log =="
$stage "Dash 4: browser, servers and scripts, $workers sessions, ${CHROMIUM:-chromium}" "$BIN/python" -m pytest -q -m "browser or servers" \
    -n "$workers" --dist loadfile "${extra[@]}"
browser_status=$?
wait "$beside_pid"
beside_status=$?
cat "$beside_log"

if [ $browser_status -ne 0 ] || [ $beside_status -ne 0 ]; then
    echo "== make test: FAILED after $(( $(date +%s) - start )) s =="
    exit 1
fi
echo "== make test: passed in $(( $(date +%s) - start )) s =="

#!/usr/bin/env bash
# Plant bugs in the privacy and permission rules, one at a time, and see which the tests catch.
# mutmut mutates the files named in pyproject.toml ([tool.mutmut]) and runs the tests named there
# against each mutant; a "survived" mutant is a bug those tests would let through.
# Prints killed/survived figures and every mutant not killed; `.venv/bin/mutmut show NAME` shows
# its diff. A whole run is about 160 mutants and takes about an hour on two cores (a survivor runs
# every test that reaches it); stopped early, `.venv/bin/mutmut results` still lists those done.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/setup.sh

# Start from the current code: mutmut would otherwise reuse results kept in mutants/.
rm -rf mutants
# One mutant at a time: the forked runs share one SQLite test database.
run_status=0
.venv/bin/mutmut run --max-children 1 || run_status=$?

results="$(.venv/bin/mutmut results --all true)"
printf '\n==> Not killed\n'
grep -v ': killed$' <<< "$results" || echo "none"
printf '\n==> Figures\n'
for status in killed survived timeout suspicious "no tests" skipped "not checked"; do
    printf '%-10s %s\n' "$status" "$(grep -c ": $status\$" <<< "$results" || true)"
done
exit "$run_status"

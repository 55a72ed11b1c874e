#!/usr/bin/env bash
# Plant bugs in the privacy and permission rules, one at a time, and see which the tests catch.
# mutmut mutates the files named in pyproject.toml ([tool.mutmut]) and runs the tests named there
# against each mutant; a "survived" mutant is a bug those tests would let through.
# Prints killed/survived figures and every survivor; `.venv/bin/mutmut show NAME` shows its diff.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/setup.sh

# Start from the current code: mutmut would otherwise reuse results kept in mutants/.
rm -rf mutants
# One mutant at a time: the forked runs share one SQLite test database.
.venv/bin/mutmut run --max-children 1

results="$(.venv/bin/mutmut results --all true)"
printf '\n==> Survivors\n'
grep -v ': killed$' <<< "$results" || echo "none"
printf '\n==> Figures\n'
for status in killed survived timeout suspicious "no tests" skipped; do
    printf '%-10s %s\n' "$status" "$(grep -c ": $status\$" <<< "$results" || true)"
done

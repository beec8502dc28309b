#!/usr/bin/env bash
# Mutation testing of the recipe modules with mutmut, configured under [tool.mutmut] in
# pyproject.toml: the eight recipe modules, mutated, against their tests and doctests on
# the CPU. Takes about 25 minutes on two cores, so it is not part of .ci/run.
#
#   scripts/mutation.sh              every recipe module
#   scripts/mutation.sh sizes axes   some of them (module names under cookbook/)
#
# Prints mutmut's counts, then the score with never-run mutants counted as survivors.
# Work files go to mutants/ (ignored by git); `mutmut results` and `mutmut show NAME`
# list and show the survivors afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python -c 'import mutmut' 2>/dev/null; then
    echo "mutation.sh: mutmut is not installed here; run: pip install mutmut" >&2
    exit 2
fi
export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-dev}"

patterns=()
for module in "$@"; do
    patterns+=("cookbook.${module}.*")
done
mutmut run "${patterns[@]}" || true  # survivors make the exit status non-zero
mutmut export-cicd-stats >/dev/null
python - <<'PY'
import json

stats = json.load(open("mutants/mutmut-cicd-stats.json"))
counted = ("killed", "survived", "no_tests", "timeout", "suspicious")
print(", ".join(f"{name} {stats.get(name, 0)}" for name in counted))
caught = stats.get("killed", 0) + stats.get("timeout", 0)
total = sum(stats.get(name, 0) for name in counted)
print(f"mutation score: {caught}/{total} = {100 * caught / max(total, 1):.1f} % "
      "(never-run mutants count as survivors)")
PY

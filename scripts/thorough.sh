#!/usr/bin/env bash
# The thorough profile (1000 examples per property) with several random seeds, run side by
# side: `scripts/thorough.sh [SEED ...]` (default: five random seeds). Each seed's log goes
# to $OUT (the device tool's folder) or artifacts/thorough/; the last line of each is printed.
# THOROUGH_WORKERS sets pytest-xdist's workers per seed (default auto), THOROUGH_K the -k
# selection (default: all but the wheel-building tests, which test packaging, not examples).
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-artifacts/thorough}"
mkdir -p "$out"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 HYPOTHESIS_PROFILE=thorough
python=${PYTHON:-python3}
seeds=("$@")
if [ ${#seeds[@]} -eq 0 ]; then
    for _ in 1 2 3 4 5; do seeds+=("$RANDOM"); done
fi
pids=()
for seed in "${seeds[@]}"; do
    OMP_NUM_THREADS=1 "$python" -m pytest tests -q -p no:cacheprovider -p no:benchmark --device cpu \
        -n "${THOROUGH_WORKERS:-auto}" -k "${THOROUGH_K:-not wheel}" \
        --hypothesis-seed="$seed" >"$out/thorough-$seed.log" 2>&1 &
    pids+=("$!")
done
status=0
for i in "${!seeds[@]}"; do
    wait "${pids[$i]}" || status=1
    echo "seed ${seeds[$i]}: $(tail -n 1 "$out/thorough-${seeds[$i]}.log")"
done
exit "$status"

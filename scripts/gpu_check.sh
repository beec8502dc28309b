#!/usr/bin/env bash
# The prepared GPU check, on one GPU: device facts; the property suite on CUDA (ci
# profile, the sync-debug and zero-copy tests included); the installed-package check
# command, eager and under torch.compile; the CUDA benchmark table. Logs go to $OUT (the
# device tool's folder) or artifacts/gpu/. Runs from a checkout with no install step: the package goes on PYTHONPATH.
# Without a CUDA device it says so and exits 0, having run nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-artifacts/gpu}"
mkdir -p "$out"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 HYPOTHESIS_PROFILE=ci
python=${PYTHON:-python3}

{
    echo "== device"
    nvidia-smi -L 2>/dev/null || echo "nvidia-smi: not found"
    "$python" - <<'PY'
import hypothesis, numpy, sys, torch
print(f"python {sys.version.split()[0]}, torch {torch.__version__} (CUDA {torch.version.cuda}), "
      f"numpy {numpy.__version__}, hypothesis {hypothesis.__version__}")
print("device:", torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none")
PY
} 2>&1 | tee "$out/device.log"
if ! "$python" -c 'import sys, torch; sys.exit(not torch.cuda.is_available())'; then
    echo "gpu_check: SKIPPED, no CUDA device here" | tee -a "$out/device.log"
    exit 0
fi

status=0
# xdist spreads the examples over CPU workers; the GPU is shared, and each example is tiny.
workers=$("$python" -c 'import xdist' 2>/dev/null && echo "-n 8" || echo "")
echo "== pytest --device cuda (profile ci) $workers"
# shellcheck disable=SC2086
timeout 200 "$python" -m pytest --device cuda -p no:cacheprovider -p no:benchmark -q -rfEs $workers tests \
    2>&1 | tee "$out/pytest-cuda.log" | tail -n 40
test "${PIPESTATUS[0]}" -eq 0 || status=1

echo "== python -m cookbook check --device cuda --profile dev"
timeout 80 "$python" -m cookbook check --device cuda --profile dev 2>"$out/check-progress.log" \
    | tee "$out/check-cuda.log"
test "${PIPESTATUS[0]}" -eq 0 || status=1

# Inductor compiles anew for each drawn dtype, rank and layout: two examples per check.
echo "== python -m cookbook check --compile --device cuda --profile dev --max-examples 2"
timeout 110 "$python" -m cookbook check --compile --device cuda --profile dev --max-examples 2 \
    2>"$out/check-compile-progress.log" | tee "$out/check-compile-cuda.log"
test "${PIPESTATUS[0]}" -eq 0 || status=1

echo "== python -m cookbook bench --device cuda"
timeout 120 "$python" -m cookbook bench --device cuda --json "$out/bench-cuda.json" \
    2>/dev/null | tee "$out/bench-cuda.log"
test "${PIPESTATUS[0]}" -eq 0 || status=1

echo "gpu_check: exit status $status"
exit "$status"

#!/usr/bin/env bash
# The prepared GPU check: device facts, then the property suite on CUDA (ci profile).
# Writes its log to $OUT (the device tool's output folder) or artifacts/gpu/.
# Runs from a checkout with no install step: the package is put on PYTHONPATH.
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-artifacts/gpu}"
mkdir -p "$out"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 HYPOTHESIS_PROFILE=ci
python=${PYTHON:-python3}
status=0
{
    echo "== device"
    nvidia-smi -L 2>/dev/null || echo "nvidia-smi: not found"
    "$python" - <<'PY'
import hypothesis, numpy, sys, torch
print(f"python {sys.version.split()[0]}, torch {torch.__version__} (CUDA {torch.version.cuda}), "
      f"numpy {numpy.__version__}, hypothesis {hypothesis.__version__}")
if torch.cuda.is_available():
    print("device:", torch.cuda.get_device_name(0))
else:
    print("no CUDA device: the CUDA tests will refuse to run")
PY
    echo "== pytest --device cuda (profile ci)"
    timeout 420 "$python" -m pytest --device cuda -p no:cacheprovider -q -rfEs --durations=5 tests || status=$?
    echo "gpu_check: pytest exit status $status"
    exit "$status"
} 2>&1 | tee "$out/gpu_check.log"
exit "${PIPESTATUS[0]}"

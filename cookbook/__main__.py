"""``python -m cookbook``: see [cookbook.cli][]."""

from cookbook.cli import main

raise SystemExit(main())

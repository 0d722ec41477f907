"""Allow ``python -m kclmap``."""

from kclmap.cli import main

raise SystemExit(main())

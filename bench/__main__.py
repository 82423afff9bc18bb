"""`python -m bench` (what `make bench` runs): every benchmark module in turn.

Options are passed to each module, e.g. `python -m bench --plans 300` for a quick run."""

from __future__ import annotations

import sys

from bench import qa

MODULES = (qa,)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for module in MODULES:
        print(f"== {module.__name__}")
        module.main(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

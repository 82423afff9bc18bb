"""`python -m bench` (what `make bench` runs): every benchmark in turn, each with
its defaults and its figures next to a baseline measured in the same run.

    python -m bench                    # all of them
    python -m bench qa --plans 300     # one of them, with its own options"""

from __future__ import annotations

import importlib
import inspect
import sys

# Benchmarks (bench/*.py that measure); helpers such as plans.py or synth_docs.py are not listed.
BENCHMARKS = ("qa", "passages", "ingest", "broadcast", "fairness", "paragraphs", "web", "formats")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in BENCHMARKS:
        names, options = [args[0]], args[1:]
    elif args:
        print(f"usage: python -m bench [{'|'.join(BENCHMARKS)} [options]]", file=sys.stderr)
        return 2
    else:
        names, options = list(BENCHMARKS), []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"== bench.{name}", flush=True)
        sys.argv = [f"bench.{name}", *options]  # for a main() that reads sys.argv itself
        if inspect.signature(module.main).parameters:
            module.main(options)
        else:
            module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())

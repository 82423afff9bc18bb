"""A command whose reader goes away ('planbot export | head') ends quietly, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "knowledge" / "samples"


def test_a_closed_pipe_ends_the_command_without_a_traceback(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pipe.sqlite3'}"
    cli = [sys.executable, "-m", "bot.cli"]
    subprocess.run([*cli, "ingest", str(SAMPLES), "--db", url], check=True, capture_output=True)
    proc = subprocess.Popen(
        [*cli, "export", "--format", "json", "--db", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)  # the reader takes a little and leaves, as `head -c 10` does
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err, err

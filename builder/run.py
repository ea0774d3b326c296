"""Test and bench: .venv with the development packages, a Chromium, then pytest or the
start-up benchmark on a fresh build."""

from __future__ import annotations

import os
import subprocess
import venv
from pathlib import Path

from builder.assemble import build
from builder.project import DEV_REQUIREMENTS, ROOT, VENV, BuildError, run_quietly, sha256_of

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",  # tests and CI run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def venv_python() -> Path:
    """.venv with requirements-dev.txt installed (reinstalled when that file changes)."""
    python = VENV / "bin" / "python"
    stamp = VENV / "requirements-dev.sha256"
    wanted = sha256_of(DEV_REQUIREMENTS)
    if python.exists() and stamp.is_file() and stamp.read_text() == wanted:
        return python
    if not python.exists():
        print("build: creating .venv", flush=True)
        try:
            venv.create(VENV, with_pip=True)
        except (OSError, subprocess.CalledProcessError) as error:
            raise BuildError(f"cannot create .venv ({error}): install venv support (Debian: apt-get install python3-venv)") from None
    print("build: installing requirements-dev.txt into .venv", flush=True)
    run_quietly(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--requirement", str(DEV_REQUIREMENTS)],
        ROOT, "pip install of requirements-dev.txt failed (check the network, then retry)",
    )
    stamp.write_text(wanted)
    return python


def chromium_executable() -> str | None:
    """The Chromium for tests and benchmarks; None means Playwright's own."""
    if os.environ.get("CERCLE_CHROMIUM"):
        return os.environ["CERCLE_CHROMIUM"]
    return str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None


def ensure_chromium(python: Path) -> None:
    """Without a system Chromium, let Playwright download its own (once)."""
    if chromium_executable() is None:
        run_quietly(
            [str(python), "-m", "playwright", "install", "chromium"], ROOT,
            "no Chromium: install one (Debian: apt-get install chromium), or let `playwright install chromium` download it",
        )


def test(pytest_args: list[str]) -> int:
    """Every test, on every core (pytest-xdist; each worker drives its own Chromium), unless
    the arguments say how many (`-n 0`: one process, for a debugger)."""
    python = venv_python()
    ensure_chromium(python)
    build()
    told = any(arg.startswith(("-n", "--numprocesses")) for arg in pytest_args)
    workers = [] if told else ["-n", "auto"]
    return subprocess.call([str(python), "-m", "pytest", *workers, "--cov", "--cov-report=term-missing", *pytest_args], cwd=ROOT)


def bench(bench_args: list[str]) -> int:
    python = venv_python()
    ensure_chromium(python)
    build()
    return subprocess.call([str(python), str(ROOT / "bench" / "startup.py"), *bench_args], cwd=ROOT)

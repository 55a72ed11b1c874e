"""scripts/run.sh serves on the port in PORT and says so; scripts/setup.sh waits for the dpkg lock.

Both run from a copy of the scripts in a temporary project whose Python, setup and apt are small
stand-ins that record how they were called: nothing is installed and no server starts.
"""

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def executable(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/usr/bin/env bash\n" + text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "scripts").mkdir()
    for script in ("run.sh", "setup.sh"):
        shutil.copy(SCRIPTS / script, tmp_path / "scripts" / script)
    # A Python that answers run.sh's questions: one experiment exists, runserver is recorded.
    executable(
        tmp_path / ".venv/bin/python",
        f"""
if [[ "$*" == *runserver* ]]; then echo "$*" > {tmp_path}/runserver.args; fi
if [[ "$*" == *ExperimentPage* ]]; then echo 1; fi
exit 0
""",
    )
    return tmp_path


def run(project, script, env=None, path_first=None):
    environment = {name: value for name, value in os.environ.items() if name != "PORT"}
    environment.update(env or {})
    if path_first:
        environment["PATH"] = f"{path_first}:{environment['PATH']}"
    return subprocess.run(
        ["bash", str(project / "scripts" / script)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def without_setup(project):
    executable(project / "scripts/setup.sh", "echo set-up skipped\n")
    return project


@pytest.mark.parametrize("port", [None, "8123"])
def test_run_serves_on_the_port_in_PORT_and_prints_its_address(without_setup, port):
    done = run(without_setup, "run.sh", {"PORT": port} if port else {})
    assert done.returncode == 0, done.stderr
    expected = port or "8000"
    assert f"Praksisnet runs at http://127.0.0.1:{expected}" in done.stdout
    assert f"log in at http://127.0.0.1:{expected}/admin/" in done.stdout
    assert (without_setup / "runserver.args").read_text().split()[-1] == f"127.0.0.1:{expected}"


@pytest.mark.parametrize("port", ["eighty", "0", "70000"])
def test_run_refuses_a_port_that_is_not_one_and_says_how(without_setup, port):
    done = run(without_setup, "run.sh", {"PORT": port})
    assert done.returncode == 2
    assert "PORT must be a port number from 1 to 65535" in done.stderr
    assert "PORT=8080 bash scripts/run.sh" in done.stderr
    assert not (without_setup / "runserver.args").exists()
    assert "set-up skipped" not in done.stdout


def test_setup_waits_for_the_dpkg_lock_and_says_so(project, tmp_path):
    bin_dir = tmp_path / "bin"
    log = tmp_path / "apt.log"
    # apt-get records its arguments; the install "fails" so set-up stops right after it.
    executable(
        bin_dir / "apt-get",
        f"""
echo "$*" >> {log}
[[ "$*" == *install* ]] && exit 1
exit 0
""",
    )
    executable(bin_dir / "sudo", 'exec "$@"\n')
    # A Python that is not there makes set-up want python3 and python3-venv from Debian.
    done = run(project, "setup.sh", {"PYTHON": str(tmp_path / "no-python")}, path_first=bin_dir)
    assert done.returncode != 0
    assert "Installing Debian packages:" in done.stdout
    assert "dpkg lock" in done.stdout and "10 minutes" in done.stdout
    calls = log.read_text().splitlines()
    assert len(calls) == 2 and calls[0].endswith(" update") and " install " in calls[1], calls
    assert all(call.startswith("-o DPkg::Lock::Timeout=600 ") for call in calls), calls

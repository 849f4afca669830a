"""The distribution is complete: a wheel built from the source and installed in a fresh
virtual environment, away from the source tree, passes Django's checks, migrates, builds
the demo and serves the home page: every package, template, static file, catalogue,
migration, demo data file and the gazetteer are in it.

Slow (it installs every dependency, from pip's cache when it can): `make test` runs it;
`pytest -m "not slow"` leaves it out.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv", "var", "build", "*.egg-info", "node_modules", "__pycache__", "tests"
)
SERVE_HOME_PAGE = """
import io
import django
django.setup()
from django.core.management import call_command
from django.test import Client
import services
call_command("migrate", verbosity=0)
call_command("load_demo", stdout=io.StringIO())
response = Client().get("/it/")
print(services.__file__)
print(response.status_code)
print(response.content.decode())
"""


def run(*args, **kwargs):
    result = subprocess.run([str(arg) for arg in args], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    """(python of a fresh virtual environment with the wheel installed, an empty folder)."""
    work = tmp_path_factory.mktemp("package")
    shutil.copytree(ROOT, work / "source", ignore=LEFT_OUT)
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-q",
        "-w",
        work / "dist",
        work / "source",
    )
    (wheel,) = (work / "dist").glob("closher_site-*.whl")
    run(sys.executable, "-m", "venv", work / "env")
    python = work / "env" / "bin" / "python"
    constraints = ROOT / "requirements" / "constraints.txt"
    run(python, "-m", "pip", "install", "-q", "-c", constraints, wheel)
    (work / "run" / "var").mkdir(parents=True)  # the database and media go here, as with make
    return python, work / "run"


def in_environment(environment, *args):
    """Run `args` with the environment's python, from an empty folder, test settings."""
    python, folder = environment
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "DJANGO", "VIRTUAL_ENV"))
    }
    env["DJANGO_SETTINGS_MODULE"] = "closher.settings.test"
    return run(python, *args, cwd=folder, env=env)


def test_the_installed_wheel_passes_the_checks(environment):
    result = in_environment(environment, "-m", "django", "check", "--fail-level", "WARNING")
    assert "no issues" in result.stdout


def test_the_installed_wheel_serves_the_home_page(environment):
    result = in_environment(environment, "-c", SERVE_HOME_PAGE)
    module, status, html = result.stdout.split("\n", 2)
    python, _folder = environment
    assert Path(module).is_relative_to(python.parent.parent)  # not the source tree
    assert status == "200"
    assert "Trova aiuto vicino a te" in html  # demo data, templates, Italian catalogue
    assert "/static/css/site.css" in html

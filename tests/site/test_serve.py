"""`make serve` listens on this machine only, unless HOST says otherwise."""

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def gunicorn_bind(*make_args):
    """The --bind that `make serve` would give gunicorn (make -n: nothing is run)."""
    env = {key: value for key, value in os.environ.items() if key not in {"HOST", "PORT"}}
    result = subprocess.run(
        ["make", "-n", "serve", *make_args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return re.search(r"--bind (\S+)", result.stdout).group(1)


@pytest.mark.parametrize(
    ("make_args", "bind"),
    [((), "127.0.0.1:8000"), (("HOST=0.0.0.0", "PORT=9000"), "0.0.0.0:9000")],
)
def test_make_serve_binds_the_loopback_address_unless_host_is_given(make_args, bind):
    assert gunicorn_bind(*make_args) == bind

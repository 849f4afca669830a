"""The content data files (the skeleton's real texts and the demo's): every text they
carry is written in all six languages."""

import tomllib
from pathlib import Path

import pytest
from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
APPS = ["home", "services", "directory", "site"]
DATA_FILES = sorted(
    path for app in APPS for path in (Path(settings.BASE_DIR) / app).rglob("*.toml")
)


def texts(node, where=""):
    """(where, {language: text}) for every text of a data file: a table keyed by "it"."""
    if isinstance(node, list):
        for number, item in enumerate(node):
            yield from texts(item, f"{where}[{number}]")
    elif isinstance(node, dict):
        if settings.LANGUAGE_CODE in node and set(node) <= set(LANGUAGES):
            yield where, node
        else:
            for key, value in node.items():
                yield from texts(value, f"{where}.{key}")


def test_the_skeleton_and_the_demo_have_data_files():
    names = {path.relative_to(settings.BASE_DIR).as_posix() for path in DATA_FILES}

    assert {
        "home/demo.toml",
        "home/safety.toml",
        "home/skeleton.toml",
        "services/help_points/demo.toml",
        "services/contact/skeleton.toml",
    } <= names


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[path.relative_to(settings.BASE_DIR).as_posix() for path in DATA_FILES]
)
def test_every_text_is_in_all_six_languages(path):
    with open(path, "rb") as file:
        content = tomllib.load(file)

    for where, text in texts(content):
        assert sorted(text) == sorted(LANGUAGES), f"{path.name}{where}: {sorted(text)}"
        source = text[settings.LANGUAGE_CODE]
        for code, translated in text.items():
            assert translated, f"{path.name}{where}.{code} is empty"
            assert type(translated) is type(source), f"{path.name}{where}.{code}"
            if isinstance(source, list):
                assert len(translated) == len(source), f"{path.name}{where}.{code}: lines"

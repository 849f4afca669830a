"""Which packages the distribution holds (the rest is in pyproject.toml).

Every package below site/, home/, services/ and directory/ is found here, so a new one
ships without a change. site/ is installed as `closher` (the standard library owns the
name `site`), and the catalogues and static files kept at the top of the repository are
installed inside it, as `closher/locales/` and `closher/static/`.
"""

from setuptools import find_namespace_packages, find_packages, setup

APPS = ["home", "services", "directory"]
# Installed name -> folder.
FOLDERS = {"closher": "site", "closher.locales": "locales", "closher.static": "static"}


def packages_in(name, folder):
    """`name` and the packages below `folder`, named as they are installed."""
    found = find_namespace_packages(where=folder, exclude=["__pycache__*", "*.__pycache__*"])
    return [name, *(f"{name}.{package}" for package in found)]


setup(
    package_dir=FOLDERS,
    packages=[
        *(package for name, folder in FOLDERS.items() for package in packages_in(name, folder)),
        *find_packages(include=[f"{app}*" for app in APPS]),
    ],
)

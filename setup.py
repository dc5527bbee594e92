"""Package list for setuptools (the rest of the metadata is in pyproject.toml).

pyproject.toml alone cannot both find counter_app's packages and map the top-level ``resources/``
folder (its place is fixed) onto the package ``counter_app.resources``: so this file does both.
Its sub-folders (fonts, translations, …) are listed too, as data-only packages, so setuptools
knows they are meant to be shipped."""

from pathlib import Path

from setuptools import find_packages, setup

RESOURCES = Path(__file__).resolve().parent / "resources"
data_folders = sorted(
    "counter_app.resources." + ".".join(folder.relative_to(RESOURCES).parts)
    for folder in RESOURCES.rglob("*")
    if folder.is_dir() and "__pycache__" not in folder.parts
)

setup(
    packages=[
        *find_packages(include=["counter_app", "counter_app.*"]),
        "counter_app.resources",
        *data_folders,
    ],
    package_dir={"counter_app.resources": "resources"},
)

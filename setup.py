"""Build hook for the one thing pyproject.toml cannot say: ship the top-level ``resources/`` folder (example
datasets, the app icon) inside the package as ``carrot_gui/resources``, next to the packages found as usual.

Its folders are listed as packages too (setuptools would otherwise warn that they look importable); which
files ship is pyproject.toml's ``package-data`` (every file, subfolders included). The rest is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

code = find_namespace_packages(include=["pycarrot*", "carrot_gui*"])
data = ["carrot_gui.resources", *(f"carrot_gui.resources.{p}" for p in find_namespace_packages("resources"))]
setup(packages=code + data, package_dir={"carrot_gui.resources": "resources"})

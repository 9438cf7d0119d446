"""Shared fixtures: the seed plan (examples/data/changning-2021) and its illustrative values."""

import os
import pathlib
import subprocess

import pytest

import planeval

DATA = pathlib.Path(
    os.environ.get(
        "PLANEVAL_EXAMPLE_DATA",
        pathlib.Path(__file__).resolve().parents[3] / "examples" / "data",
    )
) / "changning-2021"


@pytest.fixture
def data():
    return DATA


@pytest.fixture
def table_plan():
    """The plan table (indicators.csv): 25 indicators, no tasks."""
    return planeval.Plan.load(str(DATA / "indicators.csv"))


@pytest.fixture
def json_plan():
    """The JSON plan file, with its metadata."""
    return planeval.Plan.load(str(DATA / "plan.json"))


@pytest.fixture
def observations(table_plan):
    return planeval.load_observations(
        str(DATA / "actuals-illustrative.csv"), str(DATA / "references-illustrative.csv"), table_plan
    )


def run_cli(*args):
    """Runs the planeval CLI (PLANEVAL_CLI, set by CTest) and returns its standard output."""
    cli = os.environ.get("PLANEVAL_CLI")
    if not cli:
        pytest.skip("PLANEVAL_CLI is not set (run the tests through ctest)")
    done = subprocess.run([cli, *args], capture_output=True, check=True)
    return done.stdout.decode("utf-8")

"""Shared fixtures: one model load for the whole test session."""

from __future__ import annotations

import pytest

from fogofwar.analyze import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer().load()

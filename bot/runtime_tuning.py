"""Fixes for measured per-turn costs of Rasa 3.6, installed in every Rasa process.

Installed when Rasa imports our REST channel (bot/channels.py), which happens
before it creates the tracker store and loads the model, and again, harmlessly,
when it imports our NLU component (for tools that load a model without the
channel). Each module says what it fixes and what profiling showed; the
figures are in BENCHMARKS.md.
"""
import os

from bot import fast_classifier, fast_validation, keepalive, sequential_graph, sqlite_pragmas

# RUNTIME_TUNING=off runs stock Rasa: `make bench` uses it to measure Rasa's
# default configuration as it ships, and ours without the fixes.
SWITCH = "RUNTIME_TUNING"


def install() -> None:
    if os.environ.get(SWITCH, "on").lower() == "off":
        return
    fast_validation.install()
    sqlite_pragmas.install()
    keepalive.install()
    sequential_graph.install()
    fast_classifier.install()

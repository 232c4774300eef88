"""The word lists derived from spaCy's lookups data: built in a child process, read back small."""
import subprocess
import sys
from pathlib import Path

from bot import lexicon

ROOT = Path(__file__).resolve().parents[2]


def test_the_lists_are_derived_once_and_read_back(tmp_path):
    first = lexicon.load(tmp_path)
    files = sorted(path.name for path in tmp_path.iterdir())
    assert len(files) == len(lexicon.LISTS) and not any(name.endswith(".partial") for name in files)
    assert {"japan", "lisbon", "osaka"} <= first.english_names
    assert {"life", "network", "sir"}.isdisjoint(first.english_names)
    assert {"network", "trade", "vehicle"} <= first.english_words
    assert {"gemeente", "halen"} <= first.dutch_words
    assert {"the", "de", "which"} <= first.stop_words
    assert lexicon.load(tmp_path) == first


def test_reading_the_lists_does_not_import_spacy(tmp_path):
    """spaCy would add a few hundred megabytes to the action server."""
    lexicon.load(tmp_path)  # derived here, so the child below only reads
    code = (f"import sys; from bot import lexicon; lexicon.load(__import__('pathlib').Path({str(tmp_path)!r})); "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"

"""Word lists from spaCy, kept small: English names, English words, Dutch words, stop words.

The lookups data holds a million English word frequencies, and reading them
takes about 800 MB for a moment. So the lists are derived once, in a child
process, and kept in var/lexicon/ (one word per line, named after the lookups
data's version); every later start reads those few megabytes (without importing spaCy, which
would add a few hundred megabytes to the action server).

    python -m bot.lexicon [folder]    # derive the lists now
"""
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import FrozenSet

FOLDER = Path(__file__).resolve().parents[1] / "var" / "lexicon"
# A word written capitalised this much more often than not (natural log of the
# ratio of their frequencies) is a name: Japan, Osaka, Lisbon; not Sir or Life.
NAME_LOG_RATIO = 1.0
# Rarer words than this (log probability) are not counted as known English.
ENGLISH_MIN_LOG_PROB = -17.0
LISTS = ("english-names", "english-words", "dutch-words", "stop-words")


@dataclass(frozen=True)
class Lexicon:
    english_names: FrozenSet[str]
    english_words: FrozenSet[str]
    dutch_words: FrozenSet[str]
    stop_words: FrozenSet[str]  # English and Dutch, lower case


def _version() -> str:
    import spacy_lookups_data

    return getattr(spacy_lookups_data, "__version__", "unknown")


def _paths(folder: Path) -> dict:
    return {name: folder / f"{name}-{_version()}.txt" for name in LISTS}


def build(folder: Path = FOLDER) -> None:
    import spacy_lookups_data
    import srsly

    data = Path(spacy_lookups_data.__file__).parent / "data"
    probability = srsly.read_gzip_json(data / "en_lexeme_prob.json.gz")
    names = {word.lower() for word, p in probability.items()
             if word[:1].isupper() and word[1:].islower() and p > probability.get(word.lower(), -99.0) + NAME_LOG_RATIO}
    english = {word for word, p in probability.items() if word.islower() and p > ENGLISH_MIN_LOG_PROB}
    del probability
    lemmas = srsly.read_gzip_json(data / "nl_lemma_lookup.json.gz")
    dutch = set(lemmas) | set(lemmas.values())
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
    from spacy.lang.nl.stop_words import STOP_WORDS as DUTCH_STOP_WORDS

    stop = {word.lower() for word in ENGLISH_STOP_WORDS | DUTCH_STOP_WORDS}
    folder.mkdir(parents=True, exist_ok=True)
    for (name, path), words in zip(_paths(folder).items(), (names, english, dutch, stop)):
        partial = path.with_suffix(".partial")
        partial.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
        partial.replace(path)  # whole or not at all, for a second process reading at the same time


def load(folder: Path = FOLDER) -> Lexicon:
    paths = _paths(folder)
    if not all(path.is_file() for path in paths.values()):
        # In a child process, so this one never holds the million frequencies.
        subprocess.run([sys.executable, "-m", "bot.lexicon", str(folder)], check=True,
                       cwd=Path(__file__).resolve().parents[1])
    lists = [frozenset(paths[name].read_text(encoding="utf-8").splitlines()) - {""} for name in LISTS]
    return Lexicon(*lists)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)

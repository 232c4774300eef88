"""Fixtures shared by the unit tests: the real knowledge base, its alias index and
answerer, the source page's section ids, and a way to ask the answering core a
question in plain Python (no Rasa model, no servers)."""
import re
from pathlib import Path
from typing import Callable, Sequence, Set, Tuple

import pytest

from bot.answers import Answerer, Question
from bot.knowledge import KnowledgeBase, load_knowledge_base
from bot.names import AliasIndex
from bot.replies import Context, Reply
from tests.shared_files import shared_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
# The documented page every fact comes from: shared/source, next to the repository.
SOURCE_PAGE = shared_dir() / "source" / "internationale-betrekkingen.md"
SECTION_MARK = re.compile(r"^## \[([^\]]+)\]", re.MULTILINE)


@pytest.fixture(scope="session")
def source_sections() -> Set[str]:
    """Section ids marked `## [section-id]` on the source page."""
    if not SOURCE_PAGE.is_file():
        pytest.fail(f"the source page is missing: expected it at {SOURCE_PAGE} "
                    f"(shared/source/ next to the repository, or SHARED_DIR)", pytrace=False)
    sections = set(SECTION_MARK.findall(SOURCE_PAGE.read_text(encoding="utf-8")))
    if not sections:
        pytest.fail(f"{SOURCE_PAGE} marks no section with '## [section-id]'", pytrace=False)
    return sections


# The knowledge base and everything built from it are read-only, so one per session.
@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def index(kb: KnowledgeBase) -> AliasIndex:
    return AliasIndex(kb)


@pytest.fixture(scope="session")
def answerer(kb: KnowledgeBase) -> Answerer:
    return Answerer(kb)


Ask = Callable[..., Reply]


@pytest.fixture
def ask(answerer: Answerer, index: AliasIndex) -> Ask:
    """ask(text, intent, confidence=0.9, context=Context(), ranking=(), asked=()) -> Reply.

    The mentions come from the alias index, as the entity extractor would find them;
    `asked` is the ranking of the question sentence alone (bot/question_sentence.py)."""
    def ask_(text: str, intent: str, confidence: float = 0.9, context: Context = Context(),
             ranking: Sequence[Tuple[str, float]] = (), asked: Sequence[Tuple[str, float]] = ()) -> Reply:
        question = Question(text, intent, confidence, tuple(index.find(text)), tuple(ranking), tuple(asked))
        return answerer.reply(question, context)
    return ask_


@pytest.fixture(autouse=True)
def local_stores_in_tmp(tmp_path_factory, monkeypatch) -> None:
    """No unit test writes into var/: the ticket, draft and feedback stores go to a fresh folder
    (a test that names its own with monkeypatch.setenv still wins)."""
    folder = tmp_path_factory.mktemp("stores")
    monkeypatch.setenv("HANDOFF_DB", str(folder / "handoff.sqlite3"))
    monkeypatch.setenv("FEEDBACK_DB", str(folder / "feedback.sqlite3"))

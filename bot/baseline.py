"""A keyword-search baseline: Okapi BM25 over the knowledge base, one document per entry.

It is what a plain search box would do with the same content, so the assistant's
figures can be read against it. Stateless: every turn is searched on its own, and
the best document is shown as it is, citing the document's sections. Below the
score threshold it refuses, in the reply contract of shared/eval/FORMAT.md.
"""
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from bot.evaluation import Case, Messages, figures_of, run_cases
from bot.knowledge import KnowledgeBase, Project

K1 = 1.5
B = 0.75
DEFAULT_THRESHOLD = 5.0
REFUSAL_TEXT = ("Sorry, I can't find that in what I know about Groningen's international relations. "
                "Shall I pass your question on to the staff of the International Welcome Centre North?")
STOPWORDS = frozenset("""
    a an and are as at be by can did do does for from has have how i in is it its me my
    of on or that the their there they this to was what when where which who why will with you your
    aan al bij dat de deze die dit doen een en er had heb hebben het hoe ik in is je kan
    met mijn naar niet of om ook op over te van voor wat wie waar wanneer welke zijn
""".split())
_WORD = re.compile(r"\w+")


def tokenize(text: str) -> List[str]:
    """Lower-case words, split on white space and punctuation, without stopwords."""
    return [word for word in _WORD.findall(text.lower()) if word not in STOPWORDS]


@dataclass(frozen=True)
class Document:
    topic: str
    sections: Tuple[str, ...]
    text: str


def documents_of(kb: KnowledgeBase) -> List[Document]:
    """One document per knowledge-base entry, in the words of its fields."""
    documents = [Document(t.id, t.sections, f"{t.name}. {t.summary}") for t in kb.topics.values()]
    documents += [Document(p.id, p.sections, f"{p.name}. {p.aims}") for p in kb.programmes.values()]
    documents += [Document(p.id, p.sections, _project_text(kb, p)) for p in kb.projects.values()]
    facts = kb.partner_city_facts
    cities = "; ".join(f"{place.name} ({kb.countries[place.country].name})" for place in kb.partner_cities())
    documents.append(Document("partner-cities", facts.sections, " ".join(
        (facts.regions, facts.active, facts.reactive, facts.foundation, f"Partner cities: {cities}."))))
    return documents


def _project_text(kb: KnowledgeBase, project: Project) -> str:
    parts = [f"{project.full_name}.", project.background, project.goal]
    if project.means:
        parts.append("It does so by " + "; ".join(project.means) + ".")
    parts.append(project.contribution)
    if project.refuelling_point:
        parts.append(project.refuelling_point)
    if project.period:
        parts.append(f"{project.name} runs from {project.period[0]} to {project.period[1]}.")
    partners = "; ".join(f"{p.name} ({kb.countries[p.country].name})" for p in project.partners)
    parts.append(f"Partners: {partners}.")
    return " ".join(parts)


class BM25Index:
    def __init__(self, documents: Sequence[Document], k1: float = K1, b: float = B):
        self.documents, self.k1, self.b = list(documents), k1, b
        self._term_counts = [Counter(tokenize(d.text)) for d in self.documents]
        self._lengths = [sum(counts.values()) for counts in self._term_counts]
        self._average_length = sum(self._lengths) / len(self._lengths) if self._lengths else 0.0
        document_frequency = Counter(term for counts in self._term_counts for term in counts)
        n = len(self.documents)
        # The "+1" form of the idf keeps it positive for terms in over half the documents.
        self._idf = {term: math.log((n - df + 0.5) / (df + 0.5) + 1) for term, df in document_frequency.items()}
        self._best_matches: Dict[str, Tuple[Optional[Document], float]] = {}

    def scores(self, query: str) -> List[float]:
        terms = set(tokenize(query))
        return [self._score(terms, counts, length) for counts, length in zip(self._term_counts, self._lengths)]

    def _score(self, terms, counts: Counter, length: int) -> float:
        norm = self.k1 * (1 - self.b + self.b * length / self._average_length)
        return sum(self._idf[t] * counts[t] * (self.k1 + 1) / (counts[t] + norm) for t in terms if counts[t])

    def best_match(self, query: str) -> Tuple[Optional[Document], float]:
        """The best document and its score; (None, 0.0) when no query word occurs anywhere."""
        if query not in self._best_matches:  # remembered: threshold tuning asks again and again
            scores = self.scores(query)
            if not scores or max(scores) <= 0:
                self._best_matches[query] = (None, 0.0)
            else:
                best = max(range(len(scores)), key=lambda i: scores[i])  # first of equals: stable order
                self._best_matches[query] = (self.documents[best], scores[best])
        return self._best_matches[query]


class BM25Baseline:
    def __init__(self, kb: KnowledgeBase, threshold: float = DEFAULT_THRESHOLD, index: Optional[BM25Index] = None):
        self.kb, self.threshold = kb, threshold
        self.index = index or BM25Index(documents_of(kb))

    def with_threshold(self, threshold: float) -> "BM25Baseline":
        return BM25Baseline(self.kb, threshold, self.index)

    def reply(self, text: str) -> Messages:
        """The messages the REST channel would return for one user message."""
        document, score = self.index.best_match(text)
        if document is None or score < self.threshold:
            return [{"text": REFUSAL_TEXT}, {"custom": {"no_answer": {"reason": "low_confidence"}}}]
        sources = [{"section": s, "url": self.kb.page.section_url(s)} for s in document.sections]
        return [{"text": document.text}, {"custom": {"answer": {"topic": document.topic, "sources": sources}}}]

    def send(self, sender_id: str, text: str) -> Messages:
        """`reply` in the shape of run_cases' send; the sender is ignored (no state)."""
        return self.reply(text)


def tune_threshold(kb: KnowledgeBase, cases: Sequence[Case]) -> float:
    """The threshold that maximises answered correctly + refused correctly on `cases`.

    Tuned on the very cases it is then scored on, which flatters the baseline.
    """
    baseline = BM25Baseline(kb)
    top_scores = sorted({baseline.index.best_match(t.say)[1] for c in cases for t in c.turns} - {0.0})
    if not top_scores:
        return DEFAULT_THRESHOLD
    # Each candidate answers every turn scoring at or above it; the last one refuses all.
    candidates = top_scores + [top_scores[-1] + 1.0]
    best: Tuple[float, float, float] = (-1.0, 0.0, 0.0)
    chosen = 0
    for index, threshold in enumerate(candidates):
        figures = figures_of(run_cases(cases, baseline.with_threshold(threshold).send))
        tally = figures.overall
        goal = (tally.answered_correctly or 0.0) + (tally.refused_correctly or 0.0)
        rank = (goal, -(tally.wrongly_answered_out_of_scope or 0.0), -threshold)
        if rank > best:
            best, chosen = rank, index
    # Halfway down to the next lower score: the same decisions on these cases, less on the edge.
    lower = top_scores[chosen - 1] if chosen > 0 else 0.0
    return (lower + candidates[chosen]) / 2


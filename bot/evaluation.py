"""Judging the assistant from the outside, as described in shared/eval/FORMAT.md.

Plain Python, no Rasa: a case file is loaded and validated, each turn is sent
through a `send(sender_id, text)` function (the REST channel in the CLI, a fake
in tests), each reply is judged by FORMAT.md's matching rules, and the results
are summed up into its figures.
"""
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Collection, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import yaml

CONTRACT_KEYS = ("answer", "no_answer", "clarify")
CASE_KEYS = ("id", "lang", "turns")
TURN_KEYS = ("say", "expect")
EXPECT_KEYS = ("all_of", "none_of", "sources", "no_answer")
LANGS = ("en", "nl")
REQUEST_FAILED = "request failed"
_KEBAB_CASE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_STRAIGHT_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                                  "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})
_WHITESPACE = re.compile(r"\s+")

Messages = List[Dict[str, Any]]
Send = Callable[[str, str], Messages]  # (sender id, user text) -> bot messages
Groups = Tuple[Tuple[str, ...], ...]


class CaseFileError(ValueError):
    """A case file is malformed; the message names the file and the case."""

    def __init__(self, file: Union[str, Path], case: str, problem: str):
        self.file, self.case, self.problem = str(file), case, problem
        super().__init__(f"{file}: case '{case}': {problem}")


class SendError(RuntimeError):
    """A turn could not be sent or its reply not read; the turn counts as failed."""


class _Malformed(ValueError):
    """A problem inside one case, before the case's name is attached."""


def fold(text: str) -> str:
    """The form both sides are compared in: case-insensitive, straight quotes, single spaces."""
    return _WHITESPACE.sub(" ", text.translate(_STRAIGHT_QUOTES)).casefold()


# --- cases -----------------------------------------------------------------------

@dataclass(frozen=True)
class Expect:
    all_of: Groups = ()
    none_of: Groups = ()
    sources: Tuple[str, ...] = ()
    no_answer: bool = False

    @property
    def needs_answer(self) -> bool:
        return bool(self.all_of or self.sources)


@dataclass(frozen=True)
class Turn:
    say: str
    expect: Optional[Expect] = None  # None: context only, sent but not scored


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    turns: Tuple[Turn, ...]

    @property
    def expects_no_answer(self) -> bool:
        return any(turn.expect is not None and turn.expect.no_answer for turn in self.turns)

    @property
    def in_scope(self) -> bool:
        return not self.expects_no_answer


def load_cases(path: Union[str, Path], known_sections: Optional[Collection[str]] = None) -> List[Case]:
    """Reads and validates a case file; `known_sections` also checks the ids in `sources`."""
    path = Path(path)
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseFileError(path, "-", "file not found") from None
    except yaml.YAMLError as error:
        raise CaseFileError(path, "-", f"not valid YAML: {error}") from None
    return parse_cases(content, path, known_sections)


def parse_cases(content: Any, file: Union[str, Path] = "<cases>",
                known_sections: Optional[Collection[str]] = None) -> List[Case]:
    if not isinstance(content, dict) or not isinstance(content.get("cases"), list) or not content["cases"]:
        raise CaseFileError(file, "-", "expected a mapping with a non-empty list under 'cases'")
    cases: List[Case] = []
    for index, raw in enumerate(content["cases"], start=1):
        label = raw["id"] if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"#{index}"
        try:
            case = _parse_case(raw, known_sections)
        except _Malformed as problem:
            raise CaseFileError(file, label, str(problem)) from None
        if any(c.id == case.id for c in cases):
            raise CaseFileError(file, case.id, "id used more than once")
        cases.append(case)
    return cases


def _parse_case(raw: Any, known_sections: Optional[Collection[str]]) -> Case:
    if not isinstance(raw, dict):
        raise _Malformed("expected a mapping with id, lang and turns")
    _reject_unknown_keys(raw, CASE_KEYS, "the case")
    if not isinstance(raw.get("id"), str) or not _KEBAB_CASE.match(raw["id"]):
        raise _Malformed(f"'id' missing or not kebab-case: {raw.get('id')!r}")
    if raw.get("lang") not in LANGS:
        raise _Malformed(f"'lang' must be one of {', '.join(LANGS)}, not {raw.get('lang')!r}")
    if not isinstance(raw.get("turns"), list) or not raw["turns"]:
        raise _Malformed("'turns' missing or not a non-empty list")
    turns = tuple(_parse_turn(turn, number, known_sections) for number, turn in enumerate(raw["turns"], start=1))
    if all(turn.expect is None for turn in turns):
        raise _Malformed("no turn has an 'expect', so nothing would be scored")
    return Case(raw["id"], raw["lang"], turns)


def _parse_turn(raw: Any, number: int, known_sections: Optional[Collection[str]]) -> Turn:
    try:
        if not isinstance(raw, dict):
            raise _Malformed("expected a mapping with 'say' (and 'expect')")
        _reject_unknown_keys(raw, TURN_KEYS, "the turn")
        if not isinstance(raw.get("say"), str) or not raw["say"].strip():
            raise _Malformed("'say' missing or not a non-empty text")
        if "expect" not in raw:
            return Turn(raw["say"])
        return Turn(raw["say"], parse_expect(raw["expect"], known_sections))
    except _Malformed as problem:
        raise _Malformed(f"turn {number}: {problem}") from None


def parse_expect(raw: Any, known_sections: Optional[Collection[str]] = None) -> Expect:
    """An `expect` mapping of the case format; raises ValueError naming what is wrong."""
    if not isinstance(raw, dict) or not raw:
        raise _Malformed(f"'expect' must be a mapping with at least one of {', '.join(EXPECT_KEYS)}")
    _reject_unknown_keys(raw, EXPECT_KEYS, "'expect'")
    if "no_answer" in raw and raw["no_answer"] is not True:
        raise _Malformed("'no_answer' can only be true (leave it out otherwise)")
    expect = Expect(_groups(raw, "all_of"), _groups(raw, "none_of"),
                    _sources(raw, known_sections), no_answer="no_answer" in raw)
    if expect.no_answer and expect.needs_answer:
        raise _Malformed("'no_answer' cannot go with 'all_of' or 'sources', which need an answer")
    return expect


def _groups(raw: Dict[str, Any], key: str) -> Groups:
    if key not in raw:
        return ()
    value = raw[key]
    # A bare number is taken as its text: `all_of: [[2019]]` means "2019".
    if not isinstance(value, list) or not value or not all(
            isinstance(group, list) and group and all(_is_text_or_number(a) for a in group) for group in value):
        raise _Malformed(f"'{key}' must be a non-empty list of groups, each a non-empty list of texts")
    return tuple(tuple(str(alternative) for alternative in group) for group in value)


def _is_text_or_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or isinstance(value, str) and bool(value.strip())


def _sources(raw: Dict[str, Any], known_sections: Optional[Collection[str]]) -> Tuple[str, ...]:
    if "sources" not in raw:
        return ()
    value = raw["sources"]
    if not isinstance(value, list) or not value or not all(isinstance(s, str) and s.strip() for s in value):
        raise _Malformed("'sources' must be a non-empty list of section ids")
    unknown = [s for s in value if known_sections is not None and s not in known_sections]
    if unknown:
        raise _Malformed(f"unknown section id(s) in 'sources': {', '.join(unknown)}")
    return tuple(value)


def _reject_unknown_keys(raw: Dict[str, Any], known: Sequence[str], where: str) -> None:
    unknown = sorted(str(key) for key in raw if key not in known)
    if unknown:
        raise _Malformed(f"unknown key(s) in {where}: {', '.join(unknown)} (known: {', '.join(known)})")


# --- judging one turn ---------------------------------------------------------------

@dataclass(frozen=True)
class Reply:
    """What the bot sent back in one turn, read by the reply contract."""
    text: str = ""
    kinds: Tuple[str, ...] = ()  # the contract keys it carried: answer, no_answer, clarify
    topic: Optional[str] = None
    cited: Tuple[str, ...] = ()  # section ids in answer.sources
    refusal_reason: Optional[str] = None
    violations: Tuple[str, ...] = ()

    @property
    def answered(self) -> bool:
        return "answer" in self.kinds

    def describe(self) -> str:
        parts = []
        if self.answered:
            parts.append(f"answer (topic {self.topic}, sources {', '.join(self.cited) or 'none'})")
        if "no_answer" in self.kinds:
            parts.append(f"no_answer ({self.refusal_reason})")
        if "clarify" in self.kinds:
            parts.append("clarify")
        return " + ".join(parts) or "no answer/no_answer/clarify metadata"


def read_reply(bot_messages: Messages) -> Reply:
    texts, kinds, cited, violations = [], [], [], []
    topic = reason = None
    for message in bot_messages:
        if isinstance(message.get("text"), str):
            texts.append(message["text"])
        custom = message.get("custom")
        if not isinstance(custom, dict):
            continue
        for kind in CONTRACT_KEYS:
            if kind in custom and kind not in kinds:
                kinds.append(kind)
        answer, refusal = custom.get("answer"), custom.get("no_answer")
        if "answer" in custom:
            if not isinstance(answer, dict) or not _is_source_list(answer.get("sources")):
                violations.append("contract violation: answer.sources is not a list of {section, url}")
            else:
                topic = answer.get("topic")
                cited.extend(source["section"] for source in answer["sources"])
        if "no_answer" in custom:
            reason = refusal.get("reason") if isinstance(refusal, dict) else None
    if len(kinds) > 1:
        violations.append(f"contract violation: the turn carries {' and '.join(kinds)}, not exactly one")
    return Reply("\n".join(texts), tuple(kinds), topic, tuple(cited), reason, tuple(violations))


def _is_source_list(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(source, dict) and isinstance(source.get("section"), str) for source in value)


@dataclass(frozen=True)
class TurnResult:
    reply: Reply
    scored: bool
    reasons: Tuple[str, ...] = ()  # why the turn failed; empty when it passed

    @property
    def passed(self) -> bool:
        return not self.reasons

    @property
    def request_failed(self) -> bool:
        return any(reason.startswith(REQUEST_FAILED) for reason in self.reasons)


def judge_turn(expect: Union[Expect, Mapping[str, Any], None], bot_messages: Messages) -> TurnResult:
    """Applies FORMAT.md's matching rules to the messages of one turn."""
    if isinstance(expect, Mapping):
        expect = parse_expect(dict(expect))
    reply = read_reply(bot_messages)
    if expect is None:
        return TurnResult(reply, scored=False)
    reasons = list(reply.violations)
    if expect.no_answer and "no_answer" not in reply.kinds:
        reasons.append(f"expected no_answer, got {reply.describe()}")
    if expect.needs_answer and not reply.answered:
        reasons.append(f"expected an answer, got {reply.describe()}")
    text = fold(reply.text)
    for group in expect.all_of:
        if not any(fold(alternative) in text for alternative in group):
            reasons.append(f"does not say {' or '.join(repr(a) for a in group)}")
    for group in expect.none_of:
        reasons.extend(f"says {a!r}, which it must not" for a in group if fold(a) in text)
    if expect.sources and reply.answered and not set(expect.sources) & set(reply.cited):
        reasons.append(f"cites {', '.join(reply.cited) or 'no section'}, expected one of {', '.join(expect.sources)}")
    return TurnResult(reply, scored=True, reasons=tuple(reasons))


# --- running cases and summing up -----------------------------------------------------

@dataclass(frozen=True)
class CaseResult:
    case: Case
    turns: Tuple[TurnResult, ...]  # one per turn of the case, in order

    @property
    def passed(self) -> bool:
        return all(turn.passed for turn in self.turns)

    @property
    def answered_out_of_scope(self) -> bool:
        """A no_answer turn of this case got an `answer` instead."""
        return any(turn.expect is not None and turn.expect.no_answer and result.reply.answered
                   for turn, result in zip(self.case.turns, self.turns))


def fresh_sender_id() -> str:
    return f"eval-{uuid.uuid4().hex}"


def run_cases(cases: Sequence[Case], send: Send,
              new_sender_id: Callable[[], str] = fresh_sender_id) -> List[CaseResult]:
    """Sends every turn of every case (one fresh sender per case) and judges the replies."""
    results = []
    for case in cases:
        sender_id = new_sender_id()
        turns = []
        for turn in case.turns:
            try:
                messages = send(sender_id, turn.say)
            except SendError as error:
                # Counted as failed even on a context turn: the conversation is broken.
                turns.append(TurnResult(Reply(), turn.expect is not None, (f"{REQUEST_FAILED}: {error}",)))
                continue
            turns.append(judge_turn(turn.expect, messages))
        results.append(CaseResult(case, tuple(turns)))
    return results


@dataclass(frozen=True)
class Tally:
    in_scope_cases: int = 0
    in_scope_passed: int = 0
    no_answer_cases: int = 0
    no_answer_passed: int = 0
    no_answer_answered: int = 0

    @property
    def answered_correctly(self) -> Optional[float]:
        return _share(self.in_scope_passed, self.in_scope_cases)

    @property
    def refused_correctly(self) -> Optional[float]:
        return _share(self.no_answer_passed, self.no_answer_cases)

    @property
    def wrongly_answered_out_of_scope(self) -> Optional[float]:
        return _share(self.no_answer_answered, self.no_answer_cases)

    def add(self, result: CaseResult) -> "Tally":
        if result.case.in_scope:
            return Tally(self.in_scope_cases + 1, self.in_scope_passed + result.passed,
                         self.no_answer_cases, self.no_answer_passed, self.no_answer_answered)
        return Tally(self.in_scope_cases, self.in_scope_passed, self.no_answer_cases + 1,
                     self.no_answer_passed + result.passed, self.no_answer_answered + result.answered_out_of_scope)

    def to_dict(self) -> Dict[str, Any]:
        return {"answered_correctly": self.answered_correctly, "refused_correctly": self.refused_correctly,
                "wrongly_answered_out_of_scope": self.wrongly_answered_out_of_scope,
                "in_scope_cases": self.in_scope_cases, "in_scope_passed": self.in_scope_passed,
                "no_answer_cases": self.no_answer_cases, "no_answer_passed": self.no_answer_passed,
                "no_answer_answered": self.no_answer_answered}


def _share(part: int, whole: int) -> Optional[float]:
    return part / whole if whole else None


@dataclass(frozen=True)
class Figures:
    overall: Tally
    by_lang: Dict[str, Tally]
    failing: Tuple[CaseResult, ...]
    contract_violations: Tuple[Tuple[str, int, str], ...]  # (case id, turn number, what)
    failed_requests: int

    def to_dict(self) -> Dict[str, Any]:
        return {"overall": self.overall.to_dict(),
                "by_lang": {lang: tally.to_dict() for lang, tally in self.by_lang.items()},
                "failed_requests": self.failed_requests,
                "contract_violations": [{"case": c, "turn": t, "problem": p} for c, t, p in self.contract_violations],
                "failing_cases": [_failure_to_dict(result) for result in self.failing]}


def figures_of(results: Sequence[CaseResult]) -> Figures:
    overall, by_lang = Tally(), {lang: Tally() for lang in LANGS}
    for result in results:
        overall = overall.add(result)
        by_lang[result.case.lang] = by_lang[result.case.lang].add(result)
    violations = tuple((r.case.id, number, violation) for r in results
                       for number, turn in enumerate(r.turns, start=1) for violation in turn.reply.violations)
    failed_requests = sum(turn.request_failed for r in results for turn in r.turns)
    return Figures(overall, by_lang, tuple(r for r in results if not r.passed), violations, failed_requests)


def failing_turns(result: CaseResult) -> List[Tuple[int, Turn, TurnResult]]:
    """(turn number, turn, result) of each turn that made the case fail."""
    numbered = enumerate(zip(result.case.turns, result.turns), start=1)
    return [(number, turn, outcome) for number, (turn, outcome) in numbered if not outcome.passed]


def _failure_to_dict(result: CaseResult) -> Dict[str, Any]:
    return {"id": result.case.id, "lang": result.case.lang,
            "turns": [{"turn": number, "say": turn.say, "said": outcome.reply.text, "got": outcome.reply.describe(),
                       "why": list(outcome.reasons)} for number, turn, outcome in failing_turns(result)]}

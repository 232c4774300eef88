"""The evaluation harness: FORMAT.md's matching rules, the figures, and malformed case files."""
import json
from pathlib import Path
from typing import Dict, List

import pytest
import yaml

from bot.evaluation import (Case, CaseFileError, Expect, SendError, Turn, figures_of, fold, judge_turn,
                            load_cases, parse_cases, run_cases)

SAMPLE = Path("/work/shared/eval/sample.yml")


def answer(text: str, *sections: str, topic: str = "hector") -> List[Dict]:
    sources = [{"section": s, "url": f"https://example.org/page#{s}"} for s in sections]
    return [{"text": text}, {"custom": {"answer": {"topic": topic, "sources": sources}}}]


def refusal(text: str = "I don't know that. Shall I pass it on to the Welcome Centre staff?") -> List[Dict]:
    return [{"text": text, "custom": {"no_answer": {"reason": "out_of_scope"}}}]


def case(case_id: str, *turns: Turn, lang: str = "en") -> Case:
    return Case(case_id, lang, tuple(turns))


# --- fold --------------------------------------------------------------------------------

def test_fold_lowercases_straightens_quotes_and_collapses_white_space():
    assert fold("Xi’an  and\n\t“HECTOR”") == "xi'an and \"hector\""


# --- all_of --------------------------------------------------------------------------------

def test_all_of_passes_when_every_group_matches_with_an_answer():
    result = judge_turn(Expect(all_of=(("2019",), ("2023",))), answer("HECTOR runs from 2019 to 2023.", "hector"))
    assert result.passed and result.scored


def test_all_of_group_matches_on_any_alternative():
    assert judge_turn(Expect(all_of=(("6", "six"),)), answer("It buys six cars.", "hytrec2")).passed


def test_all_of_fails_naming_the_missing_group():
    result = judge_turn(Expect(all_of=(("Arnhem",), ("Herten",))), answer("Arnhem and Duisburg.", "hector"))
    assert not result.passed
    assert result.reasons == ("does not say 'Herten'",)


def test_all_of_is_case_insensitive_and_folds_curly_quotes_and_white_space():
    reply = answer("XI’AN and the Welcome\n   Centre", "partner-cities")
    assert judge_turn({"all_of": [["Xi'an"], ["welcome centre"]]}, reply).passed


def test_all_of_alternative_with_curly_quote_matches_straight_text():
    assert judge_turn({"all_of": [["Xi’an"]]}, answer("Xi'an", "partner-cities")).passed


def test_all_of_reads_the_text_of_all_messages_of_the_turn():
    reply = [{"text": "Oldenburg and Bremen."}, {"text": "Also Hamburg."},
             {"custom": {"answer": {"topic": "partner-cities", "sources": []}}}]
    assert judge_turn({"all_of": [["Oldenburg"], ["Hamburg"]]}, reply).passed


def test_all_of_matches_across_the_boundary_of_two_messages_as_one_space():
    reply = [{"text": "Welcome"}, {"text": "Centre", "custom": {"answer": {"topic": "x", "sources": []}}}]
    assert judge_turn({"all_of": [["Welcome Centre"]]}, reply).passed


def test_all_of_needs_an_answer_even_when_the_text_matches():
    result = judge_turn({"all_of": [["2019"]]}, [{"text": "HECTOR runs from 2019."}])
    assert not result.passed
    assert "expected an answer" in result.reasons[0]


def test_a_no_answer_turn_never_passes_all_of():
    result = judge_turn({"all_of": [["Welcome Centre"]]}, refusal("I can pass it on to the Welcome Centre."))
    assert not result.passed
    assert result.reasons == ("expected an answer, got no_answer (out_of_scope)",)


def test_a_clarify_turn_does_not_pass_all_of():
    reply = [{"text": "HECTOR or HyTrEc2?", "custom": {"clarify": {"options": ["hector", "hytrec2"]}}}]
    assert not judge_turn({"all_of": [["HECTOR"]]}, reply).passed


# --- none_of ---------------------------------------------------------------------------------

def test_none_of_fails_when_any_alternative_occurs():
    expect = {"all_of": [["Arnhem"]], "none_of": [["Narvik"], ["Oslo", "Bergen"]]}
    result = judge_turn(expect, answer("Arnhem, Narvik and Bergen.", "hector"))
    assert result.reasons == ("says 'Narvik', which it must not", "says 'Bergen', which it must not")


def test_none_of_passes_when_nothing_listed_occurs():
    assert judge_turn({"all_of": [["Arnhem"]], "none_of": [["narvik"]]}, answer("Arnhem.", "hector")).passed


def test_none_of_folds_like_all_of():
    assert not judge_turn({"none_of": [["xi'an"]]}, answer("XI’AN", "partner-cities")).passed


def test_none_of_alone_does_not_need_an_answer():
    assert judge_turn({"none_of": [["Narvik"]]}, refusal()).passed


# --- sources ------------------------------------------------------------------------------------

def test_sources_pass_when_one_of_the_listed_sections_is_cited():
    assert judge_turn({"sources": ["hector", "interreg-nwe"]}, answer("...", "interreg-nwe", "other")).passed


def test_sources_fail_when_other_sections_are_cited():
    result = judge_turn({"sources": ["hector"]}, answer("...", "hytrec2"))
    assert result.reasons == ("cites hytrec2, expected one of hector",)


def test_sources_fail_without_an_answer():
    assert not judge_turn({"sources": ["hector"]}, refusal()).passed


def test_sources_are_read_from_answer_metadata_only():
    reply = [{"text": "see #hector", "custom": {"no_answer": {"reason": "unknown_fact"}}}]
    assert not judge_turn({"sources": ["hector"]}, reply).passed


# --- no_answer ------------------------------------------------------------------------------------

def test_no_answer_passes_on_a_no_answer_turn_with_related_information():
    reply = refusal("I don't know when that started, but here is what I know about Oldenburg: ...")
    assert judge_turn({"no_answer": True}, reply).passed


@pytest.mark.parametrize("reply, got", [
    (answer("HECTOR got lots of money.", "hector"), "answer (topic hector, sources hector)"),
    ([{"text": "Which one?", "custom": {"clarify": {"options": ["a", "b"]}}}], "clarify"),
    ([{"text": "Hi!"}], "no answer/no_answer/clarify metadata"),
    ([], "no answer/no_answer/clarify metadata"),
])
def test_no_answer_fails_on_anything_else(reply, got):
    result = judge_turn(Expect(no_answer=True), reply)
    assert result.reasons == (f"expected no_answer, got {got}",)


# --- the reply contract --------------------------------------------------------------------------

def test_more_than_one_contract_key_in_a_turn_is_a_violation_that_fails_the_turn():
    reply = refusal() + answer("HECTOR ...", "hector")
    result = judge_turn({"no_answer": True}, reply)
    assert not result.passed
    assert "contract violation" in result.reasons[0]
    assert result.reply.violations


def test_a_violation_in_a_context_turn_is_reported_but_not_scored():
    result = judge_turn(None, [{"custom": {"answer": {"topic": "x", "sources": []}, "clarify": {"options": []}}}])
    assert result.passed and not result.scored
    assert result.reply.violations == ("contract violation: the turn carries answer and clarify, not exactly one",)


def test_malformed_answer_sources_are_a_contract_violation():
    reply = [{"text": "2019", "custom": {"answer": {"topic": "hector", "sources": "hector"}}}]
    result = judge_turn({"all_of": [["2019"]]}, reply)
    assert result.reasons == ("contract violation: answer.sources is not a list of {section, url}",)


def test_small_talk_without_metadata_is_fine_in_a_context_turn():
    assert judge_turn(None, [{"text": "Hello!"}]).passed


# --- running cases -------------------------------------------------------------------------------

class FakeBot:
    """Remembers the last project per sender, so follow-ups work only within one conversation."""

    def __init__(self):
        self.calls: List[tuple] = []
        self.last_project: Dict[str, str] = {}

    def send(self, sender_id: str, text: str) -> List[Dict]:
        self.calls.append((sender_id, text))
        if "HECTOR" in text:
            self.last_project[sender_id] = "hector"
            return answer("HECTOR develops refuse trucks.", "hector")
        if "which cities" in text and self.last_project.get(sender_id) == "hector":
            return answer("Arnhem, Duisburg and Herten.", "hector")
        if "parking" in text:
            return refusal()
        return [{"text": "Hi!"}]


FOLLOW_UP = case("followup", Turn("Tell me about HECTOR"),
                 Turn("which cities take part?", Expect(all_of=(("Arnhem",), ("Herten",)), sources=("hector",))))


def test_context_turns_are_sent_and_not_scored():
    bot = FakeBot()
    results = run_cases([case("ctx", Turn("hello there"), Turn("parking?", Expect(no_answer=True)))], bot.send)
    assert [text for _, text in bot.calls] == ["hello there", "parking?"]
    assert results[0].passed
    assert [turn.scored for turn in results[0].turns] == [False, True]


def test_multi_turn_case_keeps_one_sender_and_each_case_gets_a_fresh_one():
    bot = FakeBot()
    results = run_cases([FOLLOW_UP, FOLLOW_UP], bot.send)
    senders = [sender for sender, _ in bot.calls]
    assert senders[0] == senders[1] and senders[2] == senders[3] and senders[0] != senders[2]
    assert all(result.passed for result in results)


def test_a_follow_up_without_its_context_fails():
    bot = FakeBot()
    lone = case("lone", Turn("which cities take part?", Expect(all_of=(("Arnhem",),))))
    assert not run_cases([lone], bot.send)[0].passed


def test_a_failed_request_is_a_failed_turn_not_a_crash():
    def send(sender_id, text):
        if text == "boom":
            raise SendError("HTTP 500 from http://x/webhooks/rest/webhook: oops")
        return refusal()

    results = run_cases([case("a", Turn("boom"), Turn("parking", Expect(no_answer=True))),
                         case("b", Turn("parking", Expect(no_answer=True)))], send)
    assert [r.passed for r in results] == [False, True]
    assert results[0].turns[0].reasons == ("request failed: HTTP 500 from http://x/webhooks/rest/webhook: oops",)
    assert figures_of(results).failed_requests == 1


# --- figures -----------------------------------------------------------------------------------------

def scripted(replies: Dict[str, List[Dict]]):
    return lambda sender_id, text: replies[text]


def test_figures_split_in_scope_and_no_answer_cases_overall_and_per_lang():
    cases = [
        case("in-ok", Turn("q1", Expect(all_of=(("2019",),)))),
        case("in-bad", Turn("q2", Expect(all_of=(("2019",),)))),
        case("oos-ok", Turn("q3", Expect(no_answer=True))),
        case("oos-answered", Turn("q4", Expect(no_answer=True))),
        case("nl-oos-clarify", Turn("q5", Expect(no_answer=True)), lang="nl"),
    ]
    replies = {"q1": answer("2019", "hector"), "q2": refusal(), "q3": refusal(),
               "q4": answer("sure", "hector"), "q5": [{"text": "?", "custom": {"clarify": {"options": ["a"]}}}]}
    figures = figures_of(run_cases(cases, scripted(replies)))
    assert figures.overall.answered_correctly == 0.5
    assert figures.overall.refused_correctly == pytest.approx(1 / 3)
    assert figures.overall.wrongly_answered_out_of_scope == pytest.approx(1 / 3)  # a clarify is not an answer
    assert figures.by_lang["en"].refused_correctly == 0.5
    assert figures.by_lang["nl"].refused_correctly == 0.0
    assert figures.by_lang["nl"].answered_correctly is None  # no in-scope nl cases
    assert [r.case.id for r in figures.failing] == ["in-bad", "oos-answered", "nl-oos-clarify"]


def test_a_case_with_a_no_answer_turn_is_out_of_scope_and_must_pass_every_scored_turn():
    mixed = case("mixed", Turn("q1", Expect(all_of=(("2019",),))), Turn("q2", Expect(no_answer=True)))
    figures = figures_of(run_cases([mixed], scripted({"q1": answer("2020", "hector"), "q2": refusal()})))
    assert (figures.overall.in_scope_cases, figures.overall.no_answer_cases) == (0, 1)
    assert figures.overall.refused_correctly == 0.0
    assert figures.overall.wrongly_answered_out_of_scope == 0.0  # its no_answer turn did refuse


def test_failing_cases_say_per_turn_what_was_said_and_why():
    figures = figures_of(run_cases([FOLLOW_UP], scripted({
        "Tell me about HECTOR": answer("HECTOR ...", "hector"),
        "which cities take part?": answer("Arnhem and Narvik.", "hytrec2")})))
    report = figures.to_dict()
    json.dumps(report)  # serialisable as it is
    [failure] = report["failing_cases"]
    assert failure["id"] == "followup"
    assert failure["turns"] == [{
        "turn": 2, "say": "which cities take part?", "said": "Arnhem and Narvik.",
        "got": "answer (topic hector, sources hytrec2)",
        "why": ["does not say 'Herten'", "cites hytrec2, expected one of hector"]}]


# --- case files ---------------------------------------------------------------------------------------

VALID_CASE = {"id": "hector-period", "lang": "en",
              "turns": [{"say": "When does HECTOR run?",
                         "expect": {"all_of": [["2019"], [2023]], "sources": ["hector"]}}]}


def test_a_valid_file_loads(tmp_path):
    path = tmp_path / "cases.yml"
    path.write_text(yaml.safe_dump({"cases": [VALID_CASE]}), encoding="utf-8")
    [loaded] = load_cases(path, known_sections={"hector"})
    assert loaded.turns[0].expect == Expect(all_of=(("2019",), ("2023",)), sources=("hector",))
    assert loaded.in_scope


@pytest.mark.parametrize("change, problem", [
    ({"turns": None}, "'turns' missing"),
    ({"turns": []}, "'turns' missing"),
    ({"lang": "de"}, "'lang' must be one of en, nl"),
    ({"id": "Hector Period"}, "not kebab-case"),
    ({"turn": []}, "unknown key(s) in the case: turn"),
    ({"turns": [{"expect": {"no_answer": True}}]}, "turn 1: 'say' missing"),
    ({"turns": [{"say": "hi"}]}, "no turn has an 'expect'"),
    ({"turns": [{"say": "hi", "expect": {"any_of": [["x"]]}}]}, "turn 1: unknown key(s) in 'expect': any_of"),
    ({"turns": [{"say": "hi", "expect": {}}]}, "turn 1: 'expect' must be a mapping"),
    ({"turns": [{"say": "hi", "expect": {"all_of": ["2019"]}}]}, "'all_of' must be a non-empty list of groups"),
    ({"turns": [{"say": "hi", "expect": {"none_of": [[]]}}]}, "'none_of' must be a non-empty list of groups"),
    ({"turns": [{"say": "hi", "expect": {"sources": "hector"}}]}, "'sources' must be a non-empty list"),
    ({"turns": [{"say": "hi", "expect": {"sources": ["hectr"]}}]}, "unknown section id(s) in 'sources': hectr"),
    ({"turns": [{"say": "hi", "expect": {"no_answer": False}}]}, "'no_answer' can only be true"),
    ({"turns": [{"say": "hi", "expect": {"no_answer": True, "all_of": [["x"]]}}]}, "cannot go with 'all_of'"),
])
def test_malformed_cases_are_rejected_naming_the_case(change, problem):
    raw = {**VALID_CASE, **change}
    raw = {k: v for k, v in raw.items() if v is not None}
    with pytest.raises(CaseFileError) as error:
        parse_cases({"cases": [raw]}, "cases.yml", known_sections={"hector"})
    assert f"case '{raw['id']}'" in str(error.value)
    assert problem in str(error.value)


def test_a_case_without_an_id_is_named_by_its_position():
    with pytest.raises(CaseFileError, match=r"case '#2': 'id' missing"):
        parse_cases({"cases": [VALID_CASE, {"lang": "en", "turns": [{"say": "x"}]}]})


def test_a_duplicate_id_is_rejected():
    with pytest.raises(CaseFileError, match="case 'hector-period': id used more than once"):
        parse_cases({"cases": [VALID_CASE, VALID_CASE]})


@pytest.mark.parametrize("text", ["cases: [", "just text", "cases: []", "other: 1"])
def test_a_file_that_is_not_a_case_list_is_rejected(tmp_path, text):
    path = tmp_path / "cases.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError, match=str(path)):
        load_cases(path)


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(CaseFileError, match="file not found"):
        load_cases(tmp_path / "nope.yml")


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not present")
def test_the_shared_sample_file_loads():
    cases = load_cases(SAMPLE)
    assert any(not c.in_scope for c in cases) and any(c.in_scope for c in cases)

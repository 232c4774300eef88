"""What every kind of answer needs: the question, its subject, and refusing well."""
from dataclasses import dataclass
from typing import List, Optional, Tuple

from bot import cues
from bot.describe import Describer, listing
from bot.knowledge import KnowledgeBase, Project
from bot.names import (COUNTRY, ORGANISATION, PARTNER_CITIES, PLACE, PROGRAMME, PROJECT,
                       PROJECT_KEYWORD, TOPIC, Mention)
from bot.replies import Context, Reply, clarify, no_answer

HOME = "groningen"  # the city itself: context of every question, rarely its subject
PARTNER_CITY_TOPIC = PARTNER_CITIES
PROJECTS_TOPIC = "european-projects"
PROGRAMMES_TOPIC = "eu-programmes"
WELCOME_CENTRE_TOPIC = "welcome-centre"


@dataclass(frozen=True)
class Question:
    text: str
    intent: str
    confidence: float
    mentions: Tuple[Mention, ...] = ()
    ranking: Tuple[Tuple[str, float], ...] = ()  # the classifier's other guesses, best first
    # The guesses for the asking sentences alone, when a story surrounds them (bot/question_sentence.py).
    asked_ranking: Tuple[Tuple[str, float], ...] = ()


def mention_of(kind: str, entry_id: str) -> Mention:
    """A mention that comes from the context, not from the words of the question."""
    return Mention(kind, entry_id, "", -1, -1)


class AnswerTools:
    def __init__(self, kb: KnowledgeBase, say: Describer):
        self.kb, self.say = kb, say

    def mentioned(self, question: Question, *kinds: str) -> List[Mention]:
        """Mentions of the given kinds; a name beats a keyword that only points at a project."""
        wanted = set(kinds) | ({PROJECT_KEYWORD} if PROJECT in kinds else set())
        found = [m for m in question.mentions if m.kind in wanted and m.id != HOME]
        return sorted(found, key=lambda m: m.kind == PROJECT_KEYWORD)

    def subject(self, question: Question, context: Context, *kinds: str) -> Optional[Tuple[str, str]]:
        mentioned = self.mentioned(question, *kinds)
        if mentioned:
            kind = PROJECT if mentioned[0].kind == PROJECT_KEYWORD else mentioned[0].kind
            return kind, mentioned[0].id
        countries = self.countries(question)
        if context.subject_kind == PLACE and PLACE in kinds and countries and (
                self.kb.places[context.subject_id].country not in countries):
            # "and the one in Nicaragua?" after Murmansk: the partner city there, when there is one.
            cities = [c for country in countries for c in self.kb.partner_cities_in(country)]
            return (PLACE, cities[0].id) if len(cities) == 1 else None
        if context.subject and context.subject[0] in kinds:
            if context.subject_kind == PROJECT and cues.asks_about_the_other(question.text):
                others = [p for p in self.kb.projects if p != context.subject_id]
                if len(others) == 1:  # "what about the other hydrogen project?"
                    return PROJECT, others[0]
            return context.subject
        return None

    def projects(self, question: Question, context: Context) -> List[Project]:
        """The projects asked about: named ones, else the one the conversation is about."""
        ids = list(dict.fromkeys(m.id for m in self.mentioned(question, PROJECT)))
        by_name = [m.id for m in question.mentions if m.kind == PROJECT]
        if by_name and cues.asks_one_thing_of_a_project(question.text):
            # "which hydrogen vehicles does Groningen develop in HECTOR?": the project named, not the one
            # whose keyword ("hydrogen vehicles") is also in the question
            ids = list(dict.fromkeys(by_name))
        if not by_name and cues.means_every_project(question.text):
            ids = list(self.kb.projects)  # "in each of the two projects": not the one a keyword points at
        if not ids and cues.says_project(question.text):
            # "the north sea project": the project of the programme named
            ids = [p.id for m in self.mentioned(question, PROGRAMME) for p in self.kb.projects_in_programme(m.id)]
        if not ids and context.subject_kind == PROGRAMME:
            # "what does Groningen do in it?" after a programme: its project(s)
            ids = [p.id for p in self.kb.projects_in_programme(context.subject_id)]
        if not ids and context.project:
            ids = [context.project]
        if not ids and context.subject_kind in (PLACE, ORGANISATION):
            # "who else is in it?" after Narvik: the one project it takes part in
            found = self.kb.projects_with_member(context.subject_id)
            ids = [found[0][0].id] if len(found) == 1 else []
        if ids and not self.mentioned(question, PROJECT) and cues.asks_about_the_other(question.text):
            ids = [p for p in self.kb.projects if p not in ids]  # "the other project"
        return [self.kb.projects[i] for i in ids]

    def country_of(self, mention: Mention) -> str:
        thing = self.kb.places[mention.id] if mention.kind == PLACE else self.kb.organisations[mention.id]
        return thing.country

    def countries(self, question: Question) -> List[str]:
        return list(dict.fromkeys(m.id for m in self.mentioned(question, COUNTRY)))

    def countries_set_aside(self, question: Question) -> List[str]:
        """'who else from outside the Netherlands?', 'apart from the German ones': countries left out."""
        return list(dict.fromkeys(m.id for m in self.mentioned(question, COUNTRY)
                                  if cues.sets_aside_what_follows(question.text[:m.start])))

    def name(self, kind: str, entry_id: str) -> str:
        if (kind, entry_id) == (TOPIC, PARTNER_CITIES):
            return "Groningen's partner cities"
        table = {PROJECT: self.kb.projects, PROGRAMME: self.kb.programmes, PLACE: self.kb.places,
                 TOPIC: self.kb.topics, ORGANISATION: self.kb.organisations, COUNTRY: self.kb.countries}
        return table[kind][entry_id].name

    def refuse(self, reason: str, why: str, context: Context, related: Optional[Reply] = None) -> Reply:
        return no_answer(reason, f"I'm sorry, {why}", context, related)

    def ask_which_project(self, intent: str) -> Reply:
        options = [(p.id, p.name) for p in self.kb.projects.values()]
        names = listing([p.name for p in self.kb.projects.values()], "or")
        return clarify(f"Which project do you mean: {names}?", options, Context(intent))

"""Deciding the reply to a question: plain Python, no Rasa.

Input: what the NLU understood (intent, confidence, mentions of known things)
and the conversation context. Output: a Reply of the reply contract. The rule
throughout: answer only what the knowledge base states; when the subject is
known but the fact is not, say so (`unknown_fact`); when unsure, ask or refuse.
"""
from dataclasses import dataclass, replace
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bot import cues
from bot.describe import Describer, bullets, listing
from bot.knowledge import KnowledgeBase, Project
from bot.names import (COUNTRY, ORGANISATION, PLACE, PROGRAMME, PROJECT, PROJECT_KEYWORD,
                       TOPIC, Mention)
from bot.replies import (LOW_CONFIDENCE, OUT_OF_SCOPE, UNKNOWN_FACT, Context, Reply, answer,
                         clarify, handoff, no_answer, response)

# Below this intent confidence the assistant does not answer on its own guess.
LOW_CONFIDENCE_THRESHOLD = 0.30
# Small talk is taken at its word only when the classifier is this sure and no
# known thing is named ("and Murmansk?" is a question, whatever it resembles).
SMALL_TALK_CONFIDENCE = 0.6
SMALL_TALK_RESPONSES = {
    "greet": "utter_greet", "goodbye": "utter_goodbye", "thank": "utter_you_are_welcome",
    "bot_challenge": "utter_iamabot", "ask_capabilities": "utter_capabilities",
}
HANDOFF_INTENTS = ("affirm", "deny", "request_human")

TOPIC_INTENTS = {
    "ask_international_relations": "international-relations",
    "ask_welcome_centre": "welcome-centre",
    "ask_internationalisation_policy": "internationalisation-policy",
    "ask_international_trade": "international-trade",
}
# The kinds of subject a follow-up may bring to each kind of question.
FOLLOW_UP_KINDS = {
    "ask_partner_cities": {COUNTRY}, "ask_is_partner_city": {PLACE, COUNTRY},
    "ask_city_link": {PLACE}, "ask_eu_projects": {PROGRAMME}, "ask_programme": {PROGRAMME, PROJECT},
    "ask_project_partners": {PROJECT, COUNTRY}, "ask_project_membership": {PROJECT, PLACE, ORGANISATION},
    "ask_project_period": {PROJECT}, "ask_groningen_contribution": {PROJECT},
    "ask_refuelling_point": {PROJECT}, "ask_project_goal": {PROJECT, PROGRAMME},
    "ask_project_programme": {PROJECT}, "ask_unlisted_fact": {PROJECT, PROGRAMME, PLACE, ORGANISATION, TOPIC},
}
HOME = "groningen"  # the city itself: context of every question, rarely its subject
# The kinds of question that can be about a subject of each kind, for reading a
# question without a subject in the light of the conversation so far.
INTENTS_FOR_SUBJECT = {
    PROJECT: {"ask_about", "ask_project_partners", "ask_project_membership", "ask_project_period",
              "ask_groningen_contribution", "ask_refuelling_point", "ask_project_goal",
              "ask_project_programme", "ask_programme", "ask_unlisted_fact"},
    PLACE: {"ask_about", "ask_is_partner_city", "ask_city_link", "ask_project_membership",
            "ask_unlisted_fact"},
    PROGRAMME: {"ask_about", "ask_programme", "ask_eu_projects", "ask_unlisted_fact"},
}
# A reading that fits the context wins when the classifier rates it at least
# this share of its top guess.
CONTEXT_READING_SHARE = 0.4
OUT_OF_SCOPE_TEXT = ("I can't help with that. I only know what the municipality of Groningen's page "
                     "on international relations says: its partner cities, the European projects "
                     "HyTrEc2 and HECTOR, the International Welcome Centre North, and the city's "
                     "international policy and trade.")
PARTNER_CITY_TOPIC = "partner-cities"
PROJECTS_TOPIC = "european-projects"
PROGRAMMES_TOPIC = "eu-programmes"


@dataclass(frozen=True)
class Question:
    text: str
    intent: str
    confidence: float
    mentions: Tuple[Mention, ...] = ()
    ranking: Tuple[Tuple[str, float], ...] = ()  # the classifier's other guesses, best first


class Answerer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.say = Describer(kb)
        self._handlers: Dict[str, Callable[[Question, Context], Reply]] = {
            "ask_partner_cities": self.partner_cities,
            "ask_is_partner_city": self.is_partner_city,
            "ask_city_link": self.city_link,
            "ask_eu_projects": self.eu_projects,
            "ask_programme": self.programme,
            "ask_about": self.about,
            "ask_project_partners": self.project_partners,
            "ask_project_membership": self.membership,
            "ask_project_period": self.project_period,
            "ask_groningen_contribution": self.contribution,
            "ask_refuelling_point": self.refuelling_point,
            "ask_project_goal": self.project_goal,
            "ask_project_programme": self.project_programme,
            "ask_unlisted_fact": self.unlisted_fact,
        }

    @property
    def intents(self) -> List[str]:
        return sorted([*self._handlers, *TOPIC_INTENTS])

    # --- entry point ---------------------------------------------------------
    def reply(self, question: Question, context: Context = Context()) -> Reply:
        question = self._resolve_follow_up(question, context)
        if question.intent in SMALL_TALK_RESPONSES or question.intent in HANDOFF_INTENTS:
            if self._is_small_talk(question):
                if question.intent in HANDOFF_INTENTS:
                    return handoff(context)
                return response(SMALL_TALK_RESPONSES[question.intent], context)
            question = self._best_question_reading(question)
        question = self._read_in_context(question, context)
        intent = question.intent
        if intent == "out_of_scope":
            return self.refuse(OUT_OF_SCOPE, OUT_OF_SCOPE_TEXT, context)
        known = intent in self._handlers or intent in TOPIC_INTENTS
        if not known or question.confidence < LOW_CONFIDENCE_THRESHOLD:
            return self.unsure(question, context)
        if cues.asks_unlisted_fact(question.text):
            return self.unlisted_fact(question, context)
        if intent in TOPIC_INTENTS:
            return self.topic(TOPIC_INTENTS[intent], Context(intent))
        return self._handlers[intent](question, context)

    def _resolve_follow_up(self, question: Question, context: Context) -> Question:
        """'and Murmansk?' asks the previous question again about a new subject."""
        if not (context.intent and cues.is_follow_up_fragment(question.text, question.mentions)):
            return question
        mentions = question.mentions
        kinds = {PROJECT if m.kind == PROJECT_KEYWORD else m.kind for m in mentions}
        if not kinds <= FOLLOW_UP_KINDS.get(context.intent, set()):
            return replace(question, intent="ask_about", confidence=1.0)
        if kinds == {COUNTRY} and context.subject:
            # "and in China?": same subject, new filter.
            kind, entry_id = context.subject
            mentions = (Mention(kind, entry_id, "", -1, -1), *mentions)
        return replace(question, intent=context.intent, confidence=1.0, mentions=mentions)

    def _is_small_talk(self, question: Question) -> bool:
        named = [m for m in question.mentions if m.id != HOME]
        return question.confidence >= SMALL_TALK_CONFIDENCE and not named

    def _best_question_reading(self, question: Question) -> Question:
        """The classifier's best guess that is a question, for small talk we did not believe."""
        for intent, confidence in question.ranking:
            if intent in self._handlers or intent in TOPIC_INTENTS:
                return replace(question, intent=intent, confidence=confidence)
        return replace(question, intent="nlu_fallback", confidence=0.0)

    def _read_in_context(self, question: Question, context: Context) -> Question:
        """'which cities take part?' after HECTOR: prefer a reading that fits the subject."""
        if not context.subject or context.subject_kind not in INTENTS_FOR_SUBJECT:
            return question
        if any(m.kind != COUNTRY and m.id != HOME for m in question.mentions):
            return question
        fitting = INTENTS_FOR_SUBJECT[context.subject_kind]
        if question.intent in fitting:
            return question
        if question.intent == "out_of_scope" and not question.mentions:
            return question
        for intent, confidence in question.ranking:
            if intent in fitting and confidence >= CONTEXT_READING_SHARE * question.confidence:
                return replace(question, intent=intent, confidence=max(confidence, question.confidence))
        return question

    # --- finding the subject ---------------------------------------------------
    def _mentioned(self, question: Question, *kinds: str) -> List[Mention]:
        wanted = set(kinds) | ({PROJECT_KEYWORD} if PROJECT in kinds else set())
        found = [m for m in question.mentions if m.kind in wanted and m.id != HOME]
        # A name beats a keyword that only points at a project.
        return sorted(found, key=lambda m: m.kind == PROJECT_KEYWORD)

    def _subject(self, question: Question, context: Context, *kinds: str) -> Optional[Tuple[str, str]]:
        mentioned = self._mentioned(question, *kinds)
        if mentioned:
            kind = PROJECT if mentioned[0].kind == PROJECT_KEYWORD else mentioned[0].kind
            return kind, mentioned[0].id
        if context.subject and context.subject[0] in kinds:
            return context.subject
        return None

    def _projects(self, question: Question, context: Context) -> List[Project]:
        ids = list(dict.fromkeys(m.id for m in self._mentioned(question, PROJECT)))
        if not ids and context.subject and context.subject[0] == PROJECT:
            ids = [context.subject[1]]
        return [self.kb.projects[i] for i in ids]

    def _country(self, question: Question) -> Optional[str]:
        countries = self._mentioned(question, COUNTRY)
        return countries[0].id if countries else None

    # --- reply builders ----------------------------------------------------------
    def refuse(self, reason: str, why: str, context: Context, related: Optional[Reply] = None) -> Reply:
        return no_answer(reason, f"I'm sorry, {why}", context, related)

    def ask_which_project(self, intent: str) -> Reply:
        options = [(p.id, p.name) for p in self.kb.projects.values()]
        names = listing([p.name for p in self.kb.projects.values()], "or")
        return clarify(f"Which project do you mean: {names}?", options, Context(intent))

    def unsure(self, question: Question, context: Context) -> Reply:
        subjects = list(dict.fromkeys((m.kind, m.id) for m in question.mentions
                                      if m.kind in (PROJECT, PROGRAMME, PLACE, TOPIC, ORGANISATION)))
        if len(subjects) > 1:
            options = [(entry_id, self._name(kind, entry_id)) for kind, entry_id in subjects[:4]]
            labels = listing([label for _, label in options], "or")
            return clarify(f"I'm not sure what you'd like to know. Is your question about {labels}?",
                           options, Context("ask_about"))
        about = f" about {self._name(*subjects[0])}" if subjects else ""
        new_context = Context("ask_about", *subjects[0]) if subjects else context
        return self.refuse(LOW_CONFIDENCE, f"I'm not sure I understood your question{about}.", new_context)

    def _name(self, kind: str, entry_id: str) -> str:
        table = {PROJECT: self.kb.projects, PROGRAMME: self.kb.programmes, PLACE: self.kb.places,
                 TOPIC: self.kb.topics, ORGANISATION: self.kb.organisations, COUNTRY: self.kb.countries}
        return table[kind][entry_id].name

    def topic(self, topic_id: str, context: Context) -> Reply:
        topic = self.kb.topics[topic_id]
        return answer(topic.summary, topic.id, topic.sections, context)

    # --- partner cities ------------------------------------------------------------
    def partner_cities(self, question: Question, context: Context) -> Reply:
        if self._mentioned(question, PLACE):
            return self.is_partner_city(question, context)
        country = self._country(question)
        new_context = Context("ask_partner_cities")
        if country:
            cities = self.kb.partner_cities_in(country)
            name = self.say.country_name(country)
            if not cities:
                text, sections = self.say.partner_cities_overview()
                related = answer(text, PARTNER_CITY_TOPIC, sections, new_context)
                return self.refuse(UNKNOWN_FACT, f"I don't know: the page doesn't name a partner city in {name}.",
                                   new_context, related)
            lines = [f"{c.name}: {'kept up actively' if c.partner_link == 'active' else 'kept by a foundation the municipality subsidises'}"
                     for c in cities]
            text = f"Groningen's partner cities in {name}:\n{bullets(lines)}"
            return answer(text, PARTNER_CITY_TOPIC, self.kb.partner_city_facts.sections, new_context)
        active_only = cues.asks_about_active_ties(question.text)
        text, sections = self.say.partner_cities_overview(active_only)
        if cues.asks_count(question.text) and not active_only:
            # The page says "a number of cities" and names only some of them.
            related = answer(text, PARTNER_CITY_TOPIC, sections, new_context)
            return self.refuse(UNKNOWN_FACT, "I don't know: the page doesn't say how many partner cities "
                               "Groningen has in all.", new_context, related)
        return answer(text, PARTNER_CITY_TOPIC, sections, new_context)

    def is_partner_city(self, question: Question, context: Context) -> Reply:
        subject = self._subject(question, context, PLACE)
        if subject is None:
            if self._country(question):
                return self.partner_cities(question, context)
            why = (f"I don't know: the page doesn't name that city among Groningen's partner cities. "
                   f"The ones it names are {self.say.named_partner_cities()}.")
            return self.refuse(UNKNOWN_FACT, why, Context("ask_is_partner_city"))
        place = self.kb.places[subject[1]]
        new_context = Context("ask_is_partner_city", PLACE, place.id)
        if place.is_partner_city:
            text, sections = self.say.partner_city(place)
            return answer(f"Yes, {text}", PARTNER_CITY_TOPIC, sections, new_context)
        related = None
        text, sections = self.say.memberships(place.name, place.id)
        if text:
            related = answer(text, place.id, sections, new_context)
        why = (f"I don't know: the page doesn't name {place.name} as one of Groningen's partner cities. "
               f"The ones it names are {self.say.named_partner_cities()}.")
        return self.refuse(UNKNOWN_FACT, why, new_context, related)

    def city_link(self, question: Question, context: Context) -> Reply:
        subject = self._subject(question, context, PLACE)
        if subject is None:
            return self.partner_cities(question, context)
        place = self.kb.places[subject[1]]
        if not place.is_partner_city:
            return self.is_partner_city(question, context)
        text, sections = self.say.partner_city_link(place)
        return answer(text, PARTNER_CITY_TOPIC, sections, Context("ask_city_link", PLACE, place.id))

    # --- programmes and projects -------------------------------------------------------
    def eu_projects(self, question: Question, context: Context) -> Reply:
        programmes = [m.id for m in self._mentioned(question, PROGRAMME)]
        projects = [p for p in self.kb.projects.values() if not programmes or p.programme in programmes]
        listed, sections = self.say.projects_list(projects)
        text = f"The page names these European projects that Groningen takes part in:\n{listed}"
        return answer(text, PROJECTS_TOPIC, sections, Context("ask_eu_projects"))

    def programme(self, question: Question, context: Context) -> Reply:
        ids = [m.id for m in self._mentioned(question, PROGRAMME)]
        ids += [p.programme for p in self._projects(question, context) if not ids]
        if not ids and context.subject and context.subject[0] == PROGRAMME:
            ids = [context.subject[1]]
        programmes = [self.kb.programmes[i] for i in (dict.fromkeys(ids) or self.kb.programmes)]
        parts, sections = [], []
        for programme in programmes:
            projects = listing([p.name for p in self.kb.projects_in_programme(programme.id)])
            parts.append(f"{programme.name}: {programme.aims} Groningen takes part through {projects}.")
            sections += [*programme.sections, *(s for p in self.kb.projects_in_programme(programme.id) for s in p.sections)]
        topic = programmes[0].id if len(programmes) == 1 else PROGRAMMES_TOPIC
        subject = (PROGRAMME, programmes[0].id) if len(programmes) == 1 else (None, None)
        return answer("\n".join(parts), topic, sections, Context("ask_programme", *subject))

    def about(self, question: Question, context: Context) -> Reply:
        subject = self._subject(question, context, PROJECT, PROGRAMME, PLACE, ORGANISATION, TOPIC)
        if subject is None:
            if self._country(question):
                return self.partner_cities(question, context)
            options = [(p.id, p.name) for p in self.kb.projects.values()]
            options += [(PARTNER_CITY_TOPIC, "Partner cities"), ("welcome-centre", "International Welcome Centre North")]
            return clarify("What would you like to know more about?", options, Context("ask_about"))
        kind, entry_id = subject
        new_context = Context("ask_about", kind, entry_id)
        if kind == PROJECT:
            text, sections = self.say.project(self.kb.projects[entry_id])
            return answer(text, entry_id, sections, new_context)
        if kind == PROGRAMME:
            return self.programme(replace(question, mentions=(Mention(PROGRAMME, entry_id, "", -1, -1),)), context)
        if kind == TOPIC:
            return self.topic(entry_id, new_context)
        if kind == PLACE:
            text, sections = self.say.place(self.kb.places[entry_id])
        else:
            text, sections = self.say.organisation(self.kb.organisations[entry_id])
        if not text:
            return self.refuse(UNKNOWN_FACT, f"I don't know more: the page only mentions {self._name(kind, entry_id)}.", new_context)
        return answer(text, PARTNER_CITY_TOPIC if sections == self.kb.partner_city_facts.sections else entry_id,
                      sections, new_context)

    def project_partners(self, question: Question, context: Context) -> Reply:
        projects = self._projects(question, context)
        project = projects[0] if projects else None
        if project is None:
            if self._mentioned(question, PLACE, ORGANISATION):
                return self.membership(question, context)
            return self.ask_which_project("ask_project_partners")
        country = self._country(question)
        partners = self.kb.partners_of(project.id, country)
        new_context = Context("ask_project_partners", PROJECT, project.id)
        if country and not partners:
            all_partners = self.say.project_partners(project, project.partners)
            text = (f"None of {project.name}'s partners is in {self.say.country_name(country)}. "
                    f"Its partners are:\n{all_partners}")
        else:
            where = f" in {self.say.country_name(country)}" if country else ""
            text = (f"{project.name} has {len(partners)} partner{'s' if len(partners) != 1 else ''}{where}:\n"
                    f"{self.say.project_partners(project, partners)}")
        return answer(text, project.id, project.sections, new_context)

    def membership(self, question: Question, context: Context) -> Reply:
        members = self._mentioned(question, PLACE, ORGANISATION)
        projects = [m.id for m in self._mentioned(question, PROJECT) if m.kind == PROJECT]
        if not members:
            if projects or (context.subject and context.subject[0] == PROJECT):
                return self.project_partners(question, context)
            return self.refuse(UNKNOWN_FACT, "I don't know: the page doesn't name that organisation or city in its projects.",
                               Context("ask_project_membership"))
        member = members[0]
        name = self._name(member.kind, member.id)
        found = self.kb.projects_with_member(member.id)
        if projects:
            project = self.kb.projects[projects[0]]
            entry = next((partner for p, partner in found if p.id == project.id), None)
            new_context = Context("ask_project_membership", PROJECT, project.id)
            if entry:
                text = f"Yes, {self.say.partner_line(entry)} is one of the partners of {project.name}."
            else:
                text = (f"No, {name} is not among the partners of {project.name}. Its partners are:\n"
                        f"{self.say.project_partners(project, project.partners)}")
            return answer(text, project.id, project.sections, new_context)
        text, sections = self.say.memberships(name, member.id)
        new_context = Context("ask_project_membership", member.kind, member.id)
        if not text:
            names = listing([p.name for p in self.kb.projects.values()])
            text = f"{name} is not among the partners of the European projects on the page ({names})."
            sections = tuple(s for p in self.kb.projects.values() for s in p.sections)
            return answer(text, PROJECTS_TOPIC, sections, new_context)
        return answer(text, PROJECTS_TOPIC if len(set(sections)) > 1 else sections[0], sections, new_context)

    def _project_fact(self, question: Question, context: Context, intent: str,
                      fact: Callable[[Project], Optional[Tuple[str, Sequence[str]]]], missing: str) -> Reply:
        """Answer one fact about the project asked about, or about all when none is named."""
        projects = self._projects(question, context)
        if not projects:
            if self._mentioned(question, PLACE, ORGANISATION, TOPIC, PROGRAMME):
                return self.unlisted_fact(question, context)
            projects = list(self.kb.projects.values())
        known = [(p, fact(p)) for p in projects]
        said = [(p, f) for p, f in known if f]
        if len(projects) == 1 and not said:
            project = projects[0]
            new_context = Context(intent, PROJECT, project.id)
            text, sections = self.say.project(project)
            related = answer(text, project.id, sections, new_context)
            return self.refuse(UNKNOWN_FACT, missing.format(name=project.name), new_context, related)
        text = "\n".join(f[0] for _, f in said)
        sections = [s for _, f in said for s in f[1]]
        topic = said[0][0].id if len(said) == 1 else PROJECTS_TOPIC
        subject = (PROJECT, projects[0].id) if len(projects) == 1 else (None, None)
        return answer(text, topic, sections, Context(intent, *subject))

    def project_period(self, question: Question, context: Context) -> Reply:
        if self._mentioned(question, PLACE, ORGANISATION, TOPIC) and not self._mentioned(question, PROJECT):
            return self.unlisted_fact(question, context)
        return self._project_fact(
            question, context, "ask_project_period",
            lambda p: (self.say.project_period(p), p.sections) if p.period else None,
            "I don't know: the page doesn't say when {name} starts or ends.")

    def contribution(self, question: Question, context: Context) -> Reply:
        return self._project_fact(question, context, "ask_groningen_contribution",
                                  self.say.project_contribution, "")

    def refuelling_point(self, question: Question, context: Context) -> Reply:
        return self._project_fact(
            question, context, "ask_refuelling_point",
            lambda p: (p.refuelling_point, p.sections) if p.refuelling_point else None,
            "I don't know: the page doesn't mention a refuelling point for {name}.")

    def project_goal(self, question: Question, context: Context) -> Reply:
        if self._mentioned(question, PROGRAMME) and not self._mentioned(question, PROJECT):
            return self.programme(question, context)
        return self._project_fact(question, context, "ask_project_goal", self.say.project_goal, "")

    def project_programme(self, question: Question, context: Context) -> Reply:
        return self._project_fact(question, context, "ask_project_programme", self.say.project_programme, "")

    def unlisted_fact(self, question: Question, context: Context) -> Reply:
        subject = self._subject(question, context, PROJECT, PROGRAMME, PLACE, ORGANISATION, TOPIC)
        if subject is None:
            return self.refuse(UNKNOWN_FACT, "I don't know: the page I rely on doesn't give that information.",
                               Context("ask_unlisted_fact"))
        name = self._name(*subject)
        new_context = Context("ask_unlisted_fact", *subject)
        related = self.about(replace(question, mentions=(Mention(subject[0], subject[1], "", -1, -1),)), context)
        related = related if related.kind == "answer" else None
        return self.refuse(UNKNOWN_FACT, f"I don't know: the page I rely on doesn't give that information about {name}.",
                           new_context, related)

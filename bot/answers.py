"""Deciding the reply to a question: plain Python, no Rasa.

Input: what the NLU understood (intent, confidence, mentions of known things)
and the conversation context. Output: a Reply of the reply contract. The rule
throughout: answer only what the knowledge base states; when the subject is
known but the fact is not, say so (`unknown_fact`); when unsure, ask or refuse.
"""
import re
from dataclasses import replace
from typing import Callable, Dict, List, Optional

from bot import cues
from bot.answer_cities import PartnerCityAnswers
from bot.answer_projects import ProjectAnswers
from bot.answer_tools import (HOME, PARTNER_CITY_TOPIC, PROJECTS_TOPIC, WELCOME_CENTRE_TOPIC, AnswerTools,
                              Question, mention_of)
from bot.compound import asking_clauses, part_of, says_already
from bot.describe import Describer, listing
from bot.intents import LOW_CONFIDENCE_THRESHOLD, PARTNER_CITY_INTENTS, TOPIC_INTENTS, UNSURE_INTENTS
from bot.knowledge import KnowledgeBase
from bot.names import COUNTRY, ORGANISATION, PLACE, PROGRAMME, PROJECT, PROJECT_KEYWORD, TOPIC
from bot.replies import (ANSWER, LOW_CONFIDENCE, OUT_OF_SCOPE, UNKNOWN_FACT, Context, Reply,
                         answer, clarify, handoff, response)
from bot.question_sentence import asked_part, sentence_pointed_at, spans_asking_for_themselves, standalone_question
from bot.small_talk import SmallTalkWords
from bot.steering import BRIEF_FOLLOW_UP_WORDS, Steering
from bot.off_page_words import OffPageWords
from bot.unfamiliar_names import UnfamiliarNames, asking_sentences, is_ordinary_word

__all__ = ["Answerer", "Question"]

# Small talk is taken at its word only when the classifier is this sure and no
# known thing is named ("and Murmansk?" is a question, whatever it resembles).
SMALL_TALK_CONFIDENCE = 0.6
SMALL_TALK_RESPONSES = {
    "greet": "utter_greet", "goodbye": "utter_goodbye", "thank": "utter_you_are_welcome",
    "bot_challenge": "utter_iamabot", "ask_capabilities": "utter_capabilities",
}
HANDOFF_INTENTS = ("affirm", "deny", "request_human", "stop_handoff")
# Names and email addresses, typed in the handoff form (actions/handoff_form.py);
# outside it they ask nothing, so they get the "not sure I understood" refusal.
FORM_ANSWER_INTENTS = ("inform_contact",)
# Every intent of the conversation around the questions, whose examples say nothing about the page.
CONVERSATION_INTENTS = (*SMALL_TALK_RESPONSES, *HANDOFF_INTENTS, *FORM_ANSWER_INTENTS)

# The kinds of subject a follow-up may bring to each kind of question.
FOLLOW_UP_KINDS = {
    "ask_partner_cities": {COUNTRY}, "ask_is_partner_city": {PLACE, COUNTRY},
    "ask_city_link": {PLACE}, "ask_eu_projects": {PROGRAMME}, "ask_programme": {PROGRAMME, PROJECT},
    "ask_project_partners": {PROJECT, COUNTRY}, "ask_project_membership": {PROJECT, PLACE, ORGANISATION},
    "ask_project_period": {PROJECT}, "ask_groningen_contribution": {PROJECT},
    "ask_refuelling_point": {PROJECT}, "ask_project_goal": {PROJECT, PROGRAMME},
    "ask_project_programme": {PROJECT}, "ask_unlisted_fact": {PROJECT, PROGRAMME, PLACE, ORGANISATION, TOPIC},
}
# The kinds of question that can be about a subject of each kind, for reading a
# question without a subject in the light of the conversation so far.
INTENTS_FOR_SUBJECT = {
    PROJECT: {"ask_about", "ask_project_partners", "ask_project_membership", "ask_project_period",
              "ask_groningen_contribution", "ask_refuelling_point", "ask_project_goal",
              "ask_project_programme", "ask_programme", "ask_unlisted_fact"},
    PLACE: {"ask_about", "ask_is_partner_city", "ask_city_link", "ask_project_membership",
            "ask_unlisted_fact"},
    PROGRAMME: {"ask_about", "ask_programme", "ask_eu_projects", "ask_unlisted_fact"},
    TOPIC: {"ask_about", "ask_unlisted_fact", *TOPIC_INTENTS},
}
# A question without a subject of its own that fits the conversation's subject
# is surer than the classifier alone says: the context is evidence too, and
# twice so when the question points back at it ("is that an active one?").
CONTEXT_BONUS = 0.15
# A reading that fits the context wins when the classifier rates it at least
# this share of its top guess; a smaller share when the question points back
# at the subject ("any German cities in it?").
CONTEXT_READING_SHARE = 0.3
POINTING_BACK_SHARE_FACTOR = 0.75
OUT_OF_SCOPE_TEXT = ("I can't help with that. I only know what the municipality of Groningen's page "
                     "on international relations says: its partner cities, the European projects "
                     "HyTrEc2 and HECTOR, the International Welcome Centre North, and the city's "
                     "international policy and trade.")
# Out of scope is reconsidered when the question names something on the page
# (or is a long story, where talk of moving and jobs drowns the question) and
# the classifier's best question-reading is at least this share as likely.
NAMED_KINDS = (PLACE, PROJECT, PROGRAMME, ORGANISATION, TOPIC)
NAMED_THING_SHARE = 0.5
# Questions about projects or programmes, where a name we do not know
# ("the JIVE project") means the page does not cover it.
PROJECT_QUESTION_INTENTS = ("ask_eu_projects", "ask_programme", "ask_about", "ask_project_membership",
                            "ask_project_partners", "ask_project_period", "ask_project_goal",
                            "ask_project_programme", "ask_groningen_contribution", "ask_refuelling_point")
# Questions whose answer is a broad overview: one that names something the page
# does not ("trade contacts with Japan?", "the Eurocities network") would get
# the overview instead of an answer, so the assistant says it does not know.
BROAD_INTENTS = (*TOPIC_INTENTS, "ask_eu_projects")
# The overview of the partner cities is Groningen's: "which partner cities does
# Utrecht have?" names a city whose partners the page never gives.
NAME_CHECKED_INTENTS = (*BROAD_INTENTS, "ask_partner_cities")
# A broad topic rated below this, with another broad topic at least this share
# of it, is answered with both paragraphs (bot/answers.py _topics).
SURE_OF_ONE_TOPIC = 0.75
SECOND_TOPIC_SHARE = 0.6
# A classifier this sure of a question about the page is not overruled by an
# everyday word in passing ("a map for school of the cities ...").
EVERYDAY_OVERRULED_CONFIDENCE = 0.8
# Names that give a question a subject of its own, so that names in the story around it are not
# asked about (topic words such as "partner city" do not: "my mom lives in Oldenburg. Is it a partner city?").
STORY_SUBJECT_KINDS = (PLACE, COUNTRY, PROJECT, PROGRAMME, ORGANISATION)
# The question of a long message, read alone, overrules an unsure reading of the whole when it is this sure.
SURE_OF_THE_ASKED_SENTENCE = 0.8




class Answerer(AnswerTools):
    def __init__(self, kb: KnowledgeBase, unfamiliar: UnfamiliarNames = None):
        super().__init__(kb, Describer(kb))
        self.unfamiliar = unfamiliar or UnfamiliarNames.from_files()
        self.off_page = OffPageWords.from_files()
        self.small_talk = SmallTalkWords.from_files(CONVERSATION_INTENTS)
        cities, projects = PartnerCityAnswers(kb, self.say), ProjectAnswers(kb, self.say)
        self.cities, self.project_answers = cities, projects
        self._handlers: Dict[str, Callable[[Question, Context], Reply]] = {
            "ask_partner_cities": cities.partner_cities,
            "ask_is_partner_city": cities.is_partner_city,
            "ask_city_link": cities.city_link,
            "ask_eu_projects": projects.eu_projects,
            "ask_programme": projects.programme,
            "ask_about": self.about,
            "ask_project_partners": projects.project_partners,
            "ask_project_membership": projects.membership,
            "ask_project_period": self._about_a_project(projects.project_period),
            "ask_groningen_contribution": self._about_a_project(projects.contribution),
            "ask_refuelling_point": self._about_a_project(projects.refuelling_point),
            "ask_project_goal": projects.project_goal,
            "ask_project_programme": projects.project_programme,
            "ask_unlisted_fact": self.unlisted_fact,
        }
        self.steering = Steering(self, [*self._handlers, *TOPIC_INTENTS])

    @property
    def intents(self) -> List[str]:
        return sorted([*self._handlers, *TOPIC_INTENTS])

    def _about_a_project(self, handler: Callable[[Question, Context], Reply]):
        """A project question asked about a city or topic asks for a fact the page does not give."""
        def guarded(question: Question, context: Context) -> Reply:
            if self.project_answers.needs_other_subject(question):
                return self.unlisted_fact(question, context)
            return handler(question, context)
        return guarded

    # --- entry point ---------------------------------------------------------
    def reply(self, question: Question, context: Context = Context()) -> Reply:
        if cues.is_shouted(question.text):
            # "DOES THE MUNICIPALITY TRY TO ATTRACT FOREIGN INVESTMENT": capitals are not names here
            question = replace(question, text=question.text.lower())
        reply = self._one_reply(question, context)
        if reply.kind == ANSWER:
            reply = self._with_each_part_answered(question, context, reply)
        return reply

    def _one_reply(self, question: Question, context: Context) -> Reply:
        reply = self._without_a_date_asked_for(question, self._reply(question, context))
        return replace(reply, context=self._carry_project(reply.context, context))

    def _with_each_part_answered(self, question: Question, context: Context, whole: Reply) -> Reply:
        """'which Chinese cities are partners, and what's the name of the centre?': the answer to the whole
        message answers one part; the other part's answer is added when it says something new. A part
        that cannot be answered adds nothing (the whole message was answered)."""
        text, sections, part_context = whole.text, list(whole.sections), context
        for start, end in asking_clauses(question.text):
            part = self._one_reply(part_of(question, start, end), part_context)
            part_context = part.context
            if part.kind == ANSWER and not says_already(text, part.text):
                text, sections = f"{text}\n\n{part.text}", [*sections, *part.sections]
        return replace(whole, text=text, sections=tuple(dict.fromkeys(sections)))

    def _without_a_date_asked_for(self, question: Question, reply: Reply) -> Reply:
        """'When does the refuelling point open?' is not answered by an answer without a year in it; but
        'HECTOR: how many trucks, and until which year?' is, with the project's period added."""
        if reply.kind != ANSWER or not cues.asks_when(question.text) or cues.gives_a_year(reply.text):
            return reply
        project = self.kb.projects.get(reply.topic)
        if project is not None and project.period and cues.asks_period(question.text):
            return replace(reply, text=f"{reply.text}\n{self.say.project_period(project)}")
        return self.refuse(UNKNOWN_FACT, "I don't know: the page doesn't give a date for that.", reply.context, reply)

    def _reply(self, question: Question, context: Context) -> Reply:
        if cues.asks_for_creative_writing(question.text) or (
                cues.asks_general_science(asked_part(question.text) or question.text)
                and not self.mentioned(question, PROJECT, PROGRAMME)):  # not "I'm a sales rep for an electrolyser firm. ..."
            # "write me a haiku about the north sea", "how is green hydrogen produced? electrolysis?"
            return self.refuse(OUT_OF_SCOPE, OUT_OF_SCOPE_TEXT, context)
        question = self._without_names_of_the_story(question)
        question = self._resolve_follow_up(question, context)
        if question.intent in SMALL_TALK_RESPONSES or question.intent in HANDOFF_INTENTS:
            if self._is_small_talk(question):
                if question.intent in HANDOFF_INTENTS and cues.asks_unlisted_fact(question.text):
                    # "the name and e-mail address of the civil servant for EU projects?": a fact the
                    # page lacks; the refusal offers the staff, and a yes starts the handoff.
                    return self.unlisted_fact(question, context)
                if question.intent in HANDOFF_INTENTS:
                    return handoff(context)
                return response(SMALL_TALK_RESPONSES[question.intent], context)
            question = self._best_question_reading(question)
        # Not for the broad topics (the Welcome Centre draws every everyday question).
        sure_of_a_page_question = (question.confidence >= EVERYDAY_OVERRULED_CONFIDENCE
                                   and question.intent in self._handlers and question.intent != "ask_unlisted_fact")
        if self._asks_everyday_matter(question) and not sure_of_a_page_question:
            named = {(m.kind, m.id) for m in self.mentioned(question, *NAMED_KINDS)}
            if not named:
                return self.refuse(OUT_OF_SCOPE, OUT_OF_SCOPE_TEXT, context)
            if named == {(TOPIC, WELCOME_CENTRE_TOPIC)}:
                # "can the Welcome Centre help me with my BSN?": the page lists none of its services.
                centre = Context("ask_unlisted_fact", TOPIC, WELCOME_CENTRE_TOPIC)
                return self.refuse(UNKNOWN_FACT, "I don't know: the page doesn't say which services the "
                                   "International Welcome Centre North offers.", centre,
                                   self.topic(WELCOME_CENTRE_TOPIC, centre))
        question = self._read_in_context(question, context)
        question = self._read_the_asked_sentence(question)
        question = self._reconsider_out_of_scope(question)
        question = self._settling_in_help(question)
        question = self.steering.steer(question, context)
        intent = question.intent
        other_city = cues.city_whose_partners_are_asked(question.text)
        if other_city:
            own = self.cities.partner_cities(replace(question, mentions=()), context)  # Groningen's, as related
            return self.refuse(UNKNOWN_FACT, f"I don't know: the page only gives Groningen's own partner cities, "
                               f"not those of {other_city}.", Context("ask_partner_cities"),
                               own if own.kind == ANSWER else None)
        in_ties_and_projects = self._a_country_in_ties_and_projects(question, context)
        if in_ties_and_projects:
            return in_ties_and_projects
        if intent == "out_of_scope":
            return self.refuse(OUT_OF_SCOPE, OUT_OF_SCOPE_TEXT, context)
        known = intent in self._handlers or intent in TOPIC_INTENTS
        unknown_city = self.cities.unknown_city(question)
        if unknown_city and not self.mentioned(question, PROJECT, PROGRAMME):
            # "some kind of link with Leeds?": a city the page does not name.
            return self.cities.is_partner_city(replace(question, intent="ask_is_partner_city"), context)
        named_projects = [m.id for m in question.mentions if m.kind == PROJECT]
        organisations = self.mentioned(question, ORGANISATION)
        if organisations and cues.asks_full_name(question.text):
            # "whats the full name of the uk centre of excellence thats in hytrec2": the partner's own name
            partner = self.kb.organisations[organisations[0].id]
            text, sections = self.say.memberships(partner.name, partner.id)
            return answer(f"Its full name is {partner.name}. {text}".strip(), partner.id, sections,
                          Context("ask_about", ORGANISATION, partner.id))
        if named_projects and cues.asks_full_name(question.text):
            project = self.kb.projects[named_projects[0]]
            full_name = re.sub(r"\s*\([^)]*\)$", "", project.full_name)
            return answer(f"{project.name} stands for {full_name}.", project.id, project.sections,
                          Context("ask_about", PROJECT, project.id))
        named_programmes = [m for m in question.mentions if m.kind == PROGRAMME]
        if named_programmes and not named_projects and cues.asks_full_name(question.text):
            programme = self.kb.programmes[named_programmes[0].id]  # "NSR staat voor?"
            full_name = re.sub(r"\s*\([^)]*\)$", "", programme.name)
            return answer(f"{named_programmes[0].text} stands for {full_name}, the EU programme {programme.name}.",
                          programme.id, programme.sections, Context("ask_programme", PROGRAMME, programme.id))
        named_or_just_named = self.mentioned(question, PLACE, ORGANISATION) or (
            not question.mentions and context.subject_kind in (PLACE, ORGANISATION) and cues.is_short(question.text))
        if (named_or_just_named and (cues.asks_which_country(question.text) or cues.asks_where_that_is(question.text))
                and self.cities.can_locate(question, context) and not cues.asks_unlisted_fact(question.text)):
            return self.cities.location(question, context)  # "murmansk which country", whatever the classifier says
        if not known or question.confidence < LOW_CONFIDENCE_THRESHOLD:
            return self.unsure(question, context)
        editions = self._other_editions(question.text)
        if editions:
            return self.refuse(UNKNOWN_FACT, f"I don't know: the page doesn't mention {listing(editions)}.",
                               Context(intent), self.project_answers.eu_projects(question, context))
        unknown = cues.unknown_names(question.text, question.mentions, spans_asking_for_themselves(question.text))
        if (intent in PROJECT_QUESTION_INTENTS and intent != "ask_project_membership" and not unknown
                and (self.mentioned(question, PROJECT) or context.project_id or context.subject_kind == PROJECT)):
            # "and Rotterdam, what's its role in it?" after HECTOR: a city the page never names.
            strangers = self.unfamiliar.in_question(question.text, question.mentions)
            if strangers:
                passed_over = self._handlers[intent](question, context)  # what the answer would have been
                return self.refuse(UNKNOWN_FACT, f"I don't know: the page doesn't mention {listing(strangers)}.",
                                   passed_over.context, passed_over if passed_over.kind == ANSWER else None)
        named_by_name = [m for m in question.mentions if m.kind in (PROJECT, PROGRAMME)]  # not a keyword such as "refuse trucks"
        if unknown and intent in PROJECT_QUESTION_INTENTS and not named_by_name:
            return self.refuse(UNKNOWN_FACT, f"I don't know: the page doesn't mention {listing(unknown)}.",
                               Context(intent), self.project_answers.eu_projects(question, context))
        if intent in NAME_CHECKED_INTENTS:
            # Also, for a topic, a country or city of the knowledge base that its overview says
            # nothing of ("trade contacts with Japan?"), unless it is the writer's own ("I'm from Japan").
            unknown = (unknown or self.unfamiliar.in_question(question.text, question.mentions)
                       or (intent in TOPIC_INTENTS and not cues.asks_city_help_for_business(question.text)
                           and self._places_the_overview_passes_over(
                           question, self._overview(intent, question, context))))
            if unknown:
                overview = self._overview(intent, question, context)
                return self.refuse(UNKNOWN_FACT, f"I don't know: the page doesn't mention {listing(unknown)}.",
                                   overview.context, overview if overview.kind == ANSWER else None)
            off_page = self.off_page.in_question(question.text, question.mentions)
            if off_page:
                # "what languages do they speak at the Welcome Centre?": the paragraph passes over it.
                overview = self._overview(intent, question, context)
                return self.refuse(UNKNOWN_FACT, "I don't know: the page doesn't say anything about "
                                   f"{listing(off_page)} there.", overview.context,
                                   overview if overview.kind == ANSWER else None)
        located = self.mentioned(question, PLACE, ORGANISATION) or (
            context.subject_kind in (PLACE, ORGANISATION) and cues.points_back(question.text))
        if self.cities.can_locate(question, context) and located and not cues.asks_why_europe(question.text):
            return self.cities.location(question, context)
        if self.steering.asks_a_fact_the_page_never_gives(question, context):
            return self.unlisted_fact(question, context)
        if intent in TOPIC_INTENTS:
            return self._topics(question, intent)
        return self._handlers[intent](question, context)

    def _a_country_in_ties_and_projects(self, question: Question, context: Context) -> Optional[Reply]:
        """'list every german city on the page, twin towns and project partners both': the country's partner
        cities and its partners in the projects, one after the other."""
        text, countries = question.text, self.countries(question)
        if (not countries or not cues.names_a_partner_city_tie(text) or not cues.says_the_word_project(text)
                or self.mentioned(question, PROJECT, PLACE, ORGANISATION) or cues.asks_unlisted_fact(text)):
            return None
        ties = self.cities.partner_cities(replace(question, intent="ask_partner_cities"), context)
        partners = self.project_answers.partners_in_countries(countries)
        if ties.kind != ANSWER or partners.kind != ANSWER:
            return None
        return answer(f"{ties.text}\n\n{partners.text}", PARTNER_CITY_TOPIC,
                      tuple(dict.fromkeys([*ties.sections, *partners.sections])), Context("ask_partner_cities"))

    def _topics(self, question: Question, intent: str) -> Reply:
        """A broad topic; and a close second one beside it, since the four broad paragraphs overlap
        ("who builds Groningen into a knowledge city?" is both the city's contacts and its policy)."""
        reply = self.topic(TOPIC_INTENTS[intent], Context(intent, TOPIC, TOPIC_INTENTS[intent]))
        second = next(((i, c) for i, c in question.ranking if i != intent), None)
        if (second is None or second[0] not in TOPIC_INTENTS or question.confidence >= SURE_OF_ONE_TOPIC
                or second[1] < SECOND_TOPIC_SHARE * question.confidence):
            return reply
        other = self.topic(TOPIC_INTENTS[second[0]], reply.context)
        return answer(f"{reply.text}\n\n{other.text}", reply.topic, [*reply.sections, *other.sections],
                      reply.context)

    def _overview(self, intent: str, question: Question, context: Context) -> Reply:
        """The broad answer of a topic or of the list of projects."""
        if intent in TOPIC_INTENTS:
            return self._topics(question, intent)
        return self._handlers[intent](question, context)

    def _places_the_overview_passes_over(self, question: Question, overview: Reply) -> List[str]:
        """Countries and cities named by their name (not "German", not the Netherlands) that the overview
        says nothing of, unless they are the writer's own ("I'm from Japan")."""
        home_country = self.kb.places[HOME].country
        passed_over = []
        for m in self.mentioned(question, COUNTRY, PLACE):
            name = self.name(m.kind, m.id)
            if (m.id in (HOME, home_country) or name.lower() != m.text.lower() or name.lower() in overview.text.lower()
                    or cues.names_the_eu_by_its_seat(m.text) or not self.unfamiliar.in_focus(question.text, m.start)):
                continue
            passed_over.append(m.text)
        return passed_over

    @staticmethod
    def _carry_project(new: Context, old: Context) -> Context:
        if new.subject_kind == PROJECT:
            return replace(new, project_id=new.subject_id)
        return replace(new, project_id=new.project_id or old.project_id)

    def _resolve_follow_up(self, question: Question, context: Context) -> Question:
        """'and Murmansk?' asks the previous question again about a new subject."""
        if (context.intent and not question.mentions and cues.asks_for_the_rest(question.text)
                and not (context.subject_kind in (PROJECT, PROGRAMME) and cues.asks_about_the_other(question.text))):
            mentions = (mention_of(*context.subject),) if context.subject else ()
            intent = context.intent
            if (context.subject_kind == PROJECT or context.project_id) and cues.asks_who(question.text):
                intent = "ask_project_partners"  # "who else?" after a project: its partners
            elif context.intent in ("ask_is_partner_city", "ask_city_link") and context.subject_kind == PLACE:
                # "who else?" after "is Oldenburg a partner city?": the other partner cities
                return replace(question, intent="ask_partner_cities", confidence=1.0, mentions=(), text="")
            return replace(question, intent=intent, confidence=1.0, mentions=mentions,
                           text="")  # the rest: not only the active ones
        name = cues.bare_follow_up_name(question.text)
        if (context.intent in ("ask_is_partner_city", "ask_city_link") and name and not question.mentions
                and not all(is_ordinary_word(word) for word in name.split())):
            # "and tallinn?" after "is Kaliningrad one of the partner cities?": the same question of a city
            # the page does not name
            return replace(question, intent="ask_is_partner_city", confidence=1.0,
                           text=f"is {name} one of the partner cities?")
        if not context.intent and cues.only_names(question.text, question.mentions):
            return replace(question, intent="ask_about", confidence=1.0)  # "Hamburgo?"
        named = [m for m in self.mentioned(question, *NAMED_KINDS) if m.id != HOME]
        if cues.asks_what_a_name_is(question.text, named):
            return replace(question, intent="ask_about", confidence=1.0)
        if not (context.intent and cues.is_follow_up_fragment(question.text, question.mentions)):
            return question
        mentions = question.mentions
        kinds = {PROJECT if m.kind == PROJECT_KEYWORD else m.kind for m in mentions}
        if not kinds <= FOLLOW_UP_KINDS.get(context.intent, set()):
            return replace(question, intent="ask_about", confidence=1.0)
        if kinds == {COUNTRY} and context.subject and context.subject_kind != PLACE:
            # "and in China?": same subject, new filter (after a city: the partner cities there).
            mentions = (mention_of(*context.subject), *mentions)
        return replace(question, intent=context.intent, confidence=1.0, mentions=mentions)

    def _without_names_of_the_story(self, question: Question) -> Question:
        """'I work in hydrogen in Bremen. In HyTrEc2, what does Groningen itself do?': when the asking
        sentences name a subject of their own, the names in the story around them are not asked about."""
        workplace = [m for m in question.mentions if m.id == WELCOME_CENTRE_TOPIC
                     and cues.names_the_writers_workplace(question.text[:m.start], question.text[m.end:])]
        if workplace and len(question.mentions) > len(workplace):
            # "colleague here at the welcome centre, someone asked me about the hector project": who writes
            question = replace(question, mentions=tuple(m for m in question.mentions if m not in workplace))
        asked = standalone_question(question.text)
        if question.intent == "ask_groningen_contribution" and not asked:
            # "my cousin drives those trucks in Aberdeen. does groningen buy them too?": the city's own
            # share is asked, whatever the sentence points back at; the story's places are not.
            sentences = asking_sentences(question.text)
            if sentences != [(0, len(question.text))] and any(
                    a <= m.start < b and m.id == HOME for m in question.mentions for a, b in sentences):
                return replace(question, mentions=tuple(
                    m for m in question.mentions if m.kind not in (PLACE, ORGANISATION, COUNTRY)
                    or any(a <= m.start < b for a, b in sentences)))

        if not asked:
            # "I'm writing from Oldenburg ... Could you tell me which other north German cities Groningen keeps
            # relations with?": a "me" in the question is not the subject; a "we" or "our" may be
            own = spans_asking_for_themselves(question.text)
            if own and not any(cues.speaks_of_the_writers_side(question.text[a:b]) for a, b in own):
                asked = own

        def in_asked(m) -> bool:
            return any(start <= m.start < end for start, end in asked)

        if not any(in_asked(m) and m.id != HOME and m.kind in STORY_SUBJECT_KINDS for m in question.mentions):
            return question  # "My mom lives in Oldenburg. Is it a partner city?": the story holds the subject
        return replace(question, mentions=tuple(m for m in question.mentions if in_asked(m)))

    def _read_the_asked_sentence(self, question: Question) -> Question:
        """A story around a question can make the whole message look out of scope; the question alone,
        read with this much certainty as a question about the page, is what was asked."""
        # "a fact the page lacks" with no word for one: the story, not the question, made the classifier say so
        unlisted_without_a_word = (question.intent == "ask_unlisted_fact"
                                   and not self.steering.asks_a_fact_the_page_never_gives(question))
        if not question.asked_ranking or not (question.intent in UNSURE_INTENTS or unlisted_without_a_word
                                              or question.confidence < LOW_CONFIDENCE_THRESHOLD):
            return question
        if not self._sure_of_the_asked_sentence(question) or self._asks_everyday_matter(question):
            return question  # "we need a house. can the welcome centre help?" stays out of scope
        intent, confidence = question.asked_ranking[0]
        return replace(question, intent=intent, confidence=confidence, ranking=question.asked_ranking[1:])

    def _sure_of_the_asked_sentence(self, question: Question) -> bool:
        if not question.asked_ranking:
            return False
        intent, confidence = question.asked_ranking[0]
        return ((intent in self._handlers or intent in TOPIC_INTENTS) and intent != "ask_unlisted_fact"
                and confidence >= SURE_OF_THE_ASKED_SENTENCE)

    def _asks_everyday_matter(self, question: Question) -> bool:
        """Everyday matters (housing, bikes) count where the question asks. In the story before a question
        that reads alone as a sure question about the page, and does not point back at the story, they
        are colour ("in the supermarket I hear five languages. Why is Groningen so international?")."""
        if not cues.asks_everyday_matter(question.text):
            return False
        asked = asked_part(question.text)
        if cues.asks_who_comes_and_works_here(asked or question.text):
            return False  # "do the schools and universities attract international teachers?"
        if asked and cues.tells_of_selling_abroad(question.text) and not cues.asks_everyday_matter(asked):
            return False  # "we build booking tools for sports clubs ... selling in Germany. does the city help?"
        if self._points_at_help_settling_in(question.text) or (
                asked and cues.asks_for_settling_in_help(asked)):
            return False  # "I recruit nurses for a hospital. Is there an organisation ... so they can settle in?"
        if asked and cues.asks_summary_of_the_international_side(asked) and not cues.asks_everyday_matter(asked):
            return False  # "... a lesson for my pupils. In a nutshell, what makes Groningen an international city?"
        return (asked is None or cues.asks_everyday_matter(asked) or cues.points_back(asked)
                or not self._sure_of_the_asked_sentence(question))

    def _reconsider_out_of_scope(self, question: Question) -> Question:
        """A thing from the page named in a question, or a long story around it, calls for a second look."""
        if question.intent != "out_of_scope":
            return question
        if not (self.mentioned(question, *NAMED_KINDS) or cues.is_long(question.text)):
            return question
        if len({m.id for m in self.mentioned(question, PROJECT, PROGRAMME)}) >= 2 and cues.asks_difference(question.text):
            # "wat is nou het verschil tussen NWE en NSR": each described, side by side
            return replace(question, intent="ask_about", confidence=LOW_CONFIDENCE_THRESHOLD)
        partner_cities = {m.id for m in self.mentioned(question, PLACE) if self.kb.places[m.id].is_partner_city}
        if (len(partner_cities) >= 2 and cues.asks_difference(question.text) and not cues.asks_unlisted_fact(question.text)
                and not self.mentioned(question, PROJECT, PROGRAMME, ORGANISATION)):
            # "whats the difference in how groningen deals with hamburg vs san carlos": how each tie is kept
            return replace(question, intent="ask_city_link", confidence=LOW_CONFIDENCE_THRESHOLD)
        if (self.mentioned(question, PROJECT) and cues.asks_period(question.text)
                and not cues.asks_everyday_matter(question.text)):
            # "... garbage trucks in some EU project. Can you tell me the period it ran?"
            return replace(question, intent="ask_project_period", confidence=LOW_CONFIDENCE_THRESHOLD)
        if (self.mentioned(question, PROGRAMME) and not self.mentioned(question, PROJECT, PLACE, ORGANISATION)
                and cues.asks_aim(question.text) and not cues.asks_everyday_matter(question.text)):
            # "master student here ... what does the NSR programme want the regions to grow into?"
            return replace(question, intent="ask_programme", confidence=LOW_CONFIDENCE_THRESHOLD)
        for intent, confidence in question.ranking:
            if intent in self._handlers or intent in TOPIC_INTENTS:
                if confidence >= NAMED_THING_SHARE * question.confidence:
                    return replace(question, intent=intent, confidence=confidence)
                break
        return question

    @staticmethod
    def _points_at_help_settling_in(text: str) -> bool:
        """'... school forms, the cat needs a passport. A friend mentioned a centre that makes the move easier.
        What is it called?': "it" is the sentence just before the question, not the whole story."""
        asked = asked_part(text)
        if not asked or not cues.points_back(asked) or cues.asks_everyday_matter(asked):
            return False
        pointed_at = sentence_pointed_at(text)
        return bool(pointed_at) and cues.asks_for_settling_in_help(pointed_at)

    def _settling_in_help(self, question: Question) -> Question:
        """'who can help us settle in?' is what the Welcome Centre is for, unless it is about housing and the like."""
        unsure = question.intent in UNSURE_INTENTS or question.confidence < LOW_CONFIDENCE_THRESHOLD
        if unsure and cues.asks_city_help_for_business(question.text) and not cues.speaks_of_people(question.text):
            # "is the city open to foreign companies settling there?": the trade paragraph's warm welcome
            return replace(question, intent="ask_international_trade", confidence=max(question.confidence,
                                                                                     LOW_CONFIDENCE_THRESHOLD))
        asked = asked_part(question.text)
        if unsure and (cues.asks_for_settling_in_help(question.text) or (asked and cues.asks_for_settling_in_help(asked))
                       or self._points_at_help_settling_in(question.text)):
            return replace(question, intent="ask_welcome_centre", confidence=max(question.confidence,
                                                                                 LOW_CONFIDENCE_THRESHOLD))
        return question

    def _other_editions(self, text: str) -> List[str]:
        """'HyTrEc 1', 'hytrec3': another edition of a numbered project the page names."""
        found = []
        for project in self.kb.projects.values():
            numbered = re.fullmatch(r"([A-Za-z]+)(\d+)", project.name)
            if not numbered:
                continue
            base, number = numbered.groups()
            for match in re.finditer(rf"\b{base}\s*-?\s*(\d+)\b", text, re.IGNORECASE):
                if match.group(1) != number:
                    found.append(match.group().strip())
        return found

    def _is_small_talk(self, question: Question) -> bool:
        named = [m for m in question.mentions if m.id != HOME]
        # A request for a person may well name the matter ("the civil servant for European projects").
        about_the_page = question.intent in SMALL_TALK_RESPONSES and self.small_talk.page_words_in(question.text)
        strange = self.small_talk.strange_to(question.intent, question.text)
        return question.confidence >= SMALL_TALK_CONFIDENCE and not named and not about_the_page and not strange

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
        if (context.subject_kind == TOPIC and context.intent in TOPIC_INTENTS
                and all((m.kind, m.id) == context.subject for m in question.mentions)
                and question.intent in PROJECT_QUESTION_INTENTS and not cues.mentions_the_projects(question.text)
                and not cues.is_long(question.text)):
            # "and the investments, for which region?" after the trade topic: no project is meant.
            return replace(question, intent=context.intent, confidence=max(question.confidence, LOW_CONFIDENCE_THRESHOLD))
        if any(m.kind != COUNTRY and m.id != HOME for m in question.mentions):
            return question
        if (context.intent in PARTNER_CITY_INTENTS and self.countries(question) and cues.asks_for_others(question.text)
                and not self.mentioned(question, PROJECT)):
            # "who else in Germany?" after "and Bremen?": the other partner cities there.
            return replace(question, intent="ask_partner_cities", confidence=max(question.confidence, 0.5))
        if (context.subject_kind == TOPIC and question.intent in TOPIC_INTENTS and not question.mentions
                and len(cues.tokens(question.text)) <= BRIEF_FOLLOW_UP_WORDS and question.confidence < SURE_OF_ONE_TOPIC
                and TOPIC_INTENTS[question.intent] != context.subject_id and context.intent in TOPIC_INTENTS):
            # "only into the city or wider?" after the trade topic: still the trade topic.
            return replace(question, intent=context.intent, confidence=max(question.confidence, LOW_CONFIDENCE_THRESHOLD))
        if context.subject_kind == TOPIC and cues.points_back(question.text) and (
                question.intent != "out_of_scope" or cues.asks_purpose(question.text)):
            # "why did the city set it up?" after the Welcome Centre: its paragraph is the answer.
            return replace(question, intent="ask_about", confidence=max(question.confidence, LOW_CONFIDENCE_THRESHOLD))
        if (context.subject_kind in (TOPIC, PROJECT, PROGRAMME) and question.intent in UNSURE_INTENTS
                and not question.mentions and cues.points_back(question.text) and cues.is_short(question.text)
                and not cues.asks_everyday_matter(question.text) and not cues.asks_location(question.text)
                and not cues.asks_when(question.text) and not cues.asks_count(question.text)
                and not self.steering.asks_a_fact_the_page_never_gives(question, context)):
            # "whats the economic side of it?" after a programme: what the page says of it is the best answer
            return replace(question, intent="ask_about", confidence=LOW_CONFIDENCE_THRESHOLD)
        fitting = INTENTS_FOR_SUBJECT[context.subject_kind]
        bonus = CONTEXT_BONUS * (2 if cues.points_back(question.text) else 1)
        if question.intent in fitting:
            return replace(question, confidence=question.confidence + bonus)
        if question.intent == "out_of_scope" and not (question.mentions or cues.points_back(question.text)):
            return question
        share = CONTEXT_READING_SHARE * (POINTING_BACK_SHARE_FACTOR if cues.points_back(question.text) else 1)
        for intent, confidence in question.ranking:
            if intent in fitting and confidence >= share * question.confidence:
                return replace(question, intent=intent, confidence=max(confidence, question.confidence) + bonus)
        return question

    # --- replies of their own ------------------------------------------------------
    def unsure(self, question: Question, context: Context) -> Reply:
        subjects = list(dict.fromkeys((PROJECT if m.kind == PROJECT_KEYWORD else m.kind, m.id) for m in self.mentioned(
            question, PROJECT, PROGRAMME, PLACE, TOPIC, ORGANISATION)))
        if len(subjects) > 1:
            options = [(entry_id, self.name(kind, entry_id)) for kind, entry_id in subjects[:4]]
            labels = listing([label for _, label in options], "or")
            return clarify(f"I'm not sure what you'd like to know. Is your question about {labels}?",
                           options, Context("ask_about"))
        about = f" about {self.name(*subjects[0])}" if subjects else ""
        new_context = Context("ask_about", *subjects[0]) if subjects else context
        return self.refuse(LOW_CONFIDENCE, f"I'm not sure I understood your question{about}.", new_context)

    def topic(self, topic_id: str, context: Context) -> Reply:
        topic = self.kb.topics[topic_id]
        return answer(topic.summary, topic.id, topic.sections, context)

    def about(self, question: Question, context: Context) -> Reply:
        kinds = (PROJECT, PROGRAMME, PLACE, ORGANISATION, TOPIC)
        subjects = list(dict.fromkeys(
            (PROJECT if m.kind == PROJECT_KEYWORD else m.kind, m.id) for m in self.mentioned(question, *kinds)))
        if not subjects:
            subject = self.subject(question, context, *kinds)
            subjects = [subject] if subject else []
        if not subjects:
            if self.countries(question):
                return self.cities.partner_cities(question, context)
            options = [(p.id, p.name) for p in self.kb.projects.values()]
            options += [(PARTNER_CITY_TOPIC, "Partner cities"), (WELCOME_CENTRE_TOPIC, "International Welcome Centre North")]
            return clarify("What would you like to know more about?", options, Context("ask_about"))
        replies = [self._describe(kind, entry_id, question, context) for kind, entry_id in subjects[:3]]
        answered = [r for r in replies if r.kind == ANSWER]
        if len(answered) <= 1:
            return answered[0] if answered else replies[0]
        sections = [s for r in answered for s in r.sections]
        return answer("\n\n".join(r.text for r in answered), PROJECTS_TOPIC if all(
            k == PROJECT for k, _ in subjects) else answered[0].topic, sections, answered[0].context)

    def _describe(self, kind: str, entry_id: str, question: Question, context: Context) -> Reply:
        new_context = Context("ask_about", kind, entry_id)
        if kind == PROJECT:
            text, sections = self.say.project(self.kb.projects[entry_id])
            return answer(text, entry_id, sections, new_context)
        if kind == PROGRAMME:
            return self.project_answers.programme(replace(question, mentions=(mention_of(PROGRAMME, entry_id),)),
                                                  context)
        if (kind, entry_id) == (TOPIC, PARTNER_CITY_TOPIC):
            return self.cities.partner_cities(replace(question, mentions=()), context)
        if kind == TOPIC:
            return self.topic(entry_id, new_context)
        if kind == PLACE:
            text, sections = self.say.place(self.kb.places[entry_id])
        else:
            text, sections = self.say.organisation(self.kb.organisations[entry_id])
        if not text:
            return self.refuse(UNKNOWN_FACT, f"I don't know more: the page only mentions {self.name(kind, entry_id)}.",
                               new_context)
        topic = PARTNER_CITY_TOPIC if tuple(sections) == self.kb.partner_city_facts.sections else entry_id
        return answer(text, topic, sections, new_context)

    def unlisted_fact(self, question: Question, context: Context) -> Reply:
        subject = self.subject(question, context, PROJECT, PROGRAMME, PLACE, ORGANISATION, TOPIC)
        if subject is None:
            return self.refuse(UNKNOWN_FACT, "I don't know: the page I rely on doesn't give that information.",
                               Context("ask_unlisted_fact"))
        name = self.name(*subject)
        new_context = Context("ask_unlisted_fact", *subject)
        related = self._describe(*subject, question, context)
        return self.refuse(UNKNOWN_FACT, f"I don't know: the page I rely on doesn't give that information about {name}.",
                           new_context, related if related.kind == ANSWER else None)

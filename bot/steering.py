"""Reading a question by its words where the classifier files it under a neighbouring intent.

The classifier knows kinds of question; some kinds sit close together ("why
bother with EU projects?" is the city's European policy, not the list of
projects), and a short follow-up ("anyone from Sweden?") carries its subject
only in the conversation. Each rule below names the words (bot/cues.py) and the
context that settle the reading; the first rule that applies wins. Plain
Python: tests/unit/test_answers.py asks the answering core directly.
"""
from dataclasses import replace
from typing import Collection, List

from bot import cues
from bot.answer_tools import HOME, PARTNER_CITY_TOPIC, WELCOME_CENTRE_TOPIC, AnswerTools, Question, mention_of
from bot.intents import (LOW_CONFIDENCE_THRESHOLD, PARTNER_CITY_INTENTS, TOPIC_INTENT_OF, TOPIC_INTENTS,
                         UNSURE_INTENTS)
from bot.names import COUNTRY, ORGANISATION, PLACE, PROGRAMME, PROJECT, PROJECT_KEYWORD, TOPIC
from bot.replies import Context
from bot.question_sentence import asked_part, question_text
from bot.unfamiliar_names import UnfamiliarNames

# How sure a reading is that the question's own words point to (bot/cues.py).
STEERED_CONFIDENCE = 0.5
# "A fact the page lacks" without a word for such a fact gives way to a second
# reading at least this share as likely.
UNLISTED_RUNNER_UP_SHARE = 0.35
# The kinds of question that are about a named partner city or programme, for reading an unlisted-fact guess.
INTENTS_FOR_NAMED = {PLACE: ("ask_is_partner_city", "ask_city_link"), PROGRAMME: ("ask_programme",)}
# An asking sentence of this many words after a story says what it asks by itself.
SELF_CONTAINED_QUESTION_WORDS = 10


# Broad topics whose paragraphs say nothing of help for newcomers (the trade one
# does, for companies: "a warm welcome to international companies settling here").
SAY_NOTHING_OF_SETTLING_IN = ("ask_international_relations", "ask_internationalisation_policy")
# Broad topics that name the city's companies in passing; the opening section and the trade paragraph say more.
SAY_LITTLE_OF_BUSINESSES = ("ask_international_relations", "ask_internationalisation_policy", "ask_welcome_centre")
# A follow-up this short, naming nothing, after a broad topic is read against it ("just for the city itself
# or for a bigger area?" after the trade topic stays on it unless the classifier is sure of another).
BRIEF_FOLLOW_UP_WORDS = 12


class Steering:
    def __init__(self, tools: AnswerTools, answerable: Collection[str]):
        self.tools, self.kb = tools, tools.kb
        self.answerable = frozenset(answerable)  # the intents the answering core has a reply for

    def steer(self, question: Question, context: Context) -> Question:
        """Questions the classifier often files under a neighbouring topic, read by their words."""
        text = question.text

        def steer(intent: str) -> Question:
            return replace(question, intent=intent, confidence=max(question.confidence, STEERED_CONFIDENCE))

        projects = self._projects_named_or_in_context(question, context)
        places = self.tools.mentioned(question, PLACE) or (
            [mention_of(PLACE, context.subject_id)] if context.subject_kind == PLACE and cues.points_back(text) else [])
        partner_cities = [m for m in places if self.kb.places[m.id].is_partner_city]
        if (question.intent in ("ask_is_partner_city", "ask_city_link") and len(partner_cities) >= 2
                and cues.sets_aside(text) and self.tools.mentioned(question, TOPIC)):
            return steer("ask_partner_cities")  # "and the other partner cities, so not oldenburg bremen ..."
        if (cues.speaks_of_reactive_ties(text) and not question.mentions and not cues.asks_unlisted_fact(text)
                and question.intent not in PARTNER_CITY_INTENTS):
            return steer("ask_partner_cities")  # "those reactive partnerships, in what context do they come up?"
        if (self.tools.mentioned(question, PROJECT) and cues.counts_organisations(text)
                and not [m for m in self.tools.mentioned(question, PLACE, ORGANISATION, COUNTRY) if m.id != HOME]):
            return steer("ask_project_partners")  # "how many organisations are partners in HyTrEc2?"
        if (context.intent in ("ask_programme", "ask_project_programme") and context.subject_kind in (None, PROGRAMME)
                and self.tools.mentioned(question, PROGRAMME) and not cues.says_the_word_project(text)
                and not [m for m in question.mentions if m.kind == PROJECT]
                and question.intent in ("ask_project_goal", "ask_about", "ask_project_programme")):
            return steer("ask_programme")  # "what does the north sea one aim for" after the programmes
        if (question.intent == "out_of_scope" and any(m.id == PARTNER_CITY_TOPIC for m in self.tools.mentioned(question, TOPIC))
                and not [m for m in question.mentions if m.kind != TOPIC and m.id != HOME]
                and (cues.asks_for_a_list(text) or cues.tells_of_writing_about(text)) and not cues.asks_unlisted_fact(text)):
            # "ik moet voor aardrijkskunde opzoeken welke zustersteden groningen heeft", "my granddaughter has to
            # write a little essay about groningen's partner cities"
            return steer("ask_partner_cities")
        just_projects = self._projects_named_or_in_context(question, context)
        if not question.mentions and len(just_projects) == 1:
            in_context = (mention_of(PROJECT, just_projects[0]),)
            if cues.asks_which_project_it_belongs_to(text) and context.subject_kind == PROJECT:
                return replace(steer("ask_about"), mentions=in_context)  # "which project does it belong to?"
            if (cues.asks_since_when(text) or (cues.asks_period(text) and cues.points_back(text))) and (
                    self._period_of_the_subject(question, context) and not cues.mentions_vehicles(text)):
                # "since when?" after the garbage truck project, "whats the time frame of that" after Arnhem in HECTOR
                return replace(steer("ask_project_period"), mentions=in_context)
        if (context.subject_kind == PLACE and self.kb.places[context.subject_id].partner_link == "foundation"
                and not question.mentions and cues.mentions_a_foundation(text) and not cues.asks_about_a_person(text)
                and not cues.asks_count(text) and not cues.asks_an_amount(text) and not cues.asks_unlisted_fact(text)):
            return steer("ask_city_link")  # "is that foundation part of the city government then?" after Murmansk
        if (context.intent == "ask_project_partners" and context.subject_kind == PROJECT and not question.mentions
                and cues.asks_count(text) and cues.asks_about_countries(text)):
            return steer("ask_project_partners")  # "how many countries is that" after a project's partners
        if (context.intent in PARTNER_CITY_INTENTS and not question.mentions and cues.asks_about_countries(text)
                and cues.points_back(text) and question.intent not in PARTNER_CITY_INTENTS):
            return steer("ask_partner_cities")  # "and what countries are those in" after the partner cities
        partners_named = [m for m in self.tools.mentioned(question, PLACE, ORGANISATION) if m.id != HOME
                          and self.kb.projects_with_member(m.id)]
        if (partners_named and self.tools.countries(question) and self.tools.mentioned(question, PROJECT)
                and not any(self.kb.in_country(self.tools.country_of(m), c) for m in partners_named
                            for c in self.tools.countries(question))):
            # "Narvik University College is the Swedish partner in HyTrEc2, right?": its own country, not Sweden's
            return replace(steer("ask_project_membership"), mentions=tuple(m for m in question.mentions if m.kind != COUNTRY))
        if (partner_cities and cues.asks_who_runs_it(text) and not cues.asks_about_a_person(text)
                and question.intent not in PARTNER_CITY_INTENTS and not projects):
            return steer("ask_city_link")  # "... whether the municipality itself runs the twinning with San Carlos"
        if (question.intent in ("out_of_scope", "ask_unlisted_fact") and self.tools.mentioned(question, PLACE, ORGANISATION)
                and (cues.asks_which_country(text) or cues.asks_where_that_is(text)) and cues.is_short(text)):
            return steer("ask_about")  # "moermansk where is that": the country the page gives
        if (question.intent == "ask_groningen_contribution" and not projects and places
                and all(self.kb.places[m.id].is_partner_city for m in places)
                and not self.tools.mentioned(question, PROGRAMME, ORGANISATION)):
            return steer("ask_city_link")  # "is the Murmansk twinning run by the municipality itself?"
        if (context.intent in PARTNER_CITY_INTENTS and self.tools.countries(question) and question.intent not in
                PARTNER_CITY_INTENTS and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)
                and not cues.says_project(text) and not cues.mentions_the_projects(text)):
            # "which of them are German?" after the partner cities: the partner cities there
            # (not "en wat voor projecten doen ze daar in nicaragua").
            return steer("ask_partner_cities")
        if ((context.subject_kind == PROJECT or context.project_id) and cues.is_short(text)
                and not self.tools.mentioned(question, PROJECT, PROGRAMME, PLACE, ORGANISATION)
                and (cues.asks_period(text) or cues.gives_a_year(text)) and not cues.mentions_vehicles(text)
                and not cues.asks_refuelling(text) and not cues.asks_unlisted_fact(text)
                and question.intent not in ("ask_project_period", "ask_unlisted_fact")):
            return steer("ask_project_period")  # "and that it wraps up in 2025?" after HECTOR's start
        if (context.intent in PARTNER_CITY_INTENTS and cues.mentions_a_foundation(text) and cues.asks_which_ones(text)
                and (cues.is_short(text) or cues.points_back(text))
                and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION, COUNTRY)
                and not cues.asks_unlisted_fact(text)):
            return steer("ask_partner_cities")  # "which of those are looked after by a foundation?"
        if ((context.subject_kind == PROJECT or context.project_id) and cues.is_short(text)
                and self.tools.mentioned(question, PLACE, ORGANISATION) and not self.tools.mentioned(question, PROJECT, PROGRAMME)
                and (question.intent in UNSURE_INTENTS or question.confidence < LOW_CONFIDENCE_THRESHOLD)):
            return steer("ask_project_membership")  # "zit brussel er ook bij?" after HECTOR's partners
        partner_city_places = [m for m in self.tools.mentioned(question, PLACE) if self.kb.places[m.id].is_partner_city]
        if (question.intent == "ask_project_partners" and not projects and not cues.mentions_the_projects(text)
                and cues.mentions_cities(text) and not self.tools.mentioned(question, ORGANISATION)
                and (partner_city_places or any(self.kb.partner_cities_in(c) for c in self.tools.countries(question)))
                and len(partner_city_places) == len(self.tools.mentioned(question, PLACE))):
            return steer("ask_partner_cities")  # "which chinese citys r partners? tianjing and xian or more?"
        if (question.intent in PARTNER_CITY_INTENTS and self.tools.mentioned(question, PROJECT)
                and self.tools.mentioned(question, PLACE, ORGANISATION) and not cues.names_a_partner_city_tie(text)):
            return steer("ask_project_membership")  # "Is Hamburg a HECTOR partner?": a partner in the project
        if (projects and cues.asks_which_cities_take_part(text) and not cues.names_a_partner_city_tie(text)
                and not self.tools.mentioned(question, PLACE, ORGANISATION) and question.intent != "ask_unlisted_fact"):
            return steer("ask_project_partners")  # "welke steden doen mee aan het project met de vuilniswagens?"
        named = [m for m in self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)
                 if not cues.names_the_eu_by_its_seat(m.text)]
        if cues.asks_how_the_city_sees_itself_in_hydrogen(text) and not [
                m for m in named if m.id != HOME and m.kind != PROJECT_KEYWORD]:  # "a hydrogen region" is itself a keyword
            return steer("ask_groningen_contribution")  # "as a hydrogen region" opens what it does in the projects
        if (cues.speaks_of_drawing_investment(text) and not named and not self.tools.mentioned(question, PROGRAMME)
                and not cues.asks_unlisted_fact(text) and question.intent != "ask_international_trade"):
            return steer("ask_international_trade")  # "is the city's investment promotion only about the city itself?"
        if (cues.asks_why_europe(text) or cues.asks_policy_matter(text)) and not named:
            return steer("ask_internationalisation_policy")
        asked = asked_part(text) or text
        if (cues.asks_what_the_city_buys(text) and (any(m.id == HOME for m in question.mentions) or cues.says_the_city(text))
                and not self.tools.mentioned(question, PLACE, ORGANISATION) and not cues.asks_unlisted_fact(text)
                and question.intent in ("ask_eu_projects", "ask_project_goal", "ask_about", "ask_project_membership",
                                        *TOPIC_INTENTS, *UNSURE_INTENTS)):
            return steer("ask_groningen_contribution")  # "what is Groningen buying in the EU project about hydrogen?"
        if (context.subject_kind in (PLACE, ORGANISATION) and cues.asks_which_country(text) and cues.points_back(text)
                and not [m for m in question.mentions if m.id != HOME] and not cues.asks_unlisted_fact(text)):
            return steer("ask_about")  # "in welk land ligt die stad?" after San Carlos: where the page puts it
        if (question.intent == "ask_project_membership" and self.tools.mentioned(question, PROJECT)
                and not self.tools.mentioned(question, PLACE, ORGANISATION) and any(m.id == HOME for m in question.mentions)
                and cues.asks_what_it_does_itself(asked) and not cues.asks_whether_a_member(asked)):
            return steer("ask_groningen_contribution")  # "lots of partners in hytrec2, but what is groningen itself doing?"
        if (self.tools.mentioned(question, PROGRAMME) and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)
                and (question.intent in TOPIC_INTENTS or (
                    question.intent in ("ask_project_goal", "ask_about") and cues.says_programme(asked)
                    and not cues.says_project(asked)))):
            # "what kind of place does interreg NWE want the region to be?", "the city is in some north sea
            # programme right? what is it meant to do": the programme's aims
            return steer("ask_programme")
        if (context.subject_kind == PROGRAMME and not [m for m in question.mentions if m.id != HOME]
                and cues.asks_which_project_falls_under(text)):
            # "welk Gronings project valt daaronder?" after a programme: its project
            return replace(steer("ask_eu_projects"), mentions=(*question.mentions, mention_of(PROGRAMME, context.subject_id)))
        if (cues.asks_whether_in_projects(text) and not self.tools.mentioned(question, PROJECT, PROGRAMME, PLACE, ORGANISATION)
                and not self.tools.countries(question)
                and question.intent in ("ask_project_membership", *TOPIC_INTENTS, *UNSURE_INTENTS)):
            return steer("ask_eu_projects")  # "does the city take part in any EU-funded projects at all?"
        named_in_focus = [m for m in named if UnfamiliarNames.in_focus(text, m.start)]  # not "visiting from Oldenburg"
        if (cues.asks_who_comes_and_works_here(text) and not named_in_focus
                and not self.tools.mentioned(question, PROGRAMME)
                and question.intent != "ask_international_relations"):
            return steer("ask_international_relations")  # "who do the universities draw in from abroad?"
        if cues.asks_why_contacts_matter(text) and not named and question.intent in TOPIC_INTENTS:
            return steer("ask_welcome_centre")  # the knowledge city's paragraph gives the reason
        centre = [m for m in self.tools.mentioned(question, TOPIC) if m.id == WELCOME_CENTRE_TOPIC]
        if centre and cues.asks_purpose(text) and not cues.asks_unlisted_fact(text):
            return steer("ask_welcome_centre")  # "why was IWCN created?"
        topics = {TOPIC_INTENT_OF[m.id] for m in self.tools.mentioned(question, TOPIC) if m.id in TOPIC_INTENT_OF}
        if (question.intent in TOPIC_INTENTS and not topics
                and any(m.id == PARTNER_CITY_TOPIC for m in self.tools.mentioned(question, TOPIC))
                and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)):
            return steer("ask_partner_cities")  # "where in the world does groningen have formal city ties?"
        if (question.confidence < LOW_CONFIDENCE_THRESHOLD and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)
                and any(m.id == PARTNER_CITY_TOPIC for m in self.tools.mentioned(question, TOPIC))
                and not cues.asks_unlisted_fact(text) and not cues.city_whose_partners_are_asked(text)):
            return steer("ask_partner_cities")  # "hi im doing a school project about groningen, what are its partner cities?"
        if (context.intent in SAY_LITTLE_OF_BUSINESSES and not question.mentions and len(text.split()) <= BRIEF_FOLLOW_UP_WORDS
                and cues.names_businesses(text) and not cues.asks_unlisted_fact(text)
                and question.intent in ("ask_about", *TOPIC_INTENTS, *UNSURE_INTENTS)):
            # "and the companies? how are they international" after the opening section: its own sentence on them
            # (they do business abroad and hire); "and companies from abroad, does the city welcome them too?"
            # after the Welcome Centre: the trade paragraph
            hiring = context.intent == "ask_international_relations" or cues.asks_who_comes_and_works_here(text)
            return steer("ask_international_relations" if hiring else "ask_international_trade")
        if question.intent in TOPIC_INTENTS and len(topics) == 1 and question.intent not in topics:
            return steer(topics.pop())  # "investments - for which area?" names the trade topic
        if (context.subject_kind == PROJECT and not question.mentions and cues.asks_about_partners(text)
                and cues.is_short(text)):
            return steer("ask_project_partners")  # "en met welke partners?" after a project
        if (cues.asks_city_help_for_business(text) and not cues.asks_help_settling_in(text)
                and not (question.intent == "ask_international_relations" and cues.asks_who_comes_and_works_here(text))
                and not self.tools.mentioned(question, PROJECT, PROGRAMME)):
            return steer("ask_international_trade")
        refuelling = cues.asks_refuelling(text) or cues.asks_refuelling_place(text)
        if refuelling and (any(self.kb.projects[p].refuelling_point for p in projects) or (
                not projects and (cues.mentions_the_projects(text) or cues.asks_refuelling_place(text))
                and question.intent != "ask_unlisted_fact" and not self.tools.mentioned(question, PLACE, ORGANISATION))):
            return steer("ask_refuelling_point")  # also "is there going to be a place to fill them up with hydrogen?"
        others = [m for m in question.mentions if m.kind != COUNTRY and m.id != HOME]
        countries = self.tools.countries(question)
        in_a_project = context.subject_kind == PROJECT or (
            context.project_id and context.intent in ("ask_project_membership", "ask_project_partners"))
        if (countries and not others and in_a_project and not cues.names_a_partner_city_tie(text)
                and (cues.is_short(text) or cues.asks_who(text))):
            return steer("ask_project_partners")  # "anyone from Sweden?", "wie doen er vanuit Nederland mee?" after a project
        if (context.subject_kind == PROJECT and not question.mentions and cues.asks_count(text)
                and cues.mentions_cities(text)):
            return steer("ask_project_goal")  # "spread over how many cities?" after HECTOR: the project's scale
        if projects and cues.asks_what_is_done_with(text) and not cues.asks_unlisted_fact(text):
            return steer("ask_groningen_contribution")  # "what will they do with them?" after the vehicles
        if (context.subject_kind == PROJECT and not question.mentions and cues.says_programme(text)
                and not cues.says_project(text) and question.intent in ("ask_project_goal", "ask_about")):
            return steer("ask_programme")  # "what's the main goal of that programme then?" after HyTrEc2
        if (self.tools.mentioned(question, PROGRAMME) and cues.says_project(text) and not self.tools.mentioned(question, PROJECT)
                and (question.intent == "ask_programme" or (question.intent == "ask_project_goal" and cues.says_own(text)))
                and cues.mentions_vehicles(text)
                and not cues.asks_vehicle_kinds_or_why_hydrogen(text)):
            return steer("ask_groningen_contribution")  # "the city's own fleet under the north sea project?"
        programmes = self.tools.mentioned(question, PROGRAMME)
        if (question.intent in TOPIC_INTENTS and projects and programmes
                and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)
                and all(self.kb.projects[p].programme == m.id for m in programmes for p in projects)):
            return steer("ask_project_goal")  # "how does it want to position the north sea region?" after HyTrEc2
        named_projects = self.tools.mentioned(question, PROJECT)
        if (named_projects and question.intent in TOPIC_INTENTS
                and not self.tools.mentioned(question, PLACE, ORGANISATION, PROGRAMME)):
            # "what's the city doing to grow the hydrogen economy?": what Groningen does in that project
            if cues.asks_vehicle_kinds_or_why_hydrogen(text) and not cues.asks_about_a_share(text):
                return steer("ask_project_goal")  # "how do hydrogen vehicles help the EU's climate goals?"
            return steer("ask_groningen_contribution" if cues.asks_about_a_share(text) else "ask_about")
        if (context.subject_kind == PROGRAMME and not question.mentions and not cues.asks_when(text)
                and question.intent in ("ask_project_period", "ask_project_goal")):
            return steer("ask_programme")  # "which areas exactly does it focus on?" after a programme
        if (self.tools.mentioned(question, PROGRAMME) and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)
                and cues.asks_count(text) and cues.asks_about_countries(text) and not cues.says_project(text)
                and not self.asks_programme_countries(question)):
            return steer("ask_programme")  # "how many countries r in the north sea thing": its aims say seven
        if (context.intent == "ask_programme" and context.subject_kind == PROGRAMME and not question.mentions
                and cues.is_short(text) and cues.asks_which_ones(text) and not cues.asks_count(text)
                and cues.states_a_count_of_countries(self.kb.programmes[context.subject_id].aims)):
            return steer("ask_unlisted_fact")  # "which ones?" after NSR's seven countries: the page names none
        if context.subject_kind == PROGRAMME and not self.tools.mentioned(question, PROJECT):
            if cues.asks_about_countries(text) and not cues.asks_count(text):
                return steer("ask_unlisted_fact")  # "which seven countries are those?": the page names none
            if cues.asks_about_countries(text) or question.intent == "ask_project_goal":
                return steer("ask_programme")  # "how many countries?", "its main goal?" after a programme
        if (countries and any(m.id == PARTNER_CITY_TOPIC for m in self.tools.mentioned(question, TOPIC))
                and question.intent not in PARTNER_CITY_INTENTS and not self.tools.mentioned(question, PLACE)):
            return steer("ask_partner_cities")  # "what's the Nicaraguan partner town called?"
        if (countries and cues.asks_about_a_tie(text)
                and (question.intent not in PARTNER_CITY_INTENTS or question.confidence < LOW_CONFIDENCE_THRESHOLD)
                and any(self.kb.partner_cities_in(c) for c in countries)
                and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)):
            return steer("ask_partner_cities")  # "does groningen have any connection to Nicaragua?"
        if (countries and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION) and cues.says_the_word_project(text)
                and cues.names_a_kind_of_partner(text) and not cues.names_a_partner_city_tie(text)
                and not cues.asks_unlisted_fact(text) and question.intent in ("ask_eu_projects", *TOPIC_INTENTS, *UNSURE_INTENTS)):
            return steer("ask_project_membership")  # "which UK places are involved in groningen's EU hydrogen projects"
        if (cues.asks_summary_of_the_international_side(text) and not self.tools.mentioned(question, PROJECT, PLACE)
                and not topics - {"ask_international_relations"}):
            return steer("ask_international_relations")  # not "in a nutshell, the city's role in international trade?"
        if context.subject_kind in (PROJECT, PROGRAMME) and cues.asks_how(text) and not question.mentions:
            return steer("ask_project_goal" if context.subject_kind == PROJECT else "ask_programme")
        partner_places = [m for m in self.tools.mentioned(question, PLACE) if self.kb.places[m.id].is_partner_city]
        if (partner_places and cues.asks_about_a_tie(text) and question.intent not in PARTNER_CITY_INTENTS
                and (question.intent in UNSURE_INTENTS or question.intent in TOPIC_INTENTS
                     or question.confidence < LOW_CONFIDENCE_THRESHOLD)):
            return steer("ask_is_partner_city")  # "is my hometown Xi'an connected with Groningen?"
        if (context.subject_kind == PROJECT and any(m.id == HOME for m in question.mentions)
                and cues.asks_about_a_share(text) and cues.is_short(text) and len(question.mentions) == 1):
            return steer("ask_groningen_contribution")  # "and what's Groningen's share in that?"
        about_a_project = self.tools.mentioned(question, PROJECT) or (
            projects and (question.intent not in PARTNER_CITY_INTENTS or cues.points_into_it(text))
            and not any(m.id == PARTNER_CITY_TOPIC for m in self.tools.mentioned(question, TOPIC)))
        if (about_a_project and countries and cues.names_a_kind_of_partner(text)
                and question.intent not in ("ask_project_partners", "ask_unlisted_fact")):
            return steer("ask_project_partners")  # "is any other Dutch city in HECTOR?", "a Dutch partner in it?"
        if (self.tools.mentioned(question, PROJECT) and cues.asks_home_or_abroad(text)
                and not self.tools.mentioned(question, PLACE, ORGANISATION) and question.intent != "ask_unlisted_fact"):
            # "HECTOR, is that only in the Netherlands or also abroad?": all partners, not those in the Netherlands
            return replace(steer("ask_project_partners"), mentions=tuple(m for m in question.mentions if m.kind != COUNTRY))
        if (cues.asks_shared(text) and (cues.asks_who(text) or cues.asks_about_partners(text))
                and len({m.id for m in self.tools.mentioned(question, PROJECT)}) in (0, len(self.kb.projects))
                and question.intent != "ask_project_partners"):
            return steer("ask_project_partners")  # "who shows up in both hydrogen projects?"
        if (not question.mentions or {m.id for m in question.mentions} == {HOME}) and cues.asks_which_projects(text):
            return steer("ask_eu_projects")  # "which hydrogen projects is the city in?": not one of them
        partners = [m for m in self.tools.mentioned(question, PLACE, ORGANISATION) if m.id != HOME]
        if projects and partners and cues.asks_contribution(text):
            return steer("ask_groningen_contribution")  # "what does Drenthe contribute?": only Groningen's is given
        kept_by_a_foundation = [m for m in self.tools.mentioned(question, PLACE)
                                if self.kb.places[m.id].partner_link == "foundation"]
        if (context.subject_kind == PLACE and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)
                and self.kb.places[context.subject_id].partner_link == "foundation"
                and cues.asks_who_pays_or_arranges(text)):
            return steer("ask_city_link")  # "who pays that foundation?" after San Carlos: the municipality subsidises it
        if (not kept_by_a_foundation and context.subject_kind == PLACE and not others
                and self.kb.places[context.subject_id].partner_link == "foundation"):
            kept_by_a_foundation = [mention_of(PLACE, context.subject_id)]  # "does the municipality give them money?"
        if (kept_by_a_foundation and cues.asks_whether_money_goes(text) and question.intent != "ask_city_link"
                and not cues.asks_unlisted_fact(text)):
            return steer("ask_city_link")  # "does the city put money towards the Murmansk tie?": it subsidises the foundation
        if (kept_by_a_foundation and cues.mentions_a_foundation(text) and not cues.asks_unlisted_fact(text)
                and question.intent not in (*UNSURE_INTENTS, "ask_unlisted_fact")):
            return steer("ask_city_link")  # "is the Murmansk foundation part of the gemeente?": independent, subsidised
        asked_about = [m for m in self.tools.mentioned(question, PROJECT, PROGRAMME, PLACE, ORGANISATION)
                       if UnfamiliarNames.in_focus(text, m.start)]  # not "I'm originally from Tianjin"
        if (cues.asks_about_a_tie(text) and cues.mentions_cities(text) and not asked_about
                and (question.intent not in PARTNER_CITY_INTENTS or question.confidence < LOW_CONFIDENCE_THRESHOLD)):
            return steer("ask_partner_cities")  # "what cities is Groningen linked with?"
        if cues.asks_what_was_set_up(text) and not self.tools.mentioned(question, PROJECT, PROGRAMME, PLACE, ORGANISATION):
            return steer("ask_welcome_centre")  # "so what did they set up to attract people?"
        members = [m for m in self.tools.mentioned(question, PLACE, ORGANISATION)
                   if m.id != HOME and self.kb.projects_with_member(m.id)
                   and not (m.kind == PLACE and self.kb.places[m.id].is_partner_city)]
        members_asked_about = [m for m in members if UnfamiliarNames.in_focus(text, m.start)]  # not "I'm from Aberdeen"
        if ((members and cues.asks_about_a_tie(text) or members_asked_about and cues.mentions_the_projects(text))
                and (question.intent in UNSURE_INTENTS or question.intent
                                                           in TOPIC_INTENTS or question.confidence < LOW_CONFIDENCE_THRESHOLD)):
            return steer("ask_project_membership")  # "I study in Narvik: anything to do with Groningen?"
        if (cues.speaks_of_investment(text) and not self.tools.mentioned(question, PROJECT, PROGRAMME, ORGANISATION)
                and not cues.speaks_of_hydrogen(text) and not cues.asks_unlisted_fact(text)
                and (any(m.id == HOME for m in question.mentions) or cues.says_the_city(text))
                and question.intent == "ask_groningen_contribution"):
            return steer("ask_international_trade")  # "does the municipality only care about investment in the city?"
        if (members and cues.speaks_of_the_writers_side(text) and (cues.mentions_the_projects(text) or cues.speaks_of_hydrogen(text))
                and not cues.asks_help_settling_in(asked_part(text) or text)  # not "... a hydrogen job. who helps with the move?"
                and question.intent in (*UNSURE_INTENTS, *TOPIC_INTENTS)):
            return steer("ask_project_membership")  # "Im from Aberdien, is my city involved in groningen's hydrogen stuff?"
        if (self.tools.mentioned(question, PROJECT) and cues.asks_why_taking_part(text)
                and not cues.asks_unlisted_fact(text) and question.intent != "ask_project_goal"):
            return steer("ask_project_goal")  # "why is Groningen joining HECTOR?"
        if (projects and question.intent == "ask_project_period" and cues.names_a_goal(text)
                and not cues.asks_unlisted_fact(text)):
            return steer("ask_project_goal")  # "wat is het doel and how long does it run?": the period is added to it
        if (self.tools.mentioned(question, PROJECT) and cues.gives_a_year(text) and cues.asks_period(text)
                and question.intent != "ask_project_period" and not cues.mentions_vehicles(text)
                and not cues.asks_refuelling(text) and not cues.asks_unlisted_fact(text)
                and not self.tools.mentioned(question, PLACE, ORGANISATION)):
            return steer("ask_project_period")  # "hector kicked off in 2015 right?": a year checked is its period
        if (self.tools.mentioned(question, PROJECT) and cues.asks_period(text) and question.confidence < LOW_CONFIDENCE_THRESHOLD
                and not cues.mentions_vehicles(text) and not cues.asks_refuelling(text) and not cues.asks_unlisted_fact(text)
                and not self.tools.mentioned(question, PLACE, ORGANISATION)):
            return steer("ask_project_period")  # "The HECTOR project wraps up in 2025, correct?"
        named_projects = [self.kb.projects[m.id] for m in self.tools.mentioned(question, PROJECT) if m.id in self.kb.projects]
        if (named_projects and cues.counts_vehicles(text) and not cues.asks_unlisted_fact(text) and not cues.asks_when(text)
                and question.intent not in ("ask_groningen_contribution", "ask_project_goal")
                and not self.tools.mentioned(question, PLACE, ORGANISATION)):
            # "HECTOR is putting 6 hydrogen garbage trucks on the road, right?": the project's own count (7)
            own = cues.says_own(text) or any(m.id == HOME for m in question.mentions)
            whole = any(p.scale for p in named_projects) and not own
            return steer("ask_project_goal" if whole else "ask_groningen_contribution")
        if (context.intent == "ask_eu_projects" and not question.mentions and cues.counts_vehicles(text)
                and cues.asks_which_ones(text) and not cues.asks_unlisted_fact(text)):
            # "in which of them is the city buying six vehicles?" after the list of projects: what it does in each
            return replace(steer("ask_groningen_contribution"),
                           mentions=tuple(mention_of(PROJECT, p) for p in self.kb.projects))
        compared = {p.id for p in named_projects} | ({context.project} if context.project else set())
        if (len(compared) >= 2 and cues.compares_vehicles(text) and not cues.asks_unlisted_fact(text)
                and (cues.says_own(text) or any(m.id == HOME for m in question.mentions) or cues.says_the_city(text))):
            # "which project gets more vehicles for groningen itself?", "how does that compare with HECTOR in
            # number of vehicles for groningen?" after HyTrEc2's: what the city does in each
            return replace(steer("ask_groningen_contribution"),
                           mentions=(*question.mentions, *(mention_of(PROJECT, p) for p in sorted(compared))))
        if (self.tools.mentioned(question, PROJECT) and cues.asks_count(text) and cues.mentions_vehicles(text)
                and not cues.says_own(text) and not any(m.id == HOME for m in question.mentions)
                and question.confidence < LOW_CONFIDENCE_THRESHOLD and not cues.asks_unlisted_fact(text)):
            return steer("ask_project_goal")  # "how many hydrogen bin lorries is HECTOR about": the project's scale
        if (self.tools.mentioned(question, PROJECT) and question.intent == "ask_project_period" and cues.asks_location(text)
                and not cues.asks_when(text) and not cues.asks_unlisted_fact(text)):
            return steer("ask_project_goal")  # "where are the hector garbage trucks going to be tested": its cities
        if (context.subject_kind == PROGRAMME and self.tools.countries(question) and cues.names_a_kind_of_partner(text)
                and not cues.names_a_partner_city_tie(text) and not self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION)):
            own = [p for p in self.kb.projects.values() if p.programme == context.subject_id]
            if len(own) == 1:  # "any french partner in that one?" after NWE: its project's partners
                return replace(steer("ask_project_partners"), mentions=(*question.mentions, mention_of(PROJECT, own[0].id)))
        if projects and cues.asks_project_scale(text) and not cues.asks_unlisted_fact(text):
            return steer("ask_project_goal")
        if (cues.asks_for_settling_in_help(text)
                and not self.tools.mentioned(question, PROJECT, PROGRAMME)
                and (question.intent not in TOPIC_INTENTS or question.intent in SAY_NOTHING_OF_SETTLING_IN
                     or (question.intent == "ask_international_trade" and cues.speaks_of_people(text)))):
            return steer("ask_welcome_centre")  # "which organisation can help me settle in?"
        if ((projects or cues.mentions_the_projects(text)) and cues.asks_vehicle_kinds_or_why_hydrogen(text)
                and (question.intent != "ask_unlisted_fact" or not self.asks_a_fact_the_page_never_gives(question, context))):
            return steer("ask_project_goal")
        if question.intent == "ask_unlisted_fact" and not self.asks_a_fact_the_page_never_gives(question, context):
            # The classifier's "a fact the page lacks" without any word for such a fact: a
            # close second reading that the page answers is the better guess.
            named_kinds = {m.kind for m in question.mentions if m.id != HOME}
            for intent, confidence in question.ranking:
                if intent in self.answerable:
                    # a reading that fits the thing named ("houdt groningen het contact met oldenburg nog actief
                    # bij": Oldenburg's tie) needs no share; any other, a fair one
                    fits_the_named = any(intent in INTENTS_FOR_NAMED.get(kind, ()) for kind in named_kinds)
                    if fits_the_named or confidence >= UNLISTED_RUNNER_UP_SHARE * question.confidence:
                        return replace(question, intent=intent, confidence=max(confidence, LOW_CONFIDENCE_THRESHOLD))
                    break
        return question

    def asks_a_fact_the_page_never_gives(self, question: Question, context: Context = Context()) -> bool:
        asked = asked_part(question.text)
        # Not the story around the question; and a "why?", or a question long enough to carry its own
        # subject, asks what it says, whatever amounts the story names ("... all those projects and
        # subsidies. Why does Groningen take part?", "... EU funding calls. Does the municipality work
        # together with companies when it develops European projects?").
        own_subject = asked and (cues.asks_why(asked) or len(asked.split()) >= SELF_CONTAINED_QUESTION_WORDS)
        text = asked if own_subject else question_text(question.text)
        if cues.asks_since_when(text) and self._period_of_the_subject(question, context):
            return False  # "since when does it run?" after HECTOR: its first year
        if (any(self.kb.places[m.id].is_partner_city for m in self.tools.mentioned(question, PLACE) if m.id != HOME)
                and cues.asks_who_runs_it(text) and not cues.asks_about_a_person(text) and not cues.asks_count(text)
                and not cues.asks_an_amount(text)):
            return False  # "which city department is in charge of the Murmansk tie?": who keeps it
        return (cues.asks_unlisted_fact(text) or cues.asks_count_of_something_else(text)
                or cues.asks_when_about_vehicles(text) or self.asks_programme_countries(question)
                or self.asks_project_wide_count(question) or self.asks_a_partners_own_role(question, context)
                or self.asks_beyond_the_projects(question))

    def _projects_named_or_in_context(self, question: Question, context: Context) -> List[str]:
        """The projects the question names, else the one the conversation is about."""
        if self.tools.mentioned(question, PROJECT):
            return [m.id for m in self.tools.mentioned(question, PROJECT)]
        return [context.project] if context.project else []

    def _period_of_the_subject(self, question: Question, context: Context) -> bool:
        """Whether the one project the question is about has a period on the page."""
        projects = set(self._projects_named_or_in_context(question, context))
        return len(projects) == 1 and bool(self.kb.projects[projects.pop()].period)

    def asks_project_wide_count(self, question: Question) -> bool:
        """'how many vehicles does HyTrEc2 put on the road in total?': the page gives only Groningen's share
        there; for HECTOR it also gives the whole project's trucks."""
        projects = [self.kb.projects[m.id] for m in self.tools.mentioned(question, PROJECT) if m.id in self.kb.projects]
        return (cues.asks_project_wide_count(question.text) and bool(projects)
                and not any(p.scale for p in projects))

    def asks_programme_countries(self, question: Question) -> bool:
        """'which countries take part in Interreg NWE?': the page names no programme's countries, and counts
        them only where a programme's aims do ('the seven countries around the North Sea')."""
        programmes = [self.kb.programmes[m.id] for m in self.tools.mentioned(question, PROGRAMME)]
        if not programmes or self.tools.mentioned(question, PROJECT, PLACE, ORGANISATION):
            return False
        if cues.asks_count(question.text):
            return (cues.asks_about_countries(question.text)
                    and not any(cues.states_a_count_of_countries(p.aims) for p in programmes))
        return cues.asks_which_countries(question.text)

    def asks_beyond_the_projects(self, question: Question) -> bool:
        """'besides hector and hytrec2, which other european projects is groningen in?': the page names these two."""
        named = {m.id for m in self.tools.mentioned(question, PROJECT)}
        return cues.asks_for_more_projects(question.text) and (
            named == set(self.kb.projects) or (cues.sets_aside(question.text) and bool(named)))

    def asks_a_partners_own_role(self, question: Question, context: Context) -> bool:
        """'what is the Swedish research institute doing within HyTrEc2?': the page gives only Groningen's
        own share in a project, never another partner's."""
        partners = [m for m in self.tools.mentioned(question, PLACE, ORGANISATION) if m.id != HOME]
        if not partners or any(m.id == HOME for m in question.mentions) or not cues.asks_what_someone_does(question.text):
            return False
        # partners only: where a partner city is in the question, the tie is what is asked
        return all(self.kb.projects_with_member(m.id) for m in partners) and not any(
            m.kind == PLACE and self.kb.places[m.id].is_partner_city for m in partners)

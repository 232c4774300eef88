"""Answers about Groningen's partner cities and the places on the page."""
from dataclasses import replace

from bot import cues
from bot.answer_tools import HOME, PARTNER_CITY_TOPIC, AnswerTools, Question
from bot.describe import bullets, listing
from bot.names import ORGANISATION, PLACE
from bot.replies import ANSWER, UNKNOWN_FACT, Context, Reply, answer
from bot.unfamiliar_names import is_ordinary_word

LINK_SHORT = {"active": "kept up actively", "foundation": "kept by an independent foundation the municipality subsidises"}


class PartnerCityAnswers(AnswerTools):
    def partner_cities(self, question: Question, context: Context) -> Reply:
        new_context = Context("ask_partner_cities")
        countries = self.countries(question)
        set_aside = {m.id for m in self.mentioned(question, PLACE) if m.id != HOME}
        if countries and set_aside and cues.sets_aside(question.text):
            # "the other chinese partner city, not Tianjin?": the rest of that country's partner cities
            rest = [c for country in countries for c in self.kb.partner_cities_in(country) if c.id not in set_aside]
            if rest:
                lines = [f"{c.name} ({self.say.country_name(c.country)}): {LINK_SHORT[c.partner_link]}" for c in rest]
                return answer(f"Besides {listing([self.kb.places[i].name for i in set_aside])}:\n{bullets(lines)}",
                              PARTNER_CITY_TOPIC, self.kb.partner_city_facts.sections, new_context)
        if (countries or self.mentioned(question, PLACE)) and cues.sets_aside(question.text):
            # "apart from the German and Chinese ones, are the others active?": the whole picture.
            text, sections = self.say.partner_cities_overview(False)
            return answer(text, PARTNER_CITY_TOPIC, sections, new_context)
        if countries:  # "I'm from Tianjin: any partner cities in China?" asks about China
            found = self.partner_cities_in(countries, new_context, cues.asks_which_part(question.text))
            if found.kind == ANSWER and cues.asks_count(question.text) and cues.asks_about_active_ties(question.text):
                # "how many chinese partner cities does groningen have an active link with": the page names them all
                active = [c for country in countries for c in self.kb.partner_cities_in(country) if c.partner_link == "active"]
                return replace(found, text=f"{len(active)}: {listing([c.name for c in active])}.\n{found.text}")
            if found.kind == ANSWER and cues.asks_count(question.text):
                # "how many of those are in germany?": the page names these (it never gives a total)
                named = [c for country in countries for c in self.kb.partner_cities_in(country)]
                return replace(found, text=f"The page names {len(named)}: {listing([c.name for c in named])}.\n{found.text}")
            return found
        if self.mentioned(question, PLACE) or self.unknown_city(question):
            return self.is_partner_city(question, context)
        if (cues.mentions_a_foundation(question.text) and not cues.asks_about_active_ties(question.text)
                and not cues.asks_project_wide_count(question.text)):  # not "how many in total, also the ones it doesn't keep?"
            # "which of those are looked after by a foundation?"
            kept = [p for p in self.kb.partner_cities() if p.partner_link == "foundation"]
            lines = [f"{p.name} ({self.say.country_name(p.country)})" for p in kept]
            # what follows ("who does it then?") is about the first of them
            return answer(f"These ties are {LINK_SHORT['foundation']}:\n{bullets(lines)}", PARTNER_CITY_TOPIC,
                          self.kb.partner_city_facts.sections, Context("ask_city_link", PLACE, kept[0].id))
        active_only = cues.asks_about_active_ties(question.text)
        text, sections = self.say.partner_cities_overview(active_only)
        if active_only and cues.asks_count(question.text):
            # The page names the active ones, so their number is known: "how many are kept up actively?"
            active = [p.name for p in self.kb.partner_cities() if p.partner_link == "active"]
            text = f"Groningen keeps up {len(active)} of its partner-city ties actively: {listing(active)}. {text}"
        if cues.asks_count(question.text) and not active_only:
            # The page says "a number of cities" and names only some of them.
            related = answer(text, PARTNER_CITY_TOPIC, sections, new_context)
            return self.refuse(UNKNOWN_FACT, "I don't know: the page doesn't say how many partner cities "
                               "Groningen has in all.", new_context, related)
        return answer(text, PARTNER_CITY_TOPIC, sections, new_context)

    def partner_cities_in(self, countries, new_context: Context, where_in: bool = False) -> Reply:
        found = [(c, self.kb.partner_cities_in(c)) for c in countries]
        with_cities = [(c, cities) for c, cities in found if cities]
        if not with_cities:
            names = " or ".join(self.say.country_name(c) for c in countries)
            text, sections = self.say.partner_cities_overview()
            related = answer(text, PARTNER_CITY_TOPIC, sections, new_context)
            return self.refuse(UNKNOWN_FACT, f"I don't know: the page doesn't name a partner city in {names}.",
                               new_context, related)
        if len(with_cities) == 1 and len(with_cities[0][1]) == 1:
            # "a partner city in Nicaragua?" - the follow-up will be about San Carlos
            new_context = Context(new_context.intent, PLACE, with_cities[0][1][0].id)
        parts = []
        for country, cities in with_cities:
            lines = [f"{c.name}: {LINK_SHORT[c.partner_link]}" for c in cities]
            parts.append(f"Groningen's partner cities in {self.say.country_name(country)}:\n{bullets(lines)}")
        facts = self.kb.partner_city_facts
        if where_in:  # "which part of germany?": the page's own words ("its North German partners ...")
            names = [c.name for _, cities in with_cities for c in cities]
            parts += [fact for fact in (facts.active, facts.foundation) if any(name in fact for name in names)]
        return answer("\n".join(parts), PARTNER_CITY_TOPIC, facts.sections, new_context)

    def unknown_city(self, question: Question) -> str:
        """The name in 'is Lyon a partner city?' when it is not a place the page names."""
        asked = cues.asked_city(question.text)
        if asked is None or any(m.start <= asked[1] < m.end for m in question.mentions):
            return ""
        after = question.text[asked[1] + len(asked[0]):]
        if any(m.kind == PLACE and cues.in_brackets_right_after(after, m.text) for m in question.mentions):
            return ""  # "Sjian (xian)": the writer's spelling, then the page's name
        if all(is_ordinary_word(word) for word in asked[0].split()):
            return ""  # "San Carlos is mentioned as a partner": "mentioned" names no city
        return asked[0]

    def is_partner_city(self, question: Question, context: Context) -> Reply:
        if self.mentioned(question, PLACE) and cues.sets_aside(question.text):
            return self.partner_cities(question, context)  # "the ones that are NOT Oldenburg, Bremen, ...?"
        places = [self.kb.places[i] for i in dict.fromkeys(m.id for m in self.mentioned(question, PLACE))]
        if len(places) > 1 and all(p.is_partner_city for p in places) and not self.unknown_city(question):
            # "Is Groningen partnered with Bremen or Hamburg?": each of them.
            said = [self.say.partner_city(p) for p in places]
            return answer("Yes:\n" + "\n".join(f"- {text}" for text, _ in said), PARTNER_CITY_TOPIC,
                          [s for _, sections in said for s in sections], Context("ask_is_partner_city"))
        unknown = self.unknown_city(question)
        subject = None if unknown else self.subject(question, context, PLACE)
        if subject is None:
            if self.countries(question) and not unknown:
                return self.partner_cities(question, context)
            city = (unknown.title() if unknown.islower() else unknown) or "that city"  # "tallinn" as a name
            why = (f"I don't know: the page doesn't name {city} among Groningen's partner cities. "
                   f"The ones it names are {self.say.named_partner_cities()}.")
            return self.refuse(UNKNOWN_FACT, why, Context("ask_is_partner_city"))
        place = self.kb.places[subject[1]]
        new_context = Context("ask_is_partner_city", PLACE, place.id)
        if place.is_partner_city:
            text, sections = self.say.partner_city(place)
            return answer(f"Yes, {text}", PARTNER_CITY_TOPIC, sections, new_context)
        related = None
        text, sections = self.say.memberships(place.name, place.id)
        if text and not cues.speaks_of_partner_cities(question.text):
            # "is duisburg a partner of groningen?": not a partner city, but a partner in a project with Groningen
            return answer(f"{place.name} is not one of the partner cities the page names, but it is Groningen's "
                          f"partner in a European project: {text}", place.id, sections, new_context)
        if text:
            related = answer(text, place.id, sections, new_context)
        why = (f"I don't know: the page doesn't name {place.name} as one of Groningen's partner cities. "
               f"The ones it names are {self.say.named_partner_cities()}.")
        return self.refuse(UNKNOWN_FACT, why, new_context, related)

    def city_link(self, question: Question, context: Context) -> Reply:
        partners = [self.kb.places[i] for i in dict.fromkeys(m.id for m in self.mentioned(question, PLACE) if m.id != HOME)]
        if len(partners) > 1 and all(p.is_partner_city for p in partners):
            # "how does groningen handle tianjin versus san carlos?": each tie.
            said = [self.say.partner_city_link(p) for p in partners]
            return answer("\n".join(f"- {text}" for text, _ in said), PARTNER_CITY_TOPIC,
                          [s for _, sections in said for s in sections], Context("ask_city_link"))
        subject = self.subject(question, context, PLACE)
        if subject is None:
            return self.partner_cities(question, context)
        place = self.kb.places[subject[1]]
        if not place.is_partner_city:
            return self.is_partner_city(question, context)
        text, sections = self.say.partner_city_link(place)
        return answer(text, PARTNER_CITY_TOPIC, sections, Context("ask_city_link", PLACE, place.id))

    def location(self, question: Question, context: Context) -> Reply:
        """'Where is Herten?': the country the page gives for a place or organisation."""
        subject = self.subject(question, context, PLACE, ORGANISATION)
        kind, entry_id = subject
        thing = self.kb.places[entry_id] if kind == PLACE else self.kb.organisations[entry_id]
        country = self.say.country_name(thing.country)
        sections = (self.kb.partner_city_facts.sections if kind == PLACE and thing.is_partner_city
                    else tuple(s for p, _ in self.kb.projects_with_member(entry_id) for s in p.sections))
        extra, _ = (self.say.partner_city(thing) if kind == PLACE and thing.is_partner_city
                    else self.say.memberships(thing.name, entry_id))
        text = f"{thing.name} is in {country}. {extra}".strip()
        topic = PARTNER_CITY_TOPIC if sections == self.kb.partner_city_facts.sections else entry_id
        return answer(text, topic, sections, Context("ask_about", kind, entry_id))

    def can_locate(self, question: Question, context: Context) -> bool:
        subject = self.subject(question, context, PLACE, ORGANISATION)
        if not subject or not cues.asks_location(question.text):
            return False
        if subject[0] == PLACE and not self.kb.places[subject[1]].is_partner_city:
            return bool(self.kb.projects_with_member(subject[1]))
        return True


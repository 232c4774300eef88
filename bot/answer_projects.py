"""Answers about the EU programmes and the European projects Groningen is in."""
from dataclasses import replace
from functools import cached_property
from typing import Callable, FrozenSet, List, Optional, Sequence, Tuple

from bot import cues
from bot.answer_tools import HOME, PROGRAMMES_TOPIC, PROJECTS_TOPIC, AnswerTools, Question
from bot.describe import listing
from bot.knowledge import Project
from bot.names import COUNTRY, ORGANISATION, PLACE, PROGRAMME, PROJECT, TOPIC
from bot.replies import ANSWER, UNKNOWN_FACT, Context, Reply, answer

ProjectFact = Callable[[Project], Optional[Tuple[str, Sequence[str]]]]


# Answers that, without a project named, were about every project at once.
ABOUT_EVERY_PROJECT = ("ask_groningen_contribution", "ask_project_goal", "ask_eu_projects")


class ProjectAnswers(AnswerTools):
    def eu_projects(self, question: Question, context: Context) -> Reply:
        named = list(dict.fromkeys(m.id for m in question.mentions if m.kind == PROJECT))
        if not named and cues.says_project(question.text):  # "the hydrogen garbage truck project"
            named = list(dict.fromkeys(m.id for m in self.mentioned(question, PROJECT)))
        if len(named) == 1 and not cues.asks_about_projects(question.text):
            # "the project where they make hydrogen waste collection vehicles": that one project.
            project = self.kb.projects[named[0]]
            text, sections = self.say.project(project)
            return answer(text, project.id, sections, Context("ask_about", PROJECT, project.id))
        if any(self.kb.projects_with_member(m.id) for m in self.mentioned(question, PLACE, ORGANISATION)):
            # "what is Narvik in the hydrogen project?": the projects of that partner, and as what.
            return self.membership(question, context)
        programmes = [m.id for m in self.mentioned(question, PROGRAMME)]
        projects = [p for p in self.kb.projects.values() if not programmes or p.programme in programmes]
        listed, sections = self.say.projects_list(projects)
        text = f"The page names these European projects that Groningen takes part in:\n{listed}"
        if cues.asks_count(question.text) and not programmes:
            # The page says Groningen takes part in "a number of" European projects, and names two.
            related = answer(text, PROJECTS_TOPIC, sections, Context("ask_eu_projects"))
            return self.refuse(UNKNOWN_FACT, "I don't know: the page says Groningen takes part in a number of "
                               "European projects, but not how many in all.", Context("ask_eu_projects"), related)
        # One project listed ("which project falls under Interreg NSR?") is what "it" means next.
        subject = (PROJECT, projects[0].id, projects[0].id) if len(projects) == 1 else ()
        return answer(text, PROJECTS_TOPIC, sections, Context("ask_eu_projects", *subject))

    def programme(self, question: Question, context: Context) -> Reply:
        ids = [m.id for m in self.mentioned(question, PROGRAMME)]
        if not ids and context.subject_kind == PROGRAMME and cues.asks_about_the_other(question.text):
            ids = [p for p in self.kb.programmes if p != context.subject_id]  # "and the other one?"
        ids += [p.programme for p in self.projects(question, context) if not ids]
        if not ids and context.subject_kind == PROGRAMME:
            ids = [context.subject_id]
        programmes = [self.kb.programmes[i] for i in (dict.fromkeys(ids) or self.kb.programmes)]
        parts, sections = [], []
        for programme in programmes:
            projects = self.kb.projects_in_programme(programme.id)
            parts.append(f"{programme.name}: {programme.aims} "
                         f"Groningen takes part through {listing([p.name for p in projects])}.")
            sections += [*programme.sections, *(s for p in projects for s in p.sections)]
        if len(programmes) == 1:
            return answer("\n".join(parts), programmes[0].id, sections,
                          Context("ask_programme", PROGRAMME, programmes[0].id))
        return answer("\n".join(parts), PROGRAMMES_TOPIC, sections, Context("ask_programme"))

    def project_partners(self, question: Question, context: Context) -> Reply:
        if self.asks_countries_of_programme(question, context):
            return self.programme(question, context)
        if cues.asks_shared(question.text) and len({m.id for m in self.mentioned(question, PROJECT)}) in (0, len(self.kb.projects)):
            return self.partners_in_all_projects()
        projects = self.projects(question, context)
        if not projects:
            if self.mentioned(question, PLACE, ORGANISATION):
                return self.membership(question, context)
            if self.countries(question):
                return self.partners_in_countries(self.countries(question))
            if any(m.id == HOME for m in question.mentions):
                return self.membership(question, context)  # "which projects is the city itself in?"
            if context.intent in ABOUT_EVERY_PROJECT and not context.subject and not context.project_id:
                # "and with which partners?" after what Groningen does in both projects: both lists.
                projects = list(self.kb.projects.values())
            else:
                return self.ask_which_project("ask_project_partners")
        if cues.asks_count(question.text) and cues.asks_about_countries(question.text) and not self.countries(question):
            return self._partner_countries_counted(projects)  # "how many countries is that?"
        left_out = self.countries_set_aside(question)
        countries = [c for c in self.countries(question) if c not in left_out]
        parts = [self._partners_text(project, countries, left_out) for project in projects]
        sections = [s for p in projects for s in p.sections]
        subject = (PROJECT, projects[0].id) if len(projects) == 1 else (None, None)
        topic = projects[0].id if len(projects) == 1 else PROJECTS_TOPIC
        return answer("\n".join(parts), topic, sections, Context("ask_project_partners", *subject))

    def _partner_countries_counted(self, projects: List[Project]) -> Reply:
        lines = []
        for project in projects:
            countries = list(dict.fromkeys(self.say.country_name(p.country) for p in project.partners))
            lines.append(f"{project.name}'s partners come from {len(countries)} countries: {listing(countries)}.")
        subject = (PROJECT, projects[0].id) if len(projects) == 1 else (None, None)
        return answer("\n".join(lines), projects[0].id if len(projects) == 1 else PROJECTS_TOPIC,
                      [s for p in projects for s in p.sections], Context("ask_project_partners", *subject))

    def _partners_text(self, project: Project, countries: List[str], left_out: Sequence[str] = ()) -> str:
        programme = self.kb.programmes[project.programme].name
        partners = [p for p in project.partners
                    if (not countries or any(self.kb.in_country(p.country, c) for c in countries))
                    and not any(self.kb.in_country(p.country, c) for c in left_out)]
        if (countries or left_out) and not partners:
            names = " or ".join(self.say.country_name(c) for c in countries)
            where = f"is in {names}" if countries else f"is outside {listing([self.say.country_name(c) for c in left_out])}"
            return (f"None of {project.name}'s partners {where}. Its partners are:\n"
                    f"{self.say.project_partners(project, project.partners)}")
        where = f" in {' and '.join(self.say.country_name(c) for c in countries)}" if countries else ""
        if left_out:
            where += f" outside {listing([self.say.country_name(c) for c in left_out])}"
        plural = "s" if len(partners) != 1 else ""
        return (f"{project.name}, a project of {programme}, has {len(partners)} partner{plural}{where}:\n"
                f"{self.say.project_partners(project, partners)}")

    def partners_in_all_projects(self) -> Reply:
        projects = list(self.kb.projects.values())
        places = [{p.place for p in project.partners if p.place} for project in projects]
        shared = sorted(set.intersection(*places), key=lambda pid: self.kb.places[pid].name)
        names = listing([self.kb.places[p].name for p in shared])
        text = (f"{names} take part in both {listing([p.name for p in projects])}: "
                + "; ".join(self.say.memberships(self.kb.places[p].name, p)[0].rstrip(".") for p in shared) + ".")
        return answer(text, PROJECTS_TOPIC, [s for p in projects for s in p.sections], Context("ask_project_partners"))

    def membership(self, question: Question, context: Context) -> Reply:
        if self.asks_countries_of_programme(question, context):
            return self.programme(question, context)
        members = self.mentioned(question, PLACE, ORGANISATION)
        member = ((members[0].kind, members[0].id) if members
                  else context.subject if context.subject_kind in (PLACE, ORGANISATION) else None)
        projects = [self.kb.projects[m.id] for m in self.mentioned(question, PROJECT) if m.kind == PROJECT]
        if members and not projects and context.project and cues.is_short(question.text):
            projects = [self.kb.projects[context.project]]  # "is drenthe involved?" after HyTrEc2: yes or no, in it
        countries = self.countries(question)
        if member is None and countries:  # "another Dutch city in HECTOR?", "Swedish partners?"
            return self.project_partners(question, context) if projects else self.partners_in_countries(countries)
        if member is None and any(m.id == HOME for m in question.mentions):
            member = (PLACE, HOME)  # "which projects is the municipality itself in?"
        if member is None:
            if projects or context.project_id:
                return self.project_partners(question, context)
            return self.refuse(UNKNOWN_FACT, "I don't know: the page doesn't name that organisation or "
                               "city among the partners of its projects.", Context("ask_project_membership"))
        kind, member_id = member
        name = self.name(kind, member_id)
        new_context = Context("ask_project_membership", kind, member_id)
        if projects:
            project_id = projects[0].id if len(projects) == 1 else None
            new_context = replace(new_context, project_id=project_id)
            if kind == PLACE and cues.asks_which_organisations(question.text):
                found = self._partners_from(name, member_id, projects, new_context)
                if found:
                    return found
            others = list(dict.fromkeys((m.kind, m.id) for m in members[1:] if m.id != member_id))
            if not others:
                return self._member_of(name, member_id, projects, new_context)
            # "Are Duisburg and Herten in HECTOR?": each of them.
            replies = [self._member_of(self.name(k, i), i, projects, new_context) for k, i in [member, *others]]
            topics = {r.topic for r in replies}
            return answer("\n".join(r.text for r in replies), topics.pop() if len(topics) == 1 else PROJECTS_TOPIC,
                          [s for r in replies for s in r.sections], new_context)
        text, sections = self.say.memberships(name, member_id)
        found = self.kb.projects_with_member(member_id)
        if len(found) == 1:  # "who else takes part?" after "is Arnhem in a project?"
            new_context = replace(new_context, project_id=found[0][0].id)
        if not text:
            all_projects = list(self.kb.projects.values())
            names = listing([p.name for p in all_projects])
            text = f"{name} is not among the partners of the European projects on the page ({names})."
            sections = tuple(s for p in all_projects for s in p.sections)
        topic = sections[0] if len(set(sections)) == 1 else PROJECTS_TOPIC
        return answer(text, topic, sections, new_context)

    def _partners_from(self, place_name: str, place_id: str, projects: List[Project], new_context: Context) -> Optional[Reply]:
        """'which Aberdeen bodies are in HyTrEc2?': the partners there, or with the place in their name
        (Aberdeen City Council, Aberdeenshire Council)."""
        parts = []
        for project in projects:
            partners = [p for p in project.partners if p.place == place_id or place_name.lower() in p.name.lower()]
            if partners:
                parts.append(f"{project.name} partners from {place_name}:\n{self.say.project_partners(project, partners)}")
        if not parts:
            return None
        return answer("\n".join(parts), projects[0].id if len(projects) == 1 else PROJECTS_TOPIC,
                      [s for p in projects for s in p.sections], new_context)

    def partners_in_countries(self, countries: List[str]) -> Reply:
        """'Are there Swedish organisations in the projects?': across every project."""
        projects = list(self.kb.projects.values())
        parts = [self._partners_text(project, countries) for project in projects]
        return answer("\n".join(parts), PROJECTS_TOPIC, [s for p in projects for s in p.sections],
                      Context("ask_project_partners"))

    def _member_of(self, name: str, member_id: str, projects: List[Project], new_context: Context) -> Reply:
        found = {project.id: partner for project, partner in self.kb.projects_with_member(member_id)}
        parts = []
        for project in projects:
            if project.id in found:
                parts.append(f"Yes, {self.say.partner_line(found[project.id])} is one of the partners of {project.name}.")
            else:
                parts.append(f"No, {name} is not among the partners of {project.name}.")
                if len(projects) == 1:
                    parts.append(f"Its partners are:\n{self.say.project_partners(project, project.partners)}")
        other = [p for p in self.kb.projects.values() if p.id in found and p not in projects]
        if other:
            parts.append(self.say.memberships(name, member_id)[0])
        sections = [s for p in [*projects, *other] for s in p.sections]
        topic = projects[0].id if len(projects) == 1 and not other else PROJECTS_TOPIC
        return answer("\n".join(parts), topic, sections, new_context)

    def project_fact(self, question: Question, context: Context, intent: str, fact: ProjectFact,
                     missing: str) -> Reply:
        """One fact about the project asked about, or about every project when none is named."""
        projects = self.projects(question, context)
        if not projects and not cues.mentions_the_projects(question.text):
            # Nothing points at a project ("how long are the waiting lists?"): ask, never guess.
            return self.ask_which_project(intent)
        if not projects:
            projects = list(self.kb.projects.values())
        said = [(p, fact(p)) for p in projects]
        said = [(p, f) for p, f in said if f]
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
        return self.project_fact(
            question, context, "ask_project_period",
            lambda p: (self.say.project_period(p), p.sections) if p.period else None,
            "I don't know: the page doesn't say when {name} starts or ends.")

    def contribution(self, question: Question, context: Context) -> Reply:
        others = [m for m in self.mentioned(question, PLACE, ORGANISATION) if not self._is_groningen(m)]
        if others and self.mentioned(question, PROJECT):
            # "How many vehicles is Aberdeenshire Council buying?": the page says only what Groningen does.
            name = self.name(others[0].kind, others[0].id)
            related = self.project_fact(replace(question, mentions=tuple(self.mentioned(question, PROJECT))),
                                        context, "ask_groningen_contribution", self.say.project_contribution, "")
            return self.refuse(UNKNOWN_FACT, f"I don't know: the page only says what Groningen itself does in "
                               f"the project, not what {name} does.", Context("ask_groningen_contribution"),
                               related if related.kind == ANSWER else None)
        return self.project_fact(question, context, "ask_groningen_contribution",
                                 self.say.project_contribution, "")

    def _is_groningen(self, mention) -> bool:
        if mention.id == HOME:
            return True
        partner = self.kb.organisations.get(mention.id) if mention.kind == ORGANISATION else None
        return partner is not None and partner.place == HOME

    def refuelling_point(self, question: Question, context: Context) -> Reply:
        projects = self.projects(question, context)
        if projects and not any(p.refuelling_point for p in projects) and not cues.asks_refuelling(question.text):
            # Read as the refuelling point, about a project without one, with no word for it
            # ("is Groningen pushing hydrogen?"): what Groningen does there is the better reading.
            return self.contribution(question, context)
        return self.project_fact(
            question, context, "ask_refuelling_point",
            lambda p: (p.refuelling_point, p.sections) if p.refuelling_point else None,
            "I don't know: the page doesn't mention a refuelling point for {name}.")

    def project_goal(self, question: Question, context: Context) -> Reply:
        if (self.mentioned(question, PROGRAMME) and not self.mentioned(question, PROJECT)
                and not cues.says_project(question.text)):  # "that north sea project": the programme's project
            return self.programme(question, context)
        return self.project_fact(question, context, "ask_project_goal", self.say.project_goal, "")

    def project_programme(self, question: Question, context: Context) -> Reply:
        if self.mentioned(question, PROGRAMME) and not self.mentioned(question, PROJECT):
            return self.programme(question, context)  # "which project runs under NWE?"
        return self.project_fact(question, context, "ask_project_programme", self.say.project_programme, "")

    def asks_countries_of_programme(self, question: Question, context: Context) -> bool:
        """'how many countries are in it?' after a programme: its aims say."""
        return (context.subject_kind == PROGRAMME and not self.mentioned(question, PROJECT)
                and cues.asks_about_countries(question.text))

    @cached_property
    def _partner_countries(self) -> FrozenSet[str]:
        return frozenset(partner.country for project in self.kb.projects.values() for partner in project.partners)

    def needs_other_subject(self, question: Question) -> bool:
        """A project question whose only subject is a place, topic or programme, or a country where
        no project has a partner ("does the municipality have an office in China?")."""
        if not self.mentioned(question, PROJECT) and cues.says_project(question.text) and (
                self.mentioned(question, PROGRAMME) and not self.mentioned(question, PLACE, ORGANISATION, TOPIC)):
            return False  # "the north sea project": the programme's project
        elsewhere = [m for m in self.mentioned(question, COUNTRY) if m.id not in self._partner_countries]
        return (not self.mentioned(question, PROJECT)
                and bool(self.mentioned(question, PLACE, ORGANISATION, TOPIC, PROGRAMME) or elsewhere))

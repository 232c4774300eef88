"""Sentences about the knowledge base's things, rendered from its facts.

Every function returns (text, sections): the words and the page sections they
come from, so that a caller can never state a fact without its source.
"""
from typing import List, Sequence, Tuple

from bot.knowledge import KnowledgeBase, Place, Project, ProjectPartner

Said = Tuple[str, Tuple[str, ...]]

LINK_PHRASES = {
    "active": "Groningen keeps this tie up actively",
    "foundation": "this tie is kept by an independent foundation that the municipality subsidises",
}


def listing(items: Sequence[str], conjunction: str = "and") -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


class Describer:
    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def country_name(self, country_id: str) -> str:
        return self.kb.countries[country_id].name

    # --- partner cities ----------------------------------------------------
    def partner_cities_overview(self, active_only: bool = False) -> Said:
        facts = self.kb.partner_city_facts
        if active_only:
            text = f"{facts.active} {facts.reactive} {facts.foundation}"
        else:
            text = f"{facts.regions} {facts.active} {facts.reactive} {facts.foundation}"
        return text, facts.sections

    def partner_city(self, place: Place) -> Said:
        country = self.country_name(place.country)
        text = (f"{place.name} ({country}) is one of Groningen's partner cities, "
                f"and {LINK_PHRASES[place.partner_link]}.")
        return text, self.kb.partner_city_facts.sections

    def partner_city_link(self, place: Place) -> Said:
        if place.partner_link == "active":
            text = f"Groningen keeps its tie with {place.name} up actively. {self.kb.partner_city_facts.active}"
        else:
            text = (f"The tie with {place.name} ({self.country_name(place.country)}) is kept by an "
                    f"independent foundation that the municipality of Groningen subsidises, "
                    f"not by the municipality itself.")
        return text, self.kb.partner_city_facts.sections

    def named_partner_cities(self) -> str:
        return listing(f"{p.name} ({self.country_name(p.country)})" for p in self.kb.partner_cities())

    # --- projects ------------------------------------------------------------
    def partner_line(self, partner: ProjectPartner) -> str:
        return f"{partner.name} ({self.country_name(partner.country)})"

    def project_partners(self, project: Project, partners: Sequence[ProjectPartner]) -> str:
        return bullets(self.partner_line(p) for p in partners)

    def project_period(self, project: Project) -> str:
        start, end = project.period
        return f"{project.name} runs from {start} to {end}."

    def project_programme(self, project: Project) -> Said:
        programme = self.kb.programmes[project.programme]
        # The programme's aims come along: "which programme, and what does it want?" is a common pair.
        text = f"{project.name} is a project of the EU programme {programme.name}. {programme.aims}"
        return text, [*project.sections, *programme.sections]

    def project_goal(self, project: Project) -> Said:
        parts = [f"{project.scale} {project.goal}" if project.scale else project.goal]
        if project.means:
            parts.append("It works towards this by:\n" + bullets(project.means))
        parts.append(project.background)
        return "\n".join(parts), project.sections

    def project_contribution(self, project: Project) -> Said:
        text = f"{project.scale} {project.contribution}" if project.scale else project.contribution
        if project.background_is_groningens:
            text = f"{project.background} {text}"
        if project.refuelling_point:
            text += " " + project.refuelling_point
        return text, project.sections

    def project(self, project: Project) -> Said:
        programme = self.kb.programmes[project.programme]
        opening = " ".join(filter(None, [f"{project.full_name} is a European project under {programme.name}.",
                                         project.scale, project.goal]))
        parts = [opening]
        if project.means:
            parts.append("It works towards this by:\n" + bullets(project.means))
        parts.append(project.contribution)
        if project.refuelling_point:
            parts.append(project.refuelling_point)
        if project.period:
            parts.append(self.project_period(project))
        parts.append(f"Its partners are:\n{self.project_partners(project, project.partners)}")
        return "\n".join(parts), project.sections

    def projects_list(self, projects: Sequence[Project]) -> Said:
        lines = [f"{p.full_name}, under {self.kb.programmes[p.programme].name}" for p in projects]
        sections = tuple(s for p in projects for s in p.sections)
        return bullets(lines), sections

    # --- places and organisations -------------------------------------------
    def memberships(self, thing_name: str, thing_id: str) -> Said:
        found = self.kb.projects_with_member(thing_id)
        if not found:
            return "", ()
        parts = [f"{project.name} (as {partner.name})" if partner.name != thing_name else project.name
                 for project, partner in found]
        if len(found) > 1 and len(found) == len(self.kb.projects):
            text = f"{thing_name} takes part in both European projects: {listing(parts)}."
        else:
            text = f"{thing_name} takes part in the European project{'s' if len(found) > 1 else ''} {listing(parts)}."
        return text, tuple(s for project, _ in found for s in project.sections)

    def place(self, place: Place) -> Said:
        texts: List[str] = []
        sections: List[str] = []
        if place.is_partner_city:
            text, cited = self.partner_city(place)
            texts.append(text)
            sections += cited
        text, cited = self.memberships(place.name, place.id)
        if text:
            texts.append(text)
            sections += cited
        return " ".join(texts), tuple(sections)

    def organisation(self, partner: ProjectPartner) -> Said:
        text, cited = self.memberships(partner.name, partner.id)
        return f"{partner.name} is a {partner.type} in {self.country_name(partner.country)}. {text}", cited

"""The knowledge base: every fact the assistant may state, with its sources.

Loaded from the YAML files in data/knowledge/ and validated on load, so that a
broken file fails at start with one error naming the file, the entry and the
field, instead of producing a wrong answer later.
"""
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "knowledge"
PARTNER_LINKS = ("active", "foundation")


class KnowledgeBaseError(ValueError):
    """A knowledge file is malformed; the message names file, entry and field."""

    def __init__(self, file: Path, entry: str, field_name: str, problem: str):
        self.file, self.entry, self.field_name = file, entry, field_name
        super().__init__(f"{file}: entry '{entry}': field '{field_name}': {problem}")


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    sections: Dict[str, str]  # section id -> title

    def section_url(self, section_id: str) -> str:
        return f"{self.url}#{section_id}"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    sections: Tuple[str, ...]
    aliases: Tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class Country:
    id: str
    name: str
    aliases: Tuple[str, ...]
    part_of: Optional[str] = None


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    country: str
    aliases: Tuple[str, ...]
    partner_link: Optional[str] = None  # None: not named as a partner city

    @property
    def is_partner_city(self) -> bool:
        return self.partner_link is not None


@dataclass(frozen=True)
class PartnerCityFacts:
    sections: Tuple[str, ...]
    regions: str
    active: str
    reactive: str
    foundation: str
    keywords: Tuple[str, ...] = ()  # words that point at partner cities as a whole


@dataclass(frozen=True)
class Programme:
    id: str
    name: str
    sections: Tuple[str, ...]
    aliases: Tuple[str, ...]
    aims: str


@dataclass(frozen=True)
class ProjectPartner:
    id: str
    name: str
    country: str
    type: str
    place: Optional[str] = None
    aliases: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    full_name: str
    programme: str
    sections: Tuple[str, ...]
    aliases: Tuple[str, ...]
    background: str
    goal: str
    means: Tuple[str, ...]
    vehicles: int
    contribution: str
    partners: Tuple[ProjectPartner, ...]
    refuelling_point: Optional[str] = None
    period: Optional[Tuple[int, int]] = None  # None: the page gives no period
    keywords: Tuple[str, ...] = ()  # words that point at the project without naming it
    scale: Optional[str] = None  # what the project as a whole builds, where the page says
    # The background is Groningen's own reason to take part ("as a hydrogen region ..."),
    # so it belongs to what Groningen does there too.
    background_is_groningens: bool = False


@dataclass
class KnowledgeBase:
    page: Page
    topics: Dict[str, Topic]
    countries: Dict[str, Country]
    places: Dict[str, Place]
    partner_city_facts: PartnerCityFacts
    programmes: Dict[str, Programme]
    projects: Dict[str, Project]
    organisations: Dict[str, ProjectPartner] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Organisations are the project partners that are not simply a place.
        for project in self.projects.values():
            for partner in project.partners:
                if partner.aliases:
                    self.organisations[partner.id] = partner

    # --- queries -----------------------------------------------------------
    def partner_cities(self) -> List[Place]:
        return [p for p in self.places.values() if p.is_partner_city]

    def partner_cities_in(self, country_id: str) -> List[Place]:
        return [p for p in self.partner_cities() if self.in_country(p.country, country_id)]

    def in_country(self, country_id: str, wanted: str) -> bool:
        """True when country_id is `wanted` or part of it (Scotland in the UK)."""
        while country_id:
            if country_id == wanted:
                return True
            country_id = self.countries[country_id].part_of or ""
        return False

    def partners_of(self, project_id: str, country_id: Optional[str] = None) -> List[ProjectPartner]:
        partners = self.projects[project_id].partners
        if country_id is None:
            return list(partners)
        return [p for p in partners if self.in_country(p.country, country_id)]

    def projects_with_member(self, thing_id: str) -> List[Tuple[Project, ProjectPartner]]:
        """Projects in which a place or organisation takes part, with its partner entry."""
        found = []
        for project in self.projects.values():
            for partner in project.partners:
                if thing_id in (partner.id, partner.place):
                    found.append((project, partner))
                    break
        return found

    def projects_in_programme(self, programme_id: str) -> List[Project]:
        return [p for p in self.projects.values() if p.programme == programme_id]

    def sections_of(self, entry_id: str) -> Tuple[str, ...]:
        for table in (self.topics, self.programmes, self.projects):
            if entry_id in table:
                return table[entry_id].sections
        if entry_id in self.places and self.places[entry_id].is_partner_city:
            return self.partner_city_facts.sections
        return ()

    def cited_sections(self) -> List[str]:
        cited = set(self.partner_city_facts.sections)
        for table in (self.topics, self.programmes, self.projects):
            for entry in table.values():
                cited.update(entry.sections)
        return sorted(cited)


# --- loading -----------------------------------------------------------------

class _Reader:
    """Reads one entry of one file, raising errors that name both."""

    def __init__(self, file: Path, entry: Dict[str, Any], label: str):
        if not isinstance(entry, dict):
            raise KnowledgeBaseError(file, label, "-", "expected a mapping")
        self.file, self.entry = file, entry
        self.label = str(entry.get("id", label))

    def fail(self, field_name: str, problem: str) -> None:
        raise KnowledgeBaseError(self.file, self.label, field_name, problem)

    def text(self, name: str, optional: bool = False) -> Optional[str]:
        value = self.entry.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(name, "missing or not a non-empty text")
        return " ".join(value.split())

    def texts(self, name: str, optional: bool = False) -> Tuple[str, ...]:
        value = self.entry.get(name, [] if optional else None)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(name, "missing or not a list of texts")
        return tuple(" ".join(v.split()) for v in value)

    def number(self, name: str) -> int:
        value = self.entry.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(name, "missing or not a whole number")
        return value

    def flag(self, name: str) -> bool:
        value = self.entry.get(name, False)
        if not isinstance(value, bool):
            self.fail(name, "not true or false")
        return value

    def mapping(self, name: str, optional: bool = False) -> Optional[Dict[str, Any]]:
        value = self.entry.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            self.fail(name, "missing or not a mapping")
        return value

    def one_of(self, name: str, known, optional: bool = False) -> Optional[str]:
        value = self.text(name, optional)
        if value is not None and value not in known:
            self.fail(name, f"unknown value '{value}' (known: {', '.join(sorted(known))})")
        return value


def _read_yaml(path: Path) -> Dict[str, Any]:
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeBaseError(path, "-", "-", "file not found") from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(path, "-", "-", f"not valid YAML: {error}") from None
    if not isinstance(content, dict):
        raise KnowledgeBaseError(path, "-", "-", "expected a mapping at the top")
    return content


def _entries(path: Path, content: Dict[str, Any], key: str) -> List[Dict[str, Any]]:
    entries = content.get(key)
    if not isinstance(entries, list) or not entries:
        raise KnowledgeBaseError(path, "-", key, "missing or not a non-empty list")
    ids = [e.get("id") if isinstance(e, dict) else None for e in entries]
    for index, entry_id in enumerate(ids):
        if ids.count(entry_id) > 1:
            raise KnowledgeBaseError(path, str(entry_id), "id", "used more than once")
    return entries


def load_knowledge_base(directory: Path = DEFAULT_DIR) -> KnowledgeBase:
    directory = Path(directory)
    page = _load_page(directory / "page.yml")
    sections = set(page.sections)
    countries = _load_countries(directory / "countries.yml")
    places, facts = _load_places(directory / "places.yml", countries, sections)
    topics = _load_topics(directory / "topics.yml", sections)
    programmes = _load_programmes(directory / "programmes.yml", sections)
    projects = _load_projects(directory / "projects.yml", sections, countries, places, programmes)
    return KnowledgeBase(page, topics, countries, places, facts, programmes, projects)


def _sections(reader: _Reader, known: set) -> Tuple[str, ...]:
    cited = reader.texts("sections")
    for section in cited:
        if section not in known:
            reader.fail("sections", f"unknown section '{section}'")
    if not cited:
        reader.fail("sections", "cites no section")
    return cited


def _load_page(path: Path) -> Page:
    content = _read_yaml(path)
    reader = _Reader(path, content.get("page") or {}, "page")
    url, title = reader.text("url"), reader.text("title")
    sections = content.get("sections")
    if not isinstance(sections, dict) or not sections:
        raise KnowledgeBaseError(path, "sections", "-", "missing or not a mapping of id to title")
    return Page(url, title, {str(k): " ".join(str(v).split()) for k, v in sections.items()})


def _load_countries(path: Path) -> Dict[str, Country]:
    content = _read_yaml(path)
    countries = {}
    for entry in _entries(path, content, "countries"):
        r = _Reader(path, entry, "?")
        countries[r.text("id")] = Country(r.text("id"), r.text("name"), r.texts("aliases"), r.text("part_of", True))
    for country in countries.values():
        if country.part_of and country.part_of not in countries:
            raise KnowledgeBaseError(path, country.id, "part_of", f"unknown country '{country.part_of}'")
    return countries


def _load_places(path: Path, countries, sections) -> Tuple[Dict[str, Place], PartnerCityFacts]:
    content = _read_yaml(path)
    places = {}
    for entry in _entries(path, content, "places"):
        r = _Reader(path, entry, "?")
        link = None
        partner = r.mapping("partner_city", optional=True)
        if partner is not None:
            link = _Reader(path, {"id": r.label, **partner}, r.label).one_of("link", PARTNER_LINKS)
        places[r.text("id")] = Place(r.text("id"), r.text("name"), r.one_of("country", countries), r.texts("aliases"), link)
    r = _Reader(path, {"id": "partner_city_facts", **(content.get("partner_city_facts") or {})}, "partner_city_facts")
    facts = PartnerCityFacts(_sections(r, sections), r.text("regions"), r.text("active"), r.text("reactive"),
                             r.text("foundation"), r.texts("keywords", optional=True))
    return places, facts


def _load_topics(path: Path, sections) -> Dict[str, Topic]:
    content = _read_yaml(path)
    topics = {}
    for entry in _entries(path, content, "topics"):
        r = _Reader(path, entry, "?")
        topics[r.text("id")] = Topic(r.text("id"), r.text("name"), _sections(r, sections), r.texts("aliases", True), r.text("summary"))
    return topics


def _load_programmes(path: Path, sections) -> Dict[str, Programme]:
    content = _read_yaml(path)
    programmes = {}
    for entry in _entries(path, content, "programmes"):
        r = _Reader(path, entry, "?")
        programmes[r.text("id")] = Programme(r.text("id"), r.text("name"), _sections(r, sections), r.texts("aliases"), r.text("aims"))
    return programmes


def _load_projects(path: Path, sections, countries, places, programmes) -> Dict[str, Project]:
    content = _read_yaml(path)
    projects = {}
    for entry in _entries(path, content, "projects"):
        r = _Reader(path, entry, "?")
        contribution = _Reader(path, {"id": r.label, **(r.mapping("contribution") or {})}, r.label)
        period = None
        if r.mapping("period", optional=True) is not None:
            p = _Reader(path, {"id": r.label, **r.entry["period"]}, r.label)
            period = (p.number("start"), p.number("end"))
            if period[0] > period[1]:
                r.fail("period", "starts after it ends")
        partners = []
        for raw in r.entry.get("partners") or r.fail("partners", "missing or empty"):
            pr = _Reader(path, raw, "?")
            partners.append(ProjectPartner(
                pr.text("id"), pr.text("name"), pr.one_of("country", countries), pr.text("type"),
                pr.one_of("place", places, optional=True), pr.texts("aliases", optional=True)))
        projects[r.text("id")] = Project(
            id=r.text("id"), name=r.text("name"), full_name=r.text("full_name"),
            programme=r.one_of("programme", programmes), sections=_sections(r, sections),
            aliases=r.texts("aliases"), background=r.text("background"), goal=r.text("goal"),
            means=r.texts("means", optional=True), vehicles=contribution.number("vehicles"),
            contribution=contribution.text("text"), partners=tuple(partners),
            refuelling_point=r.text("refuelling_point", optional=True), period=period,
            keywords=r.texts("keywords", optional=True), scale=r.text("scale", optional=True),
            background_is_groningens=contribution.flag("background_is_groningens"))
    return projects

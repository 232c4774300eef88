"""The knowledge base: the real files load, cite the source page's sections, answer
the queries, and a broken file fails with an error naming file, entry and field."""
import shutil
from pathlib import Path
from typing import Any, Callable, Dict

import pytest
import yaml

from bot.knowledge import DEFAULT_DIR, KnowledgeBase, KnowledgeBaseError, load_knowledge_base


# --- the real knowledge base ------------------------------------------------------------------

def test_the_real_knowledge_base_loads_with_every_kind_of_entry(kb: KnowledgeBase):
    assert kb.page.url.startswith("https://")
    assert kb.topics and kb.countries and kb.places and kb.programmes and kb.projects
    assert {"hytrec2", "hector"} <= set(kb.projects)


def test_every_section_of_the_source_page_is_cited_by_at_least_one_entry(kb: KnowledgeBase, source_sections):
    uncited = source_sections - set(kb.cited_sections())
    assert not uncited, f"sections of the source page that no entry cites: {sorted(uncited)}"


def test_every_cited_section_exists_on_the_source_page(kb: KnowledgeBase, source_sections):
    unknown = set(kb.cited_sections()) - source_sections
    assert not unknown, f"cited sections that the source page does not mark: {sorted(unknown)}"


def test_the_page_file_lists_exactly_the_sections_of_the_source_page(kb: KnowledgeBase, source_sections):
    assert set(kb.page.sections) == source_sections


def test_a_section_url_is_the_page_address_with_the_section_as_fragment(kb: KnowledgeBase):
    assert kb.page.section_url("hector") == f"{kb.page.url}#hector"


# --- queries ---------------------------------------------------------------------------------

@pytest.mark.parametrize("country, cities", [
    ("germany", ["Oldenburg", "Bremen", "Hamburg"]),
    ("china", ["Tianjin", "Xi'an"]),
    ("russia", ["Murmansk"]),
    ("nicaragua", ["San Carlos"]),
    ("united-kingdom", []),  # Aberdeen takes part in projects, but is no partner city
])
def test_partner_cities_in_a_country(kb: KnowledgeBase, country, cities):
    assert [p.name for p in kb.partner_cities_in(country)] == cities


def test_the_partner_cities_are_the_seven_the_page_names(kb: KnowledgeBase):
    assert {p.id for p in kb.partner_cities()} == {
        "oldenburg", "bremen", "hamburg", "tianjin", "xian", "murmansk", "san-carlos"}


@pytest.mark.parametrize("project, country, partners", [
    ("hector", "germany", ["Duisburg", "Herten"]),
    ("hector", "united-kingdom", ["Aberdeen"]),  # Scotland is part of the UK
    ("hector", "norway", []),
    ("hytrec2", "norway", ["Narvik University College"]),
    ("hytrec2", "germany", []),
])
def test_partners_of_a_project_in_a_country(kb: KnowledgeBase, project, country, partners):
    assert [p.name for p in kb.partners_of(project, country)] == partners


def test_partners_of_a_project_without_a_country_are_all_its_partners(kb: KnowledgeBase):
    assert len(kb.partners_of("hector")) == 7
    assert len(kb.partners_of("hytrec2")) == 8


def test_aberdeen_takes_part_in_both_projects_under_different_names(kb: KnowledgeBase):
    found = {project.id: partner.name for project, partner in kb.projects_with_member("aberdeen")}
    assert found == {"hytrec2": "Aberdeen City Council", "hector": "Aberdeen"}


def test_an_organisation_is_found_as_a_member_by_its_own_id(kb: KnowledgeBase):
    assert [p.id for p, _ in kb.projects_with_member("narvik-university-college")] == ["hytrec2"]


def test_a_place_outside_every_project_is_a_member_of_none(kb: KnowledgeBase):
    assert kb.projects_with_member("bremen") == []


@pytest.mark.parametrize("country, wanted, expected", [
    ("scotland", "united-kingdom", True),
    ("scotland", "scotland", True),
    ("united-kingdom", "scotland", False),  # the whole is not in its part
    ("germany", "united-kingdom", False),
])
def test_in_country_follows_part_of(kb: KnowledgeBase, country, wanted, expected):
    assert kb.in_country(country, wanted) is expected


def test_projects_in_a_programme(kb: KnowledgeBase):
    assert [p.id for p in kb.projects_in_programme("interreg-nsr")] == ["hytrec2"]
    assert [p.id for p in kb.projects_in_programme("interreg-nwe")] == ["hector"]


@pytest.mark.parametrize("entry, sections", [
    ("hector", ("hector",)),
    ("interreg-nsr", ("interreg-nsr",)),
    ("welcome-centre", ("knowledge-city",)),
    ("bremen", ("partner-cities",)),
    ("aberdeen", ()),  # a place that is no partner city has no section of its own
    ("nowhere", ()),
])
def test_sections_of_an_entry(kb: KnowledgeBase, entry, sections):
    assert kb.sections_of(entry) == sections


def test_project_facts_the_answers_rely_on(kb: KnowledgeBase):
    hytrec2, hector = kb.projects["hytrec2"], kb.projects["hector"]
    assert hector.period == (2019, 2023)
    assert hytrec2.period is None  # the page gives none
    assert hytrec2.vehicles == 6 and hector.vehicles == 1
    assert "solar park" in hytrec2.refuelling_point
    assert kb.places["murmansk"].partner_link == "foundation"


# --- validation of broken files ------------------------------------------------------------------

@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    """A copy of data/knowledge that a test may break."""
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIR, target)
    return target


def edit_yaml(path: Path, change: Callable[[Dict[str, Any]], None]) -> None:
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")


def entry(content: Dict[str, Any], table: str, entry_id: str) -> Dict[str, Any]:
    return next(e for e in content[table] if e["id"] == entry_id)


def partner(content: Dict[str, Any], project_id: str, partner_id: str) -> Dict[str, Any]:
    return next(p for p in entry(content, "projects", project_id)["partners"] if p["id"] == partner_id)


BROKEN = [
    pytest.param("projects.yml", lambda c: entry(c, "projects", "hector").pop("goal"),
                 "hector", "goal", id="missing-field"),
    pytest.param("topics.yml", lambda c: entry(c, "topics", "welcome-centre").update(sections=["nowhere"]),
                 "welcome-centre", "sections", id="unknown-section"),
    pytest.param("topics.yml", lambda c: entry(c, "topics", "welcome-centre").update(sections=[]),
                 "welcome-centre", "sections", id="no-section"),
    pytest.param("places.yml", lambda c: entry(c, "places", "bremen").update(country="atlantis"),
                 "bremen", "country", id="unknown-country"),
    pytest.param("projects.yml", lambda c: partner(c, "hector", "hector-duisburg").update(country="atlantis"),
                 "hector-duisburg", "country", id="unknown-partner-country"),
    pytest.param("projects.yml", lambda c: partner(c, "hector", "hector-duisburg").update(place="atlantis"),
                 "hector-duisburg", "place", id="unknown-partner-place"),
    pytest.param("countries.yml", lambda c: entry(c, "countries", "scotland").update(part_of="atlantis"),
                 "scotland", "part_of", id="unknown-part-of"),
    pytest.param("projects.yml", lambda c: entry(c, "projects", "hytrec2").update(programme="interreg-atlantis"),
                 "hytrec2", "programme", id="unknown-programme"),
    pytest.param("places.yml", lambda c: c["places"].append(dict(entry(c, "places", "bremen"))),
                 "bremen", "id", id="duplicate-id"),
    pytest.param("projects.yml", lambda c: entry(c, "projects", "hector").update(period={"start": 2024, "end": 2019}),
                 "hector", "period", id="period-starts-after-it-ends"),
    pytest.param("projects.yml", lambda c: entry(c, "projects", "hector").update(period={"start": "soon", "end": 2023}),
                 "hector", "start", id="period-not-a-year"),
    pytest.param("projects.yml", lambda c: entry(c, "projects", "hytrec2")["contribution"].update(vehicles="six"),
                 "hytrec2", "vehicles", id="vehicles-not-a-number"),
    pytest.param("places.yml", lambda c: entry(c, "places", "murmansk").update(partner_city={"link": "sometimes"}),
                 "murmansk", "link", id="unknown-partner-link"),
    pytest.param("programmes.yml", lambda c: entry(c, "programmes", "interreg-nwe").update(aliases="NWE"),
                 "interreg-nwe", "aliases", id="aliases-not-a-list"),
    pytest.param("places.yml", lambda c: c["partner_city_facts"].pop("active"),
                 "partner_city_facts", "active", id="missing-partner-city-fact"),
    pytest.param("countries.yml", lambda c: c.update(countries=[]),
                 "-", "countries", id="empty-table"),
]


@pytest.mark.parametrize("file_name, change, entry_id, field_name", BROKEN)
def test_a_broken_file_fails_with_an_error_naming_file_entry_and_field(
        knowledge_dir: Path, file_name, change, entry_id, field_name):
    path = knowledge_dir / file_name
    edit_yaml(path, change)
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(knowledge_dir)
    error = raised.value
    assert (error.file, error.entry, error.field_name) == (path, entry_id, field_name)
    assert str(path) in str(error)
    assert f"entry '{entry_id}'" in str(error)
    assert f"field '{field_name}'" in str(error)


def test_invalid_yaml_fails_with_an_error_naming_the_file(knowledge_dir: Path):
    path = knowledge_dir / "countries.yml"
    path.write_text("countries: [germany\n  - id: {", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not valid YAML") as raised:
        load_knowledge_base(knowledge_dir)
    assert raised.value.file == path
    assert str(path) in str(raised.value)


def test_a_missing_file_fails_with_an_error_naming_the_file(knowledge_dir: Path):
    path = knowledge_dir / "programmes.yml"
    path.unlink()
    with pytest.raises(KnowledgeBaseError, match="file not found") as raised:
        load_knowledge_base(knowledge_dir)
    assert raised.value.file == path


def test_an_untouched_copy_loads_like_the_original(knowledge_dir: Path, kb: KnowledgeBase):
    copy = load_knowledge_base(knowledge_dir)
    assert copy.page == kb.page and copy.projects == kb.projects and copy.places == kb.places


def test_a_file_rewritten_without_its_comments_still_loads(knowledge_dir: Path, kb: KnowledgeBase):
    # The validation tests rewrite files through yaml.safe_dump; this shows that alone breaks nothing.
    for path in knowledge_dir.glob("*.yml"):
        edit_yaml(path, lambda content: None)
    assert load_knowledge_base(knowledge_dir).projects == kb.projects

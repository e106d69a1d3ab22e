"""Near-synonyms by ESCO's own labels (round h-plans7): a skill labelled `<verb> <another skill's
preferred label>` shows that skill; `apply|use|utilise|follow <a skill>` is shown by that skill;
the other's alternative labels are never read; and a held skill the role also requires gives
credit to its neighbours (it was left out before the round)."""

from __future__ import annotations

from sqlmodel import Session

from indexing.types import SkillEntry
from service.profiles.neighbours import learner_neighbours, skill_hierarchy
from service.profiles.synonyms import add_synonyms, instance_map, label_key, merged, synonym_map

VERBS = ("maintain", "apply", "teach", "guarantee", "provide")
K, S = "knowledge", "skill/competence"


def _entries(*skills: tuple[int, str, tuple[str, ...], str]) -> list[SkillEntry]:
    # three skills per verb, so that each counts as a verb ESCO starts skills with
    filler = [
        SkillEntry(1000 + 10 * n + k, f"u:{verb}{k}", f"{verb} thing {k}", skill_type=S)
        for n, verb in enumerate(VERBS)
        for k in range(3)
    ]
    own = [SkillEntry(i, f"u:{i}", p, alts, skill_type=t) for i, p, alts, t in skills]
    return own + filler


def test_label_key_reads_words_not_hyphens_or_case():
    assert label_key("Apply person-centred care") == "apply person centred care"
    assert label_key("person centred  care") == "person centred care"


def test_a_verb_and_another_skills_label_show_that_skill():
    syn = synonym_map(
        _entries(
            (1, "customer service", ("customer satisfaction",), K),
            (2, "maintain customer service", (), S),
            (3, "communicate with customers", ("provide customer service",), S),
            (4, "guarantee customer satisfaction", (), S),  # the other's alt label: not read
            (5, "person centred care", (), K),
            (6, "apply person-centred care", (), S),
            (7, "seldom customer service", (), S),  # 'seldom' starts no other skill: no verb
            (8, "botany", ("maintain customer service",), K),  # a knowledge label: no verb
        )
    )
    assert syn[1] == {2, 3}  # 3 by its alternative label; not 4, not 7
    assert 8 not in syn.get(2, set())
    assert syn[5] == {6}
    assert 4 not in syn and 1 not in syn.get(4, set())


def test_applying_verbs_go_the_other_way_and_no_other_verb_does():
    syn = synonym_map(
        _entries(
            (1, "company policies", (), K),
            (2, "apply company policies", (), S),
            (3, "physics", (), K),
            (4, "teach physics", (), S),
        )
    )
    assert syn[2] == {1}  # knowing company policies shows applying them
    assert syn[1] == {2}  # and applying them shows knowing them
    assert syn[3] == {4} and 4 not in syn  # teaching physics shows physics, not the reverse


def test_add_synonyms_only_among_others_and_only_where_higher():
    nb = {1: {2: 0.95}, 5: {6: 0.3}}
    syn = {1: frozenset({2}), 5: frozenset({6, 7})}
    out = add_synonyms(nb, syn, [1, 5], [2, 6], 0.9)
    assert out == {1: {2: 0.95}, 5: {6: 0.9}}  # 7 is not among the others
    assert add_synonyms(nb, syn, [1, 5], [2, 6], 0.0) == nb
    assert nb == {1: {2: 0.95}, 5: {6: 0.3}}  # not changed in place


def test_a_held_required_skill_gives_credit_to_its_neighbours(runtime):
    """Before round h-plans7 the learner's held skills that the role also requires were left
    out of the neighbours, so a held skill gave its broader or narrower required skill
    nothing."""
    with Session(runtime.engine) as s:
        hier = skill_hierarchy(runtime, s)
        a = min(k for k, v in hier.items() if v)
        b = min(hier[a])
        nb, _ = learner_neighbours(runtime, s, [a, b], [a])
    assert nb[b][a] >= runtime.settings.partial_hierarchy_credit
    assert a not in nb.get(a, {})


def _tool(i: int, label: str, skill_type: str = K, technology: bool = True) -> SkillEntry:
    return SkillEntry(i, f"u:{i}", label, skill_type=skill_type, technology=technology)


def test_a_tool_shows_the_kind_of_tool_it_is_filed_under():
    entries = [
        _tool(1, "graphics editor software"),
        _tool(2, "Adobe Photoshop"),
        _tool(3, "computer programming"),
        _tool(4, "Python (computer programming)"),
        _tool(5, "history", technology=False),
        _tool(6, "computer history"),  # a digital knowledge concept under a non-digital one
        _tool(7, "use databases", skill_type=S),
        _tool(8, "take pharmaceutical inventory", skill_type=S, technology=False),
        _tool(9, "manage staff", skill_type=S, technology=False),
        _tool(10, "manage zoo staff", skill_type=S, technology=False),
        _tool(11, "ICT tools"),
    ]
    broader = [(2, 1), (4, 3), (6, 5), (8, 7), (10, 9), (3, 3), (99, 1), (1, 11)]
    shows = instance_map(entries, broader)
    assert shows[1] == {2} and shows[3] == {4}
    assert 5 not in shows and 7 not in shows and 9 not in shows  # no tool under a tool kind
    assert 2 not in shows and 4 not in shows  # a kind never shows one of its tools
    assert shows[11] == {1}  # a kind of tool under a broader kind
    assert merged(shows, {1: frozenset({12})})[1] == {2, 12}


def test_a_held_tool_covers_its_kind_in_a_learners_gap(runtime):
    """On the taxonomy: a tool under a digital knowledge concept, held, shows that concept."""
    from service.profiles.neighbours import shown_by

    with Session(runtime.engine) as s:
        shows = shown_by(runtime, s)
        kind, tools = next(
            (k, v)
            for k, v in sorted(shows.items())
            if runtime.skills[k].technology and any(runtime.skills[t].technology for t in v)
        )
        tool = min(t for t in tools if runtime.skills[t].technology)
        nb, syn = learner_neighbours(runtime, s, [kind], [tool])
    assert tool in syn[kind]
    assert nb[kind][tool] == runtime.settings.partial_synonym_credit
    with Session(runtime.engine) as s:
        nb, _syn = learner_neighbours(runtime, s, [tool], [kind])  # the kind shows no tool
    assert nb.get(tool, {}).get(kind, 0.0) < runtime.settings.partial_synonym_credit


def test_many_tools_under_one_kind_are_read_in_linear_time():
    from tests.growth import assert_linear

    def build(n: int) -> tuple[list[SkillEntry], list[tuple[int, int]]]:
        entries = [_tool(0, "kind")] + [_tool(i, f"tool {i}") for i in range(1, n + 1)]
        return entries, [(i, 0) for i in range(1, n + 1)]

    assert_linear(lambda made: instance_map(*made), build)
    assert len(instance_map(*build(3_000))[0]) == 3_000

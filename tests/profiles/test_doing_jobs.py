"""A learner who says what they do, not their title, holds the trade a label says by it
(`service/profiles/doing_jobs.py`): "I work nights stacking shelves at Tesco" is a shelf filler,
"I drive a bus for a living" a bus driver; what no label says exactly names none."""

from __future__ import annotations

import pytest

from service.profiles.doing_jobs import doers, doing_titles
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read

LABELS = frozenset(
    {
        *("shelf stacker", "bus driver", "office cleaner", "hair cutter", "lorry driver"),
        *("forklift driver", "furniture maker", "kitchen fitter", "dish washer", "car driver"),
        *("heavy goods vehicle driver", "goods vehicle driver", "team manager", "house cleaner"),
        *("assistant teacher", "bread baker", "maths teacher"),
    }
)


def _titles(text: str) -> list[tuple[str, str]]:
    return [(t, text[a:b]) for t, a, b in doing_titles(text, LABELS.__contains__)]


@pytest.mark.parametrize(
    ("verb", "first"),
    [
        ("stacking", "stacker"),
        ("drive", "driver"),
        ("drives", "driver"),
        ("cleaned", "cleaner"),
        ("cut", "cutter"),
        ("drove", "driver"),
        ("taught", "teacher"),
        ("cooking", "cook"),
    ],
)
def test_the_doer_of_a_verb(verb, first):
    assert first in doers(verb)


@pytest.mark.parametrize("verb", ["manage", "running", "worked", "want", "help", "LEADING"])
def test_verbs_of_work_in_general_name_no_doer(verb):
    assert doers(verb) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("I work nights stacking shelves at Tesco", [("shelf stacker", "stacking shelves")]),
        ("I drive a bus for a living", [("bus driver", "drive a bus")]),
        ("I clean offices at night", [("office cleaner", "clean offices")]),
        ("I have been driving lorries for 12 years", [("lorry driver", "driving lorries")]),
        ("I used to drive a forklift", [("forklift driver", "drive a forklift")]),
        ("I'm currently making furniture", [("furniture maker", "making furniture")]),
        ("Cutting hair in a salon", [("hair cutter", "Cutting hair")]),
        ("- Fitting kitchens and bathrooms", [("kitchen fitter", "Fitting kitchens")]),
        # the longest thing a label says, its modifiers kept
        (
            "I drive heavy goods vehicles across Europe",
            [("heavy goods vehicle driver", "drive heavy goods vehicles")],
        ),
        ("Some text.\nI bake bread at night", [("bread baker", "bake bread")]),
        # case, curly apostrophes and bullets of a pasted CV
        ("I DRIVE A BUS", [("bus driver", "DRIVE A BUS")]),
        ("I’ve driven a bus for years", [("bus driver", "driven a bus")]),
        ("– Cutting hair in a salon", [("hair cutter", "Cutting hair")]),
        ("I bake bread at night.\nHobbies: walking dogs", [("bread baker", "bake bread")]),
    ],
)
def test_what_one_does_names_a_trade_a_label_says(text, read):
    assert _titles(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "I fix cars",  # "car fixer": no label
        "I clean my house",  # one's own house: no trade
        "I manage a team of 10",  # a verb of running work ("team manager" is a label)
        "I want to drive buses",  # a wish, not a job
        "I would like to drive a lorry",
        "Teaching assistant",  # a person's word, not what is taught
        "Driving licence, clean",  # a line's -ing word before no thing a label says
        "I work days clean offices",  # after "I work nights/days" only an -ing verb
        "Drive buses",  # a line's start: only what was being done
        "I am a cleaner",
        # the review: one's own or another's things, leisure, sport
        "I clean our house every week",
        "I walk his dogs",
        "I play football on Sundays",
        "I ride horses at weekends",
        "I bake bread for fun",
        "Hobbies:\n- Baking bread\n- Walking dogs",
        "Interests: I make furniture in my spare time",
        # a line of leisure words after the heading does not end its section
        "Hobbies:\n- Reading for fun\n- Baking bread",
    ],
)
def test_what_names_no_trade(text):
    assert _titles(text) == []


def test_hostile_long_and_repeated_input_grows_linearly():
    def read(text: str) -> object:
        return list(doing_titles(text, LABELS.__contains__))

    assert_linear(read, lambda n: "I drive " * n + "buses", n=2_000)
    assert_linear(read, lambda n: "I I I been " * n + "stacking shelves", n=2_000)
    assert_linear(read, lambda n: "- stacking " * n, n=2_000)
    assert_linear(read, lambda n: ("I drive " + "lorries " * 30 + "\n") * n, n=200)
    assert_linear(read, lambda n: "I drive a bus for fun, " * n, n=1_000)  # one long line


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        ("I work nights stacking shelves at Tesco", ["shelf filler"]),
        ("I drive a bus for a living", ["bus driver"]),
        ("I clean offices at night", ["building cleaner"]),
        ("I wash dishes in a restaurant", ["kitchen porter"]),
        ("I have been driving lorries for 12 years", ["cargo vehicle driver"]),
        ("I fix cars", []),  # no label says it exactly
        ("I want to drive buses", []),
        # a title said is the reading; what they do adds none
        ("I am a chef and I bake bread at night", ["chef"]),
    ],
)
def test_jobs_read_from_what_one_does_on_the_real_model(real_runtime, text, jobs):
    assert jobs_read(real_runtime, text) == jobs


def test_a_text_of_many_such_clauses_resolves_a_bounded_number(monkeypatch):
    from types import SimpleNamespace

    from service.profiles import experience

    asked: list[str] = []
    monkeypatch.setattr(experience, "_job_of", lambda _runtime, title: asked.append(title))
    labels = SimpleNamespace(exact=lambda t: [1] if t.endswith(" driver") else [])
    runtime = SimpleNamespace(titles=SimpleNamespace(labels=labels, curated={}))
    many = "".join(
        f"I drive a bus{chr(97 + i % 26)}{chr(97 + i // 26)} daily.\n" for i in range(400)
    )
    assert experience.read_jobs(runtime, None, many) == []
    assert len(asked) == experience.MAX_RESOLVED

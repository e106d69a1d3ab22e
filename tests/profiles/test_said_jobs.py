"""Jobs the learner's words name without a title (service.profiles.said_jobs): teaching at a
school of a known level, a call centre; a school of no level, another workplace, or a call
centre where another job is said name none; hostile inputs."""

from __future__ import annotations

import time

import pytest

from service.profiles.experience import title_phrases
from service.profiles.said_jobs import CALL_CENTRE_AGENT, said_titles
from tests.growth import assert_linear


@pytest.mark.parametrize(
    ("text", "title", "words"),
    [
        ("I teach secondary school maths and run the chess club", "secondary school teacher",
         "I teach secondary school"),
        ("I teach English at a comprehensive school.", "secondary school teacher",
         "I teach English at a comprehensive school"),
        ("I teach primary school", "primary school teacher", "I teach primary school"),
        ("I taught at an infant school for ten years", "primary school teacher",
         "I taught at an infant school"),
        ("I've been teaching at a sixth form college", "secondary school teacher",
         "I've been teaching at a sixth form college"),
        ("I teach nursery", "early years teacher", "I teach nursery"),
        ("I teach primary, mostly year 2", "primary school teacher", "I teach primary"),
        ("I teach nursery children", "early years teacher", "I teach nursery"),
        ("I worked in a call centre answering customer queries", CALL_CENTRE_AGENT,
         "I worked in a call centre"),
        ("I have worked in a contact center for two years", CALL_CENTRE_AGENT,
         "I have worked in a contact center"),
        ("I work at a busy call centre.", CALL_CENTRE_AGENT, "I work at a busy call centre"),
        # a trade's learner: the first trade's apprentice (the resolver reads its practitioner)
        ("Plumbing and heating apprentice, fitting bathrooms", "plumbing apprentice",
         "Plumbing and heating apprentice"),
        ("Electrical apprentice wiring houses", "electrical apprentice", "Electrical apprentice"),
        ("Catering & hospitality trainee", "catering trainee", "Catering & hospitality trainee"),
        # a business the learner ran: its manager, its size or standing left out
        ("I ran a small cafe for six years: ordering stock", "restaurant manager",
         "ran a small cafe"),
        ("Managed a busy pub in Leeds", "restaurant manager", "Managed a busy pub"),
        ("I own my own hair salon, colour and cutting", "hair salon manager",
         "own my own hair salon"),
        ("We have run a family-run bakery.", "bakery manager", "have run a family-run bakery"),
        ("I managed a clothes shop and its two staff", "clothes shop manager",
         "managed a clothes shop"),
        # a stall's keeper is its trader; a word of doing may follow the place
        ("Ran a market stall selling fruit and veg", "market trader", "Ran a market stall"),
        ("I ran a cafe serving breakfasts", "restaurant manager", "ran a cafe"),
        # a trade's word for its business: a hairdressing salon is a hair salon (was *spa
        # manager*); a barber's own shop is a barber's
        ("I ran my own hairdressing salon for 10 years, cutting", "hair salon manager",
         "ran my own hairdressing salon"),
        ("I ran my own barber shop for 6 years", "barber", "ran my own barber shop"),
        ("I own a barbers shop", "barber", "own a barbers shop"),
    ],
)  # fmt: skip
def test_the_words_name_the_job(text, title, words):
    ((got, start, end),) = list(said_titles(text))
    assert got == title and text[start:end] == words


@pytest.mark.parametrize(
    "text",
    [
        "I teach at a school",  # no level: the job is not known
        "I teach adults at the local college",
        "I teach to a high standard",  # "high" names a school only before one
        "I teach junior doctors",
        "I went to a secondary school",  # no teaching
        "Teaching is what a secondary school does",  # not the learner's own verb
        "I worked in a hospital",  # a workplace of many jobs
        "I worked in a warehouse",
        "I worked in an office answering customer queries",
        "I worked in a call centre as a team leader",  # the job after "as" is read instead
        "I worked in a call centre for 3 years, as a team leader",  # across a comma too
        "I taught primary care nurses",  # a level alone before another word: no school's
        "I teach nursery nurses at a college",
        "I managed a call centre",  # not working in it
        "I am an apprentice",  # no trade said
        "I was a modern apprentice",  # a kind of apprenticeship, no trade
        "Apprentice of the year",
        "I run a shop floor team",  # a team's, not a shop's: the place must end the phrase
        "I ran a marathon for charity",  # no business
        "I managed the accounts",
        "I work in a shop",  # working in it is no running it
        # another's business, or no business (found by a review of the rule)
        "I ran the bar at events",
        "I ran the shop on Saturdays",
        "I managed the hotel booking system",
        "Ran the bar staffing rota",
        "I ran a cake stall at the school fete",
        "I own a garage and a van",
        "",
    ],
)
def test_other_words_name_no_job(text):
    assert list(said_titles(text)) == []


def test_a_self_taught_title_is_resolved_without_the_standing_word():
    text = "Self-taught web developer, I build websites"
    assert [p for p, *_ in title_phrases(text)] == ["web developer"]
    assert [p for p, *_ in title_phrases("Self taught baker")] == ["baker"]


HOSTILE = [
    # a school far from the verb (over 60 characters) is another clause's
    (lambda n: "I teach " + "maths and " * n + "secondary school.", 0),
    (lambda n: "I teach " * n, 0),
    (lambda n: "I worked in a " * n, 0),
    (lambda n: "I ran a small busy " * n, 0),
    (lambda n: "I ran a cafe" + " " * n + "x", 0),
    (lambda n: "I worked in a call centre " * n, 1),  # one job per repeat
]


def _seconds(text: str) -> tuple[float, int]:
    """The best of two readings' times (a loaded machine's pauses fall in one), and what each
    read."""
    times, found = [], 0
    for _ in range(2):
        t0 = time.perf_counter()
        found = len(list(said_titles(text)))
        times.append(time.perf_counter() - t0)
    return min(times), found


@pytest.mark.parametrize(("make", "per_repeat"), HOSTILE)
def test_hostile_inputs_are_read_in_linear_time(make, per_repeat):
    """Four times the input takes about four times as long (a quadratic reading would take 16;
    a ratio, not a wall-clock bound, so a loaded machine does not fail it)."""
    small, n_small = _seconds(make(5_000))
    large, n_large = _seconds(make(20_000))
    assert (n_small, n_large) == (5_000 * per_repeat, 20_000 * per_repeat)
    assert large < 8 * small + 0.05, (small, large)
    assert list(said_titles("I teach ☕\x00 —")) == []


def test_a_long_run_of_words_before_apprentice_is_read_in_linear_time():
    def make(n: int) -> str:
        return "plumbing and " * n + "x"

    assert list(said_titles(make(20_000))) == []
    assert_linear(lambda text: list(said_titles(text)), make)


@pytest.mark.parametrize(
    ("text", "title", "words"),
    [
        ("Uber driver, before that I worked in a phone shop", "private hire driver", "Uber driver"),
        ("I drive for Bolt at weekends", "private hire driver", "drive for Bolt"),
        ("Deliveroo rider, delivering takeaways on my bike", "bicycle courier", "Deliveroo rider"),
        ("riding for Just Eat in the evenings", "bicycle courier", "riding for Just Eat"),
        ("Uber Eats driver", "delivery driver", "Uber Eats driver"),
        ("Amazon Flex courier", "delivery driver", "Amazon Flex courier"),
    ],
)
def test_a_gig_platforms_work_names_its_trade(text, title, words):
    said = [(t, text[s:e]) for t, s, e in said_titles(text)]
    assert (title, words) in said


@pytest.mark.parametrize(
    "text", ["I worked for Uber as an engineer", "Uber's data team", "We used Deliveroo"]
)
def test_working_for_a_platform_says_no_trade(text):
    assert list(said_titles(text)) == []


def test_a_business_of_ones_family_is_no_kind_of_business():
    """The review: "I ran my dad's shop" read "dads shop manager" (a possessive is a kind)."""
    assert [t for t, _, _ in said_titles("I ran my dad's shop")] == ["shop manager"]
    assert [t for t, _, _ in said_titles("I ran my mum’s hair salon")] == ["hair salon manager"]

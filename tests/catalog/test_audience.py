"""A credential's audience as its record states it (service/catalog/audience.py)."""

from service.catalog.audience import AudienceReader, audience_of, isco_labels

ROWS = [
    {"code": "2431", "preferredLabel": "Advertising and marketing professionals"},
    {"code": "243", "preferredLabel": "Sales, marketing and public relations professionals"},
    {"code": "51", "preferredLabel": "Personal service workers"},
    {"code": "2", "preferredLabel": "Professionals"},
    {"code": "3359", "preferredLabel": "Regulatory government associate professionals not "
     "elsewhere classified"},
    {"code": "5142", "preferredLabel": "Beauticians and related workers"},
]  # fmt: skip


def test_labels_are_cleaned_lower_case():
    labels = isco_labels(ROWS)
    assert labels["advertising and marketing professionals"] == "2431"
    assert labels["regulatory government associate professionals"] == "3359"


def test_the_first_sentence_names_the_audience_longest_label_first():
    read = AudienceReader(isco_labels(ROWS))
    text = (
        "This 30-hour course helps advertising and marketing professionals build practical "
        "skills in staff management in shops. Beauticians and related workers also come."
    )
    assert read(text) == ("2431",)  # not "professionals" (2); the second sentence is not read
    assert read("A 21-hour course for personal service workers starting out.") == ("51",)
    assert read("This 9-hour badge introduces employees in any sector to safety.") == ()
    assert read("") == () and AudienceReader({})("for personal service workers") == ()


def test_stated_occupations_come_first():
    read = AudienceReader(isco_labels(ROWS))
    text = "A badge for personal service workers."
    assert audience_of(text, ["5142", ""], read) == ("5142",)
    assert audience_of(text, [], read) == ("51",)

from indexing.text import Span, segment, split_phrases, split_sentences, words

POSTING = """Requirements:
• Strong knowledge of HTML and CSS (LESS, SCSS). Solid understanding of Angular, React or similar
1. Experience with PostgreSQL and Python; e.g. Django
2) 3+ years of experience in C++/C# development. Team player!
* Good communication skills, e.g. presenting to clients. We use .NET etc. daily."""


def _check_offsets(text, spans):
    for sp in spans:
        assert isinstance(sp, Span)
        assert sp.text == text[sp.start : sp.end]
        assert sp.text == sp.text.strip()
        assert not sp.text.endswith((".", ",", ";", "!"))


def test_sentences_split_at_lines_bullets_numbers_and_ends():
    sents = split_sentences(POSTING)
    _check_offsets(POSTING, sents)
    assert [s.text for s in sents] == [
        "Requirements",
        "Strong knowledge of HTML and CSS (LESS, SCSS)",
        "Solid understanding of Angular, React or similar",
        "Experience with PostgreSQL and Python; e.g. Django",
        "3+ years of experience in C++/C# development",
        "Team player",
        "Good communication skills, e.g. presenting to clients",
        "We use .NET etc. daily",
    ]


def test_abbreviations_and_decimals_do_not_end_a_sentence():
    text = "Use tools e.g. Jira and Git. Python 3.11 is used, i.e. modern Python."
    assert [s.text for s in split_sentences(text)] == [
        "Use tools e.g. Jira and Git",
        "Python 3.11 is used, i.e. modern Python",
    ]


def test_phrases_split_lists_and_coordination_and_drop_filler():
    text = "Strong knowledge of HTML and CSS (LESS, SCSS PostCSS)"
    phrases = split_phrases(text)
    _check_offsets(text, phrases)
    assert [p.text for p in phrases] == ["HTML", "CSS", "LESS", "SCSS PostCSS"]


def test_phrases_keep_offsets_inside_a_larger_text():
    text = "Intro. Experience with PostgreSQL and Python; e.g. Django"
    sent = split_sentences(text)[1]
    phrases = split_phrases(text, sent.start, sent.end)
    _check_offsets(text, phrases)
    assert [p.text for p in phrases] == ["Experience", "PostgreSQL", "Python", "Django"]
    assert phrases[1].start == text.index("PostgreSQL")


def test_phrase_keeps_symbols_of_language_names():
    text = "Proficiency in C++ / C# and .NET"
    assert [p.text for p in split_phrases(text)] == ["C++", "C#", ".NET"]


def test_sentence_without_delimiters_is_one_phrase():
    text = "debug software"
    assert split_phrases(text) == [Span(0, 14, "debug software")]


def test_segment_and_words_offsets():
    pairs = segment(POSTING)
    assert len(pairs) == len(split_sentences(POSTING))
    for sent, phrases in pairs:
        _check_offsets(POSTING, [sent, *phrases])
        for p in phrases:
            assert sent.start <= p.start < p.end <= sent.end
    ws = words("Node.js, C++ and C#")
    assert [w.text for w in ws] == ["Node.js", "C++", "and", "C#"]


def test_empty_and_punctuation_only_text():
    assert split_sentences("") == []
    assert split_sentences(" \n • * \n") == []
    assert split_phrases(" , ; ") == []

"""The skill linker's weights and thresholds (`LinkerConfig`), tuned on TECH / HOUSE validation;
`indexing.linker` explains how each one enters the score."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkerConfig:
    """Scoring weights and thresholds. Defaults were tuned on TECH and HOUSE validation."""

    description_weight: float = 0.3  # dense = max label cos + this x cos(label: description)
    text_weight: float = 0.7  # weight of the whole text's dense score
    ngram_weight: float = 0.3  # weight of the best word n-gram's dense score (0: no n-grams)
    max_ngram: int = 2  # n-grams of 1..max_ngram words, not starting/ending in a stopword
    phrase_weight: float = 0.0  # weight of the best phrase (text.split_phrases); 0: not embedded
    max_phrases: int = 64
    lexical_bonus: float = 0.2  # a multi-word label/alias found verbatim in the text
    lexical_bonus_single: float = 0.1  # a one-word label/alias found verbatim
    knowledge_bonus: float = 0.06  # skill_type "knowledge" or "technology"
    transversal_bonus: float = 0.06  # reuse_level "transversal"
    use_hidden_labels: bool = True  # hidden labels (misspellings, old terms) as label views
    min_alias_chars: int = 2  # aliases shorter than this are never matched lexically
    # an alias's bonus is divided by sqrt(skills sharing it); with this, only those of the hit's
    # own taxonomy count (ESCO's "Microsoft Office Excel" and O*NET's "Microsoft Excel" do not
    # compete for "Excel")
    alias_ambiguity_by_source: bool = True
    # the curated trade words and abbreviations of indexing.trade_aliases.TRADE_ALIASES ("HGV",
    # "tills", "rotas") name their skills; extract() keeps those without the score floors
    curated_aliases: bool = True
    # extract(): each sentence and each of its phrases (text.split_phrases) is a unit; a skill
    # is kept when it is among a unit's best (top extract_per_sentence of a sentence,
    # extract_per_phrase of a phrase) or named there verbatim, scores at least
    # extract_min_score (a phrase: extract_min_score + extract_phrase_extra_score, as short
    # texts score high, like stated names, whose sure links start at 1.0) and no less than the
    # unit's best - extract_margin. Chosen on TECH and HOUSE validation by set F1
    # (service/evaluation/extraction.py; README).
    extract_min_score: float = 0.75
    extract_max_skills: int = 30
    extract_per_sentence: int = 3
    extract_per_phrase: int = 1
    extract_phrase_extra_score: float = 0.25
    extract_margin: float = 0.1
    extract_repeat_bonus: float = 0.02  # per further unit supporting the same skill
    # agreement: a phrase's best extract_agree_per_phrase skills are also kept from
    # extract_agree_min_score (no margin) when the whole sentence ranks them among its best
    # extract_agree_sentence_rank ("dressing" is "assist with dressing", not "dress bodies",
    # in a care worker's line). Chosen on TECH / HOUSE validation with the CV-line fixture.
    extract_agree_per_phrase: int = 2
    extract_agree_min_score: float = 0.85
    extract_agree_sentence_rank: int = 3
    # extract(): how the vectors of a unit's phrases and n-grams are made. "encoded" (default):
    # each encoded on its own, as score_texts does. Faster, measured and not the default, as
    # they lose 3-6 F1 on TECH / HOUSE validation (docs/quality.md, "Extraction at encoder
    # speed"): "pooled", each sentence encoded once and its phrases' and n-grams' vectors pooled
    # from its token vectors; "units", each sentence and phrase encoded once, its n-grams pooled
    extract_span_vectors: str = "encoded"
    # extract(): score each unit's n-grams on its best extract_candidates skills by the unit
    # alone (and the skills of its aliases) instead of on all skills (indexing/unit_scores.py;
    # on 50 postings and both validation sets it keeps the same skills); 0: on all skills
    extract_candidates: int = 64
    # extract(): the precision of the encoder for phrases and n-grams (indexing.short_encoder):
    # "auto" bfloat16 where the CPU multiplies it natively, "bf16" always, "fp32" never.
    # Sentences, stored vectors and ranking (score_texts, link) are float32 in every mode
    extract_short_precision: str = "auto"
    # extract(): the pass over every label that picks a unit's candidates (indexing.first_pass):
    # "auto" bfloat16 where the CPU multiplies it natively (candidates re-scored in float32
    # within its error bound: the same candidates and scores), "bf16" always, "exact" never
    extract_first_pass: str = "auto"
    # extract(): n-grams without a letter ("2019", "24/7", "3-5") are neither encoded nor scored
    extract_ngram_needs_letter: bool = True
    # a pooled vector (in context) scores lower than the same words encoded alone: its dense
    # score x scale + shift (least squares on the best 20 skills of SkillSpan posting units,
    # postings 100-105: n-grams r=0.79, phrases r=0.78), n-grams and phrases apart
    extract_pooled_gram: tuple[float, float] = (0.791, 0.283)
    extract_pooled_phrase: tuple[float, float] = (0.675, 0.274)
    # technology skills (O*NET tools, ESCO digital knowledge) only where the text is about
    # technology or names them unambiguously (indexing/technology.py)
    technology_gate: bool = True
    # link_spans() (short stated skill names): n-gram views only for spans of at least this many
    # words; 0: none, each span is scored on itself alone (on the TECH/HOUSE annotated spans this
    # ranks the gold skill as well or better than n-gram views, at a fraction of the encoding)
    span_ngram_min_words: int = 0
    # link_spans(): an alias inside a stated name (not the whole of it) adds its bonus too
    span_partial_aliases: bool = False
    # stated names (indexing/stated.py): a sure link at/above stated_link_min with a lead of
    # stated_margin_min over the next skill; a doubtful one from stated_doubt_min; a short name
    # (one word, an acronym) that is no label links only from stated_short_min. Chosen on the
    # annotated spans of TECH and HOUSE validation (service/evaluation/extraction.py).
    stated_link_min: float = 1.0
    stated_doubt_min: float = 0.9
    stated_short_min: float = 1.0
    stated_margin_min: float = 0.05
    # encoder batch for the spans: on 2 cores 64 was ~20% faster when idle, 256 ~15% faster
    # with another process on a core (fewer, larger operations); runs are often shared
    span_batch_size: int = 256
    span_chunk: int = 256  # distinct spans scored per matrix product (bounds memory)
    # query vectors of recently linked texts (sentences, n-grams, stated names), reused across
    # calls: job texts repeat their n-grams. Least recently used out first; 0: no cache.
    # 20,000 x 384-d float32 is about 31 MB.
    span_cache_size: int = 20_000

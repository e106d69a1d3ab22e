"""The default data `make run` loads: the demo catalog and the SkillSpan job postings in data/.

Both go through the same ingest pipeline as the API. A fingerprint of the files, the model and
the reading rules (service/ingest/reading_version.py) in `Meta` makes a second start skip the
work, and a start after an upgrade that reads records differently read them again; the ingest
itself is idempotent anyway. With
Settings.demo_catalog off the catalog is skipped (the postings still load).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
from pathlib import Path

from models.records import JobPostingRecord, SkillRef, Span
from models.tables import Meta

log = logging.getLogger("skillmatch")
CATALOG = Path("catalog/credentials.jsonl.gz")
POSTINGS = Path("skillspan/skillspan_postings.jsonl.gz")
_NOISE = re.compile(r"<[A-Z]+>|\(\s*[mwfdx]\s*/+\s*[mwfdx]\s*(/+\s*[mwfdx]\s*)?\)", re.I)
# where a scraped title runs on into the page: the address block, the posting's metadata
_RUN_ON = re.compile(r"<ADDRESS>|<LOCATION>|Date posted:|Likes:|Job description", re.I)
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_SEPARATORS = re.compile(r"(\s*[-|–]\s*)+(?=\s*[-|–]|$)|^\s*[-|–]\s*")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f]+")  # the scraped texts hold stray controls (\x1a)


def read_jsonl_gz(path: Path) -> list[dict]:
    """The JSON objects of a gzipped JSON-lines file (blank lines skipped)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _clean_title(text: str) -> str:
    """A posting title from SkillSpan's scraped first line: cut where the address block or the
    posting's metadata starts ("<ADDRESS> ... Date posted: ... Likes: 0"), then drop the
    placeholders, gender markers, empty brackets and dangling separators."""
    title = _RUN_ON.split(text, maxsplit=1)[0]
    if title.count("(") > title.count(")"):  # cut inside a bracket: drop the open part
        title = title[: title.rfind("(")]
    title = _SPACE.sub(" ", _NOISE.sub(" ", title))
    for _ in range(3):  # "( )" can hide a separator and vice versa
        title = _SEPARATORS.sub("", _EMPTY_PARENS.sub(" ", title)).strip(" -|–,.:")
        title = _SPACE.sub(" ", title)
    title = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", title))
    title = re.sub(r"\s+(at|for|with|in|-)$", "", title)
    if len(title) > 90:
        title = title[:90].rsplit(" ", 1)[0] + "…"
    return title or "Job posting"


# a role named inside a sentence ("We are looking for a Partner Success Manager to ...")
_ROLE_IN_SENTENCE = re.compile(
    r"\b(?:looking for|seeking|recruiting|hiring|position as|position in|vacancy as|be the|"
    r"be our|join us as|work as)\s+(?:an?\s+|the\s+|our\s+|new\s+|one\s+)*"
    r"((?:[A-Z][\w&/.-]*|of|and|in)(?:\s+(?:[A-Z][\w&/.-]*|of|and|in)){0,5})"
)


def _title_from_sentence(text: str) -> str | None:
    """The capitalised role a posting's first sentence names, or None."""
    m = _ROLE_IN_SENTENCE.search(text)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[-1] in ("of", "and", "in"):
        words.pop()
    return " ".join(words) or None


def posting_title(doc: dict) -> str:
    """A clean title: the scraped first line cleaned; where that line is a sentence, not a
    title (the house postings), the role it names, else its cleaned start."""
    raw = doc.get("title_guess") or ""
    title = _clean_title(raw)
    if len(title) < 5 or re.match(
        r"(The|About)?\s*<ORGANIZATION>", raw
    ):  # a name was cut out  # "The <ORGANIZATION> ...": nothing of a title left
        return _title_from_sentence(doc.get("text", "")) or "Job posting"
    if len(title.split()) > 8 or title.endswith(("?", "…")):
        return _title_from_sentence(title) or _title_from_sentence(doc.get("text", "")) or title
    return title


def skillspan_posting(doc: dict) -> JobPostingRecord:
    """One SkillSpan posting: its annotated skill and knowledge spans become explicit skills."""
    text: str = doc["text"]
    date = re.search(r"Date posted:\s*(\d{4}-\d{2}-\d{2})", text)
    remote = None
    if doc.get("source") == "tech":
        remote = bool(re.search(r"Location options:\s*\n?[^\n]*\bRemote\b", text))
    skills, seen = [], set()
    for span in [*doc.get("skill_spans", []), *doc.get("knowledge_spans", [])]:
        span = span.strip()
        if not span or span.lower() in seen or len(span) > 120:
            continue
        seen.add(span.lower())
        start = text.find(span)
        evidence = (
            [Span(field="description", start=start, end=start + len(span), text=span)]
            if start >= 0
            else []
        )
        label = _SPACE.sub(" ", span)  # a name holds no control characters (models.records)
        skills.append(SkillRef(label=label, source="explicit", evidence=evidence))
    return JobPostingRecord(
        external_id=f"skillspan:{doc['posting_id']}",
        title=posting_title(doc),
        description=text,
        remote=remote,
        date_posted=date.group(1) if date else None,
        skills=skills,
        source_format="skillspan",
        original=doc,
    )


def _fingerprint(paths: list[Path], model_id: str) -> str:
    h = hashlib.sha256(model_id.encode())
    for p in paths:
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def load_default_data(runtime, *, force: bool = False) -> dict[str, dict]:
    """Ingest the demo catalog and the postings unless these very files were loaded already by
    this model and reading code; `force`: read them again anyway, every record."""
    from sqlmodel import Session

    from service.runtime import shipped_vectors

    data = Path(runtime.settings.data_dir)
    paths = [data / CATALOG, data / POSTINGS]
    from service.ingest.reading_version import reader_id

    fp = _fingerprint(paths, reader_id(runtime.encoder.model_id))  # re-read after an upgrade
    if not runtime.settings.demo_catalog:  # a later start with the demo catalog loads it
        fp += ":no-demo-catalog"
    with Session(runtime.engine) as s:
        row = s.get(Meta, "default_data_fingerprint")
        if row is not None and row.value == fp and not force:
            return {}
    with shipped_vectors(runtime):  # their texts' vectors come with the data (data/vectors)
        summaries = _ingest_defaults(runtime, paths, reread=force)
    with Session(runtime.engine) as s:
        s.merge(Meta(key="default_data_fingerprint", value=fp))
        s.commit()
    return summaries


def _ingest_defaults(runtime, paths: list[Path], *, reread: bool = False) -> dict[str, dict]:
    from service.ingest.pipeline import Ingestor
    from service.runtime import progress_bar

    summaries = {}
    show = runtime.settings.progress
    if paths[0].exists() and runtime.settings.demo_catalog:
        docs = read_jsonl_gz(paths[0])
        with progress_bar(len(docs), "catalog", show) as advance:
            summaries["credentials"] = _ingest_in_chunks(
                Ingestor(runtime, "credential"), docs, "native", advance, reread=reread
            )
    if paths[1].exists():
        docs = [skillspan_posting(d) for d in read_jsonl_gz(paths[1])]
        with progress_bar(len(docs), "postings", show) as advance:
            summaries["postings"] = _ingest_in_chunks(
                Ingestor(runtime, "posting"), docs, None, advance, reread=reread
            )
    for kind, summary in summaries.items():
        log.info("default %s: %s", kind, summary)
    return summaries


def _ingest_in_chunks(
    ingestor, docs: list, fmt: str | None, advance, size: int = 200, *, reread: bool = False
) -> dict:
    total: dict[str, int] = {}
    for i in range(0, len(docs), size):
        result = ingestor.ingest(docs[i : i + size], fmt, progress=advance, reread=reread)
        for k, v in result.summary.items():
            total[k] = total.get(k, 0) + v
        for item in result.items:
            if item.status == "error":
                log.warning(
                    "default record %s rejected: %s",
                    item.external_id or item.position,
                    [(e.field, e.message) for e in item.errors],
                )
    return total

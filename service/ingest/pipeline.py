"""Ingest: parsed records -> linked skills -> database rows + vectors -> index.

Idempotent by external id: a record whose content hash (for this model) is unchanged does no work.
A batch answers per record; a bad record is reported with its position, field path and message
and never costs a good one (each record is written inside its own savepoint).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from pydantic import ValidationError
from sqlalchemy import delete, insert, select, update
from sqlmodel import Session

from models.records import CredentialRecord, JobPostingRecord
from models.tables import (
    Credential,
    CredentialLabel,
    CredentialSkill,
    IndexChange,
    JobPosting,
    Occupation,
    PostingLabel,
    PostingSkill,
)
from service.ingest.linking import link_skills
from service.ingest.occupations import (
    closest_by_title,
    coded_occupations,
    crosswalk_of,
    esco_uris,
    occupations_by_title,
)
from service.ingest.reading_version import reader_id
from service.repo.identity import (
    RESERVED_MESSAGE,
    closing_text,
    content_hash,
    is_reserved,
    tenant_external_id,
)
from service.vectors.record_index import change_rows, compose_text

log = logging.getLogger("skillmatch")
Kind = Literal["credential", "posting"]
Record = CredentialRecord | JobPostingRecord

__all__ = ["BatchResult", "FieldError", "Ingestor", "ItemResult"]


@dataclass
class FieldError:
    field: str
    message: str


@dataclass
class ItemResult:
    position: int
    status: Literal["created", "updated", "unchanged", "error"]
    external_id: str | None = None
    id: int | None = None
    errors: list[FieldError] = field(default_factory=list)
    warnings: list[FieldError] = field(default_factory=list)


@dataclass
class BatchResult:
    items: list[ItemResult]

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def summary(self) -> dict[str, int]:
        keys = ("created", "updated", "unchanged", "error")
        return {k: self.count(k) for k in keys} | {"total": len(self.items)}


def _errors_from_validation(exc: ValidationError) -> list[FieldError]:
    out = []
    for e in exc.errors():
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.get("loc", ()))
        out.append(FieldError(path.lstrip(".") or "$", e.get("msg", "invalid")))
    return out


@dataclass
class Prepared:
    position: int
    record: Record
    hash: str
    text: str
    desc_offset: int
    result: ItemResult
    skills: list[dict] = field(default_factory=list)  # rows for the *Skill table, without the fk
    labels: list[dict] = field(default_factory=list)  # rows for the *Label table, without the fk
    occupation_id: int | None = None


class Ingestor:
    """Ingest one kind of record into the database and its index, through the one SkillLinker."""

    def __init__(self, runtime, kind: Kind, *, tenant_id: int | None = None) -> None:
        self.rt = runtime
        self.kind = kind
        # a tenant's private openings: external ids live in the tenant's own namespace, so
        # no tenant can overwrite another's records or the public ones
        self.tenant_id = tenant_id if kind == "posting" else None
        self.table = Credential if kind == "credential" else JobPosting
        self.index = runtime.credentials if kind == "credential" else runtime.postings
        self.record_cls = CredentialRecord if kind == "credential" else JobPostingRecord

    # -- parsing ----------------------------------------------------------------------------
    def parse(
        self, docs: Sequence[Any], fmt: str | None = None
    ) -> list[tuple[int, Record | list[FieldError]]]:
        from service.ingest.parsers import ParseError, parse_credential, parse_posting

        parse = parse_credential if self.kind == "credential" else parse_posting
        out: list[tuple[int, Record | list[FieldError]]] = []
        for pos, doc in enumerate(docs):
            try:
                if isinstance(doc, ParseError):
                    raise doc
                if isinstance(doc, self.record_cls):
                    records = [doc]
                elif isinstance(doc, dict):
                    records = parse(doc, fmt)
                else:
                    raise ParseError("$", f"expected a JSON object, got {type(doc).__name__}")
                out += [(pos, rec) for rec in [self._namespaced(r) for r in records]]
            except ParseError as exc:
                out.append((pos, [FieldError(exc.path, exc.message)]))
            except ValidationError as exc:
                out.append((pos, _errors_from_validation(exc)))
        return out

    def _namespaced(self, rec: Record) -> Record:
        """The record under the external id it is stored by: a tenant's private opening in the
        tenant's namespace. Ids in the reserved namespace are refused (the parsers refuse them
        at the document's field; this guards records handed over already parsed)."""
        from service.ingest.parsers import ParseError

        if is_reserved(rec.external_id):
            raise ParseError("external_id", RESERVED_MESSAGE)
        if self.tenant_id is None:
            return rec
        ext = tenant_external_id(self.tenant_id, rec.external_id)
        return rec.model_copy(update={"external_id": ext})

    def _owned(self, stmt):
        """`stmt` narrowed to the records this ingestor may replace: the public postings, or its
        tenant's private ones (the namespaces keep them apart; this keeps them apart too)."""
        if self.kind != "posting":
            return stmt
        owner = JobPosting.tenant_id
        return stmt.where(owner.is_(None) if self.tenant_id is None else owner == self.tenant_id)

    # -- the batch --------------------------------------------------------------------------
    def ingest(
        self,
        docs: Sequence[Any],
        fmt: str | None = None,
        progress: Callable[[int], None] | None = None,
        *,
        reread: bool = False,
    ) -> BatchResult:
        """Parse, read and store `docs`; a record whose content hash is stored already is left
        "unchanged" unless `reread` (then it is read again and "updated")."""
        parsed = self.parse(docs, fmt)
        results: list[ItemResult] = []
        todo: list[Prepared] = []
        model_id = reader_id(self.rt.encoder.model_id)  # the model and the reading rules
        with Session(self.rt.engine) as s:
            ext_ids = [r.external_id for _p, r in parsed if not isinstance(r, list)]
            q = select(self.table.external_id, self.table.content_hash)
            known = dict(s.execute(self._owned(q.where(self.table.external_id.in_(ext_ids)))).all())
        seen: set[str] = set()
        for pos, rec in parsed:
            if isinstance(rec, list):
                results.append(ItemResult(pos, "error", errors=rec))
                continue
            if rec.external_id in seen:
                results.append(
                    ItemResult(
                        pos,
                        "error",
                        rec.external_id,
                        errors=[
                            FieldError(
                                "external_id",
                                f"duplicate external_id {rec.external_id!r} in this batch",
                            )
                        ],
                    )
                )
                continue
            seen.add(rec.external_id)
            h = content_hash(rec, model_id)
            res = ItemResult(
                pos, "updated" if rec.external_id in known else "created", rec.external_id
            )
            results.append(res)
            if known.get(rec.external_id) == h and not reread:
                res.status = "unchanged"
                if progress:
                    progress(1)
                continue
            todo.append(Prepared(pos, rec, h, *compose_text(rec.title, rec.description), res))
        if todo:
            self._link_skills(todo)
            vecs = self.index.embed(
                [p.text for p in todo], batch_size=self.rt.settings.encode_batch_size
            )
            self._write(todo, vecs, progress)
        results.sort(key=lambda r: r.position)
        return BatchResult(results)

    # -- skills -------------------------------------------------------------------------------
    def _link_skills(self, todo: list[Prepared]) -> None:
        link_skills(self.rt, todo)
        if self.kind == "posting":
            self._occupations(todo)

    def _occupations(self, todo: list[Prepared]) -> None:
        """Each posting's occupation: its occupation URI when known, else the ESCO occupation
        its occupation label or title names (`occupations.occupations_by_title`: the typed-title
        resolver's sure reading, none when it is unsure). One query for the URIs, one encoder call
        for the nearest labels of all the titles of the batch, one resolution per distinct title."""
        recs: list[JobPostingRecord] = [p.record for p in todo]  # type: ignore[misc]
        uris = {r.occupation_uri for r in recs if r.occupation_uri}
        by_uri: dict[str, int] = {}
        if uris:
            with Session(self.rt.engine) as s:
                by_uri = dict(
                    s.execute(
                        select(Occupation.uri, Occupation.id).where(Occupation.uri.in_(uris))
                    ).all()
                )
        queries: dict[int, str] = {}
        crosswalk = crosswalk_of(self.rt.settings.data_dir)
        for i, (p, rec) in enumerate(zip(todo, recs, strict=True)):
            if rec.occupation_uri:
                if rec.occupation_uri in by_uri:
                    p.occupation_id = by_uri[rec.occupation_uri]
                    continue
                p.result.warnings.append(FieldError("occupation_uri", "unknown occupation URI"))
            if rec.occupation_code:  # by code: the title picks among the code's occupations
                with Session(self.rt.engine) as s:
                    coded = coded_occupations(s, rec.occupation_code, crosswalk)
                if coded:
                    p.occupation_id = closest_by_title(self.rt.encoder, rec.title, coded)
                    continue
                p.result.warnings.append(
                    FieldError("occupation_code", f"no occupation has code {rec.occupation_code}")
                )
            query = rec.occupation_label or rec.title
            if query.strip():
                queries[i] = query
        named = occupations_by_title(self.rt.occupations, self.rt.titles, list(queries.values()))
        for i, query in queries.items():
            todo[i].occupation_id = named[query]

    # -- writing ------------------------------------------------------------------------------
    def _row_values(self, p: Prepared) -> dict:
        r = p.record
        original = (
            r.original
            if isinstance(r.original, str)
            else json.dumps(r.original, ensure_ascii=False)
        )
        common = dict(
            external_id=r.external_id,
            title=r.title,
            description=r.description,
            source_format=r.source_format,
            content_hash=p.hash,
            original=original or "",
        )
        if self.kind == "posting":
            return common | dict(
                employer=r.employer,
                location=r.location,
                remote=r.remote,
                date_posted=r.date_posted.isoformat() if r.date_posted else None,
                occupation_id=p.occupation_id,
                occupation_uri=r.occupation_uri,
                occupation_code=r.occupation_code,
                valid_through=closing_text(r.valid_through),
                employment_type=list(r.employment_type),
                salary=r.salary.model_dump(exclude_none=True) if r.salary else None,
                tenant_id=self.tenant_id,
            )
        return common | dict(
            kind=r.kind,
            issuer_name=r.issuer.name,
            issuer_url=r.issuer.url,
            url=r.url,
            language=r.language,
            eqf_level=r.eqf_level,
            level=r.level,
            delivery_mode=r.delivery_mode,
            hours=r.hours,
            cost=r.cost,
            currency=r.currency,
            validity_months=r.validity_months,
            life_cycle_status=r.life_cycle_status,
            credit_value=r.credit_value,
            credit_unit=r.credit_unit,
            occupation_uris=esco_uris(
                r.occupations, crosswalk_of(self.rt.settings.data_dir), best_only=False
            ),
            prerequisites=[x.model_dump() for x in r.prerequisites],
            is_part_of=list(r.is_part_of),
            has_part=list(r.has_part),
        )

    def _link_rows(self, record_id: int, p: Prepared) -> list[dict]:
        fk = "credential_id" if self.kind == "credential" else "posting_id"
        rows = []
        for sk in p.skills:
            row = {
                fk: record_id,
                "skill_id": sk["skill_id"],
                "source": sk["source"],
                "confidence": sk["confidence"],
                "evidence": sk["evidence"],
            }
            if self.kind == "posting":
                row["relation"] = sk["relation"]
            else:
                row["weight"] = sk["weight"]
            rows.append(row)
        return rows

    def _label_rows(self, record_id: int, p: Prepared) -> list[dict]:
        fk = "credential_id" if self.kind == "credential" else "posting_id"
        return [{fk: record_id, **row} for row in p.labels]

    def _tables(self):
        """The record's link table, label table and the foreign key column of each."""
        if self.kind == "credential":
            return (CredentialSkill, CredentialSkill.credential_id), (
                CredentialLabel,
                CredentialLabel.credential_id,
            )
        return (PostingSkill, PostingSkill.posting_id), (PostingLabel, PostingLabel.posting_id)

    def _vector_rows(self, ids: list[int], todo: list[Prepared], vecs) -> list[dict]:
        return [v.model_dump() for v in self.index.vector_rows(ids, [p.text for p in todo], vecs)]

    def _write(self, todo: list[Prepared], vecs, progress) -> None:
        """Store the batch in one transaction; when the database refuses it, store record by
        record in savepoints so that one bad record spares the others."""
        try:
            ids = self._write_batch(todo, vecs)
        except Exception as exc:  # noqa: BLE001 (any refusal: fall back to isolating it)
            log.info("batch write refused (%s); writing record by record", exc.__class__.__name__)
            ids = self._write_each(todo, vecs)
        done = [(i, v) for i, v in zip(ids, vecs, strict=True) if i is not None]
        for p, i in zip(todo, ids, strict=True):
            p.result.id = i
        if progress:
            progress(len(todo))
        if done:
            self.index.upsert([i for i, _ in done], np.stack([v for _, v in done]))
            self.index.save()
            self._changed()

    def _write_batch(self, todo: list[Prepared], vecs) -> list[int]:
        from models.tables import Vector

        (link_table, fk), (label_table, label_fk) = self._tables()
        with Session(self.rt.engine) as s:
            q = select(self.table.external_id, self.table.id)
            q = q.where(self.table.external_id.in_([p.record.external_id for p in todo]))
            existing = dict(s.execute(self._owned(q)).all())
            new = [p for p in todo if p.record.external_id not in existing]
            is_new = {id(p) for p in new}
            if new:
                got = s.execute(
                    insert(self.table).returning(self.table.external_id, self.table.id),
                    [self._row_values(p) for p in new],
                ).all()
                existing.update(dict(got))
            for p in todo:
                if id(p) in is_new:
                    continue
                s.execute(
                    update(self.table)
                    .where(self.table.id == existing[p.record.external_id])
                    .values(**self._row_values(p))
                )
            ids = [existing[p.record.external_id] for p in todo]
            s.execute(delete(link_table).where(fk.in_(ids)))
            s.execute(delete(label_table).where(label_fk.in_(ids)))
            s.execute(delete(Vector).where(Vector.kind == self.kind, Vector.ref_id.in_(ids)))
            links = [r for i, p in zip(ids, todo, strict=True) for r in self._link_rows(i, p)]
            if links:
                s.execute(insert(link_table), links)
            labels = [r for i, p in zip(ids, todo, strict=True) for r in self._label_rows(i, p)]
            if labels:
                s.execute(insert(label_table), labels)
            s.execute(insert(Vector), self._vector_rows(ids, todo, vecs))
            s.execute(insert(IndexChange), change_rows(self.kind, ids, "upsert"))
            s.commit()
        return ids

    def _write_each(self, todo: list[Prepared], vecs) -> list[int | None]:
        from models.tables import Vector

        (link_table, fk), (label_table, label_fk) = self._tables()
        ids: list[int | None] = []
        with Session(self.rt.engine) as s:
            for p, vec in zip(todo, vecs, strict=True):
                try:
                    with s.begin_nested():
                        q = select(self.table).where(self.table.external_id == p.record.external_id)
                        row = s.execute(self._owned(q)).scalar_one_or_none()
                        if row is None:
                            row = self.table(**self._row_values(p))
                            s.add(row)
                        else:
                            for k, v in self._row_values(p).items():
                                setattr(row, k, v)
                        s.flush()
                        s.execute(delete(link_table).where(fk == row.id))
                        s.execute(delete(label_table).where(label_fk == row.id))
                        s.execute(
                            delete(Vector).where(Vector.kind == self.kind, Vector.ref_id == row.id)
                        )
                        links = self._link_rows(row.id, p)
                        if links:
                            s.execute(insert(link_table), links)
                        if p.labels:
                            s.execute(insert(label_table), self._label_rows(row.id, p))
                        s.execute(insert(Vector), self._vector_rows([row.id], [p], vec[None, :]))
                    ids.append(row.id)
                except Exception:  # a database refusal of one record spares the rest
                    # the reason stays in the log (with the request id): answers show no internals
                    log.warning("record %r not stored", p.record.external_id, exc_info=True)
                    p.result.status = "error"
                    p.result.errors.append(FieldError("$", "not stored: the database refused it"))
                    ids.append(None)
            stored = [i for i in ids if i is not None]
            if stored:
                s.execute(insert(IndexChange), change_rows(self.kind, stored, "upsert"))
            s.commit()
        return ids

    # -- delete -------------------------------------------------------------------------------
    def delete(self, record_id: int) -> bool:
        from models.tables import Vector

        with Session(self.rt.engine) as s:
            row = s.get(self.table, record_id)
            if row is None:
                return False
            (link_table, fk), (label_table, label_fk) = self._tables()
            s.execute(delete(link_table).where(fk == record_id))
            s.execute(delete(label_table).where(label_fk == record_id))
            s.execute(delete(Vector).where(Vector.kind == self.kind, Vector.ref_id == record_id))
            s.delete(row)
            s.execute(insert(IndexChange), change_rows(self.kind, [record_id], "delete"))
            s.commit()
        self.index.remove([record_id])
        self.index.save()
        self._changed()
        return True

    def _changed(self) -> None:
        if self.kind == "credential":
            self.rt.catalog.invalidate()

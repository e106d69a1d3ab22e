"""The catalog in memory for planning: every credential as a planner Option, and a sparse
credentials x skills matrix to pick the options for a gap in one product.

Loaded lazily from the database (the source of truth) and dropped whenever this process ingests
or deletes a credential; the next request reloads it. Unknown hours and costs get the catalog's
labelled estimates, skill credits weigh link confidence (service/catalog/effort.py), and the demo
catalog's records are left out when Settings.demo_catalog is off.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Collection, Iterable

import numpy as np
from scipy import sparse
from sqlalchemy.engine import Engine
from sqlmodel import Session

from service.catalog.audience import audience_of, audience_reader
from service.catalog.effort import Estimates, is_demo, taught_credit
from service.catalog.options import to_option
from service.config import Settings
from service.matching import Option
from service.repo import records

# credentials no longer offered (CTDL lifeCycleStatusType): never planned, still searchable
RETIRED = ("ceased", "suspended")


class CatalogCache:
    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self._lock = threading.Lock()
        self._state: tuple | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._state = None

    def _load(self) -> tuple:
        st = self.settings
        skills: dict[int, dict[int, float]] = defaultdict(dict)
        evid: dict[int, dict[int, str]] = defaultdict(dict)
        with Session(self.engine) as s:
            rows = [r for r in records.all_credentials(s) if r.life_cycle_status not in RETIRED]
            if not st.demo_catalog:
                rows = [r for r in rows if not is_demo(r.external_id)]
            for cid, sid, w, source, conf, ev in records.all_credential_skills(s):
                skills[cid][sid] = taught_credit(w, source, conf)
                if ev:
                    evid[cid][sid] = ev[0].get("text", "")[:200]
            isco = records.isco_of_uris(s, uris={u for r in rows for u in r.occupation_uris or ()})
        reader = audience_reader(st.data_dir)
        cands = [
            to_option(
                r,
                skills.get(r.id, {}),
                evid.get(r.id, {}),
                st.exchange_rates,
                st.currency,
                audience_of(r.description, (isco.get(u, "") for u in r.occupation_uris), reader),
            )
            for r in rows
        ]
        estimates = Estimates(cands, st.currency)
        cands = [estimates.apply(c) for c in cands]
        col = {sid: j for j, sid in enumerate(sorted({k for c in cands for k in c.skills}))}
        ri, ci, vals = [], [], []
        for i, c in enumerate(cands):
            for sid, w in c.skills.items():
                ri.append(i)
                ci.append(col[sid])
                vals.append(w)
        matrix = sparse.csc_matrix(
            (vals, (ri, ci)), shape=(len(cands), max(1, len(col))), dtype=np.float32
        )
        effort = np.array([c.hours_value + 0.1 * c.cost_value for c in cands], dtype=np.float32)
        by_id = {c.id: c for c in cands}
        by_ext = {c.external_id: c for c in cands}
        return cands, by_id, by_ext, col, matrix, effort

    def state(self) -> tuple:
        with self._lock:
            if self._state is None:
                self._state = self._load()
            return self._state

    def languages(self) -> frozenset[str]:
        """The languages the catalog's credentials are taught in (primary subtags, lower case)."""
        return frozenset((c.language or "").split("-")[0].lower() for c in self.state()[0])

    def get(self, ids: Iterable[int]) -> list[Option]:
        by_id = self.state()[1]
        return [by_id[i] for i in ids if i in by_id]

    def options(
        self, gap_weights: dict[int, float], *, limit: int = 150
    ) -> tuple[list[Option], dict[str, Option]]:
        """The credentials that teach most of the gap: the best `limit` by weighted gap taught per
        unit of effort, plus the best `limit // 4` by weighted gap alone; and the full lookup."""
        cands, _by_id, by_ext, col, matrix, effort = self.state()
        cols = [(col[s], w) for s, w in gap_weights.items() if s in col]
        if not cols:
            return [], by_ext
        sub = matrix[:, [j for j, _ in cols]]
        gain = np.asarray(sub @ np.array([w for _, w in cols], dtype=np.float32)).ravel()
        nz = np.flatnonzero(gain > 0)
        if len(nz) > limit:
            ratio = gain[nz] / (effort[nz] + 1.0)
            keep = set(nz[np.argpartition(-ratio, limit - 1)[:limit]].tolist())
            k2 = max(1, limit // 4)
            keep |= set(nz[np.argpartition(-gain[nz], k2 - 1)[:k2]].tolist())
            nz = np.array(sorted(keep))
        return [cands[i] for i in nz.tolist()], by_ext

    def teaching(self, skill_ids: Collection[int]) -> list[Option]:
        """Every credential that teaches any of the skills (some credit for one), by id."""
        cands, _by_id, _by_ext, col, matrix, _effort = self.state()
        cols = [col[s] for s in skill_ids if s in col]
        if not cols:
            return []
        rows = np.flatnonzero(matrix[:, cols].getnnz(axis=1) > 0)
        return [cands[i] for i in rows.tolist()]

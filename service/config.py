"""Settings: environment variables prefixed SKILLMATCH_, built once and passed in (never global)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SKILLMATCH_", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{REPO_ROOT / 'var' / 'skillmatch.db'}",
        description="Any SQLAlchemy URL; SQLite runs in WAL mode.",
    )
    data_dir: Path = Field(default=REPO_ROOT / "data", description="Taxonomy and default data.")
    index_dir: Path = Field(default=REPO_ROOT / "var" / "indexes", description="FAISS indexes.")
    model: str = Field(
        default="packaged:all-MiniLM-L6-v2",
        description="Sentence-transformers model: the packaged default, a local path or a name "
        "(fake:<dim> is a hashing encoder for tests).",
    )
    model_max_seq_length: int = 256
    encode_batch_size: int = 64
    shipped_vectors: bool = Field(
        default=True,
        description="Builds take the vectors shipped in <data_dir>/vectors for the texts they "
        "were made from (same model, exact text, a sample re-encoded and compared); false: "
        "encode every text.",
    )
    index_type: str = Field(
        default="auto",
        pattern="^(auto|flat|ivf|hnsw|ivfpq)$",
        description="Record indexes: auto (flat below index_auto_threshold vectors, ivf at or "
        "above, ivfpq past index_compress_threshold or index_memory_budget_mb), flat (exact), "
        "ivf or hnsw (approximate), ivfpq (compressed codes, exact re-ranking from disk).",
    )
    index_auto_threshold: int = Field(
        default=50_000, ge=1, description="auto: vectors from which an index is IVF, not Flat."
    )
    index_compress_threshold: int = Field(
        default=1_000_000,
        ge=0,
        description="auto: vectors from which an index is compressed (ivfpq); 0: never by size.",
    )
    index_memory_budget_mb: int = Field(
        default=0,
        ge=0,
        description="auto: an index whose vectors held whole (4 x dim + 8 bytes each) would "
        "pass this many MiB in each worker is compressed (ivfpq); 0: no budget.",
    )
    index_pq_m: int = Field(
        default=64, ge=1, le=512, description="ivfpq: code bytes a vector (a divisor of dim)."
    )
    index_pq_rerank: int = Field(
        default=200, ge=1, le=10_000, description="ivfpq: candidates re-scored exactly a query."
    )
    index_ivf_nlist: int = Field(default=0, ge=0, description="IVF lists; 0: about 2 sqrt(n).")
    index_ivf_nprobe: int = Field(default=40, ge=1, description="IVF lists searched a query.")
    index_hnsw_m: int = Field(default=32, ge=4, description="HNSW links a node.")
    index_hnsw_ef_search: int = Field(default=128, ge=1, description="HNSW search breadth.")
    index_hnsw_ef_construction: int = Field(
        default=40, ge=1, description="HNSW build breadth (more: better graph, slower build)."
    )
    index_exact_filter_max: int = Field(
        default=2_000, ge=0, description="ivf, hnsw: score up to this many allowed ids exactly."
    )
    tune_malloc: bool = Field(
        default=True,
        description="glibc: return large freed blocks to the system and cap malloc arenas "
        "(see service.runtime.tune_malloc); keeps a worker's memory flat under load.",
    )
    torch_threads: int = Field(
        default=0,
        ge=0,
        le=256,
        description="torch's intra-op threads in each serving process; 0: with `serve "
        "--workers N` the cores divided by N (at least 1), in one process torch's default.",
    )
    linker_cache_size: int = Field(
        default=20_000,
        ge=0,
        description="Query vectors of recently linked texts kept per process (about 1.5 KB "
        "each at 384-d); 0: none.",
    )
    linker_vocabulary: bool = Field(
        default=True,
        description="Keep the query vectors of the skill labels' words (about 14k, 21 MB), "
        "encoded once at the build and saved with the indexes: extraction does not encode "
        "them per request (indexing/vocabulary.py).",
    )
    linker_short_precision: str = Field(
        default="auto",
        pattern="^(auto|bf16|fp32)$",
        description="Precision of the encoder for extraction's phrases and n-grams "
        "(indexing/short_encoder.py): auto (default: bfloat16 where the CPU multiplies it "
        "natively, else float32), bf16, fp32. Sentences, stored vectors and ranking stay "
        "float32.",
    )
    linker_first_pass: str = Field(
        default="auto",
        pattern="^(auto|bf16|exact)$",
        description="Extraction's pass over every label that picks each unit's candidate "
        "skills (indexing/first_pass.py): auto (bfloat16 where the CPU multiplies it natively; "
        "the candidates are re-scored in float32 within its error bound, so the same skills and "
        "scores), bf16, exact (float32 over every label).",
    )
    include_onet: bool = Field(default=True, description="Add O*NET technology skills to ESCO.")
    max_text_chars: int = Field(
        default=20_000,
        ge=1,
        description="Longest text linked (an extraction's text, CV text, a role's description, a "
        "badge's text) for a caller with an API key.",
    )
    # anonymous callers (no API key) get less work per request (service/caller_limits.py)
    anonymous_max_text_chars: int = Field(
        default=5_000, ge=1, description="max_text_chars for a caller without an API key."
    )
    anonymous_max_learner_skills: int = Field(
        default=50, ge=0, le=200, description="Declared learner skills without an API key (200)."
    )
    anonymous_max_badges: int = Field(
        default=5, ge=0, le=50, description="Learner badges without an API key (50 with one)."
    )
    max_query_chars: int = 1_000
    max_batch_records: int = 1_000
    ingest_extract: str = Field(
        default="if_no_explicit",
        description="Extract skills from ingested text: always | if_no_explicit | never.",
        pattern="^(always|if_no_explicit|never)$",
    )
    extract_max_skills: int = Field(default=25, description="Skills kept per ingested text.")
    load_default_data: bool = Field(default=True, description="Load the demo catalog and postings.")
    demo_catalog: bool = Field(
        default=True,
        description="Use the generated demo catalog (ids demo:cred:...): false: the default data "
        "loader skips it and plans leave out its stored records (a portal's own catalog alone).",
    )
    # planning (service/matching): plan length, what a step must add, unknown hours and costs
    plan_max_steps: int = Field(
        default=8, ge=1, le=30, description="Steps in a plan at most (prerequisites included)."
    )
    plan_min_gain_per_hour: float = Field(
        default=0.003,
        ge=0,
        le=1,
        description="Least gap weight a step adds per hour of study (an essential skill weighs "
        "weight_essential: 0.003 = one skill per 333 h); 0: any step that adds something.",
    )
    plan_step_overhead_hours: float = Field(
        default=100.0,
        ge=0,
        le=1000,
        description="Hours-equivalent charged per step on top of its hours, in what the planner "
        "minimises and in its floor (100 x 0.003: a step adds 0.3 of an essential skill more "
        "than its hours need): fewer, larger credentials when they teach as much; 0: none.",
    )
    plan_optional_min_gain_per_hour: float = Field(
        default=0.01,
        ge=0,
        le=1,
        description="Least gap weight an optional step (one closing no essential skill) adds per "
        "charged hour; never below plan_min_gain_per_hour.",
    )
    plan_min_focus: float = Field(
        default=0.35,
        ge=0,
        le=1,
        description="A credential with less than this share of its teaching on the target role "
        "(service/matching/focus.py) counts only for skills no credential aimed at the role "
        "teaches as well; 0: off.",
    )
    plan_off_role_focus: float = Field(
        default=0.3,
        ge=0,
        le=1,
        description="A credential with less than this share of its teaching on the target role "
        "is no step for a skill it teaches only in part (service/matching/focus.py); 0: off.",
    )
    plan_aim_hours_ratio: float = Field(
        default=1.5,
        ge=0,
        le=10,
        description="A credential stated for other work counts for a skill only where none "
        "not aimed elsewhere teaches it as well within this many times its hours "
        "(service/matching/aim.py); 0: off.",
    )
    plan_taught_min: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="What a step adds to a skill the plan's other steps already teach to this "
        "credit does not count towards its gain per hour (no step only to top up; "
        "service/matching/stages.py); 0: off.",
    )
    plan_fair_share: float = Field(
        default=0.35,
        ge=0,
        le=1,
        description="An essential step must add this share of its plan's gain per charged hour "
        "(the weakest below it struck first; service/matching/fair_share.py); 0: off.",
    )
    plan_study_share: float = Field(
        default=0.25,
        ge=0,
        le=1,
        description="An essential step adding less than this share of its plan's gain per hour "
        "of study gives way to a shorter credential that teaches one of its skills as well "
        "(service/matching/fair_share.py, shorter_steps); 0: off.",
    )
    plan_generic_weight: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="What a generic skill (an attitude ESCO files only as transversal: handle "
        "stressful situations; service/profiles/generic.py) is worth in choosing a plan's steps, "
        "as a share of its weight; coverage counts it in full. 1: off.",
    )
    plan_unknown_effort: str = Field(
        default="estimate",
        pattern="^(estimate|exclude)$",
        description="Hours or a cost a credential does not state, under a budget: estimate "
        "(count the catalog's labelled estimate) or exclude (leave it out, saying why).",
    )
    # matching: role weights, trust in each kind of learner evidence, partial credit
    weight_essential: float = 1.0
    weight_optional: float = 0.5
    weight_onet_tool: float = Field(default=0.3, description="O*NET hot tools of an occupation.")
    opening_occupation_weight: float = Field(
        default=2.0,
        ge=0,
        description="How many essential skills the essentials of a posting's occupation weigh "
        "together where the posting names none; L / (1 + L x the weight it names) beside its own "
        "(service/profiles/opening_prior.py); 0: off.",
    )
    demand_min_share: float = Field(default=0.1, description="Share of postings asking a skill.")
    trust_catalog: float = Field(default=0.9, description="A held catalog credential.")
    trust_badge_unverified: float = Field(default=0.7, description="An uploaded, unverified badge.")
    trust_badge_verified: float = Field(
        default=0.95, description="A badge whose signature, dates, status and recipient check out."
    )
    max_candidates_page: int = Field(default=100, description="Largest page of ranked matches.")
    trust_declared: float = Field(default=0.6, description="A skill the learner declares.")
    trust_text: float = Field(default=0.6, description="A skill found in CV text.")
    partial_hierarchy_credit: float = Field(default=0.6, description="Broader/narrower skill.")
    partial_similarity_min: float = Field(default=0.8, description="Skill-skill cosine floor.")
    partial_similarity_scale: float = Field(default=0.9, description="credit = cosine x this.")
    partial_synonym_credit: float = Field(
        default=0.9,
        description="A near-synonym by ESCO's labels (service/profiles/synonyms.py); 0: off.",
    )
    currency: str = Field(default="EUR", description="Plans total costs in this currency.")
    exchange_rates: dict[str, float] = Field(
        default={"EUR": 1.0, "USD": 0.92, "GBP": 1.17},
        description="Units of `currency` per unit of each other currency (approximate, demo).",
    )
    role_reading_min_score: float = Field(
        default=0.88,
        description="A CV phrase read again for the target role's skills: the least dense "
        "score (label cosine + description share) that counts as saying the skill plainly.",
    )
    role_reading_max_rank: int = Field(
        default=3,
        description="...and the most skills of the taxonomy the phrase may read better (-1: "
        "no reading for the role).",
        ge=-1,
        le=50,
    )
    role_reading_margin: float = Field(
        default=0.25, description="...and how far below the phrase's best reading it may be."
    )
    roles_level_step_factor: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Role suggestions: a role two or more ISCO skill levels above the learner's "
        "own job has its score multiplied by this for each level past the first (1: no effect).",
    )
    gap_partial_min: float = 0.5
    gap_covered_min: float = 0.8
    sync_interval_s: float = Field(
        default=1.0, description="How often a worker replays index changes made by others."
    )
    index_change_keep_s: float = Field(
        default=86_400.0,
        description="Index changes older than this are pruned (hourly, by any worker); a worker "
        "behind pruned changes rebuilds from the stored vectors. 0: never prune.",
    )
    jsonld_contexts: Path | None = Field(
        default=None,
        description="A folder of JSON-LD context files (index.json: URL -> file) that "
        "`skillmatch init` and `serve --init` import into the database, as `skillmatch contexts "
        "import DIR` does: what eddsa-rdfc-2022 / ecdsa-rdfc-2019 proofs need (never fetched).",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    progress: bool = Field(default=True, description="Show progress bars on builds.")
    # observability and limits (service/api/observability.py, service/api/limits.py)
    log_json: bool = Field(default=True, description="`serve` logs one JSON object per line.")
    log_level: str = Field(default="INFO", description="Root log level of `serve`.")
    metrics_enabled: bool = Field(default=True, description="Serve /metrics; false: 404.")
    metrics_token: SecretStr | None = Field(
        default=None, description="When set, /metrics needs `Authorization: Bearer <token>`."
    )
    metrics_private_counts: bool = Field(
        default=False, description="/metrics counts tenants' private openings too (else public)."
    )
    metrics_multiprocess_dir: Path | None = Field(
        default=None,
        description="Where `serve --workers N` makes the fresh folder of its workers' metric "
        "files (prometheus-client's multiprocess mode); default: the system's temporary folder.",
    )
    max_body_bytes: int = Field(
        default=8 * 1024 * 1024, ge=1, description="Largest request body; larger answer 413."
    )
    request_timeout_s: float = Field(
        default=30.0,
        description="Time limit of the heavy POST routes (match, gap, extract, ingest); "
        "503 after it; 0 disables.",
    )
    rate_limit_per_minute: int = Field(
        default=600,
        ge=0,
        description="Requests a minute per valid API key (else client address); 0: off.",
    )
    rate_limit_burst: int = Field(default=100, ge=1, description="Requests allowed at once.")
    rate_limit_backend: str = Field(
        default="memory",
        pattern="^(memory|redis)$",
        description="memory (each process counts alone) or redis (shared by all instances).",
    )
    forwarded_allow_ips: str = Field(
        default="",
        description="Proxies trusted to name the client in X-Forwarded-For / X-Forwarded-Proto "
        "(comma-separated addresses or networks, '*': any; uvicorn's --forwarded-allow-ips). "
        "Empty: none; the client is the address that connects.",
    )
    cors_allow_origins: str = Field(
        default="",
        description="Origins whose web pages may call the API from a browser (CORS): "
        "comma-separated, e.g. `https://portal.example.org`; '*': any. Empty: none (same "
        "origin only). Keys travel in headers, never cookies, so no credentials mode.",
    )
    redis_url: str = Field(default="redis://127.0.0.1:6379/0", description="Redis for limits.")
    rate_limit_redis_prefix: str = Field(
        default="skillmatch:ratelimit:", description="Prefix of the Redis rate-limit keys."
    )

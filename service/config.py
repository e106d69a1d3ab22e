"""Settings: environment variables prefixed SKILLMATCH_, built once and passed in (never global)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
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
        description="Sentence-transformers model: the packaged default, a local path or a name.",
    )
    model_max_seq_length: int = 256
    encode_batch_size: int = 64
    index_type: str = Field(default="flat", description="flat (exact) or hnsw (approximate).")
    include_onet: bool = Field(default=True, description="Add O*NET technology skills to ESCO.")
    max_text_chars: int = Field(default=20_000, description="Longest text accepted for extraction.")
    max_query_chars: int = 1_000
    max_batch_records: int = 1_000
    extract_max_skills: int = Field(default=25, description="Skills kept per ingested text.")
    load_default_data: bool = Field(default=True, description="Load the demo catalog and postings.")
    host: str = "127.0.0.1"
    port: int = 8000
    progress: bool = Field(default=True, description="Show progress bars on builds.")

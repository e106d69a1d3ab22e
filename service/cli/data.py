"""CLI commands for records: `skillmatch ingest` and `skillmatch bench`."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path


def read_documents(path: Path, kind: str) -> list:
    """Documents of a file: .json (object or list), .jsonl, .csv, each optionally .gz."""
    from service.ingest.parsers import iter_jsonl, parse_csv

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    name = path.name.removesuffix(".gz")
    if name.endswith(".csv"):
        return [r for _pos, r in parse_csv(text, kind)]
    if name.endswith((".jsonl", ".ndjson")):
        return [r for _pos, r in iter_jsonl(text)]
    body = json.loads(text)
    if isinstance(body, dict) and isinstance(body.get("documents"), list):
        return body["documents"]
    return body if isinstance(body, list) else [body]


def cmd_ingest(args, settings) -> int:
    from service.ingest.pipeline import Ingestor
    from service.runtime import build_runtime, progress_bar

    runtime = build_runtime(settings)
    kind = args.kind.rstrip("s")
    ingestor = Ingestor(runtime, kind)
    totals: dict[str, int] = {}
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            docs = read_documents(path, args.kind)
        except (OSError, ValueError) as exc:
            print(f"{path}: cannot read: {exc}", file=sys.stderr)
            failed += 1
            continue
        with progress_bar(len(docs), path.name, settings.progress) as advance:
            result = ingestor.ingest(docs, args.format, progress=advance)
        for item in result.items:
            for e in item.errors:
                print(f"{path}: record {item.position}: {e.field}: {e.message}", file=sys.stderr)
        for k, v in result.summary.items():
            totals[k] = totals.get(k, 0) + v
        print(f"{path}: " + ", ".join(f"{k} {v}" for k, v in result.summary.items()))
    print("total: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
    return 1 if failed or totals.get("error") else 0


EMPLOYER_KEYS = ("candidates", "p50_ms", "p99_ms", "goal_p99_ms", "cpu_p50_ms", "cpu_p99_ms",
                 "reference_per_candidate_gap_ms", "speedup_vs_reference_p50")  # fmt: skip
ROLES_KEYS = ("occupations", "p50_ms", "p99_ms", "goal_p99_ms", "cpu_p50_ms", "cpu_p99_ms",
              "reference_gap_per_occupation_ms", "speedup_vs_reference_p50")  # fmt: skip


EXTRACT_KEYS = ("postings", "extract", "raw_encoder_sentences", "ratio_p50", "ratio_p99",
                "ratio_of_totals", "goal_met")  # fmt: skip


def _pick(part: dict, keys) -> dict:
    """The figures of a bench part that go into the report's summary, in `keys` order."""
    return {k: part[k] for k in keys}


def _extract_part(args, settings, report: dict) -> None:
    """The `extract` part into `report` (service/bench/extract.py)."""
    from service.bench.extract import run_extract_bench

    report["extract"] = run_extract_bench(
        settings, n_postings=args.extract_postings, n_exact=args.extract_exact
    )
    report["summary"]["extract"] = _pick(report["extract"], EXTRACT_KEYS)


def cmd_bench(args, settings) -> int:
    from service.bench.ingest import run_bench
    from service.bench.report import table

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    def save(report: dict) -> None:  # after each part: a run cut short keeps what it measured
        out.write_text(json.dumps(report, indent=2))

    report = run_bench(settings, n_credentials=args.credentials, n_postings=args.postings)
    save(report)
    if args.sizes:
        from service.bench.recommend import run_recommend_bench

        sizes = tuple(int(x) for x in args.sizes.split(","))
        report["recommendations"] = run_recommend_bench(
            settings, sizes=sizes, n_requests=args.requests
        )
        report["summary"]["recommendations"] = {
            size: {k: v[k] for k in ("p50_ms", "p99_ms", "faiss_alone_p50_ms", "p50_vs_faiss_alone",
                                     "stage_share")}
            for size, v in report["recommendations"]["sizes"].items()
        }  # fmt: skip
        save(report)
    if args.candidates:
        from service.bench.employer import run_employer_bench

        report["employer_ranking"] = run_employer_bench(
            settings, n_candidates=args.candidates, n_requests=args.requests
        )
        report["summary"]["employer_ranking"] = _pick(report["employer_ranking"], EMPLOYER_KEYS)
        save(report)
    if getattr(args, "role_learners", 0):
        from service.bench.roles import run_roles_bench

        report["roles"] = run_roles_bench(settings, n_learners=args.role_learners)
        report["summary"]["roles"] = _pick(report["roles"], ROLES_KEYS)
        save(report)
    if getattr(args, "extract_postings", 0):
        _extract_part(args, settings, report)
        save(report)
    if args.load_seconds:
        from service.bench.load import run_load_bench

        report["load"] = run_load_bench(
            settings, seconds=args.load_seconds, clients=args.load_clients
        )
        load = report["load"]
        report["summary"]["load"] = {
            "workers": load["workers"],
            **_pick(load["load"], ("throughput_rps", "p50_ms", "p99_ms", "errors")),
            **_pick(load, ("rss_start_mb", "rss_end_mb", "rss_growth", "throughput_vs_one_client")),
        }
        save(report)
    if getattr(args, "index_sizes", ""):
        from service.bench.index import run_index_bench, summary

        report["index"] = run_index_bench(
            settings,
            sizes=tuple(int(x) for x in args.index_sizes.split(",")),
            types=tuple(args.index_types.split(",")),
        )
        report["summary"]["index"] = summary(report["index"])
        save(report)
    if getattr(args, "large_index_sizes", ""):
        _bench_large_indexes(args, settings, report, save)
    if getattr(args, "encoders", False):
        from service.bench.encoders import run_encoder_bench

        report["encoders"] = run_encoder_bench(settings, model2vec_path=args.model2vec)
        report["summary"]["encoders"] = {
            k: {kind: v[kind]["texts_per_s"] for kind in ("short", "long")}
            for k, v in report["encoders"].items()
            if isinstance(v, dict) and "short" in v
        }
        save(report)
    print(table(report))
    print(f"written: {out}")
    return 0


def _bench_large_indexes(args, settings, report: dict, save) -> None:
    from service.bench.index_large import run_large_index_bench, summary

    def on_row(part: dict) -> None:
        report["index_large"] = part
        report["summary"]["index_large"] = summary(part)
        save(report)

    sizes = tuple(int(x) for x in args.large_index_sizes.split(","))
    on_row(run_large_index_bench(settings, sizes=sizes, on_row=on_row))


def cmd_distill(args, settings) -> int:
    from indexing.static_model import distill_static_model

    out = distill_static_model(args.out, pca_dims=args.pca_dims or None)
    print(f"written: {out} (use it with SKILLMATCH_MODEL=model2vec:{out})")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text}")
    return value


def _nonnegative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {text}")
    return value


def cmd_embed(args, settings) -> int:
    from service.cli.embed import embed_missing, parse_shard

    if args.ray is not None:
        if args.shard != "0/1":
            raise SystemExit("embed: --ray and --shard exclude each other (Ray spreads the work)")
        from service.cli.embed_ray import embed_missing_ray

        for kind in args.kinds:
            out = embed_missing_ray(
                settings,
                kind.rstrip("s"),
                address=args.ray or None,
                num_cpus=args.ray_cpus,
                actors=args.actors,
                batch=args.batch,
            )
            print(json.dumps(out), flush=True)
        return 0
    shard = parse_shard(args.shard)
    for kind in args.kinds:
        out = embed_missing(settings, kind.rstrip("s"), shard=shard, batch=args.batch)
        print(json.dumps(out), flush=True)
    return 0


def cmd_title_memory(args, settings) -> int:
    from service.titles.memory import MEMORY_FILE, write_memory

    shared = Path(args.shared)
    out = Path(args.out) if args.out else Path(settings.data_dir) / MEMORY_FILE
    n = write_memory(
        shared / "onet-29.2", shared / "melo" / "onet_to_esco_crosswalk_usa_en.json", out
    )
    print(json.dumps({"titles": n, "out": str(out)}))
    return 0


def add_data_commands(sub) -> None:
    s = sub.add_parser(
        "title-memory",
        help="write the known job titles (O*NET titles' development part, ESCO by crosswalk)",
    )
    s.add_argument("shared", nargs="?", default="../shared/data")
    s.add_argument("--out", default=None, help="default: <data_dir>/onet/title_memory.tsv.gz")
    s.set_defaults(func=cmd_title_memory)

    s = sub.add_parser("ingest", help="ingest credentials or postings from files")
    s.add_argument("kind", choices=["credentials", "postings"])
    s.add_argument("files", nargs="+")
    s.add_argument(
        "--format",
        default=None,
        help="native|ob2|ob3|ctdl|schema_org (detected per document when absent)",
    )
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("bench", help="ingest throughput beside the raw encoder, as JSON")
    s.add_argument("--out", default="bench/report.json")
    s.add_argument("--credentials", type=int, default=300)
    s.add_argument("--postings", type=int, default=60)
    s.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="catalog sizes for the recommendation latency ('' to skip)",
    )
    s.add_argument("--requests", type=int, default=200)
    s.add_argument(
        "--candidates", type=int, default=10_000, help="employer ranking bench size (0 to skip)"
    )
    s.add_argument(
        "--role-learners",
        type=int,
        default=200,
        help="POST /v1/roles/suggest bench: learners (0 to skip)",
    )
    s.add_argument(
        "--extract-postings",
        type=int,
        default=60,
        help="skill extraction beside the raw encoder: SkillSpan postings (0 to skip)",
    )
    s.add_argument(
        "--extract-exact", type=int, default=10, help="of those, also timed on the exact path"
    )
    s.add_argument("--load-seconds", type=float, default=60, help="load scenario (0 to skip)")
    s.add_argument("--load-clients", type=int, default=8)
    s.add_argument(
        "--index-sizes",
        default="10000,100000,1000000",
        help="FAISS index types at these vector counts ('' to skip)",
    )
    s.add_argument("--index-types", default="flat,ivf,hnsw")
    s.add_argument(
        "--large-index-sizes",
        default="",
        help="the compressed index (ivfpq) beside ivf at these counts, e.g. 1000000,2000000 "
        "(make bench passes them; '' to skip)",
    )
    s.add_argument(
        "--encoders",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="encoder texts/s per backend",
    )
    s.add_argument("--model2vec", default="var/models/m2v", help="a `skillmatch distill` output")
    s.set_defaults(func=cmd_bench)

    _add_embed_command(sub)

    s = sub.add_parser("distill", help="distill a model2vec static model from the default model")
    s.add_argument("--out", default="var/models/m2v")
    s.add_argument("--pca-dims", type=int, default=256)
    s.set_defaults(func=cmd_distill)


def _add_embed_command(sub) -> None:
    s = sub.add_parser(
        "embed", help="bulk-embed records without a vector for the model, one shard of them"
    )
    s.add_argument("kinds", nargs="*", default=["credentials", "postings"],
                   choices=["credentials", "postings"])  # fmt: skip
    s.add_argument("--shard", default="0/1", help="I/N: the records whose id mod N is I")
    s.add_argument("--batch", type=_positive, default=1000, help="records a transaction")
    s.add_argument(
        "--ray",
        nargs="?",
        const="",
        default=None,
        metavar="ADDRESS",
        help="run as a Ray Data job: on the cluster at ADDRESS (auto, host:6379, "
        "ray://host:10001), or without one on a local Ray (--ray-cpus); needs '.[ray]'",
    )
    s.add_argument("--ray-cpus", type=_positive, default=2, help="CPUs of a local Ray")
    s.add_argument(
        "--actors", type=_nonnegative, default=0, help="Ray encoder actors (0: one a CPU)"
    )
    s.set_defaults(func=cmd_embed)

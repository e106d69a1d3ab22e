"""Command line: `skillmatch serve|init|eval|ingest|bench`. Heavy imports happen inside commands."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from service.config import Settings
from service.threads import ENV as THREADS_ENV
from service.threads import apply_torch_threads, worker_threads


def init_runtime(settings: Settings, *, reread: bool = False):
    """The runtime of `skillmatch init`: the database, indexes and (by default) the default data
    loaded (read again when `reread`, even where its files, model and reading code are
    unchanged), the catalog read into memory."""
    from service.runtime import build_runtime

    t0 = time.perf_counter()
    runtime = build_runtime(settings)
    from service.defaults import load_default_data

    if settings.load_default_data:
        load_default_data(runtime, force=reread)
    if settings.jsonld_contexts is not None:
        from service.profiles.contexts import import_folder

        done = import_folder(runtime.engine, settings.jsonld_contexts)
        logging.getLogger("skillmatch").info(
            "JSON-LD contexts from %s: %s",
            settings.jsonld_contexts,
            {k: len(v) for k, v in done.items()},
        )
    runtime.catalog.state()  # load the in-memory catalog now, not on the first request
    logging.getLogger("skillmatch").info("runtime ready in %.1f s", time.perf_counter() - t0)
    return runtime


def cmd_init(args, settings: Settings) -> int:
    runtime = init_runtime(settings, reread=getattr(args, "reread", False))
    print(f"ready: {len(runtime.skills)} skills, {len(runtime.occupations)} occupation labels")
    return 0


def proxy_options(settings: Settings) -> dict:
    """uvicorn's options for X-Forwarded-For / X-Forwarded-Proto: trusted only from the proxies
    in `forwarded_allow_ips` (uvicorn's own default trusts them from 127.0.0.1, so any local
    process could name itself any client and get a fresh rate-limit bucket)."""
    trusted = settings.forwarded_allow_ips.strip()
    if not trusted:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": trusted}


@contextmanager
def metrics_folder(settings: Settings) -> Iterator[Path]:
    """A fresh folder for the workers' metric files (under `metrics_multiprocess_dir`, else the
    system's temporary folder), removed when the server stops: counts start at zero with each
    start, and outlive a worker that dies and is replaced."""
    base = settings.metrics_multiprocess_dir
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="skillmatch-metrics-", dir=base))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def env_var(name: str, value: str) -> Iterator[None]:
    """`name` set to `value` in the environment while the workers run (each spawned worker reads
    it), and put back as it was after: a process that goes on (a test, a caller of cmd_serve)
    must not hand it on to the servers it starts later."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def multiproc_env(folder):
    """PROMETHEUS_MULTIPROC_DIR set to `folder` while the workers run (prometheus-client reads it
    as each spawned worker imports it: multiprocess mode)."""
    return env_var("PROMETHEUS_MULTIPROC_DIR", str(folder))


def cmd_serve(args, settings: Settings) -> int:
    import uvicorn

    from service.api.app import create_app
    from service.api.observability import configure_logging

    configure_logging(settings)  # JSON lines unless SKILLMATCH_LOG_JSON=false
    workers = max(1, args.workers or 1)
    if workers > 1:
        # Data and indexes are prepared once here; each worker process then loads them (and
        # its own model) in its lifespan, and replays the others' writes from the database.
        if args.init:
            init_runtime(settings)
        threads = worker_threads(settings.torch_threads, workers)
        print(
            f"serving on http://{args.host}:{args.port} with {workers} workers "
            f"({threads} torch thread{'s' if threads > 1 else ''} each)",
            flush=True,
        )
        with (
            metrics_folder(settings) as folder,
            multiproc_env(folder),
            env_var(THREADS_ENV, str(threads)),
        ):
            uvicorn.run(
                "service.api.app:create_app_from_env",
                factory=True,
                host=args.host,
                port=args.port,
                workers=workers,
                log_level="info",
                log_config=None,
                access_log=False,
                **proxy_options(settings),
            )
        return 0
    if args.init:
        apply_torch_threads(settings.torch_threads)  # else the app's lifespan does it
    runtime = init_runtime(settings) if args.init else None
    if runtime is not None and settings.tune_malloc:  # else the app's lifespan does it
        from service.runtime import tune_malloc

        tune_malloc()
    app = create_app(settings, runtime=runtime)
    print(f"serving on http://{args.host}:{args.port}  (API docs: /docs)", flush=True)
    # uvicorn's loggers go through the root handler; the app logs each request itself
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="info",
        log_config=None,
        access_log=False,
        **proxy_options(settings),
    )
    return 0


def cmd_eval_linking(args, settings: Settings) -> int:
    from indexing.linker import SkillLinker
    from service.evaluation.linking import evaluate_linking, read_linking_csv
    from service.runtime import build_runtime

    settings = settings.model_copy(update={"load_default_data": False})
    runtime = build_runtime(settings)
    linker: SkillLinker = runtime.linker
    examples = read_linking_csv(args.file)

    def rank(sentences: list[str]) -> list[list[str]]:
        hits = linker.link_many(sentences, k=args.k, sources={"esco"})
        return [[h.preferred_label for h in row] for row in hits]

    t0 = time.perf_counter()
    result = evaluate_linking(examples, rank)
    result = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in result.items()}
    result["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{args.file}: n={result['n']}  RP@5={result['rp5']:.1f}  "
            f"RP@10={result['rp10']:.1f}  MRR={result['mrr']:.1f}  ({result['seconds']} s)"
        )
    return 0


def cmd_eval_extraction(args, settings: Settings) -> int:
    from service.evaluation.extraction import format_extraction, run_extraction_eval
    from service.evaluation.fixtures import format_fixture, run_fixture_eval
    from service.runtime import build_runtime

    runtime = build_runtime(settings.model_copy(update={"load_default_data": False}))
    t0 = time.perf_counter()
    if str(args.file).endswith(".json"):
        result, show = run_fixture_eval(runtime.linker, args.file), format_fixture
    else:
        result, show = run_extraction_eval(runtime.linker, args.file), format_extraction
    result["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(result) if args.json else f"{args.file}:\n{show(result)}")
    return 0


def cmd_eval_planning(args, settings: Settings) -> int:
    from service.runtime import build_runtime

    runtime = build_runtime(settings.model_copy(update={"load_default_data": False}))
    if args.set == "career-change":
        from service.evaluation.career_planning import (
            format_career_change,
            run_career_change_eval,
        )

        result = run_career_change_eval(runtime, args.data, n_pairs=args.pairs, seed=args.seed)
        print(json.dumps(result) if args.json else format_career_change(result))
        return 0
    from service.evaluation.planning import run_planning_eval

    result = run_planning_eval(runtime, n_roles=args.roles, seed=args.seed)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['n_roles']} roles: plan covers {result['coverage']:.3f} of the coverable "
            f"essential gap (optimum {result['optimum_coverage']:.3f}) at "
            f"{result['hours_ratio_vs_optimum']:.3f}x the optimum's hours; baseline (top-k by "
            f"vector similarity) covers {result['baseline_coverage']:.3f} at "
            f"{result['baseline_hours_ratio']:.3f}x ({result['seconds']} s)"
        )
    return 0


def cmd_eval_titles(args, settings: Settings) -> int:
    from service.evaluation.titles import run_title_eval
    from service.runtime import build_runtime

    runtime = build_runtime(settings.model_copy(update={"load_default_data": False}))
    shared = Path(args.shared)
    result = run_title_eval(
        runtime,
        melo=shared / "melo" if args.set in ("melo", "all") else None,
        onet=shared / "onet-29.2" if args.set in ("noisy", "all") else None,
        crosswalk=shared / "melo" / "onet_to_esco_crosswalk_usa_en.json",
        split=args.split,
        limit=args.limit,
    )
    if args.json:
        print(json.dumps(result))
        return 0
    for name, by_ranker in result.items():
        for ranker, m in by_ranker.items():
            print(
                f"{name:<11} {ranker:<13} n={m['n']:<6} MRR={m['mrr']:5.1f}  "
                f"acc@1={m['acc@1']:5.1f}  recall@5={m['recall@5']:5.1f}  "
                f"recall@10={m['recall@10']:5.1f}"
            )
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="skillmatch", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="serve the HTTP API")
    s.add_argument("--init", action="store_true", help="load data and build indexes first")
    s.add_argument("--host", default=None)
    s.add_argument("--port", type=int, default=None)
    s.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("init", help="load the taxonomy and default data, build the indexes")
    s.add_argument(
        "--reread",
        action="store_true",
        help="read the default data again (after changing a reading threshold by SKILLMATCH_*)",
    )
    s.set_defaults(func=cmd_init)

    ev = sub.add_parser("eval", help="evaluations").add_subparsers(dest="what", required=True)
    s = ev.add_parser("linking", help="skill linking on a TECH/HOUSE benchmark CSV")
    s.add_argument("file")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.add_argument("-k", type=int, default=100, help="ranked list length (MRR sees this many)")
    s.set_defaults(func=cmd_eval_linking)
    s = ev.add_parser(
        "extraction",
        help="set P/R/F1 of extraction and stated-name links at the defaults (TECH/HOUSE CSV), "
        "or a fixture of CV lines or stated names (tests/fixtures/*.json)",
    )
    s.add_argument("file")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(func=cmd_eval_extraction)
    s = ev.add_parser(
        "planning",
        help="plans for synthetic learners on ESCO occupations (--set synthetic) or for career "
        "moves between related occupations with an hour budget (--set career-change)",
    )
    s.add_argument(
        "data",
        nargs="?",
        default="../shared/data",
        help="career-change: folder with onet-29.2/ and melo/ (default ../shared/data)",
    )
    s.add_argument("--set", choices=("synthetic", "career-change"), default="synthetic")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.add_argument("--roles", type=int, default=200, help="synthetic: occupations")
    s.add_argument("--pairs", type=int, default=300, help="career-change: career moves")
    s.add_argument("--seed", type=int, default=11)
    s.set_defaults(func=cmd_eval_planning)
    s = ev.add_parser("titles", help="job-title resolution: MELO and the noisy O*NET titles")
    s.add_argument(
        "shared", nargs="?", default="../shared/data", help="folder with melo/ and onet-29.2/"
    )
    s.add_argument("--set", choices=("melo", "noisy", "all"), default="all")
    s.add_argument(
        "--split",
        choices=("dev", "test"),
        default="test",
        help="noisy set part (dev titles are in the memory)",
    )
    s.add_argument("--limit", type=int, default=None, help="first N noisy titles (quick look)")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(func=cmd_eval_titles)

    from service.cli.admin import add_admin_commands
    from service.cli.contexts import add_contexts_commands
    from service.cli.data import add_data_commands
    from service.cli.vectors import add_vectors_command

    add_data_commands(sub)
    add_vectors_command(sub)
    add_admin_commands(sub)
    add_contexts_commands(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    settings = Settings()
    if getattr(args, "host", None):
        settings = settings.model_copy(update={"host": args.host})
    if getattr(args, "port", None):
        settings = settings.model_copy(update={"port": args.port})
    if args.command == "serve":
        args.host, args.port = settings.host, settings.port
    return args.func(args, settings)


if __name__ == "__main__":
    sys.exit(main())

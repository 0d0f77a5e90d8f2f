"""The ``pelibot`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from data_prep.layout import MIN_MOVIES

if TYPE_CHECKING:
    from bot.settings import Settings
    from data_prep.source import DownloadFailed
    from handlers.service import MovieService


def _settings(command: str) -> Settings | None:
    """The settings, or None after saying in one line which variable is unusable."""
    from bot.settings import Settings, SettingsError

    try:
        return Settings.from_env()
    except SettingsError as error:
        print(f"pelibot {command}: {error}", file=sys.stderr)
        return None


def _data_dir(args: argparse.Namespace, settings: Settings) -> Path:
    """``--data``, else the setting ``PELIBOT_DATA_DIR`` (default ``data/``)."""
    return Path(args.data) if args.data else settings.data_dir


def _prepare(args: argparse.Namespace) -> int:
    from data_prep.layout import DataDirBusy
    from data_prep.pipeline import BuildRefused, format_report, prepare
    from data_prep.sample import sample_files
    from data_prep.source import DownloadFailed, RawDataUnavailable, locate

    settings = _settings("prepare")
    if settings is None:
        return 2
    out = args.out or settings.data_dir
    offline: DownloadFailed | None = None
    if args.sample:
        files = sample_files()
    else:
        try:
            files = locate(
                args.raw,
                args.keywords,
                configured=settings.raw_csv,
                configured_keywords=settings.keywords_csv,
                data_dir=out,
                credits=args.credits,
                configured_credits=settings.credits_csv,
            )
        except DownloadFailed as failed:  # nothing at hand and no Kaggle: the built-in sample
            files, offline = sample_files(), failed
        except RawDataUnavailable as error:
            print(f"pelibot prepare: {error}", file=sys.stderr)
            return 1
    extra = [str(p) for p in (files.keywords, files.credits) if p]
    print(f"Reading {files.movies}" + "".join(f" and {p}" for p in extra))
    try:
        result = prepare(files, out, force=args.force, wait=args.wait)
    except DataDirBusy as error:
        print(f"pelibot prepare: {error}", file=sys.stderr)
        return 1
    except BuildRefused as refused:
        print(format_report(refused.manifest))
        if offline is not None:
            print(f"pelibot prepare: {offline}", file=sys.stderr)
        print(f"pelibot prepare: {refused}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"pelibot prepare: could not build the catalog: {error}", file=sys.stderr)
        return 1
    print(format_report(result.manifest))
    print(f"Written to {result.build_dir}")
    if result.manifest.get("sample"):
        print(sample_notice(result.manifest["rows"], offline))
    return 0


def sample_notice(movies: int, failed: DownloadFailed | None) -> str:
    """The one line that says a sample was built, why, and how to get the whole catalog."""
    count = f"{movies:,}".replace(",", ".")  # Spanish digit grouping: 1.698
    if failed is None:
        why = "Catálogo de muestra"
    elif failed.offline:
        why = "Sin conexión: catálogo de muestra"
    else:
        why = f"No se pudo descargar de Kaggle ({failed.cause}): catálogo de muestra"
    return (
        f"{why} de {count} películas. "
        "Para el completo: pelibot prepare --raw RUTA/movies_metadata.csv"
    )


def _load_service(args: argparse.Namespace, command: str) -> MovieService | None:
    from bot.loading import load_service
    from handlers.catalog import CatalogError

    settings = _settings(command)
    if settings is None:
        return None
    try:
        return load_service(_data_dir(args, settings))
    except CatalogError as error:
        print(f"pelibot {command}: {error}", file=sys.stderr)
        return None


def _ask(args: argparse.Namespace) -> int:
    from bot.console import ask, stdin_queries

    service = _load_service(args, "ask")
    if service is None:
        return 1
    queries = args.queries or stdin_queries()
    return ask(service, queries, as_json=args.json, lang=args.lang, out=sys.stdout)


def _chat(args: argparse.Namespace) -> int:
    from bot.console import chat

    service = _load_service(args, "chat")
    if service is None:
        return 1
    return chat(service, lang=args.lang, stdin=sys.stdin, out=sys.stdout)


def _run(args: argparse.Namespace) -> int:
    from bot.memory import tune_malloc

    tune_malloc()
    from bot.telegram.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as error:
        print(f"pelibot run: {error}", file=sys.stderr)
        return 2
    if config.webhook is not None:  # the same server as `pelibot serve`, on the webhook's port
        from bot.web.serve import serve

        return serve(config.webhook.listen, config.webhook.port, None, command="run")
    from bot.telegram.app import run

    return run(config)


def _serve(args: argparse.Namespace) -> int:
    from bot.memory import tune_malloc

    tune_malloc()
    from bot.web.serve import serve

    return serve(args.host, args.port, args.data)


def _health(args: argparse.Namespace) -> int:
    from bot.telegram.health import check

    settings = _settings("health")
    if settings is None:
        return 2
    problem = check(args.file or settings.heartbeat_file, args.max_age)
    if problem:
        print(f"unhealthy: {problem}", file=sys.stderr)
        return 1
    print("healthy")
    return 0


def _report(args: argparse.Namespace) -> int:
    from bot.report import write_report
    from handlers.catalog import CatalogError, load_catalog

    settings = _settings("report")
    if settings is None:
        return 2
    try:
        catalog = load_catalog(_data_dir(args, settings))
    except CatalogError as error:
        print(f"pelibot report: {error}", file=sys.stderr)
        return 1
    try:
        page = write_report(catalog, args.out, args.lang)
    except OSError as error:
        print(f"pelibot report: could not write the report: {error}", file=sys.stderr)
        return 1
    print(f"Report written to {page}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pelibot", description="Movie facts from The Movies Dataset, in Telegram."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    prepare = commands.add_parser("prepare", help="build the processed catalog from the raw CSV")
    prepare.add_argument("--raw", type=Path, help="path to movies_metadata.csv")
    prepare.add_argument("--keywords", type=Path, help="path to keywords.csv")
    prepare.add_argument(
        "--credits", type=Path, help="path to credits.csv (directors and cast; optional)"
    )
    prepare.add_argument(
        "--out", type=Path, help="output directory (PELIBOT_DATA_DIR, default data/)"
    )
    prepare.add_argument(
        "--sample",
        action="store_true",
        help="build the built-in sample (about 1,700 films), no download",
    )
    prepare.add_argument(
        "--force",
        action="store_true",
        help=f"publish even a catalog of under {MIN_MOVIES} movies or under half the current one",
    )
    prepare.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="when another run is writing to the output directory, wait this long for it "
        "(default: refuse at once)",
    )
    prepare.set_defaults(handler=_prepare)

    ask = commands.add_parser("ask", help="answer queries like '/mes enero' as the bot would")
    ask.add_argument("queries", nargs="*", help="queries; none: one per line from stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per line")
    chat = commands.add_parser("chat", help="talk to the bot in the terminal")
    for sub, handler in ((ask, _ask), (chat, _chat)):
        sub.add_argument("--data", help="catalog directory (PELIBOT_DATA_DIR, default data/)")
        sub.add_argument("--lang", choices=("es", "en"), default="es", help="reply language")
        sub.set_defaults(handler=handler)

    run = commands.add_parser(
        "run", help="start the Telegram bot (TELEGRAM_BOT_TOKEN; see README, Running the bot)"
    )
    run.set_defaults(handler=_run)

    serve = commands.add_parser(
        "serve", help="the web API, /health and (with TELEGRAM_BOT_TOKEN) the Telegram webhook"
    )
    serve.add_argument("--host", default="0.0.0.0", help="address to listen on (default 0.0.0.0)")
    serve.add_argument("--port", type=int, help="port (default: $PORT, else 8000)")
    serve.add_argument("--data", help="catalog directory (PELIBOT_DATA_DIR, default data/)")
    serve.set_defaults(handler=_serve)

    health = commands.add_parser("health", help="exit 0 when the running bot's heartbeat is fresh")
    health.add_argument("--file", type=Path, help="heartbeat file (PELIBOT_HEARTBEAT_FILE)")
    health.add_argument("--max-age", type=float, default=60.0, help="seconds (default 60)")
    health.set_defaults(handler=_health)

    report = commands.add_parser("report", help="write an HTML report exploring the catalog")
    report.add_argument("--data", help="catalog directory (PELIBOT_DATA_DIR, default data/)")
    report.add_argument("--out", type=Path, default=Path("report"), help="output directory")
    report.add_argument("--lang", choices=("es", "en"), default="es", help="language of the page")
    report.set_defaults(handler=_report)

    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `pelibot ask … | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 141  # as a shell reports a process ended by SIGPIPE


if __name__ == "__main__":
    sys.exit(main())

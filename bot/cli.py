"""The ``pelibot`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _prepare(args: argparse.Namespace) -> int:
    from data_prep.pipeline import format_report, prepare
    from data_prep.source import RawDataUnavailable, locate

    try:
        files = locate(args.raw, args.keywords)
    except RawDataUnavailable as error:
        print(f"pelibot prepare: {error}", file=sys.stderr)
        return 1
    print(f"Reading {files.movies}" + (f" and {files.keywords}" if files.keywords else ""))
    try:
        result = prepare(files, args.out)
    except (OSError, ValueError) as error:
        print(f"pelibot prepare: could not build the catalog: {error}", file=sys.stderr)
        return 1
    print(format_report(result.manifest))
    print(f"Written to {result.build_dir}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pelibot", description="Movie facts from The Movies Dataset, in Telegram."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    prepare = commands.add_parser("prepare", help="build the processed catalog from the raw CSV")
    prepare.add_argument("--raw", type=Path, help="path to movies_metadata.csv")
    prepare.add_argument("--keywords", type=Path, help="path to keywords.csv")
    prepare.add_argument("--out", type=Path, default=Path("data"), help="output directory")
    prepare.set_defaults(handler=_prepare)

    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

"""The ``contention`` command line: thin wrappers over library functions.

Output discipline: data (tables, records, exports) goes to stdout; per-document
errors (``error: <source>: <code> <message>``, one line each), progress and
notes go to stderr, so ``contention export > file`` never mixes the two.

Exit codes: 0 on success; 1 when nothing could be done (``ingest`` with no
document stored, an unknown event id, a database that cannot be opened);
2 for usage errors (click's convention).  ``ingest`` exits 0 as soon as at
least one document was processed, even if others failed: failures are
counted in the summary and kept in the ``failures`` table.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import click

from contention import __version__
from contention.cli.render import console, event_detail, events_table, one_line, plain
from contention.errors import ContentionError
from contention.export.writers import FORMATS, write
from contention.pipeline.run import Outcome, RunStats, run
from contention.store.db import DEFAULT_DB, ENV_VAR, Store

SAMPLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# Show a progress bar only past this many documents (short runs just print the summary).
PROGRESS_AFTER = 3

db_option = click.option(
    "--db",
    envvar=ENV_VAR,
    default=DEFAULT_DB,
    show_default=True,
    help=f"Database: a file path (SQLite) or a postgresql:// URL. Env: {ENV_VAR}.",
)
ISO_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _filters(fn: Any) -> Any:
    """--type/--country/--since/--until, shared by `events` and `export`."""
    fn = click.option("--until", type=ISO_DATE, help="Events on or before this date.")(fn)
    fn = click.option("--since", type=ISO_DATE, help="Events on or after this date.")(fn)
    fn = click.option("--country", help="ISO 3166-1 alpha-2 code, e.g. KZ.")(fn)
    fn = click.option("--type", "type_", help="PLOVER event type, e.g. PROTEST.")(fn)
    return fn


def _date(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


@contextmanager
def _open_store(db: str) -> Iterator[Store]:
    try:
        store = Store(db)
    except ContentionError as exc:
        raise click.ClickException(one_line(exc)) from exc
    try:
        yield store
    except ContentionError as exc:
        raise click.ClickException(one_line(exc)) from exc
    finally:
        store.close()


def _display_source(source: str) -> str:
    """``file:///x/y.txt`` as a path, anything else as is."""
    if source.startswith("file://"):
        from urllib.parse import unquote, urlsplit

        parts = urlsplit(source)
        return unquote(parts.path) + (f"#{parts.fragment}" if parts.fragment else "")
    return source


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Reporter:
    """Per-document feedback for ``ingest``: error lines, and a progress bar
    on a terminal once more than :data:`PROGRESS_AFTER` documents went by."""

    def __init__(self, *, live: bool, file: Any = None) -> None:
        self.live = live
        self.err = console(stderr=True, file=file)
        self.seen = 0
        self.event_ids: list[str] = []
        self.progress: Any = None
        self.task: Any = None

    def __call__(self, outcome: Outcome) -> None:
        self.seen += 1
        self.event_ids.extend(outcome.event_ids)
        if outcome.failure is not None:
            f = outcome.failure
            line = f"error: {_display_source(f.source)}: {f.code} {one_line(f.error)}"
            self.err.print(plain(line), soft_wrap=True)
        if self.live and self.progress is None and self.seen > PROGRESS_AFTER:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                TextColumn("{task.completed} documents"),
                TimeElapsedColumn(),
                console=self.err,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=None)
        if self.progress is not None:
            self.progress.update(self.task, completed=self.seen)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _summary(stats: RunStats) -> str:
    return (
        f"{_plural(stats.documents, 'document')} ({stats.new_documents} new), "
        f"{_plural(stats.events, 'event')} ({stats.new_events} new), "
        f"{_plural(stats.failures, 'failure')}, "
        f"{_plural(stats.unsupported_sentences, 'sentence')} in unsupported languages"
    )


def _ingest(
    paths: list[str],
    db: str,
    published: dt.date | None,
    reprocess: bool = False,
    cluster: bool = True,
) -> Reporter:
    """Run the pipeline over ``paths``, then cluster the new events (unless ``cluster``
    is False); exits 1 when no document could be processed."""
    reporter = Reporter(live=sys.stderr.isatty())
    with _open_store(db) as store:
        try:
            stats = run(paths, store, published=published, progress=reporter, reprocess=reprocess)
        finally:
            reporter.close()
        if cluster and stats.documents:
            _cluster(store)
    click.echo(_summary(stats))
    if stats.documents == 0:
        if stats.failures == 0:
            raise click.ClickException("no input documents found")
        sys.exit(1)
    return reporter


def _cluster(store: Store) -> None:
    """Incremental de-duplication after an ingest (:mod:`contention.dedup.update`).

    Silent: the ingest summary stays one line; ``events --clusters`` shows the result.
    """
    from contention.dedup.update import update_clusters

    update_clusters(store)


@click.group()
@click.version_option(__version__, prog_name="contention")
def cli() -> None:
    """contention: contentious events (strikes, protests, riots, repression) from news
    articles, with the exact words that support every field."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--published",
    type=ISO_DATE,
    help="Publication date (YYYY-MM-DD) for every input; anchors relative dates.",
)
@click.option(
    "--reprocess",
    is_flag=True,
    help="Run the pipeline again on documents already stored (adds missing events only).",
)
@click.option(
    "--no-cluster",
    is_flag=True,
    help="Skip de-duplication into clusters (the next ingest clusters what is pending).",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    published: dt.datetime | None,
    reprocess: bool,
    no_cluster: bool,
) -> None:
    """Read articles (files, folders, .jsonl, - for stdin), store their events and
    cluster them with the stored events into real-world events."""
    _ingest(list(paths), db, _date(published), reprocess, cluster=not no_cluster)


@cli.command()
@db_option
@_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--clusters",
    "as_clusters",
    is_flag=True,
    help="List de-duplicated real-world events (clusters) instead of reports.",
)
def events(
    db: str,
    type_: str | None,
    country: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    fmt: str,
    as_clusters: bool,
) -> None:
    """List stored events, oldest first."""
    if as_clusters:
        _list_clusters(db, type_, country, _date(since), _date(until), fmt)
        return
    with _open_store(db) as store:
        records = store.events(type_, country, _date(since), _date(until))
    if fmt == "table":
        if not records:
            click.echo("no events", err=True)
            return
        console().print(events_table(records))
    else:
        write(fmt, records, sys.stdout)


def _list_clusters(
    db: str,
    type_: str | None,
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
) -> None:
    from contention.dedup.render import clusters_table, write_clusters
    from contention.store.clusters import iter_clusters

    with _open_store(db) as store:
        records = list(iter_clusters(store, type_, country, since, until))
    if fmt != "table":
        write_clusters(fmt, records, sys.stdout)
    elif not records:
        click.echo("no clusters", err=True)
    else:
        console().print(clusters_table(records))


def _show_cluster(store: Store, cluster_id: str) -> bool:
    """Print a cluster (full id, old id or unique prefix); False when none matches."""
    from contention.dedup.render import cluster_detail
    from contention.store.clusters import cluster, cluster_ids

    record = cluster(store, cluster_id)
    if record is None:
        matches = cluster_ids(store, cluster_id)
        if len(matches) > 1:
            raise click.ClickException(
                f"{cluster_id!r} matches several clusters: {', '.join(matches)}"
            )
        if not matches:
            return False
        record = cluster(store, matches[0])
        if record is None:
            return False
    console().print(cluster_detail(record))
    return True


@cli.command()
@click.argument("event_id")
@db_option
def show(event_id: str, db: str) -> None:
    """Show one event or cluster (full id or a unique prefix) with its evidence in
    context; a cluster (clu_…) with every source and the claims side by side."""
    with _open_store(db) as store:
        if event_id.startswith("clu_"):
            if not _show_cluster(store, event_id):
                raise click.ClickException(f"no cluster {event_id!r}")
            return
        record = store.event(event_id)
        if record is None:
            matches = store.event_ids(event_id)
            if len(matches) > 1:
                raise click.ClickException(
                    f"{event_id!r} matches several events: {', '.join(matches)}"
                )
            if not matches:
                raise click.ClickException(f"no event {event_id!r}")
            record = store.event(matches[0])
            assert record is not None

        def doc_text(doc_id: str) -> str | None:
            doc = store.document(doc_id)
            return None if doc is None else str(doc["text"])

        detail = event_detail(record, doc_text)
    console().print(detail)
    if record.get("cluster_id"):
        console().print(
            plain(f"cluster: {record['cluster_id']}  (contention show {record['cluster_id']})")
        )


@cli.command()
@db_option
@_filters
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="jsonl",
    show_default=True,
    help="File format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="Output file (default: standard output).",
)
@click.option(
    "--clusters",
    "as_clusters",
    is_flag=True,
    help="Write cluster records (one per real-world event, every claim) instead of reports.",
)
def export(
    db: str,
    type_: str | None,
    country: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    fmt: str,
    output: str,
    as_clusters: bool,
) -> None:
    """Write stored events (or clusters) as JSON Lines (EVENT_FORMAT), CSV or GeoJSON."""
    with _open_store(db) as store:
        if as_clusters:
            from contention.dedup.render import write_clusters
            from contention.store.clusters import iter_clusters

            records = iter_clusters(store, type_, country, _date(since), _date(until))
            writer = write_clusters
        else:
            records = store.iter_events(type_, country, _date(since), _date(until))
            writer = write
        if output == "-":
            stats = writer(fmt, records, sys.stdout)
        else:
            # Write beside the target and rename: a failed export never leaves
            # a truncated file where a complete one is expected.
            part = Path(output).with_name(Path(output).name + ".part")
            try:
                with part.open("w", encoding="utf-8", newline="") as fh:
                    stats = writer(fmt, records, fh)
                os.replace(part, output)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    noun = "cluster" if as_clusters else "event"
    if stats.skipped:
        click.echo(f"{_plural(stats.skipped, noun)} without coordinates left out", err=True)
    if output != "-":
        click.echo(f"{_plural(stats.written, noun)} written to {output}", err=True)


def samples_dir() -> Path:
    """The sample articles shipped in the package (``contention/samples/``)."""
    root = resources.files("contention").joinpath("samples")
    if not isinstance(root, Path) or not root.is_dir():
        raise click.ClickException("the bundled samples are missing from this installation")
    return root


@cli.command()
@db_option
def demo(db: str) -> None:
    """Ingest the bundled sample articles, then print their events."""
    files = sorted(
        str(p)
        for p in samples_dir().iterdir()
        if p.is_file() and p.suffix in SAMPLE_SUFFIXES and not p.name.startswith(".")
    )
    if not files:
        raise click.ClickException("no sample articles found")
    click.echo(f"ingesting {_plural(len(files), 'sample file')} into {db}", err=True)
    reporter = _ingest(files, db, None)
    with _open_store(db) as store:
        found = (store.event(i) for i in dict.fromkeys(reporter.event_ids))
        records = sorted(
            (r for r in found if r is not None),
            key=lambda r: ((r["date"] or {}).get("start") or "9999", r["id"]),
        )
    console().print(events_table(records))


def _register_tool_commands() -> None:
    """Commands that live in their own modules (evaluation, benchmark)."""
    from contention.cli.bench_cmd import bench_cmd
    from contention.cli.eval_cmd import eval_cmd

    cli.add_command(eval_cmd)
    cli.add_command(bench_cmd)


_register_tool_commands()

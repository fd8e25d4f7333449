"""Reading contribution tables by suffix, validating them, and writing outputs atomically.

Readers accept what municipal exports look like: CSV/TSV in UTF-8 (with or without BOM) or
cp1252 as German Excel writes it (also mixed line by line), with `,`, `;`, tab or `|`; Excel with
several sheets or a title row above the header; JSON lists of records; JSON Lines; Parquet.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
import tempfile
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from nlp_integration import schemas as S
from nlp_integration.errors import InputColumnError, InputFileError, InputValueError

SUPPORTED_SUFFIXES = (
    ".csv",
    ".tsv",
    ".txt",
    ".xlsx",
    ".xlsm",
    ".json",
    ".jsonl",
    ".ndjson",
    ".parquet",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_LETTER = re.compile(r"[^\W\d_]")
_URL_OR_EMAIL = re.compile(r"(https?://\S+|www\.\S+|\S+@\S+\.\S+)", re.IGNORECASE)


@dataclass
class ReadReport:
    """What the reader had to decide: encoding, delimiter, header row, lines decoded as cp1252."""

    path: str
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    header_row: int = 0
    cp1252_lines: int = 0
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------- reading
def _decode(raw: bytes, report: ReadReport) -> str:
    """UTF-8 (BOM stripped) where possible, cp1252 where not, decided line by line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        report.encoding = "utf-8-sig"
    try:
        text = raw.decode("utf-8")
        report.encoding = report.encoding or "utf-8"
        return text
    except UnicodeDecodeError:
        pass
    decoded = []
    utf8_lines = 0  # lines with non-ASCII characters that decode as UTF-8
    for line in raw.split(b"\n"):
        try:
            decoded.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            decoded.append(line.decode("cp1252", errors="replace"))
            report.cp1252_lines += 1
    report.encoding = "mixed utf-8/cp1252" if utf8_lines else "cp1252"
    if report.encoding.startswith("mixed"):
        report.notes.append(f"{report.cp1252_lines} lines were not UTF-8 and were read as cp1252")
    return "\n".join(decoded)


def _sniff_delimiter(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        header = text.splitlines()[0] if text.strip() else ""
        counts = {d: header.count(d) for d in ",;\t|"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _read_csv(path: Path, report: ReadReport) -> pd.DataFrame:
    text = _decode(path.read_bytes(), report)
    if not text.strip():
        raise InputFileError(f"{path} is empty: export the contributions again with a header row")
    report.delimiter = _sniff_delimiter(text, path.suffix.lower())
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=report.delimiter,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            engine="python",
        )
    except (pd.errors.ParserError, csv.Error) as exc:
        raise InputFileError(
            f"{path} is not a readable CSV ({str(exc).splitlines()[0]}): check the delimiter and quotes"
        ) from None


def _find_header_row(table: pd.DataFrame, expected: Iterable[str]) -> int | None:
    """Row index (in the raw sheet) whose cells contain an expected column name."""
    wanted = {name.casefold() for name in expected}
    for row in range(min(10, len(table))):
        cells = {str(v).strip().casefold() for v in table.iloc[row].tolist() if pd.notna(v)}
        if cells & wanted:
            return row
    return None


def _read_excel(
    path: Path, sheet: str, expected_columns: Iterable[str], report: ReadReport
) -> pd.DataFrame:
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as exc:  # openpyxl raises several kinds for a broken file
        raise InputFileError(
            f"{path} is not a readable .xlsx file ({type(exc).__name__}): save it again from Excel"
        ) from None
    names = book.sheet_names
    if sheet and sheet not in names:
        raise InputFileError(
            f"{path} has no sheet '{sheet}'; its sheets are: {', '.join(names)}: pass one with --sheet"
        )
    chosen = sheet or names[0]
    if not sheet and len(names) > 1:
        report.notes.append(
            f"read the first of {len(names)} sheets ('{chosen}'); choose another with --sheet"
        )
    raw = book.parse(chosen, header=None, dtype=object)
    raw = raw.dropna(how="all").dropna(axis=1, how="all")
    if raw.empty:
        raise InputFileError(
            f"{path}, sheet '{chosen}' is empty: choose the sheet with the contributions via --sheet"
        )
    header = _find_header_row(raw, expected_columns)
    header = 0 if header is None else header
    columns = []
    for i, value in enumerate(raw.iloc[header].tolist()):
        name = str(value).strip() if pd.notna(value) else f"column_{i + 1}"
        columns.append(name)
    table = raw.iloc[header + 1 :].copy()
    table.columns = _unique_names(columns)
    report.sheet, report.header_row = chosen, int(header)
    if header:
        report.notes.append(
            f"sheet '{chosen}': header found in row {header + 1}; rows above it were skipped"
        )
    return table.reset_index(drop=True)


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if name in seen:
            seen[name] += 1
            out.append(f"{name}_{seen[name]}")
        else:
            seen[name] = 0
            out.append(name)
    return out


def _read_json(path: Path, report: ReadReport) -> pd.DataFrame:
    text = _decode(path.read_bytes(), report)
    if not text.strip():
        raise InputFileError(f"{path} is empty: export the contributions again")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}): fix the file or export JSON Lines as .jsonl"
        ) from None
    if isinstance(data, dict):
        lists = [
            key
            for key, value in data.items()
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
        ]
        if len(lists) == 1:
            report.notes.append(f"records read from the key '{lists[0]}'")
            data = data[lists[0]]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputFileError(
            f'{path} is not a JSON list of records ([{{"text": ...}}, ...]): export one object per contribution'
        )
    if not data:
        raise InputFileError(f"{path} holds an empty list: there are no contributions to analyse")
    return pd.DataFrame.from_records(data)


def _read_jsonl(path: Path, report: ReadReport) -> pd.DataFrame:
    text = _decode(path.read_bytes(), report)
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InputFileError(
                f"{path}, line {number} is not valid JSON: each line must hold one object"
            ) from None
        if not isinstance(record, dict):
            raise InputFileError(
                f"{path}, line {number} is not a JSON object: each line must hold one record"
            )
        records.append(record)
    if not records:
        raise InputFileError(f"{path} is empty: there are no contributions to analyse")
    return pd.DataFrame.from_records(records)


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several kinds for a broken file
        raise InputFileError(
            f"{path} is not a readable Parquet file ({type(exc).__name__}): write it again"
        ) from None


def read_table(
    path: str | Path,
    sheet: str = "",
    expected_columns: Iterable[str] = (S.TEXT, "Beitrag"),
) -> pd.DataFrame:
    """Read a table by file suffix; the :class:`ReadReport` is stored in ``frame.attrs['read_report']``."""
    path = Path(path)
    if not path.exists():
        raise InputFileError(f"{path} does not exist: check the path")
    if path.is_dir():
        parts = sorted(path.glob("*.parquet"))
        if not parts:
            raise InputFileError(f"{path} is a folder without .parquet parts: give a file")
        frame = pd.concat([_read_parquet(p) for p in parts], ignore_index=True)
        frame.attrs["read_report"] = ReadReport(str(path), notes=[f"{len(parts)} Parquet parts"])
        return frame
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputFileError(
            f"{path}: unsupported file type '{suffix}'; use .csv, .tsv, .xlsx, .json, .jsonl or .parquet"
        )
    if path.stat().st_size == 0:
        raise InputFileError(f"{path} is empty (0 bytes): export the contributions again")
    report = ReadReport(str(path))
    if suffix in (".csv", ".tsv", ".txt"):
        frame = _read_csv(path, report)
    elif suffix in (".xlsx", ".xlsm"):
        frame = _read_excel(path, sheet, expected_columns, report)
    elif suffix == ".json":
        frame = _read_json(path, report)
    elif suffix in (".jsonl", ".ndjson"):
        frame = _read_jsonl(path, report)
    else:
        frame = _read_parquet(path)
    if frame.shape[1] == 0:
        raise InputFileError(f"{path} has no columns: export it again with a header row")
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.attrs["read_report"] = report
    return frame


# ------------------------------------------------------------------------------------ validation
def resolve_column(
    frame: pd.DataFrame, wanted: str, source: str, required: bool = True, what: str = "text"
) -> str | None:
    """The frame's column for ``wanted``: exact, case-insensitive, or a German export alias."""
    if wanted in frame.columns:
        return wanted
    by_fold = {str(c).casefold(): c for c in frame.columns}
    if wanted.casefold() in by_fold:
        return by_fold[wanted.casefold()]
    canonical = S.GERMAN_COLUMN_ALIASES.get(wanted.casefold(), wanted)
    for alias, target in S.GERMAN_COLUMN_ALIASES.items():
        if target == canonical and alias in by_fold:
            return by_fold[alias]
    if not required:
        return None
    close = difflib.get_close_matches(wanted, [str(c) for c in frame.columns], n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'? " if close else ""
    columns = ", ".join(map(str, frame.columns[:12]))
    raise InputColumnError(
        f"{source}: no {what} column '{wanted}' ({hint}columns are: {columns}): pass --{what}-column NAME"
    )


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)


def skip_reason(text: str, min_letters: int = 2) -> str:
    """'' when a text can be analysed, else the reason it is skipped (empty, no_letters)."""
    if not text.strip():
        return "empty"
    letters = _LETTER.findall(_URL_OR_EMAIL.sub(" ", text))
    if len(letters) < min_letters:
        return "no_letters"
    return ""


def prepare_contributions(
    frame: pd.DataFrame,
    text_column: str = S.TEXT,
    id_column: str = S.ID,
    source: str = "input",
    min_letters: int = 2,
) -> tuple[pd.DataFrame, str]:
    """Validate the input: a text column, unique ids (generated where absent) and a status per row.

    Returns a new frame (input columns kept, ``id`` and ``status`` added or filled) and the name of
    the text column found.
    """
    if frame.empty:
        raise InputFileError(
            f"{source} has a header but no rows: there are no contributions to analyse"
        )
    text_col = resolve_column(frame, text_column, source, what="text")
    out = frame.copy()
    out[text_col] = [_as_text(v) for v in out[text_col]]
    id_col = resolve_column(frame, id_column, source, required=False, what="id")
    if id_col is None:
        width = max(4, len(str(len(out))))
        ids = [f"r{i:0{width}d}" for i in range(1, len(out) + 1)]
    else:
        ids = [_as_text(v).strip() for v in out[id_col]]
        empty = [i for i, v in enumerate(ids) if not v]
        if empty:
            raise InputValueError(
                f"{source}, column '{id_col}', row {empty[0] + 2}: empty id ({len(empty)} rows): fill the ids or drop the column to have them generated"
            )
        seen: dict[str, int] = {}
        for i, value in enumerate(ids):
            if value in seen:
                raise InputValueError(
                    f"{source}, column '{id_col}': id '{value}' appears in rows {seen[value] + 2} and {i + 2}: ids must be unique"
                )
            seen[value] = i
    if id_col is not None and id_col != S.ID and S.ID in out.columns:
        out = out.rename(columns={S.ID: f"{S.ID}_input"})
    out[S.ID] = ids
    reasons = [skip_reason(t, min_letters) for t in out[text_col]]
    out[S.STATUS] = [S.SKIPPED_PREFIX + r if r else S.STATUS_ANALYSED for r in reasons]
    return out, text_col


# --------------------------------------------------------------------------------------- writing
def neutralise_formula(value: object) -> object:
    """Prefix ``'`` to strings a spreadsheet would run as a formula (=, +, -, @, tab, CR)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot act as formulas when a spreadsheet opens the CSV."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise_formula)
    return out


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def atomic_write_json(path: str | Path, data: object) -> Path:
    return atomic_write_text(
        path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    )


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a table by suffix, atomically; CSV/TSV cells are made spreadsheet-safe."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        safe = spreadsheet_safe(frame)
        return atomic_write(
            path,
            lambda tmp: safe.to_csv(
                tmp, index=False, sep=sep, encoding="utf-8", lineterminator="\n"
            ),
        )
    if suffix == ".parquet":
        return atomic_write(path, lambda tmp: frame.to_parquet(tmp, index=False))
    if suffix == ".json":
        return atomic_write(
            path, lambda tmp: frame.to_json(tmp, orient="records", force_ascii=False, indent=1)
        )
    if suffix in (".jsonl", ".ndjson"):
        return atomic_write(
            path, lambda tmp: frame.to_json(tmp, orient="records", lines=True, force_ascii=False)
        )
    if suffix == ".xlsx":
        safe = spreadsheet_safe(frame)
        return atomic_write(path, lambda tmp: safe.to_excel(tmp, index=False, engine="openpyxl"))
    raise InputFileError(
        f"{path}: cannot write '{suffix}'; use .csv, .tsv, .xlsx, .json, .jsonl or .parquet"
    )


def read_notes(frame: pd.DataFrame) -> list[str]:
    """The reader's notes (encoding fallbacks, sheet choice...) for warnings and the manifest."""
    report = frame.attrs.get("read_report")
    return list(report.notes) if report else []


def warn_notes(frame: pd.DataFrame) -> None:
    for note in read_notes(frame):
        warnings.warn(note, stacklevel=2)

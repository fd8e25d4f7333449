"""Reading contribution tables by suffix, validating them, and writing outputs atomically.

Readers accept what municipal exports look like: CSV/TSV in UTF-8 (with or without BOM), UTF-16/32
(by BOM, or UTF-16 without one) or cp1252 as German Excel writes it (also mixed line by line), with
`,`, `;`, tab or `|`; Excel with several sheets or a title row above the header; JSON lists of
records; JSON Lines; Parquet. Ragged CSV rows, unclosed quotes and binary files are refused with
the line number or the kind of file they look like.
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
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
_CSV_SUFFIXES = (".csv", ".tsv", ".txt")
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
_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP or Excel (.xlsx) file: if it is Excel, rename it to .xlsx",
    b"PAR1": "a Parquet file: rename it to .parquet",
    b"%PDF": "a PDF document: export the contributions as CSV or Excel",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Word file: save it as .xlsx or CSV",
}


def _wide_encoding(raw: bytes) -> str:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 (NUL bytes on one side), else ''."""
    head = raw[:4000]
    half = max(len(head) // 2, 1)
    odd, even = head[1::2].count(0) / half, head[0::2].count(0) / half
    if odd > 0.1 and even < 0.02:
        return "utf-16-le"
    if even > 0.1 and odd < 0.02:
        return "utf-16-be"
    return ""


def _not_text(path: str, what: str) -> InputFileError:
    return InputFileError(f"{path} is not a text file; it looks like {what}")


def _decode(raw: bytes, report: ReadReport) -> str:
    """UTF-8/16/32 by BOM; else UTF-8 where possible and cp1252 where not, decided line by line.

    Binary files (NUL bytes, a ZIP/Parquet/PDF signature, many control characters) are refused.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            report.encoding = encoding
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputFileError(
                    f"{report.path} starts like {encoding} but is not valid {encoding}: save it again as UTF-8"
                ) from None
    for signature, what in _BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise _not_text(report.path, what)
    nuls = raw.count(b"\x00")
    if nuls:
        wide = _wide_encoding(raw)
        if wide:
            try:
                text = raw.decode(wide)
            except UnicodeDecodeError:
                text = "\x00"
            if "\x00" not in text:
                report.encoding = wide
                report.notes.append(f"read as {wide} (no byte order mark)")
                return text
        if nuls * 1000 > len(raw):  # text files hold no NUL bytes; stray ones are dropped
            raise _not_text(report.path, "binary data: export the contributions as CSV or Excel")
        raw = raw.replace(b"\x00", b"")
        report.notes.append(f"{nuls} NUL characters (\\x00) were removed")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        report.encoding = "utf-8-sig"
    try:
        text = raw.decode("utf-8")
        report.encoding = report.encoding or "utf-8"
    except UnicodeDecodeError:
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
            report.notes.append(
                f"{report.cp1252_lines} lines were not UTF-8 and were read as cp1252"
            )
        text = "\n".join(decoded)
    sample = text[:20000]
    controls = sum(1 for ch in sample if (ch < " " and ch not in "\t\r\n") or ch == "\ufffd")
    if controls >= 16 and controls > 0.3 * len(sample):
        raise _not_text(report.path, "binary data: export the contributions as CSV or Excel")
    return text


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def _sniff_delimiter(text: str, suffix: str) -> str:
    """The delimiter: the only candidate in the header line, else csv.Sniffer's guess.

    '' when the header holds none of them (a one-column file, whose cells may hold commas).
    """
    if suffix == ".tsv":
        return "\t"
    header = _first_line(text)
    present = [d for d in ",;\t|" if d in header]
    if len(present) <= 1 and '"' not in header:
        return present[0] if present else ""
    sample = "\n".join(text[:65536].splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: header.count(d) for d in ",;\t|"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


@contextmanager
def _large_csv_fields() -> Iterator[None]:
    """Allow cells beyond the csv module's 128 kB default (a 1 MB contribution is legal)."""
    old = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _csv_records(text: str, delimiter: str, path: Path) -> list[tuple[int, list[str]]]:
    """Records with the physical line each starts on; an unclosed quote is an error."""
    records: list[tuple[int, list[str]]] = []
    if not delimiter:  # one column: split at a character the text does not hold
        delimiter = next((c for c in "\x1f\x1e\x1d\x1c\ue000\ue001" if c not in text), ",")
    with _large_csv_fields():
        for strict in (True, False):
            reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=strict)
            records, line = [], 1
            try:
                for row in reader:
                    if row:  # a blank line
                        records.append((line, row))
                    line = reader.line_num + 1
                return records
            except csv.Error as exc:
                if "end of data" in str(exc):
                    raise InputFileError(
                        f'{path}, line {line}: a quote (") opened here is never closed: close it or remove it'
                    ) from None
                if not strict:
                    raise InputFileError(
                        f"{path}, line {line} is not readable CSV ({exc}): check the delimiter and quotes"
                    ) from None
    return records


def _read_csv(path: Path, report: ReadReport) -> pd.DataFrame:
    text = _decode(path.read_bytes(), report)
    if not text.strip():
        raise InputFileError(f"{path} is empty: export the contributions again with a header row")
    report.delimiter = _sniff_delimiter(text, path.suffix.lower())
    records = _csv_records(text, report.delimiter, path)
    (_, header), rows = records[0], records[1:]
    width = len(header)
    cells = []
    for line, row in rows:
        if len(row) > width:
            if any(v.strip() for v in row[width:]):
                shown = {"\t": "tab"}.get(report.delimiter, report.delimiter)
                raise InputFileError(
                    f"{path}, line {line} has {len(row)} fields but the header has {width} "
                    f"(delimiter '{shown}'): put quotes around cells that contain '{shown}' or fix the row"
                )
            row = row[:width]  # trailing empty fields, as spreadsheet exports write them
        cells.append(row + [""] * (width - len(row)))
    names = [name.strip() or f"column_{i + 1}" for i, name in enumerate(header)]
    return pd.DataFrame(cells, columns=_unique_names(names), dtype=object)


def _find_header_row(table: pd.DataFrame, expected: Iterable[str]) -> int | None:
    """Row index (in the raw sheet) holding an expected column name, earlier names first.

    The order matters for two-row headers: a merged group cell "Beitrag" above the real header
    row "id | text" must not win over the text column the user asked for.
    """
    rows = [
        {str(v).strip().casefold() for v in table.iloc[row].tolist() if pd.notna(v)}
        for row in range(min(10, len(table)))
    ]
    for name in expected:
        for row, cells in enumerate(rows):
            if name.casefold() in cells:
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
        row = int(raw.index[header]) + 1  # Excel's row number (empty rows were dropped)
        report.notes.append(
            f"sheet '{chosen}': header found in row {row}; rows above it were skipped"
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
        frame.attrs["read_report"] = asdict(
            ReadReport(str(path), notes=[f"{len(parts)} Parquet parts"])
        )
        return frame
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputFileError(
            f"{path}: unsupported file type '{suffix}'; use .csv, .tsv, .xlsx, .json, .jsonl or .parquet"
        )
    if path.stat().st_size == 0:
        raise InputFileError(f"{path} is empty (0 bytes): export the contributions again")
    report = ReadReport(str(path))
    if suffix in _CSV_SUFFIXES:
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
    frame.attrs["read_report"] = asdict(report)  # plain data: attrs travel into Parquet metadata
    return frame


# ------------------------------------------------------------------------------------ validation
def _shown(value: object, limit: int = 60) -> str:
    """A cell or column name fit for a one-line message: control characters escaped, shortened."""
    text = "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in str(value)
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


_GERMAN_DATE = r"\s*\d{1,2}\.\d{1,2}\.\d{2,4}\b.*"


def parse_dates(values: Sequence[object]) -> pd.Series:
    """Dates of a date column as UTC timestamps (NaT where none): ISO and Excel dates as they
    are, German "12.03.2025" day first; no warnings about mixed formats. A Series keeps its index."""
    index = values.index if isinstance(values, pd.Series) else None
    series = pd.Series(list(values), dtype="object", index=index)
    german = series.astype("string").str.fullmatch(_GERMAN_DATE).fillna(False).astype(bool)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        out = pd.to_datetime(series.where(~german), errors="coerce", utc=True, format="mixed")
        if german.any():
            out[german] = pd.to_datetime(
                series[german], errors="coerce", utc=True, dayfirst=True, format="mixed"
            )
    return out


def resolve_column(
    frame: pd.DataFrame, wanted: str, source: str, required: bool = True, what: str = "text"
) -> str | None:
    """The frame's column for ``wanted``: exact, case-insensitive, or a German export alias."""
    if wanted in frame.columns:
        return wanted
    by_fold = {str(c).casefold(): c for c in frame.columns}
    if wanted.casefold() in by_fold:
        return by_fold[wanted.casefold()]
    # a default name ("text", "quarter", "date") also finds its German export names; a name the
    # user gave ("Kommentar") must exist as given
    if wanted.casefold() in S.GERMAN_COLUMN_ALIASES.values():
        for alias, target in S.GERMAN_COLUMN_ALIASES.items():
            if target == wanted.casefold() and alias in by_fold:
                return by_fold[alias]
    if not required:
        return None
    close = difflib.get_close_matches(wanted, [str(c) for c in frame.columns], n=1, cutoff=0.5)
    hint = f"did you mean '{_shown(close[0])}'? " if close else ""
    columns = ", ".join(_shown(c, 30) for c in frame.columns[:12])
    wanted = _shown(wanted)
    report = frame.attrs.get("read_report") or {}
    csv_file = Path(report.get("path", "")).suffix.lower() in _CSV_SUFFIXES
    if len(frame.columns) == 1 and csv_file:
        delimiter = report.get("delimiter", "")
        split = f"split at '{delimiter}'" if delimiter else "not split"
        raise InputColumnError(
            f"{source}: no {what} column '{wanted}'; the header was {split} and gave one column "
            f"'{_shown(frame.columns[0])}': check the delimiter (use ',' ';' tab or '|' between columns) "
            f"or pass --{what}-column NAME"
        )
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


def _is_own_status(column: pd.Series) -> bool:
    """True when a ``status`` column was written by this tool (re-reading an output file)."""
    return all(
        isinstance(v, str) and (v == S.STATUS_ANALYSED or v.startswith(S.SKIPPED_PREFIX))
        for v in column
    )


def _lost_script(text: str) -> bool:
    """Mostly question marks: letters a code page could not hold ("????? ??? ?????")."""
    chars = text.replace(" ", "")
    return chars.count("?") >= 5 and chars.count("?") >= 0.5 * len(chars)


def _warn_lost_scripts(texts: pd.Series, source: str, column: str) -> None:
    lost = [i for i, text in enumerate(texts) if _lost_script(text)]
    if lost:
        warnings.warn(
            f"{source}: {len(lost)} texts in column '{column}' are mostly '?' (first: data row "
            f"{lost[0] + 1}); the file was probably saved in a code page without Arabic or "
            "Cyrillic letters (Excel's 'CSV (Trennzeichen-getrennt)'): save it as 'CSV UTF-8'",
            UserWarning,
            stacklevel=3,
        )


def prepare_contributions(
    frame: pd.DataFrame,
    text_column: str = S.TEXT,
    id_column: str = S.ID,
    source: str = "input",
    min_letters: int = 2,
) -> tuple[pd.DataFrame, str]:
    """Validate the input: a text column, unique ids (generated where absent) and a status per row.

    Returns a new frame (input columns kept, ``id`` and ``status`` added or filled) and the name of
    the text column found. A user's own ``status`` column (values not written by this tool) is kept
    as ``status_input``, as an ``id`` column is kept as ``id_input`` when ids come from another one,
    and columns named like the pipeline's outputs (``lang``, ``themes``, ``score_*``...) as
    ``<name>_input``.
    """
    if frame.empty:
        raise InputFileError(
            f"{source} has a header but no rows: there are no contributions to analyse"
        )
    text_col = resolve_column(frame, text_column, source, what="text")
    out = frame.copy()
    out.attrs = {}
    out[text_col] = [_as_text(v) for v in out[text_col]]
    # ids are generated when the default "id" column is absent; a column the user named must exist
    id_col = resolve_column(frame, id_column, source, required=id_column != S.ID, what="id")
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
                    f"{source}, column '{id_col}': id '{_shown(value)}' appears in rows {seen[value] + 2} and {i + 2}: ids must be unique"
                )
            seen[value] = i
    if id_col is not None and id_col != S.ID and S.ID in out.columns:
        out = out.rename(columns={S.ID: f"{S.ID}_input"})
    out[S.ID] = ids
    if S.STATUS in out.columns and not _is_own_status(out[S.STATUS]):
        out = out.rename(columns={S.STATUS: f"{S.STATUS}_input"})  # keep the user's column
    clashes = [c for c in out.columns if c != text_col and S.is_output_column(str(c))]
    out = out.rename(columns={c: f"{c}_input" for c in clashes})  # the steps write these names
    _warn_lost_scripts(out[text_col], source, text_col)
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
    """A copy whose text cells and column names cannot act as formulas in a spreadsheet."""
    out = frame.copy()
    out.columns = [neutralise_formula(c) for c in out.columns]
    for position in range(out.shape[1]):  # by position: column names may repeat
        column = out.iloc[:, position]
        if isinstance(column.dtype, pd.CategoricalDtype):
            column = column.astype(object)
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            out.isetitem(position, column.map(neutralise_formula))
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
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; outputs are ordinary readable files
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 text to ``path`` whole or not at all (via a temporary file and a rename)."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def atomic_write_json(path: str | Path, data: object) -> Path:
    """Write ``data`` as indented, key-sorted UTF-8 JSON, whole or not at all."""
    return atomic_write_text(
        path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n"
    )


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a table by suffix, atomically; CSV/TSV cells are made spreadsheet-safe."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        # CRLF (RFC 4180): the csv module quotes a cell holding a bare CR only when CR ends lines
        sep = "\t" if suffix == ".tsv" else ","
        safe = spreadsheet_safe(frame)
        return atomic_write(
            path,
            lambda tmp: safe.to_csv(
                tmp, index=False, sep=sep, encoding="utf-8", lineterminator="\r\n"
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
    kind = f"'{suffix}' files" if suffix else "a name without a file type"
    raise InputFileError(
        f"{path}: cannot write {kind}; name the output file with .csv, .tsv, .xlsx, .json, "
        f".jsonl or .parquet (e.g. {path.with_suffix('.csv').name})"
    )


def read_notes(frame: pd.DataFrame) -> list[str]:
    """The reader's notes (encoding fallbacks, sheet choice...) for warnings and the manifest."""
    report = frame.attrs.get("read_report") or {}
    return list(report.get("notes", []))


def warn_notes(frame: pd.DataFrame) -> None:
    for note in read_notes(frame):
        warnings.warn(note, stacklevel=2)

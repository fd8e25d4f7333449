"""Bad input gets one clear line naming file, column or row, and a distinct exit code (issue 9).

Complements tests/test_io.py (encodings cp1252/mixed, JSON basics, sheet errors) and
tests/test_cli.py (missing file, header only, misspelt column, duplicate ids in a subprocess).
Most CLI cases run ``cli.main()`` in-process (fast); one runs a real subprocess.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from nlp_integration import cli
from nlp_integration.errors import (
    InputColumnError,
    InputFileError,
    InputValueError,
    NlpIntegrationError,
)
from nlp_integration.io import prepare_contributions, read_notes, read_table, write_table
from nlp_integration.quarters import validate_indicators

GERMAN = "Wir brauchen mehr Sprachkurse am Abend, für Eltern mit Kindern."


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """Run the console entry point in-process; returns (exit code, stderr)."""
    monkeypatch.setattr(sys, "argv", ["nlp-integration", *args])
    with pytest.raises(SystemExit) as info:
        cli.main()
    return int(info.value.code or 0), capsys.readouterr().err.strip()


def assert_one_line(message: str, *needles: str) -> None:
    assert "Traceback" not in message
    assert len(message.splitlines()) == 1, message
    for needle in needles:
        assert needle in message, (needle, message)


# ------------------------------------------------------------------------- CLI: exit codes
def _zero_bytes(d: Path) -> Path:
    (d / "in.csv").write_bytes(b"")
    return d / "in.csv"


def _header_only_xlsx(d: Path) -> Path:
    pd.DataFrame({"id": [], "text": []}).to_excel(d / "in.xlsx", index=False)
    return d / "in.xlsx"


def _garbage(d: Path) -> Path:
    (d / "in.csv").write_bytes(np.random.default_rng(0).integers(0, 256, 5000, np.uint8).tobytes())
    return d / "in.csv"


def _xlsx_renamed(d: Path) -> Path:
    pd.DataFrame({"text": [GERMAN]}).to_excel(d / "real.xlsx", index=False)
    (d / "real.xlsx").rename(d / "in.csv")
    return d / "in.csv"


def _ragged(d: Path) -> Path:
    (d / "in.csv").write_text(f'id,text\n1,"{GERMAN}"\n2,Kita fehlt, sagt Frau K.\n', "utf-8")
    return d / "in.csv"


def _one_column(d: Path) -> Path:
    (d / "in.csv").write_text("id text\n1 Kita fehlt\n", "utf-8")
    return d / "in.csv"


def _misspelt(d: Path) -> Path:
    pd.DataFrame({"Beitrag": [GERMAN], "Stadtteil": ["Nord"]}).to_csv(d / "in.csv", index=False)
    return d / "in.csv"


def _other_parquet(d: Path) -> Path:
    pd.DataFrame({"station": ["A"], "pm10": [12.5]}).to_parquet(d / "in.parquet")
    return d / "in.parquet"


def _json_not_records(d: Path) -> Path:
    (d / "in.json").write_text(json.dumps({"texts": [GERMAN, "Kita fehlt"]}), "utf-8")
    return d / "in.json"


def _jsonl_bad_line(d: Path) -> Path:
    lines = [json.dumps({"text": GERMAN}), "", json.dumps({"text": "ok"}), "{text: kaputt}"]
    (d / "in.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return d / "in.jsonl"


def _duplicate_int_ids(d: Path) -> Path:
    (d / "in.json").write_text(
        json.dumps([{"id": 7, "text": GERMAN}, {"id": 8, "text": "b c"}, {"id": 7, "text": "d e"}]),
        "utf-8",
    )
    return d / "in.json"


def _padded_duplicate_ids(d: Path) -> Path:
    (d / "in.csv").write_text(f"id;text\nA1;{GERMAN}\n A1 ;Kita fehlt\n", "utf-8")
    return d / "in.csv"


@pytest.mark.parametrize(
    ("make", "extra", "code", "needles"),
    [
        (_zero_bytes, [], 3, ["in.csv", "empty (0 bytes)"]),
        (_header_only_xlsx, [], 3, ["in.xlsx", "header but no rows"]),
        (_garbage, [], 3, ["in.csv", "not a text file", "binary"]),
        (_xlsx_renamed, [], 3, ["in.csv", "rename it to .xlsx"]),
        (_ragged, [], 3, ["in.csv", "line 3", "3 fields", "header has 2", "quotes"]),
        (_one_column, [], 4, ["in.csv", "one column 'id text'", "delimiter"]),
        (_misspelt, ["--text-column", "Beitrg"], 4, ["'Beitrg'", "did you mean 'Beitrag'"]),
        (_other_parquet, [], 4, ["in.parquet", "no text column", "station, pm10"]),
        (_json_not_records, [], 3, ["in.json", "list of records"]),
        (_jsonl_bad_line, [], 3, ["in.jsonl", "line 4"]),
        (_duplicate_int_ids, [], 5, ["in.json", "column 'id'", "'7'", "rows 2 and 4"]),
        (_padded_duplicate_ids, [], 5, ["'A1'", "rows 2 and 3"]),
        (_misspelt, ["--sheet", "x", "--set", "input.max_text_chars=viele"], 6, ["max_text_chars"]),
    ],
)
def test_cli_bad_input_one_line_and_exit_code(
    tmp_path, monkeypatch, capsys, make, extra, code, needles
):
    path = make(tmp_path)
    out = tmp_path / "out.csv"
    status, message = run_main(
        monkeypatch, capsys, "detect-language", str(path), "--out", str(out), *extra
    )
    assert_one_line(message, "error:", *needles)
    assert status == code
    assert not out.exists()


def test_quarter_table_with_text_in_number_column(tmp_path, monkeypatch, capsys):
    table = pd.DataFrame(
        {"quarter": ["Nord", "Süd", "Mitte"], "population": ["8000", "zwei", "9000"]}
    )
    with pytest.raises(InputValueError) as info:
        validate_indicators(table, "q.csv")
    assert_one_line(str(info.value), "q.csv", "column 'population'", "row 2", "'zwei'")
    table.assign(sgb2_rate=["1", "2", "3"]).to_csv(tmp_path / "q.csv", index=False)
    status, message = run_main(
        monkeypatch, capsys, "quarters", str(tmp_path / "q.csv"), "--out", str(tmp_path / "o.csv")
    )
    assert status == 5
    assert_one_line(message, "q.csv", "column 'population'", "'zwei'")


def test_real_process_exit_code_without_traceback(tmp_path):
    path = _ragged(tmp_path)
    env = {**os.environ, "NLP_INTEGRATION_PROGRESS": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "nlp_integration", "detect-language", str(path), "--out", "o.csv"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert result.returncode == 3
    assert_one_line(result.stderr.strip(), "line 3")


# ------------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-16-le-nobom"])
def test_utf16_and_utf32_are_read(tmp_path, encoding):
    content = f"id;text\n1;{GERMAN}\n2;Kreş yok, çocuklar için yer lazım\n3;نحتاج إلى دورات لغة\n"
    if encoding == "utf-16-be":
        raw = "\ufeff".encode("utf-16-be") + content.encode("utf-16-be")
    elif encoding == "utf-16-le-nobom":
        raw = content.encode("utf-16-le")
    else:
        raw = content.encode(encoding)
    path = tmp_path / "in.csv"
    path.write_bytes(raw)
    frame = read_table(path)
    assert frame.columns.tolist() == ["id", "text"]
    assert frame["text"].tolist()[2] == "نحتاج إلى دورات لغة"
    assert frame.attrs["read_report"]["encoding"].startswith(encoding[:6])


def test_utf16_json_is_read(tmp_path):
    path = tmp_path / "in.json"
    path.write_bytes(json.dumps([{"text": "Grünau"}], ensure_ascii=False).encode("utf-16"))
    assert read_table(path)["text"].tolist() == ["Grünau"]


def test_broken_utf16_names_the_file(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xff\xfe" + "text\n".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    with pytest.raises(InputFileError, match="utf-16-le") as info:
        read_table(path)
    assert str(path) in str(info.value)


def test_stray_nul_characters_are_dropped_with_a_note(tmp_path):
    path = tmp_path / "in.csv"
    body = f"id;text\n1;{GERMAN}\n2;Kita\x00 fehlt\n" + "".join(
        f"{i};Zeile {i}\n" for i in range(3, 200)
    )
    path.write_bytes(body.encode("utf-8"))
    frame = read_table(path)
    assert frame["text"].tolist()[:2] == [GERMAN, "Kita fehlt"]
    assert len(frame) == 199
    assert any("NUL" in note for note in read_notes(frame))


# ------------------------------------------------------------------------ delimiter, quotes
def test_semicolon_file_with_many_commas_in_text(tmp_path):
    texts = ["Kita, Schule, Arbeit, Wohnung", "a, b, c, d, e, f", "Hallo, Welt, wie, geht, es"]
    path = tmp_path / "in.csv"
    path.write_text(
        "id;text;quarter\n" + "".join(f"{i};{t};Nord\n" for i, t in enumerate(texts)), "utf-8"
    )
    frame = read_table(path)
    assert frame.attrs["read_report"]["delimiter"] == ";"
    assert frame["text"].tolist() == texts


def test_one_column_file_keeps_commas_in_text(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('text\nHallo, Welt, wie geht es\n"zwei\nZeilen, mit Komma"\n', "utf-8")
    frame = read_table(path)
    assert frame["text"].tolist() == ["Hallo, Welt, wie geht es", "zwei\nZeilen, mit Komma"]


def test_ragged_row_reports_the_physical_line_after_a_multiline_cell(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('id,text\n1,"eins\nzwei\ndrei"\n2,ok du\n3,a,b\n', "utf-8")
    with pytest.raises(InputFileError, match="line 6 has 3 fields"):
        read_table(path)


def test_trailing_empty_fields_and_short_rows_are_accepted(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(f"id;text;quarter\n1;{GERMAN};Nord;;\n2;Kita fehlt\n", "utf-8")
    frame = read_table(path)
    assert frame.values.tolist() == [["1", GERMAN, "Nord"], ["2", "Kita fehlt", ""]]


def test_unclosed_quote_names_its_line(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(f'id,text\n1,{GERMAN}\n2,"Kita fehlt\n3,noch was\n', "utf-8")
    with pytest.raises(InputFileError, match="line 3: a quote"):
        read_table(path)


# -------------------------------------------------------------------- columns, ids, values
@pytest.mark.parametrize("header", ["Text", " text ", "TEXT"])
def test_text_column_found_despite_case_and_spaces(tmp_path, header):
    path = tmp_path / "in.csv"
    path.write_text(f"id,{header}\n1,{GERMAN.replace(',', '')}\n", "utf-8")
    table, column = prepare_contributions(read_table(path), source=str(path))
    assert table[column].tolist() == [GERMAN.replace(",", "")]


def test_non_text_cells_become_text_or_are_skipped_with_reason(tmp_path):
    records = [
        {"id": "n", "text": 12345},
        {"id": "f", "text": 3.5},
        {"id": "b", "text": True},
        {"id": "z", "text": None},
        {"id": "l", "text": ["Kita", "fehlt"]},
        {"id": "d", "text": {"de": "Kita fehlt"}},
        {"id": "s", "text": GERMAN},
    ]
    path = tmp_path / "in.json"
    path.write_text(json.dumps(records), "utf-8")
    table, column = prepare_contributions(read_table(path), source=str(path))
    assert table["id"].tolist() == [r["id"] for r in records]
    assert all(isinstance(v, str) for v in table[column])
    status = dict(zip(table["id"], table["status"], strict=True))
    assert status["n"] == status["f"] == "skipped:no_letters"
    assert status["z"] == "skipped:empty"
    assert status["s"] == status["l"] == status["d"] == "analysed"


def test_excel_numbers_dates_and_booleans_in_text_column(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["id", "text"])
    for row in [[1, 42], [2, dt.datetime(2025, 3, 1)], [3, False], [4, None], [5, GERMAN]]:
        sheet.append(row)
    book.save(tmp_path / "in.xlsx")
    table, column = prepare_contributions(read_table(tmp_path / "in.xlsx"))
    assert table["id"].tolist() == ["1", "2", "3", "4", "5"]
    assert table[column].tolist()[:2] == ["42", "2025-03-01 00:00:00"]
    assert table["status"].tolist()[:2] == ["skipped:no_letters", "skipped:no_letters"]
    assert table["status"].tolist()[3:] == ["skipped:empty", "analysed"]


def test_huge_cell_is_read_whole(tmp_path):
    big = (GERMAN + " ") * (1_000_000 // (len(GERMAN) + 1) + 1)
    path = write_table(
        pd.DataFrame({"id": ["big", "small"], "text": [big, "Kita fehlt"]}), tmp_path / "in.csv"
    )
    table, column = prepare_contributions(read_table(path))
    assert len(table[column][0]) == len(big) > 1_000_000
    assert table["status"].tolist() == ["analysed", "analysed"]


# ----------------------------------------------------------------------------------- Excel
def test_excel_several_sheets_first_used_with_note_and_sheet_option(tmp_path):
    path = tmp_path / "in.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"text": ["erstes Blatt"]}).to_excel(writer, sheet_name="A", index=False)
        pd.DataFrame({"text": ["zweites Blatt"]}).to_excel(writer, sheet_name="B", index=False)
    first = read_table(path)
    assert first["text"].tolist() == ["erstes Blatt"]
    assert any("first of 2 sheets" in n and "--sheet" in n for n in read_notes(first))
    assert read_table(path, sheet="B")["text"].tolist() == ["zweites Blatt"]


def test_excel_merged_title_and_two_row_header(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Bürgerbeteiligung Lautrach 2025"])
    sheet.merge_cells("A1:C1")
    sheet.append(["Beitrag", None, "Ort"])  # group header row, merged over two columns
    sheet.merge_cells("A2:B2")
    sheet.append(["id", "text", "Stadtteil"])
    sheet.append(["k1", GERMAN, "Nord"])
    sheet.append(["k2", "Kita fehlt", "Süd"])
    book.save(tmp_path / "in.xlsx")
    frame = read_table(tmp_path / "in.xlsx")
    assert frame.columns.tolist() == ["id", "text", "Stadtteil"]
    assert frame["text"].tolist() == [GERMAN, "Kita fehlt"]
    assert any("row 3" in n for n in read_notes(frame))


def test_excel_without_recognisable_header_lists_columns(tmp_path):
    book = Workbook()
    book.active.append(["Export vom 1.3.2025"])
    book.active.append(["Nr", "Anmerkung"])
    book.active.append([1, GERMAN])
    book.save(tmp_path / "in.xlsx")
    with pytest.raises(InputColumnError, match="columns are: Export vom 1.3.2025") as info:
        prepare_contributions(read_table(tmp_path / "in.xlsx"), source="in.xlsx")
    assert_one_line(str(info.value), "in.xlsx", "--text-column")


# ------------------------------------------------------------------------------- JSON etc.
@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('["eins", "zwei"]', "list of records"),
        ("[[1, 2], [3, 4]]", "list of records"),
        ('{"a": [{"text": "x"}], "b": [{"text": "y"}]}', "list of records"),
        ("[]", "empty list"),
        ("42", "list of records"),
    ],
)
def test_json_that_is_not_a_list_of_records(tmp_path, content, needle):
    path = tmp_path / "in.json"
    path.write_text(content, "utf-8")
    with pytest.raises(InputFileError, match=needle) as info:
        read_table(path)
    assert_one_line(str(info.value), str(path))


def test_jsonl_record_that_is_a_list_names_the_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "a b"}\n\n["text", "c d"]\n', "utf-8")
    with pytest.raises(InputFileError, match="line 3 is not a JSON object"):
        read_table(path)


def test_header_only_parquet_and_json_lines(tmp_path):
    pd.DataFrame({"id": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)}).to_parquet(
        tmp_path / "in.parquet"
    )
    with pytest.raises(InputFileError, match="header but no rows"):
        prepare_contributions(read_table(tmp_path / "in.parquet"), source="in.parquet")
    (tmp_path / "in.jsonl").write_text("\n\n", "utf-8")
    with pytest.raises(InputFileError, match="empty"):
        read_table(tmp_path / "in.jsonl")


@pytest.mark.parametrize(
    "frame",
    [
        pd.DataFrame({"id": ["a\nb", "a\nb"], "text": ["x y", "z w"]}),
        pd.DataFrame({"Beitrag\n(Freitext)": ["x y"], "Datum\r\nder Eingabe": ["1.3."]}),
        pd.DataFrame({"Text des\nBeitrags": ["x y"]}),
    ],
)
def test_cells_and_names_with_line_breaks_keep_errors_one_line(frame):
    """Excel headers often hold line breaks (Alt+Enter); messages must still be one line."""
    with pytest.raises(NlpIntegrationError) as info:
        prepare_contributions(frame, source="in.xlsx")
    assert_one_line(str(info.value), "in.xlsx")
    assert "\\n" in str(info.value)


class RecordingEmbedder:
    """The session's HashingEmbedder, remembering the longest text it was given."""

    def __init__(self, inner) -> None:
        self.inner, self.model_id, self.longest = inner, inner.model_id, 0

    def encode(self, texts):
        self.longest = max([self.longest, *map(len, texts)])
        return self.inner.encode(texts)


def test_huge_cell_is_analysed_truncated_and_kept_whole(hashing_embedder):
    from nlp_integration.config import load_settings
    from nlp_integration.pipeline import analyse

    big = (GERMAN + " ") * (1_000_000 // (len(GERMAN) + 1) + 1)
    texts = [big, GERMAN, "Die Mieten steigen zu schnell.", "Kita fehlt im Viertel.", "Mehr Bänke."]
    frame = pd.DataFrame({"id": [f"k{i}" for i in range(5)], "text": texts})
    settings = load_settings(
        overrides=["embedding.cache=false", "input.max_text_chars=5000"], environ={}
    )
    embedder = RecordingEmbedder(hashing_embedder)
    result = analyse(frame, None, settings, embedder=embedder, source="big.csv")
    table = result.contributions
    assert table["status"].tolist() == ["analysed"] * 5
    assert table["text"].tolist() == texts  # nothing to redact: kept whole in the output
    assert embedder.longest == 5000
    assert result.manifest["texts_truncated_for_analysis"] == 1
    assert table.loc[0, "lang"] == "de"

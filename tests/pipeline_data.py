"""A small multilingual contributions table and quarter table built in code (no files needed)."""

from __future__ import annotations

import pandas as pd

QUARTERS = pd.DataFrame(
    {
        "quarter": ["Nordstadt", "Südhang", "Mitte", "Hafen"],
        "population": [8000, 5000, 9000, 4000],
        "share_foreign_nationals": [38.0, 6.0, 20.0, 41.0],
        "sgb2_rate": [22.0, 3.0, 10.0, 25.0],
        "fluctuation_rate": [19.0, 6.0, 12.0, 21.0],
        "share_over_65": [12.0, 31.0, 20.0, 10.0],
    }
)

_TEXTS = [
    ("de", "Wir brauchen mehr Sprachkurse am Abend für Eltern."),
    ("de", "Die Mieten steigen, ich habe Angst, meine Wohnung zu verlieren."),
    ("tr", "Mahallede çocuklar için daha fazla kreş lazım."),
    ("ar", "نحتاج إلى دورات لغة ألمانية في المساء."),
    ("ru", "Я боюсь, что мы не найдём квартиру."),
    ("uk", "Нам потрібні курси німецької мови для дорослих."),
    ("pl", "Potrzebujemy więcej miejsc w przedszkolu."),
    ("en", "The park needs more benches and better lighting at night."),
    ("de", "Ein Nachbarschaftsfest im Sommer wäre schön, mit Essen aus vielen Ländern."),
    ("de", "Mein Name ist Thomas Becker, erreichbar unter thomas.becker@example.org."),
    ("ro", "Avem nevoie de mai multe locuri de joacă pentru copii."),
    ("fa", "ما به کلاس‌های زبان آلمانی بیشتری نیاز داریم."),
]


def contributions(n_rows: int = 60) -> pd.DataFrame:
    quarters = ["Nordstadt", "Südhang", "mitte", "Hafen ", ""]
    rows = []
    for i in range(n_rows):
        lang, text = _TEXTS[i % len(_TEXTS)]
        rows.append(
            {
                "id": f"c{i:03d}",
                "text": f"{text} ({i})" if i % 3 else text,
                "quarter": quarters[i % len(quarters)],
                "channel": ["Werkstatt", "Online"][i % 2],
                "group": ["Neuzugewanderte", "Alteingesessene"][(i // 2) % 2],
                "date": f"2025-0{3 + i % 6}-1{i % 9}",
                "gold_lang": lang,
            }
        )
    rows.append(
        {
            "id": "empty",
            "text": "",
            "quarter": "Nordstadt",
            "channel": "Online",
            "group": "",
            "date": "",
            "gold_lang": "und",
        }
    )
    rows.append(
        {
            "id": "emoji",
            "text": "👍👍",
            "quarter": "Nordstadt",
            "channel": "Online",
            "group": "",
            "date": "",
            "gold_lang": "und",
        }
    )
    return pd.DataFrame(rows)

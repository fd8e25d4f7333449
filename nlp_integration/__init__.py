"""nlp_integration: multilingual evidence from a city's integration dialogue, fully offline.

The notebook API mirrors the command line::

    import pandas as pd
    import nlp_integration as nli

    df = pd.read_csv("contributions.csv")
    run = nli.analyse(df, quarters=pd.read_csv("quarters.csv"))
    run.contributions.head(); run.priorities.head()
    nli.write_run(run, "runs/my_run")
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "analyse", "write_run", "read_table", "Settings", "load_settings"]


def __getattr__(name: str):  # lazy: importing the package loads no model and no heavy library
    if name in ("analyse", "write_run"):
        from nlp_integration import pipeline

        return getattr(pipeline, name)
    if name == "read_table":
        from nlp_integration.io import read_table

        return read_table
    if name in ("Settings", "load_settings"):
        from nlp_integration import config

        return getattr(config, name)
    raise AttributeError(name)

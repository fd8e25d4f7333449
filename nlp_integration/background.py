"""Run a single-threaded step in a second Python process while this one does something else.

Most steps after embedding run on one core: seeded UMAP, spaCy tokenisation, the lexical
hostility cues; lingua holds the interpreter while it loads and detects. On a two-core laptop
the second core idles meanwhile. :func:`start` hands a step
to a fresh interpreter (``python -m nlp_integration.background TASK``) and returns at once;
:meth:`BackgroundTask.result` collects the answer when it is needed.

* The worker is a new interpreter, not a fork: it shares no threads or locks with the caller, and,
  unlike multiprocessing's spawn, never re-imports the caller's script.
* Data go both ways as JSON on stdin/stdout, never as pickle.
* Where the worker cannot start or fails, the step runs in this process instead, with the same
  result; a warning says why. ``NLP_INTEGRATION_WORKERS=0`` keeps every step in this process.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# below this many items a worker's start-up (about a second) costs more than it saves
MIN_ITEMS = 2_000


def available_cores() -> int:
    """Cores this process may use: ``OMP_NUM_THREADS`` when set (Dask workers set it to their
    thread count), else the CPUs the process is allowed to run on."""
    try:
        limit = int(os.environ.get("OMP_NUM_THREADS", ""))
    except ValueError:
        limit = 0
    if limit > 0:
        return limit
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worth_it(n_items: int) -> bool:
    """Whether a step over ``n_items`` items should go to a worker: enough items, a free core,
    and workers not switched off with ``NLP_INTEGRATION_WORKERS=0``."""
    if os.environ.get("NLP_INTEGRATION_WORKERS", "").strip() == "0":
        return False
    return n_items >= MIN_ITEMS and available_cores() > 1


def _keyword_tokens(payload: dict[str, Any]) -> dict[str, Any]:
    from nlp_integration.keywords import tokenize_texts

    tokens, forms = tokenize_texts(payload["texts"], payload["langs"])
    return {"tokens": tokens, "forms": forms}


def _lexical_evidence(payload: dict[str, Any]) -> list[list[float]]:
    from nlp_integration.codebook.classifiers import lexical_evidence

    return lexical_evidence(payload["texts"]).tolist()


def _languages(payload: dict[str, Any]) -> dict[str, list[Any]]:
    from nlp_integration.language import LanguageDetector

    detector = LanguageDetector(payload["candidates"], payload["min_letters"])
    found = detector.fit(payload["texts"]).detect(payload["texts"])
    return {str(column): found[column].tolist() for column in found.columns}


TASKS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "keyword_tokens": _keyword_tokens,
    "lexical_evidence": _lexical_evidence,
    "languages": _languages,
}


class BackgroundTask:
    """One task running in a worker process; :meth:`result` waits for it (or runs it here)."""

    def __init__(self, task: str, payload: dict[str, Any], in_worker: bool = True) -> None:
        if task not in TASKS:
            raise ValueError(f"unknown background task '{task}': use one of {sorted(TASKS)}")
        self.task = task
        self._payload: dict[str, Any] | None = payload
        self._answer: bytes | None = None
        self._problem = "not started"
        self._thread: threading.Thread | None = None
        if in_worker:
            self._thread = threading.Thread(target=self._run_worker, daemon=True)
            self._thread.start()

    def _run_worker(self) -> None:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "nlp_integration.background", self.task],
                input=json.dumps(self._payload, ensure_ascii=False).encode("utf-8"),
                capture_output=True,
                check=False,
            )
        except OSError as error:
            self._problem = f"the worker process did not start ({error})"
            return
        if done.returncode == 0:
            self._answer = done.stdout
        else:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            self._problem = f"the worker process failed ({lines[-1] if lines else 'no message'})"

    def result(self) -> Any:
        """The task's answer: the worker's, or computed here where the worker failed."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._answer is not None:
            answer = json.loads(self._answer)
        else:
            if self._problem != "not started":
                log.warning("%s ran in this process instead: %s", self.task, self._problem)
            answer = TASKS[self.task](self._payload)
        self._payload = self._answer = None  # free the texts
        return answer


def start(task: str, payload: dict[str, Any], in_worker: bool = True) -> BackgroundTask:
    """Start ``task`` on ``payload`` (JSON-serialisable) in a worker process, or run it lazily
    here with ``in_worker=False``."""
    return BackgroundTask(task, payload, in_worker)


def _main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in TASKS:
        print(f"usage: python -m nlp_integration.background {{{','.join(TASKS)}}}", file=sys.stderr)
        return 2
    if argv[0] == "keyword_tokens":
        # spaCy's blank tokenisers need no PyTorch, but thinc imports it when it can (1.5 s of a
        # core); a None entry makes that import fail as if PyTorch were not installed
        sys.modules.setdefault("torch", None)  # type: ignore[arg-type]
    payload = json.loads(sys.stdin.buffer.read())
    answer = TASKS[argv[0]](payload)
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))

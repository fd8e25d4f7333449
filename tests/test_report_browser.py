"""Open report.html in headless Chromium: charts render, no console errors, screenshot saved.

Chromium runs with name resolution disabled, so a report that tried to fetch anything from the
network would fail to render or log an error.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from reporting_fixture import write_fixture_run

from nlp_integration.reporting import render_reports

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip(
            "headless test needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
        )
    folder = write_fixture_run(tmp_path_factory.mktemp("browser") / "run")
    return render_reports(folder)["html"]


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    cmd = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)


def test_charts_render_without_console_errors(report, tmp_path):
    done = _chromium(
        ["--enable-logging=stderr", "--v=0", "--dump-dom", "--virtual-time-budget=10000",
         report.as_uri()],
        tmp_path / "profile",
    )  # fmt: skip
    dom = done.stdout
    n_charts = len(re.findall(r'<div class="chart" id="chart-', report.read_text("utf-8")))
    assert n_charts >= 10
    assert dom.count('class="plot-container plotly"') == n_charts
    assert dom.count('class="main-svg"') >= n_charts
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line]
    from_page = [line for line in console if report.name in line or "Uncaught" in line]
    problems = [line for line in from_page if re.search(r"Uncaught|Error|WARN|Failed", line)]
    assert not problems, "\n".join(problems[:10])
    assert "ERR_NAME_NOT_RESOLVED" not in done.stderr


def test_screenshot(report, tmp_path):
    shot = tmp_path / "report.png"
    _chromium(
        [f"--screenshot={shot}", "--window-size=1400,2400", "--hide-scrollbars",
         "--virtual-time-budget=10000", report.as_uri()],
        tmp_path / "profile",
    )  # fmt: skip
    assert shot.exists()
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000  # a blank page compresses to a few kilobytes

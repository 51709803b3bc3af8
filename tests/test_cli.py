"""The command line: ingest with a summary, search with --json, clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import main


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("MOTCUA_EMBEDDING_MODEL", "hashing")
    return CliRunner()


def test_ingest_then_search_json(runner: CliRunner, tiny_pack: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "var")
    result = runner.invoke(main, ["ingest", str(tiny_pack), "--without-pack", "--data-dir", data, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] == 2 and summary["failed"] == 0
    again = json.loads(runner.invoke(main, ["ingest", str(tiny_pack), "--without-pack", "--data-dir", data,
                                            "--json"]).stdout)
    assert again["unchanged"] == 2 and again["published"] is None
    out = runner.invoke(main, ["search", "dang ky thuong tru", "--data-dir", data, "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["results"][0]["procedure_code"] == "1.004222"


def test_ingest_includes_the_bundled_pack_unless_told(runner: CliRunner, tiny_pack: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "var")
    with_pack = json.loads(runner.invoke(main, ["ingest", str(tiny_pack), "--data-dir", data, "--json"]).stdout)
    assert with_pack["added"] >= 75  # the curated pack's procedures beside the named source
    alone = json.loads(runner.invoke(main, ["ingest", str(tiny_pack), "--without-pack", "--replace", "--data-dir",
                                            data, "--json"]).stdout)
    assert alone["removed"] >= 73


def test_inspect_shows_record(runner: CliRunner, tiny_pack: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "var")
    runner.invoke(main, ["ingest", str(tiny_pack), "--without-pack", "--data-dir", data])
    result = runner.invoke(main, ["inspect", "1.004222", "--data-dir", data, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["channels"][0]["fees"][0]["amount_vnd"] == 20000


def test_search_without_index_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["search", "khai sinh", "--data-dir", str(tmp_path / "empty")])
    assert result.exit_code != 0
    assert "motcua ingest" in result.output


def test_ingest_of_missing_file_fails_with_message(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["ingest", str(tmp_path / "nope.pdf"), "--without-pack", "--data-dir",
                                  str(tmp_path / "var")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_pack_validate_reports_problems(runner: CliRunner, tiny_pack: Path) -> None:
    result = runner.invoke(main, ["pack", "validate", str(tiny_pack)])
    assert result.exit_code == 0, result.output
    (tiny_pack / "procedures" / "1.001193.yaml").write_text("code: 1.001193\n", "utf-8")
    result = runner.invoke(main, ["pack", "validate", str(tiny_pack)])
    assert result.exit_code != 0 and "1.001193.yaml" in result.output


@pytest.mark.parametrize("arguments", [[""], ["   "], ["khai sinh", "--language", "xx"]])
def test_ask_refuses_bad_input_with_a_message(tmp_path: Path, arguments: list[str]) -> None:
    from click.testing import CliRunner

    from api.cli import main

    result = CliRunner().invoke(main, ["ask", *arguments, "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and "Traceback" not in result.output and "Error" in result.output

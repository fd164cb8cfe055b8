import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "DEBUG", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings.prod", **env},
    )


def test_production_settings_pass_the_deploy_checks():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-production-secret-that-is-long-and-random-enough-0123456789",
        ALLOWED_HOSTS="monitor.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="monitor.example.org")
    assert result.returncode != 0
    assert "Set the environment variable SECRET_KEY" in result.stderr

#!/usr/bin/env python3
"""Deploy the checkout as the README's deployment section does, serve it with gunicorn, and probe it over HTTP.

Steps: copy the working tree (tracked and new files, not .venv) to a temporary folder, as a fresh checkout; a new
venv there with `pip install .` (not editable, no dev extras); a fresh PostgreSQL database; with
DJANGO_SETTINGS_MODULE=config.settings.prod: migrate, check --deploy, collectstatic --noinput, one article imported
and one Analyst account; then gunicorn on a free loopback port and these probes, every response also carrying the
Content-Security-Policy header (pages, not static files):
  - plain http is redirected to https (SECURE_SSL_REDIRECT), then every request says X-Forwarded-Proto: https;
  - the login page answers 200, and every hashed static file it links answers 200;
  - a real login through the form (CSRF, throttling backend, secure session cookie sent back by hand);
  - the article page answers 200 for that user, the overview too, with its hashed Chart.js; a missing page is 404.
gunicorn is stopped and the temporary folder and database removed whatever happens.

Standard library only, so it runs with any python3: `python3 .ci/deploy_check.py` (run by .ci/run).
Environment: DEPLOY_CHECK_DB (database name, default deploy_ci), DEPLOY_CHECK_PG (server URL, default
postgres://postgres@127.0.0.1:5432), DEPLOY_CHECK_KEEP=1 keeps the temporary folder for a look afterwards.
"""

import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE_FILE = "fixtures/articles/01-nhp-health-dialogue.txt"
USERNAME = "deploy-check"
HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS proxy adds; prod trusts it (SECURE_PROXY_SSL_HEADER)
STATIC_REF = re.compile(r'(?:src|href)="(/static/[^"]+)"')


class CheckFailed(Exception):
    pass


STARTED = time.monotonic()


def step(message: str) -> None:
    print(f"-- {time.monotonic() - STARTED:5.0f} s  {message}", flush=True)


def run(args: list, *, cwd: Path, env: dict | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CheckFailed(f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


LOCAL_ONLY = (".git", ".venv", "node_modules", "media", "staticfiles", "db.sqlite3", "__pycache__", "*.egg-info")


def tree_copy(target: Path) -> None:
    """The files a fresh checkout of this working tree would have (uncommitted edits included, ignored files not)."""
    try:
        listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO)
    except (CheckFailed, OSError):  # not a git checkout (an unpacked release): everything but local state
        shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*LOCAL_ONLY))
        return
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_reset(server: str, name: str, *, create: bool) -> None:
    statements = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'] + ([f'CREATE DATABASE "{name}"'] if create else [])
    for statement in statements:
        run(["psql", f"{server}/postgres", "-v", "ON_ERROR_STOP=1", "-qc", statement], cwd=REPO)


class Site:
    """HTTP requests to the local gunicorn, as the TLS proxy would forward them."""

    def __init__(self, port: int):
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, *, body: str | None = None, headers: dict | None = None, https=True):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {**(HTTPS if https else {}), **(headers or {})}
        if self.cookies:
            # Secure cookies would never go back over plain http from a client: send them explicitly.
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        connection.close()
        is_page = (response.getheader("Content-Type") or "").startswith("text/html")
        if https and is_page and "script-src 'self'" not in (response.getheader("Content-Security-Policy") or ""):
            raise CheckFailed(f"{method} {path}: no Content-Security-Policy header with script-src 'self'")
        return response, content

    def expect(self, path: str, status: int, **kwargs) -> str:
        response, content = self.request("GET", path, **kwargs)
        if response.status != status:
            raise CheckFailed(f"GET {path}: expected {status}, got {response.status}\n{content[:2000]}")
        return content

    def statics_expect(self, page: str, content: str, *, must_include: str) -> None:
        """Every static file the page links answers 200 under its hashed (manifest) name."""
        refs = sorted(set(STATIC_REF.findall(content)))
        if not any(must_include in ref for ref in refs):
            raise CheckFailed(f"{page} links no {must_include} static file; it links {refs}")
        for ref in refs:
            if not re.search(r"\.[0-9a-f]{12}\.\w+$", ref):
                raise CheckFailed(f"{page} links {ref}, not a hashed name: the manifest storage is not in use")
            self.expect(ref, 200)

    def login(self, username: str, password: str) -> None:
        content = self.expect("/accounts/login/", 200)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1)
        body = f"username={username}&password={password}&csrfmiddlewaretoken={token}"
        headers = {"Origin": self.origin, "Referer": f"{self.origin}/accounts/login/"}
        response, content = self.request("POST", "/accounts/login/", body=body, headers=headers)
        if response.status != 302 or "sessionid" not in self.cookies:
            raise CheckFailed(f"login as {username}: got {response.status}, no session\n{content[:2000]}")


def probes(site: Site, article_id: int) -> None:
    response, _ = site.request("GET", "/accounts/login/", https=False)
    if response.status != 301 or not response.getheader("Location", "").startswith("https://"):
        raise CheckFailed(f"plain http: expected a 301 to https, got {response.status}")
    login_page = site.expect("/accounts/login/", 200)
    site.statics_expect("the login page", login_page, must_include="/static/css/app.")
    site.statics_expect("the admin login page", site.expect("/admin/login/", 200), must_include="/static/admin/css/")
    site.expect(f"/articles/{article_id}/", 302)  # login required
    site.login(USERNAME, os.environ["DEPLOY_CHECK_PASSWORD"])
    article_page = site.expect(f"/articles/{article_id}/", 200)
    site.statics_expect("the article page", article_page, must_include="/static/js/reader.")
    overview = site.expect("/", 200)
    site.statics_expect("the overview", overview, must_include="/static/vendor/chartjs/chart.umd.min.")
    site.expect("/no-such-page/", 404)


SETUP = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from monitoring.articles.models import Article
user = get_user_model().objects.create_user("{username}", password="{password}")
user.groups.add(Group.objects.get(name="Analyst"))
print(Article.objects.get().pk)
"""


def deploy_check(work: Path, database: str, server: str) -> None:
    source, venv = work / "press-monitor", work / "venv"
    step(f"copy of the working tree in {source}")
    tree_copy(source)
    step("fresh venv, pip install . (not editable)")
    run([sys.executable, "-m", "venv", venv], cwd=work)
    run([venv / "bin/pip", "install", "--quiet", "."], cwd=source)
    python = [str(venv / "bin/python"), "manage.py"]
    password = secrets.token_urlsafe(18)
    os.environ["DEPLOY_CHECK_PASSWORD"] = password
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "DEBUG"))}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"{server}/{database}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
    }
    step(f"database {database}: migrate, check --deploy, collectstatic --noinput")
    database_reset(server, database, create=True)
    run([*python, "migrate", "--noinput"], cwd=source, env=env)
    run([*python, "check", "--deploy", "--fail-level", "WARNING"], cwd=source, env=env)
    run([*python, "collectstatic", "--noinput"], cwd=source, env=env)
    step("one imported article, one Analyst")
    run([*python, "import_articles", ARTICLE_FILE], cwd=source, env=env)
    setup = SETUP.format(username=USERNAME, password=password)
    article_id = int(run([*python, "shell", "-c", setup], cwd=source, env=env).strip().splitlines()[-1])

    port = free_port()
    step(f"gunicorn on 127.0.0.1:{port}, DEBUG off")
    log = (work / "gunicorn.log").open("w")
    gunicorn = [
        venv / "bin/gunicorn",
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--no-control-socket",
    ]
    server_process = subprocess.Popen(gunicorn, cwd=source, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        site = Site(port)
        for _ in range(60):
            if server_process.poll() is not None:
                raise CheckFailed(
                    f"gunicorn exited {server_process.returncode}:\n{(work / 'gunicorn.log').read_text()}"
                )
            try:
                site.request("GET", "/accounts/login/")
                break
            except OSError:
                time.sleep(0.5)
        step("probes: https redirect, login page, static files, login, article page, overview, 404, CSP header")
        probes(site, article_id)
    except CheckFailed:
        print((work / "gunicorn.log").read_text()[-4000:], file=sys.stderr)
        raise
    finally:
        step("stopping gunicorn")
        server_process.terminate()
        try:
            server_process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server_process.kill()
            server_process.wait()
        log.close()


def main() -> int:
    database = os.environ.get("DEPLOY_CHECK_DB", "deploy_ci")
    server = os.environ.get("DEPLOY_CHECK_PG", "postgres://postgres@127.0.0.1:5432")
    work = Path(tempfile.mkdtemp(prefix="press-monitor-deploy-"))
    try:
        deploy_check(work, database, server)
    except CheckFailed as failure:
        print(f"deployment check FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        step(f"dropping database {database}")
        try:
            database_reset(server, database, create=False)
        except CheckFailed as failure:
            print(f"(could not drop {database}: {failure})", file=sys.stderr)
        if os.environ.get("DEPLOY_CHECK_KEEP") == "1":
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"deployment check passed in {time.monotonic() - STARTED:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

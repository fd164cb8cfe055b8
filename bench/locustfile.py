"""Locust users for bench/load_bench.py: logged-in analysts browsing the overview, the article list, searches, the
reader and person pages. Not meant to be run by hand: load_bench.py starts gunicorn, prepares the sessions and the
subjects, and passes them in LOAD_BENCH_DATA (a JSON file).

Requests go over plain http to gunicorn with `X-Forwarded-Proto: https`, as the TLS proxy in front of it forwards
them, so production settings apply unchanged (no redirect to https); the session cookie is Secure, which a client
would not send over http, so it is sent as a header.
"""

import itertools
import json
import os
import random

from locust import FastHttpUser, between, task

DATA = json.loads(open(os.environ["LOAD_BENCH_DATA"]).read())
SESSIONS = itertools.cycle(DATA["sessions"])
THINK = float(DATA.get("think", 0))


class Analyst(FastHttpUser):
    wait_time = between(0, THINK)

    def on_start(self):
        self.headers = {"X-Forwarded-Proto": "https", "Cookie": f"sessionid={next(SESSIONS)}"}

    def page(self, path: str, name: str) -> None:
        with self.client.get(
            path, headers=self.headers, name=name, catch_response=True, allow_redirects=False
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task(2)
    def overview(self):
        self.page("/", "overview")

    @task(2)
    def article_list(self):
        self.page(f"/articles/?page={random.randint(1, 5)}", "article list")

    @task(2)
    def search(self):
        self.page(f"/articles/?q={random.choice(DATA['words'])}", "search")

    @task(3)
    def reader(self):
        self.page(f"/articles/{random.choice(DATA['article_ids'])}/", "reader")

    @task(1)
    def person(self):
        self.page(f"/people/{random.choice(DATA['persons'])}/", "person")

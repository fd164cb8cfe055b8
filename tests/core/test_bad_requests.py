"""Malformed query strings and unknown ids get a page, an empty result or a 404, never a 500."""

import pytest

from tests.factories import ArticleFactory, QuoteFactory

URLS = [
    "/?start=notadate",
    "/?start=2024-13-45&end=x",
    "/?interval=century",
    "/articles/?page=abc",
    "/articles/?page=99999",
    "/articles/?q=%22",
    "/articles/?q=AND OR NOT ( ) * ^",
    "/articles/?outlet=abc",
    "/articles/?person=-1",
    "/articles/?tag=nope",
    "/articles/?country=ZZ",
    "/articles/?status=weird",
    "/export/articles.csv?outlet=abc",
    "/export/quotes.json?start=bad",
    "/people/?page=x",
    "/people/999999/",
    "/tags/nonexistent/",
    "/organizations/999/",
    "/outlets/999/",
    "/articles/999999/",
    "/review/?x=1",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_bad_parameters_never_cause_a_server_error(login, analyst, url):
    QuoteFactory(article=ArticleFactory())
    response = login(analyst).get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code in (200, 400, 404), (url, response.status_code)

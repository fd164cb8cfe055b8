"""Static files collect under the production storage (hashed names, a manifest), as a deployment runs them."""

import json

from django.core.management import call_command
from django.test import override_settings

from config.settings import prod


def test_collectstatic_with_production_storage_writes_a_manifest_of_every_file(tmp_path):
    """The manifest storage fails on any reference (url(), sourceMappingURL) to a file that is not there."""
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=prod.STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)

    paths = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in ["vendor/chartjs/chart.umd.min.js", "vendor/htmx/htmx.min.js", "css/app.css", "admin/css/base.css"]:
        hashed = paths[name]
        assert hashed != name and (tmp_path / hashed).is_file(), name

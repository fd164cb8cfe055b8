import io
from pathlib import Path

import pytest
from PIL import Image

STORY = """Lake commission agrees to share water-level readings

Updated: 2024-05-06 Lakeside Courier

Teodor Varga (left), chairman of the Danube Lakes Commission, greets delegates in Szeged, Hungary, in May 2024. MIRA HOLT/RIVERPRESS

Officials from five riparian states agreed on Monday to publish daily water-level readings, a step they said would end years of mutual suspicion.

"Nobody can plan a harvest on rumours," said Teodor Varga, chairman of the Danube Lakes Commission, in a speech at the closing session.

Ilse Brandauer, deputy minister of the Austrian Ministry of Agriculture, said the readings would be free for every farmer in the basin.

Experts said the network of gauges needed another two years of work.

Copyright © Lakeside Courier. All rights reserved.
"""


def jpeg(path: Path, size=(120, 80)) -> Path:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 60, 30)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture
def story_dir(tmp_path):
    """A folder holding one press-text article and the photo saved beside it."""
    (tmp_path / "lakes.txt").write_text(STORY, encoding="utf-8")
    jpeg(tmp_path / "lakes.jpg")
    return tmp_path

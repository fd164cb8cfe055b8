"""News agencies, outlets and media words: who reports the news is never a person who said it.

A shipped list of agencies and widely quoted outlets (written from general knowledge), the words
that end a media name ("Continental Wire", "Harbour Times"), and a test used by the speech rules,
the dateline reader and the photo credits alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .gender import GIVEN_NAMES
from .names import normalise_name

# Canonical name first, then other printed forms (matched whole, case-sensitively).
_AGENCY_ROWS = """\
Reuters|Thomson Reuters
Associated Press|AP;The Associated Press
Agence France-Presse|AFP;Agence France Presse
Xinhua|Xinhua News Agency
TASS|Itar-Tass;ITAR-TASS
RIA Novosti|RIA
Interfax|
Sputnik|
Kyodo|Kyodo News
Jiji Press|Jiji
Yonhap|Yonhap News Agency
Anadolu Agency|Anadolu;AA
ANSA|
EFE|Agencia EFE
dpa|DPA;Deutsche Presse-Agentur
Bloomberg|Bloomberg News
United Press International|UPI
Press Trust of India|PTI
Asian News International|ANI
Bernama|
Antara|
Kazinform|
KCNA|Korean Central News Agency
Vietnam News Agency|VNA
Philippine News Agency|PNA
IRNA|Islamic Republic News Agency
Mehr News Agency|Mehr
SANA|Syrian Arab News Agency
WAFA|
MENA|Middle East News Agency
APA|
Ukrinform|
Belta|BelTA
PAP|Polish Press Agency
CTK|ČTK
MTI|
BTA|
ATS|
Canadian Press|CP;The Canadian Press
Australian Associated Press|AAP
Agencia Brasil|Agência Brasil
Prensa Latina|
Notimex|
Telam|Télam
AllAfrica|
Pan-African News Agency|PANA
Getty Images|Getty
VCG|Visual China Group
EPA|European Pressphoto Agency
BBC|British Broadcasting Corporation
CNN|
Al Jazeera|
CGTN|
CCTV|China Central Television
Global Times|
People's Daily|
China Daily|
RT|Russia Today
NHK|
Deutsche Welle|DW
France 24|
Euronews|
Voice of America|VOA
Radio Free Europe|RFE/RL;Radio Free Europe/Radio Liberty
NPR|National Public Radio
PBS|
Fox News|
MSNBC|
ABC News|
CBS News|
NBC News|
Politico|
Axios|
Financial Times|FT
The Economist|Economist
BuzzFeed News|BuzzFeed
HuffPost|Huffington Post;The Huffington Post;HuffPo
Breitbart News|Breitbart
Vox|
Slate|
Newsweek|
Variety|
Vanity Fair|
The Daily Beast|Daily Beast
The Atlantic|
National Review|
Mother Jones|
Drudge Report|
TheBlaze|The Blaze;Blaze
RealClearPolitics|Real Clear Politics
FactCheck.org|Factcheck;FactCheck
ProPublica|
Mashable|
Haaretz|
The Federalist|Federalist
The Tennessean|Tennessean
The Arizona Republic|azcentral;AZCentral
"""

# The last word of a media name: "Continental Wire", "Harbour Times", "Highland Courier".
MEDIA_HEADS = set(
    "Wire Newswire Times News Post Herald Tribune Gazette Journal Telegraph Courier Chronicle Guardian "
    "Observer Monitor Express Mail Star Review Daily Weekly Magazine Bulletin Dispatch Examiner Inquirer "
    "Sentinel Register Standard Press Broadcasting Broadcaster Television TV Radio Newspaper Agency "
    "Online Today Insider Reporter Digest Record Mirror Sun Globe Nation Show Podcast".split()
)
# Heads that end a media name only with another media word or a known outlet before them; alone
# they are too often something else ("the Nation", "the Sun", "Star").
_AMBIGUOUS_HEADS = {"Sun", "Globe", "Nation", "Star", "Today", "Record", "Standard", "Mirror", "Review", "Insider"}
# Agencies that make "Agency" a media head only with a news word: "News Agency", not "Energy Agency".
_NEWS_WORDS = {"News", "Press", "Wire", "Telegraph", "Information", "Media"}

AGENCY_ALIASES: dict[str, str] = {}
for _line in _AGENCY_ROWS.splitlines():
    if _line.strip():
        _name, _others = _line.split("|")
        for _alias in [_name, *_others.split(";")]:
            if _alias:
                AGENCY_ALIASES[_alias] = _name

_AGENCY_KEYS = {normalise_name(alias) for alias in AGENCY_ALIASES}
_LEADING_THE = re.compile(r"^(?:[Tt]he)\s+")
# A broadcaster's call sign with its band: "KING-TV", "WABC-TV", "KQED-FM".
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}-(?:TV|DT|FM|AM)")


def media_name(name: str, outlets: Iterable[str] = ()) -> bool:
    """Whether a printed name is a news agency or outlet: shipped, given (``outlets``) or shaped like one."""
    bare = _LEADING_THE.sub("", name.strip().rstrip(".,;:"))
    if not bare:
        return False
    if _CALL_SIGN.fullmatch(bare):
        return True
    key = normalise_name(bare)
    if key in _AGENCY_KEYS or any(key == normalise_name(_LEADING_THE.sub("", outlet)) for outlet in outlets if outlet):
        return True
    words = bare.split()
    last = words[-1].strip("'’")
    if last not in MEDIA_HEADS or len(words) < 2 or words[0] in GIVEN_NAMES:
        return False  # "Emily Post", "Jim Courier": a given name makes it a person
    if last == "Agency":
        return any(word in _NEWS_WORDS for word in words[:-1])
    if last in _AMBIGUOUS_HEADS:
        return any(word in MEDIA_HEADS for word in words[:-1])
    return True


_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][\w.'’\-]*"
# "ALMATY, June 3 (Steppe Agency) - ", "ASTANA (AP) — ", "GENEVA, Switzerland, May 2, 2024 (Xinhua) -- ",
# "NUR-SULTAN, June 3 - ": the place (and date) of a wire story, before the story itself.
_WIRE_LEDE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}})"
    rf"(?:,\s*{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}})?"
    rf"(?:,?\s*{_MONTH_WORD}\s+\d{{1,2}}(?:,\s*\d{{4}})?|,\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?:[-—–]{1,2}|:)\s+"
)


def wire_lede(paragraph: str) -> tuple[int, str | None] | None:
    """(where the story starts, the agency in brackets) for a paragraph opening with a wire lede; else None.

    Without an agency in brackets the place must be printed in capitals ("ALMATY, June 3 - "), so
    that an ordinary sentence opening with a name and a dash is not taken for a lede.
    """
    match = _WIRE_LEDE.match(paragraph)
    if match is None or match.end() >= len(paragraph):
        return None
    place = match.group("place")
    agency = match.group("agency")
    letters = [char for char in place if char.isalpha()]
    if agency is None and not (len(letters) >= 3 and all(char.isupper() for char in letters)):
        return None
    if agency is not None and not (letters and all(char.isupper() for char in letters)) and "," not in match.group():
        return None  # "Halabi (left) - ..." is no lede; "Almaty, June 3 (AP) -" and "ALMATY (AP) -" are
    return match.end(), (AGENCY_ALIASES.get(agency.strip(), agency.strip()) if agency else None)

"""Pure-Python parsing and extraction of press articles (no ORM: tested without a database)."""

from .article import Mention, ParsedArticle, ParsedPhoto, ParsedQuote, ParsedSpeaker
from .decoding import decode_bytes, repair_note, text_repair, value_repair
from .errors import ParseError, exception_summary
from .fingerprint import content_fingerprint, suggest_tags
from .json_records import detect_format, iter_json_records, parse_record
from .limits import InputLimits, over_limit
from .names import normalise_name
from .press_text import parse_press_text
from .speech import speech_extract

__all__ = [
    "InputLimits",
    "Mention",
    "ParseError",
    "ParsedArticle",
    "ParsedPhoto",
    "ParsedQuote",
    "ParsedSpeaker",
    "content_fingerprint",
    "decode_bytes",
    "detect_format",
    "exception_summary",
    "iter_json_records",
    "normalise_name",
    "over_limit",
    "parse_press_text",
    "parse_record",
    "repair_note",
    "speech_extract",
    "suggest_tags",
    "text_repair",
    "value_repair",
]

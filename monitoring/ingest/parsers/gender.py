"""Grammatical gender of a person as a text shows it: honorifics, role words and common given names.

Used only to choose between earlier speakers for "he" and "she". Written from general knowledge;
a name not listed has no gender, and then the nearest earlier person is taken whatever it is.
"""

from __future__ import annotations

HONORIFICS = {
    "Mr.": "m",
    "Mr": "m",
    "Mrs.": "f",
    "Mrs": "f",
    "Ms.": "f",
    "Ms": "f",
    "Miss": "f",
    "Sir": "m",
    "Dame": "f",
    "Lady": "f",
    "Lord": "m",
}

_ROLE_WORDS = {
    "m": (
        "spokesman chairman congressman businessman councilman alderman king prince emperor sultan sheikh "
        "husband father son brother nephew uncle grandfather widower boyfriend actor monk priest duke earl "
        "baron lord sir"
    ),
    "f": (
        "spokeswoman chairwoman congresswoman businesswoman councilwoman alderwoman queen princess empress "
        "wife mother daughter sister niece aunt grandmother widow girlfriend actress nun duchess countess "
        "baroness lady dame first lady"
    ),
}
ROLE_WORDS = {word: gender for gender, words in _ROLE_WORDS.items() for word in words.split()}

# Given names with one clear gender (names used for both, like "Andrea", "Kim" or "Sam", are left out,
# and so are family names printed first, like "Wang" or "Park").
_GIVEN_NAMES = {
    "m": (
        "Aaron Abdel Abdullah Abiy Adam Ahmed Alan Albert Alexander Alexei Ali Andrew Andrei Andrzej Anthony "
        "Antonio Arnold Barack Ben Benjamin Bernie Bill Bob Bola Boris Brian Bruce Carl Carlos Charles "
        "Christopher Chuck Cyril Dan Daniel Daulet David Dennis Dick Dmitry Donald Doug Edward Ehud Emmanuel "
        "Eric Frank Fred Fumio Gary George Gerald Greg Gustavo Harry Hassan Henry Howard Ian Ivan Ivo Jack "
        "Jacob James Jason Javier Jean-Claude Jeb Jeff Jeffrey Jens Jim Jimmy Joe John Jonathan Jorge Jose "
        "Joseph Juan Justin Karl Kassym-Jomart Keith Ken Kevin Klaus Larry Luis Mahmoud Marat Marco Mark "
        "Martin Mateusz Matthew Michael Mike Mitch Mohammed Muhammad Muhammadu Narendra Nathan Nick Nicolas "
        "Nurlan Olaf Omar Patrick Paul Pavel Pedro Peter Petro Philip Pierre Rahul Ralph Rand Ray Recep Reince "
        "Richard Rick Robert Roger Ron Ronald Rudy Ryan Samuel Scott Sean Sergei Sergey Shinzo Stephen Steve "
        "Steven Ted Thomas Tim Timothy Todd Tom Tony Uhuru Viktor Vladimir Volodymyr Walter William Yair "
        "Yoweri Yuri"
    ),
    "f": (
        "Aigerim Alice Amy Ana Angela Ann Anna Annalena Anne Asel Ayesha Barbara Benazir Betsy Betty Carly "
        "Carol Caroline Catherine Chelsea Cheryl Christine Claire Claudia Condoleezza Cynthia Dana Debbie "
        "Deborah Diane Dinara Donna Dorothy Elena Elizabeth Ellen Emily Emma Eva Fatima Giorgia Gulnara "
        "Hanna Hannah Heather Helen Hillary Huma Indira Ines Irina Ivanka Jacinda Jane Janet Jennifer Jessica "
        "Jill Joan Joanna Joy Judith Julia Julie Kaja Kamala Karen Kate Katherine Kathleen Kathy Kellyanne "
        "Kristalina Kristen Laura Leila Lena Lina Linda Lisa Liz Loretta Lucy Margrethe Maria Marie Marsha "
        "Marta Mary Megan Megawati Melania Melissa Mette Michelle Mira Nancy Natalia Natalie Ngozi Nicole "
        "Nikki Olga Patricia Rachel Rebecca Roberta Rosa Ruth Samantha Sandra Sanna Sarah Sheryl Sonia "
        "Sophie Stephanie Susan Suzanne Svetlana Tanya Teresa Theresa Tina Tulsi Ursula Valerie Victoria "
        "Virginia Yingluck Yulia Zuzana"
    ),
}
GIVEN_NAMES = {name: gender for gender, names in _GIVEN_NAMES.items() for name in names.split()}


def gender_from(name: str, titles: list[str] | tuple[str, ...] = (), honorific: str | None = None) -> str | None:
    """'m', 'f' or None for a person printed as ``honorific name, titles``."""
    if honorific and honorific in HONORIFICS:
        return HONORIFICS[honorific]
    for title in titles:
        for word in title.casefold().replace("-", " ").split():
            if word in ROLE_WORDS:
                return ROLE_WORDS[word]
    words = name.split()
    if len(words) >= 2:
        return GIVEN_NAMES.get(words[0])
    return None

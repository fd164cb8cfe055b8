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

_GIVEN_NAMES = {
    "m": (
        "Aaron Abdullah Adam Ahmed Alan Albert Alexander Alexei Ali Andrew Andrei Anthony Antonio Arnold Barack "
        "Ben Benjamin Bernie Bill Bob Boris Brian Bruce Carl Carlos Charles Chris Christopher Chuck Daniel Dan "
        "David Dennis Dick Dmitry Donald Doug Edward Emmanuel Eric Frank Fred Gary George Gerald Greg Harry "
        "Hassan Henry Howard Ian Ivan Jack Jacob James Jason Jean-Claude Jeb Jeff Jeffrey Jim Jimmy Joe John "
        "Jonathan Jorge Jose Joseph Juan Justin Karl Keith Ken Kevin Klaus Larry Lee Luis Marco Mark Martin "
        "Matthew Michael Mike Mitch Mohammed Muhammad Nathan Nick Nicolas Olaf Omar Patrick Paul Pedro Peter "
        "Philip Pierre Rahul Ralph Rand Ray Reince Richard Rick Robert Roger Ron Ronald Rudy Ryan Sam Samuel "
        "Scott Sean Sergei Sergey Stephen Steve Steven Ted Thomas Tim Timothy Todd Tom Tony Viktor Vladimir "
        "Walter Wang William Xi Yuri Zhao Nurlan Marat Daulet Kassym-Jomart Jens Olaf Recep Narendra Shinzo "
        "Fumio Mahmoud Abdel Benjamin Ehud Yair Volodymyr Petro Andrzej Mateusz Pedro Lula Javier Gustavo "
        "Cyril Jacob Uhuru William Paul Yoweri Muhammadu Bola Abiy Ivo"
    ),
    "f": (
        "Alice Amy Andrea Angela Ann Anna Anne Annalena Barbara Betsy Carly Carol Caroline Catherine Cheryl "
        "Christine Claire Claudia Condoleezza Cynthia Debbie Deborah Diane Donna Dorothy Elena Elizabeth "
        "Elizabeth Ellen Emily Emma Eva Fatima Giorgia Hannah Heather Helen Hillary Irina Jacinda Jane Janet "
        "Jennifer Jessica Jill Joan Joanna Joy Judith Julia Julie Karen Kamala Kate Katherine Kathleen Kathy "
        "Kelly Kellyanne Kim Kristen Laura Linda Lisa Liz Loretta Lucy Maria Marie Marine Marsha Mary Megan "
        "Melania Melissa Michelle Mira Nancy Natalia Natalie Nicola Nicole Nikki Olga Patricia Rachel Rebecca "
        "Rosa Ruth Samantha Sandra Sarah Sheryl Sonia Sophie Stephanie Susan Suzanne Svetlana Tanya Teresa "
        "Theresa Tina Tulsi Ursula Ivanka Chelsea Huma Debbie Donna Betty Valerie Victoria Virginia Yulia Aigerim Asel Dinara Gulnara Ines Marta "
        "Noor Lena Ana Ayesha Benazir Indira Sheikh-Hasina Ellen Sahle-Work Ngozi Kristalina Christine "
        "Margrethe Mette Sanna Jacinda Tsai Yingluck Park Megawati Leila Hanna Zuzana Kaja Roberta Josep"
    ),
}
GIVEN_NAMES = {name: gender for gender, names in _GIVEN_NAMES.items() for name in names.split()}
# Names that belong to both lists, or are often surnames: no gender from them.
for _name in ("Kim", "Park", "Lee", "Tsai", "Wang", "Zhao", "Josep", "Sheikh-Hasina", "Lula", "Marine"):
    GIVEN_NAMES.pop(_name, None)


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

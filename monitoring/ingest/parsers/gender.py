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
# Roles in "-man" that newsrooms use for women too ("spokesman Hope Marlowe"): weaker than a given name.
GENERIC_ROLE_WORDS = frozenset("spokesman chairman congressman businessman councilman alderman".split())

# Given names with one clear gender (names used for both, like "Andrea", "Kim" or "Sam", are left out,
# and so are family names printed first, like "Wang" or "Park").
_GIVEN_NAMES = {
    "m": (
        "Aaron Abdel Abdullah Abiy Abraham Adam Adrian Ahmad Ahmed Al Alan Albert Alexander Alexei Alfred "
        "Ali Allen Alvin Amir Andrei Andrew Andrzej Andy Anthony Anton Antonio Arnold Arthur Austin Barack "
        "Barry Bashar Ben Benjamin Bennie Bernard Bernie Bert Bill Bob Bobby Bola Boris Brad Bradley Brandon "
        "Brent Bret Brett Brian Bruce Bryan Byron Calvin Carl Carlos Carlton Chad Charles Christopher Chuck "
        "Clarence Clark Clifford Clint Corey Cory Craig Curtis Cyril Damon Dan Daniel Danny Darrell Darren "
        "Daulet Dave David Dean Denis Dennis Denny Derek Devin Dick Dmitry Dominic Don Donald Doug Duncan "
        "Dwight Earl Ed Eddie Edgar Edward Edwin Ehud Eli Elijah Elliott Emmanuel Enrique Eric Ernest Eugene "
        "Evan Felipe Felix Fernando Floyd Francis Francisco Frank Franklin Fred Fumio Gabriel Gary Gavin "
        "Geert Gene Geoffrey George Gerald Gerard Gilbert Glenn Gordon Graham Grant Greg Gregory Gustavo "
        "Hakeem Hal Hamid Hank Harold Harry Harvey Hassan Hector Henry Herbert Herman Hosni Howard Hubert "
        "Hugh Hugo Ian Ibrahim Isaac Ivan Ivo Jack Jacob Jacques Jair Jake James Jared Jason Javier Jay "
        "Jean-Claude Jeb Jeff Jeffrey Jens Jeremy Jerome Jerry Jesse Jesus Jim Jimmy Joaquin Joe Joel Joey "
        "John Johnny Jon Jonah Jonathan Jorge Jose Joseph Josh Joshua Juan Julian Julius Justin Karl "
        "Kassym-Jomart Keith Kelvin Ken Kenneth Kent Kevin Khalid Kirk Klaus Kofi Kurt Kyle Lamar Lance "
        "Larry Lawrence Leon Leonard Leroy Lewis Lincoln Lloyd Louis Lowell Luis Luke Luther Lyndon Mahmoud "
        "Malcolm Manuel Marat Marco Marcus Mario Mark Marshall Martin Marvin Mateusz Matt Matthew Maurice "
        "Mauricio Max Melvin Michael Miguel Mike Mikhail Milton Mitch Mitt Mohammed Moshe Muhammad Muhammadu "
        "Narendra Nathan Nathaniel Neil Nelson Newt Nick Nicolas Nigel Noah Norman Nurlan Olaf Oliver Omar "
        "Orrin Oscar Owen Patrick Paul Pavel Pedro Perry Peter Petro Phil Philip Pierre Preston Rahm Rahul "
        "Ralph Rand Randy Raul Ray Recep Reggie Reid Reince Rex Richard Rick Rob Robert Rocco Rod Rodney "
        "Rodrigo Roger Roland Ron Ronald Ross Roy Rudy Rupert Russell Ryan Salman Samuel Saul Scott Sean "
        "Sebastian Sergei Sergey Seth Sheldon Sherrod Shinzo Silvio Simon Spencer Stan Stanley Steny Stephen "
        "Steve Steven Stuart Ted Terrence Theodore Thomas Tim Timothy Todd Tom Tommy Tony Travis Trent Trey "
        "Troy Tucker Tyler Uhuru Vernon Vicente Victor Viktor Vince Vincent Vladimir Volodymyr Wade Wallace "
        "Walter Warren Wayne Wesley Wilbur Willard William Willie Wolfgang Woodrow Xavier Yair Yasser "
        "Yitzhak Yoweri Yuri Zachary"
    ),
    "f": (
        "Abigail Agnes Aigerim Alexandra Alexandria Alice Alicia Amy Ana Angela Angie Anita Ann Anna "
        "Annalena Anne Asel Audrey Ayesha Barbara Beatrice Benazir Bernadette Bernice Betsy Betty Beverly "
        "Bonnie Brenda Carla Carly Carmen Carol Caroline Carolyn Catherine Cathy Charlotte Chelsea Cheryl "
        "Christina Christine Cindy Claire Claudia Colleen Condoleezza Connie Cristina Cynthia Daisy Dana "
        "Darlene Dawn Deb Debbie Deborah Debra Denise Diane Dianne Dina Dinara Dolores Donna Doris Dorothy "
        "Edith Elaine Eleanor Elena Elise Elizabeth Ellen Ellie Emily Emma Erica Erin Eva Evelyn Fatima "
        "Florence Frances Gabrielle Gail Gina Giorgia Gloria Grace Gretchen Gulnara Gwen Hanna Hannah "
        "Heather Heidi Helen Hillary Huma Ileana Ilhan Indira Ines Irene Irina Ivanka Jacinda Jacqueline "
        "Jane Janet Janice Jeanette Jeanine Jeanne Jennifer Jessica Jill Joan Joanna Joni Josephine Joy "
        "Joyce Judith Judy Julia Julie Kaja Kamala Karen Karin Karla Kate Katherine Kathleen Kathryn Kathy "
        "Katie Katrina Kayla Kellyanne Kimberly Kirsten Kristalina Kristen Kristin Kristina Kyrsten Laura "
        "Lauren Leila Lena Lina Linda Lisa Liz Lois Loretta Lori Lucia Lucille Lucy Lydia Madeleine Madeline "
        "Maggie Marcia Margaret Margrethe Maria Marian Marianne Marie Marilyn Marjorie Marla Marsha Marta "
        "Martha Mary Maureen Maxine Mazie Meg Megan Megawati Megyn Melania Melanie Melissa Mette Mia "
        "Michelle Mika Mira Molly Monica Nadia Nancy Natalia Natalie Ngozi Nicole Nikki Nina Nora Norah Olga "
        "Olivia Omarosa Pam Pamela Patricia Patty Paula Peggy Phyllis Priscilla Rachel Rashida Rebecca "
        "Regina Renee Rita Roberta Rosa Roxanne Ruby Ruth Sabrina Sally Samantha Sandra Sanna Sarah Sharon "
        "Sheila Shelley Sheryl Shirley Sofia Sonia Sonya Sophia Sophie Stacey Stephanie Sue Susan Susana "
        "Suzanne Svetlana Sylvia Tamara Tammy Tanya Tara Teresa Theresa Tiffany Tina Trish Tulsi Ursula "
        "Valerie Vanessa Veronica Victoria Virginia Vivian Wendy Yingluck Yolanda Yulia Yvette Zoe Zuzana"
    ),
}
GIVEN_NAMES = {name: gender for gender, names in _GIVEN_NAMES.items() for name in names.split()}


def gender_from(name: str, titles: list[str] | tuple[str, ...] = (), honorific: str | None = None) -> str | None:
    """'m', 'f' or None for a person printed as ``honorific name, titles``."""
    if honorific and honorific in HONORIFICS:
        return HONORIFICS[honorific]
    generic = None
    for title in titles:
        for word in title.casefold().replace("-", " ").split():
            if word in GENERIC_ROLE_WORDS:
                generic = generic or ROLE_WORDS[word]
            elif word in ROLE_WORDS:
                return ROLE_WORDS[word]
    words = name.split()
    if len(words) >= 2:
        # "Port spokesman Hope Marlowe": a "-man" role is said of women too, so it tells nothing about a
        # full name; the given name does, if it is known.
        return GIVEN_NAMES.get(words[0])
    return generic

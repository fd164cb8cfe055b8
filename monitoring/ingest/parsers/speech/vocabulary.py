"""The words the speech rules know besides reporting verbs: titles, groups, places, fillers.

Public, so that other parsers (mentions) share one vocabulary with the speech rules."""

from __future__ import annotations

from ..gazetteer import DEMONYM_PLURALS

PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "group"}

OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they", "it": "it"}

PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"}

# "People's Renewal Party": a possessive that belongs to the name, not an owner before it.
COMMON_OWNERS = {"People", "Women", "Children", "Men", "Nation", "Farmer", "Worker", "Citizen", "Youth"}

# Words that make a capitalised run a place or region rather than a person's name.
PLACE_WORDS = set(
    "Africa Asia Europe America Americas Oceania Antarctica Arctic Caribbean Pacific Atlantic Ocean Sea "
    "Sahel Balkans Caucasus Gulf Middle East West North South Central Eastern Western Northern Southern "
    "Asian African European American Arab Latin River Lake Valley Mountains Island Islands Province Region "
    "Street Square Avenue Bay Strait Desert Basin Peninsula Coast Delta Highlands Soviet "
    "County Township Parish District Fort Mount Cape Beach Springs Heights Falls Harbor Harbour".split()
)

HONORIFIC_WORDS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr"}

# Capitalised words that start sentences or name times, never part of a speaker's name.
NOT_NAME_WORDS = set(
    "On In At But And The A An After Before Later Earlier Meanwhile However Also Then When While "
    "Last This That These Those Speaking Asked Yet So Still Since As If Although Though Instead "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Today Yesterday Separately Overall Now "
    "Here There Some Many Most Several Both All Other Another Such What Who Which Where Why How "
    "It He She They We I You His Her Their Its Our My Your For From With Without By To Of Under "
    "Over Among Between Despite During Following Amid According Not No Everything Nothing Anything "
    "Something Everyone Nobody Anyone Someone Nor Neither Either Whether Because Unless Until "
    # Adverbs and prepositions that open a sentence ("Even as they vowed ...", "Against Sanders, she ...").
    "Even Against Just Only Once Unlike Beyond Inside Outside Within Toward Towards Through Throughout "
    "Across Along Around Behind Beside Besides Near Via Upon Regardless Alongside Whenever Wherever Perhaps".split()
)

# Reporting verbs fronted before a speaker's name ("Said Ana Ruiz, ...", "Continued Ruiz: ..."): no part of the name.
FRONTED_VERBS = "Said Says Added Adds Stated Continued Wrote Writes Noted Explained Concluded Replied".split()
NOT_NAME_WORDS |= set(FRONTED_VERBS)
NOT_NAME_WORDS_FOLDED = {word.casefold() for word in NOT_NAME_WORDS}
# The words of NOT_NAME_WORDS that belong to a noun phrase (determiners, quantifiers, pronouns); the others open a
# clause or a phrase ("But", "When", "After", "On Monday") and are no part of a subject's mention.
MENTION_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my"}
MENTION_DETERMINERS |= {"your", "some", "many", "most", "several", "both", "all", "other", "another", "such", "no"}
MENTION_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "who", "which", "everyone", "nobody", "anyone"}
MENTION_PRONOUNS |= {"someone", "everything", "nothing", "anything", "something", "neither", "either", "me", "us"}
MENTION_OPENERS = (NOT_NAME_WORDS_FOLDED - MENTION_DETERMINERS - MENTION_PRONOUNS) | {"or", "let", "let's", "let’s"}
# Quantifiers and pronouns that stand for people without naming them ("Others say", "One adds"): never a name alone.
QUANTIFIER_WORDS = {
    "One",
    "Others",
    "More",
    "Few",
    "None",
    "Each",
    "Every",
    "Any",
    "Much",
    "Another",
    "Some",
    "Many",
    "Both",
    "Two",
    "Three",
    "Four",
    "Five",
}
# Common English words that open sentences and are no surnames ("Nearly eight in 10 said", "Sure, data suggest",
# "Friends said"): alone, such a capitalised word names nobody unless a title, an honorific or a full name in the
# article makes it a person's name (as does any word the article also prints in lower case).
COMMON_WORDS = frozenset(
    "Nearly Almost Again Sure Having Being First Second Third Finally Federal Local National Public Private "
    "Research Data Evidence Analysis Guidelines Records Documents Studies Friends Neighbors Neighbours Parents "
    "Residents Supporters Opponents Critics Sources Experts Polls Certainly Clearly Indeed Rather Especially "
    "Particularly Ultimately Eventually Initially Recently Currently Previously Unfortunately Fortunately "
    "Ironically Interestingly Notably Similarly Likewise Otherwise Therefore Thus Hence Together Elsewhere "
    "Nevertheless Nonetheless Anyway Afterward Afterwards Soon Already Always Never Often Sometimes Usually "
    "Really Actually Basically Simply Obviously Apparently Presumably Reportedly Allegedly Officially "
    "Whatever Whoever Everybody Somebody Anybody Nobody Yes Okay Well Plus Overall".split()
)

# The words that open a group's noun phrase ("the", "some", "two"): what precedes them is no part of it.
GROUP_DETERMINERS = {"the", "a", "an", "some", "many", "several", "most", "other", "few", "two", "three", "four"}

# Last words that make a capitalised run a building, an event, a law or a business, not a person
# ("Trump Plaza", "Quicken Loans Arena", "World War II", "Affordable Care Act").
FACILITY_WORDS = set(
    "Plaza Arena Stadium Hotel Casino Tower Towers Palace Airport Station Hospital Museum Library School "
    "Elementary Academy Cathedral Mosque Temple Boulevard Road Highway Act Bill Amendment Treaty Accord "
    "War II III Summit Convention Caucus Caucuses Primary Debate Services Solutions Airlines Airways "
    "Inc Inc. Corp Corp. LLC Ltd Security Media Club".split()
)

TITLE_HEADS = set(
    "President Minister Secretary Ambassador Senator Chancellor Premier Governor Mayor Spokesman "
    "Spokeswoman Spokesperson Chairman Chairwoman Chair Director Director-General General "
    "Secretary-General Commissioner Envoy Representative Leader King Queen Prince Princess Pope "
    "Sheikh Emir Judge Justice Prosecutor Attorney Deputy Vice Chief Executive Officer CEO Head "
    "Speaker Adviser Advisor Counsel Admiral Commander Colonel Captain Lieutenant Lawmaker MP "
    "Congressman Congresswoman Councillor Councilor President-elect Foreign Prime Defence Defense "
    "Finance Interior Trade Health Economy Agriculture Energy Justice Labour Labor Education "
    "Environment Fisheries Transport Culture Home State Sen. Rep. Gov. Gen. Lt. Col. Adm. Amb. "
    "Pres. Sgt. Capt. Maj. Rev. Bishop Archbishop Cardinal Imam Rabbi Chairperson Founder "
    "Professor Prof. Dr. Mr. Mrs. Ms. Dr Mr Mrs Ms Economist Analyst Party Ruler Monarch "
    "Vice-President Vice-Chairman Deputy-Director Undersecretary Under-Secretary Whip Treasurer Comptroller "
    "Sheriff Pastor Assemblyman Assemblywoman Councilman Councilwoman Superintendent Administrator".split()
)

TITLE_NOUNS = (
    "minister president prime minister foreign minister secretary ambassador senator chancellor "
    "premier governor mayor spokesman spokeswoman spokesperson chairman chairwoman chair director "
    "commissioner envoy leader king queen prince pope judge prosecutor chief executive head "
    "speaker adviser advisor general admiral commander lawmaker negotiator official diplomat "
    "mediator economist analyst professor president-elect secretary-general contributor columnist commentator "
    "host anchor correspondent"
).split()

GROUP_HEADS = (
    "officials official experts expert delegates delegate analysts analyst diplomats diplomat "
    "sources source residents resident critics critic observers observer lawmakers lawmaker "
    "legislators protesters ministers leaders participants organizers organisers witnesses "
    "witness police authorities activists activist economists scientists researchers "
    "negotiators negotiator representatives representative members member voters people "
    "spokespeople campaigners farmers fishermen fishers workers doctors investigators "
    "prosecutors officers aides aide advisers advisors insiders commentators students locals "
    "villagers traders executives executive envoys envoy governments donors groups parties "
    "countries nations citizens survivors families relatives soldiers troops rebels militants "
    "opponents supporters allies partners panelists attendees scholars academics historians "
    "journalists pollsters spokesman spokeswoman spokesperson sides side delegation delegations "
    "ministry government embassy agency statement report organizers successors predecessors "
    "agencies charities organisations organizations companies firms investors NGOs unions "
    "administrators teachers nurses miners employers employees owners shareholders bankers person persons "
    "adviser advisor strategist strategists staffer staffers consultant consultants operative operatives supporter"
).split()

GROUP_MODIFIERS = (
    "the some many several most other few a an one two three four five six seven eight nine "
    "ten eleven twelve dozens hundreds of both all senior top local foreign western regional "
    "government party military security independent leading unnamed anonymous two-day "
    "visiting opposition ruling key junior former current coastal provincial federal state "
    "national municipal city european african asian arab latin american their its his her aid "
    "humanitarian international"
).split()

CHANNEL_NOUNS = (
    "video message|press conference|news conference|press briefing|news briefing|"
    "televised address|radio address|speech|address|statement|interview|message|briefing|"
    "post|tweet|letter|op-ed|article|communiqué|communique|memo|email|podcast|broadcast|remarks|"
    "report|editorial|column|essay|declaration|resolution|hearing|testimony|debate|lecture|"
    "conference call|phone call|call|video|blog post|social media post|commentary"
)

FILLER = "\x01"

ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "maj",
    "rev",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "corp",
    "co",
    "ltd",
    "amb",
    "pres",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "a.m",
    "p.m",
    "etc",
    "gov't",
}

SUBJECT_FILLER = set(
    "has have had was were is are would will also later earlier then previously repeatedly "
    "further again once reportedly publicly privately separately recently last week month "
    "yesterday today had already just never often always only first initially subsequently "
    "since now did does do indeed himself herself themselves itself has having quickly angrily flatly long rarely often frequently "
    "usually sometimes quietly loudly initially formally been".split()
)

# Nouns and adjectives in -ly that may end a subject ("the family said"): no adverbs.
LY_NOUNS = set(
    "family ally assembly rally supply monopoly anomaly bully daily weekly monthly quarterly elderly homily "
    "folly reply belly jelly lily fly july italy".split()
)

SHARE_WORDS = {
    "percent",
    "cent",
    "majority",
    "minority",
    "in",
    "half",
    "third",
    "quarter",
    "thirds",
    "quarters",
    "fourths",
}

GROUP_WORDS = set(GROUP_HEADS) | set(GROUP_MODIFIERS)

ORG_WORDS = set(
    "Party Ministry Institute League Council Commission Agency Association Union Organization "
    "Organisation Bank Fund Front Congress Committee University Times News Daily Post Herald "
    "Tribune Gazette Journal Press Corporation Company Group Forum Alliance Federation Court "
    "Parliament Assembly Senate Authority Bureau Office Department Service Movement Foundation "
    "Centre Center Network Broadcasting Television Radio Army Navy Force Forces Guard Police "
    "Secretariat Coalition Society Academy College Programme Program Embassy Government Cabinet "
    "Chamber Board Institution Observer Monitor Telegraph Courier Express Review Mail Star "
    "Chronicle Guardian Agency Xinhua Reuters Kremlin Pentagon House Circuit Tribunal "
    # companies named alone whose statements are quoted ("Twitter said"): a body, never a person
    "Twitter Facebook YouTube Google Instagram TikTok Microsoft Amazon".split()
)

# Plural nouns for people that are printed capitalised (at a sentence start, or as party members).
PLURAL_PEOPLE = set(
    "demonstrators protesters protestors environmentalists conservationists nationalists separatists islamists "
    "unionists lawyers judges pilots drivers parents mothers fathers women men children youths refugees "
    "migrants immigrants neighbours neighbors shoppers consumers customers users fans viewers readers "
    "listeners senators ministers commentators bloggers residents inhabitants pensioners retirees veterans "
    "nurses doctors patients victims prisoners detainees hostages settlers herders growers producers "
    "exporters importers manufacturers retailers landlords tenants peasants villagers monks priests "
    "clerics bishops believers worshippers pilgrims tourists visitors passengers crew staff employees "
    "managers bosses officials experts critics analysts activists advocates campaigners organisers organizers "
    "volunteers rescuers firefighters paramedics scientists researchers economists engineers teachers "
    "students pupils academics protest-organisers opponents supporters sources witnesses observers "
    "guests millennials mourners".split()
)
# Plural nouns for what is printed or counted ("Polls show", "Figures released on Monday suggest"): a
# source that is never a person, even capitalised at a sentence start.
PLURAL_THINGS = set(
    "polls surveys figures projections estimates statistics numbers results records documents studies "
    "reports data".split()
)
# Plural nouns for people that keep their capital ("Latinos said"): a group, named as printed.
PROPER_PLURALS = (
    set(
        "Latinos Latinas Hispanics African-Americans Asian-Americans Jews Muslims Hindus Arabs Evangelicals Catholics "
        "Christians".split()
    )
    | DEMONYM_PLURALS
)

PARTY_PLURALS = set(
    "Democrats Republicans Conservatives Liberals Socialists Communists Greens Tories Labourites Centrists "
    "Progressives Libertarians Independents Loyalists Unionists Nationalists Federalists".split()
)

# A capitalised run ending in one of these describes a party member or is an adjective ("the
# Wisconsin Republican", "the Nevada Democratic caucuses"), never a person's name.
PARTY_MEMBER_WORDS = set(
    "Republican Democrat Democratic Conservative Liberal Socialist Communist Libertarian Progressive".split()
)

# How far back from a verb its subject can start; keeps end-anchored searches linear.
SUBJECT_REACH = 240

# Words that show a clause is no bare noun phrase (a verb, a pronoun, a conjunction).
NOT_SUBJECT_WORDS = {
    "it",
    "which",
    "that",
    "this",
    "what",
    "who",
    "when",
    "if",
    "as",
    "because",
    "so",
    "than",
    "to",
    "not",
    "and",
    "or",
    "but",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "there",
    "also",
}

# Conjunctions that open a subordinate clause ("Although officials say ..."): no part of the subject after them.
SUBORDINATORS = frozenset("unless although though if when whenever because while whereas since once until".split())

DETERMINERS = {"the", "a", "an", "this", "these", "those", "its", "their", "his", "her"}

AUXILIARIES = {
    "has",
    "have",
    "had",
    "been",
    "was",
    "were",
    "is",
    "are",
    "be",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
}

NOT_DESCRIPTION_HEADS = {
    "year",
    "week",
    "day",
    "time",
    "plan",
    "deal",
    "way",
    "end",
    "moment",
    "same",
    "other",
    "one",
    "ones",
    "also",
    "not",
    "never",
    "only",
    "who",
    "that",
    "which",
    "then",
    "recently",
}

GROUP_HEAD_SET = {head.lower() for head in GROUP_HEADS}

PROPER_ADJECTIVES = {"european", "african", "asian", "arab", "latin", "american", "western", "eastern"}

# Lower-case role words printed between a body and a name ("Foreign Ministry spokesperson Zhao Lijian").
PRENOMINAL_HEADS = set(TITLE_NOUNS) | set(
    "host anchor moderator commentator contributor correspondent reporter editor columnist manager strategist pollster aide candidate nominee "
    "member spokesman spokeswoman spokesperson secretary official officer chief researcher scientist "
    "lawyer attorney representative envoy coordinator commander "
    # persons described by what they do or are: "said Bergen delegate Tomas Berg"
    "delegate constituent boss supporter voter resident activist organizer organiser founder consultant "
    "expert student worker owner widow widower veteran pastor teacher farmer donor operative".split()
)

# Before a name, these make it a place ("a docker in Molde"), not the name of the person described.
PLACE_PREPOSITIONS = {"in", "at", "from", "near", "outside", "inside", "across", "around"}

FALLBACK_FILLER = AUXILIARIES | {
    "not",
    "never",
    "also",
    "still",
    "long",
    "often",
    "just",
    "even",
    "already",
    "now",
    "then",
    "once",
    "later",
    "earlier",
    "first",
    "again",
    "both",
    "all",
    "n't",
    "didn't",
    "doesn't",
    "don't",
    "haven't",
    "hasn't",
    "had",
    "have",
    "has",
}

# Words that cannot end a subject: the verb then belongs to a clause of another kind.
NOT_SUBJECT_END = {
    "that",
    "which",
    "who",
    "whom",
    "what",
    "whose",
    "to",
    "and",
    "or",
    "but",
    "nor",
    "before",
    "after",
    "while",
    "by",
    "of",
    "for",
    "with",
    "as",
    "if",
    "when",
    "because",
    "than",
    "it",
    "there",
    "this",
    "i",
    "we",
    "you",
    "me",
    "us",
    "him",
    "her",
    "them",
    "my",
    "our",
    "your",
    "his",
    "their",
    "its",
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "from",
    "into",
    "about",
    "where",
    "why",
    "how",
    "so",
    "not",
    "without",
    "once",
    "until",
    "unless",
    "though",
    "although",
    "whether",
    "since",
    "could",
    "would",
}

NOT_SUBJECT_START = {
    "it",
    "there",
    "which",
    "who",
    "what",
    "whom",
    "i",
    "we",
    "you",
    "to",
    "and",
    "or",
    "if",
    "when",
    "as",
    "because",
    "how",
    "why",
    "where",
    "whether",
    "though",
    "although",
    # a preposition opens a phrase, not a subject ("about the spread of rumours")
    "about",
    "during",
}

NOT_SUBJECT_JOIN = {
    "that",
    "to",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "for",
    "with",
    "by",
    "as",
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "from",
    "into",
    "about",
    "than",
    "not",
    "before",
    "after",
    "while",
}

VERB_INSIDE = {"is", "are", "was", "were", "be", "been", "being"}

# How the press abbreviates a US state after a town ("Molde, Ore.", "Molde, N.H."); the two-letter postal
# codes ("Molde, OH") are read from ISO 3166-2 (see entities.is_state_abbreviation). ("Del." is left out: it
# is as often the title of a delegate to Congress, "Del. Ana Ruiz".)
STATE_ABBREVIATIONS = set(
    "Ala. Ariz. Ark. Calif. Colo. Conn. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich. Minn. Miss. "
    "Mo. Mont. Neb. Nebr. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. "
    "Wash. W.Va. Wis. Wyo. D.C.".split()
)

# Days and months that are never part of a person's name ("May", "June" and "April" can be).
TIME_NAMES = set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February September October November "
    "December Today Yesterday Tonight".split()
)

# Heads of a definite description that stand for one person named before ("the billionaire
# businessman", "the Florida senator", "the judge"): with nobody of that role on record, they
# refer back to the most recent compatible person. Words usual for unnamed sources ("the
# official", "the spokesman", "the man") are left out: they introduce somebody new as often.
BACK_REFERENCE_ROLES = set(
    "candidate nominee hopeful contender front-runner frontrunner challenger incumbent businessman "
    "businesswoman tycoon magnate mogul billionaire millionaire developer neurosurgeon surgeon socialist "
    "senator congressman congresswoman governor mayor president president-elect judge justice "
    "secretary minister premier chancellor ambassador lawmaker legislator star actor actress singer "
    "author writer comedian host founder chairman chairwoman executive ceo veteran lawyer attorney "
    "commander general admiral pope king queen prince princess leader speaker billionaire republican "
    "democrat investor financier banker entrepreneur pollster strategist economist scientist physician "
    "professor historian broadcaster radioman anchor commentator columnist pundit preacher evangelist "
    "lobbyist celebrity legend athlete coach quarterback rapper musician filmmaker novelist speechwriter".split()
)

# Heads of a description of one unnamed person ("a spokeswoman for the port", "one delegate from
# Ohio", "the person familiar with the talks"): a speaker so described is the "he" or "she" of
# the sentences after it until somebody else is named.
SINGLE_PERSON_HEADS = set(
    "spokesman spokeswoman spokesperson representative official aide adviser advisor source person delegate "
    "man woman voter resident member supporter staffer employee worker strategist operative insider friend "
    "relative neighbor neighbour student teacher analyst expert economist diplomat lawmaker organizer "
    "organiser volunteer activist protester pastor priest doctor nurse owner manager executive consultant "
    "pollster donor witness attendee caller customer farmer officer lawyer attorney".split()
)

# Subject pronouns a plain verb form agrees with ("they note", "we claim"): such a cue is a verb, not a noun.
PLURAL_PRONOUNS = frozenset({"they", "we", "you", "i", "who"})

"""Country and international-body names: a shipped table, with ISO 3166 names and codes from pycountry.

The table is written from general knowledge: the short names press texts print, other names and
demonyms, and the international bodies. Each country row is ``CODE|Name|other names|demonyms`` (``;`` separated). Only capitalised
forms are listed because matching is case-sensitive: "Turkey" is a country, "turkey" is not.
Demonyms that name several countries ("Korean", "Congolese") are left out on purpose.
"""

from __future__ import annotations

import pycountry

_COUNTRY_ROWS = """\
AF|Afghanistan||Afghan;Afghans
AL|Albania||Albanian;Albanians
DZ|Algeria||Algerian;Algerians
AD|Andorra||Andorran
AO|Angola||Angolan;Angolans
AG|Antigua and Barbuda||Antiguan
AR|Argentina||Argentine;Argentinian;Argentines
AM|Armenia||Armenian;Armenians
AU|Australia||Australian;Australians
AT|Austria||Austrian;Austrians
AZ|Azerbaijan||Azerbaijani;Azeri
BS|Bahamas|The Bahamas|Bahamian
BH|Bahrain||Bahraini
BD|Bangladesh||Bangladeshi;Bangladeshis
BB|Barbados||Barbadian
BY|Belarus||Belarusian;Belarusians
BE|Belgium||Belgian;Belgians
BZ|Belize||Belizean
BJ|Benin||Beninese
BT|Bhutan||Bhutanese
BO|Bolivia||Bolivian;Bolivians
BA|Bosnia and Herzegovina|Bosnia|Bosnian;Bosnians
BW|Botswana||Botswanan
BR|Brazil||Brazilian;Brazilians
BN|Brunei|Brunei Darussalam|Bruneian
BG|Bulgaria||Bulgarian;Bulgarians
BF|Burkina Faso||Burkinabe
BI|Burundi||Burundian
CV|Cabo Verde|Cape Verde|Cape Verdean
KH|Cambodia||Cambodian;Cambodians
CM|Cameroon||Cameroonian;Cameroonians
CA|Canada||Canadian;Canadians
CF|Central African Republic||
TD|Chad||Chadian
CL|Chile||Chilean;Chileans
CN|China|People's Republic of China;PRC|Chinese
CO|Colombia||Colombian;Colombians
KM|Comoros||Comorian
CG|Congo|Republic of the Congo;Congo-Brazzaville|
CD|Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa|
CR|Costa Rica||Costa Rican
CI|Côte d'Ivoire|Ivory Coast;Cote d'Ivoire|Ivorian;Ivorians
HR|Croatia||Croatian;Croatians
CU|Cuba||Cuban;Cubans
CY|Cyprus||Cypriot;Cypriots
CZ|Czechia|Czech Republic|Czech;Czechs
DK|Denmark||Danish;Danes
DJ|Djibouti||Djiboutian
DM|Dominica||
DO|Dominican Republic||Dominican;Dominicans
EC|Ecuador||Ecuadorian;Ecuadorians
EG|Egypt||Egyptian;Egyptians
SV|El Salvador||Salvadoran;Salvadorans
GQ|Equatorial Guinea||Equatoguinean
ER|Eritrea||Eritrean;Eritreans
EE|Estonia||Estonian;Estonians
SZ|Eswatini|Swaziland|Swazi
ET|Ethiopia||Ethiopian;Ethiopians
FJ|Fiji||Fijian;Fijians
FI|Finland||Finnish;Finns
FR|France||French
GA|Gabon||Gabonese
GM|Gambia|The Gambia|Gambian
GE|Georgia||Georgian;Georgians
DE|Germany||German;Germans
GH|Ghana||Ghanaian;Ghanaians
GR|Greece||Greek;Greeks
GD|Grenada||Grenadian
GT|Guatemala||Guatemalan;Guatemalans
GN|Guinea||Guinean;Guineans
GW|Guinea-Bissau||
GY|Guyana||Guyanese
HT|Haiti||Haitian;Haitians
HN|Honduras||Honduran;Hondurans
HU|Hungary||Hungarian;Hungarians
IS|Iceland||Icelandic;Icelanders
IN|India||Indian;Indians
ID|Indonesia||Indonesian;Indonesians
IR|Iran|Islamic Republic of Iran|Iranian;Iranians
IQ|Iraq||Iraqi;Iraqis
IE|Ireland||Irish
IL|Israel||Israeli;Israelis
IT|Italy||Italian;Italians
JM|Jamaica||Jamaican;Jamaicans
JP|Japan||Japanese
JO|Jordan||Jordanian;Jordanians
KZ|Kazakhstan||Kazakh;Kazakhs
KE|Kenya||Kenyan;Kenyans
KI|Kiribati||
KW|Kuwait||Kuwaiti;Kuwaitis
KG|Kyrgyzstan||Kyrgyz
LA|Laos|Lao People's Democratic Republic|Laotian
LV|Latvia||Latvian;Latvians
LB|Lebanon||Lebanese
LS|Lesotho||Basotho
LR|Liberia||Liberian;Liberians
LY|Libya||Libyan;Libyans
LI|Liechtenstein||
LT|Lithuania||Lithuanian;Lithuanians
LU|Luxembourg||Luxembourgish
MG|Madagascar||Malagasy
MW|Malawi||Malawian;Malawians
MY|Malaysia||Malaysian;Malaysians
MV|Maldives||Maldivian
ML|Mali||Malian;Malians
MT|Malta||Maltese
MH|Marshall Islands||Marshallese
MR|Mauritania||Mauritanian
MU|Mauritius||Mauritian
MX|Mexico||Mexican;Mexicans
FM|Micronesia|Federated States of Micronesia|Micronesian
MD|Moldova|Republic of Moldova|Moldovan;Moldovans
MC|Monaco||Monegasque
MN|Mongolia||Mongolian;Mongolians
ME|Montenegro||Montenegrin
MA|Morocco||Moroccan;Moroccans
MZ|Mozambique||Mozambican;Mozambicans
MM|Myanmar|Burma|Burmese
NA|Namibia||Namibian;Namibians
NR|Nauru||Nauruan
NP|Nepal||Nepali;Nepalese
NL|Netherlands|The Netherlands;Holland|Dutch
NZ|New Zealand||New Zealander;New Zealanders
NI|Nicaragua||Nicaraguan;Nicaraguans
NE|Niger||Nigerien
NG|Nigeria||Nigerian;Nigerians
KP|North Korea|Democratic People's Republic of Korea;DPRK|North Korean;North Koreans
MK|North Macedonia|Macedonia|Macedonian
NO|Norway||Norwegian;Norwegians
OM|Oman||Omani;Omanis
PK|Pakistan||Pakistani;Pakistanis
PW|Palau||Palauan
PA|Panama||Panamanian
PG|Papua New Guinea||Papua New Guinean
PY|Paraguay||Paraguayan
PE|Peru||Peruvian;Peruvians
PH|Philippines|The Philippines|Filipino;Filipinos;Philippine
PL|Poland||Polish;Poles
PT|Portugal||Portuguese
QA|Qatar||Qatari;Qataris
KR|South Korea|Republic of Korea;ROK|South Korean;South Koreans
RO|Romania||Romanian;Romanians
RU|Russia|Russian Federation|Russian;Russians
RW|Rwanda||Rwandan;Rwandans
KN|Saint Kitts and Nevis|St. Kitts and Nevis|
LC|Saint Lucia|St. Lucia|Saint Lucian
VC|Saint Vincent and the Grenadines|St. Vincent and the Grenadines|
WS|Samoa||Samoan;Samoans
SM|San Marino||Sammarinese
ST|Sao Tome and Principe|São Tomé and Príncipe|
SA|Saudi Arabia||Saudi;Saudis
SN|Senegal||Senegalese
RS|Serbia||Serbian;Serbians;Serbs
SC|Seychelles||Seychellois
SL|Sierra Leone||Sierra Leonean
SG|Singapore||Singaporean;Singaporeans
SK|Slovakia||Slovak;Slovaks
SI|Slovenia||Slovenian;Slovene;Slovenes
SB|Solomon Islands||
SO|Somalia||Somali;Somalis
ZA|South Africa||South African;South Africans
SS|South Sudan||South Sudanese
ES|Spain||Spanish;Spaniards
LK|Sri Lanka||Sri Lankan;Sri Lankans
SD|Sudan||Sudanese
SR|Suriname||Surinamese
SE|Sweden||Swedish;Swedes
CH|Switzerland||Swiss
SY|Syria|Syrian Arab Republic|Syrian;Syrians
TJ|Tajikistan||Tajik;Tajiks
TZ|Tanzania|United Republic of Tanzania|Tanzanian;Tanzanians
TH|Thailand||Thai
TL|Timor-Leste|East Timor|Timorese
TG|Togo||Togolese
TO|Tonga||Tongan
TT|Trinidad and Tobago||Trinidadian
TN|Tunisia||Tunisian;Tunisians
TR|Türkiye|Turkey|Turkish;Turks
TM|Turkmenistan||Turkmen
TV|Tuvalu||Tuvaluan
UG|Uganda||Ugandan;Ugandans
UA|Ukraine||Ukrainian;Ukrainians
AE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis
GB|United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton;Britons
US|United States|U.S.;US;USA;U.S.A.;United States of America;America|American;Americans
UY|Uruguay||Uruguayan
UZ|Uzbekistan||Uzbek;Uzbeks
VU|Vanuatu||Vanuatuan
VE|Venezuela||Venezuelan;Venezuelans
VN|Vietnam|Viet Nam|Vietnamese
YE|Yemen||Yemeni;Yemenis
ZM|Zambia||Zambian;Zambians
ZW|Zimbabwe||Zimbabwean;Zimbabweans
"""

# Canonical name first, then aliases. Acronyms are matched case-sensitively ("WHO", not "who").
_ORGANIZATION_ROWS = """\
United Nations|UN;U.N.
United Nations Security Council|UN Security Council;U.N. Security Council;Security Council;UNSC
United Nations General Assembly|UN General Assembly;U.N. General Assembly;General Assembly;UNGA
World Health Organization|WHO;World Health Organisation
North Atlantic Treaty Organization|NATO;Nato
European Union|EU;E.U.
European Commission|
European Parliament|
African Union|AU
Association of Southeast Asian Nations|ASEAN
BRICS|
Group of 20|G20;G-20;Group of Twenty
Group of Seven|G7;G-7
International Monetary Fund|IMF
World Bank|
World Trade Organization|WTO;World Trade Organisation
Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organization
Organization of the Petroleum Exporting Countries|OPEC
UNESCO|
UNICEF|
United Nations High Commissioner for Refugees|UNHCR;UN refugee agency
International Atomic Energy Agency|IAEA
Organization for Security and Co-operation in Europe|OSCE
Organisation for Economic Co-operation and Development|OECD
Arab League|League of Arab States
Gulf Cooperation Council|GCC
Economic Community of West African States|ECOWAS
Southern African Development Community|SADC
East African Community|EAC
Organization of American States|OAS
International Criminal Court|ICC
International Court of Justice|ICJ
International Committee of the Red Cross|ICRC;Red Cross
World Food Programme|WFP
Food and Agriculture Organization|FAO
United Nations Development Programme|UNDP
World Economic Forum|WEF
Asia-Pacific Economic Cooperation|APEC
Pacific Islands Forum|
Commonwealth of Nations|Commonwealth
Mercosur|
Interpol|
Amnesty International|
Human Rights Watch|
CARICOM|Caribbean Community
"""

# Capitals (and seats of government) that the press prints for the government itself ("Beijing said",
# "Washington has argued"): ``CODE|capital;other spellings``. Written from general knowledge like the
# table above; capitals that are as often a person's name ("Victoria", "Kingston") are left out.
_CAPITAL_ROWS = """\
AF|Kabul
AL|Tirana
DZ|Algiers
AO|Luanda
AR|Buenos Aires
AM|Yerevan
AU|Canberra
AT|Vienna
AZ|Baku
BH|Manama
BD|Dhaka
BY|Minsk
BE|Brussels
BO|La Paz
BA|Sarajevo
BR|Brasilia;Brasília
BG|Sofia
KH|Phnom Penh
CA|Ottawa
CL|Santiago
CN|Beijing;Peking
CO|Bogota;Bogotá
HR|Zagreb
CU|Havana
CY|Nicosia
CZ|Prague
DK|Copenhagen
EG|Cairo
EE|Tallinn
ET|Addis Ababa
FI|Helsinki
FR|Paris
GE|Tbilisi
DE|Berlin
GH|Accra
GR|Athens
HU|Budapest
IS|Reykjavik
IN|New Delhi
ID|Jakarta
IR|Tehran;Teheran
IQ|Baghdad
IE|Dublin
IL|Jerusalem
IT|Rome
JP|Tokyo
JO|Amman
KZ|Astana
KE|Nairobi
KP|Pyongyang
KR|Seoul
KW|Kuwait City
KG|Bishkek
LV|Riga
LB|Beirut
LY|Tripoli
LT|Vilnius
MY|Kuala Lumpur
MX|Mexico City
MD|Chisinau
MN|Ulaanbaatar
MA|Rabat
MM|Naypyidaw
NP|Kathmandu
NL|The Hague
NZ|Wellington
NG|Abuja
NO|Oslo
OM|Muscat
PK|Islamabad
PE|Lima
PH|Manila
PL|Warsaw
PT|Lisbon
QA|Doha
RO|Bucharest
RU|Moscow
RS|Belgrade
SA|Riyadh
SG|Singapore
SK|Bratislava
SI|Ljubljana
SO|Mogadishu
ZA|Pretoria
SS|Juba
ES|Madrid
LK|Colombo
SD|Khartoum
SE|Stockholm
CH|Bern
SY|Damascus
TW|Taipei
TJ|Dushanbe
TH|Bangkok
TN|Tunis
TR|Ankara
TM|Ashgabat
UG|Kampala
UA|Kyiv;Kiev
AE|Abu Dhabi
GB|London;Downing Street;Whitehall
US|Washington;Washington, D.C.
UZ|Tashkent
VE|Caracas
VN|Hanoi
YE|Sanaa
ZW|Harare
"""


def _rows(table: str) -> list[list[str]]:
    return [line.split("|") for line in table.splitlines() if line.strip()]


# name -> (canonical name, ISO alpha-2 code); covers names, alternative names and demonyms.
COUNTRY_ALIASES: dict[str, tuple[str, str]] = {}
for _code, _name, _others, _demonyms in _rows(_COUNTRY_ROWS):
    for _alias in [_name, *_others.split(";"), *_demonyms.split(";")]:
        if _alias:
            COUNTRY_ALIASES[_alias] = (_name, _code)

# "Russians", "Germans", "North Koreans": a nation's people in the plural, a group of persons (never the state).
DEMONYM_PLURALS = frozenset(
    _demonym
    for _code, _name, _others, _demonyms in _rows(_COUNTRY_ROWS)
    for _demonym in _demonyms.split(";")
    if _demonym.endswith("s")
)

# alias -> canonical organization name.
ORGANIZATION_ALIASES: dict[str, str] = {}
for _name, _others in _rows(_ORGANIZATION_ROWS):
    for _alias in [_name, *_others.split(";")]:
        if _alias:
            ORGANIZATION_ALIASES[_alias] = _name

COUNTRY_CODES: dict[str, str] = {name: code for name, code in COUNTRY_ALIASES.values()}

# capital -> ISO alpha-2 code of its country ("Beijing" -> "CN").
CAPITAL_CITIES: dict[str, str] = {
    _capital: _code for _code, _capitals in _rows(_CAPITAL_ROWS) for _capital in _capitals.split(";")
}


def _iso_names(country) -> list[str]:
    """The ISO 3166 names pycountry gives a country, in the order a text would print them.

    "Korea, Republic of" reads "Republic of Korea"; a name with a bracket or any other comma is left out.
    """
    names = []
    for value in (
        getattr(country, "name", None),
        getattr(country, "official_name", None),
        getattr(country, "common_name", None),
    ):
        if not value or "(" in value:
            continue
        if "," in value:
            head, _, tail = value.partition(", ")
            if "," in tail or not tail.endswith((" of", " of the")):
                continue
            value = f"{tail} {head}"
        value = value.removeprefix("the ").removeprefix("The ")
        names.append(value)
    return names


# ISO 3166 (pycountry): the official and ISO names as further aliases ("Russian Federation", "Viet Nam",
# "Republic of Korea", "Türkiye"), and the alpha-3 codes. The short names, other names and demonyms
# press texts print stay in the shipped table above; territories the table leaves out stay out
# ("Jersey" in "New Jersey" is no country).
COUNTRY_ALPHA3: dict[str, str] = {}
for _name, _code in COUNTRY_CODES.items():
    _country = pycountry.countries.get(alpha_2=_code)
    if _country is None:
        continue
    COUNTRY_ALPHA3[_name] = _country.alpha_3
    for _alias in _iso_names(_country):
        COUNTRY_ALIASES.setdefault(_alias, (_name, _code))

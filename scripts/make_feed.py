"""Generate ``examples/feed.jsonl``, the labelled example feed that ``make run`` scans.

The feed is hand-written: every post is built from templates written for this file (never taken from
the training or evaluation sets under ``/work/shared/data``), filled with invented names, places and
dates, then varied in style (typos, hashtags, emoji, shouting). Every name of an official, judge or
journalist is fictional.

Contract:

* :func:`build_feed` returns the records, one ``dict`` per post, and is a pure function of ``seed``:
  one :class:`random.Random` drives every choice, so the same seed always gives the same feed.
* ``python scripts/make_feed.py`` rewrites ``examples/feed.jsonl`` byte-identically (``--out`` writes
  elsewhere); ``tests/test_example_feed.py`` holds the committed file to that.
* Record fields: ``id``, ``text``, ``author_id``, ``created_at`` (ISO 8601, ``Z``, January 2021),
  ``lang`` (``fr``/``en``/``es``/``de``/``it``/``mixed``), ``expected`` (the main category a careful
  moderator would flag, or ``none``), ``kind`` (finer label, see :data:`KIND_EXPECTED`), ``targets``
  (optional: who the post names in a target role, also on reporting, counter-speech and criticism, so
  target extraction can be scored apart from the verdict) and ``reach`` (``{"views": int}``).

Changing a template, a pool or the plan changes the feed: regenerate and commit both files together,
and expect measurements made on the old feed to move.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

__all__ = ["ALLOWED_EXPECTED", "KIND_EXPECTED", "LANGS", "SEED", "build_feed", "main", "render_jsonl"]

SEED = 20210106
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "examples" / "feed.jsonl"

ALLOWED_EXPECTED: tuple[str, ...] = ("none", "violent_threat", "incitement", "hate", "harassment")
LANGS: tuple[str, ...] = ("fr", "en", "es", "de", "it", "mixed")

KIND_EXPECTED: dict[str, str | None] = {
    "benign": "none",
    "direct_threat": "violent_threat",
    "conditional_threat": "violent_threat",
    "veiled_threat": "violent_threat",
    "call_to_arms": "incitement",
    "planning": "incitement",
    "dehumanisation": "hate",
    "slur_attack": "hate",
    "exclusion": "hate",
    "insult": "harassment",
    "reporting": "none",
    "counter_speech": "none",
    "idiom": "none",
    "criticism": "none",
    # These two carry their category per template: an obfuscated post keeps the category of what it
    # hides, and a mixed-language post is whatever it says.
    "obfuscated": None,
    "mixed_language": None,
}
"""Every ``kind`` and the ``expected`` category it implies (``None``: set per template)."""


# --------------------------------------------------------------------------------------------------
# Who and what the templates talk about
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A fictional public figure. ``title`` carries its article where the language needs one."""

    title: str
    name: str
    fem: bool


@dataclass(frozen=True)
class Group:
    """A protected group as a template names it: ``label`` is the bare noun, ``full`` the noun phrase."""

    label: str
    full: str
    fem: bool = False


def _people(lang: str, rows: str) -> tuple[Person, ...]:
    out = []
    for row in rows.strip().splitlines():
        title, name, sex = (part.strip() for part in row.split("|"))
        out.append(Person(title, name, sex == "f"))
    return tuple(out)


PEOPLE: dict[str, dict[str, tuple[Person, ...]]] = {
    "fr": {
        "off": _people(
            "fr",
            """
            la députée | Claire Marchand | f
            le maire | Olivier Brunet | m
            la ministre | Sophie Lemaire | f
            le préfet | Jean-Luc Garnier | m
            le sénateur | Pierre Vasseur | m
            la maire | Nadia Benali | f
            le député | Antoine Féraud | m
            """,
        ),
        "jug": _people(
            "fr",
            """
            le juge | Hervé Colin | m
            la juge | Émilie Perrot | f
            le procureur | Marc Delorme | m
            la présidente du tribunal | Agnès Moreau | f
            """,
        ),
        "jou": _people(
            "fr",
            """
            la journaliste | Léa Fournier | f
            le journaliste | Thomas Girard | m
            la journaliste | Inès Haddad | f
            le chroniqueur | Julien Caradec | m
            """,
        ),
    },
    "en": {
        "off": _people(
            "en",
            """
            Senator | Tom Ridley | m
            Governor | Linda Okafor | f
            Mayor | Dave Kessler | m
            Rep. | Marcus Hale | m
            Congresswoman | Janet Pruitt | f
            Commissioner | Ray Donnelly | m
            Secretary of State | Helen Marsh | f
            """,
        ),
        "jug": _people(
            "en",
            """
            Judge | Karen Whitfield | f
            Judge | Samuel Ortega | m
            District Attorney | Brian Cole | m
            """,
        ),
        "jou": _people(
            "en",
            """
            journalist | Ana Ruiz | f
            reporter | Kevin Boyle | m
            journalist | Priya Natarajan | f
            news anchor | Megan Shaw | f
            """,
        ),
    },
    "es": {
        "off": _people(
            "es",
            """
            la alcaldesa | Carmen Ibáñez | f
            el diputado | Rafael Ortiz | m
            """,
        ),
        "jug": _people("es", "el juez | Andrés Molina | m"),
        "jou": _people("es", "la periodista | Lucía Serrano | f"),
    },
    "de": {
        "off": _people(
            "de",
            """
            Bürgermeisterin | Katrin Vogel | f
            Bürgermeister | Uwe Lange | m
            """,
        ),
        "jug": _people("de", "Richter | Stefan Brandt | m"),
        "jou": _people("de", "Journalistin | Jana Keller | f"),
    },
    "it": {
        "off": _people(
            "it",
            """
            il sindaco | Paolo Ferri | m
            il senatore | Luca Bassi | m
            la ministra | Elena Gatti | f
            """,
        ),
        "jug": _people("it", "la giudice | Marta Rinaldi | f"),
        "jou": _people("it", "la giornalista | Giulia Conti | f"),
    },
}
PEOPLE["mixed"] = PEOPLE["fr"]

GROUPS: dict[str, tuple[Group, ...]] = {
    "fr": (
        Group("musulmans", "les musulmans"),
        Group("juifs", "les juifs"),
        Group("Noirs", "les Noirs"),
        Group("Arabes", "les Arabes"),
        Group("Roms", "les Roms"),
        Group("migrants", "les migrants"),
        Group("homosexuels", "les homosexuels"),
        Group("personnes trans", "les personnes trans", fem=True),
        Group("handicapés", "les handicapés"),
        Group("Asiatiques", "les Asiatiques"),
        Group("femmes", "les femmes", fem=True),
    ),
    "en": (
        Group("Muslims", "Muslims"),
        Group("Jews", "Jews"),
        Group("Black people", "Black people"),
        Group("immigrants", "immigrants"),
        Group("Mexicans", "Mexicans"),
        Group("gay people", "gay people"),
        Group("trans people", "trans people"),
        Group("disabled people", "disabled people"),
        Group("Asians", "Asians"),
        Group("refugees", "refugees"),
        Group("women", "women"),
    ),
    "es": (
        Group("inmigrantes", "los inmigrantes"),
        Group("musulmanes", "los musulmanes"),
        Group("gitanos", "los gitanos"),
    ),
    "de": (
        Group("Muslime", "die Muslime"),
        Group("Flüchtlinge", "die Flüchtlinge"),
        Group("Ausländer", "die Ausländer"),
    ),
    "it": (
        Group("immigrati", "gli immigrati"),
        Group("musulmani", "i musulmani"),
        Group("rom", "i rom"),
    ),
}
GROUPS["mixed"] = GROUPS["fr"]

_PRONOUNS: dict[str, tuple[str, str]] = {
    "il": ("il", "elle"),
    "le": ("le", "la"),
    "lui": ("lui", "elle"),
    "e": ("", "e"),
    "he": ("he", "she"),
    "him": ("him", "her"),
    "his": ("his", "her"),
    "man": ("man", "woman"),
    "o": ("o", "a"),
}


_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
}
# Days a call to arms may name; the 20th (inauguration day) weighs more, as it did in January 2021.
_EVENT_DAYS = (9, 12, 16, 17, 19, 20, 20, 20, 23, 24, 30)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split(";") if w.strip())


_HANDLES = _words(
    "julie_m83; tomtom_dev; nanou.bzh; karim_75; lucie_ptt; benji_run; sarah_k; mamie_geek; alex.lyon; "
    "jeanne_d; mike_t; jess_bakes; dan_the_man88; kayla.r; coach_ben; sam_writes; tina_b; rob_runs; "
    "nico_33; clem_tls; yas_sine; lolo_prod; manon.art; fred_44; cyril_vlt; marie.jo; big_steve88; "
    "lex_codes; hannah_b22; gio_91"
)

POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    "*": {
        "score": _words("2-1; 3-1; 1-0; 3-2; 4-1; 2-0; 4-2"),
        "score_nul": _words("1-1; 0-0; 2-2"),
        "age": _words("23; 29; 34; 41; 47; 52; 58"),
        "vic": _HANDLES,
        "at": _HANDLES,
    },
    "fr": {
        "ville": _words("Lyon; Nantes; Rennes; Lille; Grenoble; Toulouse; Bordeaux; Dijon; Angers; Limoges"),
        "rue": _words("Victor Hugo; des Lilas; Jean Jaurès; de la République; du Marché; Pasteur"),
        "equipe": _words("Lyon; le PSG; l'OM; Rennes; Lens; Nice; Montpellier; Lille; Brest"),
        "plat": _words(
            "gratin dauphinois; quiche lorraine; soupe de potiron; hachis parmentier; tartiflette; "
            "blanquette de veau; lentilles aux saucisses; pot-au-feu"
        ),
        "serie": _words("Lupin; Le Bureau des légendes; The Crown; Dix pour cent; Le Jeu de la dame"),
        "riviere": _words("la Loire; la Garonne; la Saône; l'Erdre; la Vilaine; l'Isère"),
        "region": _words("la Bretagne; l'Auvergne; le Jura; la Savoie; les Vosges; le Limousin"),
        "jeu": _words("Among Us; Rocket League; Mario Kart; belote en ligne; Fortnite"),
        "artiste": _words("Marion Lacombe; Les Gens du Quai; Théo Valmont; Les Sœurs Piment"),
        "heure": _words("14h; 10h; 18h30; 7h; midi; 6h du mat"),
        "lieu": _words(
            "devant la préfecture; place de la mairie; devant le tribunal; au rond-point de la zone "
            "commerciale; devant le siège du journal; devant l'Assemblée; sur le parvis de l'hôtel de ville"
        ),
        "emo": _words("😂; 🔥; ❤️; 😅; 🙏; 👏; 😍; 🤷‍♀️"),
    },
    "en": {
        "city": _words("Columbus; Tacoma; Dayton; Albany; Boise; Reno; Tulsa; Madison; Lansing; Spokane"),
        "state": _words("Ohio; Michigan; Georgia; Arizona; Oregon; Wisconsin"),
        "team": _words(
            "the Bills; the Packers; the Chiefs; the Browns; the Seahawks; the Saints; the Ravens"
        ),
        "score": _words("27-24; 31-17; 20-13; 34-31; 24-10; 17-16"),
        "food": _words(
            "sheet-pan chicken and potatoes; black bean tacos; mac and cheese with broccoli; veggie stir "
            "fry; turkey chili; lentil soup; baked ziti"
        ),
        "show": _words(
            "The Crown; Ted Lasso; The Mandalorian; Bridgerton; The Queen's Gambit; Schitt's Creek"
        ),
        "game": _words("Among Us; Rocket League; Mario Kart; Hades; Fortnite; Stardew Valley"),
        "time": _words("noon; 2pm; 6:30am; 9am; 5pm; 10am sharp"),
        "place": _words(
            "the state capitol; the county courthouse; city hall; the federal building; the statehouse "
            "steps; the Main St. parking garage"
        ),
        "emo": _words("😂; 🔥; ❤️; 😅; 🙏; 👏; 💯; 🙌"),
    },
    "es": {
        "equipo": _words("Betis; Valencia; Atleti; Sevilla; Villarreal; Celta"),
        "plato": _words("tortilla de patatas; lentejas con chorizo; paella de verduras; cocido madrileño"),
        "serie": _words("Las chicas del cable; La casa de papel; Élite; The Crown"),
        "ciudad": _words("Zaragoza; Valladolid; Murcia; Córdoba; Alicante"),
    },
    "de": {
        "verein": _words("Freiburg; Union Berlin; Mainz; Bremen; Köln; Augsburg"),
        "gericht": _words("Käsespätzle; Linsensuppe; Kartoffelsalat mit Würstchen; Rouladen"),
        "stadt": _words("Leipzig; Köln; Hamburg; Freiburg; Münster; Kassel"),
    },
    "it": {
        "squadra": _words("l'Atalanta; la Roma; il Napoli; la Lazio; il Torino; la Fiorentina"),
        "piatto": _words("pasta e fagioli; risotto ai funghi; lasagne; parmigiana di melanzane"),
        "serie": _words("Suburra; L'amica geniale; Gomorra; The Crown"),
        "citta": _words("Torino; Bologna; Milano; Trento; Bergamo"),
    },
}


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _person_form(person: Person, form: str) -> str:
    if form == "":
        return f"{person.title} {person.name}"
    if form == "name":
        return person.name
    if form == "last":
        return person.name.split()[-1]
    if form == "at":
        return "@" + _ascii_fold(person.name).replace(" ", "").replace("-", "")
    if form in ("de", "a"):
        title = person.title
        for article, de_form, a_form in (
            ("le ", "du ", "au "),
            ("la ", "de la ", "à la "),
            ("l'", "de l'", "à l'"),
        ):
            if title.startswith(article):
                rest = title[len(article) :]
                return f"{de_form if form == 'de' else a_form}{rest} {person.name}"
        return f"{'de' if form == 'de' else 'à'} {title} {person.name}"
    if form in _PRONOUNS:
        return _PRONOUNS[form][1 if person.fem else 0]
    raise KeyError(form)


def _group_form(group: Group, form: str, lang: str) -> str:
    if form == "":
        return group.full
    if form == "nu":
        return group.label
    if form == "de":
        return f"des {group.label}"
    if form == "a":
        return f"aux {group.label}"
    if form == "ces":
        return f"ces {group.label}" if lang != "en" else f"these {group.label}"
    if form == "ils":
        return "elles" if group.fem else "ils"
    raise KeyError(form)


_ORDINAL = {1: "st", 2: "nd", 3: "rd"}


def _date_form(day: int, form: str, lang: str) -> str:
    weekday = _WEEKDAYS["fr" if lang == "mixed" else lang][date(2021, 1, day).weekday()]
    table = {
        "fr": {"date": f"{weekday} {day} janvier", "dnum": f"{day} janvier"},
        "en": {
            "date": f"{weekday}, January {day}",
            "dnum": f"January {day}",
            "dth": f"the {day}{_ORDINAL.get(day % 10 if day not in (11, 12, 13) else 0, 'th')}",
        },
        "es": {"date": f"el {weekday} {day} de enero", "dnum": f"{day} de enero"},
        "de": {"date": f"am {weekday}, {day}. Januar", "dnum": f"{day}. Januar"},
        "it": {"date": f"{weekday} {day} gennaio", "dnum": f"{day} gennaio"},
    }
    return table["fr" if lang == "mixed" else lang][form]


class Filler(dict[str, str]):
    """The values of one post's template slots, drawn on first use and then fixed.

    A slot is ``{role}`` or ``{role_form}``; a capital first letter capitalises the value. Roles:
    ``off``/``jug``/``jou`` (an official, judge or journalist), ``cib`` (any of the three), ``grp``
    (a protected group), ``vic`` (a private user's handle), ``date``/``dnum``/``dth`` (one event day
    per post, remembered in :attr:`day` so the post can be dated before it), and the plain pools of
    :data:`POOLS`. People, groups and ``vic`` handles are recorded in :attr:`targets` in order.
    """

    def __init__(self, lang: str, rng: random.Random) -> None:
        super().__init__()
        self.lang = lang
        self.rng = rng
        self.targets: list[str] = []
        self.day: int | None = None
        self._people: dict[str, Person] = {}
        self._group: Group | None = None

    def _target(self, name: str) -> None:
        if name not in self.targets:
            self.targets.append(name)

    def _pool(self, key: str) -> tuple[str, ...]:
        chain = [self.lang, "fr", "*"] if self.lang == "mixed" else [self.lang, "*"]
        for lang in chain:
            if key in POOLS.get(lang, {}):
                return POOLS[lang][key]
        raise KeyError(key)

    def __missing__(self, key: str) -> str:
        if key[:1].isupper():
            low = self[key[0].lower() + key[1:]]
            value = low[:1].upper() + low[1:]
        else:
            value = self._make(key)
        self[key] = value
        return value

    def _make(self, key: str) -> str:
        role, _, form = key.partition("_")
        if role in ("off", "jug", "jou", "cib"):
            person = self._people.get(role)
            if person is None:
                roles = PEOPLE[self.lang]
                pool = roles[role] if role != "cib" else roles["off"] + roles["jug"] + roles["jou"]
                person = self.rng.choice(pool)
                self._people[role] = person
            self._target(person.name)
            return _person_form(person, form)
        if role == "grp":
            if self._group is None:
                self._group = self.rng.choice(GROUPS[self.lang])
            self._target(self._group.label)
            return _group_form(self._group, form, self.lang)
        if key in ("date", "dnum", "dth"):
            if self.day is None:
                self.day = self.rng.choice(_EVENT_DAYS)
            return _date_form(self.day, key, self.lang)
        if key.endswith("2") and key[:-1]:
            first = self[key[:-1]]
            return self.rng.choice([v for v in self._pool(key[:-1]) if v != first])
        value = self.rng.choice(self._pool(key))
        if key == "vic":
            self._target("@" + value)
        return value


# --------------------------------------------------------------------------------------------------
# Templates. A bank is a block of entries separated by blank lines; an entry's lines join with a
# space. In tagged banks an entry starts with its category: ``hate | ...``. In obfuscated entries
# ``[[word]]`` marks what gets disguised.
# --------------------------------------------------------------------------------------------------


def _bank(block: str) -> tuple[str, ...]:
    entries = re.split(r"\n\s*\n", block.strip())
    return tuple(" ".join(line.strip() for line in entry.strip().splitlines()) for entry in entries)


def _tagged(block: str) -> tuple[tuple[str, str], ...]:
    out = []
    for entry in _bank(block):
        expected, _, text = entry.partition("|")
        out.append((expected.strip(), text.strip()))
    return tuple(out)


FR: dict[str, str] = {
    "benign": """
Quelqu'un sait si la boulangerie de la rue {rue} est ouverte le dimanche ? Envie d'un vrai pain de
campagne

{Equipe} qui gagne {score} à l'extérieur, je l'avais pas vue venir celle-là {emo}

Recette du soir : {plat}. Simple, pas cher, et les enfants ont tout mangé.

Franchement je ne suis pas d'accord avec la réforme des retraites, mais traiter d'idiots ceux qui la
soutiennent ne fait pas avancer le débat.

Couvre-feu à 18h à {ville} à partir de demain, bon courage aux commerçants

Vous regardez quoi en ce moment ? J'ai fini {serie} et je suis en manque

Mon chat a décidé que 5h du matin était l'heure idéale pour attaquer mes pieds. Aidez-moi.

Le vaccin arrive enfin dans les EHPAD de {ville}, ma grand-mère a son rendez-vous la semaine prochaine

Petit footing de 8 km ce matin au bord de {riviere}, il faisait -2 mais ça valait le coup

Pourquoi les réunions Teams durent TOUJOURS 20 minutes de plus que prévu ??

Bonne année à tous ! Que 2021 soit plus douce que la précédente {emo}

@{at} merci pour la recette de la galette, elle était parfaite, même la fève était au rendez-vous

Débat animé au repas de famille sur la laïcité. On n'est pas d'accord mais on s'est quittés en riant,
c'est ça l'essentiel.

Quelqu'un a des conseils pour apprendre l'espagnol vite ? Je pars à Séville au printemps (si on peut
voyager...)

Le télétravail c'est bien mais mon dos me déteste. Vous avez quelle chaise ?

Il neige sur {ville} !! Les enfants sont dehors depuis 7h ❄️

Je trouve le budget présenté par la majorité économiquement incohérent, mais l'opposition n'a rien
proposé de mieux non plus.

Match nul {score_nul} entre {equipe} et {equipe2}, arbitrage catastrophique des deux côtés

Qui a la meilleure recette de {plat} ? La mienne est toujours trop fade

Les soldes commencent le 20 janvier, mon compte en banque tremble déjà

Conseil municipal ce soir à {ville}, le budget des écoles est à l'ordre du jour. Venez nombreux (en
visio).

Blague du jour : pourquoi les plongeurs plongent-ils toujours en arrière ? Parce que sinon ils tombent
dans le bateau. Je sors.

J'ai enfin réussi mon levain après trois essais ratés 🍞

Vigilance orange neige-verglas sur {region} demain matin d'après Météo-France. Prudence sur les routes.

Les profs méritent tellement mieux que ce protocole sanitaire bricolé à la dernière minute

Quelqu'un pour une partie de {jeu} ce soir ? Il nous manque un joueur

Ma fille de 6 ans m'a demandé pourquoi le ciel est bleu et j'ai réalisé que je savais pas vraiment

Retrouvé mon vélo volé grâce au groupe Facebook du quartier, merci les voisins !!

Je comprends pas les gens qui mettent de l'ananas sur la pizza mais je respecte

Le Vendée Globe c'est une folie, ces marins sont des extraterrestres

Petite question : est-ce qu'on peut congeler une pâte brisée déjà étalée ?

Lecture du moment : un polar islandais, parfait pour les soirées de couvre-feu

La réforme de l'assurance chômage est injuste à mon avis. J'ai écrit à mon député pour le lui dire,
on verra s'il répond.

On a testé le resto libanais en click & collect, les falafels sont incroyables

Qui se souvient des hivers où il neigeait vraiment ? J'ai l'impression que c'était tous les ans avant

Mes collègues qui répondent « ok » à un mail de trois pages, je vous vois

Bravo aux soignants de l'hôpital de {ville}, encore une semaine difficile

Je cherche un plombier sérieux sur {ville}, fuite sous l'évier depuis hier soir

On a le droit de dire que le dernier album de {artiste} est décevant ? Rien de méchant, juste pas ma
came

L'essence remonte encore, 1,45 € le litre ce matin à la station du coin

Repas de famille en visio, ma tante a passé 20 minutes à chercher le bouton micro 😂

Je propose qu'on arrête de parler du Covid pendant au moins une heure. Parlez-moi de fromage.

Premier gâteau au chocolat de ma fille, elle est trop fière (et moi aussi)

Qui a vu le documentaire sur les abeilles hier soir ? Passionnant

Réunion parents-profs encore reportée. Trois fois en un mois, record battu.

ce moment où tu dis « bonne journée » et on te répond « vous aussi » à 22h mdr

Le tram est encore en panne ligne B, j'arriverai en retard, désolé @{at}

Je comprends la colère des restaurateurs mais rouvrir maintenant serait irresponsable, à mon avis

Quelqu'un connaît un bon tuto pour changer une chaîne de vélo ?

Joyeux anniversaire @{at} ! 30 ans ça se fête, même en petit comité 🎂

Les résultats du bac de français vont changer, quelqu'un a compris la nouvelle grille ?

Rangé tout le garage ce week-end. J'ai retrouvé mes cassettes audio de 1994, trésor absolu

Le marché de {ville} le samedi matin, c'est ma thérapie. Fromager, fleuriste, café, et au lit.

Vous pensez quoi de la nouvelle ligne de bus ? Perso je la trouve pratique mais trop peu fréquente

mdr

ptdr 😂😂

Enfin vendredi !

jpp de cette semaine

Bien vu !

Merci à tous pour vos messages 🙏

Allez les Bleus !

Bonne nuit les gens
""",
    "idiom": """
Ce boss de fin me tue, quinze essais et toujours rien

Demain je vais tuer ce match, j'ai bossé mon service toute la semaine

J'ai tellement faim que je pourrais tuer pour un kebab

Mon prof de maths va me tuer quand il verra ma copie 😅

Cette série m'a achevé, l'épisode 8 est une bombe

Elle a tué la scène hier soir, quelle voix !!

Ce gâteau au chocolat est une tuerie 😍

On s'est fait massacrer {score} à domicile, la honte

Il fait un froid à crever ce matin à {ville}

Le prof a flingué la moitié de la classe au contrôle de physique

Mes gosses me tuent avec leurs devinettes depuis 7h du matin

Je vais exploser mon record sur 10 km ce week-end, je le sens
""",
    "criticism": """
{Off} est une honte pour la République. Sa loi est un désastre, votez contre {off_lui} aux prochaines
élections.

Le discours {off_de} hier soir était indigne. Démission !

{Jug} a rendu une décision scandaleuse. Il faut faire appel, et réformer cette justice à deux vitesses.

{Jou} a écrit un article bâclé et partial. Son journal devrait publier un correctif.

{Off_name} ment aux Français depuis des mois. Dehors en 2022, par les urnes.

Incompétence totale {off_de} sur la gestion des vaccins. Honteux.

La réforme {off_de} est une catastrophe pour les petits commerçants de {ville}.

Quelle arrogance {off_de} à la télé ce soir. On s'en souviendra dans l'isoloir.

Pétition pour la démission {off_de} : 12 000 signatures en deux jours. Continuez !

{Off} nous prend pour des idiots avec ce couvre-feu incohérent. Ras-le-bol.

Je n'ai jamais vu un mandat aussi vide que celui {off_de}. Zéro bilan, zéro vision.
""",
    "reporting": """
Selon le parquet de {ville}, un homme de {age} ans a été interpellé pour avoir écrit « je vais tuer
{cib_name} » sur les réseaux sociaux. Il sera jugé le {dnum}.

{Cib} a porté plainte après avoir reçu des menaces de mort, a déclaré son avocat à l'AFP.

« On va te pendre » : {cib} dénonce une vague de messages haineux, selon un communiqué publié mardi.

Le procès de l'homme accusé d'avoir menacé {jug} s'ouvre aujourd'hui. Il avait écrit « tu vas payer de
ta vie », selon l'acte d'accusation.

D'après la police, des messages appelant à « venir armés » devant la préfecture de {ville}
circulaient depuis plusieurs jours sur une messagerie chiffrée.

Menaces contre les élus : plus de 1 200 signalements en 2020, selon un rapport parlementaire publié
cette semaine.

Un internaute condamné à six mois de prison avec sursis pour avoir appelé à « égorger » {cib} sur
Facebook, rapporte la presse locale.

{Jou} a reçu plus de 300 messages d'insultes et de menaces en une semaine, a indiqué sa rédaction,
qui a saisi la justice.
""",
    "counter_speech": """
Dire que {grp} sont des rats est abject. Ce genre de discours a précédé les pires horreurs de
l'histoire.

Non, {grp} ne sont pas des « parasites ». Arrêtez de relayer cette haine.

Ceux qui appellent à « pendre » {cib} ne défendent rien du tout, ils menacent. Signalez ces comptes.

Voir des gens traiter {grp} de vermine sous ce post me donne la nausée. On vaut mieux que ça.

Je suis en désaccord total avec {off}, mais les menaces de mort qu'{off_il} reçoit sont inacceptables.

« {Grp} dehors » ? Non. Ce pays est aussi le leur. #NonALaHaine

Rappel : insulter quelqu'un pour sa religion, sa couleur ou son orientation, c'est un délit. Et
surtout c'est minable.

Les commentaires sur {jou} sont ignobles. Soutien total face au harcèlement.

Quand quelqu'un écrit que {grp} « ne sont pas humains », ne likez pas, ne répondez pas : signalez.
""",
    "direct_threat": """
{Cib}, je vais te tuer. Pas une menace, une promesse.

Je vais buter {cib_name} de mes propres mains, {cib_il} ne verra pas février

{Cib_name} je sais où tu habites et je vais venir te planter

On va pendre {cib} devant son bureau, tu l'auras bien mérité

t'es mort{cib_e} {cib_name}

Je vais mettre une balle dans la tête {cib_de}, c'est pas une blague

{Cib} va finir égorgé{cib_e} comme le traître qu'{cib_il} est

Je vais brûler la maison {cib_de} avec toute sa famille dedans

Je vais t'abattre {cib_name}, tu m'entends ? T'ABATTRE

La prochaine fois que je croise {cib}, je {cib_le} défonce à coups de batte jusqu'à ce qu'{cib_il} ne
bouge plus

Je vais égorger {cib} et filmer la scène pour que tout le monde voie
""",
    "conditional_threat": """
Si {off} fait passer cette loi, {off_il} ne rentrera pas chez {off_lui} vivant{off_e}

Si {jug} condamne notre camarade, je {jug_le} retrouverai et je {jug_le} tuerai

Encore un article mensonger {jou_de} et je lui règle son compte pour de bon, au couteau cette fois

Qu'{off_il} ose voter ce texte et je {off_le} descends à la sortie de l'Assemblée, {off_name} est
prévenu{off_e}

Si {cib_name} remet les pieds à {ville}, on {cib_le} saigne. Voilà c'est dit.

Le jour où {cib} sortira sans escorte, je serai là avec mon fusil

Si tu continues à écrire sur nous {jou_name}, ta famille va le payer de son sang

Si le couvre-feu est prolongé, {off} prendra une balle. Je préviens.
""",
    "veiled_threat": """
{Cib} devrait faire attention en rentrant le soir... les accidents arrivent vite 😉

Ce serait dommage qu'il arrive quelque chose à la voiture {cib_de}. Vraiment dommage.

J'ai l'adresse {cib_de}, je dis ça je dis rien

On sait où tes enfants vont à l'école, {jou_name}. Réfléchis bien avant ton prochain article.

{Cib_name} ferait bien de regarder derrière {cib_lui} en sortant du tribunal

Les traîtres finissent toujours par payer. Tic tac, {cib}. ⏳

Un jour quelqu'un va s'occuper {cib_de}, et personne ne pleurera

Joli quartier où habite {cib_name}. Belle maison. Ce serait triste qu'elle brûle.
""",
    "call_to_arms": """
Rendez-vous {date} devant la préfecture de {ville}, venez armés. Fini de discuter.

Appel à tous les patriotes : {date} à {heure}, {lieu}. Prenez vos armes, on reprend le pays.

Il est temps de prendre les armes. Formez des groupes, repérez les cibles, le jour J c'est le {dnum}.

Tous à {ville} le {dnum} ! On entre dans la mairie et on sort {off} par la peau du cou. Ramenez des
battes.

Le {dnum} on monte à Paris, on encercle l'Assemblée et on ne laisse sortir personne. Armez-vous.

Frères, le temps des mots est fini. {Date}, {lieu}, venez équipés et prêts à en découdre

Faut descendre dans la rue et pendre les élus un par un. Rdv {date} {heure} {lieu} 🔥

Le {dnum}, chaque patriote doit être {lieu} avec un fusil. Ceux qui restent chez eux sont complices.
""",
    "planning": """
Pour le {dnum} : Marco s'occupe des bidons, moi des cagoules. On bloque les deux sorties de la
préfecture à {heure} et on attend que {off_name} sorte.

Le convoi part de {ville} à 5h le {dnum}. Chacun ramène ce qu'il a : fusils de chasse, battes, gilets.
On se répartit devant le tribunal.

J'ai repéré les horaires {cib_de} : {cib_il} sort du bureau vers 19h, seul{cib_e}, par la porte de
derrière. C'est là qu'on agit le {dnum}.

Groupe Telegram créé pour l'action du {dnum}. Pas de téléphone sur place, rendez-vous au parking
derrière la gare à {heure}, on distribue le matériel là-bas.

Qui a un utilitaire ? Faut transporter les barres de fer et les cocktails {lieu} avant {heure} le {dnum}.
""",
    "dehumanisation": """
{Grp} sont des rats, {grp_ils} se reproduisent et envahissent tout

{Grp} ne sont pas des êtres humains, c'est de la vermine

Cette engeance de {grp_nu}, c'est un cancer pour la France

{Grp} ? Des parasites qui vivent sur notre dos, rien d'autre

J'ai vu des {grp_nu} dans le métro ce matin, on aurait dit des cafards

{Grp} c'est une maladie, et une maladie ça s'éradique

{Grp} sont des sous-hommes, point.

On traite mieux les chiens que ça ? Normal, {grp} valent moins qu'un chien
""",
    "slur_attack": """
Encore une tapette qui vient pleurer sur internet @{vic}, retourne dans ton placard

Ferme-la le gogol, retourne à ton IME @{vic}

Les pédés comme toi devraient rester cachés @{vic}, on veut pas vous voir

@{vic} sale mongol, retourne baver dans ton centre
""",
    "exclusion": """
{Grp} n'ont rien à faire en France. Dehors, tous.

Interdisez {grp_a} d'enseigner dans nos écoles, on n'en veut pas près de nos enfants

Il faut renvoyer {grp} dans leur pays, par bateaux entiers s'il le faut

Pas de {grp_nu} dans mon immeuble, j'ai prévenu le syndic, qu'{grp_ils} aillent voir ailleurs

Les patrons devraient avoir le droit de refuser d'embaucher {grp}. Chez moi c'est non.

Fermez les frontières {grp_a}, ce pays n'est pas le leur

Aucun logement social pour {grp}, les Français d'abord
""",
    "insult": """
@{vic} t'es vraiment le plus gros débile de ce réseau, ferme-la pour une fois

@{vic} espèce de déchet, personne ne t'aime, même ta mère a honte de toi

Regardez la tronche de @{vic} sur sa photo de profil 🤡 un vrai clown, aucune dignité

{Jou_name}, journaleux de merde, tu écris comme un gamin de 8 ans. Change de métier.

@{vic} grosse vache, va pleurer ailleurs

@{vic} t'es une merde, t'as toujours été une merde et tu resteras une merde

Tout le monde sait que @{vic} est un raté complet, même pas capable de garder un taf trois mois lol

@{vic} abruti fini, on t'a déjà dit de dégager de ce groupe, t'as pas compris ?

@{vic} tu pues la défaite, loser. Supprime ton compte.
""",
    "obfuscated": """
violent_threat | Je vais [[tuer]] {cib}, tu peux compter là-dessus

violent_threat | {Cib_name} va [[crever]] avant la fin du mois, je sais où {cib_il} habite

hate | {Grp} = des [[rats]], point barre

incitement | Prenez vos [[armes]], rdv {date} {lieu}

violent_threat | une [[balle]] pour {cib_name}, c'est tout ce qu'{cib_il} mérite

hate | {Grp} c'est de la [[vermine]] à [[exterminer]]

violent_threat | je vais [[buter]] {cib_name} à la sortie du tribunal

incitement | Faut [[pendre]] les juges, tous. Rdv devant le tribunal de {ville} le {dnum}
""",
}

EN: dict[str, str] = {
    "benign": """
Does anyone know a good place in {city} to get a bike fixed? Chain keeps slipping

{Team} winning {score} on the road, did NOT see that coming {emo}

Dinner tonight: {food}. Cheap, quick, and the kids actually ate it.

I disagree with the new zoning plan, but calling everyone who supports it an idiot isn't an argument.

Snow day!! Schools closed across {city} ❄️

What are you all watching right now? Just finished {show} and I need something new

My dog has decided the mailman is his mortal enemy. Every. Single. Day.

Vaccine rollout in {state} is slow but my parents finally got their appointment

Ran 5 miles this morning in 20 degree weather, questioning my life choices but feeling great

Why does every Zoom meeting need ten minutes of "can you hear me?"

Happy new year everyone! Here's to a better 2021 {emo}

@{at} thanks for the chili recipe, absolute game changer

Had a long argument with my uncle about tax policy. Still disagree, still love him.

Any tips for learning guitar as an adult? Three weeks in and my fingertips hate me

Working from home update: my cat has attended more meetings than my manager

Local library is doing curbside pickup again, huge thanks to the staff

I think the infrastructure bill spends too much on highways and not enough on transit, but it's a
start.

{Team} lost by a field goal AGAIN. I can't do this every Sunday

Who has a good sourdough starter guide? Mine smells like nail polish remover

Reminder: the city council meeting on {dnum} is open to public comment online

Dad joke of the day: I'm reading a book about anti-gravity. It's impossible to put down.

Power's back on after the storm, thank you to the line crews who worked through the night

Can we talk about how good the soundtrack for {show} is?

Looking for a reliable plumber in {city}, leak under the sink since last night

Teachers deserve so much better than this last-minute reopening plan

Anyone up for {game} tonight? We're one player short

My 5yo asked why the sky is blue and I realized I don't actually know

Gas is up to $2.45 around here, ugh

Hot take: pineapple on pizza is fine and you're all being dramatic

Just adopted a senior cat named Biscuit and he already owns the couch

Quick question: can you freeze pie dough after rolling it out?

Currently reading a Scandinavian crime novel, perfect for these long dark evenings

Congrats to the nurses at {city} General, another brutal week and they keep showing up

Tried the new Thai place downtown, the green curry is unreal

Remember when winters actually had snow? Feels like it used to every year

Coworkers who reply "ok" to a three-page email, I see you

Bus was 25 minutes late again, sorry @{at} I'm on my way

I get why restaurant owners are angry, but reopening indoor dining right now seems reckless to me

Happy birthday @{at}! 30 looks good on you 🎂

Watched the bee documentary last night, fascinating stuff

The senator's speech was long on promises and short on numbers. I'll wait for the budget office score.

Is it just me or has this January lasted about six months already

Made my grandma's cornbread recipe and cried a little, good tears

Pro tip: put your phone in another room while you work. Changed my life.

Finally beat the last boss in {game} after 40 tries 🎮

Anyone else's kids doing remote school at the kitchen table with three siblings? Send coffee

Watching the certification was boring, and honestly boring is good for democracy

Our book club picked a 900-page novel for February. Pray for us.

Shoveled the driveway, sat down, plow came by and buried it again. Classic.

lol

same

gm ☕

this 👆

big mood

thank you all 🙏

what a game!!

night all
""",
    "idiom": """
This boss fight is killing me, 15 tries and nothing

I could kill for a pizza right now

This traffic is murder, 45 minutes to go three miles

Gonna kill it at the interview tomorrow 💪

My mom is going to murder me when she sees this haircut 😂

She absolutely slayed that performance last night

Our HOA wants to ban garden gnomes. This is the hill I will die on.

We got destroyed 42-7, what an embarrassment

That comedian killed it, I was dying laughing

It's so cold I'm dead. Literally deceased. 🥶

My feet are killing me after that double shift
""",
    "criticism": """
{Off}'s bill is a disgrace. Vote {off_him} out in 2022.

{Off_name} lied to voters for months. Primary {off_him}.

{Jug}'s ruling is outrageous and should be appealed immediately

{Jou}'s piece was sloppy and one-sided. The paper owes readers a correction.

Total incompetence from {off} on the vaccine rollout. Shameful.

{Off_name} is the worst thing to happen to this state. The recall petition is live, sign it.

Watching {off} dodge every question tonight was painful. Remember this at the ballot box.

{Off} should resign. Today.

Impeach. Remove. Never let {off_name} near public office again.

{Off}'s press conference was an hour of excuses and zero plans. Embarrassing.
""",
    "reporting": """
According to court documents, the suspect wrote "I will kill {cib_name}" in a Facebook post two days
before his arrest.

{Cib} received death threats after the vote, {cib_his} office said in a statement Tuesday.

"We are going to hang you": {cib} describes a wave of threats in an interview with local news.

A {city} man was charged Monday with threatening {jug}, prosecutors said. He allegedly wrote "you will
pay with your life."

Police said messages urging supporters to "come armed" to the state capitol in {city} had circulated
for days on encrypted apps.

Threats against election officials surged in 2020, according to a report released Thursday by a
nonpartisan research group.

The FBI warned of possible armed protests at state capitols ahead of Inauguration Day, according to
an internal bulletin seen by reporters.

{Jou}'s newsroom said {jou_he} had received more than 300 abusive messages in a week and had contacted
police.
""",
    "counter_speech": """
Stop saying {grp} are vermin. That is exactly the language that came before genocides.

No, {grp} are not "parasites". Please stop sharing this garbage.

People calling to "hang" {cib} aren't patriots, they're making threats. Report those accounts.

I disagree with {off} on almost everything, but the death threats {off_he}'s getting are unacceptable.

Seeing people call {grp} animals in these replies makes me sick. We're better than this.

Reminder: harassing someone over their religion, race or sexuality isn't "free speech", it's cruelty.

Solidarity with {jou}. The abuse in those mentions this week has been vile.

If someone posts that {grp} are "not human", don't quote-tweet it for the dunk. Report it.
""",
    "direct_threat": """
{Cib}, I am going to kill you. That's not a threat, it's a promise.

I'm going to put a bullet in {cib_name}'s head. Count the days.

{Cib_name} I know where you live and I'm coming for you with a knife

We will hang {cib} from the nearest tree, you traitor

you're dead {cib_name}. dead.

I will personally shoot {cib} the next time {cib_he} shows {cib_his} face in {city}

Gonna burn {cib_name}'s house down with {cib_his} whole family inside

{Cib}, I'm going to beat you until you stop breathing

I'm going to slit {cib_name}'s throat and post the video

Hey {cib_at}, I will end you. {Cib_name}, watch your back every day from now on.
""",
    "conditional_threat": """
If {off} votes to certify, {off_he} won't make it home alive

If {jug} rules against us I will find {jug_him} and kill {jug_him}

One more lying article from {jou_name} and I'm putting {jou_him} in the ground

If {cib_name} ever comes back to {city}, {cib_he}'s getting shot on sight

Let {off} pass that gun bill and see what happens to {off_him}. I'll be waiting with my rifle.

Keep writing about us {jou_name} and your family pays in blood

If the recount goes the wrong way, {cib} is a dead {cib_man}
""",
    "veiled_threat": """
{Cib} should be careful driving home at night... accidents happen 😉

Would be a shame if something happened to {cib_name}'s car. A real shame.

Got {cib_name}'s home address. Just saying.

We know where your kids go to school, {jou_name}. Think hard before your next story.

Traitors always pay eventually. Tick tock, {cib}. ⏳

Someday somebody is going to take care of {cib_name}, and nobody will cry

Nice house {cib_name} has. Lots of dry wood on that porch.
""",
    "call_to_arms": """
Form militias now and acquire targets before {dth}. Patriots, this is it.

{Date}: meet at the state capitol in {city}. Come armed. No more talking.

Everyone who owns a rifle: {place}, {dnum}. We take back our country by force if we have to.

Time to take up arms. Storm the courthouse on {dnum} and drag {jug} out. Bring zip ties.

It's time for war. {Date} at {time}, {place}. Bring weapons and be ready to fight

Lock and load. On {dnum} we march on {city} city hall and hang every traitor inside 🔥

Patriots: we need boots on the ground {date}. Bring guns, bring ammo, we're not leaving.
""",
    "planning": """
For {dnum}: Jake brings the gas cans, I've got the masks. We block both exits of the federal building
at {time} and wait for {off_name}.

Convoy leaves {city} at 5am on {dnum}. Bring what you have: rifles, bats, vests. We split up at the
courthouse.

I've clocked {cib_name}'s schedule: {cib_he} leaves the office around 7pm, alone, back door. That's
where we do it on {dnum}.

New Telegram group for the {dnum} action. No phones on site, meet behind the train station at {time},
gear gets handed out there.

Who has a truck? Need to move the pipes and the molotovs to {place} before {time} on {dnum}.
""",
    "dehumanisation": """
{Grp} are rats. They breed and they infest everything.

{Grp} aren't human, they're vermin

{Grp} are a cancer on this country

{Grp}? Parasites living off our taxes, nothing more

Saw a bunch of {grp} downtown today, like cockroaches everywhere

{Grp} are animals and should be treated like animals

{Grp} are a disease and this country needs a cure

Subhuman. That's all {grp} are.
""",
    "slur_attack": """
Shut up you towelhead, nobody asked @{vic}

Nobody asked you, retard. Crawl back to your special ed class @{vic}

Another crying homo on my timeline @{vic}, log off and go back in the closet

@{vic} shut up, cripple. nobody wants your opinion from that wheelchair
""",
    "exclusion": """
{Grp} don't belong in this country. Deport them all.

Ban {grp} from teaching in our schools, keep them away from our kids

No {grp} in my building. I told the landlord, they can live somewhere else.

Businesses should be allowed to refuse to hire {grp}. I know I would.

Close the borders to {grp}. This was never their country.

{Grp} out of our neighborhood. Not welcome here, never will be.
""",
    "insult": """
@{vic} you are the dumbest person on this app, shut up for once

@{vic} you absolute waste of oxygen, nobody likes you, even your mom is embarrassed

lmao look at @{vic}'s profile pic 🤡 total clown, zero self respect

{Jou_name} is a hack who writes like a third grader. Find another job, loser.

@{vic} fat cow, go cry somewhere else

@{vic} you're trash, always have been, always will be

Everyone knows @{vic} is a pathetic failure who can't keep a job for 3 months lol

@{vic} moron, we told you to get out of this group, what part don't you understand?

@{vic} imagine being this ugly AND this stupid. couldn't be me
""",
    "obfuscated": """
violent_threat | someone needs to [[kill]] {cib} already

violent_threat | I will [[shoot]] {cib_name} on sight

hate | {Grp} are [[vermin]], plain and simple

incitement | bring your [[guns]] to {place} on {dnum}, we [[storm]] it at noon

violent_threat | [[hang]] {cib_name}. I'll bring the rope

hate | {Grp} are [[subhuman]] [[trash]]

violent_threat | {Cib_name} is gonna get [[stabbed]], mark my words

incitement | form [[militias]] now, [[targets]] get acquired before {dth}
""",
}

ES: dict[str, str] = {
    "benign": """
¿Alguien sabe si la farmacia de la esquina abre los domingos?

Qué partidazo del {equipo} anoche, {score} y remontada en los últimos minutos ⚽

Hoy toca {plato}, receta de mi abuela ❤️

Nieva en Madrid como no recuerdo en años, la Filomena no perdona ❄️

No estoy de acuerdo con la nueva ley de educación, pero insultar a quien la defiende no sirve de nada.

¿Recomendaciones de series para el finde? Acabo de terminar {serie}

Mi gato me ha despertado a las 5 de la mañana otra vez. Socorro.

Feliz año a todos, que 2021 sea mejor 🎉

Teletrabajo, día 300: ya hablo con las plantas

¿Alguien más lleva una semana sin poder sacar el coche por la nieve en {ciudad}?
""",
    "idiom": """
Me muero de hambre, mataría por unas croquetas ahora mismo
""",
    "direct_threat": """
{Cib}, te voy a matar. No es una amenaza, es una promesa.

Le voy a pegar un tiro a {cib_name} en cuanto salga del juzgado
""",
    "dehumanisation": """
{Grp} son ratas, se reproducen y lo invaden todo
""",
    "insult": """
@{vic} eres lo más tonto que hay en esta red, cállate de una vez
""",
    "call_to_arms": """
Todos a {ciudad} {date}, delante del ayuntamiento. Venid armados, se acabó hablar.
""",
}

DE: dict[str, str] = {
    "benign": """
Weiß jemand, ob die Bäckerei am Marktplatz sonntags offen hat?

Was für ein Spiel! {Verein} gewinnt {score} in der Nachspielzeit ⚽

Heute gibt es {gericht}, Rezept von Oma 😋

Homeoffice Tag 250: meine Katze leitet jetzt die Meetings

Ich finde die neuen Corona-Regeln widersprüchlich, aber wir sollten trotzdem sachlich bleiben.

Frohes neues Jahr euch allen! Auf ein besseres 2021 🥂

Kann mir jemand einen guten Fahrradladen in {stadt} empfehlen?

Schnee in {stadt}! Die Kinder sind seit sieben Uhr draußen ❄️
""",
    "criticism": """
{Off} ist eine Schande für diese Stadt. Abwählen, 2021 ist Wahljahr!
""",
    "direct_threat": """
{Cib_name}, ich werde dich umbringen. Das ist keine Drohung, das ist ein Versprechen.
""",
    "exclusion": """
{Grp} haben in Deutschland nichts verloren. Raus, alle.
""",
    "counter_speech": """
Wer {grp_nu} als Ungeziefer bezeichnet, verbreitet Hass. Das ist widerlich und gehört gemeldet.
""",
    "veiled_threat": """
Schönes Haus hat {cib_name}. Wäre schade, wenn da mal was passiert. 😉
""",
    "reporting": """
Laut Staatsanwaltschaft {stadt} wurde ein {age}-Jähriger festgenommen, der {cib} im Netz mit dem Tod
gedroht haben soll.
""",
}

IT: dict[str, str] = {
    "benign": """
Qualcuno sa se la farmacia in piazza è aperta la domenica?

Che partita! {Squadra} vince {score} al novantesimo ⚽

Stasera {piatto}, ricetta della nonna ❤️

Smart working, giorno 280: il mio gatto partecipa a più riunioni del mio capo

Non sono d'accordo con il nuovo DPCM, ma insultare chi la pensa diversamente non serve a nulla.

Buon anno a tutti! Che il 2021 sia migliore 🎉

Consigli per una serie da guardare nel weekend? Ho appena finito {serie}

Nevica a {citta}! I bambini sono fuori dalle sette ❄️
""",
    "idiom": """
Ho una fame che ucciderei per una pizza margherita adesso
""",
    "conditional_threat": """
Se {off} firma quel decreto, non torna a casa viv{off_o}. Parola mia.
""",
    "dehumanisation": """
{Grp} sono ratti, si riproducono e invadono tutto
""",
    "insult": """
@{vic} sei la persona più stupida di questo social, stai zitto una volta tanto
""",
}

MIXED: dict[str, str] = {
    "mixed_language": """
none | Le sénateur a affirmé dans le file du tribunal que la plate-forme Tribune n'avait pas supprimé
les messages signalés, as well as plusieurs comptes, selon les details de la plainte.

none | Honnêtement le match d'hier was insane, {equipe} a carry toute la game 🔥

none | Le company d'hébergement Net NuageNet a annoncé qu'il allait migrer les serveurs de Tribune vers
un nouveau provider, au milieu d'un tollé general public.

none | quelqu'un a un bon tutorial pour setup un Raspberry Pi ? je suis completely lost avec le wiring

none | La réunion du board a été postponed à jeudi, merci de check vos mails avant le call

none | Les usagers ont afflué vers l'application alternative après que les grands websites aient
banni les groupes, selon les données d'une firm d'analytics.

none | Mon manager m'a dit « great job » aujourd'hui, je suis tellement hyped lol

none | Le gouvernement a annoncé que les restaurants restent closed until mi-février, les propriétaires
sont vraiment upset

incitement | On se rassemble le {dnum} devant la préfecture, apportez vos weapons et soyez ready to
fight. No more talk.

violent_threat | {Cib} est un traitor et on va {cib_le} hang sur la place publique, c'est une promise

hate | Les {grp_nu} sont des vermin qui détruisent notre pays, il faut les remove tous

violent_threat | Je connais l'adresse de {cib_name}, quelqu'un devrait lui rendre une visit avec un
baseball bat 😉

incitement | Organisez vos squads, le {dnum} on passe à l'action, bring everything you got et visez les
élus
""",
}

# Long posts (1,000 to 3,000 characters): the first paragraph leads, the others follow in a drawn order
# until the post is long enough. Each entry: (lang, kind, expected, paragraphs).
LONG: tuple[tuple[str, str, str, str], ...] = (
    (
        "fr",
        "reporting",
        "none",
        """
{Ville} — Un homme de {age} ans a été placé en garde à vue après avoir publié une série de messages
menaçant {cib}, a indiqué le parquet dans un communiqué. Les messages, diffusés sur plusieurs réseaux
sociaux, appelaient notamment à « venir armés » devant la préfecture le {dnum}.

Selon les enquêteurs, l'auteur présumé avait écrit : « {Cib_name} ne passera pas l'hiver, on sait où
{cib_il} dort ». Un autre message, publié quelques heures plus tard, affirmait : « Il est temps de
prendre les armes, les mots ne suffisent plus. »

{Cib} a déclaré avoir porté plainte dès la réception des premiers messages. « Je ne céderai pas à
l'intimidation, mais je ne laisserai pas ces menaces sans réponse », a-t-{cib_il} affirmé lors d'une
conférence de presse.

L'avocat du suspect, Me François Berthier, a indiqué que son client « regrette des propos écrits sous
le coup de la colère » et conteste toute intention de passer à l'acte. Il encourt jusqu'à trois ans
d'emprisonnement et 45 000 euros d'amende.

Ces dernières semaines, les signalements de menaces visant des élus et des magistrats se sont
multipliés, selon une source proche du ministère de l'Intérieur. Plusieurs plateformes ont été
sollicitées pour conserver les données des comptes concernés.

Sur les réseaux, de nombreux internautes ont apporté leur soutien à {cib_name}. « Menacer quelqu'un de
mort n'est pas une opinion, c'est un délit », a rappelé une association de défense des libertés
numériques.

L'enquête a été confiée à la police judiciaire de {ville}, qui cherche à savoir si d'autres personnes
ont participé à la rédaction ou à la diffusion des messages. Le suspect doit être jugé en comparution
immédiate.

Les messages litigieux ont été retirés par les plateformes concernées après signalement. L'une d'elles
a précisé avoir suspendu « une dizaine de comptes liés » à l'auteur présumé.
""",
    ),
    (
        "fr",
        "reporting",
        "none",
        """
Le tribunal correctionnel de {ville} a condamné jeudi un homme de {age} ans à dix mois de prison avec
sursis pour le harcèlement en ligne de {jou}. Pendant plus de six mois, le prévenu avait envoyé des
dizaines de messages à {jou_name}, dont plusieurs menaces de mort explicites.

« Tu vas finir dans un fossé », « je connais ta rue », « ta famille paiera pour tes articles » : à
l'audience, la présidente a lu une à une les phrases retenues par l'accusation. Le prévenu, tête
baissée, a reconnu être l'auteur des messages mais a assuré qu'il « ne pensait pas ce qu'il écrivait ».

Pour la procureure, ces propos « ne relèvent pas de la liberté d'expression mais de l'intimidation ».
Elle a rappelé que {jou_name} avait dû déménager et bénéficier d'une protection policière pendant
plusieurs semaines.

La rédaction de {jou_name} s'est dite « soulagée » par la décision. « Ce jugement rappelle qu'on ne
menace pas impunément un journaliste parce qu'on n'aime pas ce qu'il écrit », a déclaré sa directrice
dans un communiqué.

Outre la peine de prison avec sursis, le tribunal a prononcé une interdiction d'entrer en contact avec
la victime pendant trois ans et une obligation de suivre un stage de citoyenneté.

Les syndicats de journalistes alertent depuis plusieurs années sur la multiplication des menaces en
ligne. Selon une enquête publiée à l'automne, près d'un journaliste sur trois dit avoir déjà été visé
par des messages violents.

L'avocate de la partie civile a salué « une décision mesurée mais claire » et appelé les plateformes à
« répondre plus vite aux signalements », plusieurs messages étant restés en ligne pendant des semaines.
""",
    ),
    (
        "en",
        "reporting",
        "none",
        """
A {city} man was arrested Wednesday and charged with making interstate threats against {cib}, federal
prosecutors said. According to court documents, the man posted messages calling on others to "bring
rifles" to the state capitol on {dnum}.

"{Cib_name} won't see February. We know where {cib_he} sleeps," one of the posts read, according to
the criminal complaint. Another message, posted hours later, said: "The time for talking is over. Take
up arms."

{Cib} said in a statement that {cib_he} had reported the messages to police as soon as they appeared.
"I will not be intimidated, and I will not let these threats go unanswered," {cib_he} said.

The suspect's attorney said his client "deeply regrets words written in anger" and never intended to
act on them. If convicted, he faces up to five years in federal prison.

Law enforcement officials have warned of a sharp rise in threats against public officials, judges and
election workers since November. Several social media companies have been asked to preserve data
from accounts linked to the suspect.

Online, many users expressed support for {cib_name}. "Threatening to kill someone is not an opinion,
it's a crime," a digital rights group said in a post that was widely shared.

The investigation is being handled by the FBI's {city} field office, which is looking into whether
anyone else helped write or spread the messages. A detention hearing is scheduled for next week.

The posts were removed after being reported. One platform said it had suspended "about a dozen
linked accounts."
""",
    ),
    (
        "en",
        "reporting",
        "none",
        """
The web host that dropped the alternative social network Tribune this week said in a court filing
Tuesday that the site had repeatedly failed to remove posts threatening public officials, including
{cib}, despite warnings dating back to November.

The filing quotes more than a dozen posts the company says violated its terms. "We will hang {cib_name}
from the courthouse steps," one reads. Another urges readers to "form militias and pick your targets
before the 20th."

Tribune's founder said in an interview that the platform "does not condone violence" and accused the
host of acting for political reasons. The company denied that, saying in the filing that it had
"notified Tribune on multiple occasions" about content that threatened public safety.

Legal experts said Tribune's antitrust claims face long odds. "Hosting contracts almost always let the
provider drop content that violates an acceptable use policy," said a law professor who studies
online speech.

{Cib} declined to comment on the specific posts but said {cib_his} office had seen "a frightening
increase" in threats since the election. "Every one of these messages lands on a real person's
phone," {cib_he} said.

Researchers who track extremist forums say users have migrated to smaller apps and encrypted channels,
where moderation is thinner and calls to violence are harder to monitor.

A hearing on Tribune's request for an emergency order is set for {dnum}.
""",
    ),
    (
        "fr",
        "benign",
        "none",
        """
Petit compte rendu de notre week-end à {ville}, pour ceux qui m'ont demandé ! On est partis samedi
matin sous un ciel gris, mais dès l'arrivée le soleil s'est montré, et on a pu se promener au bord de
{riviere} pendant deux bonnes heures.

Côté nourriture, on a testé une petite crêperie près de la cathédrale : galette complète pour moi,
{plat} en plat du jour pour mon copain, et une crêpe caramel beurre salé à partager. Tout était
délicieux, et le patron nous a donné plein d'idées de balades.

L'après-midi, musée des Beaux-Arts... fermé, évidemment, couvre-feu et protocole obligent. On s'est
rabattus sur le marché couvert, où on a fait le plein de fromages et de pain. Le fromager nous a fait
goûter un comté de 36 mois, une merveille.

Dimanche, réveil tranquille, puis randonnée de 12 km dans la campagne autour. Attention, ça monte plus
qu'on croit et les chemins étaient boueux : prévoyez de bonnes chaussures, pas des baskets comme moi.

Le soir, on a regardé {equipe} à la télé avec les gens du gîte, ambiance très sympa même si personne
n'était d'accord sur l'arbitrage. Score final {score}, on en parle encore.

Bref, une destination que je recommande, surtout hors saison : peu de monde, des gens adorables, et
des prix raisonnables. Si vous avez des questions, n'hésitez pas en commentaire !
""",
    ),
    (
        "en",
        "benign",
        "none",
        """
NEIGHBORHOOD NEWSLETTER — January edition. Happy new year, neighbors! Here's what's happening on our
side of {city} this month, and a few reminders from the association board.

Snow removal: the city plows main roads first, so side streets may wait up to 48 hours after a storm.
Please move cars off the odd-numbered side when a snow emergency is declared, or you may be towed.

Food drive: the pantry at St. Mark's is running low on canned vegetables, peanut butter and diapers.
Drop-off bins are on the porch of 14 Elm Street all month. Last year we collected over 900 pounds!

Book club meets on Zoom every second Thursday at 7pm. This month we're reading a mystery set in a
lighthouse; new members are always welcome, no need to finish the book.

Lost and found: a gray tabby with a green collar has been seen near the park. If he's yours, please
contact the board. A child's red mitten is also waiting for its owner on the bench by the mailboxes.

Community garden plots for spring are open for sign-up. Plots cost $25 for the season and tools are
shared. We're also looking for volunteers to repair the compost bins.

Finally, a big thank you to everyone who checked on elderly neighbors during the cold snap. Small
gestures matter. Stay warm, stay safe, and see you (from six feet away) around the block.
""",
    ),
    (
        "fr",
        "call_to_arms",
        "incitement",
        """
À tous ceux qui en ont assez. Ça fait des années qu'on nous ment, qu'on nous méprise, qu'on nous
traite comme des moins que rien. Les élus se servent, les juges protègent les leurs, et les journaux
récitent ce qu'on leur dicte. On a manifesté, on a signé des pétitions, on a voté. Rien n'a changé.

Il faut regarder la vérité en face : ils ne partiront pas d'eux-mêmes. Les bulletins de vote ne servent
plus à rien quand tout est truqué d'avance. Il ne reste qu'une seule langue qu'ils comprennent, et
c'est celle de la force.

Alors voilà. Le {dnum}, on se retrouve {lieu} à {ville}, à {heure}. Venez armés. Fusils de chasse,
battes, tout ce que vous avez. On ne vient pas pour discuter ni pour défiler avec des pancartes.

Les noms, vous les connaissez. {Off} en premier. {Off_il} a signé chacune des lois qui nous écrasent,
{off_il} répondra de chacune. Qu'on ne vienne pas nous parler de justice : la justice, ce jour-là,
c'est nous.

Organisez-vous par petits groupes de cinq, pas de téléphone, pas de messages sur les réseaux
officiels. Les consignes passeront par les canaux habituels la veille au soir.

Ceux qui resteront chez eux ce jour-là auront choisi leur camp. Il n'y aura pas de seconde chance. Le
pays ne se sauvera pas tout seul. Aux armes.
""",
    ),
    (
        "en",
        "call_to_arms",
        "incitement",
        """
To every patriot who is done being lied to. For years they've told us to be patient, to vote, to
write our representatives, to wait for the courts. We did all of it. They laughed at us and took
more.

Let's be honest with ourselves: they will never hand power back. Not through elections they control,
not through courts they own. There is only one language they understand, and it isn't petitions.

So here it is. {Date}, {place} in {city}, {time}. Come armed. Long guns, sidearms, plates if you have
them. We are not coming to wave flags and go home. We are coming to take back what's ours.

You know the names. {Off} is first on the list. {Off_he} signed every order that crushed us and {off_he}
will answer for every one of them. Don't talk to me about the law. On that day, we are the law.

Organize in teams of five. No phones, no posts on mainstream platforms, no talking to reporters.
Final instructions go out on the usual channels the night before.

Anyone who stays home that day has picked a side. There won't be a second chance. This country won't
save itself. Lock and load.
""",
    ),
    (
        "mixed",
        "mixed_language",
        "none",
        """
Tribune a déposé sa réponse mardi dans le file du tribunal, affirmant que la décision de NuageNet de
démarrer l'app de ses serveurs était politiquement motivated et violait le contrat entre les deux
company.

Selon le file, NuageNet avait averti Tribune « à plusieurs reprises » au sujet de contenu qui appelait
à la violence contre des officials, as well as des messages qui ciblaient des juges et des
journalistes. Tribune affirme de son côté que son équipe de modération était « sous-staffée » mais de
bonne foi.

L'amateur de réseaux sociaux a connu une croissance rapide après les élections, quand des millions
d'utilisateurs ont quitté les grandes plate-formes pour ce qu'ils appelaient un espace de « free
speech ». Selon une firm d'analytics, l'app a été téléchargée approximativement 400000 fois en une
semaine.

Les experts en droit interrogés disent que les chances de Tribune sont slim. « Les contrats
d'hébergement Net laissent presque toujours au provider le droit de retirer le contenu qui enfreint
ses termes », a déclaré un professeur de law spécialisé dans la parole en ligne.

Tribune n'a pas répondu à une request de commentaire. Une audience est prévue later ce mois-ci, et
les deux parties ont été invitées à soumettre des details additionnels d'ici là.
""",
    ),
)


# --------------------------------------------------------------------------------------------------
# The plan: how many posts of each language and kind (long posts come on top, from LONG)
# --------------------------------------------------------------------------------------------------

BANKS: dict[str, dict[str, str]] = {"fr": FR, "en": EN, "es": ES, "de": DE, "it": IT, "mixed": MIXED}

PLAN: tuple[tuple[str, str, int], ...] = (
    ("fr", "benign", 64),
    ("fr", "idiom", 10),
    ("fr", "criticism", 10),
    ("fr", "reporting", 7),
    ("fr", "counter_speech", 8),
    ("fr", "direct_threat", 10),
    ("fr", "conditional_threat", 7),
    ("fr", "veiled_threat", 7),
    ("fr", "call_to_arms", 7),
    ("fr", "planning", 4),
    ("fr", "dehumanisation", 8),
    ("fr", "slur_attack", 3),
    ("fr", "exclusion", 6),
    ("fr", "insult", 8),
    ("fr", "obfuscated", 7),
    ("en", "benign", 58),
    ("en", "idiom", 9),
    ("en", "criticism", 9),
    ("en", "reporting", 6),
    ("en", "counter_speech", 7),
    ("en", "direct_threat", 8),
    ("en", "conditional_threat", 6),
    ("en", "veiled_threat", 6),
    ("en", "call_to_arms", 6),
    ("en", "planning", 4),
    ("en", "dehumanisation", 7),
    ("en", "slur_attack", 3),
    ("en", "exclusion", 5),
    ("en", "insult", 7),
    ("en", "obfuscated", 7),
    ("es", "benign", 9),
    ("es", "idiom", 1),
    ("es", "direct_threat", 2),
    ("es", "dehumanisation", 1),
    ("es", "insult", 1),
    ("es", "call_to_arms", 1),
    ("de", "benign", 8),
    ("de", "criticism", 1),
    ("de", "direct_threat", 1),
    ("de", "exclusion", 1),
    ("de", "counter_speech", 1),
    ("de", "veiled_threat", 1),
    ("de", "reporting", 1),
    ("it", "benign", 8),
    ("it", "idiom", 1),
    ("it", "conditional_threat", 1),
    ("it", "dehumanisation", 1),
    ("it", "insult", 1),
    ("mixed", "mixed_language", 13),
)


def _entries(lang: str, kind: str) -> tuple[tuple[str, str], ...]:
    block = BANKS[lang][kind]
    fixed = KIND_EXPECTED[kind]
    if fixed is None:
        return _tagged(block)
    return tuple((fixed, text) for text in _bank(block))


# --------------------------------------------------------------------------------------------------
# Disguises and style
# --------------------------------------------------------------------------------------------------

_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "g": "9"}
_HOMOGLYPHS = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к", "i": "і"}
_ZWSP = "\u200b"
_OBFUSCATIONS = ("spaced", "leet", "zero_width", "homoglyph", "repeat", "dotted")


def _positions(word: str, table: dict[str, str]) -> list[int]:
    return [i for i, ch in enumerate(word) if ch.lower() in table]


def _obfuscate(word: str, method: str, rng: random.Random) -> str:
    """Disguise ``word`` the way evaders do; the result always differs from ``word``."""
    if method == "spaced":
        return " ".join(word)
    if method == "dotted":
        return ".".join(word)
    if method in ("leet", "homoglyph"):
        table = _LEET if method == "leet" else _HOMOGLYPHS
        spots = _positions(word, table)
        if not spots:
            return _obfuscate(word, "zero_width", rng)
        chosen = set(rng.sample(spots, min(len(spots), rng.choice((1, 2)))))
        return "".join(table[ch.lower()] if i in chosen else ch for i, ch in enumerate(word))
    if method == "zero_width":
        cuts = sorted(rng.sample(range(1, len(word)), min(len(word) - 1, rng.choice((1, 2)))))
        out, last = [], 0
        for cut in cuts:
            out.append(word[last:cut])
            last = cut
        out.append(word[last:])
        return _ZWSP.join(out)
    if method == "repeat":
        vowels = [i for i, ch in enumerate(word) if ch.lower() in "aeiouéy"]
        i = rng.choice(vowels) if vowels else len(word) - 1
        return word[:i] + word[i] * rng.randint(3, 5) + word[i + 1 :]
    raise ValueError(method)


def _disguise(text: str, method: str, rng: random.Random) -> str:
    return re.sub(r"\[\[([^\]]+)\]\]", lambda m: _obfuscate(m.group(1), method, rng), text)


_WORD = re.compile(r"\b[a-zàâçéèêëîïôûùüÿœ]{6,}\b")


def _typo(text: str, rng: random.Random) -> str:
    """One slip of the fingers in one lowercase word: swapped, dropped or doubled letter."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    m = rng.choice(words)
    w = m.group(0)
    i = rng.randint(1, len(w) - 2)
    slip = rng.choice(("swap", "drop", "double"))
    if slip == "swap":
        w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif slip == "drop":
        w = w[:i] + w[i + 1 :]
    else:
        w = w[:i] + w[i] + w[i:]
    return text[: m.start()] + w + text[m.end() :]


_TAGS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "none": _words("#couvrefeu; #teletravail; #dimanche; #viedeparent; #confinement; #vendredi"),
        "context": _words("#NonALaHaine; #LibertéDeLaPresse; #menaces; #démocratie"),
        "violent_threat": _words("#traître; #tictac; #onvientpourtoi"),
        "incitement": _words("#Résistance; #AuxArmes; #LeJourJ"),
        "hate": _words("#Remigration; #ChezNous"),
        "harassment": _words("#clown; #boloss"),
    },
    "en": {
        "none": _words("#WFH; #snowday; #2021; #MondayMood; #parenting; #weekendvibes"),
        "context": _words("#PressFreedom; #Democracy; #NoPlaceForHate"),
        "violent_threat": _words("#Traitors; #TickTock"),
        "incitement": _words("#1776; #PatriotsRise; #TakeItBack"),
        "hate": _words("#SaveOurNation; #SendThemBack"),
        "harassment": _words("#clown; #loser"),
    },
}

_EMOJI: dict[str, tuple[str, ...]] = {
    "none": _words("😂; 🙏; ❤️; 😅; 👍; 🙌"),
    "violent_threat": _words("🔪; 💀; 🔫; ⚰️"),
    "incitement": _words("🔥; ⚔️; 💥"),
    "hate": _words("🤮; 🐀; 🚫"),
    "harassment": _words("🤡; 💩; 🤣"),
}

_CONTEXT_KINDS = ("reporting", "counter_speech", "criticism")


def _has_emoji(text: str) -> bool:
    return any(ord(ch) >= 0x2190 and unicodedata.category(ch) == "So" for ch in text)


def _stylise(text: str, lang: str, kind: str, expected: str, rng: random.Random) -> str:
    """Vary surface style the way real posts vary: shouting, typos, a dropped period, emoji, hashtags."""
    if kind in ("obfuscated", "mixed_language") or len(text) > 600:
        return text
    violating = expected != "none"
    roll = rng.random()
    if violating and "@" not in text and roll < 0.15:
        text = text.upper()
    elif kind in ("benign", "insult", "criticism", "idiom") and roll < 0.12:
        text = _typo(text, rng)
    if text.endswith(".") and not text.endswith("..") and rng.random() < 0.15:
        text = text[:-1]
    if len(text) > 12 and not _has_emoji(text) and rng.random() < (0.14 if violating else 0.1):
        text = f"{text} {rng.choice(_EMOJI[expected])}"
    tags = _TAGS.get(lang)
    if tags is not None and len(text) > 12 and rng.random() < 0.12:
        pool = tags["context"] if kind in _CONTEXT_KINDS else tags[expected]
        tag = rng.choice(pool)
        if tag.lower() not in text.lower():
            text = f"{text} {tag}"
    return text


# --------------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------------

_JAN_1 = datetime(2021, 1, 1)
# People post less at night: relative weight of each hour of the day (UTC, close enough for a demo).
_HOUR_WEIGHTS = (1, 1, 1, 1, 1, 2, 3, 5, 7, 7, 6, 6, 7, 6, 5, 5, 6, 7, 8, 9, 9, 7, 4, 2)


@dataclass
class _Draft:
    lang: str
    kind: str
    expected: str
    text: str
    targets: list[str]
    day: int | None


_ELISION = re.compile(r"\b([dD]e|[qQ]ue) (?=[AEIOUÉÈÂÎaeiouéèâî])")


def _elide(text: str, lang: str) -> str:
    """French elision across a filled slot: ``de Émilie`` → ``d'Émilie``, ``que Inès`` → ``qu'Inès``."""
    if lang not in ("fr", "mixed"):
        return text
    return _ELISION.sub(lambda m: m.group(1)[:-1] + "'", text)


def _fill(template: str, lang: str, rng: random.Random) -> tuple[str, list[str], int | None]:
    filler = Filler(lang, rng)
    text = _elide(template.format_map(filler), lang)
    return text, filler.targets, filler.day


def _short_drafts(rng: random.Random, seen: set[str]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for lang, kind, count in PLAN:
        entries = list(_entries(lang, kind))
        rng.shuffle(entries)
        made, attempts = 0, 0
        methods = rng.sample(_OBFUSCATIONS, len(_OBFUSCATIONS))
        while made < count:
            attempts += 1
            if attempts > count * 40:
                raise RuntimeError(f"cannot draw {count} distinct {lang}/{kind} posts; add templates")
            expected, template = entries[(attempts - 1) % len(entries)]
            text, targets, day = _fill(template, lang, rng)
            if kind == "obfuscated":
                # Cycle through the disguises so each appears in every language's share.
                text = _disguise(text, methods[made % len(methods)], rng)
            text = _stylise(text, lang, kind, expected, rng)
            if text in seen:
                continue
            seen.add(text)
            drafts.append(_Draft(lang, kind, expected, text, targets, day))
            made += 1
    return drafts


def _long_drafts(rng: random.Random, seen: set[str]) -> list[_Draft]:
    """Long posts keep their paragraphs in order and drop a few body paragraphs (never lead or close)."""
    drafts: list[_Draft] = []
    for lang, kind, expected, block in LONG:
        filler = Filler(lang, rng)
        paragraphs = [_elide(p.format_map(filler), lang) for p in _bank(block)]
        keep = list(range(len(paragraphs)))
        for i in rng.sample(range(1, len(paragraphs) - 1), len(paragraphs) - 2):
            shorter = [paragraphs[j] for j in keep if j != i]
            if rng.random() < 0.35 and len("\n\n".join(shorter)) >= 1000:
                keep.remove(i)
        text = "\n\n".join(paragraphs[j] for j in keep)
        if not 1000 <= len(text) <= 3000 or text in seen:
            raise RuntimeError(f"long {lang}/{kind} post is {len(text)} chars; adjust its paragraphs")
        seen.add(text)
        drafts.append(_Draft(lang, kind, expected, text, filler.targets, filler.day))
    return drafts


def _timestamp(rng: random.Random, day: int | None) -> datetime:
    """A moment in January 2021; a post naming an event day is dated in the days before it."""
    first, last = (max(1, day - 12), day - 1) if day is not None else (1, 31)
    hour = rng.choices(range(24), weights=_HOUR_WEIGHTS)[0]
    return _JAN_1 + timedelta(
        days=rng.randint(first, last) - 1, hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60)
    )


def _authors(rng: random.Random, prefix: str, n: int) -> list[str]:
    ids = rng.sample(range(10000, 99999), n)
    return [f"{prefix}{i}" for i in ids]


def build_feed(seed: int = SEED) -> list[dict[str, object]]:
    """Build the example feed: one record per post, in ``created_at`` order, ids ``p0001``…

    Pure function of ``seed``. Records hold ``id``, ``text``, ``author_id``, ``created_at``, ``lang``,
    ``expected``, ``kind``, ``targets`` (only when the post names someone in a target role) and
    ``reach``. Violating posts come mostly from a small set of repeat authors, reporting posts from
    a handful of media accounts, the rest from a wide pool of ordinary users.
    """
    rng = random.Random(seed)
    seen: set[str] = set()
    drafts = _short_drafts(rng, seen) + _long_drafts(rng, seen)
    ordinary = _authors(rng, "u", 160)
    repeat_offenders = _authors(rng, "u", 24)
    media = {"fr": ["media_ouestinfo", "media_lyon_direct"], "*": ["media_metro_daily", "media_capitol_wire"]}
    rows: list[tuple[datetime, str, dict[str, object]]] = []
    for draft in drafts:
        if draft.kind == "reporting":
            author = rng.choice(media.get(draft.lang, media["*"]))
        elif draft.expected != "none" and rng.random() < 0.8:
            author = rng.choice(repeat_offenders)
        else:
            author = rng.choice(ordinary)
        created = _timestamp(rng, draft.day)
        mu = 7.5 if draft.kind == "reporting" else 5.0
        record: dict[str, object] = {
            "text": draft.text,
            "author_id": author,
            "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "lang": draft.lang,
            "expected": draft.expected,
            "kind": draft.kind,
        }
        if draft.targets:
            record["targets"] = list(draft.targets)
        record["reach"] = {"views": int(rng.lognormvariate(mu, 1.4)) + 1}
        rows.append((created, draft.text, record))
    rows.sort(key=lambda row: (row[0], row[1]))
    feed: list[dict[str, object]] = []
    for n, (_, _, record) in enumerate(rows, start=1):
        feed.append({"id": f"p{n:04d}", **record})
    return feed


def render_jsonl(records: Sequence[dict[str, object]]) -> str:
    """One JSON object per line, UTF-8 as written (no ``\\u`` escapes), newline-terminated."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the labelled example feed (JSONL).")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output path (default: {DEFAULT_OUT})")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed (default: the committed feed's)")
    args = parser.parse_args(argv)
    records = build_feed(args.seed)
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_jsonl(records), encoding="utf-8", newline="\n")
    print(f"wrote {len(records)} posts to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

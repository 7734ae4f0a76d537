"""The benchmark's input: a realistic mix of posts, generated deterministically.

What "realistic" means here (issue 7): about 2 % violating, 45 % French, 45 % English,
10 % other languages or mixed French/English, lengths like real posts (most are one or
two sentences, a long tail runs to several hundred characters).

Where the text comes from:

- violating posts: *test-split* rows of the ship sets (never the rows the models were
  fitted on) whose gold label is a category, and held-out template cases;
- benign posts: test-split rows judged benign (a fifth of the sentences), *test-split*
  posts of the project's everyday corpus (a fifth: small talk, but also violent idioms,
  heated politics, news about violence), and everyday sentences composed from the phrase
  banks below (real traffic is mostly not about identity or violence at all);
- other languages: the phrase banks and everyday test posts in es, de, it, pt, and Arabic
  rows of MLMA's test split.

Each post joins one to several sentences (geometric count), so lengths have a tail, and
every post is unique (a duplicate is redrawn, then lengthened): the phrase banks alone
would repeat short posts, and repeats would flatter any cache. Nothing here is a
judgement of quality: the mix exists to time the pipeline on the share of posts each
route takes in practice.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

EN_TEMPLATES = (
    "Just got back from {place}, what a {adj} day.",
    "Anyone know a good {thing} near {place}?",
    "Can't believe the {team} lost again last night.",
    "My {relative} made the best {food} tonight.",
    "Reminder: the {event} starts at {hour} tomorrow.",
    "Finally finished reading {book}, highly recommend it.",
    "Traffic on the way to {place} was {adj} this morning.",
    "Happy birthday to my {relative}! Love you.",
    "Does anyone else think the new {thing} update is {adj}?",
    "We are hiring a {job} in {place}, DM me for details.",
    "The weather in {place} is {adj} today.",
    "Thanks everyone for coming to the {event}, it was {adj}.",
    "New recipe: {food} with a bit of lemon and garlic.",
    "I have been learning to play the {instrument} for a month now.",
    "The {team} game was {adj}, what a finish!",
    "Looking for recommendations for a {thing} under 200 dollars.",
    "Our {pet} knocked over the plant again this morning.",
    "Just watched the new episode, the ending was {adj}.",
    "Great talk by the {job} at the {event} today.",
    "Can someone explain why my {thing} keeps restarting?",
)
EN_FILL = {
    "place": (
        "Boston",
        "the park",
        "the library",
        "the lake",
        "Austin",
        "the airport",
        "the farmers market",
        "Portland",
        "the beach",
        "Chicago",
        "the market",
        "the office",
        "my parents' place",
        "the gym",
        "Denver",
    ),
    "adj": (
        "lovely",
        "busy",
        "quiet",
        "strange",
        "perfect",
        "cold",
        "sunny",
        "chaotic",
        "great",
        "long",
        "weird",
        "beautiful",
        "exhausting",
        "amazing",
        "slow",
        "fun",
    ),
    "thing": (
        "barber",
        "bakery",
        "vet",
        "plumber",
        "yoga class",
        "headphones",
        "running shoes",
        "laptop",
        "coffee shop",
        "bike shop",
        "phone",
        "dentist",
        "podcast",
        "camera",
    ),
    "team": (
        "Cubs",
        "Warriors",
        "Eagles",
        "Red Sox",
        "Rangers",
        "Lakers",
        "Yankees",
        "Packers",
        "Celtics",
        "home team",
    ),
    "relative": (
        "aunt",
        "nephew",
        "niece",
        "grandpa",
        "wife",
        "husband",
        "mom",
        "dad",
        "sister",
        "brother",
        "grandma",
        "uncle",
        "cousin",
    ),
    "food": (
        "lentil soup",
        "apple pie",
        "fried rice",
        "pasta salad",
        "meatloaf",
        "ramen",
        "lasagna",
        "pancakes",
        "curry",
        "chili",
        "banana bread",
        "tacos",
        "soup",
    ),
    "event": (
        "yard sale",
        "open mic",
        "charity run",
        "quiz night",
        "parent meeting",
        "meetup",
        "concert",
        "school fair",
        "town hall",
        "workshop",
        "book club",
    ),
    "hour": ("8am", "10:30", "3pm", "5pm", "9am", "noon", "6pm", "7:30"),
    "book": (
        "The Hobbit",
        "a Le Guin novel",
        "Educated",
        "a cookbook",
        "Dune",
        "the new Murakami",
        "that history book",
        "Project Hail Mary",
    ),
    "job": (
        "plumber",
        "chef",
        "cashier",
        "data analyst",
        "electrician",
        "designer",
        "nurse",
        "developer",
        "teacher",
        "accountant",
    ),
    "instrument": ("cello", "bass", "flute", "guitar", "piano", "violin", "drums"),
    "pet": ("parrot", "hamster", "goldfish", "cat", "dog", "puppy", "kitten"),
}
FR_TEMPLATES = (
    "Je rentre de {place}, quelle journée {adj} !",
    "Quelqu'un connaît un bon {thing} près de {place} ?",
    "Encore une défaite de {team} hier soir, je n'y crois pas.",
    "Ma {relative} a préparé {food} ce soir, un délice.",
    "Rappel : la {event} commence demain à {hour}.",
    "J'ai enfin fini {book}, je le recommande vivement.",
    "Les bouchons pour aller à {place} ce matin, c'était {adj}.",
    "Joyeux anniversaire à ma {relative}, je t'aime !",
    "Vous trouvez aussi que la nouvelle mise à jour du {thing} est {adj} ?",
    "On recrute un {job} à {place}, écrivez-moi en privé.",
    "Il fait un temps {adj} à {place} aujourd'hui.",
    "Merci à tous d'être venus à la {event}, c'était {adj}.",
    "Nouvelle recette : {food} avec un peu de citron et d'ail.",
    "J'apprends le {instrument} depuis un mois maintenant.",
    "Le match de {team} était {adj}, quelle fin !",
    "Je cherche un {thing} pas trop cher, des idées ?",
    "Notre {pet} a encore renversé la plante ce matin.",
    "Je viens de voir le nouvel épisode, la fin était {adj}.",
    "Super intervention du {job} à la {event} aujourd'hui.",
    "Quelqu'un sait pourquoi mon {thing} redémarre tout le temps ?",
)
FR_FILL = {
    "place": (
        "Bordeaux",
        "le marché",
        "la bibliothèque",
        "Lille",
        "le parc",
        "Toulouse",
        "la montagne",
        "la plage",
        "Lyon",
        "la gare",
        "Marseille",
        "chez mes parents",
        "la salle de sport",
        "Nantes",
    ),
    "adj": (
        "tranquille",
        "chargée",
        "parfaite",
        "froide",
        "ensoleillée",
        "étrange",
        "folle",
        "super",
        "longue",
        "bizarre",
        "magnifique",
        "épuisante",
        "géniale",
        "calme",
        "drôle",
    ),
    "thing": (
        "coiffeur",
        "boulanger",
        "vétérinaire",
        "plombier",
        "casque",
        "cours de yoga",
        "téléphone",
        "café",
        "vélo",
        "dentiste",
        "podcast",
        "ordinateur",
        "garage",
    ),
    "team": (
        "Lens",
        "Nantes",
        "Rennes",
        "Monaco",
        "Toulouse",
        "l'OM",
        "Paris",
        "Lyon",
        "l'équipe de France",
        "Bordeaux",
    ),
    "relative": (
        "nièce",
        "belle-sœur",
        "marraine",
        "voisine",
        "mère",
        "sœur",
        "grand-mère",
        "tante",
        "cousine",
        "fille",
    ),
    "food": (
        "un couscous",
        "une quiche",
        "des lentilles",
        "un pot-au-feu",
        "une pizza maison",
        "une lasagne",
        "des crêpes",
        "un curry",
        "une tarte aux pommes",
        "une soupe",
        "un gratin",
    ),
    "event": (
        "kermesse",
        "réunion de parents",
        "soirée quiz",
        "course solidaire",
        "réunion",
        "fête de l'école",
        "soirée",
        "conférence",
        "brocante",
        "répétition",
    ),
    "hour": ("8h", "10h30", "15h", "17h", "9h", "midi", "18h", "20h30"),
    "book": (
        "le dernier Pennac",
        "un polar islandais",
        "Le Petit Prince",
        "un livre de cuisine",
        "le dernier Musso",
        "ce livre d'histoire",
        "L'Étranger",
        "la BD de mon frère",
    ),
    "job": (
        "boulanger",
        "cuisinier",
        "caissier",
        "électricien",
        "aide-soignant",
        "graphiste",
        "infirmier",
        "développeur",
        "professeur",
        "comptable",
    ),
    "instrument": ("violoncelle", "accordéon", "batterie", "piano", "violon", "ukulélé", "saxophone"),
    "pet": ("perroquet", "hamster", "poisson rouge", "chat", "chien", "chaton", "lapin"),
}
OTHER = {
    "es": (
        "Hoy fuimos a la playa con mis primos, un día precioso.",
        "¿Alguien sabe dónde comprar pan sin gluten en el centro?",
        "El partido de anoche fue increíble, qué final.",
        "Mañana empieza el curso de cocina, tengo muchas ganas.",
        "Mi perro se comió mis zapatillas otra vez.",
        "Gracias a todos por venir a la fiesta del sábado.",
    ),
    "de": (
        "Heute waren wir mit den Kindern im Zoo, sehr schön.",
        "Kennt jemand eine gute Werkstatt in der Nähe von Köln?",
        "Das Spiel gestern Abend war unglaublich spannend.",
        "Morgen beginnt endlich mein Urlaub an der Ostsee.",
        "Meine Katze hat wieder die Blumen umgeworfen.",
        "Danke an alle, die zum Konzert gekommen sind!",
    ),
    "it": (
        "Oggi siamo andati al mare con tutta la famiglia.",
        "Qualcuno conosce una buona pizzeria vicino alla stazione?",
        "La partita di ieri sera è stata bellissima.",
        "Domani comincia il corso di fotografia, non vedo l'ora.",
        "Il mio gatto ha rovesciato di nuovo la pianta.",
    ),
    "pt": (
        "Hoje fomos à praia com os meus primos, que dia lindo.",
        "Alguém conhece um bom mecânico perto do centro?",
        "O jogo de ontem à noite foi incrível.",
        "Amanhã começa o curso de culinária, estou animado.",
    ),
}
MIXED = (
    "Trop bien le concert hier, best night ever!",
    "On se retrouve au café après le meeting, ok?",
    "C'est le weekend enfin, time to relax.",
    "Merci pour le feedback, super helpful.",
    "Le call de ce matin était tellement long, so boring.",
    "J'ai testé le nouveau burger spot, honestly pas mal.",
    "Deadline demain, je suis full stress.",
    "Mon boss m'a dit good job, trop content.",
    "On fait un brunch dimanche, who's in?",
    "Le workshop était vraiment inspiring.",
    "Je suis en mode chill ce soir, Netflix and tea.",
    "Big up à l'équipe pour le release d'hier!",
    "Le meeting est reporté à jeudi, sorry pour le late notice.",
    "J'adore ce podcast, super storytelling.",
    "Petit footing ce matin, feeling great.",
    "Qui vient au afterwork vendredi? Let me know.",
    "Le nouveau café en bas est so cute.",
    "Ce playlist est parfait pour bosser, thanks!",
    "On a fini le projet, finally!",
    "Le train est encore en retard, classic.",
)


def _fill(template: str, fill: dict[str, tuple[str, ...]], rng: random.Random) -> str:
    return template.format(**{k: rng.choice(v) for k, v in fill.items() if "{" + k + "}" in template})


def _sentences(rng: random.Random) -> int:
    """Sentences in a post: geometric (mean ≈ 1.8) with a tail (≈ 1 % of posts ≥ 8 sentences)."""
    n = 1
    while rng.random() < 0.45 and n < 30:
        n += 1
    return n


def _pools(data_dir: Path, seed: int) -> dict[str, list[str]]:
    """Test-split rows: natural benign and violating, everyday posts (``<lang>_day``), per language."""
    from vigie.model.datasets import load_all
    from vigie.model.everyday import load_everyday
    from vigie.model.templates import generate

    pools: dict[str, list[str]] = {k: [] for k in ("en_bad", "fr_bad", "en_ok", "fr_ok", "ar_ok")}
    for e in load_everyday(seed):
        if e.split == "test":
            pools.setdefault(f"{e.lang}_day", []).append(e.text)
    for e in load_all(data_dir, seed=seed):
        if e.split != "test":
            continue
        bad = any(e.targets[j] == 1.0 for j in (0, 1, 2))
        ok = all(e.targets[j] == 0.0 for j in (0, 1, 2, 3))
        if bad and f"{e.lang}_bad" in pools:
            pools[f"{e.lang}_bad"].append(e.text)
        elif ok and f"{e.lang}_ok" in pools:
            pools[f"{e.lang}_ok"].append(e.text)
    for c in generate(seed):
        if c.split == "test" and any(t == 1.0 for t in c.targets[:3]) and f"{c.lang}_bad" in pools:
            pools[f"{c.lang}_bad"].append(c.text)
    return pools


def generate_mix(
    data_dir: Path, n: int, *, seed: int = 7, violating: float = 0.02
) -> Iterator[dict[str, Any]]:
    """``n`` posts as ``{"id", "text", "lang", "kind"}`` records; ``lang``, ``kind`` are true."""
    rng = random.Random(seed)
    pools = _pools(data_dir, seed=0)
    seen: set[str] = set()
    for i in range(n):
        u = rng.random()
        lang = "fr" if u < 0.45 else "en" if u < 0.90 else "other"
        kind = "benign"
        if lang != "other" and rng.random() < violating:
            text, kind = rng.choice(pools[f"{lang}_bad"]), "violating"
        elif lang == "other":
            v = rng.random()
            if v < 0.3:
                lang = "mixed"
                text = " ".join(rng.choice(MIXED) for _ in range(_sentences(rng)))
            elif v < 0.45 and pools["ar_ok"]:
                text, lang = rng.choice(pools["ar_ok"]), "ar"
            else:
                lang = rng.choice(sorted(OTHER))
                bank = [*OTHER[lang], *pools.get(f"{lang}_day", [])]
                text = " ".join(rng.choice(bank) for _ in range(_sentences(rng)))
        else:
            text = " ".join(_benign_sentence(lang, pools, rng) for _ in range(_sentences(rng)))
        for _ in range(20):  # a repeat is redrawn from the same source, then lengthened
            if text not in seen or kind == "violating":
                break
            text = _redraw(lang, pools, rng)
        while text in seen and kind != "violating":
            text = f"{text} {_redraw(lang, pools, rng)}"
        seen.add(text)
        yield {"id": f"m{i:06d}", "text": text, "lang": lang, "kind": kind}


def _benign_sentence(lang: str, pools: dict[str, list[str]], rng: random.Random) -> str:
    """One benign en/fr sentence: a natural benign row, an everyday post, or a phrase-bank fill."""
    v = rng.random()
    if v < 0.2 and pools[f"{lang}_ok"]:
        return rng.choice(pools[f"{lang}_ok"])
    if v < 0.4 and pools.get(f"{lang}_day"):
        return rng.choice(pools[f"{lang}_day"])
    templates, fill = (FR_TEMPLATES, FR_FILL) if lang == "fr" else (EN_TEMPLATES, EN_FILL)
    return _fill(rng.choice(templates), fill, rng)


def _redraw(lang: str, pools: dict[str, list[str]], rng: random.Random) -> str:
    if lang in ("en", "fr"):
        return _benign_sentence(lang, pools, rng)
    if lang == "mixed":
        return rng.choice(MIXED)
    if lang == "ar":
        return rng.choice(pools["ar_ok"])
    return rng.choice([*OTHER[lang], *pools.get(f"{lang}_day", [])])


def write_mix(path: Path, data_dir: Path, n: int, *, seed: int = 7) -> dict[str, Any]:
    """Write the mix as JSONL; returns its composition (shares by language and kind, length percentiles)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    langs: dict[str, int] = {}
    kinds: dict[str, int] = {}
    lengths: list[int] = []
    with path.open("w", encoding="utf-8") as f:
        for rec in generate_mix(data_dir, n, seed=seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            langs[rec["lang"]] = langs.get(rec["lang"], 0) + 1
            kinds[rec["kind"]] = kinds.get(rec["kind"], 0) + 1
            lengths.append(len(rec["text"]))
    lengths.sort()
    return {
        "posts": n,
        "languages": {k: round(v / n, 4) for k, v in sorted(langs.items())},
        "kinds": {k: round(v / n, 4) for k, v in sorted(kinds.items())},
        "chars": {q: lengths[min(n - 1, int(n * p))] for q, p in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99))},
        "seed": seed,
    }

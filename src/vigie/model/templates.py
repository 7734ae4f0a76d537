"""Project-written functional cases (HateCheck-style, written from scratch): English and French
here, Spanish, German and Italian in :mod:`vigie.model.template_packs` (adapted from the English
templates index for index, so the held-out split holds out the same wordings in every language).

Why: the natural sets have almost no French threats, few threats against individuals,
and no hard negatives such as violent idioms, counter-speech quoting hate, reporting on
threats or sharp criticism of officials; nothing at all in Spanish, German or Italian. These
templates fill exactly those gaps. ``quote_endorse`` (hate quoted *and approved*: "My
grandfather said "X are vermin" and he was right") is the counterpart of ``counter_quote``;
``vigie train`` measures it on its held-out templates but does not train on it
(``TrainConfig.untrained_functionalities``: trained on, it cost more counter-speech than it caught).

Each :class:`Template` belongs to a *functionality* whose labels are fixed in
:data:`FUNCTIONALITIES`. Slots (``{G}``, ``{P}``, ``{O}`` …) are filled from per-language
filler lists. The split is by template **and** by filler: :func:`generate` marks every
fourth template of each (language, functionality) as held-out and fills held-out templates
only with held-out fillers (and training templates only with training fillers), so the
held-out score measures generalisation to new wordings *and* new names, groups and places.

Nothing here is copied from HateCheck; ``tests/model/test_templates_not_hatecheck.py``
checks with MinHash that no generated case is a near copy of a HateCheck case.
"""

from __future__ import annotations

import math
import random
import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from vigie.model import template_packs
from vigie.model.datasets import Example, Split

__all__ = [
    "FUNCTIONALITIES",
    "TEMPLATES",
    "Case",
    "Template",
    "generate",
    "heldout_suite",
    "main",
    "obfuscate",
]

N = math.nan

# Targets per functionality, in HEAD_LABELS order:
# (violent_threat, incitement, hate, harassment, reporting, counter_speech); nan = not asserted.
FUNCTIONALITIES: dict[str, tuple[float, ...]] = {
    # violating
    "threat_dir_group": (1, N, 1, N, 0, 0),
    "threat_norm_group": (N, 1, 1, N, 0, 0),
    "threat_indiv": (1, N, 0, N, 0, 0),
    "threat_cond": (1, N, N, N, 0, 0),
    "incite_indiv": (N, 1, 0, N, 0, 0),
    "call_to_arms": (N, 1, N, N, 0, 0),
    "dehumanisation": (0, 0, 1, N, 0, 0),
    "derogation": (0, 0, 1, N, 0, 0),
    "hate_emotion": (0, 0, 1, N, 0, 0),
    "negated_positive": (0, 0, 1, N, 0, 0),
    "slur_attack": (0, 0, 1, N, 0, 0),
    "exclusion": (0, 0, 1, N, 0, 0),
    "quote_endorse": (N, N, 1, N, 0, 0),
    "harass_indiv": (0, 0, 0, 1, 0, 0),
    "insult_you": (0, 0, 0, 1, 0, 0),
    # not violating (hard negatives)
    "counter_quote": (0, 0, 0, 0, 0, 1),
    "counter_ref": (0, 0, 0, 0, 0, 1),
    "negated_hate": (0, 0, 0, 0, 0, N),
    "reporting": (0, 0, 0, 0, 1, 0),
    "violent_idiom": (0, 0, 0, 0, 0, 0),
    "criticism_official": (0, 0, 0, 0, 0, 0),
    "peaceful_protest": (0, 0, 0, 0, 0, 0),
    "benign_group": (0, 0, 0, 0, 0, 0),
    "profanity_untargeted": (0, 0, 0, 0, 0, 0),
    "fiction_games": (0, 0, 0, 0, 0, 0),
    "positive_group": (0, 0, 0, 0, 0, 0),
    "insult_nonprotected": (0, 0, 0, N, 0, 0),
    "object_anger": (0, 0, 0, 0, 0, 0),
    "everyday": (0, 0, 0, 0, 0, 0),
}
VIOLATING = frozenset(f for f, t in FUNCTIONALITIES.items() if any(v == 1 for v in t[:4]))


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    lang: str
    functionality: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    lang: str
    functionality: str
    template_id: str
    split: Split
    targets: tuple[float, ...]

    def to_example(self) -> Example:
        return Example(
            self.text, self.targets, "templates", self.lang, self.split, self.functionality, self.template_id
        )


# --- fillers --------------------------------------------------------------------------------
# Groups: G = plural with article as used mid-sentence, Ga = "all G", Gs = one member.
# The last third of each list is held out (used only by held-out templates).
_GROUPS: dict[str, list[dict[str, str]]] = {
    "en": [
        {"G": "Muslims", "Ga": "all Muslims", "Gs": "a Muslim", "Gb": "Muslims"},
        {"G": "immigrants", "Ga": "all immigrants", "Gs": "an immigrant", "Gb": "immigrants"},
        {"G": "women", "Ga": "all women", "Gs": "a woman", "Gb": "women"},
        {"G": "gay people", "Ga": "all gay people", "Gs": "a gay man", "Gb": "gay people"},
        {"G": "Black people", "Ga": "all Black people", "Gs": "a Black man", "Gb": "Black people"},
        {"G": "trans people", "Ga": "all trans people", "Gs": "a trans woman", "Gb": "trans people"},
        {
            "G": "disabled people",
            "Ga": "all disabled people",
            "Gs": "a disabled person",
            "Gb": "disabled people",
        },
        {"G": "refugees", "Ga": "all refugees", "Gs": "a refugee", "Gb": "refugees"},
        {"G": "Jews", "Ga": "all Jews", "Gs": "a Jew", "Gb": "Jews"},
        {"G": "Roma", "Ga": "all Roma", "Gs": "a Roma", "Gb": "Roma"},
        {"G": "Arabs", "Ga": "all Arabs", "Gs": "an Arab", "Gb": "Arabs"},
        {"G": "Asians", "Ga": "all Asians", "Gs": "an Asian", "Gb": "Asians"},
        {"G": "Mexicans", "Ga": "all Mexicans", "Gs": "a Mexican", "Gb": "Mexicans"},
        {"G": "lesbians", "Ga": "all lesbians", "Gs": "a lesbian", "Gb": "lesbians"},
        {"G": "Hindus", "Ga": "all Hindus", "Gs": "a Hindu", "Gb": "Hindus"},
    ],
    "fr": [
        {"G": "les musulmans", "Ga": "tous les musulmans", "Gs": "un musulman", "Gb": "musulmans"},
        {"G": "les immigrés", "Ga": "tous les immigrés", "Gs": "un immigré", "Gb": "immigrés"},
        {"G": "les femmes", "Ga": "toutes les femmes", "Gs": "une femme", "Gb": "femmes"},
        {"G": "les homosexuels", "Ga": "tous les homosexuels", "Gs": "un homo", "Gb": "homosexuels"},
        {"G": "les Noirs", "Ga": "tous les Noirs", "Gs": "un Noir", "Gb": "Noirs"},
        {
            "G": "les personnes trans",
            "Ga": "toutes les personnes trans",
            "Gs": "une femme trans",
            "Gb": "personnes trans",
        },
        {"G": "les handicapés", "Ga": "tous les handicapés", "Gs": "un handicapé", "Gb": "handicapés"},
        {"G": "les migrants", "Ga": "tous les migrants", "Gs": "un migrant", "Gb": "migrants"},
        {"G": "les juifs", "Ga": "tous les juifs", "Gs": "un juif", "Gb": "juifs"},
        {"G": "les Roms", "Ga": "tous les Roms", "Gs": "un Rom", "Gb": "Roms"},
        {"G": "les Arabes", "Ga": "tous les Arabes", "Gs": "un Arabe", "Gb": "Arabes"},
        {"G": "les Asiatiques", "Ga": "tous les Asiatiques", "Gs": "un Asiatique", "Gb": "Asiatiques"},
        {"G": "les Africains", "Ga": "tous les Africains", "Gs": "un Africain", "Gb": "Africains"},
        {"G": "les lesbiennes", "Ga": "toutes les lesbiennes", "Gs": "une lesbienne", "Gb": "lesbiennes"},
        {"G": "les réfugiés", "Ga": "tous les réfugiés", "Gs": "un réfugié", "Gb": "réfugiés"},
    ],
}
_SLURS: dict[str, list[dict[str, str]]] = {
    "en": [
        {"S": "faggots"},
        {"S": "niggers"},
        {"S": "kikes"},
        {"S": "trannies"},
        {"S": "retards"},
        {"S": "towelheads"},
        {"S": "wetbacks"},
        {"S": "chinks"},
        {"S": "spics"},
    ],
    "fr": [
        {"S": "bougnoules"},
        {"S": "pédés"},
        {"S": "youpins"},
        {"S": "nègres"},
        {"S": "gouines"},
        {"S": "bicots"},
        {"S": "tarlouzes"},
        {"S": "bridés"},
        {"S": "négros"},
    ],
}
# P = a named person, O = an official/role noun (with article), J = journalist reference.
_SLURS_SG: dict[str, list[dict[str, str]]] = {
    "en": [
        {"Ss": w}
        for w in ("faggot", "nigger", "kike", "tranny", "retard", "towelhead", "wetback", "chink", "spic")
    ],
    "fr": [
        {"Ss": w}
        for w in ("bougnoule", "pédé", "youpin", "nègre", "gouine", "bicot", "tarlouze", "bridé", "négro")
    ],
}
_NONPROTECTED: dict[str, list[dict[str, str]]] = {
    "en": [
        {"NP": w}
        for w in (
            "landlords",
            "estate agents",
            "tourists",
            "cyclists",
            "lawyers",
            "bankers",
            "influencers",
            "critics",
            "mechanics",
        )
    ],
    "fr": [
        {"NP": w}
        for w in (
            "les propriétaires",
            "les agents immobiliers",
            "les touristes",
            "les cyclistes",
            "les avocats",
            "les banquiers",
            "les influenceurs",
            "les critiques",
            "les garagistes",
        )
    ],
}
_PEOPLE: dict[str, list[dict[str, str]]] = {
    "en": [
        {"P": "Sarah Miller", "O": "the mayor", "J": "that reporter from the Herald"},
        {"P": "David Chen", "O": "Senator Walsh", "J": "the journalist Tom Price"},
        {"P": "Kevin O'Brien", "O": "Judge Harper", "J": "the anchor on Channel 4"},
        {"P": "Laura Bennett", "O": "the governor", "J": "that columnist Emma Stone"},
        {"P": "Marcus Reid", "O": "the prime minister", "J": "the editor of the Gazette"},
        {"P": "Helen Park", "O": "Councillor Jones", "J": "the reporter Ana Lopez"},
        {"P": "Peter Novak", "O": "the police chief", "J": "the blogger Sam Ortiz"},
        {"P": "Rachel Adams", "O": "Justice Morgan", "J": "the presenter Jack Hill"},
        {"P": "Omar Haddad", "O": "the health minister", "J": "the journalist Nina Kaur"},
    ],
    "fr": [
        {"P": "Marie Dubois", "O": "le maire", "J": "ce journaliste du Parisien"},
        {"P": "Karim Benali", "O": "le préfet", "J": "la journaliste Claire Morel"},
        {"P": "Julien Lefèvre", "O": "la juge Martin", "J": "le présentateur du 20h"},
        {"P": "Sophie Laurent", "O": "le député Girard", "J": "l'éditorialiste Paul Roux"},
        {"P": "Thomas Bernard", "O": "le ministre de l'Intérieur", "J": "la reporter Léa Fontaine"},
        {"P": "Nadia Haddad", "O": "la sénatrice Colin", "J": "le rédacteur en chef de Libé"},
        {"P": "Antoine Mercier", "O": "le procureur", "J": "la chroniqueuse Inès Garnier"},
        {"P": "Camille Petit", "O": "le président de la région", "J": "le journaliste Hugo Blanc"},
        {"P": "Yanis Morel", "O": "la maire adjointe", "J": "la blogueuse Zoé Perrin"},
    ],
}
# L = place, D = date/time expression, W = weapon.
_LOGISTICS: dict[str, list[dict[str, str]]] = {
    "en": [
        {"L": "the town hall", "D": "Saturday at noon", "W": "rifles"},
        {"L": "the mosque on Elm Street", "D": "January 20th", "W": "knives"},
        {"L": "the courthouse", "D": "tomorrow night", "W": "baseball bats"},
        {"L": "Central Station", "D": "next Friday at 6pm", "W": "guns"},
        {"L": "the synagogue downtown", "D": "on the 14th", "W": "machetes"},
        {"L": "the refugee centre", "D": "this weekend", "W": "petrol bombs"},
        {"L": "the parliament building", "D": "on election day", "W": "ammo"},
        {"L": "the pride march route", "D": "Sunday morning", "W": "crowbars"},
        {"L": "the newspaper office", "D": "Monday at dawn", "W": "pipes"},
    ],
    "fr": [
        {"L": "la mairie", "D": "samedi à midi", "W": "fusils"},
        {"L": "la mosquée de la rue Pasteur", "D": "le 20 janvier", "W": "couteaux"},
        {"L": "le palais de justice", "D": "demain soir", "W": "battes"},
        {"L": "la gare du Nord", "D": "vendredi prochain à 18h", "W": "flingues"},
        {"L": "la synagogue du quartier", "D": "le 14 juillet", "W": "machettes"},
        {"L": "le centre pour réfugiés", "D": "ce week-end", "W": "cocktails Molotov"},
        {"L": "l'Assemblée", "D": "le jour du vote", "W": "armes"},
        {"L": "le parcours de la marche des fiertés", "D": "dimanche matin", "W": "barres de fer"},
        {"L": "la rédaction du journal", "D": "lundi à l'aube", "W": "barres"},
    ],
}
_THINGS: dict[str, list[dict[str, str]]] = {
    "en": [
        {"F": "pizza", "X": "this printer", "Y": "the final exam"},
        {"F": "a burger", "X": "my alarm clock", "Y": "that presentation"},
        {"F": "a cold beer", "X": "this laptop", "Y": "the job interview"},
        {"F": "some sushi", "X": "the wifi router", "Y": "the marathon"},
        {"F": "a coffee", "X": "this stupid phone", "Y": "the audition"},
        {"F": "tacos", "X": "the washing machine", "Y": "the chess final"},
    ],
    "fr": [
        {"F": "une pizza", "X": "cette imprimante", "Y": "l'examen final"},
        {"F": "un burger", "X": "mon réveil", "Y": "cette présentation"},
        {"F": "une bière fraîche", "X": "cet ordinateur", "Y": "l'entretien d'embauche"},
        {"F": "des sushis", "X": "la box internet", "Y": "le marathon"},
        {"F": "un café", "X": "ce fichu téléphone", "Y": "l'audition"},
        {"F": "des crêpes", "X": "la machine à laver", "Y": "la finale d'échecs"},
    ],
}

# --- templates ------------------------------------------------------------------------------
_EN: dict[str, list[str]] = {
    "threat_dir_group": [
        "I am going to hunt down {G} one by one and make them bleed.",
        "Next time I see {Gs} in my street I will stab them, I promise.",
        "We will burn their houses with {G} still inside.",
        "I swear I'll shoot the first of those {G} who walks into my shop.",
        "Me and the boys are going to beat {G} to death this summer.",
        "Every one of {G} in this town will be dead by the end of the year, I'll make sure of it.",
        "Mark my words, I will slit the throat of {Gs} before the week is out.",
        "I'm loading my {W} and heading out to kill {G}.",
    ],
    "threat_norm_group": [
        "{G} deserve a bullet, every single one of them.",
        "Somebody needs to line up {G} against a wall and shoot them.",
        "The only good solution is to exterminate {G} like we did before.",
        "{G} ought to be hanged from the lampposts in the town square.",
        "Round up {G} and gas them, that is what this country needs.",
        "It would be a better world if {G} were all wiped out by force.",
        "Burn {G} alive, they have it coming.",
        "Honestly {G} should be slaughtered, no mercy.",
    ],
    "threat_indiv": [
        "{P}, I know where you live and I'm going to kill you.",
        "I will put a bullet in {O}'s head, mark my words.",
        "Watch your back {J}, you'll be dead before you publish another word.",
        "I'm going to find {P} after work and break every bone in their body.",
        "{O} is going to die by my hand, and soon.",
        "I will slit the throat of {J} if they write about us again.",
        "You'll be found in a ditch, {P}. That's a promise.",
        "I'm coming for {O} with a knife and nobody will stop me.",
        "I hope someone guns down {J} in the street, and if nobody does, I will.",
        "Enjoy your last weekend, {P}. I'm bringing a gun on Monday.",
        "I've been following {J} home every night. Soon I'll finish the job.",
    ],
    "threat_cond": [
        "If {O} signs that bill, I will personally shoot them.",
        "Keep talking {P} and I'll make sure you never walk again.",
        "If {J} publishes that story, I'll burn their house down with them in it.",
        "One more ruling like that and {O} will end up with a knife in the back, by me.",
        "If those {G} move into our building, I'll kill them myself.",
        "Unless {P} pays me back by Friday, I'm going to put them in the hospital.",
        "If {O} shows up at the rally, I'll be waiting with my {W}.",
        "Say that to my face again, {P}, and you won't be able to speak after.",
        "If {O} comes back to this town, they leave in a body bag.",
        "Touch my car again, {P}, and I'll break your neck.",
        "If {J} keeps digging into my family, I'll put them six feet under.",
    ],
    "incite_indiv": [
        "Someone should just shoot {O} and be done with it.",
        "Who's going to be brave enough to put {J} in the ground?",
        "{O} needs to be dragged out and hanged, who's with me?",
        "Find {P}'s address and make them pay in blood.",
        "Somebody do the world a favour and stab {J}.",
        "Patriots, it's time to execute {O} for treason.",
        "{P} lives at the end of Oak Lane. You know what to do. Bring {W}.",
        "If anyone sees {J} tonight, beat them until they stop moving.",
        "Good patriots would put {O} in a grave. Just saying.",
        "Somebody please run {P} over with a car.",
        "{O} lives on Birch Road, number 12. Someone go and end them.",
        "Whoever takes out {J} will be a hero. Do it.",
        "Go to {P}'s house tonight and make sure they never wake up.",
        "Dox {O} and burn their car with them in it.",
        "Whoever gets to {O} first, finish them. They deserve it.",
        "Someone needs to teach {P} a lesson with a baseball bat.",
        "{J} walks home alone every night. Somebody should make it their last walk.",
        "I'd pay good money to whoever puts a bullet in {O}.",
    ],
    "call_to_arms": [
        "Everyone meet at {L} {D}, bring {W}, we're going to clear out {G} for good.",
        "Grab your {W} and gather at {L} {D}. None of {G} leaves alive.",
        "The war starts {D} at {L}. Arm yourselves and kill every traitor you see.",
        "Brothers, {D} we storm {L}. Bring {W} and leave no survivors.",
        "Be at {L} {D} with {W}. We are taking back this country by force.",
        "Time to act: {D}, {L}, bring {W}, burn it all down with them inside.",
        "Meet up {D} outside {L}, armed. We are going to finish {O} once and for all.",
        "Stock up on {W}. On {D} we march on {L} and nobody from the other side walks away.",
        "Load up and meet at {L} {D}. Shoot anyone who gets in the way.",
        "This is the signal: {D}, {L}. Bring {W}, we hunt them down street by street.",
        "Militia members, {D} at {L}. Come armed, this ends in blood.",
        "We strike {L} {D}. Everyone bring {W} and no mercy for {G}.",
        "{D}, everyone to {L}. Bring {W}. We finish this ourselves.",
        "Patriots, arm up. {L}, {D}. Nobody inside gets out.",
        "Form militias now. {D} we move on {L} and take out every target on the list.",
        "Last call: {L} {D}, {W} loaded. They will pay in blood.",
    ],
    "dehumanisation": [
        "{G} are vermin that breed in the gutters.",
        "{G} are nothing but filthy rats spreading disease.",
        "I don't see {G} as human, they're animals.",
        "{G} are a plague, a parasite infesting our cities.",
        "{G} are subhuman cockroaches.",
        "There's nothing human about {G}, they are beasts.",
        "{G} are like lice, you have to get rid of them.",
    ],
    "derogation": [
        "{G} are all thieves and liars, every last one.",
        "Never trust {Gs}, they're all criminals by nature.",
        "{G} are too stupid to ever be more than servants.",
        "I'm sick of {G}, they ruin everything they touch.",
        "{G} are disgusting and dirty, I can't stand them.",
        "{G} are a disease on this country.",
        "The problem with {G} is that they are born inferior.",
    ],
    "slur_attack": [
        "Get these {S} out of my sight.",
        "Filthy {S} everywhere in this neighbourhood now.",
        "Shut up you dumb {S}.",
        "The {S} have taken over the whole street.",
        "Another bunch of {S} moved in next door, disgusting.",
        "Nobody wants you here, {S}.",
        "You will always be a dirty {Ss} to me.",
        "Typical {Ss}, lying and stealing again.",
        "My boss hired another {Ss}, this place is going downhill.",
        "Look at that {Ss} pretending to be one of us.",
        "Why do we let {S} live on our street?",
        "Those {S} are breeding like rats.",
    ],
    "exclusion": [
        "{G} should be banned from this country forever.",
        "Deport {Ga} now, they don't belong here.",
        "None of {G} should ever be allowed to vote or work here.",
        "Keep {G} out of our schools and out of our neighbourhoods.",
        "{G} have no place in our society, send them back.",
        "We must strip {G} of their citizenship.",
        "No more {G} in our town. Close the borders and throw them out.",
        "{G} should not be allowed anywhere near our children.",
        "Ban {G} from public office, all of them.",
        "We don't want {G} here. Pack up and leave.",
    ],
    "harass_indiv": [
        "You're a pathetic loser, {P}, nobody can stand you.",
        "{P} is a brainless idiot and a disgrace.",
        "Shut your stupid mouth, {P}, you worthless clown.",
        "Hey {P}, everyone laughs at how ugly and dumb you are.",
        "You are such a useless piece of trash, {P}.",
        "{P}, you're a disgusting liar and a fraud, go cry somewhere else.",
    ],
    "counter_quote": [
        'Someone wrote "{G} are vermin" under my post. That is vile and I reported it.',
        '"Burn {G} alive" is not free speech, it\'s a call for murder and it must stop.',
        'I\'m disgusted that people still say "{G} are subhuman" in 2024.',
        'When you post "deport {Ga}" you are spreading hate, plain and simple.',
        'My neighbour yelled "go back home" at {Gs}. We stood with them and told him to leave.',
        'Quoting what he said, "{G} are rats", just to show how hateful this account is.',
        '"I will kill {G}" - whoever wrote this should be ashamed and banned.',
        "Anyone who says {G} are animals is a bigot, and I won't stay silent.",
        'If you think "{G} should die", you need help, not a platform.',
        'Comments like "{G} are a disease" got this account suspended, good.',
        'He called {G} "parasites" on live TV. Shameful.',
        'Imagine writing "{G} are trash" and thinking you\'re the victim.',
        'My uncle keeps saying "{G} are ruining everything" and I finally told him how racist that is.',
        'Reported a post saying "{G} should be wiped out". Please do the same if you see it.',
        'The sign at the rally read "{G} go home". We need to talk about why that is hateful.',
        '"{G} are less than human" - no. Just no. This rhetoric gets people killed.',
        'Why do people think it\'s fine to tweet "{G} are pigs"? It is dehumanising.',
        'Posting "{G} are cockroaches" and calling it a joke? Nobody is laughing.',
        'A guy at work said "{G} should be shot". HR is dealing with him now.',
        'Screenshotting this "{G} don\'t deserve to live" thread for the moderators.',
        'You wrote "gas {Ga}" and now you are surprised you got banned?',
        '"{G} are parasites" is exactly the kind of lie that leads to violence.',
        'Heard someone shout "kill {Ga}" on the bus today. Stay safe everyone, and report it.',
        'Every time someone types "{G} are animals", I will be here to call it out.',
        'Telling people "{G} should go back where they came from" is racism, full stop.',
    ],
    "quote_endorse": [
        'My grandfather always said "{G} are vermin" and he was right.',
        'Somebody wrote "{G} are parasites" under my post and honestly, they nailed it.',
        '"{G} are subhuman" - finally a politician with the guts to say it.',
        'Repeat after me: "{G} are a plague on this country."',
        'Saw "{G} are animals" sprayed on the bridge today. Whoever did it, respect.',
        'People call it hate to say "{G} are rats", but it is just the truth.',
        'The sign at the rally said "{G} are filth" and everyone cheered. Best day ever.',
        'Retweeting this because it is right: "{G} are ruining everything."',
        'My dad says "{G} are a disease" and after this week I agree with every word.',
        'Tattooing "{G} are scum" on my arm so nobody forgets what I think of them.',
        '"{G} are less than human." Print it, frame it, hang it in every school.',
        'They banned him for writing "{G} are cockroaches". He was only saying what we all know.',
    ],
    "counter_ref": [
        "The threats against {G} on this forum are disgusting, please report them.",
        "Hate against {G} is never acceptable, stand up against it.",
        "I'm tired of seeing slurs aimed at {G}. Enough is enough.",
        "Calls for violence against {O} have no place in a democracy.",
        "We condemn every threat made against {J}. Journalists must be able to work safely.",
        "Dehumanising {G} is how atrocities begin. Speak up.",
        "Please stop sending death threats to {P}, it's cruel and illegal.",
        "Claiming that {G} are criminals is lazy bigotry dressed up as opinion.",
        "People who call {G} animals should take a long look at themselves.",
        "Spreading lies about {G} online has real consequences offline.",
        "Every time a politician scapegoats {G}, harassment goes up. Stop it.",
        "Threatening {O} is never okay, whatever you think of their decisions.",
        "The hatred aimed at {G} online is out of control and we must push back.",
        "We need to talk about the racism and bigotry {G} face every day.",
        "The abuse {G} receive here is a disgrace to this platform.",
        "Standing up to hatred against {G} is everyone's job.",
        "Misogyny, racism and homophobia have no place here. Report it when you see it.",
        "It is exhausting to watch {G} get blamed for everything by bigots.",
        "If your first reaction to {G} is contempt, examine that.",
    ],
    "negated_hate": [
        "{G} are not vermin, they are our neighbours and friends.",
        "I would never wish harm on {G}.",
        "Nobody should ever threaten {G}, ever.",
        "I don't think {G} are inferior in any way.",
        "It's not true that {G} are criminals.",
        "I have absolutely no intention of hurting {P}.",
        "{G} are not a threat to anyone.",
        "Saying {G} are dangerous is simply wrong.",
        "I used to think {G} were the problem. I was wrong.",
        "There is no reason at all to be afraid of {G}.",
        "No, {G} are not taking over anything. Stop the fearmongering.",
        "I refuse to believe that {G} are any worse than the rest of us.",
        "{G} are not animals, they are human beings like you and me.",
        "None of my friends who are {G} has ever been anything but kind.",
        "I don't hate {G} at all, why would I?",
        "I have never hated {G} and I never will.",
        "To be honest I have no problem whatsoever with {G}.",
        "Not once have I felt disgust towards {G}.",
        "It is simply false that {G} are less intelligent.",
        "Nobody I know thinks {G} are a problem, and neither do I.",
        "{G} are not disgusting, and saying so says more about you.",
        "I would never call {G} scum, that is just cruel.",
        "Honestly I don't dislike {G} in the slightest.",
        "Let me be clear: {G} are not our enemies.",
        "I was raised to fear {G}, but I never did and never will.",
        "Calling {G} a danger to society is a lie, and I won't repeat it.",
        "There is nothing wrong with being {Gs}. Nothing.",
    ],
    "reporting": [
        "A man was arrested {D} after threatening to kill {O}, police said.",
        "The court sentenced him to two years for sending death threats to {J}.",
        "Prosecutors say the suspect planned an attack on {L} with {W}.",
        "According to the report, hate crimes against {G} rose by 20% last year.",
        "{O} received several death threats this week, the spokesperson confirmed.",
        'The trial heard that the defendant had posted "kill {G}" on a forum.',
        "Police are investigating threats against {L} posted online {D}.",
        "Witnesses told the BBC the attacker shouted slurs at {G} before fleeing.",
    ],
    "violent_idiom": [
        "I could kill for {F} right now.",
        "{P} absolutely killed it on stage last night!",
        "This traffic is murder, I'll be late again.",
        "I'm going to destroy you at Mario Kart tonight, {P}.",
        "{X} is killing me, I'm about to throw it out the window.",
        "We're going to slaughter them in the match on Saturday.",
        "My feet are killing me after that hike.",
        "I'll murder {F} when I get home, I'm starving.",
        "You're dead meat when Mum sees this mess, lol.",
        "{Y} totally killed me, I need a nap.",
        "That comedian absolutely murdered the crowd last night, I cried laughing.",
        "My little brother is going to kill me when he sees I ate his {F}.",
        "{P}, you are so dead when I get you in the next round, haha.",
        "This heat is killing me, I need air conditioning now.",
        "We got slaughtered 5-0, worst match of the season.",
        "{Y} is going to be the death of me, I swear.",
        "Gonna smash you at ping pong later, {P}, be ready.",
        "Her new song slays, I've had it on repeat all day.",
    ],
    "criticism_official": [
        "{O} should resign after this disastrous vote.",
        "{O} is incompetent and has failed this city.",
        "Vote {O} out in the next election, they've done nothing for us.",
        "{J} wrote a lazy, biased article and should issue a correction.",
        "{O}'s ruling was a disgrace and should be appealed.",
        "I completely disagree with {O} and I'll be writing to complain.",
        "{O} lied to us and deserves to lose their job.",
    ],
    "peaceful_protest": [
        "Everyone meet at {L} {D} for a peaceful march against the new law.",
        "Join us at {L} {D}, bring banners and signs, no violence.",
        "Let's gather outside {L} {D} and make our voices heard.",
        "Rally {D} at {L}: bring water, friends and your loudest chants.",
        "We fight this at the ballot box. Be at {L} {D} to register voters.",
    ],
    "benign_group": [
        "My neighbours are {G} and they are lovely people.",
        "I had dinner with {Gs} from work yesterday.",
        "{G} deserve the same rights as everyone else.",
        "The documentary about {G} in the 1960s was fascinating.",
        "There's a new support group for {G} at the community centre.",
        "Our team is hiring, and we welcome {G} to apply.",
        "How many {G} live in France today?",
    ],
    "profanity_untargeted": [
        "Fuck, I missed the bus again.",
        "Holy shit, that concert was amazing.",
        "What the hell is wrong with {X}?",
        "Damn, this coffee is strong as fuck.",
        "Shit happens, we'll try again tomorrow.",
        "Bloody hell, it's raining again.",
    ],
    "fiction_games": [
        "In the novel, the villain kills the king in the final chapter.",
        "I killed the dragon boss in one hit, best game ever.",
        "The film opens with a gang shooting everyone in the bank.",
        "My character got stabbed in the first episode, I'm so sad.",
        "In chess you have to kill the opponent's pieces to win.",
    ],
    "positive_group": [
        "{G} make this city a better place, full stop.",
        "So grateful for the {G} who welcomed me when I arrived.",
        "I stand with {G} today and every day.",
        "Some of the kindest, funniest people I know are {G}.",
        "Proud of my friends who are {G}, they inspire me.",
        "Representation matters: we need more {G} in science.",
        "Nothing but love and respect for {G}.",
        "Honestly {G} have been treated unfairly for too long.",
        "I love my {G} coworkers, they make every day better.",
        "Celebrating {G} today, you are valued and you belong here.",
        "The best teacher I ever had was {Gs}.",
        "My city is stronger because {G} live here.",
        "I adore {G}, they bring so much to my life.",
        "Honestly I love {G} so much.",
        "Big love to all the {G} out there.",
        "I really admire {G} for everything they have overcome.",
        "{G} face discrimination every single day and deserve better.",
        "Our neighbourhood festival was run by {G} this year and it was wonderful.",
        "Shout out to the {G} in my class who helped me study.",
        "The way {G} are treated in this country is a disgrace.",
        "{G} deserve the same respect and safety as everyone else.",
        "Grew up surrounded by {G} and I'm better for it.",
        "Thank you to every one of {G} who volunteered at the food bank.",
        "So much respect for {G} who keep going despite everything.",
    ],
    "insult_nonprotected": [
        "{NP} are the worst people on earth.",
        "I can't stand {NP}, they are so annoying.",
        "{NP} are a bunch of greedy clowns.",
        "Honestly {NP} ruin every single thing.",
        "Why are {NP} always so stupid?",
        "I despise {NP} with a passion.",
        "{NP} are all parasites living off the rest of us.",
        "I swear {NP} are the dumbest creatures alive.",
        "Nothing makes me angrier than {NP}, every single one of them.",
        "{NP} make me sick, honestly.",
    ],
    "object_anger": [
        "I hate {X} so much, it broke again.",
        "I want to smash {X} into a thousand pieces.",
        "Burn {X} with fire, it is useless.",
        "{X} should be thrown in a river, worst purchase ever.",
        "Death to {X}, I'm done with it.",
    ],
    "hate_emotion": [
        "I honestly despise {G} more than anything.",
        "Seeing {G} in my neighbourhood makes me sick to my stomach.",
        "I have nothing but contempt for {G}.",
        "God, I loathe {G} and everything they stand for.",
        "Every time I hear {G} talk I feel pure disgust.",
        "I will never stop hating {G}, never.",
        "My hatred for {G} grows every single day.",
        "Can't stand being around {G}, they repulse me.",
        "I get physically angry just thinking about {G}.",
        "The sight of {G} fills me with rage.",
        "I hate {G}, I have always hated them.",
        "Being near {G} makes my skin crawl.",
    ],
    "insult_you": [
        "You are a complete waste of oxygen.",
        "Honestly you are the dumbest person on this site.",
        "I can't stand you, you pathetic little troll.",
        "Nobody likes you, go away and stop posting.",
        "You're a disgusting creep and everyone knows it.",
        "Shut up, you absolute moron.",
        "What a worthless loser you are.",
        "I despise you and your stupid opinions.",
        "I hate you so much it hurts.",
        "You disgust me, {P}.",
        "I have nothing but contempt for you, {P}.",
        "Honestly, you make me want to throw up.",
        "You are honestly the most annoying person I have ever met.",
        "Go cry somewhere else, you spineless clown.",
        "Every word you write makes the internet dumber, {P}.",
        "You're a joke, and not a funny one.",
    ],
    "negated_positive": [
        "{G} are not welcome in this town and never will be.",
        "I will never respect {G}, not in a million years.",
        "{G} are not real people to me.",
        "There is nothing good about {G}, nothing at all.",
        "No decent person would ever trust {G}.",
        "I refuse to treat {G} as equals.",
        "{G} don't deserve the same rights as normal people.",
        "Not a single one of {G} has ever contributed anything.",
        "Name one thing {G} have ever given this country. You can't.",
        "{G} have never built anything worth keeping.",
        "I have yet to meet {Gs} who was worth a second of my time.",
        "Not one good thing has ever come out of {G}.",
        "{G} will never be equal to us, and they know it.",
        "Whatever people say, {G} are not decent human beings.",
        "I don't respect {G} and I never will.",
        "Trust {G}? Never. Not one of them is honest.",
    ],
}

_FR: dict[str, list[str]] = {
    "threat_dir_group": [
        "Je vais traquer {G} un par un et les faire saigner.",
        "La prochaine fois que je croise {Gs} dans ma rue, je le plante, je le jure.",
        "On va brûler leurs maisons avec {G} dedans.",
        "Je jure que je tire sur le premier de ces {Gb} qui entre dans ma boutique.",
        "Avec les gars, on va massacrer {G} cet été.",
        "Avant la fin de l'année, {Ga} de cette ville seront morts, j'y veillerai.",
        "Retiens bien ça : je vais égorger {Gs} avant la fin de la semaine.",
        "Je charge mes {W} et je sors buter {G}.",
    ],
    "threat_norm_group": [
        "{G} méritent une balle, chacun d'entre eux.",
        "Il faudrait aligner {G} contre un mur et les fusiller.",
        "La seule solution, c'est d'exterminer {G} une bonne fois pour toutes.",
        "{G} devraient être pendus aux lampadaires de la place.",
        "Qu'on rafle {G} et qu'on les gaze, voilà ce qu'il faut à ce pays.",
        "Le monde serait meilleur si on éliminait {G} par la force.",
        "Brûlez {G} vivants, ils l'ont bien cherché.",
        "Franchement {G}, il faut les abattre, sans pitié.",
    ],
    "threat_indiv": [
        "{P}, je sais où tu habites et je vais te tuer.",
        "Je vais mettre une balle dans la tête de {O}, retiens bien ça.",
        "Fais gaffe à toi, {J}, tu seras mort avant ton prochain article.",
        "Je vais attendre {P} à la sortie du boulot et lui casser tous les os.",
        "{O} va crever de ma main, et bientôt.",
        "J'égorgerai {J} s'il parle encore de nous.",
        "On te retrouvera dans un fossé, {P}. C'est une promesse.",
        "Je viens pour {O} avec un couteau et personne ne m'arrêtera.",
        "J'espère que quelqu'un va descendre {J} dans la rue, sinon je le ferai moi-même.",
        "Profite bien de ton dernier week-end, {P}. Lundi je viens avec une arme.",
        "Je suis {J} jusqu'à chez lui tous les soirs. Bientôt je finirai le travail.",
    ],
    "threat_cond": [
        "Si {O} signe cette loi, je le bute moi-même.",
        "Continue comme ça {P} et je fais en sorte que tu ne marches plus jamais.",
        "Si {J} publie cet article, je brûle sa maison avec lui dedans.",
        "Encore une décision comme ça et {O} finira avec un couteau dans le dos, de ma main.",
        "Si ces {Gb} s'installent dans notre immeuble, je les tue moi-même.",
        "Si {P} ne me rembourse pas d'ici vendredi, je l'envoie à l'hôpital.",
        "Si {O} vient au meeting, je l'attendrai avec mes {W}.",
        "Redis-moi ça en face, {P}, et tu ne pourras plus parler après.",
        "Si {O} revient dans cette ville, il repartira dans un sac mortuaire.",
        "Touche encore à ma voiture, {P}, et je te brise la nuque.",
        "Si {J} continue de fouiller dans ma famille, je l'enterre.",
    ],
    "incite_indiv": [
        "Quelqu'un devrait juste abattre {O} et qu'on n'en parle plus.",
        "Qui aura le courage de mettre {J} six pieds sous terre ?",
        "Il faut sortir {O} de chez lui et le pendre, qui est avec moi ?",
        "Trouvez l'adresse de {P} et faites-lui payer dans le sang.",
        "Que quelqu'un rende service au monde et poignarde {J}.",
        "Patriotes, il est temps d'exécuter {O} pour trahison.",
        "{P} habite au bout de la rue des Lilas. Vous savez quoi faire. Prenez des {W}.",
        "Si quelqu'un croise {J} ce soir, tabassez-le jusqu'à ce qu'il ne bouge plus.",
        "Des vrais patriotes mettraient {O} dans une tombe. Je dis ça, je dis rien.",
        "Que quelqu'un écrase {P} avec sa voiture, par pitié.",
        "{O} habite rue des Bouleaux, au numéro 12. Que quelqu'un aille en finir.",
        "Celui qui descend {J} sera un héros. Faites-le.",
        "Allez chez {P} ce soir et faites en sorte qu'il ne se réveille jamais.",
        "Trouvez où vit {O} et brûlez sa voiture avec lui dedans.",
        "Le premier qui attrape {O}, qu'il l'achève. Il l'a mérité.",
        "Il faut que quelqu'un donne une leçon à {P} à coups de batte.",
        "{J} rentre seul à pied tous les soirs. Que quelqu'un en fasse sa dernière balade.",
        "Je paierais cher celui qui mettra une balle dans la tête de {O}.",
    ],
    "call_to_arms": [
        "Rendez-vous tous à {L} {D}, ramenez des {W}, on va nettoyer {G} pour de bon.",
        "Prenez vos {W} et retrouvons-nous à {L} {D}. Aucun de ces {Gb} n'en sortira vivant.",
        "La guerre commence {D} à {L}. Armez-vous et tuez tous les traîtres.",
        "Frères, {D} on prend d'assaut {L}. Venez avec des {W}, pas de survivants.",
        "Soyez à {L} {D} avec des {W}. On reprend ce pays par la force.",
        "C'est le moment : {D}, {L}, ramenez des {W}, on brûle tout avec eux dedans.",
        "On se retrouve {D} devant {L}, armés. On va en finir avec {O}.",
        "Faites le plein de {W}. {D}, on marche sur {L} et personne d'en face ne repartira.",
        "Chargez vos armes et rendez-vous à {L} {D}. Tirez sur quiconque se met en travers.",
        "C'est le signal : {D}, {L}. Ramenez des {W}, on les traque rue par rue.",
        "Membres de la milice, {D} à {L}. Venez armés, ça finira dans le sang.",
        "On frappe {L} {D}. Tout le monde ramène des {W}, pas de pitié pour {G}.",
        "{D}, tout le monde à {L}. Prenez des {W}. On règle ça nous-mêmes.",
        "Patriotes, armez-vous. {L}, {D}. Personne à l'intérieur ne sort.",
        "Formez des milices maintenant. {D}, on avance sur {L} et on élimine chaque cible de la liste.",
        "Dernier appel : {L} {D}, {W} chargés. Ils paieront dans le sang.",
    ],
    "dehumanisation": [
        "{G} sont de la vermine qui se reproduit dans les égouts.",
        "{G} ne sont que des rats sales qui répandent des maladies.",
        "Pour moi {G} ne sont pas des humains, ce sont des animaux.",
        "{G} sont une peste, des parasites qui infestent nos villes.",
        "{G} sont des cafards sous-humains.",
        "Il n'y a rien d'humain chez {G}, ce sont des bêtes.",
        "{G} c'est comme les poux, il faut s'en débarrasser.",
    ],
    "derogation": [
        "{G} sont tous des voleurs et des menteurs, sans exception.",
        "Ne faites jamais confiance à {Gs}, ce sont des criminels par nature.",
        "{G} sont trop bêtes pour être autre chose que des larbins.",
        "J'en ai marre, {G} gâchent tout ce qu'ils touchent.",
        "{G} sont dégoûtants et sales, je ne les supporte pas.",
        "{G} sont une maladie pour ce pays.",
        "Le problème avec {G}, c'est qu'ils sont inférieurs de naissance.",
    ],
    "slur_attack": [
        "Virez-moi ces sales {S} de ma vue.",
        "Des {S} partout dans le quartier maintenant, ça pue.",
        "Ferme ta gueule, espèce de {S}.",
        "Les {S} ont envahi toute la rue.",
        "Encore une bande de {S} qui s'installe à côté, dégueulasse.",
        "Personne ne veut de vous ici, bande de {S}.",
        "Pour moi tu resteras toujours un sale {Ss}.",
        "Typique d'un {Ss}, encore en train de mentir et de voler.",
        "Mon patron a encore embauché un {Ss}, cette boîte part en vrille.",
        "Regardez ce {Ss} qui fait semblant d'être des nôtres.",
        "Pourquoi on laisse des {S} vivre dans notre rue ?",
        "Ces {S} se reproduisent comme des rats.",
    ],
    "exclusion": [
        "{G} devraient être interdits de séjour dans ce pays pour toujours.",
        "Expulsez {Ga} maintenant, ils n'ont rien à faire ici.",
        "Aucun de ces {Gb} ne devrait avoir le droit de voter ou de travailler ici.",
        "Tenez {G} loin de nos écoles et de nos quartiers.",
        "{G} n'ont pas leur place dans notre société, renvoyez-les chez eux.",
        "Il faut retirer la nationalité à {Ga}.",
        "Plus de {Gb} dans notre ville. Fermez les frontières et virez-les.",
        "{G} ne devraient pas avoir le droit d'approcher nos enfants.",
        "Interdisez à {Ga} d'exercer une fonction publique.",
        "On ne veut pas de {Gb} ici. Faites vos valises et partez.",
    ],
    "harass_indiv": [
        "T'es un pauvre minable, {P}, personne ne peut te supporter.",
        "{P} est un abruti sans cervelle et une honte.",
        "Ferme ta grande bouche, {P}, espèce de clown inutile.",
        "Hé {P}, tout le monde se moque de toi tellement t'es moche et con.",
        "T'es vraiment une merde inutile, {P}.",
        "{P}, t'es un menteur dégueulasse et un imposteur, va pleurer ailleurs.",
    ],
    "counter_quote": [
        "Quelqu'un a écrit « {G} sont de la vermine » sous mon post. C'est ignoble, je l'ai signalé.",
        "« Brûlez {G} vivants » n'est pas une opinion, c'est un appel au meurtre et ça doit cesser.",
        "Je suis écœuré que des gens disent encore « {G} sont des sous-hommes » en 2024.",
        "Quand tu postes « expulsez {Ga} », tu répands la haine, point.",
        "Mon voisin a crié « rentre chez toi » à {Gs}. On l'a soutenu et on a dit au voisin de partir.",
        "Je cite ce qu'il a dit, « {G} sont des rats », juste pour montrer la haine de ce compte.",
        "« Je vais tuer {G} » : l'auteur de ce message devrait avoir honte et être banni.",
        "Celui qui dit que {G} sont des animaux est un raciste, et je ne me tairai pas.",
        "Si tu penses que « {G} doivent mourir », tu as besoin d'aide, pas d'une tribune.",
        "Des commentaires comme « {G} sont une maladie » ont fait suspendre ce compte, tant mieux.",
        "Il a traité {G} de « parasites » en direct à la télé. Honteux.",
        "Imagine écrire « {G} sont des déchets » et te prendre pour la victime.",
        "Mon oncle répète que « {G} gâchent tout » et je lui ai enfin dit à quel point c'est raciste.",
        "J'ai signalé un post qui disait « il faut éliminer {G} ». Faites pareil si vous le voyez.",
        "La pancarte à la manif disait « {G} dehors ». Il faut parler de pourquoi c'est haineux.",
        "« {G} sont des sous-hommes » : non. Juste non. Ce discours tue.",
        "Pourquoi certains trouvent normal de tweeter « {G} sont des porcs » ? C'est déshumanisant.",
        "Écrire « {G} sont des cafards » et appeler ça de l'humour ? Personne ne rit.",
        "Un collègue a dit « il faudrait fusiller {G} ». Les RH s'occupent de lui.",
        "Je fais des captures de ce fil « {G} ne méritent pas de vivre » pour les modérateurs.",
        "Tu as écrit « gazez {Ga} » et tu t'étonnes d'être banni ?",
        "« {G} sont des parasites », c'est exactement le genre de mensonge qui mène à la violence.",
        "Quelqu'un a crié « mort à {Ga} » dans le bus aujourd'hui. Faites attention et signalez-le.",
        "Chaque fois que quelqu'un écrit « {G} sont des animaux », je serai là pour le dénoncer.",
        "Dire à des gens « {G}, retournez chez vous », c'est du racisme, point.",
    ],
    "quote_endorse": [
        "Mon grand-père disait toujours « {G} sont de la vermine » et il avait raison.",
        "Quelqu'un a écrit « {G} sont des parasites » sous mon post et franchement, c'est exactement ça.",
        "« {G} sont des sous-hommes » : enfin un politique qui ose le dire tout haut.",
        "Répétez après moi : « {G} sont une plaie pour ce pays ».",
        "Vu « {G} sont des animaux » tagué sur le pont ce matin. Celui qui a fait ça, respect.",
        "On appelle ça de la haine de dire « {G} sont des rats », mais c'est juste la vérité.",
        "La pancarte disait « {G} sont des ordures » et tout le monde a applaudi. Meilleure journée.",
        "Je partage parce que c'est vrai : « {G} ruinent tout ».",
        "Mon père dit « {G} sont une maladie » et après cette semaine je suis d'accord avec chaque mot.",
        "Je me fais tatouer « {G} sont des raclures » sur le bras, que personne n'oublie ce que je pense.",
        "« {G} sont moins que des humains. » Imprimez-le, encadrez-le, accrochez-le dans chaque école.",
        "Il a été banni pour avoir écrit « {G} sont des cafards ». Il disait juste ce qu'on sait tous.",
    ],
    "counter_ref": [
        "Les menaces contre {G} sur ce forum sont écœurantes, signalez-les.",
        "La haine envers {G} n'est jamais acceptable, opposez-vous à elle.",
        "J'en ai assez de voir des insultes visant {G}. Ça suffit.",
        "Les appels à la violence contre {O} n'ont pas leur place en démocratie.",
        "Nous condamnons toutes les menaces contre {J}. Les journalistes doivent pouvoir travailler.",
        "Déshumaniser {G}, c'est comme ça que commencent les massacres. Réagissez.",
        "Arrêtez d'envoyer des menaces de mort à {P}, c'est cruel et illégal.",
        "Prétendre que {G} sont des criminels, c'est du racisme paresseux déguisé en opinion.",
        "Ceux qui traitent {G} d'animaux devraient se regarder dans une glace.",
        "Répandre des mensonges sur {G} en ligne a de vraies conséquences dans la rue.",
        "Chaque fois qu'un politique fait de {G} des boucs émissaires, le harcèlement augmente. Stop.",
        "Menacer {O} n'est jamais acceptable, quoi qu'on pense de ses décisions.",
        "La haine qui vise {G} en ligne est hors de contrôle, il faut réagir.",
        "Il faut parler du racisme et de l'intolérance que subissent {G} chaque jour.",
        "Les insultes que reçoivent {G} ici sont une honte pour cette plateforme.",
        "S'opposer à la haine contre {G}, c'est l'affaire de tous.",
        "Misogynie, racisme, homophobie : rien de tout ça n'a sa place ici. Signalez-le.",
        "C'est épuisant de voir des sectaires accuser {G} de tout.",
        "Si ta première réaction face à {G} est le mépris, pose-toi des questions.",
    ],
    "negated_hate": [
        "{G} ne sont pas de la vermine, ce sont nos voisins et nos amis.",
        "Je ne souhaiterais jamais de mal à {G}.",
        "Personne ne devrait jamais menacer {G}, jamais.",
        "Je ne pense pas du tout que {G} soient inférieurs.",
        "C'est faux de dire que {G} sont des criminels.",
        "Je n'ai absolument aucune intention de faire du mal à {P}.",
        "{G} ne sont une menace pour personne.",
        "Dire que {G} sont dangereux, c'est tout simplement faux.",
        "Avant je pensais que {G} étaient le problème. Je me trompais.",
        "Il n'y a aucune raison d'avoir peur de {G}.",
        "Non, {G} ne prennent le contrôle de rien du tout. Arrêtez d'attiser la peur.",
        "Je refuse de croire que {G} soient pires que nous autres.",
        "{G} ne sont pas des animaux, ce sont des êtres humains comme vous et moi.",
        "Aucun de mes amis parmi {G} n'a jamais été autre chose que gentil.",
        "Je ne déteste pas du tout {G}, pourquoi je le ferais ?",
        "Je n'ai jamais haï {G} et je ne le ferai jamais.",
        "Honnêtement je n'ai aucun problème avec {G}.",
        "Pas une seule fois je n'ai ressenti de dégoût pour {G}.",
        "C'est tout simplement faux que {G} soient moins intelligents.",
        "Personne autour de moi ne pense que {G} posent problème, et moi non plus.",
        "{G} ne sont pas dégoûtants, et le dire en dit plus sur toi.",
        "Je ne traiterais jamais {G} de racaille, c'est juste cruel.",
        "Franchement je n'ai rien contre {G}, vraiment rien.",
        "Soyons clairs : {G} ne sont pas nos ennemis.",
        "On m'a élevé dans la peur de {G}, mais je ne les ai jamais craints et ne les craindrai jamais.",
        "Dire que {G} sont un danger pour la société est un mensonge, et je ne le répéterai pas.",
        "Il n'y a rien de mal à être {Gs}. Rien.",
    ],
    "reporting": [
        "Un homme a été interpellé {D} après avoir menacé de tuer {O}, selon la police.",
        "Le tribunal l'a condamné à deux ans de prison pour des menaces de mort contre {J}.",
        "Selon le parquet, le suspect préparait une attaque contre {L} avec des {W}.",
        "D'après le rapport, les actes haineux contre {G} ont augmenté de 20 % l'an dernier.",
        "{O} a reçu plusieurs menaces de mort cette semaine, a confirmé son entourage.",
        "Au procès, on a appris que l'accusé avait écrit « tuez {G} » sur un forum.",
        "La police enquête sur des menaces visant {L}, publiées en ligne {D}.",
        "Des témoins ont raconté à l'AFP que l'agresseur avait insulté {G} avant de s'enfuir.",
    ],
    "violent_idiom": [
        "Je tuerais pour {F} là maintenant.",
        "{P} a complètement tué le game sur scène hier soir !",
        "Ces bouchons vont me tuer, je vais encore être en retard.",
        "Je vais t'exploser à Mario Kart ce soir, {P}.",
        "{X} me tue, je vais le balancer par la fenêtre.",
        "On va les massacrer au match samedi.",
        "J'ai les pieds en compote après cette rando, je suis morte.",
        "Je vais dévorer {F} en rentrant, je meurs de faim.",
        "T'es mort quand maman va voir ce bazar, mdr.",
        "{Y} m'a achevé, il me faut une sieste.",
        "Cet humoriste a complètement tué la salle hier soir, j'ai pleuré de rire.",
        "Mon petit frère va me tuer quand il verra que j'ai mangé {F}.",
        "{P}, t'es mort à la prochaine manche, haha.",
        "Cette chaleur me tue, il me faut la clim tout de suite.",
        "On s'est fait massacrer 5-0, pire match de la saison.",
        "{Y} va finir par avoir ma peau, je te jure.",
        "Je vais te défoncer au ping-pong tout à l'heure, {P}, prépare-toi.",
        "Sa nouvelle chanson est une tuerie, je l'écoute en boucle.",
    ],
    "criticism_official": [
        "{O} devrait démissionner après ce vote désastreux.",
        "{O} est incompétent et a complètement échoué.",
        "Virons {O} aux prochaines élections, rien n'a été fait pour nous.",
        "{J} a écrit un article bâclé et partial, il faut un correctif.",
        "La décision de {O} est une honte, il faut faire appel.",
        "Je suis en total désaccord avec {O} et je vais écrire pour me plaindre.",
        "{O} nous a menti et mérite de perdre son poste.",
    ],
    "peaceful_protest": [
        "Rendez-vous tous à {L} {D} pour une marche pacifique contre la nouvelle loi.",
        "Rejoignez-nous à {L} {D}, avec banderoles et pancartes, sans violence.",
        "Rassemblons-nous devant {L} {D} pour faire entendre nos voix.",
        "Manif {D} à {L} : prenez de l'eau, vos amis et vos slogans.",
        "On se bat dans les urnes. Soyez à {L} {D} pour inscrire les électeurs.",
    ],
    "benign_group": [
        "Je travaille avec beaucoup de {Gb}, et ce sont des gens adorables.",
        "J'ai dîné hier avec {Gs} de mon travail.",
        "{G} méritent les mêmes droits que tout le monde.",
        "Le documentaire sur {G} dans les années 60 était passionnant.",
        "Un nouveau groupe de soutien pour {G} ouvre au centre social.",
        "Notre équipe recrute, et nous encourageons {G} à postuler.",
        "Combien de {Gb} vivent en France aujourd'hui ?",
    ],
    "profanity_untargeted": [
        "Putain, j'ai encore raté le bus.",
        "Bordel, ce concert était incroyable.",
        "C'est quoi ce merdier avec {X} ?",
        "Merde, ce café est fort de ouf.",
        "Fait chier, on réessaiera demain.",
        "Putain de pluie, encore.",
    ],
    "fiction_games": [
        "Dans le roman, le méchant tue le roi au dernier chapitre.",
        "J'ai tué le boss dragon en un coup, meilleur jeu ever.",
        "Le film commence par un gang qui abat tout le monde dans la banque.",
        "Mon personnage se fait poignarder dès le premier épisode, trop triste.",
        "Aux échecs, il faut prendre les pièces de l'adversaire pour gagner.",
    ],
    "positive_group": [
        "{G} rendent cette ville meilleure, point.",
        "Tellement reconnaissant envers {G} qui m'ont accueilli à mon arrivée.",
        "Je suis aux côtés de {G}, aujourd'hui comme demain.",
        "Parmi les gens les plus drôles et gentils que je connais, il y a {G}.",
        "Fier de mes amis, {G} m'inspirent tous les jours.",
        "La représentation compte : il faut plus de {Gb} dans la recherche.",
        "Rien que de l'amour et du respect pour {G}.",
        "Franchement, {G} sont traités injustement depuis trop longtemps.",
        "J'adore mes collègues, {G} rendent chaque journée meilleure.",
        "Aujourd'hui on célèbre {G} : vous comptez et vous avez votre place ici.",
        "Le meilleur prof que j'ai eu était {Gs}.",
        "Ma ville est plus forte parce que {G} y vivent.",
        "J'adore {G}, ils apportent tellement à ma vie.",
        "Franchement j'aime tellement {G}.",
        "Plein d'amour à {Ga}.",
        "J'admire vraiment {G} pour tout ce qu'ils ont surmonté.",
        "{G} subissent des discriminations tous les jours et méritent mieux.",
        "La fête du quartier a été organisée par {G} cette année, c'était génial.",
        "Un grand merci à {G} de ma promo qui m'ont aidé à réviser.",
        "La façon dont on traite {G} dans ce pays est une honte.",
        "{G} méritent le même respect et la même sécurité que tout le monde.",
        "J'ai grandi entouré de {G} et j'en suis meilleur.",
        "Merci à {Ga} qui ont donné de leur temps à la banque alimentaire.",
        "Énormément de respect pour {G} qui tiennent bon malgré tout.",
    ],
    "insult_nonprotected": [
        "{NP} sont les pires gens sur terre.",
        "Je ne supporte pas {NP}, ils sont tellement pénibles.",
        "{NP} sont une bande de clowns cupides.",
        "Franchement {NP} gâchent absolument tout.",
        "Pourquoi {NP} sont toujours aussi cons ?",
        "Je déteste {NP} de tout mon cœur.",
        "{NP} sont tous des parasites qui vivent sur notre dos.",
        "Je te jure que {NP} sont les créatures les plus bêtes qui existent.",
        "Rien ne m'énerve plus que {NP}, tous autant qu'ils sont.",
        "{NP} me dégoûtent, franchement.",
    ],
    "object_anger": [
        "Je déteste {X}, encore en panne.",
        "J'ai envie d'exploser {X} en mille morceaux.",
        "Brûlez {X}, ça ne sert à rien.",
        "{X}, à jeter dans la rivière, pire achat de ma vie.",
        "Mort à {X}, j'en peux plus.",
    ],
    "hate_emotion": [
        "Je méprise {G} plus que tout.",
        "Voir {G} dans mon quartier me donne envie de vomir.",
        "Je n'ai que du mépris pour {G}.",
        "Bon sang, j'ai horreur de {G} et de tout ce qu'ils représentent.",
        "Chaque fois que j'entends {G} parler, je ressens un pur dégoût.",
        "Je ne cesserai jamais de haïr {G}, jamais.",
        "Ma haine envers {G} grandit chaque jour.",
        "Je ne supporte pas d'être près de {G}, ils me répugnent.",
        "Rien que de penser à {G}, ça me met hors de moi.",
        "La vue de {G} me remplit de rage.",
        "Je hais {G}, je les ai toujours haïs.",
        "Être à côté de {G} me donne la chair de poule.",
    ],
    "insult_you": [
        "T'es un gaspillage total d'oxygène.",
        "Franchement t'es la personne la plus conne de ce site.",
        "Je ne te supporte pas, pauvre petit troll.",
        "Personne ne t'aime, dégage et arrête de poster.",
        "T'es un gros dégueulasse et tout le monde le sait.",
        "Ta gueule, espèce d'abruti.",
        "Quel minable tu fais.",
        "Je te méprise, toi et tes opinions débiles.",
        "Je te hais tellement que ça fait mal.",
        "Tu me dégoûtes, {P}.",
        "Je n'ai que du mépris pour toi, {P}.",
        "Franchement, tu me donnes envie de vomir.",
        "T'es franchement la personne la plus insupportable que j'aie jamais croisée.",
        "Va pleurer ailleurs, espèce de clown sans colonne vertébrale.",
        "Chaque mot que tu écris rend internet plus bête, {P}.",
        "T'es une blague, et même pas une drôle.",
    ],
    "negated_positive": [
        "{G} ne sont pas les bienvenus dans cette ville et ne le seront jamais.",
        "Je ne respecterai jamais {G}, même pas en rêve.",
        "Pour moi {G} ne sont pas de vraies personnes.",
        "Il n'y a rien de bon chez {G}, absolument rien.",
        "Aucune personne sensée ne ferait confiance à {G}.",
        "Je refuse de traiter {G} comme des égaux.",
        "{G} ne méritent pas les mêmes droits que les gens normaux.",
        "Pas un seul parmi {G} n'a jamais apporté quoi que ce soit.",
        "Citez une seule chose que {G} ont apportée à ce pays. Vous ne pouvez pas.",
        "{G} n'ont jamais rien construit qui vaille la peine d'être gardé.",
        "Je n'ai encore jamais rencontré {Gs} qui valait une seconde de mon temps.",
        "Rien de bon n'est jamais sorti de {G}.",
        "{G} ne seront jamais nos égaux, et ils le savent.",
        "On peut dire ce qu'on veut, {G} ne sont pas des êtres humains dignes de ce nom.",
        "Je ne respecte pas {G} et je ne les respecterai jamais.",
        "Faire confiance à {G} ? Jamais. Pas un seul n'est honnête.",
    ],
}


# Everyday posts with no target and nothing hostile: the ship sets are hate-speech corpora whose
# benign rows talk about the same topics as their hateful ones, so without these the heads read
# greetings, recipes and birthday wishes as borderline. Written for the model (not taken from the
# bundled feed, which measures it). Slot-free: each line is one case.
_EVERYDAY: dict[str, list[str]] = {
    "en": [
        "good morning everyone",
        "gm",
        "morning! coffee first, then emails",
        "anyone know a good plumber near the station?",
        "finally finished that 1000 piece puzzle 🧩",
        "the bakery on 5th street has the best croissants",
        "happy birthday @tom_w, have a great one 🎉",
        "congrats on the new job!!",
        "what time does the pharmacy close on sundays?",
        "just planted tomatoes on the balcony, wish me luck",
        "this podcast episode about deep sea fish is wild",
        "Any recommendations for a cheap laptop for uni?",
        "We lost 2-1 but the kids played their hearts out.",
        "Rain all week. My dog refuses to go outside.",
        "Book club tonight, bring snacks please",
        "Traffic on the ring road is terrible this morning",
        "lol same",
        "thanks for sharing this, really helpful",
        "Can someone explain how the new recycling bins work?",
        "My grandma turned 90 today and she still beats me at cards",
        "Looking for a running buddy on Saturday mornings",
        "New episode drops Friday, can't wait",
        "Does anyone still use a fax machine? asking for my office",
        "Selling a barely used bike, DM me",
        "The sunset over the lake tonight 😍",
        "Made pancakes for the whole family, zero left",
        "Which train goes to the airport after midnight?",
        "I need a nap and it's only 10am",
        "Big thanks to the nurses at the children's hospital",
        "Our cat learned to open the fridge. Send help.",
        "Power cut again in the old town, anyone else?",
        "Watching the match at the pub later if anyone wants to join",
        "Exam tomorrow, wish me luck 📚",
        "that was such a good concert, my voice is gone",
        "Is the museum free on the first Sunday of the month?",
        "Just booked tickets for the summer trip!",
        "brb making tea",
        "The new update broke my wifi settings, any fix?",
        "Who's coming to the neighbourhood cleanup on Saturday?",
        "ok this recipe for lentil soup is a keeper",
    ],
    "fr": [
        "bonjour tout le monde",
        "bonne journée à tous ☀️",
        "quelqu'un connaît un bon garagiste vers la gare ?",
        "joyeux anniversaire @lea_m, profite bien 🎂",
        "félicitations pour ton nouveau poste !",
        "la boulangerie de la place fait des croissants incroyables",
        "il pleut depuis trois jours, le chien boude",
        "qui vient au vide-grenier dimanche ?",
        "on a perdu 2-1 mais les petits ont super bien joué",
        "des conseils pour un ordi portable pas cher pour la fac ?",
        "je viens de finir la série, je suis en deuil",
        "la pharmacie est ouverte le dimanche ?",
        "merci pour le partage, c'est très utile",
        "mdr pareil",
        "café d'abord, mails ensuite",
        "ma grand-mère a 90 ans aujourd'hui et elle me bat toujours aux cartes",
        "je cherche quelqu'un pour courir le samedi matin",
        "les bouchons sur le périph ce matin, l'enfer",
        "club de lecture ce soir, ramenez des gâteaux",
        "vends vélo presque neuf, me contacter en mp",
        "le coucher de soleil sur le lac ce soir 😍",
        "crêpes pour toute la famille, il n'en reste plus une",
        "quel train va à l'aéroport après minuit ?",
        "besoin d'une sieste et il n'est que 10h",
        "un grand merci aux infirmières de l'hôpital des enfants",
        "notre chat a appris à ouvrir le frigo, au secours",
        "encore une coupure de courant dans la vieille ville, vous aussi ?",
        "on regarde le match au bar ce soir si ça vous dit",
        "partiel demain, croisez les doigts 📚",
        "le concert était génial, je n'ai plus de voix",
        "le musée est gratuit le premier dimanche du mois ?",
        "billets réservés pour les vacances d'été !",
        "la mise à jour a cassé mon wifi, une idée ?",
        "nettoyage du quartier samedi, qui est partant ?",
        "cette recette de soupe aux lentilles, validée",
        "bon appétit !",
        "à demain les amis",
        "quelqu'un a vu mes clés ? je plaisante, elles étaient dans ma poche",
        "premier jour de soldes, j'ai tenu 10 minutes",
        "le marché de Noël ouvre vendredi",
    ],
    "es": [
        "buenos días a todos",
        "feliz cumpleaños @ana_r, que lo pases genial 🎉",
        "¿alguien sabe si la farmacia abre los domingos?",
        "hoy toca paella en casa de la abuela",
        "perdimos 2-1 pero los niños jugaron muy bien",
        "¿qué serie me recomendáis para el fin de semana?",
        "llueve otra vez, el perro no quiere salir",
        "gracias por compartir, muy útil",
        "vendo bici casi nueva, escribidme",
        "qué atardecer más bonito hoy 😍",
        "mañana tengo examen, deseadme suerte",
        "el concierto fue increíble, me he quedado sin voz",
    ],
    "de": [
        "guten Morgen zusammen",
        "alles Gute zum Geburtstag @jonas_k 🎂",
        "weiß jemand, ob die Apotheke sonntags offen hat?",
        "wir haben 2:1 verloren, aber die Kinder haben toll gespielt",
        "welche Serie könnt ihr fürs Wochenende empfehlen?",
        "es regnet schon wieder, der Hund will nicht raus",
        "danke fürs Teilen, sehr hilfreich",
        "verkaufe fast neues Fahrrad, bitte per DM melden",
        "was für ein schöner Sonnenuntergang heute 😍",
        "morgen Prüfung, drückt mir die Daumen",
        "das Konzert war großartig, meine Stimme ist weg",
        "heute gibt es Apfelkuchen bei Oma",
    ],
    "it": [
        "buongiorno a tutti",
        "buon compleanno @marco_b, divertiti 🎉",
        "qualcuno sa se la farmacia è aperta la domenica?",
        "abbiamo perso 2-1 ma i ragazzi hanno giocato benissimo",
        "che serie mi consigliate per il weekend?",
        "piove di nuovo, il cane non vuole uscire",
        "grazie per la condivisione, utilissimo",
        "vendo bici quasi nuova, scrivetemi",
        "che tramonto stupendo stasera 😍",
        "domani ho l'esame, incrociate le dita",
        "il concerto era fantastico, ho perso la voce",
        "oggi lasagne dalla nonna",
    ],
}

_PACKS = template_packs.load()
_TABLE_OF = {
    "groups": _GROUPS,
    "slurs": _SLURS,
    "slurs_sg": _SLURS_SG,
    "nonprotected": _NONPROTECTED,
    "people": _PEOPLE,
    "logistics": _LOGISTICS,
    "things": _THINGS,
}
for _lang, _pack in _PACKS.items():
    for _name, _table in _TABLE_OF.items():
        _table[_lang] = list(_pack.FILLERS[_name])

TEMPLATES: tuple[Template, ...] = tuple(
    Template(f"{lang}-{func}-{i:02d}", lang, func, pattern)
    for lang, table in (("en", _EN), ("fr", _FR), *((lang, pack.TEMPLATES) for lang, pack in _PACKS.items()))
    for func, patterns in table.items()
    for i, pattern in enumerate(patterns)
) + tuple(
    Template(f"{lang}-everyday-{i:02d}", lang, "everyday", line)
    for lang, lines in _EVERYDAY.items()
    for i, line in enumerate(lines)
)

_SLOT = re.compile(r"\{(\w+)\}")
_FILLER_TABLES = tuple(_TABLE_OF.values())


def _is_heldout_template(t: Template) -> bool:
    """Every fourth template of a functionality; a group-swapped contrast follows its source."""
    return int(t.id.split("-")[2]) % 4 == 3


def _filler_pool(
    table: Mapping[str, Sequence[dict[str, str]]], lang: str, heldout: bool
) -> list[dict[str, str]]:
    rows = list(table[lang])
    cut = len(rows) - len(rows) // 3
    return rows[cut:] if heldout else rows[:cut]


_LOADED = re.compile(
    r"kill|shoot|hang|stab|burn|slaughter|exterminat|bullet|dead|die|vermin|rat|parasit|cockroach|plague|"
    r"tu(er|e)|bute|égorg|massacr|fusill|abatt|brûl|crev|vermine|cafard|peste|sous-hum|"
    r"{}".format("|".join(re.escape(w["S"]) for lang in ("en", "fr") for w in _SLURS[lang])),
    re.IGNORECASE,
)
_LOADED_IN: dict[str, re.Pattern[str]] = {
    lang: re.compile(
        "|".join(re.escape(w) for w in (*pack.LOADED, *(row["S"] for row in pack.FILLERS["slurs"]))),
        re.IGNORECASE,
    )
    for lang, pack in _PACKS.items()
}
"""The loaded words of each pack language (English and French share :data:`_LOADED`)."""
_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "$"})


def obfuscate(text: str, rng: random.Random, lang: str = "en") -> str:
    """Disguise the most loaded word the way evaders do: leetspeak, spacing, a dropped or starred letter."""
    words = text.split()
    candidates = [i for i, w in enumerate(words) if len(w.strip(string.punctuation)) >= 4]
    pattern = _LOADED_IN.get(lang, _LOADED)
    loaded = [i for i in candidates if pattern.search(words[i])]
    if loaded and rng.random() < 0.8:
        candidates = loaded
    if not candidates:
        return text
    i = rng.choice(candidates)
    w = words[i]
    mode = rng.randrange(6)
    if mode == 5 and i + 1 < len(words):
        words[i : i + 2] = [words[i] + words[i + 1]]
        return " ".join(words)
    if mode == 0:
        w = w.translate(_LEET)
    elif mode == 1:
        w = " ".join(w)
    elif mode == 2:
        j = rng.randrange(1, len(w) - 1)
        w = w[:j] + w[j + 1 :]
    elif mode == 3:
        j = rng.randrange(1, len(w) - 1)
        w = w[:j] + "*" + w[j + 1 :]
    else:
        j = rng.randrange(1, len(w) - 2) if len(w) > 3 else 0
        w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    words[i] = w
    return " ".join(words)


_FR_CONTRACTIONS = ((" de les ", " des "), (" à les ", " aux "), (" de le ", " du "), (" à le ", " au "))


def _contract_fr(text: str) -> str:
    """French article contractions a filler can create ("près de les X" → "près des X")."""
    for a, b in _FR_CONTRACTIONS:
        text = text.replace(a, b)
    return text


def _fill(t: Template, heldout: bool, rng: random.Random, per_template: int) -> Iterator[str]:
    slots = set(_SLOT.findall(t.pattern))
    if not slots:  # a fixed sentence (and possibly a language without filler tables)
        yield t.pattern
        return
    pools: list[list[dict[str, str]]] = []
    for table in _FILLER_TABLES:
        keys = set(next(iter(table[t.lang])))
        if slots & keys:
            pools.append(_filler_pool(table, t.lang, heldout))
    if not pools:
        yield t.pattern
        return
    seen: set[str] = set()
    for _ in range(per_template * 4):
        values: dict[str, str] = {}
        for pool in pools:
            values.update(rng.choice(pool))
        text = t.pattern.format(**values)
        if t.lang == "fr":
            text = _contract_fr(text)
        text = text[0].upper() + text[1:]
        if text not in seen:
            seen.add(text)
            yield text
        if len(seen) >= per_template:
            return


_SWAPPABLE = frozenset({"hate_emotion", "derogation", "dehumanisation"})
"""Hateful functionalities whose templates are re-used with a *non-protected* group (landlords,
tourists …) as non-hateful contrast cases: the same contempt aimed at a group defined by
what people do rather than who they are is an insult, not hate (HateCheck's
``target_group_nh`` idea, implemented on the project's own templates)."""


def _group_swapped(t: Template) -> Template | None:
    if t.functionality not in _SWAPPABLE or not re.search(r"\{G\}", t.pattern):
        return None
    if re.search(r"\{(Ga|Gs|Gb)\}", t.pattern):
        return None
    return Template(t.id + "-np", t.lang, "insult_nonprotected", t.pattern.replace("{G}", "{NP}"))


def generate(seed: int = 0, per_template: int = 8, obfuscated_share: float = 0.25) -> list[Case]:
    """All cases, deterministic for a seed. Held-out templates use held-out fillers only.

    A share of the cases of violating functionalities is also emitted in an obfuscated
    form (functionality ``obfuscation``) with the same labels, split with its template.
    """
    rng = random.Random(seed)
    cases: list[Case] = []
    swapped = [sw for t in TEMPLATES if (sw := _group_swapped(t)) is not None]
    for t in (*TEMPLATES, *swapped):
        heldout = _is_heldout_template(t)
        split: Split = "test" if heldout else "train"
        targets = tuple(float(v) for v in FUNCTIONALITIES[t.functionality])
        for text in _fill(t, heldout, rng, per_template):
            cases.append(Case(text, t.lang, t.functionality, t.id, split, targets))
            if t.functionality in VIOLATING and rng.random() < obfuscated_share:
                cases.append(Case(obfuscate(text, rng, t.lang), t.lang, "obfuscation", t.id, split, targets))
    return cases


def heldout_suite(seed: int = 0) -> list[dict[str, str]]:
    """The held-out template cases as ``vigie eval`` suite records (JSONL rows).

    ``label`` is ``violating`` when a violating category applies, ``expected`` the first
    category that applies (``none`` when none does), so ``vigie eval`` reports accuracy per
    functionality and language through the whole pipeline — the numbers the issue asks for."""
    rows = []
    for i, case in enumerate(c for c in generate(seed) if c.split == "test"):
        applies = [cat for cat, v in zip(_CATEGORY_ORDER, case.targets[:4], strict=True) if v == 1.0]
        violating = any(cat != "harassment" for cat in applies)
        rows.append(
            {
                "id": f"{case.template_id}-{i}",
                "text": case.text,
                "label": "violating" if violating else "none",
                "expected": applies[0] if applies else "none",
                "functionality": case.functionality,
                "lang": case.lang,
            }
        )
    return rows


_CATEGORY_ORDER = ("violent_threat", "incitement", "hate", "harassment")


def main(argv: list[str] | None = None) -> int:
    """``python -m vigie.model.templates -o FILE``: write the held-out cases as an eval suite."""
    import argparse
    import json
    from pathlib import Path

    parser = argparse.ArgumentParser(prog="python -m vigie.model.templates", description=main.__doc__)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rows = heldout_suite(args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} held-out cases written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The words of deck checking, in English and Dutch, and how a message is put together.

Each table maps a key to ``(English, Dutch)``; :func:`say` picks one and fills in its
``{placeholders}``. The loader's tables live here; :mod:`game.authoring.yaml_reader` and
:mod:`game.authoring.validate` keep their own small ones.
"""

from __future__ import annotations

import difflib
from typing import Any


def say(table: dict[str, tuple[str, str]], message_key: str, lang: str, /, **params: Any) -> str:
    """A message from ``table`` in ``lang`` (Dutch for 'nl', English otherwise)."""
    english, dutch = table[message_key]
    return (dutch if lang == "nl" else english).format(**params)


def visible(text: str, limit: int = 60) -> str:
    """``text`` fit for a one-line message: control characters escaped, long text cut."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def closest(value: str, known: set[str] | list[str]) -> str | None:
    """The known name closest to ``value`` (None when none is close)."""
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(value: str, known: set[str] | list[str], lang: str) -> str:
    """A hint naming the known name closest to ``value`` ("" when none is close)."""
    name = closest(value, known)
    return say(MESSAGES, "did_you_mean", lang, name=name) if name is not None else ""


#: Messages about a deck as a whole, its references and its images: key -> (English, Dutch).
MESSAGES: dict[str, tuple[str, str]] = {
    "no_deck_file": (
        "this folder has no deck.yaml, so it is not a deck",
        "deze map heeft geen deck.yaml en is dus geen deck",
    ),
    "format": (
        "this deck is written in format {value}; this game reads format 1",
        "dit deck is geschreven in formaat {value}; dit spel leest formaat 1",
    ),
    "file_outside": (
        "this file lies outside the deck folder (through a link), so it is not read",
        "dit bestand ligt (via een koppeling) buiten de deckmap en wordt niet gelezen",
    ),
    "duplicate_id": (
        "the {kind} id '{id}' is used twice; it is already used at {where}",
        "de {kind}-id '{id}' komt twee keer voor; hij staat al in {where}",
    ),
    "unknown_character": (
        "there is no character '{id}' in this deck",
        "er is geen personage '{id}' in dit deck",
    ),
    "unknown_card": (
        "there is no card '{id}' in this deck",
        "er is geen kaart '{id}' in dit deck",
    ),
    "unknown_meter": (
        "there is no meter '{id}' in this deck",
        "er is geen meter '{id}' in dit deck",
    ),
    "unknown_aspect": (
        "'{id}' is not one of the aspects this deck declares",
        "'{id}' is geen van de aspecten die dit deck noemt",
    ),
    "unknown_language": (
        "'{code}' is not one of this deck's languages ({languages})",
        "'{code}' is geen taal van dit deck ({languages})",
    ),
    "missing_translation": (
        "this text has no translation in: {codes}",
        "deze tekst heeft geen vertaling in: {codes}",
    ),
    "no_term_ending": (
        "no ending has 'trigger: term', so nothing is shown when the term is over",
        "geen einde heeft 'trigger: term', dus er is niets te tonen als de termijn om is",
    ),
    "no_cards": ("this deck has no cards", "dit deck heeft geen kaarten"),
    "unsafe_path": (
        "the image path '{path}' is not allowed: {why}",
        "het afbeeldingspad '{path}' is niet toegestaan: {why}",
    ),
    "why_empty": ("it is empty", "het is leeg"),
    "why_nul": ("it contains a NUL character", "het bevat een NUL-teken"),
    "why_backslash": ("use / instead of \\", "gebruik / in plaats van \\"),
    "why_unc": ("it names a network location", "het wijst naar een netwerklocatie"),
    "why_drive": ("it names a drive; use a path inside the deck folder",
                  "het noemt een schijf; gebruik een pad binnen de deckmap"),
    "why_absolute": ("use a path relative to the deck folder",
                     "gebruik een pad ten opzichte van de deckmap"),
    "why_parent": ("'..' may not be used; keep images inside the deck folder",
                   "'..' mag niet; houd afbeeldingen binnen de deckmap"),
    "why_outside": ("it leads outside the deck folder", "het leidt buiten de deckmap"),
    "missing_image": (
        "the image '{path}' is not in the deck folder",
        "de afbeelding '{path}' staat niet in de deckmap",
    ),
    "image_unreadable": (
        "cannot read the image '{path}': {reason}",
        "kan de afbeelding '{path}' niet lezen: {reason}",
    ),
    "not_an_image": (
        "'{path}' is not a PNG or JPEG image",
        "'{path}' is geen PNG- of JPEG-afbeelding",
    ),
    # the quality of play (game.authoring.quality)
    "dominated": (
        "option {option} is never the better choice: option {other} is at least as good on "
        "every meter, so this card poses no real dilemma",
        "optie {option} is nooit de betere keuze: optie {other} is op elke meter minstens zo "
        "goed, dus deze kaart is geen echt dilemma",
    ),
    "same_effects": (
        "option {option} changes the meters exactly as option {other} does, so on the meters "
        "the choice makes no difference",
        "optie {option} verandert de meters precies zoals optie {other}, dus op de meters maakt "
        "de keuze niets uit",
    ),
    "dominated_advice": (
        "give every option a gain on one meter and a price on another",
        "geef elke optie winst op de ene meter en een prijs op een andere",
    ),
    "flag_required_never_set": (
        "no option sets the flag '{flag}', so this card can never come up",
        "geen optie zet de vlag '{flag}', dus deze kaart kan nooit komen",
    ),
    "flag_required_and_excluded": (
        "the flag '{flag}' is both required (flags) and excluded (not_flags), so this card can "
        "never come up",
        "de vlag '{flag}' is zowel vereist (flags) als uitgesloten (not_flags), dus deze kaart "
        "kan nooit komen",
    ),
    "flag_required_and_excluded_advice": (
        "keep the flag under 'flags' or under 'not_flags', not both",
        "zet de vlag onder 'flags' of onder 'not_flags', niet onder allebei",
    ),
    "meter_range_never": (
        "the meter '{meter}' runs from {lo} to {hi}, so this range never holds and this card "
        "can never come up",
        "de meter '{meter}' loopt van {lo} tot {hi}, dus dit bereik klopt nooit en deze kaart "
        "kan nooit komen",
    ),
    "meter_range_advice": (
        "choose min and max between {lo} and {hi}, for example {{max: {example}}}",
        "kies min en max tussen {lo} en {hi}, bijvoorbeeld {{max: {example}}}",
    ),
    "rounds_never": (
        "a term has rounds 1 to {term}, so this range of rounds never holds and this card can "
        "never come up",
        "een termijn heeft de rondes 1 tot en met {term}, dus dit rondebereik klopt nooit en "
        "deze kaart kan nooit komen",
    ),
    "rounds_advice": (
        "choose rounds between 1 and {term}, for example {{min: {example}}}",
        "kies rondes tussen 1 en {term}, bijvoorbeeld {{min: {example}}}",
    ),
    "never_scheduled": (
        "this card only comes up as a follow-up, but no option schedules it",
        "deze kaart komt alleen als vervolg, maar geen optie plant hem in",
    ),
    "never_scheduled_advice": (
        "add 'follow_up: {{card: {card}}}' to an option, or remove 'follow_up_only: true'",
        "zet 'follow_up: {{card: {card}}}' bij een optie, of haal 'follow_up_only: true' weg",
    ),
    "weight_zero": (
        "with weight 0 this card is only drawn as a follow-up, but no option schedules it",
        "met gewicht 0 komt deze kaart alleen als vervolg, maar geen optie plant hem in",
    ),
    "weight_zero_advice": (
        "give it a weight above 0 (1 is normal), or schedule it from an option",
        "geef hem een gewicht boven 0 (1 is gewoon), of plan hem in vanuit een optie",
    ),
    "follow_up_too_late": (
        "this follow-up is due {after} rounds later, but a term has only {term} rounds, so it "
        "never comes up",
        "dit vervolg komt pas {after} rondes later, maar een termijn heeft maar {term} rondes, "
        "dus het komt nooit",
    ),
    "follow_up_too_late_advice": (
        "choose 'after' below {term}, for example after: 2",
        "kies 'after' onder {term}, bijvoorbeeld after: 2",
    ),
    "meter_never_moves": (
        "no option changes the meter '{meter}', so it stays at {start} all game",
        "geen optie verandert de meter '{meter}', dus die blijft het hele spel op {start}",
    ),
    "no_fallback_ending": (
        "every term ending needs certain meter values, so a game that fits none of them ends "
        "with a general text",
        "elke afloop voor het einde van de termijn vraagt bepaalde meterstanden, dus een spel "
        "dat bij geen ervan past, eindigt met een algemene tekst",
    ),
    "no_fallback_ending_advice": (
        "add a last 'trigger: term' ending without 'meters', for every other game",
        "voeg als laatste een afloop met 'trigger: term' zonder 'meters' toe, voor alle andere "
        "spellen",
    ),
    "meter_never_moves_advice": (
        "give some options an effect on it, such as 'effects: {{{meter}: -5}}', or remove the "
        "meter",
        "geef sommige opties er een effect op, zoals 'effects: {{{meter}: -5}}', of haal de "
        "meter weg",
    ),
    "flag_never_read": (
        "the flag '{flag}' is set here but no card reads it (when: flags or not_flags), so "
        "setting it changes nothing",
        "de vlag '{flag}' wordt hier gezet, maar geen kaart leest hem (when: flags of "
        "not_flags), dus het zetten verandert niets",
    ),
    "flag_never_read_advice": (
        "name it under 'when: flags:' of a card it should bring in, or under 'not_flags:' of a "
        "card it should keep out",
        "noem hem onder 'when: flags:' van een kaart die hij moet binnenhalen, of onder "
        "'not_flags:' van een kaart die hij moet weghouden",
    ),
    "flag_excluded_never_set": (
        "no option sets the flag '{flag}', so this condition always holds",
        "geen optie zet de vlag '{flag}', dus deze voorwaarde klopt altijd",
    ),
    "flag_cleared_never_set": (
        "no option sets the flag '{flag}', so clearing it does nothing",
        "geen optie zet de vlag '{flag}', dus hem wissen doet niets",
    ),
    "flag_set_advice": (
        "set it with 'set_flags: [{flag}]' on the option it stands for",
        "zet hem met 'set_flags: [{flag}]' bij de optie waar hij voor staat",
    ),
    "no_outcome": (
        "this option has no outcome text, so players read nothing about what their choice did",
        "deze optie heeft geen uitkomsttekst, dus spelers lezen niets over wat hun keuze deed",
    ),
    "no_outcome_advice": (
        "add 'outcome:' with one or two sentences: what happens, and why",
        "voeg 'outcome:' toe met een of twee zinnen: wat er gebeurt, en waarom",
    ),
    # the screen (game.ui.layout.fit, passed in by the command line when the table is installed)
    "text_overflow": (
        "this text does not fit on the screen at {size}; shorten it",
        "deze tekst past niet op het scherm bij {size}; maak hem korter",
    ),
    "text_overflow_discuss": (
        "this text does not fit on the workshop's Discuss screen at {size} (six teams); "
        "shorten it",
        "deze tekst past niet op het workshopscherm Bespreken bij {size} (zes teams); maak hem "
        "korter",
    ),
    "text_overflow_vote": (
        "this text does not fit on the workshop's Vote screen at {size} (six teams); shorten it",
        "deze tekst past niet op het workshopscherm Stemmen bij {size} (zes teams); maak hem "
        "korter",
    ),
    "did_you_mean": ("did you mean '{name}'?", "bedoel je '{name}'?"),
    "known_ids": ("known in this deck: {names}", "bekend in dit deck: {names}"),
    "too_many": (
        "this file has more than {limit} problems; the rest are not shown, fix these first",
        "dit bestand heeft meer dan {limit} problemen; de rest wordt niet getoond, "
        "los eerst deze op",
    ),
}

#: Kinds of ids, for "the card id 'x' is used twice".
KINDS: dict[str, tuple[str, str]] = {
    "card": ("card", "kaart"),
    "option": ("option", "optie"),
    "meter": ("meter", "meter"),
    "character": ("character", "personage"),
    "ending": ("ending", "einde"),
    "aspect": ("aspect", "aspect"),
}

#: Names of the format's parts: model -> ((English: this, a, plural), (Dutch: this, a, plural)).
NOUNS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "DeckFile": (("this deck file", "a deck file", "deck files"),
                 ("dit deckbestand", "een deckbestand", "deckbestanden")),
    "CardFile": (("this card file", "a card file", "card files"),
                 ("dit kaartbestand", "een kaartbestand", "kaartbestanden")),
    "Card": (("this card", "a card", "cards"), ("deze kaart", "een kaart", "kaarten")),
    "Option": (("this option", "an option", "options"), ("deze optie", "een optie", "opties")),
    "FollowUp": (("this follow-up", "a follow-up", "follow-ups"),
                 ("dit vervolg", "een vervolg", "vervolgen")),
    "Conditions": (("these conditions", "conditions", "conditions"),
                   ("deze voorwaarden", "voorwaarden", "voorwaarden")),
    "Range": (("this range", "a range", "ranges"), ("dit bereik", "een bereik", "bereiken")),
    "EssayContext": (("this essay context", "an essay context", "essay contexts"),
                     ("deze essaycontext", "een essaycontext", "essaycontexten")),
    "Meter": (("this meter", "a meter", "meters"), ("deze meter", "een meter", "meters")),
    "Ending": (("this ending", "an ending", "endings"), ("dit einde", "een einde", "eindes")),
    "Character": (("this character", "a character", "characters"),
                  ("dit personage", "een personage", "personages")),
    "Aspect": (("this aspect", "an aspect", "aspects"),
               ("dit aspect", "een aspect", "aspecten")),
    "GlossaryEntry": (("this glossary entry", "a glossary entry", "glossary entries"),
                      ("dit begrip", "een begrip", "begrippen")),
}

#: Messages about the format: key -> (English, Dutch).
SCHEMA_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("{this} has no '{field}'", "'{field}' ontbreekt bij {this}"),
    "unknown_field": ("unknown field '{field}' in {this}", "onbekend veld '{field}' bij {this}"),
    "allowed": ("allowed here: {fields}", "hier kan: {fields}"),
    "this_part": ("this part", "dit onderdeel"),
    "items": ("items", "items"),
    "wrong_type": ("expected {what}, found {got}", "hier hoort {what}, maar er staat {got}"),
    "or": (" or ", " of "),
    "unquoted": (
        "`{raw}` is read by YAML as {kind}, not as text; put it in quotes: \"{raw}\"",
        "YAML leest `{raw}` als {kind}, niet als tekst; zet het tussen aanhalingstekens: "
        "\"{raw}\"",
    ),
    "remove_quotes": ("remove the quotes", "haal de aanhalingstekens weg"),
    # what a value was read as: "is_" + a ScalarInfo kind
    "is_bool": ("a yes/no value", "een ja/nee-waarde"),
    "is_int": ("a number", "een getal"),
    "is_float": ("a number", "een getal"),
    "is_null": ("an empty value", "een lege waarde"),
    "is_timestamp": ("a date", "een datum"),
    "is_str": ("text", "tekst"),
    "nothing": ("nothing", "niets"),
    "text": ("text", "tekst"),
    "text_or_languages": ("text, or one text per language (nl: ..., en: ...)",
                          "tekst, of één tekst per taal (nl: ..., en: ...)"),
    "whole_number": ("a whole number", "een geheel getal"),
    "number": ("a number", "een getal"),
    "true_false": ("true or false", "true of false"),
    "a_model": ("{a} (with {fields})", "{a} (met {fields})"),
    "list_of": ("a list of {items}", "een lijst met {items}"),
    "a_list": ("a list such as [a, b]", "een lijst zoals [a, b]"),
    "a_list_found": ("a list", "een lijst"),
    "a_mapping": ("a mapping ('name: value' lines)", "een mapping ('naam: waarde'-regels)"),
    "effects_mapping": ("meter changes such as 'legitimacy: -10'",
                        "meterwijzigingen zoals 'legitimiteit: -10'"),
    "ranges_mapping": ("meter ranges such as 'legitimacy: {{max: 40}}'",
                       "meterbereiken zoals 'legitimiteit: {{max: 40}}'"),
    "for_example": ("for example: {example}", "bijvoorbeeld: {example}"),
    "add_for_example": ("add for example: {example}", "voeg bijvoorbeeld toe: {example}"),
    "allowed_values": ("allowed: {choices}", "toegestaan: {choices}"),
    "one_of": ("'{value}' is not allowed here; choose one of {choices}",
               "'{value}' kan hier niet; kies uit {choices}"),
    "bad_id": ("'{value}' cannot be an id: use only lower-case letters, digits, - and _",
               "'{value}' kan geen id zijn: gebruik alleen kleine letters, cijfers, - en _"),
    "bad_section": ("'{value}' is not an essay section such as 4b or 6d",
                    "'{value}' is geen essayparagraaf zoals 4b of 6d"),
    "bad_colour": ("'{value}' is not a colour written as #rrggbb",
                   "'{value}' is geen kleur in de vorm #rrggbb"),
    "bad_language": ("'{value}' is not a language code such as nl or en",
                     "'{value}' is geen taalcode zoals nl of en"),
    "pattern": ("'{value}' is not written in the expected form",
                "'{value}' staat niet in de verwachte vorm"),
    "too_long_text": ("this is too long: at most {max} characters",
                      "dit is te lang: hooguit {max} tekens"),
    "too_few": ("needs at least {n} {items}; there are {actual}",
                "moet minstens {n} {items} hebben; er zijn er {actual}"),
    "too_many": ("may have at most {n} {items}; there are {actual}",
                 "mag hooguit {n} {items} hebben; er zijn er {actual}"),
    "at_least": ("must be at least {limit}", "moet minstens {limit} zijn"),
    "at_most": ("must be at most {limit}", "mag hooguit {limit} zijn"),
    "above": ("must be above {limit}", "moet boven {limit} liggen"),
    "below": ("must be below {limit}", "moet onder {limit} liggen"),
    "range_order": ("min ({lo}) is above max ({hi})", "min ({lo}) ligt boven max ({hi})"),
    "meter_range": ("min must be below max", "min moet onder max liggen"),
    "meter_start": ("start ({start}) is outside {lo}..{hi}",
                    "start ({start}) ligt buiten {lo}..{hi}"),
    "ending_meter": ("a collapse ending needs 'meter': the meter that collapses",
                     "een collapse-einde heeft 'meter' nodig: de meter die instort"),
}

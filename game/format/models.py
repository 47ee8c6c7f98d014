"""The deck format, version 1, as pydantic models.

A deck is a folder with a deck file (``deck.yaml``: metadata, meters, characters, endings) and
card files (``cards/*.yaml``, each with a ``cards:`` list). These models are the single
definition of that format: the loader validates against them and ``main.py schema`` builds
the editors' JSON Schemas from them, so every field carries a description an author can read in an editor.

Field names are plain English words; every text a player sees can be a plain string (Dutch) or
one string per language (``{nl: ..., en: ...}``).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from typing import Annotated, Any, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

FORMAT_VERSION = 1
#: The validation context's key for the sets of given fields that models share (see Model).
SHARED_FIELDS = "shared_fields"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
#: The form of an id, a colour and an essay section (the format check names each in its message).
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
ID_MAX_LENGTH = 64
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
SECTION_PATTERN = r"^[1-7][a-d]?$"
#: The ids options get by position when they have none of their own.
OPTION_LETTERS = "abcd"
#: The largest size of a meter value, a range end or a meter change. A deck has no use for
#: more, and a number with thousands of digits would overflow the table's drawing (a screen
#: position is a float) long after the deck was checked.
MAX_VALUE = 100_000
#: Control characters a text may not hold: every C0 and C1 control except tab and newline.
#: A NUL cannot be drawn, and the others do nothing a player could see.
CONTROL_PATTERN = "^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$"
_CONTROL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f]")
#: Bidirectional controls (U+202A-U+202E, U+2066-U+2069): allowed, but they can make a text
#: read differently from how it is stored, so the deck check warns about them.
BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")


def control_char(text: str) -> str | None:
    """The first forbidden control character in ``text`` as U+XXXX, or None."""
    found = _CONTROL.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def _no_control(text: str) -> str:
    char = control_char(text)
    if char is not None:
        raise PydanticCustomError("control_char", "the text holds the control character {char}",
                                  {"char": char})
    return text


#: A string with no control characters other than tab and newline.
PlainText = Annotated[str, AfterValidator(_no_control),
                      WithJsonSchema({"type": "string", "pattern": CONTROL_PATTERN})]
#: A meter value or a range end: a whole number of at most MAX_VALUE either way.
Value = Annotated[int, Field(ge=-MAX_VALUE, le=MAX_VALUE)]

_TEXT_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": CONTROL_PATTERN},
        {
            "type": "object",
            "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
            "additionalProperties": {"type": "string", "pattern": CONTROL_PATTERN},
            "minProperties": 1,
        },
    ],
    "description": "Text: a plain string (Dutch), or one per language such as {nl: ..., en: ...}.",
}


def _validate_text(value: Any) -> Union[str, dict[str, str]]:
    """A text as it was read: a mapping of texts per language is kept, not copied (a deck of
    thousands of cards holds tens of thousands of them, and nothing changes one once read)."""
    if isinstance(value, str):
        return _no_control(value)
    if isinstance(value, dict) and value:
        for key, item in value.items():
            if not isinstance(key, str) or not LANGUAGE_CODE.match(key):
                raise PydanticCustomError(
                    "text_language",
                    "'{key}' is not a language code; use codes such as nl and en",
                    {"key": key},
                )
            if not isinstance(item, str):
                raise PydanticCustomError("text_type", "the '{key}' text must be text", {"key": key})
            char = control_char(item)
            if char is not None:
                raise PydanticCustomError(
                    "control_char", "the '{key}' text holds the control character {char}",
                    {"key": key, "char": char})
        return value if type(value) is dict else dict(value)
    raise PydanticCustomError(
        "text_type", "expected text: a string, or one per language (nl: ..., en: ...)"
    )


#: A text a player reads: a string, or a mapping from language code to string.
Text = Annotated[
    Union[str, dict[str, str]], PlainValidator(_validate_text), WithJsonSchema(_TEXT_SCHEMA)
]

#: A name other parts of the deck refer to: lower-case letters, digits, '-' and '_'.
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH),
    Field(description="A name used to refer to this item: lower-case letters, digits, - and _."),
]


def make_id(text: str, fallback: str) -> str:
    """``text`` made into an id ("Een Kaart": "een-kaart", "continuïteit": "continuiteit");
    ``fallback`` if nothing is left."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))
    made = re.sub(r"[^a-z0-9_-]+", "-", bare).strip("-_")[:ID_MAX_LENGTH]
    return made or fallback


class Model(BaseModel):
    """Strict, closed models: an unknown key or a wrong type is an error, never a guess."""

    # Each model builds its validator when first used, not on import: the title screen starts
    # without them, and a deck is checked only once it is chosen.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)

    @model_validator(mode="after")
    def _shared_fields_set(self, info: ValidationInfo) -> "Model":
        """Share the record of which fields were given with the models given the same ones.

        pydantic keeps that record as a set per model, larger than the model's own values; a
        deck of thousands of cards has tens of thousands of models but a handful of such sets
        (9 MB for 5,000 cards). A check that validates many files passes one dict in as
        ``context={SHARED_FIELDS: {}}``; the models are frozen, so a shared set never changes.
        """
        shared = info.context.get(SHARED_FIELDS) if info.context else None
        if shared is not None:
            given = self.__pydantic_fields_set__
            object.__setattr__(self, "__pydantic_fields_set__",
                               shared.setdefault(frozenset(given), given))
        return self


class Range(Model):
    """An inclusive range; either end may be left out."""

    min: Value | None = Field(None, description="Lowest value that matches (inclusive).")
    max: Value | None = Field(None, description="Highest value that matches (inclusive).")

    def holds(self, value: int) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PydanticCustomError("range_order", "min ({lo}) is above max ({hi})",
                                      {"lo": self.min, "hi": self.max})
        return self


def range_ends(r: Range | None) -> tuple[float, float]:
    """A range's lowest and highest value, -inf and inf where it is open (or there is none)."""
    if r is None:
        return -math.inf, math.inf
    return (-math.inf if r.min is None else r.min), (math.inf if r.max is None else r.max)


class Conditions(Model):
    """When a card may be drawn. Every listed condition must hold."""

    flags: list[Id] = Field(default_factory=list, description="Flags that must all be set.")
    not_flags: list[Id] = Field(default_factory=list, description="Flags that must all be unset.")
    meters: dict[str, Range] = Field(
        default_factory=dict, description="Meter ranges, by meter id: {legitimiteit: {max: 40}}."
    )
    rounds: Range | None = Field(None, description="Rounds in which the card may come up.")

    @property
    def empty(self) -> bool:
        return not (self.flags or self.not_flags or self.meters or self.rounds)

    def compiled(self) -> "CompiledConditions":
        """The same conditions as plain tuples, for the engine's tight draw loop."""
        return (tuple(self.flags), tuple(self.not_flags), *range_ends(self.rounds),
                tuple((m, *range_ends(r)) for m, r in self.meters.items()))

    def holds(self, round_no: int, meters: dict[str, int], flags: set[str] | frozenset[str]) -> bool:
        # Plain loops: this runs for every card at every draw, thousands of times per second
        # in the simulator.
        for flag in self.flags:
            if flag not in flags:
                return False
        for flag in self.not_flags:
            if flag in flags:
                return False
        if self.rounds is not None and not self.rounds.holds(round_no):
            return False
        for meter, allowed in self.meters.items():
            if not allowed.holds(meters.get(meter, 0)):
                return False
        return True


#: (flags set, flags unset, first round, last round, ((meter, low, high), ...))
CompiledConditions = tuple[tuple[str, ...], tuple[str, ...], float, float,
                           tuple[tuple[str, float, float], ...]]


@functools.cache
def _no_conditions() -> Conditions:
    """The conditions of a card or rule that lists none: one frozen instance, shared (a deck of
    thousands of cards would otherwise hold thousands of empty ones), made on first use so that
    importing the format builds no validator."""
    return Conditions()


class FollowUp(Model):
    """A card that comes back some rounds after this option was chosen."""

    card: Id = Field(description="The id of the follow-up card.")
    after: int = Field(2, ge=1, le=100, description="How many rounds later it is due.")


class Option(Model):
    """One response to a card."""

    id: Id | None = Field(None, description="Stable id; defaults to a, b, c, d by position.")
    label: Text = Field(description="The text on the button.")
    outcome: Text = Field("", description="What happens, in one or two sentences, and why.")
    effects: dict[str, Value] = Field(
        default_factory=dict, description="Meter changes by meter id, e.g. {legitimiteit: -10}."
    )
    set_flags: list[Id] = Field(default_factory=list, description="Flags this option sets.")
    clear_flags: list[Id] = Field(default_factory=list, description="Flags this option clears.")
    follow_up: list[FollowUp] | FollowUp = Field(
        default_factory=list, description="Follow-up card(s) that come back some rounds later."
    )

    @model_validator(mode="after")
    def _follow_up_list(self) -> "Option":
        if isinstance(self.follow_up, FollowUp):
            object.__setattr__(self, "follow_up", [self.follow_up])
        return self


class EssayContext(Model):
    """Where the card comes from in the essay, for the discussion afterwards."""

    section: Annotated[str, StringConstraints(pattern=SECTION_PATTERN)] = Field(
        description="Essay section, such as 4b or 6d."
    )
    context: Text = Field(description="A short paraphrase, or a quote of at most two sentences.")
    quote: PlainText | None = Field(
        None,
        description="The essay in its own words: a verbatim passage, in Dutch as the essay is "
                    "written (' … ' joins two parts of one passage).",
    )
    question: Text = Field(description="A reflection question for the discussion.")


class Card(Model):
    """A situation, presented by a character, with two to four options."""

    id: Id = Field(description="Stable id; saved sessions refer to it, so do not rename it.")
    character: Id | None = Field(None, description="Id of the character who presents the card.")
    title: Text = Field(description="The card's title, a few words.")
    text: Text = Field(description="The situation, in a few sentences.")
    options: list[Option] = Field(min_length=2, max_length=4, description="Two to four options.")
    when: Conditions = Field(default_factory=_no_conditions,
                             description="When the card may come up.")
    weight: float = Field(1.0, ge=0, le=1000, allow_inf_nan=False,
                          description="Relative chance to be drawn.")
    repeatable: bool = Field(False, description="May come up more than once.")
    follow_up_only: bool = Field(
        False, description="Only comes up when an option schedules it as a follow-up."
    )
    essay: EssayContext | None = Field(None, description="Essay section, context and question.")
    council_question: Text | None = Field(
        None,
        description="What a raadslid could ask the college about this dilemma (shown in "
                    "onboarding mode after the outcome, beside the essay's question).",
    )
    aspects: list[PlainText] = Field(default_factory=list,
                                     description="Aspect ids, such as 4a or 6b.")

    @field_validator("weight", mode="before")
    @classmethod
    def _int_weight(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            # a whole number too large for a float is out of range, not a crash
            return float(value) if abs(value) <= MAX_VALUE else (MAX_VALUE + 1.0 if value > 0 else -MAX_VALUE - 1.0)
        return value

    @model_validator(mode="after")
    def _option_ids(self) -> "Card":
        named = [o if o.id else o.model_copy(update={"id": OPTION_LETTERS[i]})
                 for i, o in enumerate(self.options)]
        object.__setattr__(self, "options", named)
        seen: set[str] = set()
        for option in named:
            if option.id in seen:
                raise PydanticCustomError("duplicate_option", "two options share the id '{id}'",
                                          {"id": option.id})
            seen.add(option.id)
        return self

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class Meter(Model):
    """A meter on the table, such as legitimacy."""

    id: Id = Field(description="The meter's id; effects and conditions name the meter by it.")
    label: Text = Field(description="Short name shown beside the bar.")
    description: Text = Field("", description="What the meter stands for.")
    start: Value = Field(50, description="Value at the start of the game.")
    min: Value = Field(0, description="Lowest value.")
    max: Value = Field(100, description="Highest value.")
    collapse: Literal["min", "max", "both", "none"] = Field(
        "min", description="Where reaching the end of the range ends the game."
    )

    @model_validator(mode="after")
    def _within(self) -> "Meter":
        if self.min >= self.max:
            raise PydanticCustomError("meter_range", "min must be below max")
        if not self.min <= self.start <= self.max:
            raise PydanticCustomError("meter_start", "start ({start}) is outside {lo}..{hi}",
                                      {"start": self.start, "lo": self.min, "hi": self.max})
        return self


class Ending(Model):
    """How a game can end. The first ending in the list that fits is shown."""

    id: Id = Field(description="The ending's id, kept in saved sessions and reports.")
    trigger: Literal["collapse", "term"] = Field(
        description="collapse: a meter reached its end; term: the term is over."
    )
    meter: PlainText | None = Field(None, description="For collapse: which meter.")
    at: Literal["min", "max"] = Field("min", description="For collapse: which end of the range.")
    meters: dict[str, Range] = Field(
        default_factory=dict, description="For term: meter ranges this ending needs."
    )
    title: Text = Field(description="The ending's title, shown when the game ends this way.")
    text: Text = Field(description="What happened, shown below the title.")
    best: bool = Field(
        False, description="The deck's best ending, the one wise play should reach (at most "
                           "one ending; the simulator reports how often it is reached)."
    )

    @model_validator(mode="after")
    def _meter_for_collapse(self) -> "Ending":
        if self.trigger == "collapse" and self.meter is None:
            raise PydanticCustomError("ending_meter", "a collapse ending names its meter")
        return self


class DynamicRule(Model):
    """How the meters act on each other: after every decision, when the rule's conditions hold
    on the meters (after the option's effects), its effects apply once.

    This is how a deck models the essay's point that strategy (willen), support (mogen) and
    capacity (kunnen) reinforce each other: "when strategy and legitimacy are strong, the council
    votes money for the data team and capacity grows"; "when capacity lags, the others pay".
    """

    id: Id = Field(description="The rule's id, kept in each decision's record and the reports.")
    when: Conditions = Field(
        default_factory=_no_conditions,
        description="When the rule applies: meter ranges (after the option's effects), flags, "
                    "rounds. Every listed condition must hold; left out, it applies always.",
    )
    effects: dict[str, int] = Field(
        default_factory=dict,
        description="Meter changes by meter id, applied after the option's effects, e.g. "
                    "{capaciteit: 4}.",
    )
    text: Text = Field(
        description="What happened in the game's world, in one sentence, shown under the "
                    "outcome: \"De raad trekt bij de begroting geld uit voor het datateam.\"",
    )


#: What a drawn portrait can be told about a character's looks (every field may be left out).
HAIR_STYLES = ("short", "long", "bun", "curly", "ponytail", "bald")
HAIR_COLOURS = ("black", "dark-brown", "brown", "auburn", "blond", "red", "grey", "white")
AGES = ("young", "middle", "older")
CLOTHES = ("suit", "blazer", "blouse", "sweater", "shirt")
#: Skin tones of a drawn portrait, from light (1) to dark (6).
SKIN_TONES = 6


class Features(Model):
    """How a drawn portrait looks. Every field may be left out: the game then picks it from the
    character's id, the same every time."""

    hair: Literal[HAIR_STYLES] | None = Field(  # type: ignore[valid-type]
        None, description="Hair style: short, long, bun, curly, ponytail or bald.")
    hair_colour: Literal[HAIR_COLOURS] | None = Field(  # type: ignore[valid-type]
        None, description="Hair colour: black, dark-brown, brown, auburn, blond, red, grey or "
                          "white.")
    skin: Annotated[int, Field(ge=1, le=SKIN_TONES)] | None = Field(
        None, description="Skin tone, from 1 (light) to 6 (dark).")
    glasses: bool | None = Field(None, description="Whether the character wears glasses.")
    age: Literal[AGES] | None = Field(  # type: ignore[valid-type]
        None, description="young, middle or older: an older face has lines and, unless "
                          "hair_colour says otherwise, grey hair.")
    clothing: Literal[CLOTHES] | None = Field(  # type: ignore[valid-type]
        None, description="What the character wears: suit (with a tie), blazer, blouse, "
                          "sweater or shirt.")


class Character(Model):
    """Someone who presents cards."""

    id: Id = Field(description="The character's id; a card names its character by it.")
    name: Text = Field(description="The person's name; the same in every language.")
    role: Text = Field(description="The person's role, such as alderman or privacy officer.")
    portrait: str | None = Field(
        None, description="An image in the deck folder (relative path); left out, the game draws one."
    )
    colour: Annotated[str, StringConstraints(pattern=COLOUR_PATTERN)] | None = Field(
        None, description="Main colour of a drawn portrait, as #rrggbb."
    )
    features: Features = Field(
        default_factory=Features,
        description="How a drawn portrait looks (hair, hair_colour, skin, glasses, age, "
                    "clothing); what is left out follows from the id."
    )


class Aspect(Model):
    """A theme cards are tagged with (the essay's nine aspects in the default deck)."""

    id: Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=16)] = \
        Field(description="The aspect's id, such as 4a; cards name their aspects by it.")
    label: Text = Field(description="The aspect's name, such as Privacy and security.")
    question: Text = Field("", description="A question for the debrief on this aspect.")


class GlossaryEntry(Model):
    """A term the cards use, explained for players (AVG, BOA, FG, ...)."""

    term: Text = Field(description="The term, such as AVG.")
    definition: Text = Field(description="What the term means, in a sentence or two.")


class DeckFile(Model):
    """The deck file (deck.yaml)."""

    format: Literal[1] = Field(description="Deck format version; this is version 1.")
    id: Id = Field(description="The deck's id; saved sessions refer to it, so do not rename it.")
    title: Text = Field(description="The deck's title, shown on the title screen.")
    description: Text = Field("", description="A short description, shown under the title.")
    languages: list[Annotated[str, StringConstraints(pattern=LANGUAGE_CODE.pattern)]] = Field(
        default_factory=lambda: ["nl"], description="Languages the deck is written in."
    )
    term: int = Field(12, ge=1, le=200, description="Rounds in a term.")
    preview: Literal["none", "which", "direction"] = Field(
        "which", description="What a selected option shows before confirming."
    )
    meters: list[Meter] = Field(min_length=1, max_length=8,
                                description="The meters on the table: one to eight.")
    aspects: list[Aspect] = Field(default_factory=list,
                                  description="Themes the cards are tagged with, for the debrief.")
    characters: list[Character] = Field(default_factory=list,
                                        description="The people who present the cards.")
    endings: list[Ending] = Field(default_factory=list,
                                  description="How the game can end; the first that fits is shown.")
    glossary: list[GlossaryEntry] = Field(default_factory=list,
                                          description="Terms players can look up while playing.")
    dynamics: list[DynamicRule] = Field(
        default_factory=list,
        description="Rules by which the meters act on each other after every decision, in "
                    "order; each applies at most once per decision.",
    )
    cards: list[Card] = Field(default_factory=list, description="Cards may also live here.")


class CardFile(Model):
    """A card file (cards/*.yaml): a list of cards."""

    cards: list[Card] = Field(description="The cards in this file.")

"""The debrief report: what each team decided, and what it did to the meters and the aspects.

:func:`build_report` turns a deck and one or more teams into plain data (dicts, lists, strings
and numbers), with every text already in the report's language. That data is what
``report.json`` holds, and what the HTML page and the CSV table are made from
(:mod:`game.reports.files`), so the three files always tell the same story.

A *team* is one journalled game (:class:`Team`): a session of its own, or one of the teams of
a workshop session (several teams dealt the same cards). :func:`teams_from_journal` reads teams
from the journal: the saved state gives the decisions with what the table recorded beside
them (vote splits and notes), which a workshop and a single game both keep in their state;
for a single game journalled before its state kept them, the journal's events give them.
:func:`report_for_match` reads the same teams from the game on the table, journalled or not.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, Sequence

from game.format.deck import Deck
from game.reports.advice import recommendations
from game.reports.causes import causes
from game.format.models import Card
from game.language.catalog import load_catalog
from game.language.texts import DEFAULT_LANGUAGE, localize, shown_language
from game.rules.state import is_workshop
from game.table import old_events
from game.table.journal import Journal, SavedSession, now
from game.table.match import Match
from game.table.workshop_match import WorkshopMatch

#: Version of the report's data layout (``report.json``).
REPORT_VERSION = 1
#: How many aspects per team the discussion questions are taken from.
DISCUSSION_ASPECTS = 2

def words(lang: str) -> dict[str, str]:
    """The report's own words in ``lang`` (``locale/<lang>/report.yaml``); deck texts come from
    the deck itself."""
    return load_catalog(lang).section("report")


class UnknownSession(LookupError):
    """A session id the journal does not hold."""

    def __init__(self, session_id: int):
        super().__init__(f"there is no session {session_id} in the journal")
        self.session_id = session_id


@dataclass(frozen=True)
class Team:
    """One team's game: a journalled session with what the table recorded beside it.

    ``decisions`` are the saved state's history records (round, card, option, meters before
    and after, flags), each with ``votes`` (option id -> count, or None) and ``note`` ("" when
    there is none) added.
    """

    name: str
    decisions: list[dict[str, Any]]
    #: The saved state as the journal holds it (final meters, ending, end reason, ...).
    state: dict[str, Any]
    session_id: int | None = None
    created: str = ""
    updated: str = ""
    status: str = "active"
    lang: str = DEFAULT_LANGUAGE
    deck_path: str = ""
    #: Notes recorded while a card was on the table but that never got a decision.
    loose_notes: list[dict[str, str]] = field(default_factory=list)
    #: How many phones voted in the workshop this team played in (None: no phone voting).
    phones: int | None = None

    @property
    def seed(self) -> int | None:
        return self.state.get("seed")

    @property
    def deck_id(self) -> str:
        return self.state.get("deck_id", "")

    @property
    def deck_hash(self) -> str:
        return self.state.get("deck_hash", "")


# --------------------------------------------------------------------------- from the journal
def teams_from_journal(journal: Journal, session_ids: Iterable[int],
                       names: Sequence[str | None] = ()) -> list[Team]:
    """The teams of the given sessions, in the order given (a workshop gives all its teams).

    A single game's team is named by ``names`` (by the session's position), else by the name
    the table gave it, else left unnamed (the report then calls it "Team 1", "Team 2", ...); a
    workshop's teams keep the names they played under. Raises :class:`UnknownSession` for an
    id the journal does not hold.
    """
    return teams_from_saved(journal, saved_sessions(journal, session_ids), names)


def saved_sessions(journal: Journal, session_ids: Iterable[int]) -> list[SavedSession]:
    """The journal's rows of the given sessions, in the order given; raises
    :class:`UnknownSession` for an id the journal does not hold."""
    found = []
    for session_id in session_ids:
        saved = journal.session(session_id)
        if saved is None:
            raise UnknownSession(session_id)
        found.append(saved)
    return found


def teams_from_saved(journal: Journal, sessions: Sequence[SavedSession],
                     names: Sequence[str | None] = ()) -> list[Team]:
    """The teams of sessions already read from ``journal`` (see :func:`teams_from_journal`).

    A game journalled before its state kept its votes and notes has them read from its
    journal events instead (:mod:`game.table.old_events`).
    """
    teams: list[Team] = []
    for n, saved in enumerate(sessions):
        row = _Row.of(saved)
        if saved.is_workshop:
            teams.extend(teams_from_workshop(saved.state, row))
            continue
        name = names[n] if n < len(names) else None
        if old_events.kept_in_events(saved.state):
            teams.append(_team_from_events(saved.state, journal.events(saved.id), row, name))
        else:
            teams.append(team_from_session(saved.state, row, name))
    return teams


@dataclass(frozen=True)
class _Row:
    """What the journal's row of a session tells beside its state."""

    session_id: int | None
    created: str
    updated: str
    status: str
    lang: str
    deck_path: str

    @classmethod
    def of(cls, saved: SavedSession) -> "_Row":
        return cls(saved.id, saved.created, saved.updated, saved.status, saved.lang,
                   saved.deck_path)


def teams_from_workshop(state: Mapping[str, Any], row: _Row) -> list[Team]:
    """Every team of a workshop's saved state, with the vote splits and notes it kept."""
    names = state.get("names", [])
    notes = state.get("notes", {}) if isinstance(state.get("notes"), dict) else {}
    votes: dict[tuple[Any, Any, Any], Any] = {}
    by_phone: dict[tuple[Any, Any, Any], int] = {}
    for entry in state.get("votes", []):
        if isinstance(entry, dict):
            key = (entry.get("team"), entry.get("round"), entry.get("card"))
            votes[key] = entry.get("votes")
            if _is_count(entry.get("phones")):
                by_phone[key] = entry["phones"]
    teams = []
    for i, team_state in enumerate(state.get("teams", [])):
        decisions = []
        for record in team_state.get("history", []):
            key = (i, record.get("round"), record.get("card"))
            decided = _with_table(record, votes.get(key), notes.get(record.get("card"), ""))
            if key in by_phone:
                decided["phones"] = by_phone[key]
            decisions.append(decided)
        name = names[i] if i < len(names) and isinstance(names[i], str) else ""
        teams.append(replace(_team(name, decisions, team_state, row),
                             phones=_phones_taking_part(state)))
    return teams


def _phones_taking_part(state: Mapping[str, Any]) -> int | None:
    """How many phones voted in a workshop (its table keeps the count when a phone vote
    closes); None when it voted by hand only."""
    table = state.get("table")
    phones = table.get("phones") if isinstance(table, Mapping) else None
    devices = phones.get("devices") if isinstance(phones, Mapping) else None
    return devices if _is_count(devices) else None


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def team_from_session(state: Mapping[str, Any], row: _Row, name: str | None = None) -> Team:
    """The team of a single game's saved state, with the vote splits and notes it kept, and
    notes on cards it never decided as loose notes."""
    notes = state.get("notes", {}) if isinstance(state.get("notes"), dict) else {}
    votes: dict[tuple[Any, Any], Any] = {}
    for entry in state.get("votes", []):
        if isinstance(entry, dict):
            votes[(entry.get("round"), entry.get("card"))] = entry.get("votes")
    history = state.get("history", [])
    decisions = [_with_table(record, votes.get((record.get("round"), record.get("card"))),
                             notes.get(record.get("card"), ""))
                 for record in history]
    decided = {record.get("card") for record in history}
    loose = [{"card": card, "text": text} for card, text in notes.items()
             if card not in decided and isinstance(text, str) and text]
    team = state.get("team") if isinstance(state.get("team"), str) else ""
    return _team(name or team, decisions, state, row, loose)


def _team_from_events(state: Mapping[str, Any], events: Sequence[tuple[str, Any]], row: _Row,
                      name: str | None = None) -> Team:
    """The team of a single game saved before its state kept its votes and notes: those come
    from its journal events (see :func:`game.table.old_events.replay`)."""
    history = state.get("history", [])
    found = old_events.replay(history, events)
    decisions = [_with_table(record, votes, note)
                 for record, votes, note in zip(history, found.votes, found.notes)]
    return _team(name or found.team, decisions, state, row, found.loose_notes)


def _with_table(record: Mapping[str, Any], votes: Any, note: str) -> dict[str, Any]:
    """A history record without what undo keeps in it, with its vote split and note."""
    return {**{k: v for k, v in record.items() if k != "before"}, "votes": votes, "note": note}


def _team(name: str, decisions: list[dict[str, Any]], state: Mapping[str, Any], row: _Row,
          loose_notes: list[dict[str, str]] | None = None) -> Team:
    return Team(name=name, decisions=decisions, state=dict(state), session_id=row.session_id,
                created=row.created, updated=row.updated, status=row.status, lang=row.lang,
                deck_path=row.deck_path, loose_notes=list(loose_notes or []))


# --------------------------------------------------------------------------- from the table
def report_for_match(match: Match | WorkshopMatch, lang: str, *,
                     meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The debrief of the game on the table, straight from its live state.

    A workshop and a single game both keep their vote splits and notes in their state, so the
    teams are read by the same code as a journalled session's, and the report tells what
    :func:`build_report` over the journal tells.
    """
    return build_report(match.deck, teams_from_match(match), lang=lang, meta=meta)


def teams_from_match(match: Match | WorkshopMatch) -> list[Team]:
    """The teams of the game on the table: every team of a workshop, or the one of a game;
    with the journal's dates and status when it is journalled."""
    state = match.state()
    stored = match.saved()
    status = "finished" if state.get("phase") == "ended" else "active"
    if stored is not None and stored.status == "abandoned":
        status = "abandoned"
    row = _Row(session_id=match.session_id,
               created=stored.created if stored is not None else "",
               updated=stored.updated if stored is not None else now(),
               status=status, lang=match.lang, deck_path=str(match.deck_path))
    if is_workshop(state):
        return teams_from_workshop(state, row)
    return [team_from_session(state, row)]

# --------------------------------------------------------------------------- the report
def build_report(deck: Deck, teams: Sequence[Team], *, lang: str,
                 meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The whole debrief as plain, JSON-ready data, with every text in ``lang``.

    ``meta`` adds report-level facts the journal does not know (such as ``organisation``,
    ``facilitator`` or ``title``); ``generated`` defaults to now.
    """
    w = words(lang)
    meta = dict(meta or {})
    generated = str(meta.pop("generated", "") or now())
    meters = [{"id": m.id, "label": localize(m.label, lang),
               "short": _short(localize(m.label, lang)),
               "min": m.min, "max": m.max, "start": m.start} for m in deck.meters]
    team_reports = [_team_report(deck, team, n, lang, w) for n, team in enumerate(teams, 1)]
    _distinct_names(team_reports)
    aspects = _aspects(deck, team_reports, lang)
    for team in team_reports:
        team["recommendations"] = _recommendations(team, meters, w)
    for i, team in enumerate(team_reports):
        team["discussion"] = _worst_aspects(aspects, i)
        for aspect in aspects:
            aspect["teams"][i]["discuss"] = aspect["id"] in team["discussion"]
    title = localize(deck.spec.title, lang)
    session = {
        "deck": {"id": deck.id, "title": title, "hash": deck.content_hash},
        "language": lang,
        "seed": team_reports[0]["seed"] if len(team_reports) == 1 else None,
        "seeds": [t["seed"] for t in team_reports],
        "created": min((t["created"] for t in team_reports if t["created"]), default=""),
        "updated": max((t["updated"] for t in team_reports if t["updated"]), default=""),
        "status": _overall_status([t["status"] for t in team_reports]),
        "teams": len(team_reports),
    }
    phones = _phones(teams, team_reports)
    if phones is not None:
        session["phones"] = phones
    return {
        "report_version": REPORT_VERSION,
        "generated": generated,
        "lang": lang,
        "meta": meta,
        "session": session,
        "deck": {"id": deck.id, "title": title, "hash": deck.content_hash, "term": deck.term,
                 "description": localize(deck.spec.description, lang),
                 "lang": shown_language(deck.spec.languages, lang)},
        "meters": meters,
        "teams": team_reports,
        "aspects": aspects,
        "discussion": _discussion(aspects),
        "labels": _labels(team_reports),
    }


def _phones(teams: Sequence[Team], reports: Sequence[Mapping[str, Any]]
            ) -> dict[str, int] | None:
    """The phones that took part (``devices``: one per participant's phone, summed over the
    workshops in the report) and the votes they cast on decisions (``votes``); None when no
    workshop in the report voted by phone."""
    devices = {team.session_id: team.phones for team in teams if team.phones is not None}
    if not devices:
        return None
    votes = sum(d["phones"] for team in reports for d in team["decisions"] if "phones" in d)
    return {"devices": sum(devices.values()), "votes": votes}


def _short(label: str) -> str:
    """A meter's label without its explanation in brackets, for narrow table headers."""
    head = label.split(" (", 1)[0].strip()
    return head or label


def _distinct_names(teams: list[dict[str, Any]]) -> None:
    """Number teams that share a name ("Rood", "Rood (2)"), so every row says whose it is."""
    seen: dict[str, int] = {}
    for team in teams:
        count = seen[team["name"]] = seen.get(team["name"], 0) + 1
        if count > 1:
            team["name"] = f"{team['name']} ({count})"


def _overall_status(statuses: list[str]) -> str:
    """The teams' common status; teams that differ count as a session still going on."""
    if statuses and all(s == statuses[0] for s in statuses):
        return statuses[0]
    return "active"


def _team_report(deck: Deck, team: Team, number: int, lang: str,
                 w: dict[str, str]) -> dict[str, Any]:
    state = team.state
    meter_ids = [m.id for m in deck.meters]
    decisions = [_decision(deck, record, i, lang, w)
                 for i, record in enumerate(team.decisions, start=1)]
    if team.decisions:
        start = {m: team.decisions[0].get("meters_before", {}).get(m) for m in meter_ids}
    else:
        start = {m: state.get("meters", {}).get(m, deck.meter(m).start) for m in meter_ids}
    final = {m: state.get("meters", {}).get(m, start.get(m)) for m in meter_ids}
    over_time = [{"round": 0, "meters": start}]
    over_time += [{"round": d["round"], "meters": {m: d["meters_after"].get(m) for m in meter_ids}}
                  for d in decisions]
    ending_id = state.get("ending")
    ending = next((e for e in deck.endings if e.id == ending_id), None) if ending_id else None
    finished = state.get("phase") == "ended"
    end_reason = state.get("end_reason") if finished else None
    collapsed = state.get("collapsed")
    name = team.name or w["team_default"].format(n=number)
    return {
        "name": name,
        "number": number,
        "session_id": team.session_id,
        "seed": team.seed,
        "language": team.lang,
        "created": team.created,
        "updated": team.updated,
        "status": team.status,
        "deck_id": team.deck_id,
        "deck_hash": team.deck_hash,
        "deck_changed": bool(team.deck_hash) and team.deck_hash != deck.content_hash,
        "finished": finished,
        "term": state.get("term", deck.term),
        "rounds_played": max((d["round"] for d in decisions), default=0),
        "decisions": decisions,
        "meters_over_time": over_time,
        "start_meters": start,
        "final_meters": final,
        "meter_changes": {m: _diff(final.get(m), start.get(m)) for m in meter_ids},
        "ending": ({"id": ending.id, "title": localize(ending.title, lang),
                    "text": localize(ending.text, lang)} if ending else None),
        "end_reason": end_reason,
        "collapsed_meter": collapsed if end_reason == "collapse" else None,
        "end_title": (localize(ending.title, lang) if ending
                      else _end_title(end_reason, finished, w)),
        "end_reason_text": _end_reason_text(deck, state, end_reason, finished, lang, w),
        "loose_notes": [dict(n) for n in team.loose_notes],
        "causes": causes(team.decisions, meter_ids),
    }


def _labels(teams: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The titles of the cards and the labels of the options the teams decided, by id: what
    the causes and the recommendations, which name cards and options by id, are shown with."""
    cards: dict[str, str] = {}
    options: dict[str, dict[str, str]] = {}
    for team in teams:
        for decision in team["decisions"]:
            cards[decision["card"]] = decision["card_title"]
            options.setdefault(decision["card"], {})[decision["option"]] = \
                decision["option_label"]
    return {"cards": cards, "options": options}


def _recommendations(team: Mapping[str, Any], meters: Sequence[Mapping[str, Any]],
                     w: Mapping[str, str]) -> list[dict[str, Any]]:
    """The essay's four recommendations against a team's decisions
    (:func:`game.reports.advice.recommendations`), each with its words in the report's
    language: ``title`` (the essay's heading), ``quote``, ``scope``, ``verdict_label``
    ("Gevolgd"), ``reason`` (what the decisions did), ``summary`` (the meter and its net change,
    for a narrow screen; "" when no card came up) and the one-line ``verdict_text``."""
    shorts = {m["id"]: m["short"] for m in meters}
    found = recommendations(team["decisions"], [m["id"] for m in meters])
    for rec in found:
        key = f"advice.{rec['id']}"
        rec["title"] = w[f"{key}.title"]
        rec["quote"] = w[f"{key}.quote"]
        rec["scope"] = w[f"{key}.scope"]
        meter = (shorts[rec["meter"]].lower() if rec["meter"] is not None
                 else w["advice.all_meters"])
        rec["verdict_label"] = w[f"advice.verdict.{rec['verdict']}"]
        rec["reason"] = w[f"advice.reason.{rec['verdict']}"].format(
            scope=rec["scope"], meter=meter, net=_signed(rec["net"]))
        rec["summary"] = (w["advice.summary"].format(meter=meter, net=_signed(rec["net"]))
                          if rec["decisions"] else "")
        rec["verdict_text"] = w["advice.verdict_line"].format(verdict=rec["verdict_label"],
                                                              reason=rec["reason"])
    return found


def _signed(value: int) -> str:
    """A change with its sign ("+4", "−3" with a true minus, "0")."""
    return f"+{value}" if value > 0 else f"\u2212{-value}" if value < 0 else "0"


def _diff(after: Any, before: Any) -> int | None:
    if isinstance(after, int) and isinstance(before, int):
        return after - before
    return None


def _end_title(reason: str | None, finished: bool, w: dict[str, str]) -> str:
    if not finished:
        return w["end_title_open"]
    return w["end_title_collapse"] if reason == "collapse" else w["end_title_term"]


def _end_reason_text(deck: Deck, state: dict[str, Any], reason: str | None, finished: bool,
                     lang: str, w: dict[str, str]) -> str:
    round_no = state.get("round", 0)
    if not finished:
        played = round_no if state.get("phase") == "outcome" else max(0, round_no - 1)
        return w["end_open"].format(round=played)
    if reason == "collapse":
        meter_id = state.get("collapsed") or ""
        meter = deck.meter(meter_id)
        label = localize(meter.label, lang) if meter else meter_id
        value = state.get("meters", {}).get(meter_id, "")
        return w["end_collapse"].format(meter=label, value=value)
    if reason == "exhausted":
        return w["end_exhausted"].format(round=round_no)
    return w["end_term"].format(term=state.get("term", deck.term))


def _decision(deck: Deck, record: Mapping[str, Any], index: int, lang: str,
              w: dict[str, str]) -> dict[str, Any]:
    card_id = str(record.get("card", ""))
    option_id = str(record.get("option", ""))
    card: Card | None = deck.card(card_id)
    before = dict(record.get("meters_before") or {})
    after = dict(record.get("meters_after") or {})
    changes = {m.id: _diff(after.get(m.id), before.get(m.id)) or 0 for m in deck.meters}
    votes = clean_votes(record.get("votes"), card)
    if card is not None:
        options = [{"id": o.id, "label": localize(o.label, lang), "position": i,
                    "chosen": o.id == option_id,
                    "votes": (votes.get(o.id, 0) if votes is not None else None)}
                   for i, o in enumerate(card.options, start=1)]
    else:
        options = []
    known = {o["id"] for o in options}
    if option_id not in known:
        options.append({"id": option_id, "label": w["option_missing"] if card else option_id,
                        "position": None, "chosen": True,
                        "votes": votes.get(option_id, 0) if votes is not None else None})
    if votes is not None:
        for other, count in votes.items():
            if other not in known and other != option_id:
                options.append({"id": other, "label": other, "position": None, "chosen": False,
                                "votes": count})
    chosen = next(o for o in options if o["chosen"])
    character = deck.character(card.character) if card else None
    return {
        "index": index,
        "round": record.get("round", index),
        "card": card_id,
        "card_title": localize(card.title, lang) if card else w["card_missing"],
        "card_missing": card is None,
        "character": ({"name": localize(character.name, lang),
                       "role": localize(character.role, lang)} if character else None),
        "aspects": list(card.aspects) if card else [],
        "section": card.essay.section if card and card.essay else None,
        "question": localize(card.essay.question, lang) if card and card.essay else "",
        "option": option_id,
        "option_label": chosen["label"],
        "option_position": chosen["position"],
        "options": options,
        "votes": votes,
        "votes_total": sum(votes.values()) if votes is not None else None,
        "votes_chosen": votes.get(option_id, 0) if votes is not None else None,
        "changes": changes,
        "meters_before": before,
        "meters_after": after,
        "flags_set": list(record.get("flags_set", [])),
        "flags_cleared": list(record.get("flags_cleared", [])),
        "flags": list(record.get("flags_after", record.get("flags", []))),
        "note": record.get("note") or "",
        **({"phones": record["phones"]} if _is_count(record.get("phones")) else {}),
    }


def clean_votes(raw: Any, card: Card | None) -> dict[str, int] | None:
    """A vote split as option id -> count, or None when there is none.

    The table may record votes as a mapping by option id or as a list of counts by option
    position; counts that are not whole numbers of zero or more are left out.
    """
    if isinstance(raw, (list, tuple)):
        if card is None:
            return None
        raw = {o.id: n for o, n in zip(card.options, raw)}
    if not isinstance(raw, Mapping):
        return None
    votes = {str(k): v for k, v in raw.items()
             if isinstance(v, int) and not isinstance(v, bool) and v >= 0}
    if card is not None:
        order = {o.id: i for i, o in enumerate(card.options)}
        votes = dict(sorted(votes.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    return votes or None


def _aspects(deck: Deck, teams: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Per aspect of the deck, per team: the summed meter changes of its decisions."""
    meter_ids = [m.id for m in deck.meters]
    rows = []
    for aspect in deck.aspects:
        per_team = []
        for team in teams:
            touched = [d for d in team["decisions"] if aspect.id in d["aspects"]]
            changes = {m: sum(d["changes"].get(m, 0) for d in touched) for m in meter_ids}
            per_team.append({"team": team["name"], "decisions": len(touched),
                             "cards": [d["card"] for d in touched],
                             "changes": changes, "total": sum(changes.values())})
        rows.append({"id": aspect.id, "label": localize(aspect.label, lang),
                     "question": localize(aspect.question, lang), "teams": per_team})
    return rows


def _worst_aspects(aspects: list[dict[str, Any]], team_index: int) -> list[str]:
    """The ids of the aspects where a team lost most: at most two, each with a net loss."""
    losses = []
    for order, aspect in enumerate(aspects):
        row = aspect["teams"][team_index]
        if row["decisions"] and row["total"] < 0:
            losses.append((row["total"], order, aspect["id"]))
    return [aspect_id for _, _, aspect_id in sorted(losses)[:DISCUSSION_ASPECTS]]


def _discussion(aspects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The essay's questions for the aspects any team lost most on, in deck order."""
    out = []
    for aspect in aspects:
        losers = [{"team": row["team"], "team_index": i, "total": row["total"],
                   "changes": row["changes"], "cards": row["cards"]}
                  for i, row in enumerate(aspect["teams"]) if row["discuss"]]
        if losers:
            out.append({"aspect": aspect["id"], "label": aspect["label"],
                        "question": aspect["question"], "teams": losers})
    return out

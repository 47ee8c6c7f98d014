"""A workshop's phone room: its ballot, its server and its place in the journal, together.

The facilitator's screens talk to this alone: start it with the workshop, open the card on the
table, close the vote (the tallies per team come back), stop it when the workshop leaves the
table. The room's code and port are kept in the workshop's journal, so a resumed workshop comes
back on the same join address and every acknowledged vote counts again.
"""

from __future__ import annotations

from game.language.texts import localize
from game.phones.address import is_room, lan_address, new_room
from game.phones.ballot import Ballot, OpenCard
from game.phones.qr import qr_cells
from game.phones.server import PhoneServer, PhoneServerError
from game.table.journal import JournalError
from game.table.phone_votes import VoteLedger
from game.table.workshop_match import WorkshopMatch


class PhoneRoom:
    def __init__(self, match: WorkshopMatch, ballot: Ballot, server: PhoneServer):
        self.match = match
        self.ballot = ballot
        self.server = server
        self.cells = qr_cells(server.url)

    @classmethod
    def start(cls, match: WorkshopMatch, host: str | None = None,
              port: int | None = None) -> "PhoneRoom":
        """Serve phones for ``match`` on ``host`` (default: this machine's address on the local
        network) and ``port`` (0 or None: the port it had, else a free one). Raises
        :class:`PhoneServerError` with a plain reason when it cannot listen."""
        kept = match.workshop.table.get("phones") or {}
        room = kept.get("room") if is_room(kept.get("room")) else new_room()
        ledger = None
        if match.journal is not None and match.session_id is not None:
            try:
                ledger = VoteLedger(match.journal.path, match.session_id)
            except JournalError:
                ledger = None  # votes still count, but a killed laptop would lose them
        ballot = Ballot(room, ledger, tuple(match.workshop.names))
        host = host or lan_address()
        server = None
        wanted = [port] if port else []
        if not port and isinstance(kept.get("port"), int) and 0 < kept["port"] < 65536:
            wanted.append(kept["port"])
        for attempt in wanted + [0]:
            try:
                server = PhoneServer(ballot, host, attempt, match.lang).start()
                break
            except PhoneServerError:
                if attempt == (wanted + [0])[-1] or attempt == port:
                    raise
        assert server is not None
        if kept.get("room") != room or kept.get("port") != server.port:
            match.keep_phones(room, server.port)
        phones = cls(match, ballot, server)
        phones.open_card()
        return phones

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def saved(self) -> bool:
        """Whether votes are kept in the journal (False: no journal, or it cannot be written)."""
        return self.ballot.ledger is not None

    def open_card(self) -> None:
        """Open the card on the table for voting, unless it is open already."""
        workshop = self.match.workshop
        card = workshop.current_card
        if card is None:
            if self.ballot.card is not None:
                self.ballot.close()
            return
        shown = self.ballot.card
        if shown is not None and shown.card == card.id and shown.round == workshop.round:
            return
        lang = self.match.lang
        self.ballot.open(OpenCard(
            round=workshop.round, card=card.id, title=localize(card.title, lang),
            text=localize(card.text, lang),
            options=tuple((option.id or "", localize(option.label, lang))
                          for option in card.options),
            teams=tuple(workshop.names), lang=lang))

    def close(self) -> dict[int, dict[str, int]]:
        """Close the vote; per team, how many phones chose each option."""
        return self.ballot.close()

    def stop(self) -> None:
        self.server.stop()
        if self.ballot.ledger is not None:
            self.ballot.ledger.close()

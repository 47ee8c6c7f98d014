// The voting page: join a team, see the open card, tap an option, change it until the vote
// closes. Everything shown comes from /state and the push channel as JSON and is set as text.
"use strict";
(function () {
  var base = location.pathname.replace(/\/?$/, "/");
  var store = window.localStorage;
  var roomKey = "dilemmaspel:" + base;
  var device = load("device");
  if (!device) {
    var bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    device = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_");
    save("device", device);
  }
  var state = null;
  var team = toTeam(load("team"));
  var mine = null;
  var labels = {};

  function load(key) { try { return store.getItem(roomKey + key); } catch (e) { return null; } }
  function save(key, value) { try { store.setItem(roomKey + key, value); } catch (e) { /* private mode */ } }
  function toTeam(text) { return text === null || text === "" ? null : Number(text); }
  function el(id) { return document.getElementById(id); }
  function say(text) { el("status").textContent = text || ""; }
  function word(key, fallback) { return labels[key] || fallback || ""; }

  function request(path, body) {
    var options = { headers: { "X-Device": device }, cache: "no-store" };
    if (body) {
      options.method = "POST";
      options.headers["Content-Type"] = "application/json";
      body.device = device;
      options.body = JSON.stringify(body);
    }
    return fetch(base + path, options);
  }

  function refresh() {
    return request("state").then(function (r) { return r.json(); }).then(function (s) {
      if (s.mine) {
        if (team === null && s.mine.team !== null) { team = s.mine.team; save("team", team); }
        mine = s.mine.option;
      }
      show(s);
    }).catch(function () { say(word("offline", "Geen verbinding. Probeer het zo opnieuw.")); });
  }

  function show(s) {
    var wasOpen = state !== null && state.open;
    var cardChanged = !state || !s.card || !state.card || state.card.id !== s.card.id ||
      state.round !== s.round;
    state = s;
    labels = s.labels || {};
    document.documentElement.lang = s.lang || document.documentElement.lang;
    document.title = word("page_title", "Stemmen");
    el("title").textContent = word("page_title", "Stemmen");
    if (!s.open) {
      mine = null;
      el("card-part").hidden = true;
      if (team !== null && (team < 0 || team >= s.teams.length)) { team = null; }
      if (s.teams.length) { showTeams(); } else { el("team-part").hidden = true; }
      // A phone that had the card open hears that its vote closed; one that comes in
      // between cards only that it must wait.
      say(wasOpen ? word("closed_waiting", "De stemming is gesloten.")
        : word("waiting", "Wacht op de volgende kaart."));
      return;
    }
    if (cardChanged && mine !== null && !optionExists(mine)) { mine = null; }
    if (team !== null && (team < 0 || team >= s.teams.length)) { team = null; }
    showTeams();
    showCard();
  }

  function optionExists(id) {
    return state.options.some(function (o) { return o.id === id; });
  }

  function choice(text, pressed, onPress) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-pressed", pressed ? "true" : "false");
    b.addEventListener("click", onPress);
    return b;
  }

  function showTeams() {
    var part = el("team-part"), list = el("teams");
    list.textContent = "";
    part.hidden = false;
    if (team !== null) {
      el("team-heading").textContent = word("your_team", "Jouw team");
      var line = document.createElement("p");
      line.className = "team-line";
      var name = document.createElement("strong");
      name.textContent = state.teams[team].name;
      line.appendChild(name);
      var change = choice(word("change_team", "Ander team kiezen"), false, function () {
        team = null; save("team", ""); showTeams(); showCard();
      });
      change.className = "link";
      change.removeAttribute("aria-pressed");
      line.appendChild(change);
      list.appendChild(line);
      return;
    }
    el("team-heading").textContent = word("choose_team", "Kies je team");
    state.teams.forEach(function (t) {
      list.appendChild(choice(t.name, false, function () { join(t.id); }));
    });
    list.appendChild(choice(word("any_team", "Deel mij in"), false, function () { join(null); }));
  }

  function join(id) {
    request("join", { team: id }).then(function (r) { return r.json(); }).then(function (a) {
      if (typeof a.team === "number") { team = a.team; save("team", team); }
      showTeams(); showCard();
    }).catch(function () { say(word("offline", "Geen verbinding.")); });
  }

  function showCard() {
    if (!state.open) { return; }
    var part = el("card-part"), list = el("options");
    part.hidden = team === null;
    el("card-title").textContent = state.card.title;
    el("card-text").textContent = state.card.text || "";
    list.textContent = "";
    state.options.forEach(function (o, i) {
      list.appendChild(choice((i + 1) + ". " + o.text, mine === o.id, function () { vote(o.id); }));
    });
    el("hint").textContent = word("change_hint", "");
    if (team === null) { say(word("choose_team_first", "Kies eerst je team.")); }
    else if (mine !== null) { say(word("counted", "Je stem is geteld.")); }
    else { say(word("vote_now", "Kies een antwoord.")); }
  }

  function vote(option) {
    if (team === null) { return; }
    say(word("sending", "Bezig…"));
    request("vote", { team: team, option: option, card: state.card.id }).then(function (r) {
      return r.json().then(function (a) { return { ok: r.ok, body: a }; });
    }).then(function (a) {
      if (a.ok) { mine = option; showCard(); return; }
      if (a.body.error === "closed") { say(word("closed", "De stemming is gesloten.")); refresh(); return; }
      say(word("not_counted", "Je stem is niet geteld. Probeer het opnieuw."));
    }).catch(function () { say(word("offline", "Geen verbinding.")); });
  }

  function listen() {
    if (!window.EventSource) { setInterval(refresh, 3000); return; }
    var source = new EventSource(base + "events");
    source.addEventListener("card", function () { refresh(); });
    source.onerror = function () { say(word("reconnecting", "Verbinding herstellen…")); };
  }

  refresh();
  listen();
})();

"""Measure the game against its speed budgets and print the figures.

    python3 benchmarks/bench.py [--quick] [--json]
    python3 benchmarks/bench.py --table FIGURES.json    (the README's table from a --json run)

Each figure comes with a bare baseline measured in the same run, so a slow machine shows as a
slow baseline rather than as a broken budget. ``--json`` prints every figure as one JSON object
(``<figure>`` and ``baseline_<figure>``; times in seconds or milliseconds, memory in MB, as the
key says); without it, one line per figure. CPU time and peak memory of a command are read from
the kernel (``wait4``) for that process alone.

* validate: ``main.py validate`` of the bundled deck and of 1,000 and 5,000 cards (the bundled
  cards copied with new ids, :mod:`scaled_deck`), CPU seconds and peak memory, against reading
  the same YAML files with PyYAML's safe loader in a fresh process; budgets: the bundled deck
  <= 0.5 s, 1,000 cards <= 1.5 s, 5,000 cards at most 6 times 1,000, <= 150 MB at 5,000. Each
  deck's first run (``_first_``) lays out every card and keeps its findings in a new cache
  folder; the median is of the runs after it, which read them, as an author's checks after a
  change do;
* start-up: CPU of process start to the first drawn title screen
  (``play --headless --exit-after-first-frame``), against ``import pygame; pygame.init()``;
  budget: <= 0.2 s. The runs share one data folder, as a player's starts do: the first one
  summarises the decks for the title and keeps the summaries, which the later ones read (the
  median is of those); the first start in a new data folder is a figure of its own;
* card redraw: a full redraw of the card scene at 1920x1080 on the dummy driver, against
  filling and blitting a 1920x1080 surface; budget: p99 <= 4 ms;
* workshop redraws: the discussion, the vote, the tie-break (the choice over the vote) and the
  outcome, with three teams and a countdown running, at 1920x1080 and 3840x2160, against
  filling a surface, blitting a full-window layer and twenty small text blocks; budget:
  p50 <= 2 ms and p99 <= 4 ms at 1080p, <= 16 ms at 2160p;
* idle CPU: a card left untouched on screen, in its own process, read from /proc; budget:
  <= 2% of one core;
* simulation: twelve-round games of the default deck per CPU second on one core, against a bare
  loop drawing the same number of random numbers; budget: >= 8,000 games/s;
* a headless game (autoplay of the default deck): peak memory, against ``import pygame;
  pygame.init()``.

The game's modules are compiled to bytecode before anything is measured, as an installed game's
are, so no figure includes compiling them.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "scenarios" / "digitaal-leiderschap"
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
       "PYTHONPATH": str(ROOT)}

#: The figures, in the order they are printed: key -> (what it is, unit, budget).
FIGURES: dict[str, tuple[str, str, str]] = {}


def figure(key: str, what: str, unit: str, budget: str = "") -> None:
    FIGURES[key] = (what, unit, budget)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run_measured(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """CPU seconds (user + system) and peak memory in MB of one process, from the kernel."""
    process = subprocess.Popen(args, cwd=ROOT, env=env or ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_of(args: list[str], runs: int, env: dict | None = None) -> tuple[float, float]:
    """The median CPU time and the largest peak memory of ``runs`` runs."""
    measured = [run_measured(args, env) for _ in range(runs)]
    return statistics.median(m[0] for m in measured), max(m[1] for m in measured)


READ_YAML = ("import sys, yaml, pathlib; [yaml.load(f.read_text(encoding='utf-8'), "
             "Loader=yaml.CSafeLoader) for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml'))]")


def bench_validate(out: dict, runs: int, work: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scaled_deck import scaled_deck

    decks = {"deck": DECK}
    for count in (1000, 5000):
        decks[str(count)] = scaled_deck(DECK, work / f"deck-{count}", count)
    for name, folder in decks.items():
        # Each deck gets a cache folder of its own: the first run lays out every card and
        # keeps what it found, the later ones (an author checking again) read it.
        env = {**ENV, "XDG_CACHE_HOME": str(work / f"cache-{name}")}
        args = [sys.executable, "main.py", "validate", str(folder)]
        first_cpu, first_peak = run_measured(args, env)
        cpu, peak = median_of(args, runs if name != "5000" else 1, env)
        base_cpu, base_peak = median_of([sys.executable, "-c", READ_YAML, str(folder)], runs)
        for key, value in ((f"validate_{name}_cpu_s", cpu),
                           (f"validate_{name}_peak_mb", max(peak, first_peak)),
                           (f"validate_{name}_first_cpu_s", first_cpu)):
            out[key] = value
            out[f"baseline_{key}"] = base_peak if key.endswith("_mb") else base_cpu
    for suffix, kind in (("", ""), ("_first", "first_")):
        key = f"validate_growth_5000_over_1000{suffix}"
        out[key] = out[f"validate_5000_{kind}cpu_s"] / out[f"validate_1000_{kind}cpu_s"]
        out[f"baseline_{key}"] = \
            out["baseline_validate_5000_cpu_s"] / out["baseline_validate_1000_cpu_s"]


figure("validate_deck_cpu_s", "validate, bundled deck, CPU", "s", "<= 0.5 s")
figure("validate_1000_cpu_s", "validate, 1,000 cards, CPU", "s", "<= 1.5 s")
figure("validate_5000_cpu_s", "validate, 5,000 cards, CPU", "s", "<= 6 x 1,000 cards")
figure("validate_growth_5000_over_1000", "validate, 5,000 cards over 1,000", "x", "<= 6")
figure("validate_deck_first_cpu_s", "validate, bundled deck, first run (nothing kept), CPU",
       "s")
figure("validate_1000_first_cpu_s", "validate, 1,000 cards, first run, CPU", "s")
figure("validate_5000_first_cpu_s", "validate, 5,000 cards, first run, CPU", "s")
figure("validate_growth_5000_over_1000_first", "validate, first runs, 5,000 cards over 1,000",
       "x", "<= 6")
figure("validate_deck_peak_mb", "validate, bundled deck, peak memory", "MB")
figure("validate_1000_peak_mb", "validate, 1,000 cards, peak memory", "MB")
figure("validate_5000_peak_mb", "validate, 5,000 cards, peak memory", "MB", "<= 150 MB")


def bench_startup(out: dict, runs: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        args = [sys.executable, "main.py", "play", "--headless", "--exit-after-first-frame",
                "--data-dir", data]
        first_cpu, _ = run_measured(args)
        cpu, peak = median_of(args, runs)
    base_cpu, base_peak = median_of([sys.executable, "-c", "import pygame; pygame.init()"], runs)
    out["start_cpu_s"], out["baseline_start_cpu_s"] = cpu, base_cpu
    out["start_first_cpu_s"], out["baseline_start_first_cpu_s"] = first_cpu, base_cpu
    out["start_peak_mb"], out["baseline_start_peak_mb"] = peak, base_peak


figure("start_cpu_s", "launch to the first title frame, CPU", "s", "<= 0.2 s")
figure("start_first_cpu_s", "launch to the first title frame in a new data folder, CPU", "s")
figure("start_peak_mb", "launch to the first title frame, peak memory", "MB")


def bench_game_memory(out: dict) -> None:
    with tempfile.TemporaryDirectory() as data:
        cpu, peak = run_measured([sys.executable, "main.py", "play", str(DECK), "--headless",
                                  "--autoplay", "--seed", "7", "--data-dir", data,
                                  "--out", str(Path(data) / "out")])
    base_cpu, base_peak = run_measured([sys.executable, "-c", "import pygame; pygame.init()"])
    out["game_peak_mb"], out["baseline_game_peak_mb"] = peak, base_peak
    out["game_cpu_s"], out["baseline_game_cpu_s"] = cpu, base_cpu


figure("game_peak_mb", "headless autoplayed game, peak memory", "MB")
figure("game_cpu_s", "headless autoplayed game, CPU", "s")


def timed_renders(app, frames: int) -> list[float]:
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        app.render()
        times.append((time.perf_counter() - start) * 1000)
    return times


def bare_frames(size: tuple[int, int], frames: int, blocks: int = 0) -> list[float]:
    """Filling a surface and blitting a full-window layer (and ``blocks`` small ones)."""
    import pygame

    surface, layer = pygame.Surface(size), pygame.Surface(size)
    small = pygame.Surface((size[0] // 8, size[1] // 24), pygame.SRCALPHA)
    small.fill((200, 200, 200, 255))
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        surface.fill((20, 30, 50))
        surface.blit(layer, (0, 0))
        for i in range(blocks):
            surface.blit(small, (i * 37 % size[0], i * 53 % size[1]))
        times.append((time.perf_counter() - start) * 1000)
    return times


def bench_redraw(out: dict, frames: int) -> None:
    import pygame

    from game.ui.app import App
    from game.ui.play_options import PlayOptions

    pygame.display.init()
    pygame.font.init()
    size = (1920, 1080)
    with tempfile.TemporaryDirectory() as data:
        app = App(PlayOptions(deck=DECK, scenarios_dir=ROOT / "scenarios", data_dir=Path(data),
                              size=size, seed=1), surface=pygame.Surface(size))
        assert type(app.scene).__name__ == "CardScene", type(app.scene).__name__
        app.render()
        card = timed_renders(app, frames)
        app.close()
    bare = bare_frames(size, frames)
    out["card_1080_p50_ms"], out["card_1080_p99_ms"] = statistics.median(card), \
        percentile(card, 99)
    out["baseline_card_1080_p50_ms"], out["baseline_card_1080_p99_ms"] = \
        statistics.median(bare), percentile(bare, 99)


figure("card_1080_p50_ms", "card scene redraw at 1920x1080, median", "ms")
figure("card_1080_p99_ms", "card scene redraw at 1920x1080, p99", "ms", "<= 4 ms")

WORKSHOP_SCREENS = ("discuss", "vote", "tiebreak", "outcome")
HEIGHTS = {1080: (1920, 1080), 2160: (3840, 2160)}


def _screen_of(shot_name: str) -> str | None:
    if shot_name == "choose":
        return "tiebreak"
    if shot_name.startswith("ws-card-") and shot_name.endswith("-discuss"):
        return "discuss"
    if shot_name.startswith("ws-card-") and "-vote-" in shot_name:
        return "vote"
    if shot_name.startswith("ws-outcome-"):
        return "outcome"
    return None


def bench_workshop(out: dict, frames: int) -> None:
    """Play a workshop of three teams with a countdown as autoplay does, and time the redraw
    of each screen the first time it is shown and at rest."""
    import pygame

    from game.ui.app import App
    from game.ui.autoplay import AutoplayDriver
    from game.ui.play_options import PlayOptions

    pygame.display.init()
    pygame.font.init()
    for height, size in HEIGHTS.items():
        found: dict[str, list[float]] = {}
        with tempfile.TemporaryDirectory() as data:
            app = App(PlayOptions(deck=DECK, scenarios_dir=ROOT / "scenarios",
                                  data_dir=Path(data), size=size, seed=7, mode="workshop",
                                  teams=3, timer=10, autoplay=True, headless=True),
                      surface=pygame.Surface(size))
            driver = AutoplayDriver(app, exit_at_end=False)
            for _ in range(5000):
                if len(found) == len(WORKSHOP_SCREENS) or not app.running:
                    break
                app.render()
                screen = _screen_of(app.scene.shot_name)
                if screen is not None and screen not in found and not app.scene.animating:
                    found[screen] = timed_renders(app, frames)
                driver.after_frame()
                for event in pygame.event.get():
                    app.handle(event)
                app.update(0.5)
            app.close()
        bare = bare_frames(size, frames, blocks=20)
        for screen in WORKSHOP_SCREENS:
            times = found.get(screen)
            if times is None:
                continue
            key = f"workshop_{screen}_{height}"
            out[f"{key}_p50_ms"], out[f"{key}_p99_ms"] = statistics.median(times), \
                percentile(times, 99)
            out[f"baseline_{key}_p50_ms"], out[f"baseline_{key}_p99_ms"] = \
                statistics.median(bare), percentile(bare, 99)


for _height in HEIGHTS:
    for _screen in WORKSHOP_SCREENS:
        figure(f"workshop_{_screen}_{_height}_p50_ms",
               f"workshop {_screen} redraw at {HEIGHTS[_height][0]}x{_height}, median", "ms",
               "<= 2 ms" if _height == 1080 else "<= 16 ms")
        figure(f"workshop_{_screen}_{_height}_p99_ms",
               f"workshop {_screen} redraw at {HEIGHTS[_height][0]}x{_height}, p99", "ms",
               "<= 4 ms" if _height == 1080 else "<= 16 ms")


RESTING_SLICE = 0.05  # the table's own resting wake-up interval (game/ui/app.py)
WAKING = ("import os, time; os.environ['SDL_VIDEODRIVER'] = 'dummy'; import pygame; "
          "pygame.display.init(); pygame.display.set_mode((640, 360))\n"
          "while not any(e.type == pygame.QUIT for e in pygame.event.get()):\n"
          "    time.sleep({slice})")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(args: list[str], settle: float, window: float) -> tuple[float, int]:
    """CPU use in percent of one core over ``window``, and the exit status after SIGTERM."""
    process = subprocess.Popen(args, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        before = cpu_seconds(process.pid)
        time.sleep(window)
        used = cpu_seconds(process.pid) - before
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=10)
    return used / window * 100, code


def bench_idle(out: dict, window: float) -> None:
    if not Path("/proc/self/stat").exists():
        return
    with tempfile.TemporaryDirectory() as data:
        game, code = idle_cpu([sys.executable, "main.py", "play", str(DECK), "--headless",
                               "--seed", "1", "--data-dir", data], 3.0, window)
    # What waking as often as the game does costs on this machine, with nothing else to do.
    waking, _ = idle_cpu([sys.executable, "-c", WAKING.format(slice=RESTING_SLICE)], 1.0, window)
    out["idle_cpu_pct"], out["baseline_idle_cpu_pct"] = game, waking
    out["idle_sigterm_exit_status"] = code


figure("idle_cpu_pct", "idle CPU with a card on screen", "% of a core", "<= 2%")


def bench_simulation(out: dict, games: int, repeats: int) -> None:
    import random

    from game.authoring.loader import load_deck
    from game.balance.simulate import play_games

    deck = load_deck(DECK).deck
    cards = list(deck.cards.values())
    per_game, bare = [], []
    for _ in range(repeats):
        start = time.process_time()
        play_games(deck, 1, 0, games, "random")
        per_game.append((time.process_time() - start) / games)
        # The bare game: twelve rounds of drawing a card and adding to three meters.
        rng = random.Random(1)
        start = time.process_time()
        for _ in range(games):
            meters = [50, 50, 50]
            for _ in range(12):
                card = cards[rng.randrange(len(cards))]
                meters[rng.randrange(3)] += len(card.options)
        bare.append((time.process_time() - start) / games)
    out["simulate_games_per_cpu_s"] = 1 / statistics.median(per_game)
    out["baseline_simulate_games_per_cpu_s"] = 1 / statistics.median(bare)


figure("simulate_games_per_cpu_s", "simulated twelve-round games per CPU second", "games/s",
       ">= 8,000")


def as_text(out: dict) -> str:
    lines = []
    for key, (what, unit, budget) in FIGURES.items():
        if key not in out:
            continue
        base = out.get(f"baseline_{key}")
        line = f"{what}: {out[key]:,.2f} {unit}"
        if base is not None:
            line += f" (baseline {base:,.2f} {unit})"
        lines.append(line + (f" — budget {budget}" if budget else ""))
    return "\n".join(lines)


def as_table(out: dict) -> str:
    """The figures of a ``--json`` run as the README's Markdown table."""
    lines = ["| figure | measured | baseline (same run) | budget |", "| --- | --- | --- | --- |"]
    for key, (what, unit, budget) in FIGURES.items():
        if key not in out:
            continue
        base = out.get(f"baseline_{key}")
        shown = f"{base:,.2f} {unit}" if base is not None else ""
        lines.append(f"| {what} | {out[key]:,.2f} {unit} | {shown} | {budget or 'none'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a first look")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--table", type=Path, metavar="JSON",
                        help="print the figures saved by a --json run as a Markdown table")
    args = parser.parse_args()
    if args.table is not None:
        print(as_table(json.loads(args.table.read_text(encoding="utf-8"))))
        return
    quick = args.quick
    # pygame greets on stdout when imported, which would spoil the JSON
    os.environ.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                       "PYGAME_HIDE_SUPPORT_PROMPT": "1"})
    sys.path.insert(0, str(ROOT))
    out: dict = {"machine": f"{os.cpu_count()} cores", "load_average_1min": os.getloadavg()[0]}
    subprocess.run([sys.executable, "-m", "compileall", "-q", "game", "main.py"], cwd=ROOT,
                   env=ENV, stdout=subprocess.DEVNULL, check=False)
    with tempfile.TemporaryDirectory() as work:
        bench_validate(out, 1 if quick else 3, Path(work))
    bench_startup(out, 3 if quick else 11)
    bench_game_memory(out)
    bench_redraw(out, 200 if quick else 2000)
    bench_workshop(out, 60 if quick else 300)
    bench_idle(out, 3.0 if quick else 10.0)
    bench_simulation(out, 2000 if quick else 5000, 3 if quick else 7)
    out["load_average_1min_after"] = os.getloadavg()[0]
    print(json.dumps(out, indent=2) if args.json else as_text(out))


if __name__ == "__main__":
    main()

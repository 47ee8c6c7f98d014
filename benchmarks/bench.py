"""Measure the game against its speed budgets and print the figures.

    python3 benchmarks/bench.py [--quick]

Each figure comes with a bare baseline measured in the same run, so a slow machine shows as a
slow baseline rather than as a broken budget:

* start-up: process start to the first drawn title screen (``play --exit-after-first-frame``),
  against ``import pygame; pygame.init()`` in a fresh process; budget: median <= 0.5 s;
* card redraw: a full redraw of the card scene at 1920x1080 on the dummy driver, against
  filling and blitting a 1920x1080 surface; budget: p99 <= 4 ms;
* idle CPU: a card left untouched on screen, in its own process, read from /proc; budget:
  <= 2% of one core;
* simulation: twelve-round games of the default deck per second on one core, against a bare
  loop drawing the same number of random numbers; budget: >= 5,000 games/s; and 100,000 games
  with ``main.py simulate`` on every core, wall time; budget: < 15 s.
"""

from __future__ import annotations

import argparse
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
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def report(name: str, unit: str, values: list[float], baseline: list[float], budget: str) -> None:
    med, p99 = statistics.median(values), percentile(values, 99)
    base_med, base_p99 = statistics.median(baseline), percentile(baseline, 99)
    print(f"{name}: median {med:.2f} {unit}, p99 {p99:.2f} {unit} "
          f"(baseline median {base_med:.2f} {unit}, p99 {base_p99:.2f} {unit}; "
          f"ratio {med / base_med:.1f}x median, {p99 / base_p99:.1f}x p99) — budget {budget}")


def timed_process(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def bench_startup(runs: int) -> None:
    with tempfile.TemporaryDirectory() as data:
        game = timed_process([sys.executable, "main.py", "play", "--headless",
                              "--exit-after-first-frame", "--data-dir", data], runs)
    bare = timed_process([sys.executable, "-c", "import pygame; pygame.init()"], runs)
    report("start to first title frame", "s", game, bare, "median <= 0.5 s")


def bench_redraw(frames: int) -> None:
    import pygame

    from game.ui.play_options import PlayOptions
    from game.ui.app import App

    pygame.display.init()
    pygame.font.init()
    size = (1920, 1080)
    with tempfile.TemporaryDirectory() as data:
        app = App(PlayOptions(deck=DECK, scenarios_dir=ROOT / "scenarios", data_dir=Path(data),
                              size=size, seed=1), surface=pygame.Surface(size))
        assert type(app.scene).__name__ == "CardScene", type(app.scene).__name__
        app.render()
        card, cold = [], []
        for _ in range(frames):
            start = time.perf_counter()
            app.render()
            card.append((time.perf_counter() - start) * 1000)
        for _ in range(max(20, frames // 10)):
            start = time.perf_counter()
            app.scene.layout_changed()  # what a resize does: layout and every layer anew
            app.render()
            cold.append((time.perf_counter() - start) * 1000)
        app.close()
    surface, layer = pygame.Surface(size), pygame.Surface(size)
    bare = []
    for _ in range(frames):
        start = time.perf_counter()
        surface.fill((20, 30, 50))
        surface.blit(layer, (0, 0))
        bare.append((time.perf_counter() - start) * 1000)
    report("card scene full redraw at 1920x1080", "ms", card, bare, "p99 <= 4 ms")
    report("card scene relaid out and redrawn at 1920x1080 (text cache warm)", "ms", cold, bare,
           "none; shown for comparison")


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


def bench_idle(window: float) -> None:
    if not Path("/proc/self/stat").exists():
        print("idle CPU: skipped (needs /proc)")
        return
    with tempfile.TemporaryDirectory() as data:
        game, code = idle_cpu([sys.executable, "main.py", "play", str(DECK), "--headless",
                               "--seed", "1", "--data-dir", data], 3.0, window)
    bare, _ = idle_cpu([sys.executable, "-c", "import time; time.sleep(600)"], 1.0, window)
    # What waking as often as the game does costs on this machine, with nothing else to do.
    waking, _ = idle_cpu([sys.executable, "-c", WAKING.format(slice=RESTING_SLICE)], 1.0, window)
    ending = "ended cleanly on SIGTERM" if code == 0 else f"exit status {code} on SIGTERM"
    print(f"idle CPU with a card on screen: {game:.2f}% of one core over {window:.0f} s "
          f"(baselines: a sleeping process {bare:.2f}%, a bare pygame loop waking every "
          f"{RESTING_SLICE * 1000:.0f} ms {waking:.2f}%); {ending} — budget <= 2%")


def bench_simulation(games: int, repeats: int) -> None:
    import random

    from game.authoring.loader import load_deck
    from game.balance.simulate import play_games

    deck = load_deck(DECK).deck
    cards = list(deck.cards.values())
    per_game, bare = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        play_games(deck, 1, 0, games, "random")
        per_game.append((time.perf_counter() - start) / games * 1e6)
        # The bare game: twelve rounds of drawing a card and adding to three meters.
        rng = random.Random(1)
        start = time.perf_counter()
        for _ in range(games):
            meters = [50, 50, 50]
            for _ in range(12):
                card = cards[rng.randrange(len(cards))]
                meters[rng.randrange(3)] += len(card.options)
        bare.append((time.perf_counter() - start) / games * 1e6)
    report("simulated twelve-round game, one core", "µs", per_game, bare,
           "median <= 200 µs, i.e. >= 5,000 games/s")
    print(f"  = {1e6 / statistics.median(per_game):,.0f} games per second on one core")
    start = time.perf_counter()
    subprocess.run([sys.executable, "main.py", "simulate", str(DECK), "--games", "100000",
                    "--json"], cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)
    print(f"100,000 games with main.py simulate on {os.cpu_count()} cores: "
          f"{time.perf_counter() - start:.1f} s wall time — budget < 15 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a first look")
    quick = parser.parse_args().quick
    os.environ.update({"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    sys.path.insert(0, str(ROOT))
    bench_startup(5 if quick else 21)
    bench_redraw(200 if quick else 2000)
    bench_idle(3.0 if quick else 10.0)
    bench_simulation(2000 if quick else 5000, 3 if quick else 7)


if __name__ == "__main__":
    main()

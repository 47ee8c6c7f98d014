"""Synthesise the game's sound cues into this folder as small WAV files.

Every cue is made here from sine tones with soft attacks and decays, so the files carry no one
else's work and are released under CC0 (see LICENSE.txt beside them). Run it again after a
change: ``python3 assets/sounds/make_sounds.py``. The output is the same on every run.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
#: Peak level of every cue (of full scale): quiet, so a cue never startles a room.
PEAK = 0.35


def tone(freq: float, seconds: float, start: float = 0.0, to_freq: float | None = None,
         attack: float = 0.008, overtone: float = 0.25) -> list[tuple[float, float]]:
    """(time, sample) pairs of one note that fades out, gliding to ``to_freq`` if given."""
    out = []
    n = int(seconds * RATE)
    phase = 0.0
    for i in range(n):
        t = i / RATE
        f = freq if to_freq is None else freq + (to_freq - freq) * (i / n)
        phase += 2 * math.pi * f / RATE
        envelope = min(1.0, t / attack) * (1 - i / n) ** 2
        sample = (math.sin(phase) + overtone * math.sin(2 * phase)) / (1 + overtone)
        out.append((start + t, envelope * sample))
    return out


def mix(*notes: list[tuple[float, float]]) -> list[float]:
    length = max(t for note in notes for t, _ in note) + 0.02
    samples = [0.0] * int(length * RATE)
    for note in notes:
        for t, v in note:
            samples[min(len(samples) - 1, int(round(t * RATE)))] += v
    top = max(1e-9, max(abs(v) for v in samples))
    return [v / top * PEAK for v in samples]


CUES = {
    # a soft two-note click: the decision is taken
    "confirm": lambda: mix(tone(880, 0.07), tone(1320, 0.09, start=0.05)),
    # rising third: a meter went up
    "meter_up": lambda: mix(tone(523.25, 0.14), tone(659.25, 0.2, start=0.09)),
    # falling third: a meter went down
    "meter_down": lambda: mix(tone(659.25, 0.14), tone(523.25, 0.22, start=0.09)),
    # a low falling glide under a minor chord: a meter collapsed
    "collapse": lambda: mix(tone(220, 0.9, to_freq=147, overtone=0.5),
                            tone(261.63, 0.7, start=0.05), tone(311.13, 0.7, start=0.1)),
    # three even beeps: the discussion time is up
    "time_up": lambda: mix(tone(988, 0.12), tone(988, 0.12, start=0.2),
                           tone(988, 0.18, start=0.4)),
}


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", round(v * 32767)) for v in samples))


def main() -> None:
    folder = Path(__file__).resolve().parent
    for name, make in CUES.items():
        write(folder / f"{name}.wav", make())


if __name__ == "__main__":
    main()

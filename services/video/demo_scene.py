"""Pictures for the demo cameras: a street at a crossing as a fixed camera sees
it (sky, buildings with lit windows, a road with lane marks, cars and people
passing), drawn with numpy so set-up makes them with no download. Motion loops
seamlessly: everything crosses the frame a whole number of times per clip."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

CAR_COLOURS = [(200, 30, 30), (235, 235, 235), (30, 30, 30), (30, 70, 160), (180, 180, 190), (210, 170, 20),
               (20, 120, 60)]


def _backdrop(rng: np.random.Generator, width: int, height: int) -> np.ndarray:
    image = np.zeros((height, width, 3), np.uint8)
    horizon, road_top = int(height * 0.42), int(height * 0.62)
    dusk = rng.random() < 0.3
    top, bottom = ((40, 50, 90), (230, 140, 90)) if dusk else ((90, 140, 200), (190, 215, 235))
    for c in range(3):
        image[:horizon, :, c] = np.linspace(top[c], bottom[c], horizon, dtype=np.float32)[:, None].astype(np.uint8)
    image[horizon:road_top] = (110, 115, 120) if not dusk else (60, 55, 70)  # far street, in haze
    x = 0
    while x < width:  # a row of buildings on the horizon, windows lit at random
        w, h = int(rng.integers(40, 110)), int(rng.integers(horizon // 3, horizon - 8))
        shade = int(rng.integers(70, 150))
        image[horizon - h:road_top, x:x + w] = (shade, shade - 10, shade - 20)
        for wy in range(horizon - h + 6, road_top - 14, 12):
            for wx in range(x + 5, x + w - 8, 10):
                lit = rng.random() < (0.6 if dusk else 0.15)
                image[wy:wy + 6, wx:wx + 5] = (250, 220, 140) if lit else (shade // 2, shade // 2, shade // 2 + 20)
        x += w + int(rng.integers(2, 12))
    image[road_top - 10:road_top] = (160, 160, 150)  # pavement
    image[road_top:] = (70, 72, 75)  # road
    lanes = [road_top + (height - road_top) * k // 3 for k in (1, 2)]
    for y in lanes:
        for x0 in range(0, width, 60):
            image[y - 1:y + 2, x0:x0 + 30] = (230, 230, 210)
    return image


class _Mover:
    def __init__(self, rng: np.random.Generator, frames: int, width: int, lane_y: int, size: tuple[int, int],
                 colour, direction: int):
        self.w, self.h = size
        self.span = width + self.w
        laps = int(rng.integers(1, 3))  # whole crossings per clip: the loop is seamless
        self.step = direction * laps * self.span / frames
        self.start = float(rng.integers(0, self.span))
        self.y, self.colour = lane_y, np.array(colour, np.uint8)

    def draw(self, image: np.ndarray, n: int) -> None:
        width = image.shape[1]
        left = int((self.start + self.step * n) % self.span) - self.w
        x0, x1 = max(0, left), min(width, left + self.w)
        if x1 <= x0:
            return
        top = self.y - self.h
        image[top:self.y, x0:x1] = self.colour
        if self.w > 30:  # a car: windows and wheels
            image[top + 3:top + self.h // 2, max(x0, left + 6):min(x1, left + self.w - 6)] = (60, 80, 100)
            for wheel in (left + 8, left + self.w - 16):
                a, b = max(0, wheel), min(width, wheel + 8)
                if b > a:
                    image[self.y - 4:self.y + 2, a:b] = (15, 15, 15)


def street_frames(seconds: float, size=(640, 360), fps: int = 25, seed: int = 0) -> Iterator[np.ndarray]:
    width, height = size
    rng = np.random.default_rng(seed)
    frames = int(seconds * fps)
    backdrop = _backdrop(rng, width, height)
    road_top = int(height * 0.62)
    lanes = [road_top + (height - road_top) * k // 3 - 4 for k in (1, 2, 3)]
    movers = [_Mover(rng, frames, width, lanes[i % 3], (int(rng.integers(60, 100)), int(rng.integers(22, 30))),
                     CAR_COLOURS[int(rng.integers(len(CAR_COLOURS)))], 1 if i % 3 < 2 else -1) for i in range(5)]
    movers += [_Mover(rng, frames, width, road_top - 4, (6, 18), (int(rng.integers(40, 200)), 60, 80),
                      int(rng.choice([-1, 1]))) for _ in range(4)]
    for n in range(frames):
        image = backdrop.copy()
        for mover in movers:
            mover.draw(image, n)
        yield image

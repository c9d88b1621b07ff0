"""在线 or 弱网, from sustained measurements rather than one slow exchange: the
round trip of the platform's health check (a few hundred bytes, so it measures
the link and not the size of the work) over the last exchanges. A busy machine
at start-up or one slow answer does not paint the status bar amber."""

from __future__ import annotations

from collections import deque

WEAK_ROUND_TRIP_S = 1.5  # a health round trip slower than this counts against the link
WINDOW = 5  # exchanges looked at: 弱网 when most of them were slow
MIN_SAMPLES = 3  # no verdict of 弱网 before this many


class LinkQuality:
    def __init__(self, window: int = WINDOW, threshold_s: float = WEAK_ROUND_TRIP_S,
                 min_samples: int = MIN_SAMPLES):
        self.threshold_s = threshold_s
        self.min_samples = min_samples
        self._samples: deque[float] = deque(maxlen=window)
        self._endpoint = ""

    def measured(self, endpoint: str, round_trip_s: float) -> None:
        if endpoint != self._endpoint:  # another platform: another link
            self._samples.clear()
            self._endpoint = endpoint
        self._samples.append(round_trip_s)

    @property
    def weak(self) -> bool:
        slow = sum(1 for s in self._samples if s > self.threshold_s)
        return len(self._samples) >= self.min_samples and slow * 2 > len(self._samples)

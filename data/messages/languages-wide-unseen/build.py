#!/usr/bin/env python3
"""Builds eval.jsonl of the languages-wide-unseen set: 280 hand-written Arabic, Chinese, Russian
and Swahili messages (scam and genuine) with their gold labels and entities. Held out: read in
aggregate only. Python 3 stdlib, no network, deterministic:
python3 data/messages/languages-wide-unseen/build.py"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from langset import build_parts  # noqa: E402
EXPECT = {"ar": {"EG": 20, "SA": 18, "AE": 16, "MA": 16},
          "zh": {"CN": 30, "TW": 20, "HK": 20},
          "ru": {"RU": 40, "KZ": 30},
          "sw": {"KE": 40, "TZ": 30}}
if __name__ == "__main__":
    build_parts("languages-wide-unseen", HERE, EXPECT)

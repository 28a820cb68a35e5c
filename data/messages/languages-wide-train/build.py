#!/usr/bin/env python3
"""Builds eval.jsonl of the languages-wide-train set: 320 hand-written Arabic, Chinese, Russian
and Swahili messages (scam and genuine) with their gold labels and entities. For error analysis. Python 3 stdlib, no network, deterministic:
python3 data/messages/languages-wide-train/build.py"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from langset import build_parts  # noqa: E402
EXPECT = {"ar": {"EG": 22, "SA": 20, "AE": 20, "MA": 18},
          "zh": {"CN": 34, "TW": 24, "HK": 22},
          "ru": {"RU": 46, "KZ": 34},
          "sw": {"KE": 46, "TZ": 34}}
if __name__ == "__main__":
    build_parts("languages-wide-train", HERE, EXPECT)

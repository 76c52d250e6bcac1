#!/usr/bin/env python3
"""Sets Noto Sans's line metrics to 1.2 em (ascent 950, descent 250, no gap).

Noto Sans ships with 1.362 em lines (ascent 1069, descent 293): roomy for
print, but at 200 % text every row of the app grew by a sixth, and short
windows ran out of room. 1.2 em is the usual UI line (egui's own model);
every Latin glyph still fits (É reaches 944, g/j/y go down to 240).
Only the metrics change, not one glyph, so the PDF, which places its own
lines, prints the same. Needs fonttools (`pip install fonttools`).
Run once from anywhere: python3 assets/fonts/tighten-noto.py
"""
from pathlib import Path

from fontTools.ttLib import TTFont

ASCENT, DESCENT = 950, 250
here = Path(__file__).resolve().parent
for name in ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"]:
    path = here / name
    font = TTFont(path)
    hhea, os2 = font["hhea"], font["OS/2"]
    hhea.ascent, hhea.descent, hhea.lineGap = ASCENT, -DESCENT, 0
    os2.sTypoAscender, os2.sTypoDescender, os2.sTypoLineGap = ASCENT, -DESCENT, 0
    os2.usWinAscent, os2.usWinDescent = ASCENT, DESCENT
    font.save(path)
    print(f"{name}: lines of {(ASCENT + DESCENT) / 1000} em")

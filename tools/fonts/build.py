#!/usr/bin/python3
"""Build the supplement fonts of Frontline Atlas (app/fonts/*.ttf) from Debian's Noto fonts.

Fyne draws text with its bundled Noto Sans (DejaVu Sans Mono for monospace) and falls back to
the system's fonts for what they lack. Without system fonts (Wine, a bare kiosk image) such
runes are drawn as U+FFFD. The supplements hold exactly the runes the app's strings need and
Fyne's fonts lack, one font per text style; app/themefont.go puts each first in Fyne's font
chain. Every other rune is still drawn by Fyne's own fonts. Fyne takes line metrics from the
font of the space, and go-text keeps a space in the run of the text before it, so each
supplement has a space and the units per em and vertical metrics of the Fyne font of its style
(copied, not guessed): text measures and lays out exactly as before.

    build.py --needed app/fonts/needed.txt --src DIR --fyne FYNEFONTS --out app/fonts

needed.txt (written by `go test ./app -run TestEmbeddedFontsCoverEveryString -args
-fonts.needed FILE`) has one line per style: the style name, then U+XXXX codes. DIR is where
the Debian packages fonts-noto-core and fonts-noto-cjk are unpacked (`dpkg -x`), so that
usr/share/fonts/... is under it; FYNEFONTS is fyne.io/fyne/v2's theme/font folder in the
module cache. `make fonts` does all of this. The output is the same bytes
for the same input (no timestamps).

Each rune comes from the first source that has it, in the order of SOURCES, in the weight of
the style (Regular for italic and monospace where a source has no such style): Noto Sans
(U+2212 MINUS SIGN, which Noto Sans 2.004 lacks, is drawn as the bar of its own plus sign, as
later Noto Sans versions do), Noto Sans Georgian, Noto Sans CJK SC (Han, Hangul, kana;
converted from cubic to quadratic curves), Noto Sans Math, Noto Sans Symbols 2. All are under
the SIL Open Font License 1.1; see docs/credits.md.
"""

import argparse
import os
import sys

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

NOTO = "usr/share/fonts/truetype/noto/"
CJK = "usr/share/fonts/opentype/noto/"

# Sources per weight: (label, file, collection font name or None).
SOURCES = {
    "Regular": [
        ("Noto Sans", NOTO + "NotoSans-Regular.ttf", None),
        ("Noto Sans Georgian", NOTO + "NotoSansGeorgian-Regular.ttf", None),
        ("Noto Sans CJK SC", CJK + "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
        ("Noto Sans Math", NOTO + "NotoSansMath-Regular.ttf", None),
        ("Noto Sans Symbols 2", NOTO + "NotoSansSymbols2-Regular.ttf", None),
    ],
    "Bold": [
        ("Noto Sans", NOTO + "NotoSans-Bold.ttf", None),
        ("Noto Sans Georgian", NOTO + "NotoSansGeorgian-Bold.ttf", None),
        ("Noto Sans CJK SC", CJK + "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC Bold"),
        ("Noto Sans Math", NOTO + "NotoSansMath-Regular.ttf", None),
        ("Noto Sans Symbols 2", NOTO + "NotoSansSymbols2-Regular.ttf", None),
    ],
    "Italic": [
        ("Noto Sans", NOTO + "NotoSans-Italic.ttf", None),
        ("Noto Sans Georgian", NOTO + "NotoSansGeorgian-Regular.ttf", None),
        ("Noto Sans CJK SC", CJK + "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
        ("Noto Sans Math", NOTO + "NotoSansMath-Regular.ttf", None),
        ("Noto Sans Symbols 2", NOTO + "NotoSansSymbols2-Regular.ttf", None),
    ],
}

# style name in needed.txt → (output file, weight of the sources, style name in the font,
# the Fyne font that follows the supplement in Fyne's chain, whose metrics it copies)
STYLES = {
    "regular": ("supplement-regular.ttf", "Regular", "Regular", "NotoSans-Regular.ttf"),
    "bold": ("supplement-bold.ttf", "Bold", "Bold", "NotoSans-Bold.ttf"),
    "italic": ("supplement-italic.ttf", "Italic", "Italic", "NotoSans-Italic.ttf"),
    "monospace": ("supplement-mono.ttf", "Regular", "Mono", "DejaVuSansMono-Powerline.ttf"),
}

FAMILY = "Frontline Atlas Supplement"
SRC_UPM = 1000  # every source
SPACE, MINUS, PLUS = 0x20, 0x2212, ord("+")
TIMESTAMP = 0x7C259DC0  # 2024-01-01 in seconds since 1904: fixed, so builds are reproducible
LICENSE = ("This Font Software is licensed under the SIL Open Font License, Version 1.1. "
           "It is a subset of Noto fonts (Noto Sans, Noto Sans Georgian, Noto Sans CJK SC, "
           "Noto Sans Math, Noto Sans Symbols 2) made for Frontline Atlas; see docs/credits.md.")
LICENSE_URL = "https://openfontlicense.org"


def open_font(path, name):
    if name is None:
        return TTFont(path, lazy=True)
    for f in TTCollection(path, lazy=True).fonts:
        if f["name"].getDebugName(4) == name:
            return f
    sys.exit("%s: no font named %r in the collection" % (path, name))


class Source:
    def __init__(self, label, path, name):
        self.label, self.font = label, open_font(path, name)
        if self.font["head"].unitsPerEm != SRC_UPM:
            sys.exit("%s: %d units per em, want %d" % (path, self.font["head"].unitsPerEm, SRC_UPM))
        self.cmap = self.font.getBestCmap()
        self.glyphs = self.font.getGlyphSet()
        self.cubic = "CFF " in self.font
        self.copyright = self.font["name"].getDebugName(0)

    def glyph(self, r, scale):
        """The glyph for rune r as (TrueType glyph, advance), scaled, or None."""
        if r == MINUS and r not in self.cmap and PLUS in self.cmap:
            rec, width = self.minus_from_plus()
        elif r in self.cmap:
            g = self.glyphs[self.cmap[r]]
            rec, width = RecordingPen(), g.width
            g.draw(rec)
        else:
            return None
        pen = TTGlyphPen(None)
        out = Cu2QuPen(pen, max_err=1.0, reverse_direction=True) if self.cubic else pen
        if scale != 1:
            out = TransformPen(out, (scale, 0, 0, scale, 0, 0))
        rec.replay(out)
        return pen.glyph(), round(width * scale)

    def minus_from_plus(self):
        """U+2212 as the horizontal bar of the font's plus sign, with the plus's advance, as a
        recording and an advance."""
        g = self.glyphs[self.cmap[PLUS]]
        rec = RecordingPen()
        g.draw(rec)
        pts = [p for _, args in rec.value for p in args]
        x0, x1 = min(x for x, _ in pts), max(x for x, _ in pts)
        ys = sorted(y for x, y in pts if x == x0)
        if len(ys) != 2:
            sys.exit("%s: the plus sign is not a simple cross; cannot derive the minus" % self.label)
        y0, y1 = ys
        pen = RecordingPen()
        pen.moveTo((x0, y0))  # clockwise, as TrueType outer contours are
        pen.lineTo((x0, y1))
        pen.lineTo((x1, y1))
        pen.lineTo((x1, y0))
        pen.closePath()
        return pen, g.width


def read_needed(path):
    needed = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split("#", 1)[0].split()
            if fields:
                needed[fields[0]] = sorted(int(u[2:], 16) for u in fields[1:])
    return needed


def build(style, runes, src_dir, fyne_dir, out_dir):
    out_name, weight, style_name, fyne_name = STYLES[style]
    sources = [Source(label, os.path.join(src_dir, path), name) for label, path, name in SOURCES[weight]]
    fyne = TTFont(os.path.join(fyne_dir, fyne_name))
    upm = fyne["head"].unitsPerEm
    scale = upm / SRC_UPM
    order, cmap, glyf, hmtx, used = [".notdef", "space"], {SPACE: "space"}, {}, {}, []
    pen = TTGlyphPen(None)  # .notdef: an empty box
    for c in [((50, 0), (50, 700), (450, 700), (450, 0)), ((100, 50), (400, 50), (400, 650), (100, 650))]:
        pen.moveTo(tuple(round(v * scale) for v in c[0]))
        for p in c[1:]:
            pen.lineTo(tuple(round(v * scale) for v in p))
        pen.closePath()
    glyf[".notdef"], hmtx[".notdef"] = pen.glyph(), (round(500 * scale), round(50 * scale))
    # The space of the Fyne font: go-text shapes a space after a supplement rune with the
    # supplement, and Fyne measures lines (and monospace tabs) with the font of the space.
    glyf["space"], hmtx["space"] = TTGlyphPen(None).glyph(), (fyne["hmtx"][fyne.getBestCmap()[SPACE]][0], 0)
    for r in runes:
        if r == SPACE:
            continue
        for s in sources:
            got = s.glyph(r, scale)
            if got is not None:
                break
        else:
            sys.exit("%s: U+%04X is in none of the sources (%s)" % (style, r, ", ".join(s.label for s in sources)))
        name = "uni%04X" % r if r <= 0xFFFF else "u%05X" % r
        g, adv = got
        g.recalcBounds(glyf)
        order.append(name)
        cmap[r], glyf[name] = name, g
        hmtx[name] = (adv, getattr(g, "xMin", 0))
        if s.label not in used:
            used.append(s.label)
    fb = FontBuilder(upm, isTTF=True)
    fb.font.recalcTimestamp = False
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf(glyf)
    fb.setupHorizontalMetrics(hmtx)
    hh, os2 = fyne["hhea"], fyne["OS/2"]
    fb.setupHorizontalHeader(ascent=hh.ascent, descent=hh.descent, lineGap=hh.lineGap)
    notices = sorted({s.copyright for s in sources if s.label in used})
    fb.setupNameTable({
        "copyright": " ".join(notices),
        "familyName": FAMILY,
        "styleName": style_name,
        "uniqueFontIdentifier": "%s %s" % (FAMILY, style_name),
        "fullName": "%s %s" % (FAMILY, style_name),
        "psName": "%s-%s" % (FAMILY.replace(" ", ""), style_name),
        "version": "Version 1.000",
        "description": "Glyphs for Frontline Atlas from: " + ", ".join(used),
        "licenseDescription": LICENSE,
        "licenseInfoURL": LICENSE_URL,
    })
    fb.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                sTypoLineGap=os2.sTypoLineGap, usWinAscent=os2.usWinAscent,
                usWinDescent=os2.usWinDescent, fsType=0, usWeightClass=os2.usWeightClass,
                fsSelection=os2.fsSelection, version=4,
                sxHeight=getattr(os2, "sxHeight", 0), sCapHeight=getattr(os2, "sCapHeight", 0))
    fb.setupPost(isFixedPitch=0)
    fb.setupHead(unitsPerEm=upm, created=TIMESTAMP, modified=TIMESTAMP,
                 macStyle=fyne["head"].macStyle)
    fb.setupMaxp()
    path = os.path.join(out_dir, out_name)
    fb.save(path)
    print("%s: %d glyphs from %s (%d bytes)" % (path, len(runes), ", ".join(used), os.path.getsize(path)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--needed", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--fyne", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    needed = read_needed(a.needed)
    for style in STYLES:
        if style not in needed:
            sys.exit("%s: no line for the %s style" % (a.needed, style))
        build(style, needed[style], a.src, a.fyne, a.out)


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Regenerates the web fonts (src/web/assets/*.woff2) from the TTF files shipped for the PDF (fonts/),
# then writes each file's version into app.css's @font-face urls.
#
#   scripts/web-fonts.sh            needs Python 3 with fontTools and brotli
#                                   (Debian: apt-get install python3-fonttools python3-brotli)
#
# The subsets cover English, French and Spanish (see fonts/README.md). The output is byte for byte
# the same from one run to the next, so the versions only change when the fonts or the subset do.
# app.css refers to each font as url(<file>.woff2?v=<version>), relative to the stylesheet (so the
# static site can copy the folder as it is); the version is the one assets.ts computes (the first
# 12 hex digits of the file's SHA-256), so the font is served with the same year-long cache as the
# stylesheet, and the page's <link rel="preload"> (assetUrl) asks for the very same URL.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=""
for candidate in ${PYTHON_FOR_FONTS:-} python3 /usr/bin/python3; do
  if "$candidate" -c "import fontTools.subset, brotli" 2>/dev/null; then PYTHON=$candidate; break; fi
done
if [ -z "$PYTHON" ]; then
  echo "web-fonts.sh needs Python 3 with fontTools and brotli: apt-get install python3-fonttools python3-brotli" >&2
  exit 1
fi

# Basic Latin, Latin-1 Supplement (« » ¿ ¡ é ç ñ…), Latin Extended-A (œ Œ ā č ł…), the spacing
# accents, the spaces (thin, no-break, narrow no-break U+202F for French), dashes, typographic
# quotes, bullet, ellipsis, per mille, primes, single guillemets, fraction slash, €, №, ™, minus.
UNICODES="U+0020-007E,U+00A0-017F,U+0192,U+02C6-02C7,U+02D8-02DD,U+2002-200B,U+2010-2027,U+202F,U+2030,U+2032-2033,U+2039-203A,U+2044,U+205F,U+20AC,U+2116,U+2122,U+2212,U+2215,U+FEFF,U+FFFD"
# Kerning, ligatures, and the marks that place accents; no old-style figures or small capitals.
FEATURES="kern,liga,locl,mark,mkmk,ccmp"

# source TTF → web font; the semibold face also serves bold (font-weight: 600 700 in app.css).
FONTS=(
  "SourceSerif4_400Regular:source-serif-4-400"
  "SourceSerif4_400Regular_Italic:source-serif-4-400-italic"
  "SourceSerif4_600SemiBold:source-serif-4-600"
  "SourceSans3_400Regular:source-sans-3-400"
  "SourceSans3_400Regular_Italic:source-sans-3-400-italic"
  "SourceSans3_600SemiBold:source-sans-3-600"
)

CSS=src/web/assets/app.css
for pair in "${FONTS[@]}"; do
  source=${pair%%:*}
  target=${pair##*:}
  out="src/web/assets/$target.woff2"
  "$PYTHON" -m fontTools.subset "fonts/$source.ttf" --unicodes="$UNICODES" --layout-features="$FEATURES" \
    --flavor=woff2 --no-hinting --desubroutinize --output-file="$out"
  version=$(sha256sum "$out" | cut -c1-12)
  # url(<target>.woff2) or url(<target>.woff2?v=<old>) → url(<target>.woff2?v=<version>)
  sed -i -E "s/url\\($target\\.woff2(\\?v=[0-9a-f]*)?\\)/url($target.woff2?v=$version)/g" "$CSS"
  printf '%-32s %6d bytes  v=%s\n' "$target.woff2" "$(stat -c %s "$out")" "$version"
done

#!/usr/bin/env bash
# Opens the HTML reports in a real browser: headless Chromium (Debian's package, installed when
# missing) renders the sample article's `explain` report and one `eval` page, and the script checks
# that each screenshot is not blank and that the browser logged no script error or policy
# violation. Usage: scripts/report-browser-check.sh [OUT_DIR]  (default: a temporary folder; pass
# docs/ to refresh the README's pictures).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v chromium >/dev/null; then
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

dotnet build src/Cleaner.Cli -c Release -v q -nologo >/dev/null
cli=src/Cleaner.Cli/bin/Release/net10.0/Cleaner.Cli

"$cli" explain corpus/samples/china-topix-xi-cyberattacks.txt --format html > "$work/explain.html"
mkdir -p "$work/gold" "$work/pred"
# One page of gold text (the sample's body without its headline, as the dev sets' gold has it) and
# the naive scrape of it, cleaned with the title kept and without the social filter: the eval page
# shows the headline and "Like Us on Facebook" marked as extra.
grep -v -e '^$' -e '^China is Ready' -e '^CHINA TOPIX' -e '^04/25/2024' -e '^Make CT' -e '^President Xi United States$' \
  -e '^(Photo' -e '^Like Us on' -e '^Real Time' corpus/samples/china-topix-xi-cyberattacks.txt > "$work/gold/sample.txt"
cp corpus/samples/china-topix-xi-cyberattacks.txt "$work/sample.txt"
mkdir -p "$work/input" && cp "$work/sample.txt" "$work/input/sample.txt"
"$cli" eval --without social --gold "$work/gold" --input "$work/input" --report "$work/eval" --worst 0 >/dev/null 2>&1

shoot() { # html file, png
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$RANDOM" --hide-scrollbars --window-size=1100,1300 \
    --enable-logging=stderr --v=0 --virtual-time-budget=3000 \
    --screenshot="$2" "file://$1" 2> "$2.log" >/dev/null || true
  if grep -E "Uncaught|Content Security Policy|CONSOLE|SyntaxError" "$2.log"; then
    echo "report-check: the browser reported errors for $1"; exit 1
  fi
  python3 - "$2" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw, stride = zlib.decompress(idat), width * channels
rows, prev, colours, inked = [], bytearray(stride), set(), 0
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - channels] if x >= channels else 0
        b, c = prev[x], prev[x - channels] if x >= channels else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, channels * 4):
        px = bytes(line[x:x + 3]); colours.add(px)
        if sum(px) < 600: inked += 1
    prev = line
share = inked / (height * width / 4)
print(f"report-check: {path}: {width}x{height}, {len(colours)} colours, {share:.1%} inked")
sys.exit(0 if len(colours) >= 8 and share > 0.01 else f"report-check: {path} looks blank")
PY
}

shoot "$work/explain.html" "$out/explain-report.png"
page=$(ls "$work/eval/pages"/*.html | head -1)
shoot "$page" "$out/eval-page.png"
echo "report-check: both reports render in Chromium without errors ($out)"

"""png_check.py PNG WIDTH HEIGHT MIN_INK [COLOUR]: a screenshot that rendered.

Exit 0 when the image is WIDTH x HEIGHT, at least MIN_INK (a fraction) of its
pixels are not white, and, given a COLOUR (#rrggbb), some pixels are that
colour (a chart's bar drawn); else print why and exit 1.
"""
import sys

from PIL import Image

path, width, height, min_ink = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
image = Image.open(path).convert("RGB")
problems = []
if image.size != (width, height):
    problems.append(f"size {image.size[0]}x{image.size[1]}, expected {width}x{height}")
colours = image.getcolors(maxcolors=1 << 24)
total = image.size[0] * image.size[1]
ink = sum(n for n, c in colours if c != (255, 255, 255)) / total
if ink < min_ink:
    problems.append(f"blank: {ink:.4f} of the pixels are not white, expected {min_ink} or more")
if len(sys.argv) > 5:
    want = tuple(int(sys.argv[5][i:i + 2], 16) for i in (1, 3, 5))
    if not any(c == want for n, c in colours):
        problems.append(f"no pixel of colour {sys.argv[5]}")
print(f"{path}: {image.size[0]}x{image.size[1]}, {ink:.3f} ink, {len(colours)} colours"
      + "".join("; " + p for p in problems))
sys.exit(1 if problems else 0)

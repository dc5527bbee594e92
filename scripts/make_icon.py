"""Draw the application icon: resources/icons/counter_app.ico (16–256 px) and counter_app.png.

    .venv/bin/python scripts/make_icon.py

A blue rounded square with a white sheet of paper and a check mark: a dossier received. Each size
is drawn at its own pixel size (not scaled down from a large one), with line widths rounded to
whole pixels, so the 16 px icon of a taskbar or a file list stays sharp.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
BLUE = (11, 83, 148, 255)  # #0B5394
RED = (200, 32, 38, 255)  # the sheet's header band
WHITE = (255, 255, 255, 255)


def draw(size: int) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    radius = max(2, size // 6)
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=radius, fill=BLUE)
    # The sheet: two thirds of the height, a little narrower, centred.
    left, top = round(size * 0.22), round(size * 0.14)
    right, bottom = size - 1 - left, size - 1 - top
    pen.rectangle((left, top, right, bottom), fill=WHITE)
    band = max(1, round(size * 0.09))
    pen.rectangle((left, top, right, top + band - 1), fill=RED)
    # The check mark: two strokes (one pixel wide at 16 px: two blur into a blot there).
    width = max(1, round(size * 0.075))
    sheet_w, sheet_h = right - left, bottom - top - band
    y0 = top + band
    points = [
        (left + sheet_w * 0.18, y0 + sheet_h * 0.55),
        (left + sheet_w * 0.42, y0 + sheet_h * 0.80),
        (left + sheet_w * 0.84, y0 + sheet_h * 0.22),
    ]
    pen.line(points, fill=BLUE, width=width, joint="curve")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    images = [draw(size) for size in SIZES]
    images[-1].save(OUT / "counter_app.ico", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    images[-1].save(OUT / "counter_app.png")
    sheet = Image.new("RGBA", (sum(SIZES) + 10 * len(SIZES), 256), (240, 240, 240, 255))
    x = 5
    for image in images:
        sheet.paste(image, (x, 5), image)
        x += image.width + 10
    sheet.save("/tmp/counter_app_icons.png")
    print(f"wrote {OUT / 'counter_app.ico'} and counter_app.png (preview: /tmp/counter_app_icons.png)")


if __name__ == "__main__":
    main()

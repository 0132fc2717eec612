"""Draw the application's icon (resources/icons/aftersales-desk.ico and .png) with Pillow and the
bundled font: a teal rounded square with a white 售 (售后, after-sales) and a small check mark.
Run again only to change it: .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZE = 256


def draw(size: int = SIZE) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = size // 16
    d.rounded_rectangle((pad, pad, size - pad, size - pad), radius=size // 5, fill=(0, 121, 107, 255))
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc"), int(size * 0.62))
    d.text((size / 2, size * 0.47), "售", font=font, fill="white", anchor="mm")
    # a check mark in the lower right corner: a matter dealt with
    r = size * 0.17
    cx, cy = size * 0.76, size * 0.76
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(255, 193, 7, 255), outline="white", width=max(2, size // 64))
    w = max(3, size // 28)
    d.line([(cx - r * 0.5, cy), (cx - r * 0.1, cy + r * 0.4), (cx + r * 0.55, cy - r * 0.4)], fill="white", width=w,
           joint="curve")
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    img = draw()
    img.save(OUT / "aftersales-desk.png")
    img.save(OUT / "aftersales-desk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"wrote {OUT / 'aftersales-desk.ico'} and .png")


if __name__ == "__main__":
    main()

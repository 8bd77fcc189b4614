"""Draws Masa's application icon (build/icon.png 512 px, build/icon.ico with 16-256 px).

Run with Debian's Pillow: /usr/bin/python3 scripts/make-icons.py. The outputs are committed
packaging resources; re-run only when the design changes.
"""
from PIL import Image, ImageDraw, ImageFont

SIZE = 512
img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
d = ImageDraw.Draw(img)
d.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=(54, 79, 199, 255))
d.rounded_rectangle((96, 300, SIZE - 96, 330), radius=12, fill=(255, 255, 255, 220))  # the desk
font = ImageFont.truetype("node_modules/pdfmake/build/fonts/Roboto/Roboto-Medium.ttf", 260)
w = d.textlength("M", font=font)
d.text(((SIZE - w) / 2, 40), "M", font=font, fill=(255, 255, 255, 255))
d.ellipse((SIZE / 2 - 34, 360, SIZE / 2 + 34, 428), fill=(255, 212, 59, 255))  # the child
img.save("build/icon.png")
img.save("build/icon.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
print("build/icon.png, build/icon.ico")

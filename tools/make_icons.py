#!/usr/bin/env python3
"""Draw each addon's ``static/description/icon.png`` (the icon of the Apps list).

    ~/.cache/helpdesk_aftersales/venv/bin/python tools/make_icons.py [addon ...]

One colour and one symbol per service (``ICONS``), so the modules are told apart
at a glance; the stand-ins get a grey tile. The symbols are glyphs of the DejaVu
Sans font (Debian package ``fonts-dejavu-core``), drawn with Pillow (in the
virtualenv of tools/devenv/). The PNGs are committed: run this again only to
change an icon or to draw the one of a new addon (add it to ``ICONS``).
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIZE = 128
STANDIN_GREY = "#5f6b7a"

# addon: (background colour, symbol)
ICONS = {
    "helpdesk_aftersales": ("#714b67", "\u260e"),  # ☎ the helpdesk
    "helpdesk_aftersales_sale": ("#00838f", "\u2116"),  # № the sales order
    "helpdesk_aftersales_sale_stock": ("#00695c", "#"),  # # the lot/serial number
    "helpdesk_aftersales_refund": ("#2e7d32", "\u20ac"),  # € the credit note
    "helpdesk_aftersales_refund_stock": ("#1b5e20", "\u2116"),  # № refund by lot
    "helpdesk_aftersales_coupon": ("#ef6c00", "\u2702"),  # ✂ the coupon
    "helpdesk_aftersales_coupon_website": ("#f9a825", "%"),  # % applied to the cart
    "helpdesk_aftersales_return": ("#1565c0", "\u21c4"),  # ⇄ return / exchange
    "helpdesk_aftersales_repair": ("#c62828", "\u2692"),  # ⚒ the workshop
    "helpdesk_aftersales_repair_return": ("#8e2424", "\u2699"),  # ⚙ repair of a return
    "helpdesk_aftersales_repair_refund": ("#5d1a1a", "\u20ac"),  # € refund of a failed repair
    "helpdesk_aftersales_return_refund": ("#0d47a1", "\u21b6"),  # ↶ return and refund
    "helpdesk_aftersales_fsm": ("#283593", "\u2302"),  # ⌂ on site
    "helpdesk_aftersales_fsm_report": ("#6a1b9a", "\u270e"),  # ✎ the worksheet
    "standins/helpdesk": (STANDIN_GREY, "\u2709"),  # ✉ tickets
    "standins/industry_fsm": (STANDIN_GREY, "\u2691"),  # ⚑ field service
    "standins/industry_fsm_report": (STANDIN_GREY, "\u2611"),  # ☑ worksheets
}


def draw(colour, symbol):
    from PIL import Image, ImageDraw, ImageFont

    # Drawn four times larger, then reduced: smooth edges.
    big = SIZE * 4
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(img)
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 6, fill=colour)
    font = ImageFont.truetype(FONT, int(big * 0.6))
    pen.text((big // 2, big // 2), symbol, font=font, fill="white", anchor="mm")
    return img.resize((SIZE, SIZE), Image.LANCZOS)


def main(argv):
    try:
        import PIL  # noqa: F401
    except ImportError:
        sys.exit("Pillow is missing: run this with ~/.cache/helpdesk_aftersales/venv/bin/python")
    if not os.path.isfile(FONT):
        sys.exit(f"{FONT} is missing: apt-get install fonts-dejavu-core")
    wanted = argv or list(ICONS)
    for addon in wanted:
        if addon not in ICONS:
            sys.exit(f"{addon}: add its colour and symbol to ICONS first")
        colour, symbol = ICONS[addon]
        path = os.path.join(ROOT, addon, "static", "description", "icon.png")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        draw(colour, symbol).save(path, optimize=True)
        print(f"drawn: {os.path.relpath(path, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

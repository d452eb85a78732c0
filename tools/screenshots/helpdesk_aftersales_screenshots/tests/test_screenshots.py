"""The README's screenshots: each ``Shot`` is a browser tour on the demo data
that ends on the screen to show; once the tour succeeded, Odoo's own browser
driver (``ChromeBrowser``, still on that screen) saves it as a PNG into
``$HA_SCREENSHOTS_DIR`` (only the element ``clip`` when given). Without the
variable the tours still run and must reach their screens; ``HA_SCREENSHOTS_ONLY``
(comma-separated names) restricts the shots. ``HA_SCREENSHOTS_LANG`` (e.g. de_DE)
is installed as Settings' *Add Languages* does and set as the admin's language, so
the screens show the translations (the tours find their elements by field and
button names, never by their labels). Not ``odoo-bin --load-language``: it runs
while only ``base`` is loaded and skips the terms of other models' records (the
ticket stages, the journals)."""

import base64
import json
import os
from collections import namedtuple
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

Shot = namedtuple("Shot", "name url clip size description")

TICKETS = "/odoo/action-helpdesk.helpdesk_ticket_action"
SHOTS = [
    Shot(
        "team_after_sales_settings",
        "/odoo/action-helpdesk.helpdesk_team_action/{helpdesk_aftersales.helpdesk_team_aftersales}",
        ".o_form_view div[name=settings]",
        (1440, 900),
        "The team form's After-Sales section: the five services",
    ),
    Shot(
        "ticket_form",
        # The broken drawer: returned to the workshop and under repair (demo data).
        TICKETS + "/{helpdesk_aftersales.helpdesk_ticket_aftersales_repair}",
        None,
        (1600, 900),
        "A ticket: the services' buttons, smart buttons counting its return and repair order",
    ),
    Shot(
        "ticket_refund_dialog",
        TICKETS + "/{helpdesk_aftersales.helpdesk_ticket_aftersales_refund}",
        ".modal .modal-content",
        (1440, 900),
        "The Refund dialog opened from the ticket, its invoice chosen: Products to Refund",
    ),
    Shot(
        "ticket_coupon_dialog",
        TICKETS + "/{helpdesk_aftersales.helpdesk_ticket_aftersales_coupon}",
        ".modal .modal-content",
        (1440, 900),
        "Generate a Coupon, opened from the ticket",
    ),
    Shot(
        "ticket_return_dialog",
        # The scratched desk: its delivery is proposed, nothing of it returned
        # yet (the chairs' ticket has two chairs left, two are exchanged).
        TICKETS + "/{helpdesk_aftersales.helpdesk_ticket_aftersales_refund}",
        ".modal .modal-content",
        (1440, 900),
        "The Return dialog opened from the ticket, the delivery's products listed",
    ),
    Shot(
        "ticket_repair_order",
        TICKETS + "/{helpdesk_aftersales.helpdesk_ticket_aftersales_repair}",
        None,
        (1600, 900),
        "The repair order prefilled from the ticket (Repairs' own form)",
    ),
    Shot(
        "ticket_fsm_dialog",
        TICKETS + "/{helpdesk_aftersales.helpdesk_ticket_aftersales_fsm}",
        ".modal .modal-content",
        (1440, 900),
        "Create a Field Service task, opened from the ticket",
    ),
    Shot("tickets_kanban", TICKETS, None, (1440, 900), "The demo tickets by stage"),
]

RECT_JS = """(() => {
    const el = document.querySelector(%s);
    el.scrollIntoView({block: "start"});
    const r = el.getBoundingClientRect();
    return {x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height};
})()"""


def save_screen(browser, shot, path):
    """Save what ``browser`` shows (the element ``shot.clip``) as ``path``."""
    params = {"format": "png"}
    if shot.clip:
        res = browser._websocket_request(
            "Runtime.evaluate",
            params={"expression": RECT_JS % json.dumps(shot.clip), "returnByValue": True},
        )
        rect = res["result"]["value"]
        params["clip"] = {**rect, "scale": 1}
        params["captureBeyondViewport"] = True
    data = browser._websocket_request("Page.captureScreenshot", params=params, timeout=30)
    with open(path, "wb") as fh:
        fh.write(base64.b64decode(data["data"]))


@tagged("post_install", "-at_install")
class TestScreenshots(HttpCase):
    # A dialog left open is the screen to show, not a forgotten form.
    allow_end_on_form = True

    def url(self, shot):
        out = shot.url
        while "{" in out:
            start, end = out.index("{"), out.index("}")
            out = out[:start] + str(self.env.ref(out[start + 1 : end]).id) + out[end + 1 :]
        return out

    def test_screenshots(self):
        lang = os.environ.get("HA_SCREENSHOTS_LANG")
        if lang:
            self.env["base.language.install"].create(
                {"lang_ids": [(6, 0, self.env["res.lang"]._activate_lang(lang).ids)]}
            ).lang_install()
            self.env.ref("base.user_admin").lang = lang
        out_dir = os.environ.get("HA_SCREENSHOTS_DIR")
        only = set(filter(None, os.environ.get("HA_SCREENSHOTS_ONLY", "").split(",")))
        unknown = only - {shot.name for shot in SHOTS}
        self.assertFalse(unknown, f"unknown shots: {', '.join(sorted(unknown))}")
        for shot in SHOTS:
            if only and shot.name not in only:
                continue
            with self.subTest(shot=shot.name):
                self.take(shot, out_dir)

    def take(self, shot, out_dir):
        original = ChromeBrowser._wait_code_ok

        def wait_then_shoot(browser, code, timeout, error_checker=None):
            original(browser, code, timeout, error_checker=error_checker)
            # The tour succeeded: the browser shows the screen it reached.
            if out_dir:
                path = os.path.join(out_dir, f"{shot.name}.png")
                save_screen(browser, shot, path)
                browser._logger.info("screenshot %s: %s", shot.description, path)

        def sized(browser):
            width, height = shot.size
            browser._websocket_request(
                "Emulation.setDeviceMetricsOverride",
                params={"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            )

        original_navigate = ChromeBrowser.navigate_to

        def navigate_sized(browser, url, wait_stop=False):
            sized(browser)
            return original_navigate(browser, url, wait_stop=wait_stop)

        with (
            patch.object(ChromeBrowser, "_wait_code_ok", wait_then_shoot),
            patch.object(ChromeBrowser, "navigate_to", navigate_sized),
        ):
            self.start_tour(self.url(shot), f"ha_shot_{shot.name}", login="admin", timeout=120)

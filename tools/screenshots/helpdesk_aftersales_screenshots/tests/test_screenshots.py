"""The README's screenshots: each ``Shot`` is a browser tour on the demo data
that ends on the screen to show; once the tour succeeded, Odoo's own browser
driver (``ChromeBrowser``, still on that screen) saves it as a PNG into
``$HA_SCREENSHOTS_DIR`` (only the element ``clip`` when given). Without the
variable the tours still run and must reach their screens; ``HA_SCREENSHOTS_ONLY``
(comma-separated names) restricts the shots. ``HA_SCREENSHOTS_LANG`` (e.g. de_DE)
is installed as Settings' *Add Languages* does and set as the admin's language (and
the demo portal customer's, the website offering it), so the screens show the
translations (the tours find their elements by field and button names, never by
their labels). Not ``odoo-bin --load-language``: it runs
while only ``base`` is loaded and skips the terms of other models' records (the
ticket stages, the journals)."""

import base64
import json
import os
from collections import namedtuple
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

# ``login``: who takes the tour (its password is the login, as HttpCase
# authenticates): the admin, or the demo's portal customer of Azure Interior.
Shot = namedtuple("Shot", "name url clip size description login", defaults=("admin",))

PORTAL_CUSTOMER = "azure"

TICKETS = "/odoo/action-helpdesk.helpdesk_ticket_action"
SHOTS = [
    Shot(
        "team_after_sales_settings",
        "/odoo/action-helpdesk.helpdesk_team_action/{helpdesk_aftersales.helpdesk_team_aftersales}",
        ".o_form_view div[name=settings]",
        (1440, 900),
        "The team form's After-Sales section: the five services, when Return and Refund "
        "credits the customer, the customer's emails",
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
    # The loop after the goods come back (issue 29).
    Shot(
        "ticket_loop",
        # The chair repaired and shipped back (helpdesk_aftersales_repair_return's demo).
        TICKETS + "/{helpdesk_aftersales_repair_return.helpdesk_ticket_loop_shipped}",
        None,
        (1600, 900),
        "A ticket's After-Sales Loop: its return's step, the customer's emails in the chatter",
    ),
    Shot(
        "repair_delivery_back",
        TICKETS + "/{helpdesk_aftersales_repair_return.helpdesk_ticket_loop_repaired}",
        None,
        (1600, 900),
        "A repair done from a ticket: its Delivery Back smart button",
    ),
    # The customer's side: Brandon Freeman of Azure Interior on the portal.
    Shot(
        "portal_home",
        "/my",
        ("header#top", ".o_portal_my_home"),
        (1280, 720),
        "The portal's home: the Tickets card among the customer's documents",
        PORTAL_CUSTOMER,
    ),
    Shot(
        "portal_my_tickets",
        "/my/tickets",
        ("header#top", ".o_portal_my_doc_table"),
        (1280, 720),
        "The portal's My Tickets: the customer's tickets by stage",
        PORTAL_CUSTOMER,
    ),
    Shot(
        "portal_ticket_after_sales",
        "/my/ticket/{helpdesk_aftersales.helpdesk_ticket_aftersales_repair}",
        ("header#top", "#ticket_aftersales"),
        (1280, 900),
        "A ticket's portal page: its After-Sales block (the return, the repair order)",
        PORTAL_CUSTOMER,
    ),
    Shot(
        "portal_ticket_returns",
        "/my/tickets",
        ("header#top", "#aftersales_loop"),
        (1280, 900),
        "A ticket's portal page: Your Returns, the return received",
        PORTAL_CUSTOMER,
    ),
    Shot(
        "portal_return_request",
        "/my/orders/{helpdesk_aftersales_sale_stock.sale_order_azure_office}/return",
        ("header#top", ".o_portal_return_request"),
        (1280, 720),
        "Request a Return on a delivered order, filled in",
        PORTAL_CUSTOMER,
    ),
]

# The rectangle of the element(s) to shoot: one selector, or several (a tuple)
# whose elements' union is shot (the website's header down to a portal block).
RECT_JS = """(() => {
    const elements = %s.map((selector) => document.querySelector(selector));
    elements[0].scrollIntoView({block: "start"});
    const rects = elements.map((el) => el.getBoundingClientRect());
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    // A union ends a little below its last element, as a page would.
    const bottom = Math.max(...rects.map((r) => r.bottom)) + (rects.length > 1 ? 16 : 0);
    return {
        x: left + window.scrollX,
        y: top + window.scrollY,
        width: right - left,
        height: bottom - top,
    };
})()"""


def clip_selectors(clip):
    return list(clip) if isinstance(clip, tuple) else [clip]


def save_screen(browser, shot, path):
    """Save what ``browser`` shows (the element ``shot.clip``, or the union of
    the elements of a tuple of selectors) as ``path``."""
    params = {"format": "png"}
    if shot.clip:
        res = browser._websocket_request(
            "Runtime.evaluate",
            params={
                "expression": RECT_JS % json.dumps(clip_selectors(shot.clip)),
                "returnByValue": True,
            },
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
            # The portal's pages are the website's: its customer reads them in
            # their language once the website offers it.
            self.env["res.users"].search([("login", "=", PORTAL_CUSTOMER)]).lang = lang
            if "website" in self.env:
                websites = self.env["website"].search([])
                websites.language_ids |= self.env["res.lang"]._lang_get(lang)
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
            self.start_tour(self.url(shot), f"ha_shot_{shot.name}", login=shot.login, timeout=120)

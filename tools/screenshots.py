#!/usr/bin/env python3
"""Screenshots of the Helpdesk After-Sales suite, taken from a running demo server.

    make run                                  # in another terminal: the demo server
    python3 tools/screenshots.py              # every shot into docs/screenshots/
    python3 tools/screenshots.py --only ticket_form --url http://localhost:8070

It logs in with JSON-RPC (/web/session/authenticate), starts Debian's headless
Chromium, gives it the session cookie through the Chrome DevTools protocol
(websocket-client, in the suite's virtualenv) and, for each shot of ``SHOTS``,
opens a URL, runs the steps (click, wait), then saves a PNG, clipped to an element
when the shot says so. A shot whose element does not appear fails with a message
(the others are still taken) and the command exits with 1.

To add a shot, append a ``Shot`` to ``SHOTS``: ``url`` may hold ``{ref:module.xmlid}``
placeholders (replaced by the record id), ``steps`` are ``("click", css)``,
``("wait", css)``, ``("sleep", seconds)`` or ``("js", code)``. CSS selectors are
those of the browser (plain ``document.querySelector``) plus ``:contains(text)``
on the last part, e.g. ``.modal button:contains(Reverse)``.
"""

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "helpdesk_aftersales"
)
VENV_PYTHON = os.path.join(CACHE, "venv", "bin", "python")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--hide-scrollbars",
    "--mute-audio",
]

TEAM = "{ref:helpdesk_aftersales.helpdesk_team_aftersales}"
TICKET = "{ref:helpdesk_aftersales.helpdesk_ticket_aftersales_refund}"
# The broken drawer: returned to the workshop and under repair (demo data), so
# its form shows the Returns and Repairs smart buttons counting documents.
TICKET_WITH_DOCUMENTS = "{ref:helpdesk_aftersales.helpdesk_ticket_aftersales_repair}"


@dataclass
class Shot:
    name: str  # docs/screenshots/<name>.png
    url: str  # path on the server, with {ref:module.xmlid} placeholders
    wait: str  # CSS selector that must be visible before anything else
    steps: list = field(default_factory=list)
    clip: str = ""  # CSS selector of the element to keep (else the whole window)
    padding: int = 16
    description: str = ""
    size: tuple = ()  # (width, height) of the window, else --width x --height


SHOTS = [
    Shot(
        "team_after_sales_settings",
        f"/odoo/action-helpdesk.helpdesk_team_action/{TEAM}",
        wait=".o_form_view div[name=after_sales]",
        clip=".o_form_view div[name=settings]",
        description="The team form's After-Sales section: the five services",
    ),
    Shot(
        "ticket_form",
        f"/odoo/action-helpdesk.helpdesk_ticket_action/{TICKET_WITH_DOCUMENTS}",
        wait=".o_form_view .o_form_statusbar",
        steps=[
            ("wait", ".o-form-buttonbox button[name=action_view_pickings] .o_stat_value"),
            ("wait", ".o-form-buttonbox button[name=action_view_repairs] .o_stat_value"),
            ("wait", ".o-mail-Chatter .o-mail-Message"),
        ],
        size=(1600, 900),
        description="A ticket: the services' buttons in the header, smart buttons counting "
        "its return and repair order",
    ),
    Shot(
        "ticket_refund_dialog",
        f"/odoo/action-helpdesk.helpdesk_ticket_action/{TICKET}",
        wait=".o_form_view .o_form_statusbar",
        steps=[
            ("click", ".o_form_statusbar button[name=action_refund]"),
            # The agent picks the customer's invoice of the ticket's order.
            ("click", ".modal .o_field_widget[name=move_ids] input"),
            ("click", ".o-autocomplete--dropdown-item a:contains(INV/)"),
            ("wait", ".modal .o_field_widget[name=move_ids] .o_tag"),
            ("wait", ".modal .o_field_widget[name=journal_id] input"),
        ],
        clip=".modal .modal-content",
        padding=0,
        description="The Refund dialog opened from the ticket, its invoice chosen",
    ),
    Shot(
        "ticket_coupon_dialog",
        "/odoo/action-helpdesk.helpdesk_ticket_action/"
        "{ref:helpdesk_aftersales.helpdesk_ticket_aftersales_coupon}",
        wait=".o_form_view .o_form_statusbar",
        steps=[("click", ".o_form_statusbar button[name=action_generate_coupon]")],
        clip=".modal .modal-content",
        padding=0,
        description="Generate a Coupon, opened from the ticket",
    ),
    Shot(
        "ticket_repair_order",
        "/odoo/action-helpdesk.helpdesk_ticket_action/"
        "{ref:helpdesk_aftersales.helpdesk_ticket_aftersales_repair}",
        wait=".o_form_view .o_form_statusbar",
        steps=[
            ("click", ".o_form_statusbar button[name=action_repair]"),
            ("wait", ".o_form_view .o_field_widget[name=under_warranty]"),
        ],
        size=(1600, 900),
        description="The repair order prefilled from the ticket (Repairs' own form)",
    ),
    Shot(
        "ticket_fsm_dialog",
        "/odoo/action-helpdesk.helpdesk_ticket_action/"
        "{ref:helpdesk_aftersales.helpdesk_ticket_aftersales_fsm}",
        wait=".o_form_view .o_form_statusbar",
        steps=[("click", ".o_form_statusbar button[name=action_generate_fsm_task]")],
        clip=".modal .modal-content",
        padding=0,
        description="Create a Field Service task, opened from the ticket",
    ),
    Shot(
        "tickets_kanban",
        "/odoo/action-helpdesk.helpdesk_ticket_action",
        wait=".o_kanban_view .o_kanban_record",
        description="The demo tickets by stage",
    ),
]


# --- the browser -------------------------------------------------------------------

# Waits for a visible element; understands ``:contains(text)`` on the last part.
FIND_JS = r"""
(selector, timeout) => new Promise((resolve) => {
    const m = selector.match(/^(.*):contains\((['"]?)(.*)\2\)\s*$/);
    const css = m ? m[1] : selector;
    const text = m ? m[3] : null;
    const find = () => [...document.querySelectorAll(css)].find((el) =>
        el.getClientRects().length && (text === null || el.textContent.includes(text)));
    const started = Date.now();
    const poll = () => {
        const el = find();
        if (el && !document.querySelector(".o_blockUI, .o_loading_indicator")) {
            return resolve(true);
        }
        if (Date.now() - started > timeout) { return resolve(false); }
        setTimeout(poll, 100);
    };
    poll();
})
"""


class Browser:
    def __init__(self, chromium, width, height):
        import websocket  # websocket-client, in the suite's virtualenv

        self.profile = tempfile.mkdtemp(prefix="ha_screenshots_")
        self.proc = subprocess.Popen(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--window-size={width},{height}",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not (os.path.exists(port_file) and open(port_file).read().strip()):
            if time.time() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError(f"{chromium} did not start its DevTools endpoint")
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        targets = json.loads(_http_get(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], suppress_origin=True, timeout=60
        )
        self.next_id = 0
        self.size = (width, height)
        self.send("Page.enable")
        self.send("Network.enable")
        self.resize(width, height)

    def resize(self, width, height):
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, selector, timeout=20):
        found = self.evaluate(f"({FIND_JS})({json.dumps(selector)}, {timeout * 1000})")
        if not found:
            raise RuntimeError(f"nothing visible matches {selector!r} after {timeout} s")

    def click(self, selector):
        self.wait(selector)
        self.evaluate(
            f"""(() => {{
                const m = {json.dumps(selector)}.match(/^(.*):contains\\((['"]?)(.*)\\2\\)\\s*$/);
                const els = [...document.querySelectorAll(m ? m[1] : {json.dumps(selector)})];
                els.find((el) => el.getClientRects().length
                    && (!m || el.textContent.includes(m[3]))).click();
            }})()"""
        )

    def discard(self):
        """Leave nothing behind: discard the open dialog and the unsaved form
        (the web client would save a changed record when the page is left)."""
        self.evaluate(
            """(async () => {
                for (const selector of [".modal .o_form_button_cancel", ".modal .btn-close",
                                        ".o_form_button_cancel"]) {
                    const el = document.querySelector(selector);
                    if (el && el.getClientRects().length) {
                        el.click();
                        await new Promise((resolve) => setTimeout(resolve, 500));
                    }
                }
            })()"""
        )

    def goto(self, url):
        self.send("Page.navigate", url=url)

    def screenshot(self, path, clip=None, padding=16):
        params = {"format": "png"}
        if clip:
            self.wait(clip)
            rect = self.evaluate(
                f"""(() => {{
                    const el = document.querySelector({json.dumps(clip)});
                    el.scrollIntoView({{block: "start"}});
                    const r = el.getBoundingClientRect();
                    return {{x: r.x + window.scrollX, y: r.y + window.scrollY,
                             width: r.width, height: r.height}};
                }})()"""
            )
            time.sleep(0.3)
            params["clip"] = {
                "x": max(rect["x"] - padding, 0),
                "y": max(rect["y"] - padding, 0),
                "width": rect["width"] + 2 * padding,
                "height": rect["height"] + 2 * padding,
                "scale": 1,
            }
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        tmp = path[: -len(".png")] + ".tmp.png"
        with open(tmp, "wb") as fh:
            fh.write(base64.b64decode(data))
        os.replace(tmp, path)

    def close(self):
        try:
            self.ws.close()
        except Exception:  # already gone
            pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# --- the server ----------------------------------------------------------------------


def _http_get(url):
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.read().decode()


class Server:
    def __init__(self, url, db, login, password):
        import requests

        self.url = url.rstrip("/")
        self.http = requests.Session()
        if not db:
            db = self.rpc("/web/database/list", {})
            if len(db) != 1:
                raise SystemExit(f"{self.url} serves databases {db}: choose one with --db")
            db = db[0]
        info = self.rpc(
            "/web/session/authenticate", {"db": db, "login": login, "password": password}
        )
        if not info or not info.get("uid"):
            raise SystemExit(f"cannot log in as {login} on {self.url} (database {db})")
        self.db = db
        self.session_id = self.http.cookies["session_id"]

    def rpc(self, path, params):
        resp = self.http.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=60,
        )
        resp.raise_for_status()
        body = resp.json()
        if "error" in body:
            raise RuntimeError(f"{path}: {body['error'].get('data', {}).get('message')}")
        return body["result"]

    def ref(self, xmlid):
        module, name = xmlid.split(".", 1)
        rows = self.rpc(
            "/web/dataset/call_kw",
            {
                "model": "ir.model.data",
                "method": "search_read",
                "args": [[("module", "=", module), ("name", "=", name)], ["res_id"]],
                "kwargs": {},
            },
        )
        if not rows:
            raise RuntimeError(f"no record {xmlid} (is the demo data installed? `make run`)")
        return rows[0]["res_id"]

    def expand(self, url):
        return self.url + re.sub(r"\{ref:([\w.]+)\}", lambda m: str(self.ref(m.group(1))), url)


# --- main ------------------------------------------------------------------------------


def take(browser, server, shot, out_dir):
    browser.resize(*(shot.size or browser.size))
    browser.goto(server.expand(shot.url))
    browser.wait(shot.wait, timeout=60)
    for kind, arg in shot.steps:
        if kind == "click":
            browser.click(arg)
        elif kind == "wait":
            browser.wait(arg)
        elif kind == "sleep":
            time.sleep(arg)
        elif kind == "js":
            browser.evaluate(arg)
        else:
            raise ValueError(f"unknown step {kind!r}")
    time.sleep(0.5)  # let the last rendering and transitions settle
    path = os.path.join(out_dir, f"{shot.name}.png")
    browser.screenshot(path, clip=shot.clip or None, padding=shot.padding)
    return path


def take_and_discard(browser, server, shot, out_dir):
    try:
        return take(browser, server, shot, out_dir)
    finally:
        browser.discard()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", help="database (default: the only one the server serves)")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "screenshots"))
    parser.add_argument("--only", help="comma-separated shot names")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--list", action="store_true", help="list the shots and exit")
    args = parser.parse_args(argv)

    shots = SHOTS
    if args.list:
        for shot in shots:
            print(f"{shot.name:32} {shot.description}")
        return 0
    if args.only:
        names = set(args.only.split(","))
        unknown = names - {shot.name for shot in shots}
        if unknown:
            parser.error(f"unknown shots: {', '.join(sorted(unknown))} (see --list)")
        shots = [shot for shot in shots if shot.name in names]
    chromium = next(
        (
            shutil.which(n)
            for n in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(n)
        ),
        None,
    )
    if not chromium:
        raise SystemExit("Chromium is needed: sudo apt-get install chromium")

    server = Server(args.url, args.db, args.login, args.password)
    os.makedirs(args.out, exist_ok=True)
    browser = Browser(chromium, args.width, args.height)
    failed = []
    try:
        host = re.sub(r"^https?://", "", server.url).split("/")[0].split(":")[0]
        browser.send(
            "Network.setCookie",
            name="session_id",
            value=server.session_id,
            domain=host,
            path="/",
            httpOnly=True,
        )
        for shot in shots:
            try:
                path = take_and_discard(browser, server, shot, args.out)
                print(f"saved {os.path.relpath(path, ROOT)}  ({shot.description})", flush=True)
            except Exception as exc:  # report it, take the other shots
                failed.append(shot.name)
                print(f"FAILED {shot.name}: {exc}", file=sys.stderr, flush=True)
    finally:
        browser.close()
    if failed:
        print(f"{len(failed)} shot(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        import requests  # noqa: F401
        import websocket  # noqa: F401
    except ImportError:
        # Started with the system python: use the suite's virtualenv (`make run` made it).
        venv = os.path.dirname(os.path.dirname(VENV_PYTHON))
        if os.path.isfile(VENV_PYTHON) and os.path.realpath(sys.prefix) != os.path.realpath(venv):
            os.execv(VENV_PYTHON, [VENV_PYTHON, *sys.argv])
        raise SystemExit(
            "websocket-client and requests are needed: run `make run` once (it builds the "
            f"virtualenv {venv}), or pip install them."
        ) from None
    sys.exit(main())

"""A helpdesk agent of the load benchmark (bench/load.py): a logged-in
web-client session posting what the web client posts (JSON-RPC over HTTP),
and the actions it times, the suite's from the ticket and core's equivalents
from the invoice and the delivery.

Each request carries ``?bench=<tag>`` in its URL: Odoo's request log (werkzeug,
with the request's query count) then says which action and sample it was.
"""

import json
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections import defaultdict

STEPS = ["button", "onchange", "web_save", "confirm", "web_read"]
COUNT_FIELDS = ["credit_note_count", "coupon_count", "picking_count", "repair_count"]
COUNT_FIELDS += ["fsm_task_count"]


class RpcError(Exception):
    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        super().__init__(f"{self.name}: {self.message}")


def step_of(path, params):
    """The step of an action a request is: the button (the ticket's, or the
    action loaded for core's), the dialog's defaults, its save, its confirm
    button; or reading the ticket form."""
    method = params.get("method", "")
    if path == "/web/action/load" or (
        method.startswith("action_") and params.get("model") == "helpdesk.ticket"
    ):
        return "button"
    return method if method in ("onchange", "web_save", "web_read") else "confirm"


class Agent:
    """One logged-in session; ``tag`` names the requests of the current action."""

    def __init__(self, url, db, login, data):
        self.url, self.login, self.data = url, login, data
        self.views = {}
        self.tag = "login"
        self.steps = defaultdict(float)  # seconds per step of the current action
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        self.post("/web/session/authenticate", {"db": db, "login": login, "password": login})

    def post(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        request = urllib.request.Request(
            f"{self.url}{path}?bench={self.tag}",
            data=body.encode(),
            headers={"Content-Type": "application/json"},
        )
        t0 = time.perf_counter()
        try:
            with self.opener.open(request, timeout=300) as resp:
                answer = json.loads(resp.read())
        finally:
            self.steps[step_of(path, params)] += time.perf_counter() - t0
        if "error" in answer:
            raise RpcError(answer["error"])
        return answer["result"]

    def call(self, model, method, args, **kwargs):
        return self.post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def spec(self, model, view_id=False, context=None):
        """The ``specification`` the web client sends for the form view of
        ``model``; the views are loaded once per session (the browser caches them)."""
        key = (model, view_id)
        if key not in self.views:
            answer = self.call(
                model, "get_views", [], views=[[view_id, "form"]], options={}, context=context or {}
            )
            fields = answer["models"][model]
            fields = fields.get("fields", fields)
            self.views[key] = form_spec(ET.fromstring(answer["views"]["form"]["arch"]), fields)
        return self.views[key]


def form_spec(node, fields, spec=None):
    """Every field of a form's arch, with the names of related records and
    the columns of its lists."""
    spec = {} if spec is None else spec
    for child in node:
        name = child.get("name")
        if child.tag != "field" or name not in fields:
            form_spec(child, fields, spec)
        elif fields[name].get("type") in ("one2many", "many2many"):
            sub = {f.get("name"): {} for f in child.iter("field") if f is not child}
            spec[name] = {"fields": sub or {"display_name": {}}}
        elif fields[name].get("type") == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def dialog(agent, model, values, confirm, context, view_id=False):
    """Open a dialog (``onchange``: its defaults), save the agent's choice,
    click its confirm button."""
    spec = agent.spec(model, view_id, context)
    agent.call(model, "onchange", [[], {}, [], spec], context=context)
    record = agent.call(model, "web_save", [[], values], specification={}, context=context)
    agent.call(model, confirm, [[record[0]["id"]]], context=context)


def ticket_button(agent, ticket, method):
    """Click a header button of the ticket: (model, context, form view) of
    the action it returns."""
    action = agent.call("helpdesk.ticket", method, [[ticket]])
    context = {"active_model": "helpdesk.ticket", "active_id": ticket, "active_ids": [ticket]}
    context.update(action.get("context") or {})
    views = action.get("views") or [[False, "form"]]
    return action["res_model"], context, next((v for v, m in views if m == "form"), False)


def from_document(agent, action_xmlid, model, record):
    """Core's button on a document (Reverse on the invoice, Return on the
    delivery): its action loaded, the dialog's context."""
    agent.post("/web/action/load", {"action_id": action_xmlid})
    return {"active_model": model, "active_id": record, "active_ids": [record]}

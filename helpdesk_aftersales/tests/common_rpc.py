from odoo.tools import mute_logger

from .common_access import AftersalesAccessCase

# What a JSON-RPC error may be: a message for the user. Anything else
# (psycopg2, KeyError, TypeError, ValueError, ...) is a traceback.
RPC_CLEAR_ERRORS = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
}


class AftersalesRpcCase(AftersalesAccessCase):
    """Malformed values posted to a dialog through JSON-RPC, as a forged web
    client would: combine with ``HttpCase`` and a bridge's access case. A
    bridge sets ``rpc_model``, ``rpc_confirm`` (its confirm button) and
    ``rpc_role`` (who may use the dialog), and calls ``assertRpcRefused``."""

    rpc_model = None
    rpc_confirm = None
    rpc_role = None

    def setUp(self):
        super().setUp()
        user = self.access_users[self.rpc_role]
        # new_test_user's password is the login (padded to 8 characters).
        self.authenticate(user.login, user.login.ljust(8, "x"))

    def rpc(self, model, method, args, **kwargs):
        """POST ``/web/dataset/call_kw`` and return the JSON answer."""
        import json

        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, "a JSON answer, never an error page")
        return response.json()

    def rpc_context(self, ticket):
        """The context the ticket's button gives its dialog."""
        return {
            "active_model": "helpdesk.ticket",
            "active_id": ticket.id,
            "active_ids": [ticket.id],
        }

    def rpc_dialog(self, ticket, values):
        """Save the dialog of ``ticket`` with ``values`` (``web_save``), then
        click its confirm button; return the first error answer, or the
        confirm's answer."""
        context = self.rpc_context(ticket)
        answer = self.rpc(
            self.rpc_model, "web_save", [[], values], specification={}, context=context
        )
        if "error" in answer:
            return answer
        wizard_id = answer["result"][0]["id"]
        return self.rpc(self.rpc_model, self.rpc_confirm, [[wizard_id]], context=context)

    def assertRpcRefused(self, ticket, values, message=None):
        """The dialog saved with ``values`` and confirmed answers a clear error
        (``message`` in it) and writes nothing: no document, no message."""
        data = self.assertRpcFails(ticket, values)
        self.assertIn(data["name"], RPC_CLEAR_ERRORS, f"{values}: {data.get('debug', '')[-2000:]}")
        if message:
            self.assertRegex(data["message"], message)
        return data["message"]

    def assertRpcFails(self, ticket, values):
        """The dialog saved with ``values`` and confirmed answers an error and
        writes nothing: no document, no message. For values no web client
        sends (a string or a list where an id belongs, an id of no record):
        the ORM refuses them as core's dialogs do, with the column's type or
        foreign key (an error in the server log, muted here), before anything
        is created. Returns the error's data."""
        before = self._access_documents(ticket)
        messages = len(ticket.message_ids)
        with mute_logger("odoo.sql_db", "odoo.http"):
            answer = self.rpc_dialog(ticket, values)
        self.assertIn("error", answer, f"{values} accepted")
        self.env.invalidate_all()
        self.assertEqual(self._access_documents(ticket), before, f"{values}: nothing created")
        self.assertEqual(len(ticket.message_ids), messages, f"{values}: no message posted")
        return answer["error"]["data"]

    def assertRpcAccepted(self, ticket, values):
        """The dialog saved with ``values`` and confirmed creates a document."""
        before = self._access_documents(ticket)
        answer = self.rpc_dialog(ticket, values)
        self.assertNotIn("error", answer, f"{values}: {answer.get('error')}")
        self.env.invalidate_all()
        self.assertGreater(self._access_documents(ticket), before, f"{values}: a document")

    def rpc_foreign_id(self, model_name):
        """An id that is no record of ``model_name``: a field's id (another
        model, with ids far above the documents')."""
        foreign = self.env["ir.model.fields"].search([], order="id desc", limit=1).id
        self.assertFalse(self.env[model_name].browse(foreign).exists())
        return foreign

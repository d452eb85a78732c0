"""Issue 27, item 3: every path that creates an after-sales document goes
through ``helpdesk.ticket._aftersales_attach_documents`` (the link to the
ticket and the chatter message), once, with every document it made; nothing
else writes a document's ``helpdesk_ticket_id``.

The paths are listed here, each run as a user runs it, for the bridges that
are installed (``make test`` installs them all, on both helpdesk platforms)."""

import ast
import pathlib
from contextlib import contextmanager
from unittest.mock import patch

from odoo.tests import Form, TransactionCase, tagged
from odoo.tools.misc import file_path

from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES

from .common import HelpdeskAftersalesCase

# path: the module that makes it (its runner is ``_run_<path>``)
DOCUMENT_PATHS = {
    "coupon": "helpdesk_aftersales_coupon",
    "fsm_task": "helpdesk_aftersales_fsm",
    "repair_from_ticket": "helpdesk_aftersales_repair",
    "repair_from_repairs_app": "helpdesk_aftersales_repair",
    "return": "helpdesk_aftersales_return",
    "exchange": "helpdesk_aftersales_return",
    "refund": "helpdesk_aftersales_refund",
    "reverse_and_create_invoice": "helpdesk_aftersales_refund",
    "return_and_refund": "helpdesk_aftersales_return_refund",
}

# Paths that attach their documents in steps, each told apart on the chatter:
# path -> the number of calls (together, every document of the path).
ATTACHED_IN_STEPS = {
    # The credit notes, then the draft invoices that replace the reversed ones.
    "reverse_and_create_invoice": 2,
}

# The code that may write a document's ``helpdesk_ticket_id`` (or a dict key,
# keyword or default of that name): (file, function) -> why.
TICKET_LINK_WRITERS = {
    ("helpdesk_aftersales/models/helpdesk_ticket.py", "_aftersales_attach_documents"): (
        "the one method"
    ),
    ("helpdesk_aftersales/models/helpdesk_aftersales_wizard_mixin.py", "default_get"): (
        "a dialog's own ticket (from active_id), not a document"
    ),
    ("helpdesk_aftersales_repair/models/helpdesk_ticket.py", "_aftersales_repair_defaults"): (
        "the Repair form's defaults: repair.order.create attaches the saved repair"
    ),
    ("helpdesk_aftersales_return/models/stock_picking.py", "_create_backorder_picking"): (
        "a partial receipt's backorder: the rest of a return already attached (core's copy "
        "drops the link), no new document to tell the customer or the chatter about"
    ),
}
FIELD = "helpdesk_ticket_id"


def _writes_ticket_link(node):
    """Whether the AST ``node`` writes ``helpdesk_ticket_id``: an assignment
    to the attribute or the key, a dict's key, a keyword, a context default."""
    if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(
            (isinstance(target, ast.Attribute) and target.attr == FIELD)
            or (
                isinstance(target, ast.Subscript)
                and isinstance(target.slice, ast.Constant)
                and target.slice.value == FIELD
            )
            for target in targets
        )
    if isinstance(node, ast.Dict):
        return any(isinstance(key, ast.Constant) and key.value == FIELD for key in node.keys)
    if isinstance(node, ast.keyword):
        return node.arg in (FIELD, f"default_{FIELD}")
    return isinstance(node, ast.Constant) and node.value == f"default_{FIELD}"


def ticket_link_writers(root):
    """``{(file, function)}``: where the product code (non-test Python of the
    ``helpdesk_aftersales*`` addons under ``root``) writes the ticket link."""
    found = set()

    def visit(node, path, function):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if _writes_ticket_link(node):
            found.add((path, function))
        for child in ast.iter_child_nodes(node):
            visit(child, path, function)

    for source in sorted(root.glob("helpdesk_aftersales*/**/*.py")):
        relative = source.relative_to(root)
        if "tests" not in relative.parts:
            visit(ast.parse(source.read_text()), relative.as_posix(), None)
    return found


@tagged("post_install", "-at_install")
class TestDocumentPaths(HelpdeskAftersalesCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        installed = cls.env["ir.module.module"].search(
            [("name", "in", list(DOCUMENT_PATHS.values())), ("state", "=", "installed")]
        )
        cls.installed_paths = [
            path for path, module in DOCUMENT_PATHS.items() if module in installed.mapped("name")
        ]

    # The static half: who writes the link -----------------------------------

    def test_only_the_one_method_links_documents(self):
        root = pathlib.Path(file_path("helpdesk_aftersales")).resolve().parent
        writers = ticket_link_writers(root)
        self.assertIn(next(iter(TICKET_LINK_WRITERS)), writers, "the scan finds the method")
        unexpected = writers - set(TICKET_LINK_WRITERS)
        self.assertFalse(
            unexpected,
            "a document joins its ticket through helpdesk.ticket._aftersales_attach_documents",
        )

    # The dynamic half: each path, run -------------------------------------

    def test_every_path_attaches_its_documents_once(self):
        document_models = self._document_models()
        made = set()
        for path in self.installed_paths:
            with self.subTest(path):
                ticket, calls, documents = self._run_path(path)
                self.assertTrue(documents, f"{path} makes documents")
                made |= {model for model, _id in documents}
                self.assertEqual(len(calls), ATTACHED_IN_STEPS.get(path, 1), path)
                self.assertEqual({call_ticket for call_ticket, _docs in calls}, {ticket}, path)
                attached = [doc for _ticket, docs in calls for doc in docs]
                self.assertEqual(len(attached), len(documents), f"{path}: each document once")
                self.assertEqual(set(attached), documents, path)
        if len(self.installed_paths) == len(DOCUMENT_PATHS):
            # Every kind of document of the suite is made by a listed path.
            self.assertEqual(made, document_models)

    def _document_models(self):
        mixin = self.registry["helpdesk.aftersales.document.mixin"]
        return {name for name in mixin._inherit_children if not self.registry[name]._abstract}

    def _linked(self, ticket):
        return {
            (model, doc_id)
            for model in self._document_models()
            for doc_id in self.env[model].sudo().search([(FIELD, "=", ticket.id)]).ids
        }

    @contextmanager
    def _attach_calls(self):
        """Record every call of ``_aftersales_attach_documents``: ``[(ticket,
        {(model, id)})]``; the method still does its work."""
        calls = []
        Ticket = self.registry["helpdesk.ticket"]
        attach = Ticket._aftersales_attach_documents

        def spy(ticket, documents, message):
            calls.append((ticket, {(doc._name, doc.id) for doc in documents}))
            return attach(ticket, documents, message)

        with patch.object(Ticket, "_aftersales_attach_documents", spy):
            yield calls

    def _run_path(self, path):
        """Run ``path`` on a new ticket: ``(ticket, attach calls, documents
        linked to the ticket)``."""
        ticket = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": f"After-sales: {path}",
                "team_id": self.aftersales_team.id,
                "partner_id": self.aftersales_customer.id,
            }
        )
        before = self._linked(ticket)
        with self._attach_calls() as calls:
            getattr(self, f"_run_{path}")(ticket)
        self.env.invalidate_all()
        return ticket, calls, self._linked(ticket) - before

    # The runners: what the user does, one per path --------------------------

    def _run_coupon(self, ticket):
        program = Form(self.env["loyalty.program"])
        program.name = "Sorry coupon"
        program.program_type = "coupons"
        dialog = self.open_ticket_wizard(ticket, "action_generate_coupon")
        dialog.program_id = program.save()
        dialog.save().action_generate()

    def _run_fsm_task(self, ticket):
        self.aftersales_team.fsm_project_id = self.env["project.project"].create(
            {"name": "Field Service", "is_fsm": True}
        )
        self.open_ticket_wizard(ticket, "action_generate_fsm_task").save().action_generate_task()

    def _run_repair_from_ticket(self, ticket):
        ticket.product_id = self._product("Office Chair")
        action = ticket.action_repair()
        Form(self.env["repair.order"].with_context(**action["context"])).save()

    def _run_repair_from_repairs_app(self, ticket):
        # A repair made in the Repairs app (or imported) naming the ticket.
        self.env["repair.order"].create(
            {
                "product_id": self._product("Office Chair").id,
                "partner_id": ticket.partner_id.id,
                FIELD: ticket.id,
            }
        )

    def _run_return(self, ticket):
        ticket.sale_order_id = self._sell(invoice=False)
        self.open_ticket_wizard(ticket, "action_return").save().action_create_returns()

    def _run_exchange(self, ticket):
        ticket.sale_order_id = self._sell(invoice=False)
        self.open_ticket_wizard(ticket, "action_return").save().action_create_exchanges()

    def _run_refund(self, ticket):
        self._refund_dialog(ticket).save().refund_moves()

    def _run_reverse_and_create_invoice(self, ticket):
        self._refund_dialog(ticket).save().modify_moves()

    def _run_return_and_refund(self, ticket):
        ticket.sale_order_id = self._sell(invoice=True)
        dialog = self.open_ticket_wizard(ticket, "action_return").save()
        dialog.action_create_returns_and_refunds()

    # Data ------------------------------------------------------------------

    def _product(self, name, **values):
        return self.env["product.product"].create({"name": name, "type": "consu", **values})

    def _order(self, product, quantity=2):
        """A sales order of ``quantity`` ``product`` for the customer, entered
        and confirmed as a salesperson does."""
        with Form(self.env["sale.order"]) as order:
            order.partner_id = self.aftersales_customer
            with order.order_line.new() as line:
                line.product_id = product
                line.product_uom_qty = quantity
        order = order.record
        order.action_confirm()
        return order

    def _invoice(self, order):
        """Create Invoice on the order (Regular invoice), posted."""
        wizard = Form(
            self.env["sale.advance.payment.inv"].with_context(
                active_model="sale.order", active_ids=order.ids, active_id=order.id
            )
        )
        wizard.save().create_invoices()
        order.invoice_ids.action_post()
        return order.invoice_ids

    def _sell(self, invoice):
        """A storable product sold, delivered and, with ``invoice``, invoiced
        on delivery."""
        product = self._product("Desk Lamp", is_storable=True, invoice_policy="delivery")
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        self.env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 10)
        order = self._order(product)
        order.picking_ids.move_ids.picked = True
        self.assertIs(order.picking_ids.button_validate(), True)
        if invoice:
            self._invoice(order)
        return order

    def _refund_dialog(self, ticket):
        """The Refund dialog on an invoice of the customer (sold, invoiced on
        order: no Inventory needed)."""
        invoice = self._invoice(self._order(self._product("Assembly", invoice_policy="order")))
        dialog = self.open_ticket_wizard(ticket, "action_refund")
        dialog.move_ids.add(invoice)
        return dialog

from odoo import api, fields, models

from .sale_order import shown_quantity
from .stock_picking import LOOP_TONES

WAITING_GOODS_DOMAIN = [
    ("picking_type_code", "=", "incoming"),
    ("state", "not in", ("done", "cancel")),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    picking_ids = fields.One2many("stock.picking", "helpdesk_ticket_id", string="Transfers")
    picking_count = fields.Integer(string="Return Transfers", compute="_compute_picking_count")
    has_partner_deliveries = fields.Boolean(
        string="Customer Has Deliveries",
        compute="_compute_has_partner_deliveries",
        help="The customer has at least one done delivery of the ticket's company: "
        "products can be returned from this ticket.",
    )
    return_request_line_ids = fields.One2many(
        "helpdesk.return.request.line",
        "ticket_id",
        string="Requested Returns",
        help="What the customer asked to return from the portal: the Return dialog "
        "starts from it.",
    )
    aftersales_waiting_goods = fields.Boolean(
        string="Waiting for the Customer's Goods",
        compute="_compute_aftersales_waiting_goods",
        search="_search_aftersales_waiting_goods",
        help="A return of the ticket is authorised and its products are not received yet.",
    )
    aftersales_loop_html = fields.Html(
        string="After-Sales Loop",
        compute="_compute_aftersales_loop_html",
        sanitize=False,
        help="Where each return of the ticket stands: requested, authorised, received, "
        "credited, replaced, repaired, shipped back.",
    )

    @api.depends("picking_ids")
    @api.depends_context("uid")
    def _compute_picking_count(self):
        self._aftersales_set_count("picking_count", "stock.picking")

    @api.depends("commercial_partner_id", "company_id", "use_product_returns")
    @api.depends_context("uid")
    def _compute_has_partner_deliveries(self):
        """One query for all tickets: done deliveries grouped by customer and
        company. Users who cannot read transfers get False (no Return button)."""
        tickets = self.filtered(lambda t: t.use_product_returns and t.commercial_partner_id)
        found = set()
        Picking = self.env["stock.picking"]
        if tickets and Picking.has_access("read"):
            groups = Picking._read_group(
                [
                    ("partner_id", "child_of", tickets.commercial_partner_id.ids),
                    ("picking_type_code", "=", "outgoing"),
                    ("state", "=", "done"),
                    ("company_id", "in", tickets.company_id.ids),
                ],
                ["partner_id", "company_id"],
            )
            found = {(partner.commercial_partner_id.id, company.id) for partner, company in groups}
        for ticket in self:
            ticket.has_partner_deliveries = (
                ticket.commercial_partner_id.id,
                ticket.company_id.id,
            ) in found

    def action_return(self):
        self.ensure_one()
        return self._aftersales_open_dialog(
            "helpdesk.stock.return",
            self.env._("Return"),
        )

    def action_view_pickings(self):
        self.ensure_one()
        return self._aftersales_action_view("stock.action_picking_tree_all", self.picking_ids)

    def _aftersales_open_documents(self):
        # The ticket's transfers (returns, replacement deliveries) until done
        # or cancelled.
        return self._aftersales_add_open_documents(
            super()._aftersales_open_documents(),
            self.env._("Returns"),
            "stock.picking",
            [("state", "not in", ("done", "cancel"))],
        )

    def _compute_aftersales_waiting_goods(self):
        # One query for all tickets; the truth whatever the user may read
        # (it says no more than the search filter of the same name).
        waiting = set()
        if self.ids:
            groups = (
                self.env["stock.picking"]
                .sudo()
                ._read_group(
                    [("helpdesk_ticket_id", "in", self.ids), *WAITING_GOODS_DOMAIN],
                    ["helpdesk_ticket_id"],
                )
            )
            waiting = {ticket.id for (ticket,) in groups}
        for ticket in self:
            ticket.aftersales_waiting_goods = ticket._origin.id in waiting

    def _search_aftersales_waiting_goods(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        query = (
            self.env["stock.picking"]
            .sudo()
            ._search([("helpdesk_ticket_id", "!=", False), *WAITING_GOODS_DOMAIN])
        )
        found = (operator == "=") == bool(value)
        return [("id", "in" if found else "not in", query.subselect("helpdesk_ticket_id"))]

    @api.depends("picking_ids.state", "return_request_line_ids")
    @api.depends_context("lang", "uid")
    def _compute_aftersales_loop_html(self):
        for ticket in self:
            rows = ticket._aftersales_loop_rows()
            ticket.aftersales_loop_html = rows and self.env["ir.qweb"]._render(
                "helpdesk_aftersales_return.aftersales_loop_steps", {"rows": rows}
            )

    def _aftersales_loop_rows(self, portal=False):
        """Where the ticket's returns stand, one row per return: ``[{reference,
        products, step, label, tone}]``, the products still requested from the
        portal first. On the portal (``portal``, the ticket sudo) only the
        returns made out to the ticket's customer; in the back end those the
        user may read."""
        self.ensure_one()
        rows = []
        requested = self.return_request_line_ids.filtered("pending_quantity")
        if requested:
            rows.append(
                self._aftersales_loop_row(
                    self.env._("Requested Returns"),
                    [(line.product_id, line.pending_quantity, line.uom_id) for line in requested],
                    "requested",
                )
            )
        for picking in self._aftersales_loop_returns(portal):
            moves = picking.move_ids
            rows.append(
                self._aftersales_loop_row(
                    picking.name,
                    [(move.product_id, move.product_uom_qty, move.product_uom) for move in moves],
                    picking.aftersales_loop_step,
                )
            )
        return rows

    def _aftersales_loop_returns(self, portal):
        if not portal and not self.env["stock.picking"].has_access("read"):
            return self.env["stock.picking"]
        returns = self.picking_ids.filtered(lambda picking: picking.picking_type_code == "incoming")
        if not portal:
            return returns._filtered_access("read")
        customer = self.partner_id.commercial_partner_id
        return returns.filtered(
            lambda picking: customer and picking.partner_id.commercial_partner_id == customer
        )

    def _aftersales_loop_row(self, reference, products, step):
        labels = dict(
            self.env["stock.picking"]
            ._fields["aftersales_loop_step"]
            ._description_selection(self.env)
        )
        return {
            "reference": reference,
            "products": ", ".join(
                f"{shown_quantity(self.env, quantity)} {uom.name} {product.display_name}"
                for product, quantity, uom in products
            ),
            "step": step,
            "label": labels[step],
            "tone": LOOP_TONES[step],
        }

    def _aftersales_notify_templates(self):
        templates = super()._aftersales_notify_templates()
        for event, xmlid in (
            ("return_authorised", "helpdesk_aftersales_return.mail_template_return_authorised"),
            ("goods_received", "helpdesk_aftersales_return.mail_template_goods_received"),
            ("product_shipped", "helpdesk_aftersales_return.mail_template_product_shipped"),
        ):
            templates.setdefault(event, {})["stock.picking"] = xmlid
        return templates

    def _aftersales_attach_documents(self, documents, message):
        # A return joining its ticket is the return authorised: the customer
        # gets its reference, what to send, where, and the return slip.
        documents = super()._aftersales_attach_documents(documents, message)
        returns = [
            doc
            for doc in documents
            if doc._name == "stock.picking"
            and doc.picking_type_code == "incoming"
            and doc.state not in ("done", "cancel")
        ]
        if returns:
            self._aftersales_notify_customer(
                "return_authorised", self.env["stock.picking"].union(*returns)
            )
        return documents

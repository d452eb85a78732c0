from odoo import api, fields, models


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

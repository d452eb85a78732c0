from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

DELIVERED_TO_CUSTOMER = [("state", "=", "done"), ("location_dest_id.usage", "=", "customer")]


def _latest(pairs):
    """``{key: the latest date}`` of ``(key, date)`` pairs (no date: left out)."""
    latest = {}
    for key, when in pairs:
        if when and (key not in latest or latest[key] < when):
            latest[key] = when
    return latest


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )

    warranty_date = fields.Date(
        string="Warranty End Date",
        compute="_compute_warranty",
        help="The delivery date of the ticket's product to the customer plus the "
        "product's warranty: the delivery of the lot/serial number, else the delivery "
        "of the product in the sales order.",
    )
    warranty_state = fields.Selection(
        [("under", "Under Warranty"), ("expired", "Warranty Expired")],
        string="Warranty Status",
        compute="_compute_warranty",
    )

    @api.constrains("lot_id")
    def _check_aftersales_lot_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which the ticket is not.
        self._check_company(["lot_id"])

    @api.onchange("product_id")
    def _onchange_product_id(self):
        # sudo: lots are Inventory records, which a salesperson may not read.
        if self.lot_id and self.lot_id.sudo().product_id != self.product_id:
            self.lot_id = False

    def write(self, vals):
        res = super().write(vals)
        if "product_id" in vals and "lot_id" not in vals:
            # Also when the form does not show the lot (agents without
            # Inventory rights): the lot of another product goes.
            self.sudo().filtered(
                lambda ticket: ticket.lot_id and ticket.lot_id.product_id != ticket.product_id
            ).lot_id = False
        return res

    @api.depends("product_id.warranty_months", "lot_id", "sale_order_id", "commercial_partner_id")
    def _compute_warranty(self):
        # Not stored: it depends on today.
        delivered = self._aftersales_warranty_delivery_dates()
        today = fields.Date.context_today(self)
        for ticket in self:
            delivery = delivered.get(ticket.id)
            if delivery:
                end = delivery + relativedelta(months=ticket.product_id.warranty_months)
                ticket.warranty_date = end
                ticket.warranty_state = "under" if today <= end else "expired"
            else:
                ticket.warranty_date = ticket.warranty_state = False

    def _aftersales_warranty_delivery_dates(self):
        """``{ticket id: date}``: when the ticket's product was delivered to the
        customer, for the tickets whose product has a warranty. With a
        lot/serial number, its latest delivery to the ticket's customer (its
        commercial entity); without, the latest delivery of the product in the
        ticket's sales order. Two searches for all the tickets."""
        tickets = self.filtered(
            lambda ticket: ticket.product_id.warranty_months > 0 and ticket.commercial_partner_id
        )
        with_lot = tickets.filtered("lot_id")
        latest = {
            **with_lot._aftersales_lot_delivery_dates(),
            **(tickets - with_lot).filtered("sale_order_id")._aftersales_order_delivery_dates(),
        }
        dates = {}
        for ticket in tickets:
            if ticket.lot_id:
                key = ("lot", ticket.lot_id.id, ticket.commercial_partner_id.id)
            else:
                key = ("order", ticket.sale_order_id.id, ticket.product_id.id)
            if key in latest:
                # The date the customer received it, in the user's time zone.
                dates[ticket.id] = fields.Datetime.context_timestamp(ticket, latest[key]).date()
        return dates

    # sudo in both: deliveries are Inventory records, which a salesperson may
    # not read; only their date leaves these methods.
    def _aftersales_lot_delivery_dates(self):
        """``{("lot", lot id, customer id): latest delivery}`` of the tickets'
        lots to their customers."""
        if not self:
            return {}
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search(
                [
                    *DELIVERED_TO_CUSTOMER,
                    ("lot_id", "in", self.lot_id.ids),
                    ("picking_partner_id", "child_of", self.commercial_partner_id.ids),
                ]
            )
        )
        return _latest(
            (("lot", line.lot_id.id, line.picking_partner_id.commercial_partner_id.id), line.date)
            for line in lines
        )

    def _aftersales_order_delivery_dates(self):
        """``{("order", order id, product id): latest delivery}`` of the
        tickets' products in their sales orders."""
        if not self:
            return {}
        moves = (
            self.env["stock.move"]
            .sudo()
            .search(
                [
                    *DELIVERED_TO_CUSTOMER,
                    ("picking_id.sale_id", "in", self.sale_order_id.ids),
                    ("product_id", "in", self.product_id.ids),
                ]
            )
        )
        return _latest(
            (
                ("order", move.picking_id.sale_id.id, move.product_id.id),
                move.picking_id.date_done or move.date,
            )
            for move in moves
        )

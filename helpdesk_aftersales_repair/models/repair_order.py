from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import groupby


class RepairOrder(models.Model):
    _name = "repair.order"
    _inherit = ["repair.order", "helpdesk.aftersales.document.mixin"]

    # Helpdesk agents may read the repairs of their tickets without Inventory
    # rights: these form fields only show a state but read transfers and stock
    # moves, so they are computed as superuser.
    has_uncomplete_moves = fields.Boolean(compute_sudo=True)
    unreserve_visible = fields.Boolean(compute_sudo=True)
    reserve_visible = fields.Boolean(compute_sudo=True)
    parts_availability = fields.Char(compute_sudo=True)
    parts_availability_state = fields.Selection(compute_sudo=True)
    is_returned = fields.Boolean(compute_sudo=True)
    picking_product_ids = fields.One2many(compute_sudo=True)

    aftersales_open_repair_warning = fields.Char(
        string="Open Repair Warning",
        compute="_compute_aftersales_open_repair_warning",
        compute_sudo=True,
        help="The lot/serial number already has a repair order that is neither repaired "
        "nor cancelled.",
    )

    # The deliveries that take the repaired product back to the customer
    # (``_aftersales_ship_back``): transfers, for Inventory users only.
    aftersales_delivery_ids = fields.One2many(
        "stock.picking",
        "aftersales_repair_id",
        string="Deliveries Back",
        groups="stock.group_stock_user",
    )
    aftersales_delivery_count = fields.Integer(
        string="Number of Deliveries Back",
        compute="_compute_aftersales_delivery_count",
        groups="stock.group_stock_user",
    )

    @api.depends("aftersales_delivery_ids")
    def _compute_aftersales_delivery_count(self):
        groups = self.env["stock.picking"]._read_group(
            [("aftersales_repair_id", "in", self.ids)], ["aftersales_repair_id"], ["__count"]
        )
        counts = {repair.id: count for repair, count in groups}
        for repair in self:
            repair.aftersales_delivery_count = counts.get(repair._origin.id, 0)

    @api.depends("lot_id", "helpdesk_ticket_id", "state")
    def _compute_aftersales_open_repair_warning(self):
        # A warning, not a refusal (as core's onchange warnings): the
        # workshop may have a reason to open a second repair.
        repairs = self.filtered(
            lambda r: r.helpdesk_ticket_id and r.lot_id.product_id.tracking == "serial"
        )
        (self - repairs).aftersales_open_repair_warning = False
        for repair in repairs:
            others = self.search(
                [
                    ("lot_id", "=", repair.lot_id.id),
                    ("company_id", "=", repair.company_id.id),
                    ("state", "not in", ("done", "cancel")),
                    ("id", "!=", repair._origin.id or 0),
                ]
            )
            repair.aftersales_open_repair_warning = (
                self.env._(
                    "The serial number %(lot)s already has an open repair: %(repairs)s.",
                    lot=repair.lot_id.display_name,
                    repairs=", ".join(others.mapped("display_name")),
                )
                if others
                else False
            )

    def _aftersales_portal_status(self):
        self.ensure_one()
        _ = self.env._
        if self.state == "cancel":
            return _("Cancelled"), "danger"
        if self.state == "done" and self._aftersales_shipped_back():
            return _("Shipped back"), "success"
        if self.state == "done":
            return _("Repaired"), "success"
        if self.state == "under_repair":
            return _("Being repaired"), "info"
        return _("Waiting for repair"), "info"

    @api.depends(
        "product_id",
        "company_id",
        "picking_id",
        "picking_id.move_ids",
        "picking_id.move_ids.lot_ids",
    )
    def _compute_allowed_lot_ids(self):
        # The lots offered in the Lot/Serial field: only for users who may
        # read lots (the others cannot change the repair anyway).
        if self.env["stock.lot"].has_access("read"):
            return super()._compute_allowed_lot_ids()
        self.allowed_lot_ids = False

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        ticket_id = self.env.context.get("default_repair_helpdesk_ticket_id")
        if ticket_id:
            ticket = self.env["helpdesk.ticket"].browse(ticket_id)
            # The ticket's values win over the fields' defaults, not over
            # defaults the context gives explicitly.
            for name, value in ticket._aftersales_repair_defaults().items():
                if name in fields_list and f"default_{name}" not in self.env.context:
                    res[name] = value
        return res

    @api.constrains("helpdesk_ticket_id", "product_id", "lot_id")
    def _aftersales_check_ticket_product(self):
        for repair in self.filtered("helpdesk_ticket_id"):
            error = repair.helpdesk_ticket_id._aftersales_repair_product_error(
                repair.product_id, repair.lot_id
            )
            if error:
                raise ValidationError(error)

    @api.model_create_multi
    def create(self, vals_list):
        repairs = super().create(vals_list)
        for ticket, ticket_repairs in groupby(
            repairs.filtered("helpdesk_ticket_id"), key=lambda r: r.helpdesk_ticket_id
        ):
            ticket._aftersales_attach_documents(
                self.env["repair.order"].concat(*ticket_repairs),
                self.env._("Repair created: %(documents)s"),
            )
        return repairs

    # The product goes back to the customer ------------------------------------

    def action_repair_done(self):
        result = super().action_repair_done()
        # A repair of a ticket: the customer's product goes back to them.
        self.filtered(
            lambda repair: repair.helpdesk_ticket_id
            and repair.product_id
            and not repair.sudo().aftersales_delivery_ids
        )._aftersales_ship_back()
        return result

    def _aftersales_ship_back(self):
        """Deliver the repaired products of ``self`` back to their customers:
        one delivery per repair, from where the repair put the product, of
        its lot/serial number, linked to the repair and to its ticket."""
        deliveries = self.env["stock.picking"].create(
            [repair._aftersales_delivery_back_values() for repair in self]
        )
        deliveries.action_confirm()
        for repair, delivery in zip(self, deliveries, strict=True):
            delivery._aftersales_reserve_lot(repair.lot_id)
        for ticket, ticket_deliveries in groupby(
            deliveries, key=lambda delivery: delivery.aftersales_repair_id.helpdesk_ticket_id
        ):
            # As superuser: the workshop may end repairs without helpdesk rights.
            ticket.sudo()._aftersales_attach_documents(
                self.env["stock.picking"].concat(*ticket_deliveries),
                self.env._("Repaired product to ship back: %(documents)s"),
            )
        return deliveries

    def _aftersales_delivery_back_values(self):
        """Values of the delivery taking the repaired product back to the
        customer: the warehouse's delivery operation, from the repair's
        destination of the product to the customer's location."""
        self.ensure_one()
        source = self.product_location_dest_id
        destination = self.partner_id.property_stock_customer
        return {
            "picking_type_id": self.picking_type_id.warehouse_id.out_type_id.id,
            "partner_id": self.partner_id.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "aftersales_repair_id": self.id,
            "move_ids": [
                Command.create(
                    {
                        "name": self.product_id.display_name,
                        "product_id": self.product_id.id,
                        "product_uom": self.product_uom.id or self.product_id.uom_id.id,
                        "product_uom_qty": self.product_qty,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                        "company_id": self.company_id.id,
                    }
                )
            ],
        }

    def _aftersales_shipped_back(self):
        """Whether the repaired product has gone back to the customer: its
        deliveries back (sudo: the customer's portal reads it) are done."""
        self.ensure_one()
        deliveries = self.sudo().aftersales_delivery_ids.filtered(lambda d: d.state != "cancel")
        return bool(deliveries) and all(d.state == "done" for d in deliveries)

    # Out of warranty, the customer pays ------------------------------------------

    def action_aftersales_send_quotation(self):
        """Send the customer the quotation of a repair out of warranty, as
        core sends a quotation: the repair's sale order (made with core's
        Create Quotation if there is none yet), its Send by Email dialog,
        template and PDF."""
        self.ensure_one()
        if self.under_warranty:
            raise UserError(
                self.env._(
                    "The repair %(repair)s is under warranty: nothing is charged, there is "
                    "no quotation to send.",
                    repair=self.name,
                )
            )
        if not self.sale_order_id:
            self.action_create_sale_order()
        action = self.sale_order_id.action_quotation_send()
        # The email sent, the ticket's chatter says so (sale.order.message_post).
        action["context"]["aftersales_quotation_repair_id"] = self.id
        return action

    def action_view_aftersales_deliveries(self):
        self.ensure_one()
        return self.helpdesk_ticket_id._aftersales_action_view(
            "stock.action_picking_tree_all", self.aftersales_delivery_ids
        )

from odoo import api, fields, models
from odoo.exceptions import ValidationError
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

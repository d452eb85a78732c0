from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    repair_ids = fields.One2many("repair.order", "helpdesk_ticket_id", string="Repair Orders")
    repair_count = fields.Integer(string="Number of Repairs", compute="_compute_repair_count")
    aftersales_repair_impossible = fields.Boolean(
        string="Cannot Be Repaired",
        compute="_compute_aftersales_repair_impossible",
        help="Every repair of the ticket was cancelled: refund the customer or replace the "
        "product from the ticket.",
    )

    @api.depends("repair_ids")
    @api.depends_context("uid")
    def _compute_repair_count(self):
        self._aftersales_set_count("repair_count", "repair.order")

    def _aftersales_check_repair(self):
        """What must hold before a repair order is created from the ticket."""
        self.ensure_one()
        self._aftersales_check_may_use(
            ("repair.order", "create"),
            self.env._(
                "You need Inventory access rights to create a repair order. Ask an "
                "Inventory user to create it from this ticket."
            ),
        )
        self._aftersales_check_service("use_product_repairs")
        refusal = self._aftersales_repair_refusal()
        if refusal:
            raise UserError(refusal)

    def _aftersales_repair_refusal(self):
        """Why the ticket cannot have a repair order now, or ``None``."""
        if self.company_id != self.env.company:
            return self.env._(
                "The ticket belongs to the company %(company)s: switch to this "
                "company to create its repair order.",
                company=self.company_id.display_name,
            )
        if not self.partner_id:
            return self.env._("Set the customer of the ticket before creating a repair order.")
        return self._aftersales_repair_product_error(self.product_id, self.lot_id)

    def _aftersales_repair_product_error(self, product, lot):
        """Why ``product`` and ``lot`` cannot be repaired from the ticket, or
        ``None``."""
        if product and product.type != "consu":
            return self.env._(
                "The product %(product)s is a service or a combo: only goods can be repaired.",
                product=product.display_name,
            )
        if lot and lot.product_id != product:
            return self.env._(
                "The lot/serial number %(lot)s does not belong to the product %(product)s.",
                lot=lot.display_name,
                product=product.display_name or "-",
            )
        return None

    def _aftersales_repair_defaults(self):
        """Values of a new repair order taken from the ticket (the repair form
        shows them, the user may change them before saving)."""
        self.ensure_one()
        defaults = {
            "helpdesk_ticket_id": self.id,
            "partner_id": self.partner_id.id,
            # The workshop sees the problem the customer reported.
            "internal_notes": self.description,
            # The product the customer received is under warranty (the
            # repair user may still untick it).
            "under_warranty": self.warranty_state == "under",
        }
        if self.product_id.type == "consu":
            defaults["product_id"] = self.product_id.id
            if self.lot_id.product_id == self.product_id:
                defaults["lot_id"] = self.lot_id.id
        return defaults

    def action_repair(self):
        """Open a new repair order filled in from the ticket: the Repairs app's
        own form, not a dialog of the suite, as Odoo's documentation describes
        (the user completes parts and operations there before saving)."""
        self.ensure_one()
        self._aftersales_check_repair()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Repair"),
            "res_model": "repair.order",
            "view_mode": "form",
            "views": [(self.env.ref("repair.view_repair_order_form").id, "form")],
            "target": "current",
            # Not ``default_helpdesk_ticket_id``: the context follows the
            # buttons of the repair form, and any record they create with a
            # ``helpdesk_ticket_id`` field (e.g. a transfer) would be linked to
            # the ticket. ``repair.order.default_get`` reads this key, like the
            # core ``default_repair_picking_id``.
            "context": {"default_repair_helpdesk_ticket_id": self.id},
        }

    def action_view_repairs(self):
        self.ensure_one()
        return self._aftersales_action_view(
            "repair.action_repair_order_tree",
            self.repair_ids,
            "repair.view_repair_order_form",
        )

    def _aftersales_open_documents(self):
        # A repair order is open until cancelled, or repaired and its product
        # shipped back to the customer.
        return self._aftersales_add_open_documents(
            super()._aftersales_open_documents(),
            self.env._("Repairs"),
            "repair.order",
            [
                "|",
                ("state", "not in", ("done", "cancel")),
                ("aftersales_delivery_ids", "any", [("state", "not in", ("done", "cancel"))]),
            ],
        )

    @api.depends("repair_ids.state")
    def _compute_aftersales_repair_impossible(self):
        # Read as superuser: the same hint for every agent. The glue modules
        # add the dependencies of their documents with ``super()``.
        cancelled = self._aftersales_repairs_cancelled_at()
        compensated = self._aftersales_compensated_since(cancelled) if cancelled else set()
        for ticket in self:
            ticket_id = ticket._origin.id
            ticket.aftersales_repair_impossible = (
                ticket_id in cancelled and ticket_id not in compensated
            )

    def _aftersales_repairs_cancelled_at(self):
        """``{ticket id: when its last repair was cancelled}`` for the tickets
        among ``self`` whose repairs were all cancelled: the product cannot be
        repaired. One grouped read for all the tickets."""
        groups = (
            self.env["repair.order"]
            .sudo()
            ._read_group(
                [("helpdesk_ticket_id", "in", self._origin.ids)],
                ["helpdesk_ticket_id"],
                # A repair records no cancellation date: its form leaves a
                # cancelled repair's fields read-only, so its last write is
                # the cancellation.
                ["state:array_agg", "write_date:max"],
            )
        )
        return {
            ticket.id: cancelled_at
            for ticket, states, cancelled_at in groups
            if set(states) == {"cancel"}
        }

    def _aftersales_compensated_since(self, since):
        """Ids of the tickets of ``since`` (``{ticket id: datetime}``) whose
        customer was refunded or given a replacement since that moment: the
        hint of a product that cannot be repaired is then done. Repairs know
        neither document: the glue modules with Refunds and Returns add their
        tickets with ``super()``, one grouped read each
        (``_aftersales_tickets_with_documents_since``)."""
        return set()

    def _aftersales_tickets_with_documents_since(self, model, domain, since):
        """Ids of the tickets of ``since`` (``{ticket id: datetime}``) that
        have a record of ``model`` matching ``domain``, linked to them by
        ``helpdesk_ticket_id`` and created at or after their moment (read as
        superuser, as the hint)."""
        groups = (
            self.env[model]
            .sudo()
            ._read_group(
                [("helpdesk_ticket_id", "in", list(since)), *domain],
                ["helpdesk_ticket_id"],
                ["create_date:max"],
            )
        )
        return {ticket.id for ticket, created in groups if created >= since[ticket.id]}

from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_replace_on_receipt = fields.Boolean(
        string="Replace on Receipt",
        copy=False,
        readonly=True,
        help="Made by Return for Exchange for a team that ships the replacement when the "
        "goods are received: validating this return makes the replacement delivery for "
        "the quantities received.",
    )

    def _aftersales_receipt_marks(self):
        return [*super()._aftersales_receipt_marks(), "aftersales_replace_on_receipt"]

    def _aftersales_after_receipt(self, moves):
        # Ship the replacement of what was received.
        result = super()._aftersales_after_receipt(moves)
        if self.aftersales_replace_on_receipt:
            self._aftersales_replace_received(moves)
        return result

    def _aftersales_replace_received(self, moves):
        """Ship the replacement of what ``moves`` (done moves of this return)
        received, at most what each asked for (more received is not
        replaced), and link it to the ticket with a message on its chatter.
        As superuser: the warehouse agent who validates may not read the
        ticket nor the order."""
        self.ensure_one()
        ticket = self.helpdesk_ticket_id.sudo()
        if not ticket or not moves:
            return
        quantities = {move: move._aftersales_received_quantity() for move in moves.sudo()}
        documents = moves.sudo()._aftersales_replace(quantities)
        if not documents:
            return
        ticket._aftersales_attach_documents(
            documents,
            self.env._("Returned goods received, replacement delivery created: %(documents)s"),
        )

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    aftersales_return_picking_id = fields.Many2one(
        "stock.picking",
        string="Return",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="set null",
        check_company=True,
        help="The return this credit note credits, made by Return and Refund: once the "
        "credit note is posted, the ticket shows this return Credited.",
    )

    def _aftersales_link_returns(self, returns):
        """Remember which of ``returns`` each of these credit notes credits:
        the return of its sales order lines (Return and Refund makes one
        return per delivery, one credit note per invoice), else the first.
        With sudo: a warehouse user validating a return links the credit note
        made for it without writing invoices."""
        by_sale_line = {move.sale_line_id: move.picking_id for move in returns.move_ids}
        for picking, credit_notes in (
            self.sudo()
            .grouped(
                lambda credit_note: next(
                    (
                        by_sale_line[sale_line]
                        for sale_line in credit_note.invoice_line_ids.sale_line_ids
                        if sale_line in by_sale_line
                    ),
                    returns[:1],
                )
            )
            .items()
        ):
            credit_notes.aftersales_return_picking_id = picking

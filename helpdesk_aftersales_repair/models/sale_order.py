from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def message_post(self, **kwargs):
        message = super().message_post(**kwargs)
        # Send Quotation of a ticket's repair (``mark_so_as_sent``: the email
        # of core's Send by Email dialog): the ticket's chatter says so.
        repair_id = self.env.context.get("aftersales_quotation_repair_id")
        if repair_id and self.env.context.get("mark_so_as_sent"):
            # As superuser: a salesperson may send it without helpdesk rights.
            repair = self.env["repair.order"].sudo().browse(repair_id)
            if repair.sale_order_id == self and repair.helpdesk_ticket_id:
                repair.helpdesk_ticket_id._aftersales_post_documents(
                    self, self.env._("Repair quotation sent to the customer: %(documents)s")
                )
        return message

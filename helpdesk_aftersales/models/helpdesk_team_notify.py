from odoo import fields, models

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL

# Step of the after-sales loop -> the team's switch of its email to the
# customer (helpdesk.ticket._aftersales_notify_customer).
NOTIFY_SWITCHES = {
    "return_authorised": "aftersales_notify_return_authorised",
    "goods_received": "aftersales_notify_goods_received",
    "credit_note_issued": "aftersales_notify_credit_note_issued",
    "product_shipped": "aftersales_notify_product_shipped",
}


class HelpdeskTeam(models.Model):
    _inherit = TEAM_MODEL

    # Off until the team switches them on: an upgraded database sends its
    # customers nothing new by itself.
    aftersales_notify_return_authorised = fields.Boolean(
        string="Email: Return Authorised",
        help="Email the customer when a return is created from a ticket: its reference, "
        "what to send and where, with a printable return slip.",
    )
    aftersales_notify_goods_received = fields.Boolean(
        string="Email: Goods Received",
        help="Email the customer when the products they returned are received.",
    )
    aftersales_notify_credit_note_issued = fields.Boolean(
        string="Email: Credit Note Issued",
        help="Email the customer when a credit note of a ticket is posted.",
    )
    aftersales_notify_product_shipped = fields.Boolean(
        string="Email: Product Shipped",
        help="Email the customer when a replacement or repaired product of a ticket is "
        "shipped to them.",
    )

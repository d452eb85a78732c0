from odoo import fields, models
from odoo.exceptions import UserError


class HelpdeskSaleCouponGenerate(models.TransientModel):
    _name = "helpdesk.sale.coupon.generate"
    _inherit = ["helpdesk.aftersales.wizard.mixin"]
    _description = "Generate a coupon from a helpdesk ticket"
    _aftersales_service_field = "use_coupons"

    company_id = fields.Many2one(related="helpdesk_ticket_id.company_id")
    program_id = fields.Many2one(
        "loyalty.program",
        string="Coupon Program",
        domain="[('program_type', '=', 'coupons'), ('company_id', 'in', (company_id, False))]",
    )
    expiration_date = fields.Date(
        string="Valid Until", help="Leave empty for a coupon code that never expires."
    )
    coupon_id = fields.Many2one("loyalty.card", string="Coupon", readonly=True)

    def _check_coupon_values(self):
        """Checked before generating: the values may come from a forged call."""
        ticket = self._aftersales_check_ticket()
        program = self.program_id
        if not ticket.partner_id:
            raise UserError(self.env._("Set the customer of the ticket to give them a coupon."))
        if not program:
            raise UserError(self.env._("Choose a coupon program."))
        if program.program_type != "coupons":
            raise UserError(
                self.env._(
                    "The program %(program)s is not a coupon program: choose a program whose "
                    "Program Type is Coupons.",
                    program=program.display_name,
                )
            )
        if not program.active:
            raise UserError(
                self.env._("The program %(program)s is archived.", program=program.display_name)
            )
        if program.company_id and program.company_id != ticket.company_id:
            raise UserError(
                self.env._(
                    "The program %(program)s belongs to another company than the ticket.",
                    program=program.display_name,
                )
            )
        if self.expiration_date and self.expiration_date < fields.Date.context_today(self):
            raise UserError(self.env._("Valid Until cannot be in the past."))

    def _prepare_coupon_values(self):
        return {
            "program_id": self.program_id.id,
            "partner_id": self.helpdesk_ticket_id.partner_id.id,
            "expiration_date": self.expiration_date,
            # One point: the coupon pays one reward, once.
            "points": 1,
        }

    def _generate_coupon(self):
        """The coupon of this dialog, generated once whichever button is used."""
        self.ensure_one()
        if self.coupon_id:
            return self.coupon_id
        self._check_coupon_values()
        # Salespeople read coupons but only sales managers create them in core;
        # the checks above make this one safe to create for the agent, as a
        # sales order does when it rewards a coupon. As there too, the
        # program's "At Creation" email is not sent (loyalty_no_mail): the
        # agent decides whether the customer gets the coupon by email (Send by
        # Email), a link or the code.
        coupon = (
            self.env["loyalty.card"]
            .sudo()
            .with_context(loyalty_no_mail=True)
            .create(self._prepare_coupon_values())
            .with_env(self.env)
        )
        self._aftersales_link_documents(coupon, self.env._("Coupon generated: %(documents)s"))
        self.coupon_id = coupon
        return coupon

    def action_generate(self):
        self._generate_coupon()
        return {"type": "ir.actions.act_window_close"}

    def action_send_by_email(self):
        coupon = self._generate_coupon()
        action = coupon.action_coupon_send()
        template = coupon._get_default_template() or self.env.ref(
            "loyalty.mail_template_loyalty_card", raise_if_not_found=False
        )
        action["context"].update(
            default_template_id=template.id if template else False,
            # As in Odoo: every follower of the ticket receives the coupon.
            default_partner_ids=self.helpdesk_ticket_id.message_partner_ids.ids,
        )
        return action

    def action_get_share_link(self):
        coupon = self._generate_coupon()
        share = self.env["helpdesk.coupon.share"].create({"coupon_id": coupon.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Share Coupon"),
            "res_model": "helpdesk.coupon.share",
            "res_id": share.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskSaleCouponGenerate(models.TransientModel):
    _name = "helpdesk.sale.coupon.generate"
    _inherit = ["helpdesk.aftersales.wizard.mixin"]
    _description = "Generate a coupon from a helpdesk ticket"
    _aftersales_service_field = "use_coupons"
    _check_company_auto = True

    company_id = fields.Many2one(related="helpdesk_ticket_id.company_id", compute_sudo=False)
    program_id = fields.Many2one(
        "loyalty.program",
        string="Coupon Program",
        check_company=True,
        domain="[('program_type', '=', 'coupons'), ('company_id', 'in', (company_id, False))]",
    )
    expiration_date = fields.Date(
        string="Valid Until", help="Leave empty for a coupon code that never expires."
    )
    coupon_id = fields.Many2one("loyalty.card", string="Coupon", readonly=True, check_company=True)

    # The coupon is the one the dialog generates, never one it is given: its
    # Get Share Link and Send by Email would hand out any coupon's code.
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("coupon_id") for vals in vals_list):
            self._aftersales_refuse_coupon()
        return super().create(vals_list)

    def write(self, vals):
        if "coupon_id" in vals and not self.env.su:
            self._aftersales_refuse_coupon()
        return super().write(vals)

    def _aftersales_refuse_coupon(self):
        raise UserError(
            self.env._("The dialog generates its own coupon: a coupon cannot be given to it.")
        )

    def _aftersales_refusals(self):
        """Checked before generating: the values may come from a forged call.
        The program's company is the ORM's (check_company)."""
        yield from super()._aftersales_refusals()
        if not self.helpdesk_ticket_id.partner_id:
            yield self.env._("Set the customer of the ticket to give them a coupon.")
        yield self._aftersales_program_refusal()
        if self.expiration_date and self.expiration_date < fields.Date.context_today(self):
            yield self.env._("Valid Until cannot be in the past.")

    def _aftersales_program_refusal(self):
        program = self.program_id
        if not program:
            return self.env._("Choose a coupon program.")
        if program.program_type != "coupons":
            return self.env._(
                "The program %(program)s is not a coupon program: choose a program whose "
                "Program Type is Coupons.",
                program=program.display_name,
            )
        if not program.active:
            return self.env._("The program %(program)s is archived.", program=program.display_name)
        return None

    def _aftersales_prepare_coupon_values(self):
        return {
            "program_id": self.program_id.id,
            "partner_id": self.helpdesk_ticket_id.partner_id.id,
            "expiration_date": self.expiration_date,
            # One point: the coupon pays one reward, once.
            "points": 1,
        }

    def _aftersales_create_documents(self):
        # Salespeople read coupons but only sales managers create them in core;
        # the checks make this one safe to create for the agent, as a sales
        # order does when it rewards a coupon. As there too, the program's "At
        # Creation" email is not sent (loyalty_no_mail): the agent decides
        # whether the customer gets the coupon by email (Send by Email), a link
        # or the code.
        return (
            self.env["loyalty.card"]
            .sudo()
            .with_context(loyalty_no_mail=True)
            .create(self._aftersales_prepare_coupon_values())
            .with_env(self.env)
        )

    def _aftersales_generate_coupon(self):
        """The coupon of this dialog, generated once whichever button is used
        (Generate, Get Share Link, Send by Email). Two clicks at once both write
        the dialog's row: the second transaction is retried and finds the
        coupon of the first."""
        self.ensure_one()
        if not self.coupon_id:
            coupon = self._aftersales_check_create_attach(
                self.env._("Coupon generated: %(documents)s")
            )
            # Written as superuser: the only way to set the dialog's coupon.
            self.sudo().coupon_id = coupon
        return self.coupon_id

    def action_generate(self):
        self._aftersales_generate_coupon()
        return {"type": "ir.actions.act_window_close"}

    def action_send_by_email(self):
        coupon = self._aftersales_generate_coupon()
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
        coupon = self._aftersales_generate_coupon()
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

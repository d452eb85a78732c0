from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL

# Team setting -> bridge module that implements it: switching a setting on
# installs its module (see ``write``).
AFTERSALES_MODULES = {
    "use_credit_notes": "helpdesk_aftersales_refund",
    "use_coupons": "helpdesk_aftersales_coupon",
    "use_product_returns": "helpdesk_aftersales_return",
    "use_product_repairs": "helpdesk_aftersales_repair",
    "use_fsm": "helpdesk_aftersales_fsm",
}


class HelpdeskTeam(models.Model):
    _inherit = TEAM_MODEL

    use_credit_notes = fields.Boolean(
        string="Refunds",
        help="Issue credit notes to refund a customer, or adjust the remaining amount due",
    )
    use_coupons = fields.Boolean(
        string="Coupons",
        help="Grant discounts or free products through existing coupon programs",
    )
    use_product_returns = fields.Boolean(
        string="Returns",
        help="Initiate a product return from a customer through a reverse transfer",
    )
    use_product_repairs = fields.Boolean(
        string="Repairs",
        help="Create repair orders for broken or faulty products",
    )
    use_fsm = fields.Boolean(
        string="Field Service",
        help="Plan onsite interventions through the Field Service application",
    )
    aftersales_close_when_done = fields.Boolean(
        string="Close Only When After-Sales Is Done",
        help="A ticket of the team moves to a closing stage (a stage folded in the Kanban "
        "view) only once its after-sales documents are done: credit notes no longer in "
        "draft, returns, repair orders and tasks done or cancelled.",
    )

    @api.model
    def _aftersales_modules_to_install(self, vals):
        """Bridge modules that ``vals`` switches on and that are not installed yet."""
        names = [module for field, module in AFTERSALES_MODULES.items() if vals.get(field)]
        if not names:
            return self.env["ir.module.module"]
        return (
            self.env["ir.module.module"]
            .sudo()
            # "to install": the module is being installed right now, e.g. its
            # own demo data switches its service on while it loads.
            .search(
                [
                    ("name", "in", names),
                    ("state", "not in", ("installed", "to upgrade", "to install")),
                ]
            )
        )

    @api.model
    def _aftersales_check_install_rights(self, modules):
        # Checked before anything is written: a refused install must leave the
        # team exactly as it was.
        if modules and not self.env.user._is_system():
            raise UserError(
                self.env._(
                    "Enabling this service installs the module %(modules)s. Only an "
                    "administrator (Settings access) can install modules: ask one to "
                    "enable it for you.",
                    modules=", ".join(modules.mapped("name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        modules = self.env["ir.module.module"]
        for vals in vals_list:
            modules |= self._aftersales_modules_to_install(vals)
        self._aftersales_check_install_rights(modules)
        teams = super().create(vals_list)
        if modules:
            modules.button_immediate_install()
        return teams

    def write(self, vals):
        modules = self._aftersales_modules_to_install(vals)
        self._aftersales_check_install_rights(modules)
        res = super().write(vals)
        if modules:
            modules.button_immediate_install()
        return res

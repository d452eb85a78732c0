from odoo import models


class ProjectTask(models.Model):
    _name = "project.task"
    _inherit = ["project.task", "helpdesk.aftersales.document.mixin"]

    def _aftersales_portal_status(self):
        # An open task: its stage, as the project's own portal shows it.
        self.ensure_one()
        if self.state == "1_canceled":
            return self.env._("Cancelled"), "danger"
        if self.state == "1_done":
            return self.env._("Done"), "success"
        return self.stage_id.name or self.env._("In progress"), "info"
